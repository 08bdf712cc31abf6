/*
 * Directories in /tmp: mkdir and rmdir with Linux's errors (EEXIST,
 * ENOTEMPTY, ENOTDIR, ENOENT, EINVAL, EBUSY), getdents64 listing what is
 * there, renaming a directory (not into itself), "..", paths relative to
 * a directory descriptor, fstatat with AT_EMPTY_PATH, the working
 * directory (chdir, fchdir, getcwd, getcwd in a removed one, a program
 * run by a relative path, inherited at fork as the umask is), umask,
 * access and statfs.
 */
#define _GNU_SOURCE             /* AT_EMPTY_PATH, AT_NO_AUTOMOUNT */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/utsname.h>
#include "check.h"

#define NAME_LEN	64
#define PATH_LEN	256
#define DIRBUF		4096
#define NENTRIES	40		/* more than one getdents call's worth */
#define TMPFS_MAGIC_NR	0x01021994
#define BAD_AT_FLAG	0x40000000	/* no *at call takes it */

static char top[NAME_LEN];

/* Whether /tmp is forklab's tmpfs, a mount point (the host's may be
 * neither). */
static int on_forklab(void)
{
	struct utsname u;

	return uname(&u) == 0 && !strcmp(u.sysname, "forklab");
}

static void path(char *buf, const char *rel)
{
	snprintf(buf, PATH_LEN, "%s/%s", top, rel);
}

/* How many entries dir lists, and whether name is among them. */
static int count_entries(const char *dir, const char *name, int *found)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	*found = 0;
	CHECK(d != NULL);
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		n++;
		if (!strcmp(e->d_name, name)) {
			*found = 1;
			CHECK_EQ(e->d_type, DT_DIR);
		}
	}
	closedir(d);
	return n;
}

static void test_mkdir_rmdir(void)
{
	char a[PATH_LEN], b[PATH_LEN], f[PATH_LEN];
	struct stat st;
	int fd, found;

	path(a, "a");
	path(b, "a/b");
	path(f, "a/file");
	CHECK_EQ(mkdir(a, 0755), 0);
	CHECK_ERR(mkdir(a, 0755), EEXIST);
	CHECK_EQ(mkdir(b, 0700), 0);
	CHECK_EQ(stat(b, &st), 0);
	CHECK(S_ISDIR(st.st_mode));
	CHECK_EQ(st.st_mode & 0777, 0700);
	CHECK_EQ(stat(a, &st), 0);
	CHECK_EQ(st.st_nlink, 3);
	fd = open(f, O_WRONLY | O_CREAT, 0644);
	CHECK(fd >= 0);
	close(fd);
	CHECK_ERR(rmdir(a), ENOTEMPTY);
	CHECK_ERR(rmdir(f), ENOTDIR);
	CHECK_ERR(unlink(b), EISDIR);
	CHECK_ERR(mkdir(strcat(strcpy(a, f), "/x"), 0755), ENOTDIR);
	path(a, "a");
	CHECK_EQ(count_entries(a, "b", &found), 4);
	CHECK(found);
	CHECK_ERR(rmdir(strcat(strcpy(a, b), "/.")), EINVAL);
	path(a, "a");
	CHECK_EQ(rmdir(b), 0);
	CHECK_ERR(rmdir(b), ENOENT);
	CHECK_EQ(unlink(f), 0);
	CHECK_EQ(stat(a, &st), 0);
	CHECK_EQ(st.st_nlink, 2);
	CHECK_EQ(count_entries(a, "b", &found), 2);
	CHECK(!found);
	CHECK_EQ(rmdir(a), 0);
	CHECK_ERR(rmdir("/tmp/tmpfs_dirs.none"), ENOENT);
	CHECK_ERR(mkdir("/tmp/tmpfs_dirs.none/x", 0755), ENOENT);
	CHECK_ERR(mkdir("/tmp", 0755), EEXIST);
	if (on_forklab())
		CHECK_ERR(rmdir("/tmp"), EBUSY);         /* a mount point */
}

