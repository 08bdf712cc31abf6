/*
 * /proc/<pid>: one process's files, in Linux's formats (man 5 proc).
 *
 *   stat       the 52 fields ps and top read, on one line; those forklab
 *              has no counterpart for are 0, as Linux prints fields it hides
 *   statm      sizes in pages: total, resident, shared, text, lib, data, dt
 *   status     Name, State, Tgid, Pid, PPid, Threads, VmRSS, VmPTE and
 *              forklab's lines
 *   cmdline    argv's strings, each with its NUL, as execve gave them
 *   comm       the name, then a newline
 *   exe        a link to the program, which open and execve follow
 *   maps       a line per VMA: range, permissions, offset, device, inode,
 *              and a name: the program's path, [heap] or [stack]
 *   pagetree   its page tables (kernel/pagetree.c)
 *
 * cmdline is read from the process's own memory, from arg_start to arg_end
 * as exec recorded them (mm->layout), through its page tables: as in Linux,
 * a program that rewrites its argv strings shows the new ones, and nothing
 * is kept twice.  cmdline and maps are made as they are read, so neither
 * has a length limit; the other files are made whole at open.
 *
 * VmRSS counts every page the process maps, through shared tables too.
 * VmPTE counts the page tables only it reaches; the tables it shares, and
 * in hodf mode every table below a shared one, are VmPTEShared (each in
 * full: a table belongs to all who share it, and to none of them alone).
 * TablesOwn and TablesShared count the same tables by level.
 */
#include <string.h>
#include "kernel/procfs.h"
#include "kernel/file.h"
#include "kernel/proc.h"
#include "kernel/printk.h"
#include "kernel/errno.h"
#include "kernel/ktime.h"
#include "kernel/pagetree.h"
#include "kernel/vfs.h"
#include "mm/heap.h"
#include "mm/uaccess.h"
#include "arch/tsc.h"

#define KB_PER_PAGE     (PAGE_SIZE / 1024)
#define NICE_0_PRIORITY 20                      /* stat's priority of a nice 0 process */
#define NO_TERMINAL     (-1)                    /* tpgid without a terminal */
#define RLIMIT_RSS      5
#define MAPS_LINE       KMALLOC_MAX             /* a longer path is cut */
#define MAPS_NAME_COL   73                      /* where Linux starts a mapping's name */
#define READ_CHUNK      256                     /* cmdline passes through the stack */

static const char *const state_names[] = {
	[RUNNABLE] = "R (running)", [RUNNING] = "R (running)",
	[SLEEPING] = "S (sleeping)", [ZOMBIE] = "Z (zombie)",
};

/* A text being made: snprintf after snprintf, cut at size. */
struct out {
	char *buf;
	size_t size, len;
};

#define PUT(o, ...) put_done(o, snprintf((o)->buf + (o)->len, (o)->size - (o)->len, __VA_ARGS__))

static void put_done(struct out *o, int n)
{
	o->len += n;
	if (o->len >= o->size)
		o->len = o->size - 1;
}

static size_t status(struct proc *p, char *buf, size_t size)
{
	struct mm_usage u = { 0 };
	const struct fork_stats *f = &p->last_fork;

	if (p->mm)
		mm_usage(p->mm, &u);
	return snprintf(buf, size,
		"Name:\t%s\nState:\t%s\nTgid:\t%d\nPid:\t%d\nPPid:\t%d\nThreads:\t%d\n"
		"VmRSS:\t%8lu kB\nVmPTE:\t%8lu kB\nVmPTEShared:\t%8lu kB\n"
		"SharedPTETables:\t%lu\nForkMode:\t%s\n"
		"ForkTablesShared:\t%lu\nForkTablesCopied:\t%lu\nForkPTEsCopied:\t%lu\n"
		"ForkPagesCopied:\t%lu\nForkTLBFlushes:\t%lu\nForkTLBShootdownIPIs:\t%lu\n"
		"TablesOwn:\tpgd %lu pud %lu pmd %lu pte %lu\n"
		"TablesShared:\tpgd %lu pud %lu pmd %lu pte %lu\n"
		"Cpu:\t%d\nTLBShootdowns:\t%lu\nTLBShootdownIPIs:\t%lu\n",
		p->name, state_names[p->state], p->tgid, p->pid,
		p->leader->parent ? p->leader->parent->tgid : 0, p->leader->threads,
		u.rss * KB_PER_PAGE, u.pt_private * KB_PER_PAGE, u.pt_shared * KB_PER_PAGE,
		u.pt_shared, fork_mode_names[p->attr->fork_mode],
		f->tables_shared, f->tables_copied, f->ptes_copied, f->pages_copied,
		f->tlb_flushes, f->tlb_ipis,
		u.own[PT_PGD], u.own[PT_PUD], u.own[PT_PMD], u.own[PT_PTE],
		u.shared[PT_PGD], u.shared[PT_PUD], u.shared[PT_PMD], u.shared[PT_PTE],
		p->cpu, p->mm ? p->mm->tlb.shootdowns : 0, p->mm ? p->mm->tlb.ipis : 0);
}

