/* Tests of the kernel heap (mm/heap.c). */
#include <string.h>
#include "tests/ktest.h"
#include "mm/heap.h"
#include "mm/frame.h"

#define NOBJ 300

static const size_t sizes[] = { 1, 8, 16, 17, 100, 128, 500, 1024, 2000, 4096 };
#define NSIZES (sizeof(sizes) / sizeof(sizes[0]))

KTEST(heap, sizes_and_bounds)
{
	size_t before = heap_bytes_in_use();

	KEXPECT(kmalloc(0) == NULL);
	KEXPECT(kmalloc(KMALLOC_MAX + 1) == NULL);
	for (size_t i = 0; i < NSIZES; i++) {
		char *p = kmalloc(sizes[i]);

		KEXPECT(p != NULL);
		memset(p, 0xab, sizes[i]);
		kfree(p);
	}
	KEXPECT_EQ(heap_bytes_in_use(), before);
}

/* Many live objects of mixed sizes never overlap: each keeps its pattern. */
KTEST(heap, no_overlap)
{
	static unsigned char *obj[NOBJ];
	uint64_t before = frames_free();
	size_t bytes_before = heap_bytes_in_use();
	int bad = 0;

	for (int i = 0; i < NOBJ; i++) {
		obj[i] = kmalloc(sizes[i % NSIZES]);
		memset(obj[i], i & 0xff, sizes[i % NSIZES]);
	}
	KEXPECT(frames_free() < before);
	for (int i = 0; i < NOBJ; i += 2) {
		kfree(obj[i]);
		obj[i] = kmalloc(sizes[i % NSIZES]);
		memset(obj[i], i & 0xff, sizes[i % NSIZES]);
	}
	for (int i = 0; i < NOBJ; i++)
		for (size_t j = 0; j < sizes[i % NSIZES]; j++)
			bad |= obj[i][j] != (i & 0xff);
	KEXPECT(!bad);
	for (int i = NOBJ - 1; i >= 0; i--)
		kfree(obj[i]);
	KEXPECT_EQ(heap_bytes_in_use(), bytes_before);
	KEXPECT_EQ(frames_free(), before);              /* empty slabs go back */
}

KTEST(heap, zeroed_and_aligned)
{
	uint64_t *p = kzalloc(256);
	int nonzero = 0;

	for (int i = 0; i < 32; i++)
		nonzero |= p[i] != 0;
	KEXPECT(!nonzero);
	KEXPECT_EQ((uint64_t)p % 256, 0);
	kfree(p);
}

KTEST(heap, out_of_memory)
{
	struct page *list = NULL, *pg;
	void *p;

	while ((pg = page_alloc())) {
		pg->next = list;
		list = pg;
	}
	p = kmalloc(64);
	KEXPECT(p == NULL);
	while ((pg = list)) {
		list = pg->next;
		page_put(pg);
	}
}
