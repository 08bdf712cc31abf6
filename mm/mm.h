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
 *   - a present user PTE lies inside a VMA; each PTE table holds one
 *     reference on every page it maps (struct page.ref), however many
 *     address spaces share the table (mm/odf.c), and the page is PG_USER,
 *     or PG_CACHE with one reference more, its file's (mm/filemap.c);
 *   - a page is writable through a pmd and a PTE only if its VMA is
 *     writable and, for private memory, the page has no other reference:
 *     a private page with ref > 1 is copy-on-write;
 *   - nr_user_pages counts PG_USER frames and nr_user_pgtables the frames
 *     of user page tables (pgds included), each frame once however shared.
 * A process's RSS and page-table bytes are not kept in counters that could
 * drift: mm_usage() counts them from the tables when someone asks.
 */
#ifndef MM_MM_H
#define MM_MM_H

#include <stdint.h>
#include "mm/pgtable.h"
#include "kernel/uapi.h"

struct inode;

enum vma_kind {
	VMA_ANON,               /* private anonymous: mmap(MAP_PRIVATE|MAP_ANONYMOUS) */
	VMA_SHARED,             /* shared memory, never copied: anonymous (populated
				 * at mmap) or a tmpfs file's frames (mm/filemap.c) */
	VMA_FILE,               /* a private file mapping: the file's pages until the
				 * first write copies them (mm/filemap.c) */
	VMA_ELF,                /* a program's segment, filled at exec, then private */
	VMA_BRK,                /* the heap behind brk() */
	VMA_STACK,              /* the main stack; grows down on faults */
};

#define PROT_ALL        (PROT_READ | PROT_WRITE | PROT_EXEC)

struct vma {
	uint64_t start, end;    /* [start, end), page aligned */
	int prot;               /* PROT_* */
	enum vma_kind kind;
	struct vma *next;
	struct inode *file;     /* a file mapping's, with a reference; else NULL */
	uint64_t pgoff;         /* the file's page mapped at start */
	int maxprot;            /* what mprotect may grant (PROT_*) */
};

enum fork_mode { FORK_COPY, FORK_COW, FORK_ODF, FORK_HODF, FORK_MODES };

extern const char *const fork_mode_names[FORK_MODES];    /* "copy", ... */

/* The path of the program an address space was made for, shared by the
 * address spaces forked from it: /proc/<pid>/maps names its segments. */
struct exe_name {
	int ref;
	uint64_t ino;
	char path[];
};

/* Where exec put the program's stack and its strings, for /proc: the
 * initial stack pointer (at argc), argv's strings and envp's strings. */
struct mm_layout {
	uint64_t start_stack, arg_start, arg_end, env_start, env_end;
};

struct mm {
	pte_t *pgd;
	struct vma *vmas;
	uint64_t brk_start, brk;
	struct exe_name *exe;   /* NULL until exec */
	struct mm_layout layout;
	int users;              /* processes running in it: 2 while a vfork child borrows it */
	uint64_t cpu_mask;      /* bit i: CPU i's CR3 holds pgd (mm/tlb.c) */
	struct {
		uint64_t shootdowns, ipis;      /* rounds of IPIs for it, IPIs sent */
	} tlb;
};

/* What one fork did (mm_fork), for /proc and the benchmarks. */
struct fork_stats {
	uint64_t tables_shared, tables_copied, ptes_copied, pages_copied, tlb_flushes;
	uint64_t tlb_ipis;              /* other CPUs its shootdown asked to flush */
};

/* What mm_usage() finds. */
struct mm_usage {
	uint64_t rss;                   /* pages mapped, through shared tables too */
	uint64_t pt_private;            /* page-table frames only this mm reaches */
	uint64_t pt_shared;             /* tables it shares with others, at any level */
	uint64_t own[PT_PGD + 1], shared[PT_PGD + 1];   /* the same by level */
};

/* Events of on-demand fork since boot (mm/odf.c). */
struct odf_counters {
	uint64_t tables_copied, tables_reused;
};