/* Many entries, read while some are removed: none is listed twice. */
static void test_many_entries(void)
{
	char p[PATH_LEN], name[NAME_LEN];
	int found, fd;

	for (int i = 0; i < NENTRIES; i++) {
		snprintf(name, sizeof(name), "file-with-a-long-name-%03d", i);
		path(p, name);
		fd = open(p, O_WRONLY | O_CREAT | O_EXCL, 0644);
		CHECK(fd >= 0);
		close(fd);
	}
	CHECK_EQ(count_entries(top, "none", &found), NENTRIES + 2);
	for (int i = 0; i < NENTRIES; i++) {
		snprintf(name, sizeof(name), "file-with-a-long-name-%03d", i);
		path(p, name);
		CHECK_EQ(unlink(p), 0);
	}
	CHECK_EQ(count_entries(top, "none", &found), 2);
}

static void test_rename_dirs(void)
{
	char a[PATH_LEN], b[PATH_LEN], c[PATH_LEN], f[PATH_LEN];
	int fd;

	path(a, "ra");
	path(b, "rb");
	path(c, "ra/sub");
	path(f, "rf");
	CHECK_EQ(mkdir(a, 0755), 0);
	CHECK_EQ(mkdir(c, 0755), 0);
	CHECK_ERR(rename(a, c), EINVAL);
	CHECK_EQ(rename(a, b), 0);
	CHECK_ERR(rmdir(a), ENOENT);
	path(c, "rb/sub");
	CHECK_EQ(access(c, F_OK), 0);
	fd = open(f, O_WRONLY | O_CREAT, 0644);
	close(fd);
	CHECK_ERR(rename(f, b), EISDIR);
	CHECK_ERR(rename(b, f), ENOTDIR);
	CHECK_EQ(mkdir(a, 0755), 0);
	CHECK_ERR(rename(a, b), ENOTEMPTY);
	CHECK_EQ(rmdir(c), 0);
	CHECK_EQ(rename(a, b), 0);
	if (on_forklab())
		CHECK_ERR(rename("/tmp", b), EXDEV);     /* a mount point, elsewhere */
	CHECK_EQ(rmdir(b), 0);
	CHECK_EQ(unlink(f), 0);
}

static void test_dirfd(void)
{
	struct stat st, st2;
	int dfd = open(top, O_RDONLY | O_DIRECTORY), fd, ffd;

	CHECK(dfd >= 0);
	CHECK_EQ(mkdirat(dfd, "d", 0755), 0);
	fd = openat(dfd, "d/../f", O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0);
	CHECK_EQ(write(fd, "xyz", 3), 3);
	CHECK_EQ(fstatat(dfd, "f", &st, AT_NO_AUTOMOUNT), 0);
	CHECK_EQ(st.st_size, 3);
	CHECK_ERR(fstatat(dfd, "f", &st2, BAD_AT_FLAG), EINVAL);
	CHECK_EQ(fstatat(fd, "", &st2, AT_EMPTY_PATH), 0);
	CHECK_EQ(st2.st_ino, st.st_ino);
	CHECK_ERR(openat(fd, "x", O_RDONLY), ENOTDIR);
	CHECK_ERR(openat(1000, "x", O_RDONLY), EBADF);
	CHECK_ERR(fstatat(dfd, "f/", &st, 0), ENOTDIR);
	ffd = openat(dfd, "d", O_RDONLY | O_DIRECTORY);
	CHECK_EQ(fstatat(ffd, "..", &st, 0), 0);
	CHECK_EQ(fstat(dfd, &st2), 0);
	CHECK_EQ(st.st_ino, st2.st_ino);
	close(ffd);
	CHECK_EQ(unlinkat(dfd, "f", 0), 0);
	CHECK_ERR(unlinkat(dfd, "d", 0), EISDIR);
	CHECK_EQ(unlinkat(dfd, "d", AT_REMOVEDIR), 0);
	close(fd);
	close(dfd);
}

