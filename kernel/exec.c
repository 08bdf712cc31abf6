/*
 * execve: build a new address space from a static ELF executable of the
 * root image, then, only once nothing can fail any more, swap it in.
 * In a threaded process the other threads end once the file is known to
 * be an executable, before the new address space is built: an exec that
 * fails after that (out of memory, arguments too long) leaves the caller
 * alone, where Linux would have killed it.
 *
 * The new stack, as the System V x86-64 ABI wants it at entry:
 *
 *   STACK_TOP  -> [ strings: argv, envp, execfn; 16 random bytes ]
 *                 [ padding to 16 bytes                          ]
 *                 [ auxv pairs ... AT_NULL                       ]
 *                 [ envp[0] ... NULL                             ]
 *                 [ argv[0] ... NULL                             ]
 *   rsp        -> [ argc                                         ]
 *
 * Segments are copied into fresh pages (the root image is in memory), but
 * what the pages hold is what Linux's mmap of the file would show: whole
 * pages of the file, so the bytes around a segment's in its first and last
 * page are the file's too, up to the end of the file.  Where the segment
 * has zeros after its file bytes (p_memsz > p_filesz), they start right
 * after them.  A segment replaces the pages of any earlier one that it
 * maps, with their VMA, as a MAP_FIXED mmap would.
 */
#include <string.h>
#include "kernel/exec.h"
#include "kernel/elf.h"
#include "kernel/initramfs.h"
#include "kernel/procfs.h"
#include "kernel/proc.h"
#include "kernel/file.h"
#include "kernel/namei.h"
#include "mm/kmap.h"
#include "kernel/random.h"
#include "kernel/errno.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/uaccess.h"
#include "arch/gdt.h"
#include "arch/x86.h"

#define ARG_MAX         (STACK_INITIAL / 2)     /* argv and envp: strings, pointers */
#define CHUNK           PAGE_SIZE               /* strings pass through the scratch page */
#define PTR_SIZE        sizeof(uint64_t)
#define RANDOM_BYTES    16
#define STACK_ALIGN     16

enum {
	AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6,
	AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14,
	AT_HWCAP = 16, AT_SECURE = 23, AT_RANDOM = 25, AT_EXECFN = 31,
};

/* The PTE of va in mm, with a fresh zeroed frame behind it if it had none;
 * NULL if memory ran out. */
static pte_t *page_at(struct mm *mm, uint64_t va)
{
	pte_t *pte = mm_walk(mm, va, PT_PTE, 1);
	struct page *pg;

	if (!pte || (*pte & PTE_P))
		return pte;
	pg = user_page_alloc();
	if (!pg)
		return NULL;
	*pte = page_pa(pg) | PTE_P | PTE_U;     /* final flags: protect_range */
	return pte;
}

/* Copies n bytes to va in mm, giving missing pages fresh zeroed frames. */
static int mm_write(struct mm *mm, uint64_t va, const void *src, size_t n)
{
	while (n) {
		uint64_t off = va & ~PAGE_MASK, chunk = PAGE_SIZE - off;
		pte_t *pte = page_at(mm, va);

		if (!pte)
			return -ENOMEM;
		chunk = chunk < n ? chunk : n;
		memcpy((char *)P2V(pte_pa(*pte)) + off, src, chunk);
		va += chunk, src = (const char *)src + chunk, n -= chunk;
	}
	return 0;
}

/* The file's part of a segment: whole file pages from the one holding
 * p_offset (elf_check made its place in the page the address's), cut at
 * the end of the file and, if zeros follow, at the end of the file bytes. */
static int load_file_pages(struct mm *mm, const struct elf_segment *s, const char *image,
			   size_t size)
{
	uint64_t in_page = s->vaddr & ~PAGE_MASK, from = s->offset - in_page;
	uint64_t len = PAGE_ROUND_UP(in_page + s->filesz);

	if (!s->filesz)
		return 0;
	if (s->memsz > s->filesz)
		len = in_page + s->filesz;
	if (len > size - from)
		len = size - from;
	return mm_write(mm, s->vaddr - in_page, image + from, len);
}

