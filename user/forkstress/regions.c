/*
 * forkstress's memory: the model of each region (what every page must
 * hold, which pages are mapped and writable) and the operations that change
 * memory or check it.  Every choice is made from the model and the
 * generator, never from an address the kernel chose.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include "forkstress.h"

#define SMALL_MAX_PAGES 16
#define SHARED_ODDS     4               /* one mapping in 4 is MAP_SHARED */
#define WRITE_RUN       8               /* pages one op writes, at most */
#define READ_RUN        16
#define PIPE_RUN        4
#define RW              (PROT_READ | PROT_WRITE)

/* Mapping shapes: small and anywhere; one PTE table's span, aligned;
 * across a table boundary, unaligned; two tables, aligned. */
enum shape { SMALL, ONE_TABLE, ACROSS_TABLES, TWO_TABLES, NSHAPES };

/* Ranges of a region for munmap and mprotect. */
enum range { WHOLE, ALIGNED_TABLE, SOME_PAGES, NRANGES };

struct region regions[MAX_REGIONS];

char *page_addr(struct region *r, int p)
{
	return r->base + (size_t)p * PAGE_SIZE;
}

void verify_page(struct region *r, int p, uint32_t stamp)
{
	const uint64_t *page = (const uint64_t *)page_addr(r, p);
	int bad = page_check(page, r->id, p, stamp);

	w.c.verified++;
	if (bad >= 0)
		die("region %u page %d: word %d is %016lx; expected stamp %08x, "
		    "the page's header says %08x", r->id, p, bad, (unsigned long)page[bad],
		    stamp, (uint32_t)page[0]);
}

/* Every page this process may read.  Before exit and exec. */
void verify_all(void)
{
	for (struct region *r = regions; r < regions + MAX_REGIONS; r++)
		for (int p = 0; r->used && r->owner == MINE && p < r->npages; p++)
			if (r->flags[p] & PG_MAPPED)
				verify_page(r, p, r->stamp[p]);
}

uint64_t stamps_hash(const struct region *r)
{
	uint64_t h = mix64(r->id);

	for (int p = 0; p < r->npages; p++)
		h = mix64(h ^ ((uint64_t)p << 32 | r->stamp[p]));
	return h;
}

/* A lent region is back from the child that owned it: its pages say what
 * they hold (they are self-describing), and the child's report says which
 * stamps they must add up to. */
void reclaim_region(struct region *r, uint64_t reported)
{
	for (int p = 0; p < r->npages; p++) {
		if (!(r->flags[p] & PG_MAPPED))
			continue;
		r->stamp[p] = (uint32_t)*(const uint64_t *)page_addr(r, p);
		verify_page(r, p, r->stamp[p]);
	}
	if (stamps_hash(r) != reported)
		die("shared region %u: the child that owned it reported stamps %016lx, "
		    "the memory holds %016lx", r->id, (unsigned long)reported,
		    (unsigned long)stamps_hash(r));
	r->owner = MINE;
	digest_add(reported);
}

static int mapped_pages(void)
{
	int n = 0;

	for (struct region *r = regions; r < regions + MAX_REGIONS; r++)
		for (int p = 0; r->used && p < r->npages; p++)
			n += r->flags[p] & PG_MAPPED;
	return n;
}

/* One of the used regions that `ok` accepts, chosen at random, or NULL. */
static struct region *pick_region(int (*ok)(const struct region *))
{
	int n = 0, k;

	for (struct region *r = regions; r < regions + MAX_REGIONS; r++)
		n += r->used && ok(r);
	if (!n)
		return NULL;
	k = rng_below(n);
	for (struct region *r = regions; r < regions + MAX_REGIONS; r++)
		if (r->used && ok(r) && k-- == 0)
			return r;
	return NULL;
}

static int mine(const struct region *r)
{
	return r->owner == MINE;
}

static int not_lent(const struct region *r)
{
	return r->owner != LENT;
}

static void release_region(struct region *r)
{
	if (r->inherited)
		report_region(r);
	r->used = 0;
}

/* [first, first + *n): a random run of at most max pages. */
static int pick_run(struct region *r, int max, int *n)
{
	int first = rng_below(r->npages);

	*n = 1 + rng_below(max);
	if (*n > r->npages - first)
		*n = r->npages - first;
	return first;
}