static void test_cwd(void)
{
	char cwd[PATH_LEN], sub[PATH_LEN];
	struct stat st;
	int root = open("/", O_RDONLY | O_DIRECTORY), fd;

	CHECK_EQ(chdir(top), 0);
	CHECK(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, top));
	CHECK_EQ(mkdir("sub", 0755), 0);
	CHECK_EQ(chdir("sub"), 0);
	path(sub, "sub");
	CHECK(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, sub));
	fd = open("here", O_WRONLY | O_CREAT, 0644);
	close(fd);
	CHECK_EQ(stat("../sub/here", &st), 0);
	CHECK_ERR(getcwd(cwd, 2) ? 0 : -1, ERANGE);
	CHECK_EQ(unlink("here"), 0);
	CHECK_EQ(chdir(".."), 0);
	CHECK_EQ(chdir("sub"), 0);
	CHECK_EQ(rmdir(sub), 0);
	CHECK_ERR(getcwd(cwd, sizeof(cwd)) ? 0 : -1, ENOENT);
	CHECK_ERR(open("new", O_WRONLY | O_CREAT, 0644), ENOENT);
	CHECK_EQ(fchdir(root), 0);
	CHECK(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/"));
	CHECK_EQ(chdir("tmp"), 0);
	CHECK(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/tmp"));
	CHECK_EQ(chdir("/.."), 0);
	CHECK(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/"));
	CHECK_ERR(chdir("/tmp/tmpfs_dirs.none"), ENOENT);
	CHECK_ERR(fchdir(1000), EBADF);
	close(root);
}

/* A child starts in its parent's directory with its umask; what it
 * changes is its own. */
static void test_inherited(void)
{
	char cwd[PATH_LEN];
	mode_t old = umask(027);
	int status;
	pid_t pid;

	CHECK_EQ(chdir(top), 0);
	pid = test_fork();
	if (pid == 0) {
		CHECK(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, top));
		CHECK_EQ(umask(0), 027);
		CHECK_EQ(chdir("/"), 0);
		_exit(test_result());
	}
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	CHECK(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, top));
	CHECK_EQ(umask(old), 027);
	CHECK_EQ(chdir("/"), 0);
}

/* A relative program path starts at the working directory too. */
static void test_exec_relative(void)
{
	char *argv[] = { "true", NULL };
	int status;
	pid_t pid = test_fork();

	if (pid == 0) {
		if (chdir("/bin") == 0)
			execv("./true", argv);
		_exit(TEST_FAIL);
	}
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
}

static void test_umask_access(void)
{
	char p[PATH_LEN];
	struct stat st;
	mode_t old = umask(077);
	int fd;

	path(p, "masked");
	fd = open(p, O_WRONLY | O_CREAT, 0666);
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK_EQ(st.st_mode & 0777, 0600);
	CHECK_EQ(umask(old), 077);
	CHECK_EQ(access(p, R_OK | W_OK), 0);
	CHECK_ERR(access(p, X_OK), EACCES);
	CHECK_EQ(fchmod(fd, 0755), 0);
	CHECK_EQ(access(p, X_OK), 0);
	CHECK_EQ(chmod(p, 0640), 0);
	CHECK_EQ(stat(p, &st), 0);
	CHECK_EQ(st.st_mode & 07777, 0640);
	CHECK_ERR(access(p, 8), EINVAL);
	CHECK_ERR(access("/tmp/tmpfs_dirs.none", F_OK), ENOENT);
	close(fd);
	CHECK_EQ(unlink(p), 0);
}

static void test_statfs(void)
{
	struct statfs sf;

	CHECK_EQ(statfs("/tmp", &sf), 0);
	if (on_forklab())                        /* the host's /tmp may be a disk */
		CHECK_EQ(sf.f_type, TMPFS_MAGIC_NR);
	CHECK(sf.f_bfree > 0 && sf.f_blocks >= sf.f_bfree);
	CHECK_ERR(statfs("/tmp/tmpfs_dirs.none", &sf), ENOENT);
}

int main(void)
{
	snprintf(top, sizeof(top), "/tmp/tmpfs_dirs.%d", (int)getpid());
	CHECK_EQ(mkdir(top, 0755), 0);
	test_mkdir_rmdir();
	test_many_entries();
	test_rename_dirs();
	test_dirfd();
	test_cwd();
	test_inherited();
	test_exec_relative();
	test_umask_access();
	test_statfs();
	CHECK_EQ(rmdir(top), 0);
	return test_result();
}