/* One segment: its pages replace whatever is there, file bytes first, then
 * zeroed frames for the rest. */
static int load_segment(struct mm *mm, const struct elf_segment *s, const char *image,
			size_t size)
{
	uint64_t start = PAGE_ROUND_DOWN(s->vaddr), end = PAGE_ROUND_UP(s->vaddr + s->memsz);

	if (mm_munmap(mm, start, end - start) < 0 ||
	    vma_insert(mm, start, end, s->prot, VMA_ELF) < 0 ||
	    load_file_pages(mm, s, image, size) < 0)
		return -ENOMEM;
	for (uint64_t va = start; va < end; va += PAGE_SIZE)
		if (!page_at(mm, va))
			return -ENOMEM;
	return 0;
}

static int load_segments(struct mm *mm, const struct elf_image *elf, const char *image,
			 size_t size)
{
	for (int i = 0; i < elf->nsegs; i++)
		if (load_segment(mm, &elf->seg[i], image, size) < 0)
			return -ENOMEM;
	for (struct vma *v = mm->vmas; v; v = v->next)
		protect_range(mm, v);
	mm->brk_start = mm->brk = PAGE_ROUND_UP(elf->end);
	return vma_insert(mm, mm->brk_start, mm->brk_start + PAGE_SIZE,
			  PROT_READ | PROT_WRITE, VMA_BRK);
}

/*
 * The stack being built: data goes down from the top, sp follows.  The
 * argument and environment strings are measured first, then copied up
 * from the bottom of the room left for them, so that any number of them
 * fits, of any length, within ARG_MAX in all.
 */
struct stack {
	struct mm *mm;
	uint64_t sp, floor;
	char *buf;                      /* scratch: a page */
};

static int push(struct stack *st, const void *data, size_t n)
{
	if (st->sp - n < st->floor)
		return -E2BIG;
	st->sp -= n;
	return mm_write(st->mm, st->sp, data, n);
}

/* Leaves n words below sp, for place() to fill. */
static int reserve(struct stack *st, int n)
{
	if (st->sp - n * PTR_SIZE < st->floor)
		return -E2BIG;
	st->sp -= n * PTR_SIZE;
	return 0;
}

/* Entry i of vec (user or kernel) in *s: NULL past its end. */
static int vec_entry(const struct exec_args *a, const char *const *vec, int i, const char **s)
{
	*s = NULL;
	if (!vec)
		return 0;
	if (!a->user) {
		*s = vec[i];
		return 0;
	}
	return copy_from_user(s, &vec[i], sizeof(*s)) < 0 ? -EFAULT : 0;
}

/*
 * Copies string s, NUL included, to at in the new stack (at 0: measures
 * only), if it takes at most max bytes; its size, or -E2BIG, -EFAULT, -ENOMEM.
 */
static long copy_string(struct stack *st, const struct exec_args *a, const char *s,
			uint64_t at, uint64_t max)
{
	if (!a->user) {
		size_t size = strlen(s) + 1;

		if (size > max)
			return -E2BIG;
		return at && mm_write(st->mm, at, s, size) < 0 ? -ENOMEM : (long)size;
	}
	for (uint64_t done = 0; done < max; done += CHUNK) {
		uint64_t room = max - done < CHUNK ? max - done : CHUNK;
		long n = strncpy_from_user(st->buf, s + done, room);
		uint64_t len = n >= 0 ? (uint64_t)n + 1 : room;

		if (n < 0 && n != -ENAMETOOLONG)
			return n;
		if (n >= 0)
			st->buf[n] = '\0';
		if (at && mm_write(st->mm, at + done, st->buf, len) < 0)
			return -ENOMEM;
		if (n >= 0)
			return done + len;
	}
	return -E2BIG;
}

