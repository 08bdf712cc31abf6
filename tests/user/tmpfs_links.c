/*
 * Links in /tmp: a hard link is one inode under two names (one data, a
 * link count of two, alive until both names and every open are gone);
 * a symbolic link is followed by open and stat but not by lstat,
 * readlink or unlink; O_NOFOLLOW refuses one (ELOOP), a loop of links
 * gives ELOOP, a dangling one ENOENT; links may point up with "..".
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "check.h"

#define NAME_LEN	64
#define PATH_LEN	256
#define SHORT_LEN	16

static char top[NAME_LEN];

static char *path(char *buf, const char *rel)
{
	snprintf(buf, PATH_LEN, "%s/%s", top, rel);
	return buf;
}

static void test_hard_link(void)
{
	char a[PATH_LEN], b[PATH_LEN], buf[SHORT_LEN] = { 0 };
	struct stat sa, sb;
	int fd = open(path(a, "a"), O_RDWR | O_CREAT | O_EXCL, 0644);

	CHECK_EQ(write(fd, "same", 4), 4);
	CHECK_EQ(link(a, path(b, "b")), 0);
	CHECK_ERR(link(a, b), EEXIST);
	CHECK_EQ(stat(a, &sa), 0);
	CHECK_EQ(stat(b, &sb), 0);
	CHECK_EQ(sa.st_ino, sb.st_ino);
	CHECK_EQ(sa.st_nlink, 2);
	CHECK_EQ(unlink(a), 0);
	CHECK_EQ(stat(b, &sb), 0);
	CHECK_EQ(sb.st_nlink, 1);
	close(fd);
	fd = open(b, O_RDONLY);
	CHECK_EQ(read(fd, buf, sizeof(buf)), 4);
	CHECK(!strcmp(buf, "same"));
	close(fd);
	CHECK_ERR(link(top, path(a, "dirlink")), EPERM);
	CHECK_ERR(link(path(a, "none"), path(b, "c")), ENOENT);
	CHECK_EQ(unlink(path(b, "b")), 0);
}

static void test_symlink(void)
{
	char l[PATH_LEN], t[PATH_LEN], buf[PATH_LEN];
	struct stat st;
	int fd = open(path(t, "target"), O_RDWR | O_CREAT | O_EXCL, 0644);

	CHECK_EQ(write(fd, "abc", 3), 3);
	close(fd);
	CHECK_EQ(symlink("target", path(l, "l")), 0);
	CHECK_ERR(symlink("target", l), EEXIST);
	CHECK_EQ(readlink(l, buf, sizeof(buf)), 6);
	CHECK(!memcmp(buf, "target", 6));
	CHECK_EQ(readlink(l, buf, 2), 2);
	CHECK_ERR(readlink(t, buf, sizeof(buf)), EINVAL);
	CHECK_EQ(stat(l, &st), 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(st.st_size, 3);
	CHECK_EQ(lstat(l, &st), 0);
	CHECK(S_ISLNK(st.st_mode));
	CHECK_EQ(st.st_size, 6);
	fd = open(l, O_RDONLY);
	CHECK_EQ(read(fd, buf, sizeof(buf)), 3);
	close(fd);
	CHECK_ERR(open(l, O_RDONLY | O_NOFOLLOW), ELOOP);
	CHECK_EQ(unlink(l), 0);
	CHECK_EQ(access(t, F_OK), 0);
	CHECK_ERR(symlink("", l), ENOENT);
	CHECK_EQ(unlink(t), 0);
}

static void test_symlink_paths(void)
{
	char a[PATH_LEN], b[PATH_LEN], d[PATH_LEN];
	struct stat st;
	int fd;

	CHECK_EQ(mkdir(path(d, "dir"), 0755), 0);
	CHECK_EQ(symlink("..", path(a, "dir/up")), 0);
	CHECK_EQ(stat(path(a, "dir/up/dir/up/dir"), &st), 0);
	CHECK(S_ISDIR(st.st_mode));
	CHECK_EQ(symlink(d, path(b, "abs")), 0);
	fd = open(path(a, "abs/made"), O_WRONLY | O_CREAT, 0644);
	CHECK(fd >= 0);
	close(fd);
	CHECK_EQ(access(path(a, "dir/made"), F_OK), 0);
	CHECK_EQ(unlink(a), 0);
	CHECK_EQ(symlink("nowhere", path(a, "dangling")), 0);
	CHECK_ERR(stat(a, &st), ENOENT);
	CHECK_EQ(lstat(a, &st), 0);
	CHECK_EQ(unlink(a), 0);
	CHECK_EQ(symlink("loop2", path(a, "loop1")), 0);
	CHECK_EQ(symlink("loop1", path(b, "loop2")), 0);
	CHECK_ERR(open(a, O_RDONLY), ELOOP);
	CHECK_ERR(stat(path(d, "loop1/x"), &st), ELOOP);
	CHECK_EQ(unlink(path(a, "loop1")), 0);
	CHECK_EQ(unlink(path(a, "loop2")), 0);
	CHECK_EQ(unlink(path(a, "abs")), 0);
	CHECK_EQ(unlink(path(a, "dir/up")), 0);
	CHECK_EQ(rmdir(path(a, "dir")), 0);
}

int main(void)
{
	snprintf(top, sizeof(top), "/tmp/tmpfs_links.%d", (int)getpid());
	CHECK_EQ(mkdir(top, 0755), 0);
	test_hard_link();
	test_symlink();
	test_symlink_paths();
	CHECK_EQ(rmdir(top), 0);
	return test_result();
}
