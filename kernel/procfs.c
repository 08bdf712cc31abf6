/*
 * /proc: what the kernel knows, as text files in Linux's formats, so that
 * one program can measure Linux and forklab alike.
 *
 *   /proc/meminfo             MemTotal, MemFree, AnonPages, PageTables
 *   /proc/<pid>/status        Name, State, Pid, PPid, VmRSS, VmPTE, and
 *                             forklab's lines: shared PTE tables, the fork
 *                             mode and what the process's last fork did
 *   /proc/self/status         the caller's
 *   /proc/<pid>/pagetree      its page tables, a line per table
 *                             (kernel/pagetree.c); /proc/self/pagetree
 *   /proc/cpuinfo             vendor, TSC frequency, protections, and
 *                             the hypervisor (TCG or KVM) running us
 *   /proc/faults              the fault trace (mm/trace.h), oldest first
 *   /proc/forkstat            on-demand fork's table copies and reuses since
 *                             boot, however they came about, by level
 *                             (mm/odf.c, mm/hodf.c)
 *
 * VmRSS counts every page the process maps, through shared tables too.
 * VmPTE counts the page tables only it reaches; the tables it shares, and
 * in hodf mode every table below a shared one, are VmPTEShared (each in
 * full: a table belongs to all who share it, and to none of them alone).
 * TablesOwn and TablesShared count the same tables by level.
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
#include "kernel/pagetree.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/uaccess.h"
#include "arch/cpu.h"
#include "mm/trace.h"
#include "arch/tsc.h"

#define TEXT_MAX        KMALLOC_MAX
#define KB_PER_PAGE     (PAGE_SIZE / 1024)
#define PROC_INO_BASE   0x70000000      /* clear of the root image's inodes */
#define NAME_LEN        24
#define HZ_PER_MHZ      1000000
#define FAULT_LINE      160
#define PID_MAX         0x7fffffff      /* pids are ints */

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

static void text_stat_empty(struct file *f, struct kstat *st)
{
	(void)f;
	st->mode = S_IFREG | 0444;
	st->nlink = 1;
}

static void text_release(struct file *f)
{
	struct text *t = f->priv;

	kfree(t->buf);
	kfree(t);
}

/* /proc/faults is longer than a text buffer: its lines are made as they are
 * read, from the events still in the ring when the file was opened. */
static long faults_read(struct file *f, char *ubuf, size_t n)
{
	uint64_t first = (uint64_t)f->priv, off = 0;
	char line[FAULT_LINE];
	size_t done = 0;

	for (uint64_t seq = first; seq < fault_trace.next && done < n; seq++) {
		const struct fault_event *e = &fault_trace.ev[seq % FAULT_TRACE_SIZE];
		size_t len;

		if (e->seq != seq)
			continue;               /* overwritten since the open */
		len = fault_event_format(e, line, sizeof(line) - 1);
		line[len++] = '\n';
		if (off + len > f->pos) {
			size_t skip = f->pos > off ? f->pos - off : 0;
			size_t take = len - skip < n - done ? len - skip : n - done;

			if (copy_to_user(ubuf + done, line + skip, take) < 0)
				return done ? (long)done : -EFAULT;
			done += take;
			f->pos += take;
		}
		off += len;
	}
	return done;
}

static const struct file_ops faults_ops = { .read = faults_read, .stat = text_stat_empty };

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

