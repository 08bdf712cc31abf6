/*
 * /proc: what the kernel knows, as text files in Linux's formats, so that
 * one program can measure Linux and forklab alike.
 *
 *   /proc/meminfo             MemTotal, MemFree, AnonPages, PageTables
 *   /proc/<pid>/status        Name, State, Pid, PPid, VmRSS, VmPTE, and
 *                             forklab's lines: shared PTE tables, the fork
 *                             mode and what the process's last fork did
 *   /proc/self/status         the caller's
 *   /proc/cpuinfo             vendor, TSC frequency, protections, and
 *                             the hypervisor (TCG or KVM) running us
 *
 * VmRSS counts every page the process maps, through shared tables too.
 * VmPTE counts the page tables only it maps; the PTE tables it shares are
 * VmPTEShared (each in full: a table belongs to all who share it, and to
 * none of them alone).
 *
 * A file's text is made when it is opened, so reads see one snapshot.
 */
#include <string.h>
#include "kernel/procfs.h"
#include "kernel/file.h"
#include "kernel/proc.h"
#include "kernel/initramfs.h"
#include "kernel/printk.h"
#include "kernel/errno.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/uaccess.h"
#include "arch/cpu.h"
#include "arch/tsc.h"

#define TEXT_MAX        KMALLOC_MAX
#define KB_PER_PAGE     (PAGE_SIZE / 1024)
#define PROC_INO_BASE   0x70000000      /* clear of the root image's inodes */
#define NAME_LEN        24
#define HZ_PER_MHZ      1000000

static const char *const state_names[] = {
	[RUNNABLE] = "R (running)", [RUNNING] = "R (running)",
	[SLEEPING] = "S (sleeping)", [ZOMBIE] = "Z (zombie)",
};

struct text {
	char *buf;
	size_t len;
};

static long text_read(struct file *f, char *ubuf, size_t n)
{
	struct text *t = f->priv;
	size_t len = f->pos < t->len ? t->len - f->pos : 0;

	len = len < n ? len : n;
	if (copy_to_user(ubuf, t->buf + f->pos, len) < 0)
		return -EFAULT;
	f->pos += len;
	return len;
}

static void text_stat(struct file *f, struct kstat *st)
{
	st->mode = S_IFREG | 0444;
	st->size = ((struct text *)f->priv)->len;
	st->nlink = 1;
}

static void text_release(struct file *f)
{
	struct text *t = f->priv;

	kfree(t->buf);
	kfree(t);
}

static const struct file_ops text_ops = {
	.read = text_read, .stat = text_stat, .release = text_release, .seekable = 1,
};

static size_t meminfo(char *buf)
{
	return snprintf(buf, TEXT_MAX,
		"MemTotal:       %8lu kB\nMemFree:        %8lu kB\n"
		"AnonPages:      %8lu kB\nPageTables:     %8lu kB\n",
		frames_total() * KB_PER_PAGE, frames_free() * KB_PER_PAGE,
		nr_user_pages * KB_PER_PAGE, nr_user_pgtables * KB_PER_PAGE);
}

static size_t cpuinfo(char *buf)
{
	return snprintf(buf, TEXT_MAX,
		"vendor_id\t: %s\ncpu MHz\t\t: %lu\nflags\t\t:%s%s%s\nhypervisor\t: %s\n",
		cpu_has.vendor, tsc_hz() / HZ_PER_MHZ, cpu_has.nx ? " nx" : "",
		cpu_has.smep ? " smep" : "", cpu_has.smap ? " smap" : "",
		cpu_has.hypervisor[0] ? cpu_has.hypervisor : "none");
}

static size_t status(char *buf, struct proc *p)
{
	struct mm_usage u = { 0 };
	const struct fork_stats *f = &p->last_fork;

	if (p->mm)
		mm_usage(p->mm, &u);
	return snprintf(buf, TEXT_MAX,
		"Name:\t%s\nState:\t%s\nPid:\t%d\nPPid:\t%d\n"
		"VmRSS:\t%8lu kB\nVmPTE:\t%8lu kB\nVmPTEShared:\t%8lu kB\n"
		"SharedPTETables:\t%lu\nForkMode:\t%s\n"
		"ForkTablesShared:\t%lu\nForkTablesCopied:\t%lu\nForkPTEsCopied:\t%lu\n"
		"ForkPagesCopied:\t%lu\nForkTLBFlushes:\t%lu\n",
		p->name, state_names[p->state], p->pid, p->parent ? p->parent->pid : 0,
		u.rss * KB_PER_PAGE, u.pt_private * KB_PER_PAGE, u.pt_shared * KB_PER_PAGE,
		u.pt_shared, fork_mode_names[p->fork_mode],
		f->tables_shared, f->tables_copied, f->ptes_copied, f->pages_copied,
		f->tlb_flushes);
}

