/*
 * The edges of file mappings, madvise and msync: the errors of mmap for
 * bad descriptors, flags, offsets and permissions; a mapping past the end
 * of its file (the partial last page reads zeros past the end; a page
 * wholly past it kills the process with SIGBUS); madvise's advice and ranges, and MADV_DONTNEED on
 * private and shared memory, and on a table shared with a child (under
 * odf); msync's arguments; a file mapped, unlinked and then unmapped, or
 * truncated while mapped, gives every frame back.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include "odf.h"

#define SEED		0x21
#define TAIL_BYTES	100		/* the file ends this far into its 2nd page */
#define BIG_PAGES	64
#define ADVICE_BAD	7		/* between MADV_DONTNEED and MADV_FREE */
#define ADVICE_HUGE	1000
#define MS_BAD		8
#define NAME_LEN	64
#define PAGE_BYTE	'x'
#define CACHED_KEY	"Cached:"	/* /proc/meminfo: the page cache */

static char name[NAME_LEN];
static char *past_page;

/* A new file of size bytes of the pattern, open O_RDWR (unlinked at exit). */
static int make_file(size_t size)
{
	static char buf[BIG_PAGES * PAGE_SIZE];
	int fd;

	snprintf(name, sizeof(name), "/tmp/filemap_edges.%d", (int)getpid());
	fd = open(name, O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	fill_pattern(buf, size, SEED);
	CHECK_EQ(write(fd, buf, size), (long)size);
	return fd;
}

static void mmap_errors(int fd)
{
	int ro = open(name, O_RDONLY), wo = open(name, O_WRONLY), p[2];

	CHECK(ro >= 0 && wo >= 0);
	CHECK_EQ(pipe(p), 0);
	CHECK(mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE, -1, 0) == MAP_FAILED && errno == EBADF);
	CHECK(mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE, p[0], 0) == MAP_FAILED &&
	      errno == ENODEV);
	CHECK(mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE, fd, 1) == MAP_FAILED && errno == EINVAL);
	CHECK(mmap(NULL, 0, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED && errno == EINVAL);
	CHECK(mmap(NULL, PAGE_SIZE, PROT_READ, 0, fd, 0) == MAP_FAILED &&
	      errno == EINVAL);
	CHECK(mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0) == MAP_FAILED &&
	      errno == EACCES);
	CHECK(mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE, wo, 0) == MAP_FAILED && errno == EACCES);
	close(ro);
	close(wo);
	close(p[0]);
	close(p[1]);
}

/* A shared read-only mapping of an O_RDONLY fd may not become writable;
 * a private one may (its writes are its own). */
static void mprotect_of_readonly(void)
{
	int ro = open(name, O_RDONLY);
	char *s = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_SHARED, ro, 0);
	char *p = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE, ro, 0);

	CHECK(s != MAP_FAILED && p != MAP_FAILED);
	CHECK_ERR(mprotect(s, PAGE_SIZE, PROT_READ | PROT_WRITE), EACCES);
	CHECK_EQ(mprotect(p, PAGE_SIZE, PROT_READ | PROT_WRITE), 0);
	p[0] = PAGE_BYTE;
	CHECK(holds_pattern(s, PAGE_SIZE, SEED));
	CHECK_EQ(munmap(s, PAGE_SIZE), 0);
	CHECK_EQ(munmap(p, PAGE_SIZE), 0);
	close(ro);
}

static int touch_past(void *unused)
{
	(void)unused;
	return past_page[0];
}

static void past_eof(int fd)
{
	char *m = mmap(NULL, 3 * PAGE_SIZE, PROT_READ, MAP_SHARED, fd, 0);
	int status;

	CHECK(m != MAP_FAILED);
	CHECK(holds_pattern(m, PAGE_SIZE + TAIL_BYTES, SEED));
	CHECK(is_zero(m + PAGE_SIZE + TAIL_BYTES, PAGE_SIZE - TAIL_BYTES));
	past_page = m + 2 * PAGE_SIZE;
	status = run_in_child(touch_past, NULL);
	CHECK_KILLED(status, SIGBUS);
	CHECK_EQ(munmap(m, 3 * PAGE_SIZE), 0);
}

/* Advice forklab does not carry out, and that would change what the
 * program sees, is refused (Linux carries it out). */
