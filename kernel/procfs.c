/*
 * /proc: what the kernel knows, as text files in Linux's formats, so that
 * one program, ps or top among them, can measure Linux and forklab alike.
 *
 *   /proc/<pid>/...           a process's files (kernel/procfs_pid.c)
 *   /proc/self                a link to the caller's /proc/<pid>; the
 *                             other link is /proc/<pid>/exe, the program
 *   /proc/meminfo             MemTotal, MemFree, MemAvailable, Cached,
 *                             AnonPages, Shmem, SReclaimable, PageTables
 *   /proc/stat                CPU time in clock ticks, processes made
 *   /proc/uptime              seconds since boot, and seconds idle
 *   /proc/loadavg             the load average (kernel/loadavg.c), the
 *                             processes runnable and in all, the last pid
 *   /proc/mounts              the file systems, as fstab lines
 *   /proc/cpuinfo             a block per running CPU: its number and
 *                             APIC id, vendor, TSC frequency, protections,
 *                             the hypervisor (TCG or KVM) running us, and
 *                             the ticks of its timer
 *   /proc/faults              the fault trace (mm/trace.h), oldest first
 *   /proc/forkstat            on-demand fork's table copies and reuses since
 *                             boot, however they came about, by level
 *                             (mm/odf.c, mm/hodf.c); TLB shootdowns, the
 *                             IPIs they sent and the flushes done (mm/tlb.c)
 *   /proc/interrupts          each CPU's interrupts, by source
 *                             (kernel/procfs_interrupts.c)
 *
 * A file's text is made when it is opened, so reads see one snapshot;
 * the longer files (faults, and a process's maps and cmdline) are made as
 * they are read instead.
 */
#include <string.h>
#include "kernel/procfs.h"
#include "kernel/tmpfs.h"
#include "kernel/sys_fs.h"
#include "kernel/vfs.h"
#include "kernel/file.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/printk.h"
#include "kernel/errno.h"
#include "kernel/ktime.h"
#include "mm/frame.h"
#include "mm/kstack.h"
#include "mm/heap.h"
#include "mm/uaccess.h"
#include "arch/cpu.h"
#include "arch/percpu.h"
#include "mm/trace.h"
#include "mm/tlb.h"
#include "arch/tsc.h"

#define KB_PER_PAGE     (PAGE_SIZE / 1024)
#define PROC_INO_BASE   0x70000000      /* clear of the root image's inodes */
#define PID_INO_SHIFT   16              /* a process's entries, clear of each other */
#define NAME_LEN        24
#define HZ_PER_MHZ      1000000
#define PID_MAX         0x7fffffff      /* pids are ints */
#define CENTI           100
#define NS_PER_CENTI    (NS_PER_SEC / CENTI)    /* uptime's hundredths of a second */


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

void procfs_stat_empty(struct file *f, struct kstat *st)
{
	(void)f;
	st->mode = S_IFREG | 0444;
	st->nlink = 1;
}

void procfs_stat_dir(struct file *f, struct kstat *st)
{
	(void)f;
	st->mode = S_IFDIR | 0555;
	st->nlink = 2;
}

static void text_release(struct file *f)
{
	struct text *t = f->priv;

	kfree(t->buf);
	kfree(t);
}

long procfs_put_line(struct file *f, char *ubuf, size_t n, size_t *done, uint64_t *off,
		     const char *line, size_t len)
{
	if (*off + len > f->pos && *done < n) {
		size_t skip = f->pos > *off ? f->pos - *off : 0;
		size_t take = len - skip < n - *done ? len - skip : n - *done;

		if (copy_to_user(ubuf + *done, line + skip, take) < 0)
			return -EFAULT;
		*done += take;
		f->pos += take;
	}
	*off += len;
	return 0;
}

/* /proc/faults is longer than a text buffer: its lines are made as they are
 * read, from the events still in the ring when the file was opened. */
static long faults_read(struct file *f, char *ubuf, size_t n)
{
	uint64_t first = (uint64_t)f->priv, off = 0;
	char line[FAULT_LINE_MAX];
	size_t done = 0;
	long err = 0;

	for (uint64_t seq = first; seq < fault_trace.next && done < n && !err; seq++) {
		const struct fault_event *e = &fault_trace.ev[seq % FAULT_TRACE_SIZE];
		size_t len;

		if (e->seq != seq)
			continue;               /* overwritten since the open */
		len = fault_event_format(e, line, sizeof(line) - 1);
		line[len++] = '\n';
		err = procfs_put_line(f, ubuf, n, &done, &off, line, len);
	}
	return done || !err ? (long)done : err;
}

