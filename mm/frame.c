/*
 * The physical frame allocator.
 *
 * Every frame of RAM has a struct page in the array `pages`, placed at boot
 * in the first RAM large enough that nothing else uses.  Free frames form one
 * LIFO list threaded through their struct pages:
 *
 *     free_list -> [pfn 300] -> [pfn 301] -> ... -> NULL
 *
 * Allocation and freeing are O(1).  Frames are first pushed from the highest
 * address down, so early allocations come from low memory, which the boot
 * page tables map (mm/kmap.c needs that for its tables).
 *
 * Invariant (frame_check): the list holds exactly nr_free frames, each with
 * PG_FREE and ref 0, and no frame off the list has PG_FREE.
 */
#include <string.h>
#include "mm/frame.h"
#include "kernel/bootinfo.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "mm/failinject.h"

#define LOW_RESERVED    0x100000        /* BIOS data, EBDA, VGA, ROMs */
#define MAX_RESERVED    (3 + BOOT_MAX_MODULES)

struct page *pages;
uint64_t npages;

static struct page *free_list;
static uint64_t nr_free, nr_managed;

static int overlaps(const struct phys_range *r, uint64_t start, uint64_t end)
{
	return start < r->end && r->start < end;
}

static int collect_reserved(const struct bootinfo *bi, struct phys_range *out)
{
	int n = 0;

	out[n++] = (struct phys_range){ 0, LOW_RESERVED };
	out[n++] = (struct phys_range){ (uint64_t)__image_phys_start, (uint64_t)__image_phys_end };
	out[n++] = (struct phys_range){ PAGE_ROUND_DOWN(bi->info.start), PAGE_ROUND_UP(bi->info.end) };
	for (int i = 0; i < bi->nmodules; i++)
		out[n++] = (struct phys_range){ PAGE_ROUND_DOWN(bi->modules[i].range.start),
						PAGE_ROUND_UP(bi->modules[i].range.end) };
	return n;
}

/* The first `size` bytes of RAM below BOOT_MAPPED clear of every reserved range. */
static uint64_t find_room(const struct bootinfo *bi, const struct phys_range *res,
			  int nres, uint64_t size)
{
	for (int i = 0; i < bi->nram; i++) {
		uint64_t at = bi->ram[i].start;

		for (int j = 0; j < nres; j++) {
			if (at + size > bi->ram[i].end || at + size > BOOT_MAPPED)
				break;
			if (overlaps(&res[j], at, at + size)) {
				at = PAGE_ROUND_UP(res[j].end);
				j = -1;                 /* moved: check them all again */
			}
		}
		if (at + size <= bi->ram[i].end && at + size <= BOOT_MAPPED)
			return at;
	}
	panic("no room for %lu bytes of frame metadata", size);
}

static void free_range(uint64_t start, uint64_t end, const struct phys_range *res, int nres)
{
	for (uint64_t pa = end; pa > start; ) {
		int reserved = 0;

		pa -= PAGE_SIZE;
		for (int j = 0; j < nres; j++)
			reserved |= overlaps(&res[j], pa, pa + PAGE_SIZE);
		if (reserved)
			continue;
		pa_page(pa)->flags = PG_FREE;
		pa_page(pa)->next = free_list;
		free_list = pa_page(pa);
		nr_free++;
		nr_managed++;
	}
}

void frame_init(const struct bootinfo *bi)
{
	struct phys_range res[MAX_RESERVED + 1];
	int nres = collect_reserved(bi, res);
	uint64_t size, at;

	npages = bi->ram[bi->nram - 1].end >> PAGE_SHIFT;
	size = PAGE_ROUND_UP(npages * sizeof(struct page));
	at = find_room(bi, res, nres, size);
	res[nres++] = (struct phys_range){ at, at + size };
	pages = P2V(at);
	for (uint64_t i = 0; i < npages; i++)
		pages[i] = (struct page){ .flags = PG_RESERVED };
	for (int i = bi->nram - 1; i >= 0; i--)
		free_range(bi->ram[i].start, bi->ram[i].end, res, nres);
}

struct page *page_alloc(void)
{
	struct page *pg = free_list;

	if (!pg || failinject_now())
		return NULL;
	free_list = pg->next;
	nr_free--;
	pg->flags = 0;
	__atomic_store_n(&pg->ref, 1, __ATOMIC_RELAXED);   /* no other CPU has it yet */
	pg->next = NULL;
	return pg;
}

struct page *page_alloc_zeroed(void)
{
	struct page *pg = page_alloc();

	if (pg)
		memset(page_va(pg), 0, PAGE_SIZE);
	return pg;
}

void page_get(struct page *pg)
{
	uint32_t before = page_ref_inc(pg);

	ASSERT(before > 0 && !(pg->flags & (PG_FREE | PG_RESERVED)));
}

void page_put(struct page *pg)
{
	uint32_t before = page_ref_dec(pg);

	ASSERT(before > 0 && !(pg->flags & (PG_FREE | PG_RESERVED)));
	if (before > 1)
		return;
	pg->flags = PG_FREE;
	pg->next = free_list;
	free_list = pg;
	nr_free++;
}

/* A compare-and-exchange loop rather than a decrement, since the count
 * must stay 1 for the last holder: it still holds the frame while it
 * gives back what the frame holds (a table's references on its pages, the
 * counters), then page_put() frees it.  The load is an acquire (see
 * page_ref_acquire()), for that last holder; the drop is a release. */
int page_put_unless_last(struct page *pg)
{
	uint32_t ref = page_ref_acquire(pg);

	do {
		ASSERT(ref > 0 && !(pg->flags & (PG_FREE | PG_RESERVED)));
		if (ref == 1)
			return 0;
	} while (!__atomic_compare_exchange_n(&pg->ref, &ref, ref - 1, 0, __ATOMIC_RELEASE,
					      __ATOMIC_ACQUIRE));
	return 1;
}

uint64_t frames_free(void)
{
	return nr_free;
}

uint64_t frames_total(void)
{
	return nr_managed;
}

int frame_check(void)
{
	uint64_t listed = 0, flagged = 0;

	for (struct page *pg = free_list; pg && listed <= nr_free; pg = pg->next) {
		if (!(pg->flags & PG_FREE) || page_ref(pg)) {
			kprintf("frame_check: pfn %lu on the free list with flags %#x ref %u\n",
				page_pfn(pg), pg->flags, page_ref(pg));
			return -1;
		}
		listed++;
	}
	for (uint64_t i = 0; i < npages; i++)
		flagged += !!(pages[i].flags & PG_FREE);
	if (listed != nr_free || flagged != nr_free) {
		kprintf("frame_check: counter says %lu free, list has %lu, flags say %lu\n",
			nr_free, listed, flagged);
		return -1;
	}
	return 0;
}
