/*
 * File mappings: the pages of a VMA that maps a file, and the page-cache
 * frames of tmpfs files that such VMAs map.
 *
 * A tmpfs file keeps its data in page-cache frames (PG_CACHE): the file
 * holds one reference, and every PTE table mapping the frame one more, so
 * that read(), write() and every mapper see the same bytes:
 *
 *   tmpfs index --> frame (PG_CACHE, ref 1 + mappers) <-- PTE of a MAP_SHARED VMA
 *                                                    <-- read-only PTE of a
 *                                                        MAP_PRIVATE VMA
 *
 * A MAP_SHARED VMA (VMA_SHARED with a file) maps the frame writable if the
 * VMA is.  A MAP_PRIVATE one (VMA_FILE) maps it read-only, like a page
 * after a cow fork: the first write copies it (mm/fault.c, FAULT_COW),
 * since the file's reference makes the count above 1; until then it sees
 * the file's changes, as on Linux.  Files of the root image have no frames
 * (their bytes lie inside the archive), so a fault copies the page into a
 * private frame at once; nobody can write such a file, so nobody can tell.
 *
 * A frame the file lets go of (truncate, or the file's removal) while
 * PTEs still map it stays theirs: it becomes an ordinary user page that
 * the last unmap frees.  Linux would unmap it instead; forklab has no
 * reverse map to find the PTEs.
 *
 * Pages wholly past the end of the file cannot be mapped: the fault fails
 * with -ENXIO (nothing backs the page), and the process gets SIGBUS, as
 * on Linux; a system call copying there gets EFAULT.
 *
 * exec reads a program of /tmp through the kmap window (mm/kmap.h), its
 * cache frames side by side there, as it reads a memfd (filemap_kmap).
 */
#include <string.h>
#include "mm/mm.h"
#include "mm/frame.h"
#include "mm/trace.h"
#include "mm/heap.h"
#include "mm/kmap.h"
#include "kernel/vfs.h"
#include "kernel/errno.h"

uint64_t nr_cache_pages;

struct page *cache_page_alloc(void)
{
	struct page *pg = page_alloc_zeroed();

	if (pg) {
		pg->flags |= PG_CACHE;
		nr_cache_pages++;
	}
	return pg;
}

/* The file's reference goes; mappers keep theirs, on what becomes a user
 * page, which user_page_put() frees if there are none. */
void cache_page_put(struct page *pg)
{
	pg->flags = (pg->flags & ~PG_CACHE) | PG_USER;
	nr_cache_pages--;
	nr_user_pages++;
	user_page_put(pg);
}

/* A private frame holding page idx of a root-image file, zeros past its end. */
static struct page *copy_of(struct inode *file, uint64_t idx)
{
	struct page *pg = user_page_alloc();
	uint64_t off = idx * PAGE_SIZE, n = file->size - off;

	if (pg)
		memcpy(page_va(pg), file->ops->contents(file) + off, n < PAGE_SIZE ? n : PAGE_SIZE);
	return pg;
}

/* Maps page idx of v's file at *pte: a cache frame shared, or a copy. */
static int map_file_page(struct vma *v, uint64_t idx, pte_t *pte)
{
	struct page *pg;
	pte_t flags = vma_pte_flags(v);

	if (!v->file->ops->cache_page) {
		pg = copy_of(v->file, idx);
	} else {
		pg = v->file->ops->cache_page(v->file, idx);
		if (pg)
			page_get(pg);
		if (v->kind != VMA_SHARED)
			flags &= ~PTE_W;        /* copied on the first write */
	}
	if (!pg)
		return -ENOMEM;
	*pte = page_pa(pg) | flags;
	return 0;
}

/* A fault on a page of a file VMA with no PTE yet: 0, -ENXIO past the
 * end of the file, or -ENOMEM. */
int filemap_fault(struct mm *mm, struct vma *v, uint64_t va, unsigned *actions)
{
	uint64_t idx = v->pgoff + (va - v->start) / PAGE_SIZE;
	pte_t *pte;

	if (idx >= PAGE_ROUND_UP(v->file->size) / PAGE_SIZE)
		return -ENXIO;
	pte = pte_for_change(mm, va, actions);
	if (!pte || map_file_page(v, idx, pte) < 0)
		return -ENOMEM;
	flush_page(mm, va);
	*actions |= FA_FILE_PAGE;
	return 0;
}

/* Maps the n page-cache frames of file (holes given frames) in the kmap
 * window; its start, or NULL if a frame could not be had or n is more
 * than the window holds.  kunmap_window(n) ends it. */
const void *filemap_kmap(struct inode *file, uint64_t n)
{
	struct page **pg;
	const void *start = NULL;
	uint64_t i = 0;

	if (n > KMAP_WINDOW_PAGES)
		return NULL;
	pg = kmalloc((n + 1) * sizeof(*pg));    /* + 1: an empty file has a view too */
	if (!pg)
		return NULL;
	while (i < n && (pg[i] = file->ops->cache_page(file, i)))
		i++;
	if (i == n)
		start = kmap_window(pg, n);
	kfree(pg);
	return start;
}