static const struct file_ops faults_ops = { .read = faults_read, .stat = procfs_stat_empty };

static const struct file_ops text_ops = {
	.read = text_read, .stat = text_stat, .release = text_release, .seekable = 1,
};

/* Cached and Shmem are the frames of /tmp's files (the root image is not
 * counted as cache, as Linux does not count its initramfs).  Nothing can
 * be reclaimed, so MemAvailable is MemFree and SReclaimable 0; free reads
 * them (without them, busybox's takes the kernel for one before 3.14). */
static size_t meminfo(char *buf)
{
	uint64_t file_pages = tmpfs_frames(), free = frames_free_trimmed();

	return snprintf(buf, PROCFS_TEXT_MAX,
		"MemTotal:       %8lu kB\nMemFree:        %8lu kB\nMemAvailable:   %8lu kB\n"
		"Cached:         %8lu kB\n"
		"AnonPages:      %8lu kB\nShmem:          %8lu kB\nSReclaimable:          0 kB\n"
		"PageTables:     %8lu kB\n",
		frames_total() * KB_PER_PAGE, free * KB_PER_PAGE, free * KB_PER_PAGE,
		file_pages * KB_PER_PAGE, nr_user_pages * KB_PER_PAGE,
		file_pages * KB_PER_PAGE, nr_user_pgtables * KB_PER_PAGE);
}

static size_t forkstat(char *buf)
{
	return snprintf(buf, PROCFS_TEXT_MAX, "odf_tables_copied %lu\nodf_tables_reused %lu\n"
			"hodf_pmd_tables_copied %lu\nhodf_pmd_tables_reused %lu\n"
			"hodf_pud_tables_copied %lu\nhodf_pud_tables_reused %lu\n"
			"tlb_shootdowns %lu\ntlb_shootdown_ipis %lu\ntlb_remote_flushes %lu\n",
			odf_counters.tables_copied, odf_counters.tables_reused,
			hodf_counters.copied[PT_PMD], hodf_counters.reused[PT_PMD],
			hodf_counters.copied[PT_PUD], hodf_counters.reused[PT_PUD],
			tlb_counters.shootdowns, tlb_counters.ipis, tlb_remote_flushes());
}

static size_t cpu_block_text(char *buf, size_t room, const struct cpu *c)
{
	return snprintf(buf, room,
		"processor\t: %d\nvendor_id\t: %s\ncpu MHz\t\t: %lu\napicid\t\t: %u\n"
		"flags\t\t:%s%s%s\nhypervisor\t: %s\nticks\t\t: %lu\nresched_ipis\t: %lu\n\n",
		c->id, cpu_has.vendor, tsc_hz() / HZ_PER_MHZ, c->apic_id,
		cpu_has.nx ? " nx" : "", cpu_has.smep ? " smep" : "",
		cpu_has.smap ? " smap" : "",
		cpu_has.hypervisor[0] ? cpu_has.hypervisor : "none", c->ticks, c->resched_ipis);
}

static size_t cpuinfo(char *buf)
{
	size_t n = 0;

	for (int i = 0; i < ncpus && n < PROCFS_TEXT_MAX; i++)
		n += cpu_block_text(buf + n, PROCFS_TEXT_MAX - n, &cpus[i]);
	return n < PROCFS_TEXT_MAX ? n : PROCFS_TEXT_MAX - 1;
}

/* The CPU's user and system time: every process's, its reaped children's
 * included (those of children whose parent did not wait are lost). */
static size_t cpu_stat(char *buf)
{
	uint64_t user = 0, sys = 0, idle = sched_idle_ns() / NS_PER_CLOCK;

	for (int slot = 0; slot < NPROC; slot++) {
		struct proc *p = proc_at(slot);

		if (!p)
			continue;
		user += proc_cpu_ns(p) - p->usage.sys_ns + p->children.cpu_ns - p->children.sys_ns;
		sys += p->usage.sys_ns + p->children.sys_ns;
	}
	user /= NS_PER_CLOCK;
	sys /= NS_PER_CLOCK;
	return snprintf(buf, PROCFS_TEXT_MAX,
		"cpu  %lu 0 %lu %lu 0 0 0 0 0 0\ncpu0 %lu 0 %lu %lu 0 0 0 0 0 0\n"
		"intr 0\nctxt 0\nbtime %ld\nprocesses %d\nprocs_running %d\nprocs_blocked 0\n",
		user, sys, idle, user, sys, idle, BOOT_EPOCH, proc_last_pid(),
		loadavg_runnable());
}

