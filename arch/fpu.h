#ifndef ARCH_FPU_H
#define ARCH_FPU_H

#include <stdint.h>

/* The x87/SSE register file as FXSAVE writes it (Intel SDM vol. 1, 10.5.1). */
struct fpu_state {
	uint8_t area[512];
} __attribute__((aligned(16)));

void fpu_init(void);
/* The state a new program starts with: x87 and MXCSR at their defaults. */
const struct fpu_state *fpu_initial(void);
/* 0 if fxrstor would fault on s (reserved MXCSR bits set). */
int fpu_valid(const struct fpu_state *s);

static inline void fpu_save(struct fpu_state *s) { __asm__ volatile("fxsave64 %0" : "=m"(*s)); }
static inline void fpu_restore(const struct fpu_state *s) { __asm__ volatile("fxrstor64 %0" :: "m"(*s)); }

#endif
