/*
 * mmap, munmap, mprotect and brk, on a few pages at a time.  New anonymous
 * memory reads as zeros; a free hint address is taken and a busy one is
 * not; MAP_FIXED replaces what was there; unmapping or write-protecting
 * the middle of a mapping touches only the middle, which a child then
 * finds missing or read-only by being killed with SIGSEGV; bad arguments
 * give EINVAL; the break grows and shrinks, keeping what it keeps and
 * giving back what it gives back.
 *
 * Accesses that should fault are made in a forked child, so the test
 * survives them.  That child holds a copy-on-write copy of the read-only
 * page, so it also checks that fork does not make such a page writable.
 */
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include "check.h"

#define NPAGES		3	/* a middle page and one page on either side */
#define MIDDLE		(1 * PAGE_SIZE)
#define LAST		(2 * PAGE_SIZE)
#define SEED		0x5a	/* any pattern seed will do */
#define HALF_PAGE	(PAGE_SIZE / 2)
#define BRK_GROW	(4 * PAGE_SIZE)
#define BRK_MORE	(3 * PAGE_SIZE)
#define BRK_SEED	0x3c
#define TWO_MIB		(2UL << 20)

static char *map_pages(void *hint, size_t npages, int flags)
{
	char *p = mmap(hint, npages * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | flags, -1, 0);

	CHECK(p != MAP_FAILED);
	return p == MAP_FAILED ? NULL : p;
}

/* Does the page at offset off still hold its part of the pattern? */
static int page_intact(const char *p, size_t off)
{
	size_t i;

	for (i = off; i < off + PAGE_SIZE; i++)
		if ((unsigned char)p[i] != pattern_byte(i, SEED))
			return 0;
	return 1;
}

/* Run in a child: they return only if the access did not fault. */
static int read_byte(void *addr)
{
	(void)*(volatile char *)addr;
	return TEST_PASS;
}

static int write_byte(void *addr)
{
	*(volatile char *)addr = 1;
	return TEST_PASS;
}

static void test_zero_filled(void)
{
	char *p = map_pages(NULL, NPAGES, 0);

	if (!p)
		return;
	CHECK(is_zero(p, NPAGES * PAGE_SIZE));
	fill_pattern(p, NPAGES * PAGE_SIZE, SEED);
	CHECK(holds_pattern(p, NPAGES * PAGE_SIZE, SEED));
	CHECK_EQ(munmap(p, NPAGES * PAGE_SIZE), 0);
}

/* A hint where nothing is mapped is taken; one where something is, not. */
static void test_hint(void)
{
	char *p = map_pages(NULL, NPAGES, 0), *q;

	if (!p)
		return;
	CHECK_EQ(munmap(p, NPAGES * PAGE_SIZE), 0);
	q = map_pages(p, NPAGES, 0);
	CHECK(q == p);
	fill_pattern(p, NPAGES * PAGE_SIZE, SEED);

	q = map_pages(p + MIDDLE, 1, 0);
	CHECK(q != p + MIDDLE);
	CHECK(q + PAGE_SIZE <= p || q >= p + NPAGES * PAGE_SIZE);
	CHECK(holds_pattern(p, NPAGES * PAGE_SIZE, SEED));
	CHECK_EQ(munmap(q, PAGE_SIZE), 0);
	CHECK_EQ(munmap(p, NPAGES * PAGE_SIZE), 0);
}

static void test_fixed_replaces(void)
{
	char *p = map_pages(NULL, NPAGES, 0);

	if (!p)
		return;
	fill_pattern(p, NPAGES * PAGE_SIZE, SEED);
	CHECK(map_pages(p + MIDDLE, 1, MAP_FIXED) == p + MIDDLE);
	CHECK(page_intact(p, 0));
	CHECK(is_zero(p + MIDDLE, PAGE_SIZE));
	CHECK(page_intact(p, LAST));
	CHECK_EQ(munmap(p, NPAGES * PAGE_SIZE), 0);
}

static void test_unmap_middle(void)
{
	char *p = map_pages(NULL, NPAGES, 0);

	if (!p)
		return;
	fill_pattern(p, NPAGES * PAGE_SIZE, SEED);
	CHECK_EQ(munmap(p + MIDDLE, PAGE_SIZE), 0);
	CHECK_KILLED(run_in_child(read_byte, p + MIDDLE), SIGSEGV);
	CHECK_KILLED(run_in_child(write_byte, p + MIDDLE), SIGSEGV);
	CHECK(page_intact(p, 0));
	CHECK(page_intact(p, LAST));
	CHECK_EXITED(run_in_child(write_byte, p + LAST), TEST_PASS);
	CHECK_EQ(munmap(p, NPAGES * PAGE_SIZE), 0);
}

