/*
 * memfd_create: an anonymous file in memory, as in Linux.  It has no name
 * in any directory; it lives as long as an open file refers to it, and
 * exec can run it (execveat with AT_EMPTY_PATH), which is how a program
 * runs bytes it made on a system with no writable file system.
 *
 *   struct file --priv--> struct memfd
 *     pos, size             pg[0]  pg[1]  ...  pg[n-1]   NULL ...
 *                             |      |           |
 *                           frame  frame  ...  frame     (from page_alloc)
 *
 * Invariants: the frames holding bytes [0, size) are all present (a write
 * past the end allocates zeroed frames for the gap), and every byte past
 * size is zero, so a later write that extends the file leaves zeros in the
 * gap.  The file holds at most MEMFD_MAX_PAGES pages (writes past that get
 * EFBIG): exactly what mm/kmap.c's window maps contiguously, so that exec
 * checks and loads a memfd as it does a file of the root image.  The last
 * reference's release gives every frame back.
 */
#include <string.h>
#include "kernel/memfd.h"
#include "kernel/syscall.h"
#include "kernel/file.h"
#include "kernel/initramfs.h"
#include "kernel/errno.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/kmap.h"
#include "mm/uaccess.h"

#define MEMFD_MAX_PAGES KMAP_WINDOW_PAGES
#define MEMFD_MAX_SIZE  (MEMFD_MAX_PAGES * PAGE_SIZE)
#define MEMFD_NAME_MAX  249             /* Linux's: NAME_MAX less "memfd:" */
#define MEMFD_MODE      (S_IFREG | 0777)
#define MEMFD_INO_BASE  (1UL << 32)     /* above the root image's numbers */
#define MFD_CLOEXEC     1
#define MFD_ALLOW_SEALING 2             /* accepted; forklab has no seals */

struct memfd {
	struct page *pg[MEMFD_MAX_PAGES];
	uint64_t ino;
};

static const struct file_ops memfd_ops;

static size_t chunk_at(uint64_t pos, size_t left)
{
	size_t room = PAGE_SIZE - pos % PAGE_SIZE;

	return left < room ? left : room;
}

static char *byte_at(struct memfd *m, uint64_t pos)
{
	return (char *)page_va(m->pg[pos / PAGE_SIZE]) + pos % PAGE_SIZE;
}

static long memfd_read(struct file *f, char *ubuf, size_t n)
{
	size_t done = 0;

	if (f->pos >= f->size)
		return 0;
	if (n > f->size - f->pos)
		n = f->size - f->pos;
	while (done < n) {
		size_t chunk = chunk_at(f->pos + done, n - done);

		if (copy_to_user(ubuf + done, byte_at(f->priv, f->pos + done), chunk) < 0)
			break;
		done += chunk;
	}
	f->pos += done;
	return done || !n ? (long)done : -EFAULT;
}

/* Makes the first npages frames present; 0 or -ENOMEM. */
static int fill_to(struct memfd *m, uint64_t npages)
{
	for (uint64_t i = 0; i < npages; i++)
		if (!m->pg[i] && !(m->pg[i] = page_alloc_zeroed()))
			return -ENOMEM;
	return 0;
}

/* Writes one chunk at pos; a failed copy leaves zeros past the end. */
static long write_chunk(struct file *f, uint64_t pos, const char *ubuf, size_t chunk)
{
	char *dst;

	if (fill_to(f->priv, pos / PAGE_SIZE + 1) < 0)
		return -ENOMEM;
	dst = byte_at(f->priv, pos);
	if (copy_from_user(dst, ubuf, chunk) == 0)
		return 0;
	if (pos + chunk > f->size) {
		size_t keep = f->size > pos ? f->size - pos : 0;

		memset(dst + keep, 0, chunk - keep);
	}
	return -EFAULT;
}

static long memfd_write(struct file *f, const char *ubuf, size_t n)
{
	size_t done = 0;
	long err = 0;

	if (n && f->pos >= MEMFD_MAX_SIZE)
		return -EFBIG;
	if (n > MEMFD_MAX_SIZE - f->pos)
		n = MEMFD_MAX_SIZE - f->pos;
	while (done < n && !err) {
		size_t chunk = chunk_at(f->pos + done, n - done);

		err = write_chunk(f, f->pos + done, ubuf + done, chunk);
		done += err ? 0 : chunk;
	}
	f->pos += done;
	if (f->pos > f->size)
		f->size = f->pos;
	return done || !err ? (long)done : err;
}

static void memfd_stat(struct file *f, struct kstat *st)
{
	const struct memfd *m = f->priv;

	st->ino = m->ino;
	st->size = f->size;
	st->mode = MEMFD_MODE;
	st->nlink = 1;
}

static void memfd_release(struct file *f)
{
	struct memfd *m = f->priv;

	for (int i = 0; i < MEMFD_MAX_PAGES; i++)
		if (m->pg[i])
			page_put(m->pg[i]);
	kfree(m);
}

static const struct file_ops memfd_ops = {
	.read = memfd_read,
	.write = memfd_write,
	.stat = memfd_stat,
	.release = memfd_release,
	.seekable = 1,
};

long sys_memfd_create(uint64_t uname, uint64_t flags, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	static uint64_t next_ino = MEMFD_INO_BASE;
	char name[MEMFD_NAME_MAX + 1];          /* only checked: nothing shows it */
	long err = strncpy_from_user(name, (const char *)uname, sizeof(name));
	struct memfd *m;
	struct file *f;
	int fd;

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (err < 0)
		return err == -ENAMETOOLONG ? -EINVAL : err;
	if (flags & ~(uint64_t)(MFD_CLOEXEC | MFD_ALLOW_SEALING))
		return -EINVAL;
	m = kzalloc(sizeof(*m));
	f = m ? file_new(&memfd_ops, O_RDWR, m) : NULL;
	if (!f) {
		kfree(m);
		return -ENOMEM;
	}
	m->ino = next_ino++;
	fd = fd_install(f, flags & MFD_CLOEXEC);
	if (fd < 0)
		file_put(f);
	return fd;
}

int memfd_map(struct file *f, struct initramfs_node *out)
{
	struct memfd *m = f->priv;

	if (f->ops != &memfd_ops)
		return -EACCES;
	out->data = kmap_window(m->pg, PAGE_ROUND_UP(f->size) / PAGE_SIZE);
	out->size = f->size;
	out->mode = MEMFD_MODE;
	out->ino = m->ino;
	return 0;
}

void memfd_unmap(struct file *f)
{
	kunmap_window(PAGE_ROUND_UP(f->size) / PAGE_SIZE);
}
