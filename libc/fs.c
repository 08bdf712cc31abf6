/* Files by name: opening, status, making, removal, renaming, links,
 * permissions and times, the working directory. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <unistd.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include "syscall.h"

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = flags & O_CREAT ? va_arg(ap, mode_t) : 0;
	va_end(ap);
	return __sysret(SYSCALL(SYS_openat, dirfd, path, flags, mode));
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = flags & O_CREAT ? va_arg(ap, mode_t) : 0;
	va_end(ap);
	return openat(AT_FDCWD, path, flags, mode);
}

int fstat(int fd, struct stat *st)
{
	return __sysret(SYSCALL(SYS_fstat, fd, st));
}

int stat(const char *path, struct stat *st)
{
	return __sysret(SYSCALL(SYS_newfstatat, AT_FDCWD, path, st, 0));
}

int unlink(const char *path)
{
	return __sysret(SYSCALL(SYS_unlinkat, AT_FDCWD, path, 0));
}

/* The system call returns the length; we return the buffer. */
char *getcwd(char *buf, size_t size)
{
	if (!buf) {
		errno = EINVAL;
		return NULL;
	}
	return __sysret(SYSCALL(SYS_getcwd, buf, size)) < 0 ? NULL : buf;
}

int lstat(const char *path, struct stat *st)
{
	return __sysret(SYSCALL(SYS_newfstatat, AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW));
}

int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	return __sysret(SYSCALL(SYS_newfstatat, dirfd, path, st, flags));
}

int unlinkat(int dirfd, const char *path, int flags)
{
	return __sysret(SYSCALL(SYS_unlinkat, dirfd, path, flags));
}

int rmdir(const char *path)
{
	return unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

int mkdirat(int dirfd, const char *path, mode_t mode)
{
	return __sysret(SYSCALL(SYS_mkdirat, dirfd, path, mode));
}

int mkdir(const char *path, mode_t mode)
{
	return mkdirat(AT_FDCWD, path, mode);
}

int renameat(int olddirfd, const char *old, int newdirfd, const char *new)
{
	return __sysret(SYSCALL(SYS_renameat2, olddirfd, old, newdirfd, new, 0));
}

int rename(const char *old, const char *new)
{
	return renameat(AT_FDCWD, old, AT_FDCWD, new);
}

int linkat(int olddirfd, const char *old, int newdirfd, const char *new, int flags)
{
	return __sysret(SYSCALL(SYS_linkat, olddirfd, old, newdirfd, new, flags));
}

int link(const char *old, const char *new)
{
	return linkat(AT_FDCWD, old, AT_FDCWD, new, 0);
}

int symlinkat(const char *target, int dirfd, const char *path)
{
	return __sysret(SYSCALL(SYS_symlinkat, target, dirfd, path));
}

int symlink(const char *target, const char *path)
{
	return symlinkat(target, AT_FDCWD, path);
}

ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t size)
{
	return __sysret(SYSCALL(SYS_readlinkat, dirfd, path, buf, size));
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	return readlinkat(AT_FDCWD, path, buf, size);
}

/* The kernel's faccessat has no flags argument: only plain checks. */
int faccessat(int dirfd, const char *path, int mode, int flags)
{
	if (flags) {
		errno = EINVAL;
		return -1;
	}
	return __sysret(SYSCALL(SYS_faccessat, dirfd, path, mode));
}

int access(const char *path, int mode)
{
	return faccessat(AT_FDCWD, path, mode, 0);
}

int chdir(const char *path)
{
	return __sysret(SYSCALL(SYS_chdir, path));
}

int fchdir(int fd)
{
	return __sysret(SYSCALL(SYS_fchdir, fd));
}

int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	if (flags) {
		errno = EINVAL;
		return -1;
	}
	return __sysret(SYSCALL(SYS_fchmodat, dirfd, path, mode));
}

int chmod(const char *path, mode_t mode)
{
	return fchmodat(AT_FDCWD, path, mode, 0);
}

int fchmod(int fd, mode_t mode)
{
	return __sysret(SYSCALL(SYS_fchmod, fd, mode));
}

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
	return __sysret(SYSCALL(SYS_fchownat, dirfd, path, uid, gid, flags));
}

int chown(const char *path, uid_t uid, gid_t gid)
{
	return fchownat(AT_FDCWD, path, uid, gid, 0);
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
	return fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}

int fchown(int fd, uid_t uid, gid_t gid)
{
	return __sysret(SYSCALL(SYS_fchown, fd, uid, gid));
}

mode_t umask(mode_t mask)
{
	return SYSCALL(SYS_umask, mask);
}

int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags)
{
	return __sysret(SYSCALL(SYS_utimensat, dirfd, path, times, flags));
}

int futimens(int fd, const struct timespec times[2])
{
	return utimensat(fd, NULL, times, 0);
}

int truncate(const char *path, off_t len)
{
	return __sysret(SYSCALL(SYS_truncate, path, len));
}

int statfs(const char *path, struct statfs *st)
{
	return __sysret(SYSCALL(SYS_statfs, path, st));
}

int fstatfs(int fd, struct statfs *st)
{
	return __sysret(SYSCALL(SYS_fstatfs, fd, st));
}