static size_t comm(struct proc *p, char *buf, size_t size)
{
	return snprintf(buf, size, "%s\n", p->name);
}

static size_t pagetree(struct proc *p, char *buf, size_t size)
{
	return pagetree_format(p->mm, buf, size);
}

/* What stat and statm say of an address space; all 0 for a zombie's. */
struct mm_sizes {
	uint64_t vsize;                 /* bytes of every VMA */
	uint64_t rss;                   /* pages mapped */
	uint64_t shared;                /* of those, pages of shared memory */
	uint64_t text, data;            /* pages of code; of private writable memory */
	uint64_t start_code, end_code, start_data, end_data;
};

/* Pages mapped in [start, end): PTE tables at a time, skipping the
 * spans no table covers. */
static uint64_t pages_present(struct mm *mm, uint64_t start, uint64_t end)
{
	uint64_t n = 0, next;

	for (uint64_t va = start; va < end; va = next) {
		pte_t *pmd = mm_walk_pmd(mm, va, end, &next);

		if (!pmd || !(*pmd & PTE_P) || (*pmd & PTE_PS))
			continue;
		for (uint64_t a = va; a < next; a += PAGE_SIZE)
			n += pte_table(*pmd)[pt_index(a, PT_PTE)] & PTE_P;
	}
	return n;
}

/* The program's code is its executable segments, its data the first
 * writable one, as Linux's start_code ... end_data. */
static void note_segment(struct mm_sizes *s, const struct vma *v)
{
	if (v->prot & PROT_EXEC) {
		if (!s->start_code)
			s->start_code = v->start;
		s->end_code = v->end;
		s->text += (v->end - v->start) / PAGE_SIZE;
	} else if ((v->prot & PROT_WRITE) && !s->start_data) {
		s->start_data = v->start;
		s->end_data = v->end;
	}
}

static void mm_sizes(struct mm *mm, struct mm_sizes *s)
{
	struct mm_usage u;

	memset(s, 0, sizeof(*s));
	if (!mm)
		return;
	mm_usage(mm, &u);
	s->rss = u.rss;
	for (struct vma *v = mm->vmas; v; v = v->next) {
		s->vsize += v->end - v->start;
		if (v->kind == VMA_SHARED)
			s->shared += pages_present(mm, v->start, v->end);
		else if (v->prot & PROT_WRITE)
			s->data += (v->end - v->start) / PAGE_SIZE;
		if (v->kind == VMA_ELF)
			note_segment(s, v);
	}
}

static size_t statm(struct proc *p, char *buf, size_t size)
{
	struct mm_sizes s;

	mm_sizes(p->mm, &s);
	return snprintf(buf, size, "%lu %lu %lu %lu 0 %lu 0\n", s.vsize / PAGE_SIZE, s.rss,
			s.shared, s.text, s.data);
}

/* Signals by what the process does with them: stat's sigignore, sigcatch. */
static uint64_t signals_handled(struct proc *p, int ignored)
{
	uint64_t set = 0;

	for (int sig = 1; sig <= NSIG; sig++) {
		uint64_t h = p->sig.hand->action[sig - 1].handler;

		if (ignored ? h == SIG_IGN : h != SIG_IGN && h != SIG_DFL)
			set |= SIGBIT(sig);
	}
	return set;
}

/* stat's fields 1 to 9: pid, comm, state, ppid, pgrp, session, tty_nr,
 * tpgid, flags.  comm goes as it is, spaces and ')' included: readers
 * look for the last ')'.  forklab has no controlling terminals yet. */
static void stat_ids(struct out *o, struct proc *p)
{
	PUT(o, "%d (%s) %c %d %d %d 0 %d 0", p->pid, p->name, state_names[p->state][0],
	    p->parent ? p->parent->pid : 0, p->attr->pgid, p->attr->sid, NO_TERMINAL);
}

/* Fields 10 to 22: page faults, CPU times, priority, nice, threads,
 * itrealvalue, starttime. */