/* Counts vec's strings in *n, adding their sizes and pointers to *used,
 * which may not pass ARG_MAX (E2BIG). */
static int measure(struct stack *st, const struct exec_args *a, const char *const *vec,
		   int *n, uint64_t *used)
{
	for (*n = 0;; ++*n) {
		const char *s;
		long size;

		if (vec_entry(a, vec, *n, &s) < 0)
			return -EFAULT;
		if (!s)
			return 0;
		*used += PTR_SIZE;
		if (*used > ARG_MAX)
			return -E2BIG;
		size = copy_string(st, a, s, 0, ARG_MAX - *used);
		if (size < 0)
			return size;
		*used += size;
	}
}

/* Copies vec's n strings up from *at, below end, each address to the
 * vector at table. */
static int place(struct stack *st, const struct exec_args *a, const char *const *vec, int n,
		 uint64_t *at, uint64_t end, uint64_t table)
{
	for (int i = 0; i < n; i++) {
		const char *s;
		long size;

		if (vec_entry(a, vec, i, &s) < 0 || !s)
			return -EFAULT;         /* changed since measured */
		size = copy_string(st, a, s, *at, end - *at);
		if (size < 0)
			return size;
		if (mm_write(st->mm, table + i * PTR_SIZE, at, PTR_SIZE) < 0)
			return -ENOMEM;
		*at += size;
	}
	return 0;
}

/* A vector's NULL, and room for its n pointers below it. */
static int push_vector(struct stack *st, int n)
{
	uint64_t null = 0;

	if (push(st, &null, sizeof(null)) < 0)
		return -E2BIG;
	return reserve(st, n);
}

static int push_tables(struct stack *st, const struct elf_image *elf, int argc, int envc,
		       uint64_t execfn, uint64_t rnd)
{
	uint32_t id[4];
	uint64_t argc64 = argc, hwcap = (cpuid(1, 0, id), id[3]);
	uint64_t auxv[] = {
		AT_PHDR, elf->phdr, AT_PHENT, elf->phentsize, AT_PHNUM, elf->phnum,
		AT_PAGESZ, PAGE_SIZE, AT_ENTRY, elf->entry, AT_UID, 0, AT_EUID, 0,
		AT_GID, 0, AT_EGID, 0, AT_HWCAP, hwcap, AT_SECURE, 0, AT_RANDOM, rnd,
		AT_EXECFN, execfn, AT_NULL, 0,
	};
	int words = sizeof(auxv) / 8 + argc + envc + 3;         /* 2 NULLs, argc */

	st->sp = (st->sp - words * 8) & ~(uint64_t)(STACK_ALIGN - 1);
	st->sp += words * 8;                                    /* rsp ends aligned */
	if (push(st, auxv, sizeof(auxv)) < 0 || push_vector(st, envc) < 0 ||
	    push_vector(st, argc) < 0 || push(st, &argc64, 8) < 0)
		return -E2BIG;
	return 0;
}

/*
 * The argument strings: a's, or if it has none, one empty string, as
 * Linux gives, so that no program takes its environment for arguments.
 */
static int measure_argv(struct stack *st, const struct exec_args **a, int *argc,
			uint64_t *used)
{
	static const char *const empty_argv[] = { "", NULL };
	static const struct exec_args empty = { empty_argv, NULL, 0 };
	int err = measure(st, *a, (*a)->argv, argc, used);

	if (err || *argc)
		return err;
	*a = &empty;
	return measure(st, *a, (*a)->argv, argc, used);
}