/* The process a "/proc/<pid>..." path names (self included); rest is set
 * to what follows the pid. */
static struct proc *path_proc(const char *path, const char **rest)
{
	const char *s = path + strlen("/proc/");
	int pid = 0;

	if (!strncmp(s, "self", 4)) {
		*rest = s + 4;
		return current;
	}
	for (; *s >= '0' && *s <= '9'; s++)
		pid = pid * 10 + (*s - '0');
	*rest = s;
	return pid ? proc_find(pid) : NULL;
}

static struct file *text_file(char *buf, size_t len, long *err)
{
	struct text *t = kmalloc(sizeof(*t));
	struct file *f = t ? file_new(&text_ops, O_RDONLY, t) : NULL;

	if (!f) {
		kfree(t);
		kfree(buf);
		*err = -ENOMEM;
		return NULL;
	}
	*t = (struct text){ buf, len };
	f->size = len;
	return f;
}

/* Formats one linux_dirent64 into buf; its length, or 0 if it does not fit. */
static size_t dirent(void *buf, size_t room, uint64_t ino, uint64_t off, const char *name)
{
	struct linux_dirent64 *d = buf;
	size_t len = (sizeof(*d) + strlen(name) + 1 + 7) & ~7UL;

	if (len > room)
		return 0;
	d->d_ino = ino;
	d->d_off = off;
	d->d_reclen = len;
	d->d_type = DT_DIR;
	strcpy(d->d_name, name);
	return len;
}

/* "/proc": "." and "..", then one directory per process. */
static long dir_getdents(struct file *f, char *ubuf, size_t n)
{
	char rec[sizeof(struct linux_dirent64) + NAME_LEN];
	size_t done = 0;

	for (; f->pos < NPROC + 2; f->pos++) {
		struct proc *p = f->pos >= 2 ? proc_at(f->pos - 2) : NULL;
		char name[NAME_LEN];
		size_t len;

		if (f->pos >= 2 && !p)
			continue;
		snprintf(name, sizeof(name), "%s", f->pos == 0 ? "." : f->pos == 1 ? ".." : "");
		if (p)
			snprintf(name, sizeof(name), "%d", p->pid);
		len = dirent(rec, n - done < sizeof(rec) ? n - done : sizeof(rec),
			     PROC_INO_BASE + f->pos, f->pos + 1, name);
		if (!len)
			return done ? (long)done : -EINVAL;
		if (copy_to_user(ubuf + done, rec, len) < 0)
			return -EFAULT;
		done += len;
	}
	return done;
}

static void dir_stat(struct file *f, struct kstat *st)
{
	(void)f;
	st->mode = S_IFDIR | 0555;
	st->nlink = 2;
}

static const struct file_ops dir_ops = { .getdents = dir_getdents, .stat = dir_stat };

int procfs_owns(const char *path)
{
	return !strncmp(path, "/proc", 5) && (path[5] == '/' || !path[5]);
}

struct file *procfs_open(const char *path, int flags, long *err)
{
	const char *rest;
	struct proc *p;
	char *buf;

	if (flags & (O_ACCMODE | O_CREAT | O_TRUNC)) {
		*err = -EACCES;
		return NULL;
	}
	if (!strcmp(path, "/proc") || !strcmp(path, "/proc/")) {
		struct file *f = file_new(&dir_ops, O_RDONLY, NULL);

		*err = -ENOMEM;
		return f;
	}
	p = path[5] ? path_proc(path, &rest) : NULL;
	*err = -ENOENT;
	if (strcmp(path, "/proc/meminfo") && strcmp(path, "/proc/cpuinfo") &&
	    (!p || strcmp(rest, "/status")))
		return NULL;
	buf = kmalloc(TEXT_MAX);
	if (!buf) {
		*err = -ENOMEM;
		return NULL;
	}
	if (p)
		return text_file(buf, status(buf, p), err);
	return text_file(buf, strcmp(path, "/proc/cpuinfo") ? meminfo(buf) : cpuinfo(buf), err);
}
