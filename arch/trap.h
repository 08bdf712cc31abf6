#ifndef ARCH_TRAP_H
#define ARCH_TRAP_H

#include <stdint.h>

/* What arch/vectors.asm leaves on the stack, lowest address first. */
struct trapframe {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;      /* pushed by the CPU */
};

enum {
	T_DIVIDE = 0, T_DEBUG = 1, T_NMI = 2, T_BREAKPOINT = 3, T_OVERFLOW = 4,
	T_BOUND = 5, T_INVALID_OP = 6, T_NO_DEVICE = 7, T_DOUBLE_FAULT = 8,
	T_INVALID_TSS = 10, T_NO_SEGMENT = 11, T_STACK = 12, T_GP = 13,
	T_PAGE_FAULT = 14, T_X87 = 16, T_ALIGNMENT = 17, T_MACHINE_CHECK = 18,
	T_SIMD = 19, T_VIRT = 20, T_CONTROL = 21, T_NR_EXCEPTIONS = 32,
	T_SYSCALL = 0x80,       /* marks a syscall frame; no IDT gate uses it */
};

/* Page-fault error code bits (Intel SDM vol. 3, 4.7). */
#define PF_PRESENT      (1UL << 0)      /* 0: the page was not present */
#define PF_WRITE        (1UL << 1)
#define PF_USER         (1UL << 2)
#define PF_RSVD         (1UL << 3)      /* a reserved bit was set in an entry */
#define PF_INSTR        (1UL << 4)      /* instruction fetch */
#define PF_PK           (1UL << 5)

#define UD2_LEN         2

void idt_init(void);
void idt_load(void);
const char *trap_name(uint64_t vector);
int trap_from_user(const struct trapframe *tf);
/* Let the next kernel exception `vector` be counted instead of panicking,
 * resuming `skip` bytes after the faulting instruction (tests only). */
void trap_expect(uint64_t vector, int skip);
int trap_caught(void);
uint64_t trap_caught_rflags(void);      /* rflags in the handler of the last one */

#endif