/* Breaks of shared pmd and pud tables since boot (mm/hodf.c), by level. */
struct hodf_counters {
	uint64_t copied[PT_PGD], reused[PT_PGD];
};

/* Layout of user space. */
#define USER_ELF_MIN    0x400000UL
#define STACK_TOP       0x7ffffffff000UL
#define STACK_INITIAL   (32 * PAGE_SIZE)
#define STACK_MAX       (8UL << 20)             /* the stack grows to 8 MiB */
#define STACK_GUARD_GAP (256 * PAGE_SIZE)       /* kept free below the stack */
/* mmap searches down from just below the stack's reach, so that mappings
 * and the stack share their upper page tables. */
#define MMAP_TOP        ((STACK_TOP - STACK_MAX - STACK_GUARD_GAP) & ~(PMD_SIZE - 1))

struct mm *mm_new(void);                /* one user */
void mm_free(struct mm *mm);
void mm_get(struct mm *mm);
void mm_put(struct mm *mm);             /* frees mm when its last user lets go */
void mm_activate(struct mm *mm);        /* NULL: the kernel's tables alone */
int mm_set_exe(struct mm *mm, const char *path, uint64_t ino);  /* 0 or -ENOMEM */

/* VMAs (mm/vma.c). */
struct vma *vma_find(struct mm *mm, uint64_t addr);     /* containing addr */
struct vma *vma_prev(struct mm *mm, struct vma *v);
/* vma_insert: 0; -EINVAL for a range no VMA may have (vma_range_ok);
 * -ENOMEM if it overlaps a VMA or memory ran out.  It is vma_new, which
 * only allocates (NULL if it cannot), then vma_add, which cannot run out
 * of memory (and frees v if it fails). */
int vma_insert(struct mm *mm, uint64_t start, uint64_t end, int prot, enum vma_kind kind);
struct vma *vma_new(uint64_t start, uint64_t end, int prot, enum vma_kind kind);
struct vma *vma_dup(const struct vma *v);       /* a copy, its own file reference */
void vma_free(struct vma *v);                   /* one not (or no longer) in a list */
int vma_add(struct mm *mm, struct vma *v);
int vma_range_ok(uint64_t start, uint64_t end);         /* non-empty, aligned, user */
int vma_split(struct mm *mm, uint64_t addr);            /* make addr a VMA boundary */
int vma_copy_all(struct mm *to, const struct mm *from); /* fork: 0 or -ENOMEM */
void vma_remove(struct mm *mm, struct vma *v);
int range_free(struct mm *mm, uint64_t start, uint64_t end);
uint64_t range_find(struct mm *mm, uint64_t len, uint64_t hint);

/* Pages and page tables (mm/mm.c). */
pte_t *mm_walk(struct mm *mm, uint64_t va, int level, int alloc);
pte_t *mm_walk_pmd(struct mm *mm, uint64_t va, uint64_t end, uint64_t *next);
pte_t *pte_for_change(struct mm *mm, uint64_t va, unsigned *actions);
int map_new_page(struct mm *mm, struct vma *v, uint64_t va, pte_t *pte);
pte_t vma_pte_flags(const struct vma *v);
void unmap_range(struct mm *mm, uint64_t start, uint64_t end);
void protect_range(struct mm *mm, struct vma *v);
/* The first multiple of span (a power of two) above va, or end if sooner:
 * where a walk of [va, end) one table's span at a time steps next. */
static inline uint64_t next_boundary(uint64_t va, uint64_t span, uint64_t end)
{
	uint64_t next = (va + span) & ~(span - 1);

	return next < end ? next : end;
}

/* Flushes of mm's TLB entries, for one page or all: on this CPU, and by
 * shootdown (mm/tlb.c) on every other CPU whose CR3 holds mm, before they
 * return.  A flush of an mm loaded nowhere does nothing, but is still
 * counted in tlb_flush_requests, so that a test can see that a path asked
 * for one. */