static void stat_usage(struct out *o, struct proc *p)
{
	const struct usage *u = &p->usage, *c = &p->children;
	uint64_t cpu = proc_cpu_ns(p);

	PUT(o, " %lu %lu 0 0 %lu %lu %lu %lu %d 0 %d 0 %lu", u->minflt, c->minflt,
	    (cpu - u->sys_ns) / NS_PER_CLOCK, u->sys_ns / NS_PER_CLOCK,
	    (c->cpu_ns - c->sys_ns) / NS_PER_CLOCK, c->sys_ns / NS_PER_CLOCK,
	    NICE_0_PRIORITY, p->leader->threads, p->start_ns / NS_PER_CLOCK);
}

/* Fields 23 to 52: memory, signals, the CPU it last ran on (39), and
 * where exec put things. */
static void stat_memory(struct out *o, struct proc *p)
{
	struct mm_layout none = { 0 }, *l = p->mm ? &p->mm->layout : &none;
	struct mm_sizes s;

	mm_sizes(p->mm, &s);
	PUT(o, " %lu %lu %lu %lu %lu %lu 0 0", s.vsize, s.rss, p->attr->rlimits[RLIMIT_RSS].cur,
	    s.start_code, s.end_code, l->start_stack);
	PUT(o, " %lu %lu %lu %lu 0 0 0 %d %d 0 0 0 0 0", p->sig.pending, p->sig.blocked,
	    signals_handled(p, 1), signals_handled(p, 0), SIGCHLD, p->cpu);
	PUT(o, " %lu %lu %lu %lu %lu %lu %lu %d\n", s.start_data, s.end_data,
	    p->mm ? p->mm->brk_start : 0, l->arg_start, l->arg_end, l->env_start, l->env_end,
	    p->state == ZOMBIE ? p->wait_status : 0);
}

static size_t stat(struct proc *p, char *buf, size_t size)
{
	struct out o = { buf, size, 0 };

	stat_ids(&o, p);
	stat_usage(&o, p);
	stat_memory(&o, p);
	return o.len;
}

/* Copies up to n bytes at va in mm into buf through its page tables,
 * stopping at the first page not mapped; returns the bytes copied. */
static size_t mm_read(struct mm *mm, uint64_t va, char *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		pte_t *pte = mm_walk(mm, va, PT_PTE, 0);
		uint64_t off = va & ~PAGE_MASK, chunk = PAGE_SIZE - off;

		if (!pte || !(*pte & PTE_P))
			break;
		chunk = chunk < n - done ? chunk : n - done;
		memcpy(buf + done, (char *)P2V(pte_pa(*pte)) + off, chunk);
		done += chunk;
		va += chunk;
	}
	return done;
}

/* The process a live file was opened for, if it still runs a program. */
static struct mm *live_mm(struct file *f)
{
	struct proc *p = proc_find((int)(uint64_t)f->priv);

	return p ? p->mm : NULL;
}

static long cmdline_read(struct file *f, char *ubuf, size_t n)
{
	struct mm *mm = live_mm(f);
	char chunk[READ_CHUNK];
	size_t done = 0;

	while (mm && done < n && f->pos < mm->layout.arg_end - mm->layout.arg_start) {
		size_t want = mm->layout.arg_end - mm->layout.arg_start - f->pos, got;

		want = want < n - done ? want : n - done;
		got = mm_read(mm, mm->layout.arg_start + f->pos, chunk,
			      want < sizeof(chunk) ? want : sizeof(chunk));
		if (!got)
			break;
		if (copy_to_user(ubuf + done, chunk, got) < 0)
			return done ? (long)done : -EFAULT;
		done += got;
		f->pos += got;
	}
	return done;
}

static const char *vma_name(struct mm *mm, const struct vma *v)
{
	if (v->kind == VMA_ELF && mm->exe)
		return mm->exe->path;
	if (v->kind == VMA_BRK)
		return "[heap]";
	return v->kind == VMA_STACK ? "[stack]" : NULL;
}

/* One line of maps.  forklab's files are not on a device, and the
 * program's segments are copies of its file, whose offsets it does not
 * keep: those fields are 0.  A file mapping shows its offset and inode
 * (not its name: an inode does not know its names). */
