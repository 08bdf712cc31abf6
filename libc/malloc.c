/*
 * The memory allocator.  Every block starts with a header giving its size.
 * Small blocks have power-of-two sizes, from MIN_BLOCK to MAX_BLOCK; they
 * are carved from arenas mapped with mmap, and a freed one goes on the
 * free list of its size, to be handed out again (blocks are never split
 * or merged).  Anything larger gets a mapping of its own, unmapped by free().
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define MIN_SHIFT	5			/* smallest block: 32 bytes */
#define MAX_SHIFT	16			/* largest small block: 64 KiB */
#define MIN_BLOCK	(1UL << MIN_SHIFT)
#define MAX_BLOCK	(1UL << MAX_SHIFT)
#define NCLASSES	(MAX_SHIFT - MIN_SHIFT + 1)
#define ARENA_SIZE	(1UL << 20)		/* 16 blocks of MAX_BLOCK */
#define PAGE_SIZE	4096UL

/* 16 bytes, so the memory after it keeps the 16-byte alignment C expects. */
struct block {
	size_t size;			/* the whole block, header included */
	struct block *next;		/* while free: the next on its list */
};

static struct block *free_lists[NCLASSES];
static char *arena;			/* the unused part of the newest arena */
static size_t arena_left;

static int class_of(size_t size)
{
	int c = 0;

	while ((MIN_BLOCK << c) < size)
		c++;
	return c;
}

static void *map(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* A new small block.  When the arena is too short for it, its remainder
 * is left unused (at most MAX_BLOCK of every ARENA_SIZE). */
static struct block *carve(size_t size)
{
	struct block *b;

	if (arena_left < size) {
		arena = map(ARENA_SIZE);
		arena_left = arena ? ARENA_SIZE : 0;
		if (!arena)
			return NULL;
	}
	b = (struct block *)arena;
	arena += size;
	arena_left -= size;
	b->size = size;
	return b;
}

static struct block *small_block(size_t need)
{
	int c = class_of(need);
	struct block *b = free_lists[c];

	if (!b)
		return carve(MIN_BLOCK << c);
	free_lists[c] = b->next;
	return b;
}

static struct block *large_block(size_t need)
{
	size_t size = (need + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	struct block *b = map(size);

	if (b)
		b->size = size;
	return b;
}

void *malloc(size_t n)
{
	size_t need = n + sizeof(struct block);
	struct block *b;

	if (n > SIZE_MAX / 2) {
		errno = ENOMEM;
		return NULL;
	}
	b = need <= MAX_BLOCK ? small_block(need) : large_block(need);
	return b ? b + 1 : NULL;
}

void free(void *p)
{
	struct block *b;
	int c;

	if (!p)
		return;
	b = (struct block *)p - 1;
	if (b->size > MAX_BLOCK) {
		munmap(b, b->size);
		return;
	}
	c = class_of(b->size);
	b->next = free_lists[c];
	free_lists[c] = b;
}

void *calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

/* Keeps the block if it is big enough already; never shrinks one. */
void *realloc(void *p, size_t n)
{
	size_t room;
	void *q;

	if (!p)
		return malloc(n);
	room = ((struct block *)p - 1)->size - sizeof(struct block);
	if (n <= room)
		return p;
	q = malloc(n);
	if (q) {
		memcpy(q, p, room);
		free(p);
	}
	return q;
}
