/* The per-CPU structures and how a CPU finds its own (arch/percpu.h). */
#include "arch/percpu.h"
#include "arch/x86.h"

struct cpu cpus[NCPU_MAX];
int ncpus = 1;

void percpu_init(struct cpu *c)
{
	c->self = c;
	c->id = c - cpus;
	wrmsr(MSR_GS_BASE, (uint64_t)c);
	wrmsr(MSR_KERNEL_GS_BASE, 0);   /* the user's, until a process sets one */
}