static size_t maps_line(struct mm *mm, const struct vma *v, char *line)
{
	const char *name = vma_name(mm, v);
	uint64_t ino = v->kind == VMA_ELF && mm->exe ? mm->exe->ino : 0;
	uint64_t off = v->file ? v->pgoff * PAGE_SIZE : 0;
	int len = snprintf(line, MAPS_LINE, "%08lx-%08lx %c%c%c%c %08lx 00:00 %lu ",
			   v->start, v->end, v->prot & PROT_READ ? 'r' : '-',
			   v->prot & PROT_WRITE ? 'w' : '-', v->prot & PROT_EXEC ? 'x' : '-',
			   v->kind == VMA_SHARED ? 's' : 'p', off, v->file ? v->file->ino : ino);

	if (name)
		len += snprintf(line + len, MAPS_LINE - len, "%*s%s",
				len < MAPS_NAME_COL ? MAPS_NAME_COL - len : 0, "", name);
	len = len < MAPS_LINE - 1 ? len : MAPS_LINE - 2;
	line[len++] = '\n';
	return len;
}

static long maps_read(struct file *f, char *ubuf, size_t n)
{
	struct mm *mm = live_mm(f);
	char *line = kmalloc(MAPS_LINE);
	uint64_t off = 0;
	size_t done = 0;
	long err = line ? 0 : -ENOMEM;

	for (struct vma *v = mm && line ? mm->vmas : NULL; v && done < n && !err; v = v->next)
		err = procfs_put_line(f, ubuf, n, &done, &off, line, maps_line(mm, v, line));
	kfree(line);
	return done || !err ? (long)done : err;
}

static const struct file_ops cmdline_ops = { .read = cmdline_read, .stat = procfs_stat_empty };
static const struct file_ops maps_ops = { .read = maps_read, .stat = procfs_stat_empty };

static const struct {
	const char *name;
	size_t (*make)(struct proc *p, char *buf, size_t size);   /* or made as read: */
	const struct file_ops *live;
	int needs_mm;                   /* no such file for a zombie */
} files[] = {
	{ "cmdline", NULL, &cmdline_ops, 0 }, { "comm", comm, NULL, 0 },
	{ "exe", NULL, NULL, 1 },       /* a link: kernel/procfs.c */
	{ "maps", NULL, &maps_ops, 0 }, { "pagetree", pagetree, NULL, 1 },
	{ "stat", stat, NULL, 0 }, { "statm", statm, NULL, 0 },
	{ "status", status, NULL, 0 },
};

#define NFILES  (sizeof(files) / sizeof(files[0]))

static uint32_t entry_mode(uint64_t pos)
{
	if (pos < 2)
		return S_IFDIR;
	return files[pos - 2].make || files[pos - 2].live ? S_IFREG : S_IFLNK;
}

uint64_t procfs_pid_exe_ino(struct proc *p)
{
	unsigned i = 0;

	while (i < NFILES - 1 && strcmp(files[i].name, "exe"))
		i++;
	return procfs_ino(p->pid, i + 2);
}

/* "/proc/<pid>": ".", "..", then the files. */
static long dir_getdents(struct file *f, char *ubuf, size_t n)
{
	uint64_t pid = (uint64_t)f->priv;
	size_t done = 0;

	for (; f->pos < NFILES + 2; f->pos++) {
		const char *name = f->pos == 0 ? "." : f->pos == 1 ? ".." : files[f->pos - 2].name;
		long len = procfs_put_dirent(ubuf + done, n - done, procfs_ino(pid, f->pos),
					     f->pos, name, entry_mode(f->pos));

		if (len <= 0)
			return done ? (long)done : len ? len : -EINVAL;
		done += len;
	}
	return done;
}

static const struct file_ops dir_ops = { .getdents = dir_getdents, .stat = procfs_stat_dir };

static struct file *open_file(struct proc *p, int i, long *err)
{
	char *buf;

	*err = -ENOMEM;
	if (files[i].live)
		return file_new(files[i].live, O_RDONLY, (void *)(uint64_t)p->pid);
	buf = kmalloc(PROCFS_TEXT_MAX);
	return buf ? procfs_text(buf, files[i].make(p, buf, PROCFS_TEXT_MAX), err) : NULL;
}

struct file *procfs_pid_open(struct proc *p, const char *rest, long *err)
{
	if (!*rest || !strcmp(rest, "/")) {
		*err = -ENOMEM;
		return file_new(&dir_ops, O_RDONLY, (void *)(uint64_t)p->pid);
	}
	*err = -ENOENT;
	for (unsigned i = 0; *rest == '/' && i < NFILES; i++)
		if (!strcmp(rest + 1, files[i].name) && (files[i].make || files[i].live))
			return files[i].needs_mm && !p->mm ? NULL : open_file(p, i, err);
	return NULL;
}
