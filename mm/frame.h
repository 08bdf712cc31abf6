#ifndef MM_FRAME_H
#define MM_FRAME_H

#include <stdint.h>
#include <stddef.h>
#include "mm/layout.h"

struct bootinfo;

/*
 * One struct page per physical frame, indexed by frame number.
 *
 * ref counts the frame's users: 1 for a frame the kernel holds, one per PTE
 * table mapping a user page, and for a page table the number of entries
 * that point at it.  A frame on the free list has ref == 0 and PG_FREE; a
 * reserved frame (firmware, the kernel image, this array) is never
 * allocated and has PG_RESERVED.  ref is read and changed only through the
 * page_ref helpers below, page_get() and the puts: atomic operations, so
 * that CPUs sharing a frame never lose an update (mm_check()'s recount is
 * the one plain reader, mm/check.c).
 */
struct page {
	uint32_t ref;
	uint8_t flags;                  /* PG_* */
	uint8_t slab_class;             /* mm/heap.c, while PG_SLAB */
	uint16_t slab_inuse;            /* objects handed out from this page */
	struct page *next, *prev;       /* free list, or a heap class's list */
	void *slab_free;                /* first free object in this page */
	uint32_t seen;                  /* mm_check's recount (mm/check.c) */
};

enum {
	PG_RESERVED = 1 << 0,
	PG_FREE     = 1 << 1,
	PG_SLAB     = 1 << 2,
	PG_USER     = 1 << 3,        /* mapped into user space (mm/mm.c) */
	PG_CHECKED  = 1 << 4,        /* mm_check has counted this table's pages */
	PG_CACHE    = 1 << 5,        /* a tmpfs file's data (mm/filemap.c) */
};

extern struct page *pages;
extern uint64_t npages;                 /* frame numbers are < npages */

static inline uint64_t page_pfn(const struct page *pg) { return pg - pages; }
static inline uint64_t page_pa(const struct page *pg) { return page_pfn(pg) << PAGE_SHIFT; }
static inline void *page_va(const struct page *pg) { return P2V(page_pa(pg)); }
static inline struct page *pa_page(uint64_t pa) { return &pages[pa >> PAGE_SHIFT]; }

void frame_init(const struct bootinfo *bi);
/* A frame with ref = 1 and unspecified contents, or NULL when none is left. */
struct page *page_alloc(void);
struct page *page_alloc_zeroed(void);
void page_get(struct page *pg);
/* Drops one reference; the last one frees the frame. */
void page_put(struct page *pg);
/* Drops one reference unless it is the caller's alone: returns 1 if it
 * dropped it, 0 if the count was 1, and then the caller, its last holder,
 * frees the frame (with its own bookkeeping) and puts it. */
int page_put_unless_last(struct page *pg);

/*
 * The reference count's atomic operations, each with the memory order its
 * users need.  The rule they keep: whoever finds a count of 1 and then
 * writes the frame (reuses a page or a table, frees it) sees everything
 * each former holder did with the frame before it let go (a copy read out
 * of it, entries it write-protected, references it took on what the frame
 * points at).  So every drop is a release, every "count is 1" read that
 * leads to such a write is an acquire, and the two pair up:
 *
 *   CPU A (holder, count 2)              CPU B (holder)
 *   copies the table, page_get() each
 *   page it maps, write-protects them
 *   drop: 2 -> 1 (release) ------------> reads 1 (acquire): A's copy and
 *                                        page counts are all visible, B may
 *                                        make the table writable
 */

/* The count as a hint, for reports, traces and assertions: relaxed, since
 * nothing the caller does depends on seeing other CPUs' writes. */
static inline uint32_t page_ref(const struct page *pg)
{
	return __atomic_load_n(&pg->ref, __ATOMIC_RELAXED);
}

/* The count before a decision to write the frame, or to let user space
 * write it, if it is 1: acquire, pairing with the release of every drop. */
static inline uint32_t page_ref_acquire(const struct page *pg)
{
	return __atomic_load_n(&pg->ref, __ATOMIC_ACQUIRE);
}

/* Takes a reference; returns the count before.  Relaxed: the caller holds
 * a reference already (its own, or through a table that maps the frame),
 * so the count cannot reach 0 meanwhile, and taking one publishes nothing;
 * what must be seen before a later drop is ordered by that drop. */
static inline uint32_t page_ref_inc(struct page *pg)
{
	return __atomic_fetch_add(&pg->ref, 1, __ATOMIC_RELAXED);
}

/* Drops a reference; returns the count before.  Release, so that this
 * holder's use of the frame happens before another's reuse or free of it;
 * acquire too, for the holder whose drop is the last, which frees it. */
static inline uint32_t page_ref_dec(struct page *pg)
{
	return __atomic_fetch_sub(&pg->ref, 1, __ATOMIC_ACQ_REL);
}

uint64_t frames_free(void);
uint64_t frames_total(void);            /* frames the allocator manages */
/* Recount the free list and check it against the counters and flags;
 * returns 0, or -1 after printing what is wrong. */
int frame_check(void);

#endif