extern uint64_t tlb_flush_requests;
void flush_page(struct mm *mm, uint64_t va);
void flush_all(struct mm *mm);
void flush_all_local(struct mm *mm);   /* this CPU only: fork_shootdown=0 */
struct page *user_page_alloc(void);
void user_page_put(struct page *pg);
struct page *pgtable_alloc(void);
void pgtable_free(struct page *pg);
void mm_usage(struct mm *mm, struct mm_usage *u);
struct forklab_inspect;
void mm_inspect(struct mm *mm, uint64_t va, struct forklab_inspect *out);

/* Faults and fork (mm/fault.c, mm/fork.c). */
int handle_fault(struct mm *mm, uint64_t addr, uint64_t err);
struct vma *vma_find_or_grow(struct mm *mm, uint64_t addr);
struct mm *mm_fork(struct mm *parent, enum fork_mode mode, struct fork_stats *stats);

/* On-demand fork: shared PTE tables (mm/odf.c). */
extern struct odf_counters odf_counters;
int odf_shareable(struct mm *mm, const struct vma *hint, uint64_t start);
void odf_share(pte_t *parent_pmd, pte_t *child_pmd);
int odf_unshare(struct mm *mm, uint64_t va, pte_t *pmd);
int odf_unshare_range(struct mm *mm, uint64_t start, uint64_t end);
void odf_table_put(pte_t *pmd);

/* Hierarchical on-demand fork: shared pmd and pud tables (mm/hodf.c). */
extern struct hodf_counters hodf_counters;
/* Makes every table above the one of `level` holding va mm's own, from
 * the top down (adding FA_* bits to *actions, which may be NULL); 0, or
 * -ENOMEM (the tables broken so far stay so, which nobody can tell). */
int hodf_private_table(struct mm *mm, uint64_t va, int level, unsigned *actions);
/* The same for the tables an unmap starting or ending at va cuts in part. */
int hodf_unshare_edge(struct mm *mm, uint64_t va);
/* Drops the reference entry e holds on its table (of level PT_PUD or
 * PT_PMD) and clears e; the last one drops the tables below and frees it. */
void hodf_table_put(pte_t *e, int level);
int hodf_share(struct mm *parent, struct mm *child, uint64_t va, uint64_t *next,
	       struct fork_stats *st);

/* The invariants above, recomputed from scratch over the given address
 * spaces (mm/check.c); 0, or -1 after printing each violation. */
int mm_check(struct mm *const *mms, int n);

/* System calls on the address space (mm/mmap.c, mm/madvise.c).  mm_mmap
 * maps anonymous memory (fd is ignored); mm_mmap_file maps the file's
 * pages from page pgoff on, and mprotect may grant no more than maxprot. */
long mm_mmap(struct mm *mm, uint64_t addr, uint64_t len, int prot, int flags);
long mm_mmap_file(struct mm *mm, uint64_t addr, uint64_t len, int prot, int flags,
		  struct inode *file, uint64_t pgoff, int maxprot);
long mm_munmap(struct mm *mm, uint64_t addr, uint64_t len);
long mm_mprotect(struct mm *mm, uint64_t addr, uint64_t len, int prot);
long mm_madvise(struct mm *mm, uint64_t addr, uint64_t len, int advice);
long mm_msync(struct mm *mm, uint64_t addr, uint64_t len, int flags);
/* Drops the pages of [start, end), which lie inside one private VMA, as
 * munmap would, leaving the VMA: the next touch faults them in afresh. */
int mm_drop_pages(struct mm *mm, uint64_t start, uint64_t end);

/* File mappings (mm/filemap.c).  A page-cache frame holds a tmpfs file's
 * data: the file holds one reference and every PTE mapping it one more. */
extern uint64_t nr_cache_pages;
struct page *cache_page_alloc(void);
void cache_page_put(struct page *pg);
int filemap_fault(struct mm *mm, struct vma *v, uint64_t va, unsigned *actions);
const void *filemap_kmap(struct inode *file, uint64_t n);
uint64_t mm_brk(struct mm *mm, uint64_t addr);

/* Global counters: frames holding user pages (page-cache frames are
 * counted in nr_cache_pages instead), and user page tables. */
extern uint64_t nr_user_pages, nr_user_pgtables;

#endif