static size_t forkstat(char *buf)
{
	return snprintf(buf, TEXT_MAX, "odf_tables_copied %lu\nodf_tables_reused %lu\n"
			"hodf_pmd_tables_copied %lu\nhodf_pmd_tables_reused %lu\n"
			"hodf_pud_tables_copied %lu\nhodf_pud_tables_reused %lu\n",
			odf_counters.tables_copied, odf_counters.tables_reused,
			hodf_counters.copied[PT_PMD], hodf_counters.reused[PT_PMD],
			hodf_counters.copied[PT_PUD], hodf_counters.reused[PT_PUD]);
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
		"ForkPagesCopied:\t%lu\nForkTLBFlushes:\t%lu\n"
		"TablesOwn:\tpgd %lu pud %lu pmd %lu pte %lu\n"
		"TablesShared:\tpgd %lu pud %lu pmd %lu pte %lu\n",
		p->name, state_names[p->state], p->pid, p->parent ? p->parent->pid : 0,
		u.rss * KB_PER_PAGE, u.pt_private * KB_PER_PAGE, u.pt_shared * KB_PER_PAGE,
		u.pt_shared, fork_mode_names[p->fork_mode],
		f->tables_shared, f->tables_copied, f->ptes_copied, f->pages_copied,
		f->tlb_flushes,
		u.own[PT_PGD], u.own[PT_PUD], u.own[PT_PMD], u.own[PT_PTE],
		u.shared[PT_PGD], u.shared[PT_PUD], u.shared[PT_PMD], u.shared[PT_PTE]);
}

/*
 * The process a "/proc/<pid>..." path names (self included); rest is set
 * to what follows the pid.  As in Linux, a pid is written without leading
 * zeroes and fits an int: "007" or 2^32 + 7 names no process, not 7.
 */
static struct proc *path_proc(const char *path, const char **rest)
{
	const char *s = path + strlen("/proc/");
	long pid = 0;

	if (!strncmp(s, "self", 4)) {
		*rest = s + 4;
		return current;
	}
	if (*s == '0')
		return NULL;
	for (; *s >= '0' && *s <= '9'; s++) {
		pid = pid * 10 + (*s - '0');
		if (pid > PID_MAX)
			return NULL;
	}
	*rest = s;
	return pid ? proc_find(pid) : NULL;
}

static struct file *text_buffer(char *buf, size_t len, long *err)
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

static const struct {
	const char *path;
	size_t (*make)(char *buf);
} text_files[] = {
	{ "/proc/meminfo", meminfo }, { "/proc/cpuinfo", cpuinfo },
	{ "/proc/forkstat", forkstat },
};

static struct file *text_file(size_t (*make)(char *buf), long *err)
{
	char *buf = kmalloc(TEXT_MAX);

	if (!buf) {
		*err = -ENOMEM;
		return NULL;
	}
	return text_buffer(buf, make(buf), err);
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

static struct file *open_node(const char *path, int flags, long *err)
{
	const char *rest = NULL;
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
	if (!strcmp(path, "/proc/faults")) {
		uint64_t first = fault_trace.next > FAULT_TRACE_SIZE ?
				 fault_trace.next - FAULT_TRACE_SIZE : 1;

		*err = -ENOMEM;
		return file_new(&faults_ops, O_RDONLY, (void *)first);
	}
	p = path[5] ? path_proc(path, &rest) : NULL;
	*err = -ENOENT;
	for (unsigned i = 0; !p && i < sizeof(text_files) / sizeof(text_files[0]); i++)
		if (!strcmp(path, text_files[i].path))
			return text_file(text_files[i].make, err);
	if (!p || (strcmp(rest, "/status") && (strcmp(rest, "/pagetree") || !p->mm)))
		return NULL;
	buf = kmalloc(TEXT_MAX);
	if (!buf) {
		*err = -ENOMEM;
		return NULL;
	}
	if (!strcmp(rest, "/pagetree"))
		return text_buffer(buf, pagetree_format(p->mm, buf, TEXT_MAX), err);
	return text_buffer(buf, status(buf, p), err);
}

/* O_DIRECTORY opens only /proc itself: its files give ENOTDIR. */
struct file *procfs_open(const char *path, int flags, long *err)
{
	struct file *f = open_node(path, flags, err);

	if (f && (flags & O_DIRECTORY) && f->ops != &dir_ops) {
		file_put(f);
		*err = -ENOTDIR;
		return NULL;
	}
	return f;
}
