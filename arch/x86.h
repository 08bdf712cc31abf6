/* Thin wrappers for the x86-64 instructions C cannot express. */
#ifndef ARCH_X86_H
#define ARCH_X86_H

#include <stdint.h>

static inline void outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" :: "a"(v), "Nd"(port)); }
static inline void outw(uint16_t port, uint16_t v) { __asm__ volatile("outw %0, %1" :: "a"(v), "Nd"(port)); }
static inline void outl(uint16_t port, uint32_t v) { __asm__ volatile("outl %0, %1" :: "a"(v), "Nd"(port)); }
static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}
static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr" :: "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static inline void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(sub));
}

#define DEFINE_CR(n) \
	static inline uint64_t read_cr##n(void) { uint64_t v; __asm__ volatile("mov %%cr" #n ", %0" : "=r"(v)); return v; } \
	static inline void write_cr##n(uint64_t v) { __asm__ volatile("mov %0, %%cr" #n :: "r"(v) : "memory"); }
DEFINE_CR(0)
DEFINE_CR(2)
DEFINE_CR(3)
DEFINE_CR(4)
#undef DEFINE_CR

static inline uint64_t read_rbp(void) { uint64_t v; __asm__ volatile("mov %%rbp, %0" : "=r"(v)); return v; }
static inline uint64_t read_rflags(void) { uint64_t v; __asm__ volatile("pushfq; pop %0" : "=r"(v)); return v; }
static inline void invlpg(uint64_t va) { __asm__ volatile("invlpg (%0)" :: "r"(va) : "memory"); }
static inline void cli(void) { __asm__ volatile("cli" ::: "memory"); }
static inline void sti(void) { __asm__ volatile("sti" ::: "memory"); }
static inline void hlt(void) { __asm__ volatile("hlt" ::: "memory"); }
static inline void pause(void) { __asm__ volatile("pause"); }

/* RFLAGS bits (Intel SDM vol. 1, 3.4.3); arch/entry.c has the policy. */
#define RFLAGS_CF       (1UL << 0)
#define RFLAGS_RESERVED (1UL << 1)      /* always reads as 1 */
#define RFLAGS_PF       (1UL << 2)
#define RFLAGS_AF       (1UL << 4)
#define RFLAGS_ZF       (1UL << 6)
#define RFLAGS_SF       (1UL << 7)
#define RFLAGS_TF       (1UL << 8)
#define RFLAGS_IF       (1UL << 9)
#define RFLAGS_DF       (1UL << 10)
#define RFLAGS_OF       (1UL << 11)
#define RFLAGS_IOPL     (3UL << 12)
#define RFLAGS_NT       (1UL << 14)
#define RFLAGS_RF       (1UL << 16)
#define RFLAGS_AC       (1UL << 18)
#define RFLAGS_ID       (1UL << 21)
/* What the kernel runs with after any entry: interrupts off, all else clear. */
#define RFLAGS_KERNEL   RFLAGS_RESERVED

#define CR0_WP          (1UL << 16)
#define CR0_AM          (1UL << 18)
#define CR0_EM          (1UL << 2)
#define CR0_MP          (1UL << 1)
#define CR4_OSFXSR      (1UL << 9)
#define CR4_OSXMMEXCPT  (1UL << 10)
#define CR4_PGE         (1UL << 7)
#define CR4_SMEP        (1UL << 20)
#define CR4_SMAP        (1UL << 21)

#define MSR_EFER        0xc0000080
#define MSR_FS_BASE     0xc0000100
#define MSR_GS_BASE     0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102    /* swapgs trades it with GS_BASE */
#define EFER_SCE        (1UL << 0)
#define EFER_NXE        (1UL << 11)

#endif
