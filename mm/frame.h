#ifndef MM_FRAME_H
#define MM_FRAME_H

#include <stdint.h>
#include <stddef.h>
#include "mm/layout.h"

struct bootinfo;

/*
 * One struct page per physical frame, indexed by frame number.
 *
 * ref counts the frame's users: 1 for a frame the kernel holds, and for a
 * user page (later) one per mapping; a page table's count is the number of
 * pmd entries that point at it.  A frame on the free list has ref == 0 and
 * PG_FREE; a reserved frame (firmware, the kernel image, this array) is never
 * allocated and has PG_RESERVED.
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

uint64_t frames_free(void);
uint64_t frames_total(void);            /* frames the allocator manages */
/* Recount the free list and check it against the counters and flags;
 * returns 0, or -1 after printing what is wrong. */
int frame_check(void);

#endif
