/*
 * Every kind of fault a user program can take, each killing only the
 * process that took it, with SIGSEGV.  signaled.c has the first few (a
 * NULL read, a kernel read, a non-canonical read, a call into data);
 * here are the rest, by the page-fault error code the CPU reports:
 *
 *   not present:  read, write, instruction fetch (an unmapped page)
 *   present:      write to a read-only page (mprotect'd, and the code);
 *                 fetch from a non-executable page (mprotect'd data, the
 *                 stack, the heap, a PROT_NONE page);
 *                 read, write and fetch of a supervisor page (kernel
 *                 text) and of a PROT_NONE page (which the kernel maps,
 *                 once touched, as one the user may not reach)
 *
 * and the general protection faults: hlt and cli, which user mode may not
 * run, and a jump to a non-canonical address.  Then a stack overflow:
 * unbounded recursion runs into the stack's limit (8 MiB on forklab, and
 * under Linux's default RLIMIT_STACK, which the test sets where it can).
 * Through it all the parent must live on, and fork as before.
 */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include "check.h"

#ifdef __GLIBC__
#include <sys/resource.h>
#endif

#define KERNEL_TEXT		0xffffffff80100000UL	/* in the kernel image */
#define NONCANONICAL_ADDR	0x0000800000000000UL	/* just past user half */
#define RET_INSN		0xc3	/* x86 "ret" */
#define STACK_LIMIT		(8UL << 20)	/* forklab's, and Linux's default */
#define FRAME_BYTES		1024	/* stack each recursion level takes */
#define HEAP_BYTES		64

enum { READ, WRITE, FETCH };

static volatile int sink;
static volatile int forever = 1;	/* hides the recursion's end from gcc */

/* Reads, writes or calls addr, as the child's last act. */
static int touch(void *addr, int how)
{
	volatile uintptr_t a = (uintptr_t)addr;

	if (how == READ)
		sink = *(volatile char *)a;
	else if (how == WRITE)
		*(volatile char *)a = 0;
	else
		((void (*)(void))a)();
	return TEST_PASS;
}

static int unmapped_read(void *p) { return touch(p, READ); }
static int unmapped_write(void *p) { return touch(p, WRITE); }
static int unmapped_fetch(void *p) { return touch(p, FETCH); }
static int present_read(void *p) { return touch(p, READ); }
static int present_write(void *p) { return touch(p, WRITE); }
static int present_fetch(void *p) { return touch(p, FETCH); }

/* A page that was mapped and is not any more. */
static void *hole(void)
{
	void *p = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(p != MAP_FAILED);
	CHECK_EQ(munmap(p, PAGE_SIZE), 0);
	return p;
}

/* A page holding "ret", present, then given protection prot. */
static void *present_page(int prot)
{
	unsigned char *p = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return NULL;
	p[0] = RET_INSN;
	CHECK_EQ(mprotect(p, PAGE_SIZE, prot), 0);
	return p;
}

static int execute_stack(void *unused)
{
	volatile unsigned char code[1] = { RET_INSN };

	(void)unused;
	return touch((void *)code, FETCH);
}

static int execute_heap(void *unused)
{
	unsigned char *code = malloc(HEAP_BYTES);

	(void)unused;
	if (code == NULL)
		return TEST_FAIL;
	code[0] = RET_INSN;
	return touch(code, FETCH);
}

static int write_code(void *unused)
{
	(void)unused;
	return touch((void *)(uintptr_t)write_code, WRITE);
}

static int halt(void *unused)
{
	(void)unused;
	__asm__ volatile("hlt");
	return TEST_PASS;
}

static int clear_interrupts(void *unused)
{
	(void)unused;
	__asm__ volatile("cli");
	return TEST_PASS;
}

/* Each level keeps a frame written and live, so that nothing folds the
 * recursion into a loop. */
static int recurse(int depth)
{
	volatile char frame[FRAME_BYTES];

	frame[0] = (char)depth;
	if (!forever)
		return frame[0];
	return recurse(depth + 1) + frame[0];
}

static int overflow_stack(void *unused)
{
#ifdef __GLIBC__
	struct rlimit lim = { STACK_LIMIT, STACK_LIMIT };

	setrlimit(RLIMIT_STACK, &lim);
#endif
	(void)unused;
	return recurse(0);
}

static int do_nothing(void *unused)
{
	(void)unused;
	return TEST_PASS;
}

struct fault {
	const char *what;
	int (*fn)(void *);
	void *arg;
};

static void run_faults(const struct fault *f, int n)
{
	for (int i = 0; i < n; i++) {
		int status = run_in_child(f[i].fn, f[i].arg);

		if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGSEGV)
			fprintf(stderr, "fault_kinds: %s:\n", f[i].what);
		CHECK_KILLED(status, SIGSEGV);
	}
}

int main(void)
{
	void *ro = present_page(PROT_READ);
	void *nx = present_page(PROT_READ | PROT_WRITE);
	void *none = present_page(PROT_NONE), *kernel = (void *)KERNEL_TEXT;
	void *gone = hole();            /* last: a later mmap could fill it */
	const struct fault faults[] = {
		{ "not-present read", unmapped_read, gone },
		{ "not-present write", unmapped_write, gone },
		{ "not-present fetch", unmapped_fetch, gone },
		{ "write to a read-only page", present_write, ro },
		{ "write to the code", write_code, NULL },
		{ "fetch from a data page", present_fetch, nx },
		{ "fetch from the stack", execute_stack, NULL },
		{ "fetch from the heap", execute_heap, NULL },
		{ "read of a PROT_NONE page", present_read, none },
		{ "write to a PROT_NONE page", present_write, none },
		{ "fetch from a PROT_NONE page", present_fetch, none },
		{ "read of kernel text", present_read, kernel },
		{ "write to kernel text", present_write, kernel },
		{ "fetch from kernel text", present_fetch, kernel },
		{ "jump to a non-canonical address", present_fetch,
		  (void *)NONCANONICAL_ADDR },
		{ "hlt", halt, NULL },
		{ "cli", clear_interrupts, NULL },
		{ "stack overflow", overflow_stack, NULL },
	};

	run_faults(faults, sizeof(faults) / sizeof(faults[0]));
	CHECK_EXITED(run_in_child(do_nothing, NULL), TEST_PASS);
	return test_result();
}
