/* FPU/SSE state: the kernel itself is built without SSE; processes use it,
 * and each carries a struct fpu_state that the context switch saves. */
#include "arch/fpu.h"

#define MXCSR_DEFAULT   0x1f80          /* all exceptions masked */
#define FXSAVE_MXCSR    24              /* MXCSR's offset in the FXSAVE area */
#define FXSAVE_MXCSR_MASK 28            /* the MXCSR bits this CPU supports */
#define MXCSR_MASK_DEFAULT 0xffbf       /* when the CPU leaves the mask 0 */

static struct fpu_state initial;

void fpu_init(void)
{
	__asm__ volatile("fninit");
	fpu_save(&initial);
	*(uint32_t *)&initial.area[FXSAVE_MXCSR] = MXCSR_DEFAULT;
}

const struct fpu_state *fpu_initial(void)
{
	return &initial;
}

int fpu_valid(const struct fpu_state *s)
{
	uint32_t mask = *(const uint32_t *)&initial.area[FXSAVE_MXCSR_MASK];
	uint32_t mxcsr = *(const uint32_t *)&s->area[FXSAVE_MXCSR];

	return !(mxcsr & ~(mask ? mask : MXCSR_MASK_DEFAULT));
}