static size_t uptime(char *buf)
{
	uint64_t up = time_ns() / NS_PER_CENTI, idle = sched_idle_ns() / NS_PER_CENTI;

	return snprintf(buf, PROCFS_TEXT_MAX, "%lu.%02lu %lu.%02lu\n",
			up / CENTI, up % CENTI, idle / CENTI, idle % CENTI);
}

/* Loads as Linux prints them: two decimals, rounded. */
static size_t loadavg(char *buf)
{
	uint64_t load[LOAD_AVERAGES], centi[LOAD_AVERAGES];

	loadavg_get(load);
	for (int i = 0; i < LOAD_AVERAGES; i++)
		centi[i] = (load[i] * CENTI + (1UL << LOAD_SHIFT) / 2) >> LOAD_SHIFT;
	return snprintf(buf, PROCFS_TEXT_MAX, "%lu.%02lu %lu.%02lu %lu.%02lu %d/%d %d\n",
			centi[0] / CENTI, centi[0] % CENTI, centi[1] / CENTI, centi[1] % CENTI,
			centi[2] / CENTI, centi[2] % CENTI, loadavg_runnable(), proc_count(),
			proc_last_pid());
}

/* Device, mount point, type, options, and fstab's two unused numbers. */
static const char *const mounts_table[] = {
	"rootfs / rootfs ro 0 0",
	"proc /proc proc ro 0 0",
	"tmpfs /tmp tmpfs rw 0 0",
	"devtmpfs /dev devtmpfs rw 0 0",
};

