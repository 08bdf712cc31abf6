/* FPU/SSE state: the kernel itself is built without SSE; processes use it,
 * and each carries a struct fpu_state that the context switch saves. */
#include "arch/fpu.h"

#define MXCSR_DEFAULT   0x1f80          /* all exceptions masked */

static struct fpu_state initial;

void fpu_init(void)
{
	uint32_t mxcsr = MXCSR_DEFAULT;

	__asm__ volatile("fninit; ldmxcsr %0" :: "m"(mxcsr));
	fpu_save(&initial);
}

const struct fpu_state *fpu_initial(void)
{
	return &initial;
}