static void advice_refused(void)
{
	char *m = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	static const int refused[] = { MADV_REMOVE, MADV_DONTFORK, MADV_DOFORK,
				       MADV_WIPEONFORK, MADV_KEEPONFORK };

	CHECK(m != MAP_FAILED);
	for (unsigned i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		CHECK_ERR(madvise(m, PAGE_SIZE, refused[i]), EINVAL);
	CHECK_EQ(munmap(m, PAGE_SIZE), 0);
}

static void madvise_edges(void)
{
	char *m = mmap(NULL, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(m != MAP_FAILED);
	CHECK_ERR(madvise(m + 1, PAGE_SIZE, MADV_NORMAL), EINVAL);
	CHECK_ERR(madvise(m, PAGE_SIZE, ADVICE_BAD), EINVAL);
	CHECK_ERR(madvise(m, PAGE_SIZE, ADVICE_HUGE), EINVAL);
	CHECK_ERR(madvise(m, PAGE_SIZE, -1), EINVAL);
	CHECK_ERR(madvise(m, (size_t)-PAGE_SIZE, MADV_NORMAL), EINVAL);
	CHECK_EQ(madvise(m, 0, MADV_DONTNEED), 0);
	CHECK_EQ(madvise(m, PAGE_SIZE, MADV_WILLNEED), 0);
	CHECK_EQ(madvise(m, PAGE_SIZE, MADV_SEQUENTIAL), 0);
	CHECK_EQ(munmap(m + 2 * PAGE_SIZE, PAGE_SIZE), 0);
	m[0] = PAGE_BYTE;
	m[3 * PAGE_SIZE] = PAGE_BYTE;
	CHECK_ERR(madvise(m, 4 * PAGE_SIZE, MADV_DONTNEED), ENOMEM);
	CHECK_EQ(m[0], 0);                      /* the mapped parts were done */
	CHECK_EQ(m[3 * PAGE_SIZE], 0);
	CHECK_ERR(madvise(m + 2 * PAGE_SIZE, PAGE_SIZE, MADV_NORMAL), ENOMEM);
	CHECK_EQ(munmap(m, 4 * PAGE_SIZE), 0);
}

/* DONTNEED: private anonymous pages read zeros again, a private file
 * mapping reads the file again, shared memory keeps its data. */
static void dontneed(int fd)
{
	char *priv = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	char *shared = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char *anon = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE,
			  MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	CHECK(priv != MAP_FAILED && shared != MAP_FAILED && anon != MAP_FAILED);
	priv[0] = PAGE_BYTE;
	shared[1] = PAGE_BYTE;
	anon[0] = PAGE_BYTE;
	CHECK_EQ(madvise(priv, PAGE_SIZE, MADV_DONTNEED), 0);
	CHECK_EQ(madvise(shared, PAGE_SIZE, MADV_DONTNEED), 0);
	CHECK_EQ(madvise(anon, PAGE_SIZE, MADV_DONTNEED), 0);
	CHECK_EQ(priv[0], (char)pattern_byte(0, SEED));
	CHECK_EQ(priv[1], PAGE_BYTE);           /* the file changed through shared */
	CHECK_EQ(shared[1], PAGE_BYTE);
	CHECK_EQ(anon[0], PAGE_BYTE);
	shared[1] = (char)pattern_byte(1, SEED);
	CHECK_EQ(munmap(priv, PAGE_SIZE), 0);
	CHECK_EQ(munmap(shared, PAGE_SIZE), 0);
	CHECK_EQ(munmap(anon, PAGE_SIZE), 0);
}

static unsigned char *region;

/* The child drops part of the table it shares with its parent (under odf
 * the table breaks first, as for munmap), then all of it (dropped whole). */
static int drop_in_child(void *unused)
{
	(void)unused;
	CHECK_EQ(madvise(region + PAGE_SIZE, 2 * PAGE_SIZE, MADV_DONTNEED), 0);
	CHECK(holds_pattern(region, PAGE_SIZE, SEED));
	CHECK(is_zero(region + PAGE_SIZE, 2 * PAGE_SIZE));
	CHECK_EQ(region[3 * PAGE_SIZE], pattern_byte(3 * PAGE_SIZE, SEED));
	CHECK_EQ(madvise(region, TABLE_SPAN, MADV_DONTNEED), 0);
	CHECK(is_zero(region, TABLE_SPAN));
	return test_result();
}

static void dontneed_after_fork(void)
{
	region = odf_region();
	fill_pattern(region, TABLE_SPAN, SEED);
	CHECK_EXITED(run_in_child(drop_in_child, NULL), TEST_PASS);
	CHECK(holds_pattern(region, TABLE_SPAN, SEED));
	CHECK_EQ(munmap(region, TABLE_SPAN), 0);
}

static void msync_edges(int fd)
{
	char *m = mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	CHECK(m != MAP_FAILED);
	CHECK_EQ(msync(m, 2 * PAGE_SIZE, MS_SYNC), 0);
	CHECK_EQ(msync(m, 1, MS_ASYNC | MS_INVALIDATE), 0);
	CHECK_EQ(msync(m, 0, MS_SYNC), 0);
	CHECK_ERR(msync(m + 1, PAGE_SIZE, MS_SYNC), EINVAL);
	CHECK_ERR(msync(m, PAGE_SIZE, MS_SYNC | MS_ASYNC), EINVAL);
	CHECK_ERR(msync(m, PAGE_SIZE, MS_BAD), EINVAL);
	CHECK_EQ(munmap(m + PAGE_SIZE, PAGE_SIZE), 0);
	CHECK_ERR(msync(m, 2 * PAGE_SIZE, MS_SYNC), ENOMEM);
	CHECK_EQ(munmap(m, PAGE_SIZE), 0);
}

/* A file mapped (and its pages touched), unlinked, closed, then unmapped:
 * MemFree and Cached are back where they were.  The first run only warms
 * up: the pages the C library and the stack touch first on the way stay
 * ours. */
static void unlinked_then_unmapped(int check)
{
	long before = memfree_kb(), cached = meminfo_kb(CACHED_KEY);
	int fd = make_file(BIG_PAGES * PAGE_SIZE);
	char *s = mmap(NULL, BIG_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char *p = mmap(NULL, BIG_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);

	CHECK(s != MAP_FAILED && p != MAP_FAILED);
	for (int i = 0; i < BIG_PAGES; i++) {
		s[i * PAGE_SIZE] = PAGE_BYTE;
		p[i * PAGE_SIZE + 1] = PAGE_BYTE;
	}
	CHECK_EQ(unlink(name), 0);
	CHECK_EQ(close(fd), 0);
	CHECK(memfree_kb() < before);
	CHECK(meminfo_kb(CACHED_KEY) >= cached + BIG_PAGES * PAGE_SIZE / KB);
	CHECK_EQ(s[0], PAGE_BYTE);
	CHECK_EQ(munmap(s, BIG_PAGES * PAGE_SIZE), 0);
	CHECK_EQ(munmap(p, BIG_PAGES * PAGE_SIZE), 0);
	CHECK_EQ(meminfo_kb(CACHED_KEY), cached);
	if (check)
		CHECK_EQ(memfree_kb(), before);
}

static int trivial(void *unused)
{
	(void)unused;
	return TEST_PASS;
}

/* A file truncated while mapped: its pages past the new end leave the
 * file, the mappings keep them until munmap (forklab; Linux unmaps them),
 * and a fork in between lets mm_check (mm_check=1) count them. */
static void truncated_while_mapped(int check)
{
	long before = memfree_kb();
	int fd = make_file(BIG_PAGES * PAGE_SIZE);
	char *s = mmap(NULL, BIG_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char *p = mmap(NULL, BIG_PAGES * PAGE_SIZE, PROT_READ, MAP_PRIVATE, fd, 0);

	CHECK(s != MAP_FAILED && p != MAP_FAILED);
	for (int i = 0; i < BIG_PAGES; i++)
		CHECK_EQ(s[i * PAGE_SIZE] + p[i * PAGE_SIZE], 2 * (char)pattern_byte(i * PAGE_SIZE, SEED));
	CHECK_EQ(ftruncate(fd, PAGE_SIZE), 0);
	CHECK_EXITED(run_in_child(trivial, NULL), TEST_PASS);
	CHECK_EQ(munmap(s, BIG_PAGES * PAGE_SIZE), 0);
	CHECK_EQ(munmap(p, BIG_PAGES * PAGE_SIZE), 0);
	CHECK_EQ(close(fd), 0);
	CHECK_EQ(unlink(name), 0);
	if (check)
		CHECK_EQ(memfree_kb(), before);
}

int main(void)
{
	struct utsname u;
	int fd = make_file(PAGE_SIZE + TAIL_BYTES);

	mmap_errors(fd);
	mprotect_of_readonly();
	past_eof(fd);
	madvise_edges();
	dontneed(fd);
	dontneed_after_fork();
	msync_edges(fd);
	close(fd);
	unlink(name);
	CHECK_EQ(uname(&u), 0);
	if (strcmp(u.sysname, "forklab") == 0) {    /* on the host MemFree moves by itself */
		advice_refused();
		unlinked_then_unmapped(0);
		unlinked_then_unmapped(1);
		truncated_while_mapped(1);
	}
	return test_result();
}
