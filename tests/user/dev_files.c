/*
 * The device files of /dev: null swallows writes and reads nothing, zero
 * reads zeros, full refuses writes with ENOSPC, urandom and random give
 * bytes, tty and console open; all are character devices with Linux's
 * numbers.  On forklab also: the root image is read-only (EROFS), and
 * "/" lists the mount points.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include "check.h"

#define BUF_LEN		300	/* more than one of the kernel's chunks */
#define MEM_MAJOR	1
#define TTY_MAJOR	5
#define DEV_NR(ma, mi)	((unsigned long)(ma) << 8 | (mi))

static int on_forklab(void)
{
	struct utsname u;

	return uname(&u) == 0 && !strcmp(u.sysname, "forklab");
}

static void check_chardev(const char *path, unsigned long rdev)
{
	struct stat st;

	CHECK_EQ(stat(path, &st), 0);
	CHECK(S_ISCHR(st.st_mode));
	CHECK_EQ(st.st_rdev, rdev);
}

static void test_null_zero_full(void)
{
	char buf[BUF_LEN];
	int fd;

	fd = open("/dev/null", O_RDWR);
	CHECK(fd >= 0);
	CHECK_EQ(write(fd, "gone", 4), 4);
	CHECK_EQ(read(fd, buf, sizeof(buf)), 0);
	close(fd);
	fd = open("/dev/zero", O_RDWR);
	memset(buf, 1, sizeof(buf));
	CHECK_EQ(read(fd, buf, sizeof(buf)), sizeof(buf));
	CHECK(is_zero(buf, sizeof(buf)));
	CHECK_EQ(write(fd, buf, sizeof(buf)), sizeof(buf));
	close(fd);
	fd = open("/dev/full", O_RDWR);
	CHECK_ERR(write(fd, "x", 1), ENOSPC);
	CHECK_EQ(read(fd, buf, 1), 1);
	close(fd);
	check_chardev("/dev/null", DEV_NR(MEM_MAJOR, 3));
	check_chardev("/dev/zero", DEV_NR(MEM_MAJOR, 5));
	check_chardev("/dev/full", DEV_NR(MEM_MAJOR, 7));
	CHECK_ERR(open("/dev/nonexistent", O_RDONLY), ENOENT);
}

static void test_random(void)
{
	char a[BUF_LEN], b[BUF_LEN];
	int fd = open("/dev/urandom", O_RDONLY), fd2 = open("/dev/random", O_RDONLY);

	CHECK_EQ(read(fd, a, sizeof(a)), sizeof(a));
	CHECK_EQ(read(fd2, b, sizeof(b)), sizeof(b));
	CHECK(memcmp(a, b, sizeof(a)) != 0);
	check_chardev("/dev/random", DEV_NR(MEM_MAJOR, 8));
	check_chardev("/dev/urandom", DEV_NR(MEM_MAJOR, 9));
	close(fd);
	close(fd2);
}

static void test_console(void)
{
	int fd = open("/dev/console", O_WRONLY);

	if (fd < 0 && !on_forklab())
		return;                 /* the host's may be closed to us */
	CHECK(fd >= 0);
	close(fd);
	check_chardev("/dev/console", DEV_NR(TTY_MAJOR, 1));
}

/* A redirection to /dev/null, as a shell makes it, in a child. */
static void test_redirect(void)
{
	int status, fd;
	pid_t pid = test_fork();

	if (pid == 0) {
		fd = open("/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0666);
		CHECK(fd >= 0);
		CHECK_EQ(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
		printf("this goes nowhere\n");
		fflush(stdout);
		_exit(test_result());
	}
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
}

static int lists(const char *dir, const char *name)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int found = 0;

	while (d && (e = readdir(d)))
		found |= !strcmp(e->d_name, name);
	if (d)
		closedir(d);
	return found;
}

static void test_forklab_tree(void)
{
	char self[] = "/bin/true";
	struct stat st;

	if (!on_forklab())
		return;
	CHECK(lists("/", "bin") && lists("/", "dev") && lists("/", "tmp") && lists("/", "proc"));
	CHECK(lists("/dev", "null"));
	CHECK_ERR(open(self, O_WRONLY), EROFS);
	CHECK_ERR(open(self, O_RDWR), EROFS);
	CHECK_ERR(open(self, O_RDONLY | O_TRUNC), EROFS);
	CHECK_ERR(open("/bin/true/", O_RDONLY), ENOTDIR);
	CHECK_ERR(open("/bin/new", O_WRONLY | O_CREAT, 0644), EROFS);
	CHECK_ERR(mkdir("/bin/new", 0755), EROFS);
	CHECK_ERR(unlink(self), EROFS);
	CHECK_ERR(rename(self, "/bin/other"), EROFS);
	CHECK_ERR(rename(self, "/tmp/other"), EXDEV);
	CHECK_ERR(chmod(self, 0777), EROFS);
	CHECK_ERR(access(self, W_OK), EROFS);
	CHECK_EQ(access(self, X_OK), 0);
	CHECK_EQ(stat("/proc/self/status", &st), 0);
	CHECK_EQ(stat("/", &st), 0);
	CHECK(S_ISDIR(st.st_mode));
}

int main(void)
{
	test_null_zero_full();
	test_random();
	test_console();
	test_redirect();
	test_forklab_tree();
	return test_result();
}
