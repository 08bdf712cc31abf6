/*
 * chown, fchown, lchown and fchownat, as busybox's sed -i, cp -p and tar
 * use them:
 *
 *   - giving a file, a directory, a symlink (lchown: the link itself) or a
 *     descriptor's file to its own owner (our uid and gid), or leaving an
 *     id as it is (-1), succeeds, and so does fchown of a pipe;
 *   - fchownat with an empty path and AT_EMPTY_PATH changes dirfd's file,
 *     an unknown flag is EINVAL;
 *   - a closed descriptor is EBADF, a missing file ENOENT, a bad pointer
 *     EFAULT.
 * On forklab, where root is the only user and no owner is kept: the root
 * image is EROFS, /proc EPERM, and an id other than root's EINVAL.
 */
#define _GNU_SOURCE             /* AT_EMPTY_PATH */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include "check.h"

#define FILE_PATH	"/tmp/chown_edges.file"
#define DIR_PATH	"/tmp/chown_edges.dir"
#define LINK_PATH	"/tmp/chown_edges.link"
#define KEEP		((uid_t)-1)
#define OTHER_ID	1000            /* a user forklab does not have */
#define BAD_FLAG	0x40000000
#define BAD_ADDR	1               /* in the never-mapped first page */
#define CLOSED_FD	9999

static int on_forklab(void)
{
	struct utsname u;

	return uname(&u) == 0 && !strcmp(u.sysname, "forklab");
}

static void owners_kept(uid_t uid, gid_t gid, int fd)
{
	int fds[2];

	CHECK_EQ(chown(FILE_PATH, uid, gid), 0);
	CHECK_EQ(chown(FILE_PATH, KEEP, KEEP), 0);
	CHECK_EQ(chown(DIR_PATH, uid, KEEP), 0);
	CHECK_EQ(lchown(LINK_PATH, KEEP, gid), 0);
	CHECK_EQ(fchown(fd, uid, gid), 0);
	CHECK_EQ(fchownat(AT_FDCWD, FILE_PATH, uid, gid, AT_SYMLINK_NOFOLLOW), 0);
	CHECK_EQ(fchownat(fd, "", uid, gid, AT_EMPTY_PATH), 0);
	CHECK_EQ(pipe(fds), 0);
	CHECK_EQ(fchown(fds[0], uid, gid), 0);
	close(fds[0]);
	close(fds[1]);
}

static void errors(uid_t uid, gid_t gid)
{
	CHECK_ERR(fchown(CLOSED_FD, uid, gid), EBADF);
	CHECK_ERR(fchown(-1, uid, gid), EBADF);
	CHECK_ERR(chown("/tmp/chown_edges.none", uid, gid), ENOENT);
	CHECK_ERR(fchownat(AT_FDCWD, "", uid, gid, 0), ENOENT);
	CHECK_ERR(fchownat(AT_FDCWD, FILE_PATH, uid, gid, BAD_FLAG), EINVAL);
	CHECK_EQ(raw_syscall3(SYS_chown, BAD_ADDR, uid, gid), -EFAULT);
	CHECK_EQ(raw_syscall3(SYS_lchown, BAD_ADDR, uid, gid), -EFAULT);
}

/* Where forklab refuses what root could do on Linux. */
static void forklab_refuses(int fd)
{
	CHECK_ERR(chown("/bin/sh", 0, 0), EROFS);
	CHECK_ERR(chown("/proc/self/stat", 0, 0), EPERM);
	CHECK_ERR(chown(FILE_PATH, OTHER_ID, KEEP), EINVAL);
	CHECK_ERR(fchown(fd, KEEP, OTHER_ID), EINVAL);
	CHECK_ERR(lchown(LINK_PATH, OTHER_ID, OTHER_ID), EINVAL);
}

/* An empty path with AT_EMPTY_PATH and AT_FDCWD names the working
 * directory itself, for fchownat as for fstatat. */
static void empty_path_is_cwd(uid_t uid, gid_t gid)
{
	struct stat st;

	CHECK_EQ(chdir(DIR_PATH), 0);
	CHECK_EQ(fstatat(AT_FDCWD, "", &st, AT_EMPTY_PATH), 0);
	CHECK(S_ISDIR(st.st_mode));
	CHECK_EQ(fchownat(AT_FDCWD, "", uid, gid, AT_EMPTY_PATH), 0);
	CHECK_EQ(chdir("/"), 0);
}

int main(void)
{
	int fd;

	unlink(LINK_PATH);
	unlink(FILE_PATH);
	rmdir(DIR_PATH);
	fd = open(FILE_PATH, O_CREAT | O_RDWR | O_EXCL, 0644);
	CHECK(fd >= 0);
	CHECK_EQ(mkdir(DIR_PATH, 0755), 0);
	CHECK_EQ(symlink("chown_edges.none", LINK_PATH), 0);
	owners_kept(getuid(), getgid(), fd);
	errors(getuid(), getgid());
	empty_path_is_cwd(getuid(), getgid());
	if (on_forklab())
		forklab_refuses(fd);
	close(fd);
	CHECK_EQ(unlink(LINK_PATH), 0);
	CHECK_EQ(unlink(FILE_PATH), 0);
	CHECK_EQ(rmdir(DIR_PATH), 0);
	return test_result();
}