/* The strings below execfn, then the tables that point at them. */
static int push_args(struct stack *st, const struct elf_image *elf, const struct exec_args *a,
		     uint64_t execfn, uint64_t rnd)
{
	const struct exec_args *args = a;
	uint64_t used = 0, at;
	int argc, envc, err;

	err = measure_argv(st, &args, &argc, &used);
	if (!err)
		err = measure(st, a, a->envp, &envc, &used);
	if (err)
		return err;
	at = st->sp -= used - (argc + envc) * PTR_SIZE;
	err = push_tables(st, elf, argc, envc, execfn, rnd);
	st->mm->layout.arg_start = at;
	if (!err)
		err = place(st, args, args->argv, argc, &at, execfn, st->sp + PTR_SIZE);
	st->mm->layout.arg_end = st->mm->layout.env_start = at;
	if (!err)
		err = place(st, a, a->envp, envc, &at, execfn, st->sp + (argc + 2) * PTR_SIZE);
	st->mm->layout.env_end = at;
	return err;
}

static int build_stack(struct stack *st, const struct elf_image *elf, const char *path,
		       const struct exec_args *a)
{
	uint8_t rnd[RANDOM_BYTES];
	uint64_t execfn, rnd_at;
	int err;

	if (vma_insert(st->mm, STACK_TOP - STACK_INITIAL, STACK_TOP,
		       PROT_READ | PROT_WRITE, VMA_STACK) < 0)
		return -ENOMEM;
	random_bytes(rnd, sizeof(rnd));
	if (push(st, rnd, sizeof(rnd)) < 0)
		return -ENOMEM;
	rnd_at = st->sp;
	if (push(st, path, strlen(path) + 1) < 0)
		return -E2BIG;
	execfn = st->sp;
	err = push_args(st, elf, a, execfn, rnd_at);
	if (err < 0)
		return err;
	st->mm->layout.start_stack = st->sp;
	protect_range(st->mm, vma_find(st->mm, STACK_TOP - 1));
	return 0;
}

static void start_program(struct proc *p, uint64_t entry, uint64_t sp)
{
	memset(p->tf, 0, sizeof(*p->tf));
	p->tf->rip = entry;
	p->tf->rsp = sp;
	p->tf->cs = SEL_UCODE;
	p->tf->ss = SEL_UDATA;
	p->tf->rflags = RFLAGS_IF | RFLAGS_RESERVED;
	p->fs_base = 0;
	p->fpu = *fpu_initial();
	if (p == current) {                     /* the registers are live */
		wrmsr(MSR_FS_BASE, 0);
		fpu_restore(&p->fpu);
	}
}

static void close_on_exec(struct proc *p)
{
	struct fdtable *t = p->fdt;

	for (int fd = 0; fd < t->top; fd++) {
		if ((t->cloexec >> fd) & 1 && t->file[fd]) {
			file_put(t->file[fd]);
			t->file[fd] = NULL;
		}
	}
	t->cloexec = 0;
}

/* The point of no return: p runs the program in mm from now on. */
static void commit(struct proc *p, struct mm *mm, const char *path, uint64_t entry,
		   uint64_t sp)
{
	struct mm *old = p->mm;

	proc_mm_release(p);
	rusage_note_rss(p);
	p->mm = mm;
	if (p == current)
		mm_activate(mm);
	if (old)
		mm_put(old);
	close_on_exec(p);
	signal_exec(p);
	proc_set_name(p, path);
	start_program(p, entry, sp);
}

static long build(struct mm *mm, const struct initramfs_node *node, const char *path,
		  const struct exec_args *a, struct elf_image *elf, struct stack *st)
{
	long err = load_segments(mm, elf, node->data, node->size);

	if (err == 0)
		err = mm_set_exe(mm, path, node->ino);
	if (err < 0)
		return err;
	return build_stack(st, elf, path, a);
}

/*
 * The window has one user at a time, and ending the other threads of a
 * threaded caller sleeps, when another exec may take the window or the
 * file be truncated.  So such a caller checks the image, lets the window
 * go, ends the others, and maps the image again, which exec_image checks
 * anew (it may have changed meanwhile).
 */
