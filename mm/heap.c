/*
 * The kernel heap: a slab allocator with power-of-two size classes from 16
 * bytes to a page.  A slab is one frame cut into objects of its class; its
 * struct page keeps the slab's own free list and how many objects are out:
 *
 *   class 64:  partial -> [page A: 3 free] -> [page B: 60 free] -> NULL
 *                          page A:  | used | free -+-> free -> free
 *
 * Only slabs with a free object sit on their class's partial list.  A slab
 * whose last object comes back returns its frame at once, so the heap holds
 * no frames it does not use and leak checks on frame counts stay exact.
 */
#include <string.h>
#include "mm/heap.h"
#include "mm/frame.h"
#include "kernel/panic.h"
#include "mm/failinject.h"

#define MIN_SHIFT       4
#define NR_CLASSES      (PAGE_SHIFT - MIN_SHIFT + 1)

static struct page *partial[NR_CLASSES];
static size_t bytes_in_use;

static size_t class_size(int c)
{
	return (size_t)1 << (c + MIN_SHIFT);
}

/* The smallest class that holds size (0 < size <= a page): the bits of
 * size - 1, less MIN_SHIFT.  Every fork allocates a dozen objects, so this
 * is a count of leading zeros rather than a loop over the classes. */
static int size_class(size_t size)
{
	int bits = size <= 1 ? 0 : 64 - __builtin_clzl(size - 1);

	return bits <= MIN_SHIFT ? 0 : bits - MIN_SHIFT;
}

static void list_push(struct page **head, struct page *pg)
{
	pg->prev = NULL;
	pg->next = *head;
	if (*head)
		(*head)->prev = pg;
	*head = pg;
}

static void list_remove(struct page **head, struct page *pg)
{
	if (pg->prev)
		pg->prev->next = pg->next;
	else
		*head = pg->next;
	if (pg->next)
		pg->next->prev = pg->prev;
}

static struct page *slab_new(int c)
{
	struct page *pg = page_alloc();
	size_t size = class_size(c);
	char *base;

	if (!pg)
		return NULL;
	base = page_va(pg);
	for (size_t off = 0; off < PAGE_SIZE; off += size)
		*(void **)(base + off) = off + size < PAGE_SIZE ? base + off + size : NULL;
	pg->flags = PG_SLAB;
	pg->slab_class = c;
	pg->slab_inuse = 0;
	pg->slab_free = base;
	list_push(&partial[c], pg);
	return pg;
}

void *kmalloc(size_t size)
{
	int c;
	struct page *pg;
	void *obj;

	if (!size || size > KMALLOC_MAX || failinject_now())
		return NULL;
	c = size_class(size);
	pg = partial[c] ? partial[c] : slab_new(c);
	if (!pg)
		return NULL;
	obj = pg->slab_free;
	pg->slab_free = *(void **)obj;
	pg->slab_inuse++;
	if (!pg->slab_free)
		list_remove(&partial[c], pg);
	bytes_in_use += class_size(c);
	return obj;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(void *p)
{
	struct page *pg;
	int was_full;

	if (!p)
		return;
	pg = pa_page(V2P(p));
	ASSERT(pg->flags & PG_SLAB);
	ASSERT((V2P(p) & (class_size(pg->slab_class) - 1)) == 0);
	was_full = !pg->slab_free;
	*(void **)p = pg->slab_free;
	pg->slab_free = p;
	pg->slab_inuse--;
	bytes_in_use -= class_size(pg->slab_class);
	if (!was_full && !pg->slab_inuse)
		list_remove(&partial[pg->slab_class], pg);
	if (!pg->slab_inuse) {
		pg->flags = 0;
		page_put(pg);
	} else if (was_full) {
		list_push(&partial[pg->slab_class], pg);
	}
}

size_t heap_bytes_in_use(void)
{
	return bytes_in_use;
}
