/*
 * Regular files in /tmp, as a program uses them: mkstemp, write and read
 * back, fstat's size, lseek past the end (a hole reads as zeros), pread
 * and pwrite, O_APPEND, O_TRUNC, O_EXCL, ftruncate down and up, rename,
 * readv and writev, fsync, sync and syncfs, a file unlinked while open (it lives until its
 * last close), an offset shared with a forked child, and stdio's fopen
 * "w", "a" and "r".
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include "check.h"

#define NAME_LEN	64
#define HOLE_AT		(3 * PAGE_SIZE + 100)	/* a write this far makes a hole */
#define BIG		(5 * PAGE_SIZE + 7)	/* spans several pages, unaligned */
#define SHORT_LEN	10
#define CLOSED_FD	9999

static char tmpl[NAME_LEN];

static int make_temp(void)
{
	int fd;

	snprintf(tmpl, sizeof(tmpl), "/tmp/tmpfs_files.XXXXXX");
	fd = mkstemp(tmpl);
	CHECK(fd >= 0);
	return fd;
}

static long size_of(int fd)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -1;
	return st.st_size;
}

static void test_write_read_back(void)
{
	static char out[BIG], in[BIG];
	struct stat st;
	int fd = make_temp();

	fill_pattern(out, sizeof(out), 1);
	CHECK_EQ(write(fd, out, sizeof(out)), sizeof(out));
	CHECK_EQ(size_of(fd), BIG);
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(read(fd, in, sizeof(in)), sizeof(in));
	CHECK(holds_pattern(in, sizeof(in), 1));
	CHECK_EQ(read(fd, in, sizeof(in)), 0);
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(st.st_mode & 0777, 0600);
	CHECK_EQ(st.st_nlink, 1);
	CHECK_EQ(lseek(fd, 0, SEEK_END), BIG);
	CHECK_EQ(fsync(fd), 0);
	CHECK_EQ(fdatasync(fd), 0);
	CHECK_EQ(raw_syscall3(SYS_sync, 0, 0, 0), 0);   /* busybox's sync */
	CHECK_EQ(raw_syscall3(SYS_syncfs, fd, 0, 0), 0);
	CHECK_EQ(raw_syscall3(SYS_syncfs, CLOSED_FD, 0, 0), -EBADF);
	CHECK_EQ(close(fd), 0);
	CHECK_EQ(unlink(tmpl), 0);
	CHECK_ERR(unlink(tmpl), ENOENT);
}

static void test_hole(void)
{
	static char buf[HOLE_AT];
	int fd = make_temp();

	CHECK_EQ(lseek(fd, HOLE_AT, SEEK_SET), HOLE_AT);
	CHECK_EQ(write(fd, "x", 1), 1);
	CHECK_EQ(size_of(fd), HOLE_AT + 1);
	CHECK_EQ(pread(fd, buf, sizeof(buf), 0), sizeof(buf));
	CHECK(is_zero(buf, sizeof(buf)));
	CHECK_EQ(pread(fd, buf, 1, HOLE_AT), 1);
	CHECK_EQ(buf[0], 'x');
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), HOLE_AT + 1);
	CHECK_ERR(lseek(fd, -1, SEEK_SET), EINVAL);
	close(fd);
	unlink(tmpl);
}

static void test_pread_pwrite(void)
{
	char buf[SHORT_LEN] = { 0 };
	int fd = make_temp();

	CHECK_EQ(pwrite(fd, "hello", 5, 2), 5);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 0);
	CHECK_EQ(pread(fd, buf, sizeof(buf), 0), 7);
	CHECK(!memcmp(buf, "\0\0hello", 7));
	CHECK_EQ(pread(fd, buf, sizeof(buf), 100), 0);
	CHECK_ERR(pread(fd, buf, 1, -1), EINVAL);
	close(fd);
	unlink(tmpl);
}

static void test_flags(void)
{
	char buf[SHORT_LEN] = { 0 };
	int fd = make_temp(), fd2;

	CHECK_EQ(write(fd, "abc", 3), 3);
	close(fd);
	CHECK_ERR(open(tmpl, O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST);
	fd = open(tmpl, O_WRONLY | O_APPEND);
	CHECK(fd >= 0);
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(write(fd, "de", 2), 2);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 5);
	CHECK_ERR(read(fd, buf, 1), EBADF);
	fd2 = open(tmpl, O_RDONLY);
	CHECK_EQ(read(fd2, buf, sizeof(buf)), 5);
	CHECK(!memcmp(buf, "abcde", 5));
	CHECK_ERR(write(fd2, "x", 1), EBADF);
	close(fd);
	fd = open(tmpl, O_RDWR | O_TRUNC);
	CHECK_EQ(size_of(fd), 0);
	CHECK_EQ(size_of(fd2), 0);
	close(fd);
	close(fd2);
	CHECK_ERR(open("/tmp", O_RDWR), EISDIR);
	CHECK_ERR(open("/tmp/tmpfs_files.none", O_RDONLY), ENOENT);
	CHECK_ERR(open(tmpl, O_RDONLY | O_DIRECTORY), ENOTDIR);
	CHECK_ERR(open("/tmp/tmpfs_files.none/x", O_RDWR | O_CREAT, 0600), ENOENT);
	CHECK_ERR(open("/tmp/", O_RDWR | O_CREAT, 0600), EISDIR);
	unlink(tmpl);
}

