/*
 * execve: build a new address space from a static ELF executable of the
 * root image, then, only once nothing can fail any more, swap it in.
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
#include "kernel/proc.h"
#include "kernel/file.h"
#include "kernel/random.h"
#include "kernel/errno.h"
#include "mm/frame.h"
#include "mm/uaccess.h"
#include "arch/gdt.h"
#include "arch/x86.h"

#define ARG_MAX         (STACK_INITIAL / 2)     /* strings and pointers */
#define SCRATCH_HALF    (PAGE_SIZE / 2)         /* string pointers | one string */
#define ARGS_MAX        (SCRATCH_HALF / sizeof(uint64_t))
#define STRING_MAX      SCRATCH_HALF
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

/* The stack being built: strings go down from the top, sp follows. */
struct stack {
	struct mm *mm;
	uint64_t sp, floor;
	uint64_t *ptrs;                 /* user addresses of argv and envp strings */
	int nptrs;
};

static int push(struct stack *st, const void *data, size_t n)
{
	if (st->sp - n < st->floor)
		return -E2BIG;
	st->sp -= n;
	return mm_write(st->mm, st->sp, data, n);
}

/* Fetches string i of vec (user or kernel) into buf; its length or -err. */
static long fetch_string(const struct exec_args *a, const char *const *vec, int i,
			 char *buf, const char **out)
{
	const char *s;

	if (!a->user) {
		*out = vec[i];
		return vec[i] ? (long)strlen(vec[i]) : 0;
	}
	if (copy_from_user(&s, &vec[i], sizeof(s)) < 0)
		return -EFAULT;
	*out = s ? buf : NULL;
	return s ? strncpy_from_user(buf, s, STRING_MAX) : 0;
}

/* Pushes the strings of vec, recording where each went; returns the count. */
static int push_strings(struct stack *st, const struct exec_args *a,
			const char *const *vec, char *buf)
{
	int n = 0;

	for (; vec; n++) {
		const char *s;
		long len = fetch_string(a, vec, n, buf, &s);

		if (len < 0)
			return len == -ENAMETOOLONG ? -E2BIG : len;
		if (!s)
			break;
		if (st->nptrs == (int)ARGS_MAX || push(st, s, len + 1) < 0)
			return -E2BIG;
		st->ptrs[st->nptrs++] = st->sp;
	}
	return n;
}

static int push_vector(struct stack *st, const uint64_t *v, int n)
{
	uint64_t null = 0;

	if (push(st, &null, sizeof(null)) < 0)
		return -E2BIG;
	return push(st, v, n * sizeof(uint64_t));
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
	if (push(st, auxv, sizeof(auxv)) < 0 || push_vector(st, st->ptrs + argc, envc) < 0 ||
	    push_vector(st, st->ptrs, argc) < 0 || push(st, &argc64, 8) < 0)
		return -E2BIG;
	return 0;
}

static int build_stack(struct stack *st, const struct elf_image *elf, const char *path,
		       const struct exec_args *a, char *buf)
{
	uint8_t rnd[RANDOM_BYTES];
	int argc, envc;
	uint64_t execfn, rnd_at;

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
	argc = push_strings(st, a, a->argv, buf);
	envc = argc < 0 ? argc : push_strings(st, a, a->envp, buf);
	if (argc < 0 || envc < 0)
		return argc < 0 ? argc : envc;
	if (push_tables(st, elf, argc, envc, execfn, rnd_at) < 0)
		return -E2BIG;
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
	for (int fd = 0; fd < NOFILE; fd++) {
		if ((p->cloexec >> fd) & 1 && p->files[fd]) {
			file_put(p->files[fd]);
			p->files[fd] = NULL;
		}
	}
	p->cloexec = 0;
}

/* The point of no return: p runs the program in mm from now on. */
static void commit(struct proc *p, struct mm *mm, const char *path, uint64_t entry,
		   uint64_t sp)
{
	struct mm *old = p->mm;

	p->mm = mm;
	if (p == current)
		mm_activate(mm);
	if (old)
		mm_free(old);
	close_on_exec(p);
	proc_set_name(p, path);
	start_program(p, entry, sp);
}

static long build(struct mm *mm, const struct initramfs_node *node, const char *path,
		  const struct exec_args *a, struct elf_image *elf, struct stack *st)
{
	char *buf;
	long err = elf_check(node->data, node->size, elf);

	if (err < 0)
		return err;
	err = load_segments(mm, elf, node->data, node->size);
	if (err < 0)
		return err;
	buf = (char *)st->ptrs + SCRATCH_HALF;
	return build_stack(st, elf, path, a, buf);
}

long exec_program(struct proc *p, const char *path, const struct exec_args *a)
{
	struct initramfs_node node;
	long err = initramfs_lookup(path, &node);

	return err < 0 ? err : exec_image(p, &node, path, a);
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
	mm = mm_new();
	scratch = page_alloc();
	if (!mm || !scratch) {
		if (mm)
			mm_free(mm);
		if (scratch)
			page_put(scratch);
		return -ENOMEM;
	}
	st = (struct stack){ mm, STACK_TOP, STACK_TOP - ARG_MAX, page_va(scratch), 0 };
	err = build(mm, node, path, a, &elf, &st);
	page_put(scratch);
	if (err < 0) {
		mm_free(mm);
		return err;
	}
	commit(p, mm, path, elf.entry, st.sp);
	return 0;
}