static void choose_shape(int *npages, int *align_off)
{
	*align_off = 0;
	switch (rng_below(NSHAPES)) {
	case SMALL:
		*npages = 1 + rng_below(SMALL_MAX_PAGES);
		*align_off = -1;
		break;
	case ONE_TABLE:
		*npages = TABLE_PAGES;
		break;
	case ACROSS_TABLES:
		*npages = TABLE_PAGES / 2 + rng_below(TABLE_PAGES);
		*align_off = 1 + rng_below(TABLE_PAGES - 1);
		break;
	default:
		*npages = 2 * TABLE_PAGES;
		break;
	}
}

/* Maps len bytes align_off pages past a 2 MiB boundary: reserves enough
 * inaccessible space to find a boundary in, maps over it, trims the rest. */
static char *map_aligned(size_t len, int align_off, int flags)
{
	size_t off = (size_t)align_off * PAGE_SIZE, span = off + len + TABLE_SPAN;
	char *res = mmap(NULL, span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *at;

	if (res == MAP_FAILED)
		return MAP_FAILED;
	at = (char *)(((uintptr_t)res + TABLE_SPAN - 1) & ~(uintptr_t)(TABLE_SPAN - 1)) + off;
	if (mmap(at, len, RW, flags | MAP_FIXED, -1, 0) == MAP_FAILED ||
	    (at > res && munmap(res, at - res) < 0) ||
	    munmap(at + len, res + span - (at + len)) < 0) {
		munmap(res, span);
		errno = ENOMEM;
		return MAP_FAILED;
	}
	return at;
}

static struct region *free_region(void)
{
	for (struct region *r = regions; r < regions + MAX_REGIONS; r++)
		if (!r->used)
			return r;
	return NULL;
}

void op_mmap(void)
{
	struct region *r = free_region();
	int npages, align_off, shared = rng_below(SHARED_ODDS) == 0;
	int flags = (shared ? MAP_SHARED : MAP_PRIVATE) | MAP_ANONYMOUS;
	size_t len;
	char *p;

	choose_shape(&npages, &align_off);
	if (!r || mapped_pages() + npages > MAX_PROC_PAGES)
		return;
	len = (size_t)npages * PAGE_SIZE;
	p = align_off < 0 ? mmap(NULL, len, RW, flags, -1, 0) : map_aligned(len, align_off, flags);
	if (p == MAP_FAILED) {
		tolerate("mmap");
		return;
	}
	*r = (struct region){ .used = 1, .shared = shared, .owner = MINE, .id = w.next_id++,
			      .npages = npages, .align_off = align_off, .base = p };
	memset(r->flags, PG_MAPPED | PG_WRITABLE, npages);
	digest_add((uint64_t)r->id << 32 | (uint64_t)npages << 1 | shared);
}

/* A range of r: all of it, the part of it in one 2 MiB-aligned span (where
 * the model knows the alignment), or a random run. */
static int choose_range(struct region *r, int *n)
{
	enum range how = rng_below(NRANGES);
	int first;

	if (how == ALIGNED_TABLE && r->align_off >= 0) {
		int b0 = (TABLE_PAGES - r->align_off % TABLE_PAGES) % TABLE_PAGES;
		int spans = b0 < r->npages ? 1 + (r->npages - 1 - b0) / TABLE_PAGES : 0;

		if (spans) {
			first = b0 + rng_below(spans) * TABLE_PAGES;
			*n = r->npages - first < TABLE_PAGES ? r->npages - first : TABLE_PAGES;
			return first;
		}
	}
	if (how == SOME_PAGES || how == ALIGNED_TABLE)
		return pick_run(r, r->npages, n);
	*n = r->npages;
	return 0;
}

static int any_mapped(const struct region *r)
{
	for (int p = 0; p < r->npages; p++)
		if (r->flags[p] & PG_MAPPED)
			return 1;
	return 0;
}

/* The mapped run from the first mapped page of [first, first + *n): a
 * range with no hole, as mprotect needs. */
static int mapped_run(struct region *r, int first, int *n)
{
	int end = first + *n;

	while (first < end && !(r->flags[first] & PG_MAPPED))
		first++;
	*n = 0;
	while (first + *n < end && (r->flags[first + *n] & PG_MAPPED))
		(*n)++;
	return first;
}

/* Unmaps the mapped pages of [first, first + n) run by run: a hole in the
 * model may hold another region's pages by now. */
static int unmap_pages(struct region *r, int first, int n)
{
	int end = first + n;

	while (first < end) {
		int len = end - first;

		first = mapped_run(r, first, &len);
		if (!len)
			break;
		if (munmap(page_addr(r, first), (size_t)len * PAGE_SIZE) < 0)
			return -1;
		memset(r->flags + first, 0, len);
		first += len;
	}
	return 0;
}

void op_munmap(void)
{
	struct region *r = pick_region(not_lent);
	int first = 0, n;

	if (!r)
		return;
	n = r->npages;
	if (r->owner == MINE)
		first = choose_range(r, &n);
	digest_add((uint64_t)r->id << 32 | (uint64_t)first << 16 | n);
	if (unmap_pages(r, first, n) < 0)
		tolerate("munmap");
	if (!any_mapped(r))
		release_region(r);
}

void drop_all_regions(void)
{
	for (struct region *r = regions; r < regions + MAX_REGIONS; r++) {
		if (r->used)
			unmap_pages(r, 0, r->npages);
		r->used = 0;
	}
}

void op_mprotect(void)
{
	struct region *r = pick_region(mine);
	int first, n, writable;

	if (!r)
		return;
	first = choose_range(r, &n);
	first = mapped_run(r, first, &n);
	writable = rng_below(2);
	digest_add((uint64_t)r->id << 32 | (uint64_t)first << 16 | n << 1 | writable);
	if (!n)
		return;
	if (mprotect(page_addr(r, first), (size_t)n * PAGE_SIZE,
		     writable ? RW : PROT_READ) < 0) {
		tolerate("mprotect");
		return;
	}
	memset(r->flags + first, PG_MAPPED | (writable ? PG_WRITABLE : 0), n);
}

static int can_write(struct region *r, int p)
{
	return (r->flags[p] & (PG_MAPPED | PG_WRITABLE)) == (PG_MAPPED | PG_WRITABLE);
}

static void write_page(struct region *r, int p, uint32_t stamp)
{
	page_fill((uint64_t *)page_addr(r, p), r->id, p, stamp);
	r->stamp[p] = stamp;
	digest_add((uint64_t)r->id << 48 | (uint64_t)p << 32 | stamp);
}

void op_write(void)
{
	struct region *r = pick_region(mine);
	int first, n;

	if (!r)
		return;
	first = pick_run(r, WRITE_RUN, &n);
	for (int p = first; p < first + n; p++)
		if (can_write(r, p))
			write_page(r, p, new_stamp());
}

void op_read(void)
{
	struct region *r = pick_region(mine);
	int first, n;

	if (!r)
		return;
	first = pick_run(r, READ_RUN, &n);
	for (int p = first; p < first + n; p++) {
		if (!(r->flags[p] & PG_MAPPED))
			continue;
		verify_page(r, p, r->stamp[p]);
		digest_add((uint64_t)r->id << 48 | (uint64_t)p << 32 | r->stamp[p]);
	}
}

/* One page from a pipe into memory: the kernel's copy to user space must
 * break any sharing of the page, as a write by the process would. */
static int pipe_page(int fds[2], struct region *r, int p, uint32_t stamp)
{
	static uint64_t buf[PAGE_WORDS];
	ssize_t got;

	page_fill(buf, r->id, p, stamp);
	if (write(fds[1], buf, PAGE_SIZE) != PAGE_SIZE)
		die("write to a pipe: %s", strerror(errno));
	got = read(fds[0], page_addr(r, p), PAGE_SIZE);
	if (got == PAGE_SIZE)
		return 0;
	if (!w.tolerant || got >= 0)
		die("read from a pipe into region %u page %d: %ld bytes (%s)", r->id, p,
		    (long)got, strerror(errno));
	w.c.tolerated++;        /* no frame for the copy: make the page right by hand */
	return -1;
}

void op_pipe_in(void)
{
	struct region *r = pick_region(mine);
	int first, n, fds[2];

	if (!r)
		return;
	first = pick_run(r, PIPE_RUN, &n);
	if (pipe(fds) < 0) {
		tolerate("pipe");
		return;
	}
	for (int p = first; p < first + n; p++) {
		uint32_t stamp;

		if (!can_write(r, p))
			continue;
		stamp = new_stamp();
		if (pipe_page(fds, r, p, stamp) < 0) {
			write_page(r, p, stamp);
			break;          /* the pipe still holds the page */
		}
		r->stamp[p] = stamp;
		digest_add((uint64_t)r->id << 48 | (uint64_t)p << 32 | stamp);
	}
	close(fds[0]);
	close(fds[1]);
}
