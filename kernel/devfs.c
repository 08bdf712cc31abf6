/*
 * devfs: the devices, mounted at /dev.  A fixed table; each device is an
 * inode whose read and write are the device's:
 *
 *   null      reads end at once; writes vanish
 *   zero      reads give zeros; writes vanish
 *   full      reads give zeros; writes fail with ENOSPC
 *   random    reads give kernel/random.c's bytes; writes vanish
 *   urandom   the same
 *   tty       the console (kernel/console.c), opened as the kernel opens it
 *   console   the same
 *
 * Device numbers are Linux's (major 1 for memory devices, 5 for tty and
 * console), encoded as glibc's makedev does for small numbers.
 */
#include <string.h>
#include "kernel/devfs.h"
#include "kernel/vfs.h"
#include "kernel/console.h"
#include "kernel/random.h"
#include "kernel/errno.h"
#include "mm/uaccess.h"

#define DEV_MODE        (S_IFCHR | 0666)
#define DIR_MODE        (S_IFDIR | 0755)
#define MKDEV(ma, mi)   ((uint64_t)(ma) << 8 | (mi))
#define MEM_MAJOR       1
#define TTY_MAJOR       5
#define FILL_CHUNK      256             /* bytes made on the stack at a time */
#define ROOT_INO        1
#define DIRPOS_ENTRIES  2               /* ".", "..", then the devices */

enum fill { FILL_ZERO, FILL_RANDOM };

static const struct inode_ops dir_ops, null_ops, zero_ops, full_ops, random_ops, tty_ops;

static struct inode dev_root = {
	.ops = &dir_ops, .mode = DIR_MODE, .nlink = 2, .ref = 1, .dev = DEV_DEVFS, .ino = ROOT_INO,
};

static struct device {
	const char *name;
	struct inode inode;
} devices[] = {
	{ "null", { .ops = &null_ops, .rdev = MKDEV(MEM_MAJOR, 3) } },
	{ "zero", { .ops = &zero_ops, .rdev = MKDEV(MEM_MAJOR, 5) } },
	{ "full", { .ops = &full_ops, .rdev = MKDEV(MEM_MAJOR, 7) } },
	{ "random", { .ops = &random_ops, .rdev = MKDEV(MEM_MAJOR, 8) } },
	{ "urandom", { .ops = &random_ops, .rdev = MKDEV(MEM_MAJOR, 9) } },
	{ "tty", { .ops = &tty_ops, .rdev = MKDEV(TTY_MAJOR, 0) } },
	{ "console", { .ops = &tty_ops, .rdev = MKDEV(TTY_MAJOR, 1) } },
};
#define NDEVICES        (sizeof(devices) / sizeof(devices[0]))

/* Fills a user buffer with zeros or random bytes. */
static long fill(char *ubuf, size_t n, enum fill how)
{
	char chunk[FILL_CHUNK];

	memset(chunk, 0, sizeof(chunk));
	for (size_t done = 0; done < n; ) {
		size_t len = n - done < sizeof(chunk) ? n - done : sizeof(chunk);

		if (how == FILL_RANDOM)
			random_bytes(chunk, len);
		if (copy_to_user(ubuf + done, chunk, len) < 0)
			return done ? (long)done : -EFAULT;
		done += len;
	}
	return n;
}

static long read_nothing(struct inode *i, char *ubuf, size_t n, uint64_t pos)
{
	(void)i, (void)ubuf, (void)n, (void)pos;
	return 0;
}

static long read_zeros(struct inode *i, char *ubuf, size_t n, uint64_t pos)
{
	(void)i, (void)pos;
	return fill(ubuf, n, FILL_ZERO);
}

static long read_random(struct inode *i, char *ubuf, size_t n, uint64_t pos)
{
	(void)i, (void)pos;
	return fill(ubuf, n, FILL_RANDOM);
}

static long write_sink(struct inode *i, const char *ubuf, size_t n, uint64_t pos)
{
	(void)i, (void)ubuf, (void)pos;
	return n;
}

static long write_full(struct inode *i, const char *ubuf, size_t n, uint64_t pos)
{
	(void)i, (void)ubuf, (void)n, (void)pos;
	return -ENOSPC;
}

static struct file *open_console(struct inode *i, int flags, long *err)
{
	struct file *f = console_open();

	(void)i;
	if (!f) {
		*err = -ENOMEM;
		return NULL;
	}
	f->flags = flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_DIRECTORY | O_NOFOLLOW);
	return f;
}

static void dev_statfs(struct inode *i, struct statfs_info *st)
{
	(void)i;
	st->magic = TMPFS_MAGIC;        /* as Linux's devtmpfs says */
	st->files = NDEVICES + 1;
}

static const struct inode_ops null_ops = { .read = read_nothing, .write = write_sink,
					   .statfs = dev_statfs };
static const struct inode_ops zero_ops = { .read = read_zeros, .write = write_sink,
					   .statfs = dev_statfs };
static const struct inode_ops full_ops = { .read = read_zeros, .write = write_full,
					   .statfs = dev_statfs };
static const struct inode_ops random_ops = { .read = read_random, .write = write_sink,
					   .statfs = dev_statfs };
static const struct inode_ops tty_ops = { .open = open_console,
					   .statfs = dev_statfs };

static int dir_lookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
	(void)dir;
	for (size_t k = 0; k < NDEVICES; k++)
		if (strlen(devices[k].name) == len && !memcmp(devices[k].name, name, len)) {
			*out = &devices[k].inode;
			return 0;
		}
	return -ENOENT;
}

static long dir_getdents(struct inode *dir, uint64_t *pos, void *buf, size_t n)
{
	size_t used = 0, len;

	for (; *pos < DIRPOS_ENTRIES + NDEVICES; (*pos)++) {
		struct inode *i = *pos < DIRPOS_ENTRIES ? (*pos ? dir->parent : dir) :
				  &devices[*pos - DIRPOS_ENTRIES].inode;
		const char *name = *pos < DIRPOS_ENTRIES ? &".."[!*pos] :
				   devices[*pos - DIRPOS_ENTRIES].name;

		len = dirent_put((char *)buf + used, n - used, i->ino, *pos + 1, i->mode, name,
				 strlen(name));
		if (!len)
			return used ? (long)used : -EINVAL;
		used += len;
	}
	return used;
}

static int dir_name_of(struct inode *dir, struct inode *child, char *name)
{
	(void)dir, (void)child, (void)name;
	return -ENOENT;                 /* devfs has no subdirectories */
}

static const struct inode_ops dir_ops = {
	.lookup = dir_lookup, .getdents = dir_getdents, .name_of = dir_name_of,
	.statfs = dev_statfs,
};

struct inode *devfs_init(void)
{
	for (size_t k = 0; k < NDEVICES; k++) {
		struct inode *i = &devices[k].inode;

		i->mode = DEV_MODE;
		i->nlink = 1;
		i->ref = 1;
		i->dev = DEV_DEVFS;
		i->ino = ROOT_INO + 1 + k;
	}
	return &dev_root;
}