static void test_protect_middle(void)
{
	char *p = map_pages(NULL, NPAGES, 0);

	if (!p)
		return;
	fill_pattern(p, NPAGES * PAGE_SIZE, SEED);
	CHECK_EQ(mprotect(p + MIDDLE, PAGE_SIZE, PROT_READ), 0);
	CHECK(holds_pattern(p, NPAGES * PAGE_SIZE, SEED));
	CHECK_EXITED(run_in_child(read_byte, p + MIDDLE), TEST_PASS);
	CHECK_KILLED(run_in_child(write_byte, p + MIDDLE), SIGSEGV);
	CHECK_EXITED(run_in_child(write_byte, p), TEST_PASS);
	CHECK_EXITED(run_in_child(write_byte, p + LAST), TEST_PASS);

	CHECK_EQ(mprotect(p + MIDDLE, PAGE_SIZE, PROT_NONE), 0);
	CHECK_KILLED(run_in_child(read_byte, p + MIDDLE), SIGSEGV);

	/* Writable again, for a child and for us. */
	CHECK_EQ(mprotect(p + MIDDLE, PAGE_SIZE, PROT_READ | PROT_WRITE), 0);
	CHECK(holds_pattern(p, NPAGES * PAGE_SIZE, SEED));
	CHECK_EXITED(run_in_child(write_byte, p + MIDDLE), TEST_PASS);
	write_byte(p + MIDDLE);
	CHECK_EQ(munmap(p, NPAGES * PAGE_SIZE), 0);
}

/* Lengths no address space holds: more than user space, and those that
 * wrap around when rounded up to a page. */
static const size_t huge_lengths[] = {
	(size_t)1 << 48, -(size_t)TWO_MIB, -(size_t)PAGE_SIZE, -(size_t)1,
};

static void test_bad_arguments(void)
{
	char *p = map_pages(NULL, NPAGES, 0);

	if (!p)
		return;
	CHECK_ERR(munmap(p + HALF_PAGE, PAGE_SIZE), EINVAL);
	CHECK_ERR(munmap(p, 0), EINVAL);
	CHECK_ERR(mprotect(p + HALF_PAGE, PAGE_SIZE, PROT_READ), EINVAL);
	CHECK(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
	      == MAP_FAILED);
	CHECK_EQ(errno, EINVAL);
	for (size_t i = 0; i < sizeof(huge_lengths) / sizeof(huge_lengths[0]); i++) {
		CHECK(mmap(NULL, huge_lengths[i], PROT_READ,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
		CHECK_EQ(errno, ENOMEM);
	}
	CHECK(mmap(p + HALF_PAGE, PAGE_SIZE, PROT_READ,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
	      == MAP_FAILED);
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(munmap(p, NPAGES * PAGE_SIZE), 0);
}

static char *page_up(char *p)
{
	uintptr_t a = (uintptr_t)p + PAGE_SIZE - 1;

	return (char *)(a - a % PAGE_SIZE);
}

/* sbrk(by) from the break at `from`; says why and returns 0 if it failed. */
static int move_break(char *from, intptr_t by)
{
	char *got = sbrk(by);

	if (got == from && sbrk(0) == from + by)
		return 1;
	fprintf(stderr, "mmap_semantics: sbrk(%ld) with the break at %p "
		"returned %p; the break is now %p\n", (long)by, (void *)from,
		(void *)got, sbrk(0));
	check_fail(__FILE__, __LINE__, "the break moves");
	return 0;
}

/*
 * Nothing between the sbrk calls may allocate: the C library's malloc may
 * use the break too.  Failed checks print to stderr, which does not.  If
 * the break does not move, there is nothing more to look at.
 */
static void test_brk(void)
{
	char *start = sbrk(0), *top;

	if (!move_break(start, BRK_GROW))
		return;
	CHECK(is_zero(start, BRK_GROW));
	fill_pattern(start, BRK_GROW, BRK_SEED);
	if (!move_break(start + BRK_GROW, BRK_MORE))
		return;
	CHECK(is_zero(start + BRK_GROW, BRK_MORE));
	CHECK(holds_pattern(start, BRK_GROW, BRK_SEED));
	fill_pattern(start + BRK_GROW, BRK_MORE, BRK_SEED);

	/* Shrinking keeps what stays and gives back whole pages above it. */
	if (!move_break(start + BRK_GROW + BRK_MORE, -BRK_MORE))
		return;
	CHECK(holds_pattern(start, BRK_GROW, BRK_SEED));
	top = page_up(start + BRK_GROW);
	CHECK_KILLED(run_in_child(read_byte, top), SIGSEGV);

	/* Growing again brings back zeros, not the old contents. */
	if (!move_break(start + BRK_GROW, BRK_MORE))
		return;
	CHECK(is_zero(top, start + BRK_GROW + BRK_MORE - top));
	CHECK(holds_pattern(start, BRK_GROW, BRK_SEED));
	move_break(start + BRK_GROW + BRK_MORE, -(BRK_GROW + BRK_MORE));
}

int main(void)
{
	test_zero_filled();
	test_hint();
	test_fixed_replaces();
	test_unmap_middle();
	test_protect_middle();
	test_bad_arguments();
	test_brk();
	return test_result();
}