long exec_windowed(struct proc *p, const struct exec_window *w, const char *path,
		   const struct exec_args *a)
{
	struct initramfs_node node;
	struct elf_image elf;
	long err;

	if (p == current && current->leader->threads > 1) {
		err = w->map(w->obj, &node);
		if (err < 0)
			return err;
		err = elf_check(node.data, node.size, &elf);
		w->unmap(w->obj, &node);
		if (err == 0)
			err = thread_exec_alone();
		if (err < 0)
			return err;
	}
	err = w->map(w->obj, &node);
	if (err < 0)
		return err;
	err = exec_image(p, &node, path, a);
	w->unmap(w->obj, &node);
	return err;
}

static int cache_map(void *obj, struct initramfs_node *node)
{
	struct inode *i = obj;

	*node = (struct initramfs_node){ NULL, i->size, i->mode, i->ino };
	node->data = filemap_kmap(i, PAGE_ROUND_UP(i->size) / PAGE_SIZE);
	return node->data ? 0 : -ENOMEM;
}

static void cache_unmap(void *obj, const struct initramfs_node *node)
{
	(void)obj;
	kunmap_window(PAGE_ROUND_UP(node->size) / PAGE_SIZE);
}

/* A program in /tmp, read through the kmap window (mm/filemap.c) as a
 * memfd is; the inode is held meanwhile.  A file with no execute bit, or
 * not in a file system of page-cache frames, gives EACCES, one larger than
 * the window ENOMEM. */
static long exec_cached(struct proc *p, const char *path, const struct exec_args *a)
{
	struct exec_window win = { cache_map, cache_unmap, NULL };
	struct inode *i;
	struct walk w;
	long err = walk_path(AT_FDCWD, path, 0, &w);

	if (err < 0)
		return err;
	i = w.proc_rest ? NULL : w.inode;
	if (i && inode_is_reg(i) && i->ops->cache_page && (i->mode & EXEC_BITS))
		inode_get(i);
	else
		i = NULL;
	walk_done(&w);
	if (!i)
		return -EACCES;
	win.obj = i;
	err = exec_windowed(p, &win, path, a);
	inode_put(i);
	return err;
}

/* A /proc link to a program (/proc/self/exe, as busybox runs itself by)
 * runs the program.  The process is named by the path as given, as in
 * Linux ("exe"): busybox renames itself to its applet only then. */
long exec_program(struct proc *p, const char *path, const struct exec_args *a)
{
	const char *given = path;
	char *target = NULL;
	struct initramfs_node node;
	long err;

	if (procfs_owns(path)) {
		target = kmalloc(PATH_MAX);
		if (!target)
			return -ENOMEM;
		if (procfs_link(path, target, PATH_MAX) >= 0 && target[0] == '/')
			path = target;
	}
	err = initramfs_resolve(path, &node);
	if (err == 0)
		err = exec_image(p, &node, path, a);
	else if (err == -EACCES)
		err = exec_cached(p, path, a);
	if (err == 0)
		proc_set_name(p, given);
	kfree(target);
	return err;
}

long exec_image(struct proc *p, const struct initramfs_node *node, const char *path,
		const struct exec_args *a)
{
	struct elf_image elf;
	struct page *scratch;
	struct stack st;
	struct mm *mm;
	long err;

	if ((node->mode & S_IFMT) != S_IFREG)
		return -EACCES;
	err = elf_check(node->data, node->size, &elf);
	if (!err && p == current)
		err = thread_exec_alone();      /* the other threads end first */
	if (err < 0)
		return err;
	mm = mm_new();
	scratch = page_alloc();
	if (!mm || !scratch) {
		if (mm)
			mm_free(mm);
		if (scratch)
			page_put(scratch);
		return -ENOMEM;
	}
	st = (struct stack){ mm, STACK_TOP, STACK_TOP - STACK_INITIAL, page_va(scratch) };
	err = build(mm, node, path, a, &elf, &st);
	page_put(scratch);
	if (err < 0) {
		mm_free(mm);
		return err;
	}
	commit(p, mm, path, elf.entry, st.sp);
	return 0;
}
