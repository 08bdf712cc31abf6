/* Memory system calls: thin wrappers over mm/mmap.c and mm/madvise.c. */
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/vfs.h"
#include "kernel/errno.h"
#include "mm/mm.h"

/* What mprotect may grant a mapping of f: write to a shared one only if f
 * was opened for writing and its file may change (Linux's EACCES rules). */
static int map_maxprot(struct file *f, struct inode *i, int flags)
{
	int mode = f->flags & O_ACCMODE;

	if ((flags & MAP_TYPE) != MAP_SHARED)
		return PROT_ALL;
	return mode != O_RDONLY && i->ops->cache_page ? PROT_ALL : PROT_ALL & ~PROT_WRITE;
}

/* mmap of the file open at fd. */
static long mmap_fd(uint64_t addr, uint64_t len, int prot, int flags, int fd, uint64_t off)
{
	struct file *f = fd_file(fd);
	struct inode *i = f ? file_inode(f) : NULL;
	int maxprot;

	if (!f)
		return -EBADF;
	if (!i || !inode_is_reg(i) || (!i->ops->cache_page && !i->ops->contents))
		return -ENODEV;
	if ((f->flags & O_ACCMODE) == O_WRONLY)
		return -EACCES;
	maxprot = map_maxprot(f, i, flags);
	if (prot & ~maxprot)
		return -EACCES;
	return mm_mmap_file(current->mm, addr, len, prot, flags, i, off / PAGE_SIZE, maxprot);
}

long sys_mmap(uint64_t addr, uint64_t len, uint64_t prot, uint64_t flags, uint64_t fd, uint64_t off)
{
	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (flags & MAP_ANONYMOUS)
		return mm_mmap(current->mm, addr, len, prot, flags);
	return mmap_fd(addr, len, prot, flags, (int)fd, off);
}

long sys_munmap(uint64_t addr, uint64_t len, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return mm_munmap(current->mm, addr, len);
}

long sys_mprotect(uint64_t addr, uint64_t len, uint64_t prot, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a3, (void)a4, (void)a5;
	return mm_mprotect(current->mm, addr, len, prot);
}

long sys_madvise(uint64_t addr, uint64_t len, uint64_t advice, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a3, (void)a4, (void)a5;
	return mm_madvise(current->mm, addr, len, (int)advice);
}

long sys_msync(uint64_t addr, uint64_t len, uint64_t flags, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a3, (void)a4, (void)a5;
	return mm_msync(current->mm, addr, len, (int)flags);
}

long sys_brk(uint64_t addr, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return mm_brk(current->mm, addr);
}
