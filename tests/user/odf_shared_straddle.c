/*
 * MAP_SHARED memory that straddles 2 MiB boundaries, amid private memory
 * that fills the tables around it.  After fork the child writes the shared
 * memory's first page itself and its last page through read() (the kernel
 * writing for it): the parent must see both, and its private memory must
 * stay its own.  Two layouts, B a 2 MiB boundary:
 *
 *   B - 2 MiB          B                  B + 2 MiB          B + 4 MiB
 *   | private   [shared|shared]  private  |  private           |
 *   | private   [shared|======= shared ===|=shared]  private   |
 *
 * An on-demand fork that shared a table covering shared memory (an overlap
 * test that looks only at where a VMA starts, or only where it ends) left
 * the child's pmd entry read-only there: its write faulted, and read()
 * failed with EFAULT.  No fork mode may change this, so the test is not
 * odf's alone and runs as it is on Linux.
 */
#include "odf.h"

#define SPAN		(4 * TABLE_SPAN)	/* holds B - 2 MiB .. B + 4 MiB */
#define PRIVATE_SEED	0x51
#define SHARED_BYTE	0xa5
#define READ_BYTE	0x5a

struct layout {
	unsigned char *shm;
	size_t len;
};

/* The child: a store to the first shared page, a read() into the last. */
static int write_shared(void *arg)
{
	struct layout *l = arg;
	unsigned char byte = READ_BYTE;
	int fds[2];

	l->shm[0] = SHARED_BYTE;
	if (pipe(fds) != 0 || write(fds[1], &byte, 1) != 1)
		return TEST_FAIL;
	if (read(fds[0], l->shm + l->len - 1, 1) != 1) {
		perror("read into shared memory");
		return TEST_FAIL;
	}
	return TEST_PASS;
}

/* Maps shared memory at [b - before, b + after) inside fresh private
 * memory, forks, and checks what the child wrote. */
static void straddle(size_t before, size_t after)
{
	unsigned char *p = mmap(NULL, SPAN, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *b;
	struct layout l;

	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return;
	b = (unsigned char *)(((uintptr_t)p + 2 * TABLE_SPAN - 1) &
			      ~(TABLE_SPAN - 1));
	fill_pattern(b - TABLE_SPAN, 3 * TABLE_SPAN, PRIVATE_SEED);
	l.shm = mmap(b - before, before + after, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	l.len = before + after;
	CHECK(l.shm == b - before);
	if (l.shm == b - before) {
		CHECK_EXITED(run_in_child(write_shared, &l), TEST_PASS);
		CHECK_EQ(l.shm[0], SHARED_BYTE);
		CHECK_EQ(l.shm[l.len - 1], READ_BYTE);
		CHECK(holds_pattern(b - TABLE_SPAN, TABLE_SPAN - before, PRIVATE_SEED));
	}
	CHECK_EQ(munmap(p, SPAN), 0);
}

int main(void)
{
	straddle(PAGE_SIZE, PAGE_SIZE);
	straddle(PAGE_SIZE, TABLE_SPAN + PAGE_SIZE);
	return test_result();
}