static size_t mounts(char *buf)
{
	size_t len = 0;

	for (unsigned i = 0; i < sizeof(mounts_table) / sizeof(mounts_table[0]); i++)
		len += snprintf(buf + len, PROCFS_TEXT_MAX - len, "%s\n", mounts_table[i]);
	return len;
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

/* What snprintf wrote of len into size bytes. */
static long kept(int len, size_t size)
{
	return (size_t)len < size ? len : (long)size - 1;
}

struct file *procfs_text(char *buf, size_t len, long *err)
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

/* The files of /proc itself, in the order getdents gives them; "self" is
 * a link, and faults (make NULL) is made as it is read. */
static const struct {
	const char *name;
	size_t (*make)(char *buf);
} top_files[] = {
	{ "self", NULL }, { "cpuinfo", cpuinfo }, { "faults", NULL }, { "forkstat", forkstat },
	{ "interrupts", procfs_interrupts }, { "loadavg", loadavg }, { "meminfo", meminfo }, { "mounts", mounts },
	{ "stat", cpu_stat }, { "uptime", uptime },
};

#define NTOP    (sizeof(top_files) / sizeof(top_files[0]))
#define SELF    0
#define LINK_PERM       0777            /* a link's mode: lrwxrwxrwx */

static struct file *open_top(unsigned i, long *err)
{
	char *buf;
	uint64_t first;

	*err = -ENOMEM;
	if (top_files[i].make) {
		buf = kmalloc(PROCFS_TEXT_MAX);
		return buf ? procfs_text(buf, top_files[i].make(buf), err) : NULL;
	}
	first = fault_trace.next > FAULT_TRACE_SIZE ? fault_trace.next - FAULT_TRACE_SIZE : 1;
	return file_new(&faults_ops, O_RDONLY, (void *)first);
}

uint64_t procfs_ino(uint64_t pid, uint64_t pos)
{
	return PROC_INO_BASE + (pid << PID_INO_SHIFT) + pos;
}

long procfs_put_dirent(char *ubuf, size_t room, uint64_t ino, uint64_t pos,
		       const char *name, uint32_t mode)
{
	char rec[sizeof(struct linux_dirent64) + NAME_LEN];
	size_t len = dirent_put(rec, room < sizeof(rec) ? room : sizeof(rec), ino, pos + 1, mode,
				name, strlen(name));

	if (!len)
		return 0;
	return copy_to_user(ubuf, rec, len) < 0 ? -EFAULT : (long)len;
}

/* The name and type of entry pos of /proc: ".", "..", the files, then a
 * directory per process; 0 if there is none at pos (a free slot). */
static int top_entry(uint64_t pos, char *name, uint32_t *mode)
{
	struct proc *p;

	*mode = pos < 2 ? S_IFDIR : pos == 2 + SELF ? S_IFLNK : S_IFREG;
	if (pos < 2 + NTOP) {
		snprintf(name, NAME_LEN, "%s", pos == 0 ? "." : pos == 1 ? ".." : top_files[pos - 2].name);
		return 1;
	}
	p = proc_at(pos - 2 - NTOP);
	*mode = S_IFDIR;
	return p && snprintf(name, NAME_LEN, "%d", p->pid);
}

static long dir_getdents(struct file *f, char *ubuf, size_t n)
{
	size_t done = 0;

	for (; f->pos < 2 + NTOP + NPROC; f->pos++) {
		char name[NAME_LEN];
		uint32_t mode;
		long len;

		if (!top_entry(f->pos, name, &mode))
			continue;
		len = procfs_put_dirent(ubuf + done, n - done, procfs_ino(0, f->pos), f->pos,
					name, mode);
		if (len <= 0)
			return done ? (long)done : len ? len : -EINVAL;
		done += len;
	}
	return done;
}

static const struct file_ops dir_ops = { .getdents = dir_getdents, .stat = procfs_stat_dir };

int procfs_owns(const char *path)
{
	return !strncmp(path, "/proc", 5) && (path[5] == '/' || !path[5]);
}

static struct file *open_node(const char *path, int flags, long *err)
{
	const char *rest = NULL;
	struct proc *p;

	if (flags & (O_ACCMODE | O_CREAT | O_TRUNC)) {
		*err = -EACCES;
		return NULL;
	}
	if (!strcmp(path, "/proc") || !strcmp(path, "/proc/")) {
		*err = -ENOMEM;
		return file_new(&dir_ops, O_RDONLY, NULL);
	}
	for (unsigned i = 0; i < NTOP; i++)
		if (i != SELF && !strcmp(path + strlen("/proc/"), top_files[i].name))
			return open_top(i, err);
	p = path_proc(path, &rest);
	*err = -ENOENT;
	return p ? procfs_pid_open(p, rest, err) : NULL;
}

/* The process whose exe link path names, or NULL. */
static struct proc *exe_link(const char *path)
{
	const char *rest = "";
	struct proc *p = strncmp(path, "/proc/", 6) ? NULL : path_proc(path, &rest);

	return p && !strcmp(rest, "/exe") ? p : NULL;
}

/* The target of the link at path, NUL-terminated in buf: /proc/self (the
 * caller's pid) or /proc/<pid>/exe (the program's path).  Its length, cut
 * to size - 1; -EINVAL if path is no link, or what opening it gives. */
long procfs_link(const char *path, char *buf, size_t size)
{
	struct proc *p = exe_link(path);
	struct file *f;
	long err;

	if (!strcmp(path, "/proc/self"))
		return kept(snprintf(buf, size, "%d", current->pid), size);
	if (p)
		return p->mm && p->mm->exe ?
		       kept(snprintf(buf, size, "%s", p->mm->exe->path), size) : -ENOENT;
	f = open_node(path, O_RDONLY, &err);
	if (!f)
		return err;
	file_put(f);
	return -EINVAL;
}

long procfs_link_stat(const char *path, struct kstat *st)
{
	struct proc *p = exe_link(path);

	if (!p && strcmp(path, "/proc/self"))
		return -EINVAL;
	*st = (struct kstat){
		.ino = p ? procfs_pid_exe_ino(p) : procfs_ino(0, 2 + SELF),
		.mode = S_IFLNK | LINK_PERM, .nlink = 1, .dev = DEV_PROCFS,
	};
	return 0;
}

/* O_DIRECTORY opens only directories: files give ENOTDIR.  A program's
 * exe link opens the program. */
struct file *procfs_open(const char *path, int flags, long *err)
{
	struct proc *p = exe_link(path);
	struct file *f;

	if (p && !(p->mm && p->mm->exe)) {
		*err = -ENOENT;
		return NULL;
	}
	f = p ? fs_open(AT_FDCWD, p->mm->exe->path, flags, 0, err) : open_node(path, flags, err);
	if (f && (flags & O_DIRECTORY) && !f->ops->getdents) {
		file_put(f);
		*err = -ENOTDIR;
		return NULL;
	}
	return f;
}

long procfs_readlink(const char *path, char *ubuf, size_t size)
{
	char *target = kmalloc(PATH_MAX);
	long len = target ? procfs_link(path, target, PATH_MAX) : -ENOMEM;

	if (len > (long)size)
		len = size;
	if (len > 0 && copy_to_user(ubuf, target, len) < 0)
		len = -EFAULT;
	kfree(target);
	return len;
}
