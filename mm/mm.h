/*
 * A process's address space: its page tables and its VMAs.
 *
 *   struct mm
 *     pgd ------------> pgd (lower half: this process; upper half: the kernel's)
 *     vmas -> [0x400000-0x401000 r-x ELF] -> [0x401000-0x403000 rw- ELF]
 *           -> [brk] -> ... -> [0x7ffffffdf000-0x7ffffffff000 rw- stack]
 *
 * VMAs are sorted by address and never overlap; each says what may be done
 * with its pages (prot) and what kind of memory it is.  Page-table entries
 * say what is mapped now.  Rules tying the two, checked by mm_check():
 *   - a present user PTE lies inside a VMA and holds one reference on its
 *     page (struct page.ref), and the page is marked PG_USER;
 *   - a PTE is writable only if its VMA is writable and, for private
 *     memory, the page has no other user (ref == 1): a shared private page
 *     is copy-on-write;
 *   - mm->rss counts present user PTEs, mm->pt_pages the page-table frames
 *     (pgd included) this address space owns.
 */
#ifndef MM_MM_H
#define MM_MM_H

#include <stdint.h>
#include "mm/pgtable.h"

#define PROT_READ       0x1
#define PROT_WRITE      0x2
#define PROT_EXEC       0x4

enum vma_kind {
	VMA_ANON,               /* private anonymous: mmap(MAP_PRIVATE|MAP_ANONYMOUS) */
	VMA_SHARED,             /* shared anonymous: populated at mmap, never copied */
	VMA_ELF,                /* a program's segment, filled at exec, then private */
	VMA_BRK,                /* the heap behind brk() */
	VMA_STACK,              /* the main stack; grows down on faults */
};

struct vma {
	uint64_t start, end;    /* [start, end), page aligned */
	int prot;               /* PROT_* */
	enum vma_kind kind;
	struct vma *next;
};

enum fork_mode { FORK_COPY, FORK_COW, FORK_MODES };

struct mm {
	pte_t *pgd;
	struct vma *vmas;
	uint64_t brk_start, brk;
	uint64_t rss;           /* present user PTEs */
	uint64_t pt_pages;      /* page-table frames, pgd included */
};

/* Layout of user space. */
#define USER_ELF_MIN    0x400000UL
#define MMAP_TOP        0x7f0000000000UL        /* mmap searches down from here */
#define STACK_TOP       0x7ffffffff000UL
#define STACK_INITIAL   (32 * PAGE_SIZE)
#define STACK_MAX       (8UL << 20)             /* the stack grows to 8 MiB */
#define STACK_GUARD_GAP (256 * PAGE_SIZE)       /* kept free below the stack */

struct mm *mm_new(void);
void mm_free(struct mm *mm);
void mm_activate(struct mm *mm);

/* VMAs (mm/vma.c). */
struct vma *vma_find(struct mm *mm, uint64_t addr);     /* containing addr */
struct vma *vma_prev(struct mm *mm, struct vma *v);
int vma_insert(struct mm *mm, uint64_t start, uint64_t end, int prot, enum vma_kind kind);
int vma_split(struct mm *mm, uint64_t addr);            /* make addr a VMA boundary */
void vma_remove(struct mm *mm, struct vma *v);
int range_free(struct mm *mm, uint64_t start, uint64_t end);
uint64_t range_find(struct mm *mm, uint64_t len, uint64_t hint);

/* Pages and page tables (mm/mm.c). */
pte_t *mm_walk(struct mm *mm, uint64_t va, int level, int alloc);
int map_new_page(struct mm *mm, struct vma *v, uint64_t va, pte_t *pte);
pte_t vma_pte_flags(const struct vma *v);
void unmap_range(struct mm *mm, uint64_t start, uint64_t end);
void protect_range(struct mm *mm, struct vma *v);
void flush_page(struct mm *mm, uint64_t va);
void flush_all(struct mm *mm);
struct page *user_page_alloc(void);
void user_page_put(struct page *pg);
int user_access_ok(struct mm *mm, uint64_t addr, uint64_t len, int write);

/* Faults and fork (mm/fault.c, mm/fork.c). */
int handle_fault(struct mm *mm, uint64_t addr, uint64_t err);
struct mm *mm_fork(struct mm *parent, enum fork_mode mode);
struct vma *vma_find_or_grow(struct mm *mm, uint64_t addr);

/* System calls on the address space (mm/mmap.c). */
long mm_mmap(struct mm *mm, uint64_t addr, uint64_t len, int prot, int flags, int fd);
long mm_munmap(struct mm *mm, uint64_t addr, uint64_t len);
long mm_mprotect(struct mm *mm, uint64_t addr, uint64_t len, int prot);
uint64_t mm_brk(struct mm *mm, uint64_t addr);

/* Global counters: frames holding user pages, and user page tables. */
extern uint64_t nr_user_pages, nr_user_pgtables;

#endif
