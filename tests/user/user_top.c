/*
 * The last page below 2^47 belongs to no one: user space ends at
 * 0x7ffffffff000 (Linux's TASK_SIZE_MAX, forklab's USER_TOP), so that no
 * syscall instruction can sit in the last two bytes of the canonical half
 * and leave a non-canonical return address (0x800000000000) for sysret.
 * mmap with MAP_FIXED there fails with ENOMEM, as a hint it lands
 * elsewhere, and munmap of it fails with EINVAL.  Should a kernel map it
 * all the same, a syscall in its last two bytes must still not bring the
 * kernel down: the process dies of SIGSEGV.
 */
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include "check.h"

#define LAST_PAGE	0x7ffffffff000UL	/* 2^47 - PAGE_SIZE */
#define NR_GETPID	39
#define SYSCALL_LEN	2
static const unsigned char syscall_insn[SYSCALL_LEN] = { 0x0f, 0x05 };

static int syscall_at_top(void *page)
{
	unsigned char *insn = (unsigned char *)page + PAGE_SIZE - SYSCALL_LEN;

	memcpy(insn, syscall_insn, SYSCALL_LEN);
	__asm__ volatile("call *%1" :: "a"(NR_GETPID), "r"(insn)
			 : "rcx", "r11", "memory");
	return TEST_PASS;
}

int main(void)
{
	void *last = (void *)LAST_PAGE;
	void *p;

	p = mmap(last, PAGE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK(p == MAP_FAILED);
	if (p == MAP_FAILED)
		CHECK_EQ(errno, ENOMEM);
	else
		CHECK_KILLED(run_in_child(syscall_at_top, p), SIGSEGV);
	p = mmap(last, PAGE_SIZE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	CHECK((uintptr_t)p < LAST_PAGE);
	if (p != MAP_FAILED)
		CHECK_EQ(munmap(p, PAGE_SIZE), 0);
	CHECK_ERR(munmap(last, PAGE_SIZE), EINVAL);
	return test_result();
}
