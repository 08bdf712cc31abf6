/* Tests of the frame allocator (mm/frame.c). */
#include "tests/ktest.h"
#include "mm/frame.h"

#define STORM_FRAMES    512
#define STORM_ROUNDS    20
#define MARK            0x5a

KTEST(frames, alloc_free)
{
	uint64_t before = frames_free();
	struct page *a = page_alloc(), *b = page_alloc();

	KEXPECT(a && b && a != b);
	KEXPECT_EQ(page_ref(a), 1);
	KEXPECT_EQ(frames_free(), before - 2);
	page_put(a);
	page_put(b);
	KEXPECT_EQ(frames_free(), before);
}

KTEST(frames, refcount)
{
	uint64_t before = frames_free();
	struct page *pg = page_alloc();

	page_get(pg);
	KEXPECT_EQ(page_ref(pg), 2);
	page_put(pg);
	KEXPECT_EQ(frames_free(), before - 1);          /* still one user */
	page_put(pg);
	KEXPECT_EQ(frames_free(), before);
	KEXPECT(pg->flags & PG_FREE);
}

KTEST(frames, zeroed)
{
	struct page *pg = page_alloc();
	uint64_t *p = page_va(pg);
	int nonzero = 0;

	for (uint64_t i = 0; i < PAGE_SIZE / 8; i++)
		p[i] = ~0UL;
	page_put(pg);
	pg = page_alloc_zeroed();                       /* LIFO: likely the same frame */
	p = page_va(pg);
	for (uint64_t i = 0; i < PAGE_SIZE / 8; i++)
		nonzero |= p[i] != 0;
	KEXPECT(!nonzero);
	page_put(pg);
}

/* Take every frame: each is handed out once, and the count matches. */
KTEST(frames, exhaustion)
{
	uint64_t before = frames_free(), got = 0, dups = 0;
	struct page *list = NULL, *pg;

	while ((pg = page_alloc())) {
		dups += pg->flags != 0;                 /* a handed-out frame has none */
		pg->flags = PG_SLAB;                    /* mark it as ours */
		pg->next = list;
		list = pg;
		got++;
	}
	KEXPECT_EQ(got, before);
	KEXPECT_EQ(dups, 0);
	KEXPECT_EQ(frames_free(), 0);
	KEXPECT(page_alloc() == NULL);
	while ((pg = list)) {
		list = pg->next;
		pg->flags = 0;
		page_put(pg);
	}
	KEXPECT_EQ(frames_free(), before);
}

/* A storm of allocations and frees in a scrambled order keeps exact counts,
 * and no frame is handed out twice while held (each holds its own mark). */
KTEST(frames, storm)
{
	static struct page *held[STORM_FRAMES];
	uint64_t before = frames_free(), seed = 12345;
	int bad = 0;

	for (int round = 0; round < STORM_ROUNDS; round++) {
		for (int i = 0; i < STORM_FRAMES; i++) {
			if (held[i])
				continue;
			held[i] = page_alloc();
			*(uint64_t *)page_va(held[i]) = page_pfn(held[i]) ^ MARK;
		}
		for (int i = 0; i < STORM_FRAMES; i++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			bad |= *(uint64_t *)page_va(held[i]) != (page_pfn(held[i]) ^ MARK);
			if (seed >> 63) {
				page_put(held[i]);
				held[i] = NULL;
			}
		}
		KEXPECT(frame_check() == 0);
	}
	for (int i = 0; i < STORM_FRAMES; i++)
		if (held[i])
			page_put(held[i]);
	for (int i = 0; i < STORM_FRAMES; i++)
		held[i] = NULL;
	KEXPECT(!bad);
	KEXPECT_EQ(frames_free(), before);
}

KTEST(frames, reserved_never_free)
{
	uint64_t kernel_pfn = KIMG2P(__text_start) >> PAGE_SHIFT;

	KEXPECT(pages[0].flags & PG_RESERVED);
	KEXPECT(pages[kernel_pfn].flags & PG_RESERVED);
	KEXPECT(pa_page(V2P(pages))->flags & PG_RESERVED);
}