static void test_ftruncate(void)
{
	static char buf[2 * PAGE_SIZE];
	int fd = make_temp();

	fill_pattern(buf, sizeof(buf), 2);
	CHECK_EQ(write(fd, buf, sizeof(buf)), sizeof(buf));
	CHECK_EQ(ftruncate(fd, 10), 0);
	CHECK_EQ(size_of(fd), 10);
	CHECK_EQ(ftruncate(fd, sizeof(buf)), 0);
	CHECK_EQ(pread(fd, buf, sizeof(buf), 0), sizeof(buf));
	CHECK(holds_pattern(buf, 10, 2));
	CHECK(is_zero(buf + 10, sizeof(buf) - 10));
	CHECK_ERR(ftruncate(fd, -1), EINVAL);
	CHECK_EQ(truncate(tmpl, 3), 0);
	CHECK_EQ(size_of(fd), 3);
	close(fd);
	fd = open(tmpl, O_RDONLY);
	CHECK_ERR(ftruncate(fd, 0), EINVAL);
	close(fd);
	unlink(tmpl);
}

static void test_rename(void)
{
	char other[NAME_LEN + SHORT_LEN], buf[SHORT_LEN];
	int fd = make_temp(), fd2;

	CHECK_EQ(write(fd, "one", 3), 3);
	snprintf(other, sizeof(other), "%s.new", tmpl);
	CHECK_EQ(rename(tmpl, other), 0);
	CHECK_ERR(open(tmpl, O_RDONLY), ENOENT);
	fd2 = open(other, O_RDONLY);
	CHECK_EQ(read(fd2, buf, sizeof(buf)), 3);
	close(fd2);
	/* Renaming over a file replaces it; the old one lives while open. */
	fd2 = open(tmpl, O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK_EQ(write(fd2, "two!", 4), 4);
	CHECK_EQ(rename(tmpl, other), 0);
	CHECK_EQ(pread(fd, buf, sizeof(buf), 0), 3);
	close(fd);
	fd = open(other, O_RDONLY);
	CHECK_EQ(read(fd, buf, sizeof(buf)), 4);
	CHECK_ERR(rename(tmpl, other), ENOENT);
	CHECK_EQ(rename(other, other), 0);
	close(fd);
	close(fd2);
	CHECK_EQ(unlink(other), 0);
}

static void test_unlinked_open(void)
{
	static char buf[BIG];
	struct stat st;
	int fd = make_temp();

	fill_pattern(buf, sizeof(buf), 3);
	CHECK_EQ(write(fd, buf, sizeof(buf)), sizeof(buf));
	CHECK_EQ(unlink(tmpl), 0);
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK_EQ(st.st_nlink, 0);
	memset(buf, 0, sizeof(buf));
	CHECK_EQ(pread(fd, buf, sizeof(buf), 0), sizeof(buf));
	CHECK(holds_pattern(buf, sizeof(buf), 3));
	CHECK_EQ(write(fd, "more", 4), 4);
	CHECK_EQ(size_of(fd), BIG + 4);
	CHECK_EQ(close(fd), 0);
}

static void test_vectors(void)
{
	char a[4], b[6];
	struct iovec out[2] = { { "abcd", 4 }, { "efghij", 6 } };
	struct iovec in[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	int fd = make_temp();

	CHECK_EQ(writev(fd, out, 2), 10);
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(readv(fd, in, 2), 10);
	CHECK(!memcmp(a, "abcd", 4) && !memcmp(b, "efghij", 6));
	CHECK_EQ(readv(fd, in, 2), 0);
	close(fd);
	unlink(tmpl);
}

/* A forked child shares the open file, and so its offset. */
static void test_fork_offset(void)
{
	char buf[SHORT_LEN] = { 0 };
	int fd = make_temp(), status;
	pid_t pid;

	pid = test_fork();
	if (pid == 0) {
		CHECK_EQ(write(fd, "child", 5), 5);
		_exit(test_result());
	}
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	CHECK_EQ(write(fd, "+", 1), 1);
	CHECK_EQ(pread(fd, buf, sizeof(buf), 0), 6);
	CHECK(!memcmp(buf, "child+", 6));
	close(fd);
	unlink(tmpl);
}

static void test_stdio(void)
{
	char path[NAME_LEN], line[SHORT_LEN * 2];
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/tmpfs_files.%d", (int)getpid());
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	CHECK(fputs("first\n", f) >= 0);
	CHECK_EQ(fclose(f), 0);
	f = fopen(path, "a");
	CHECK(fputs("second\n", f) >= 0);
	CHECK_EQ(fclose(f), 0);
	f = fopen(path, "r");
	CHECK(fgets(line, sizeof(line), f) && !strcmp(line, "first\n"));
	CHECK(fgets(line, sizeof(line), f) && !strcmp(line, "second\n"));
	CHECK(!fgets(line, sizeof(line), f));
	CHECK_EQ(fclose(f), 0);
	f = fopen(path, "w");
	CHECK_EQ(fclose(f), 0);
	f = fopen(path, "r");
	CHECK_EQ(fgetc(f), EOF);
	CHECK_EQ(fclose(f), 0);
	CHECK_EQ(unlink(path), 0);
	CHECK(!fopen(path, "r"));
}

int main(void)
{
	test_write_read_back();
	test_hole();
	test_pread_pwrite();
	test_flags();
	test_ftruncate();
	test_rename();
	test_unlinked_open();
	test_vectors();
	test_fork_offset();
	test_stdio();
	return test_result();
}
