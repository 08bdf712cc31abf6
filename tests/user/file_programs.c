/*
 * What a program does with files, through its C library alone: a file
 * made with mkstemp in /tmp, written, read back and measured with fstat;
 * mapped MAP_PRIVATE and MAP_SHARED across a fork (the child's private
 * write stays in the child; its shared write reaches the parent's mapping
 * and the file, as read() shows); then rename, ftruncate, unlink,
 * mkdir/rmdir, stdio's fopen "w", "a" and "r", /dev/null and /dev/zero.
 *
 * Built with each C library (the libcs suite) and run in every fork mode;
 * the host suite runs it on Linux, where it must pass the same way.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "check.h"

#define FILE_PAGES	3
#define FILE_SIZE	(FILE_PAGES * PAGE_SIZE)
#define SEED		0x5a
#define PRIVATE_BYTE	'p'
#define SHARED_BYTE	's'
#define SHARED_AT	(PAGE_SIZE + 7)		/* inside the second page */
#define TRUNCATED	100
#define NAME_MAX_LEN	64
#define LINE_LEN	32

static char data[FILE_SIZE];

/* mkstemp, write, read back, fstat: the fd of a file holding data. */
static int make_file(char *name)
{
	char back[FILE_SIZE];
	struct stat st;
	int fd = mkstemp(name);

	CHECK(fd >= 0);
	fill_pattern(data, sizeof(data), SEED);
	CHECK_EQ(write(fd, data, sizeof(data)), FILE_SIZE);
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(read(fd, back, sizeof(back)), FILE_SIZE);
	CHECK(memcmp(back, data, FILE_SIZE) == 0);
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK_EQ(st.st_size, FILE_SIZE);
	return fd;
}

/* The child writes both mappings; its private write stays its own. */
static void child_writes(char *priv, char *shared)
{
	priv[0] = PRIVATE_BYTE;
	shared[SHARED_AT] = SHARED_BYTE;
	CHECK_EQ(priv[0], PRIVATE_BYTE);
	CHECK_EQ(msync(shared, FILE_SIZE, MS_SYNC), 0);
	_exit(test_result());
}

static void mappings_across_fork(int fd)
{
	char *priv = mmap(NULL, FILE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	char *shared = mmap(NULL, FILE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	int status = NO_STATUS;
	char byte = 0;
	pid_t pid;

	CHECK(priv != MAP_FAILED && shared != MAP_FAILED);
	if (priv == MAP_FAILED || shared == MAP_FAILED)
		return;
	CHECK(memcmp(priv, data, FILE_SIZE) == 0);
	CHECK(memcmp(shared, data, FILE_SIZE) == 0);
	pid = test_fork();
	if (pid == 0)
		child_writes(priv, shared);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	CHECK_EQ(priv[0], data[0]);
	CHECK_EQ(shared[SHARED_AT], SHARED_BYTE);
	CHECK_EQ(pread(fd, &byte, 1, SHARED_AT), 1);
	CHECK_EQ(byte, SHARED_BYTE);
	CHECK_EQ(pread(fd, &byte, 1, 0), 1);
	CHECK_EQ(byte, data[0]);
	CHECK_EQ(munmap(priv, FILE_SIZE), 0);
	CHECK_EQ(munmap(shared, FILE_SIZE), 0);
}

static void rename_truncate_unlink(int fd, const char *name)
{
	char moved[NAME_MAX_LEN];
	struct stat st;

	snprintf(moved, sizeof(moved), "%s.moved", name);
	CHECK_EQ(rename(name, moved), 0);
	CHECK_ERR(access(name, F_OK), ENOENT);
	CHECK_EQ(ftruncate(fd, TRUNCATED), 0);
	CHECK_EQ(stat(moved, &st), 0);
	CHECK_EQ(st.st_size, TRUNCATED);
	CHECK_EQ(unlink(moved), 0);
	CHECK_ERR(stat(moved, &st), ENOENT);
	CHECK_EQ(close(fd), 0);
}

static void directories(void)
{
	char dir[NAME_MAX_LEN];
	struct stat st;

	snprintf(dir, sizeof(dir), "/tmp/file_programs.%d", (int)getpid());
	CHECK_EQ(mkdir(dir, 0700), 0);
	CHECK_EQ(stat(dir, &st), 0);
	CHECK(S_ISDIR(st.st_mode));
	CHECK_ERR(mkdir(dir, 0700), EEXIST);
	CHECK_EQ(rmdir(dir), 0);
	CHECK_ERR(rmdir(dir), ENOENT);
}

static void stdio_files(void)
{
	char name[NAME_MAX_LEN], line[LINE_LEN];
	FILE *f;

	snprintf(name, sizeof(name), "/tmp/file_programs.%d.txt", (int)getpid());
	CHECK((f = fopen(name, "w")) != NULL);
	CHECK(f && fputs("one\n", f) >= 0 && fclose(f) == 0);
	CHECK((f = fopen(name, "a")) != NULL);
	CHECK(f && fputs("two\n", f) >= 0 && fclose(f) == 0);
	CHECK((f = fopen(name, "r")) != NULL);
	if (f) {
		CHECK(fgets(line, sizeof(line), f) && strcmp(line, "one\n") == 0);
		CHECK(fgets(line, sizeof(line), f) && strcmp(line, "two\n") == 0);
		CHECK(fgets(line, sizeof(line), f) == NULL);
		CHECK_EQ(fclose(f), 0);
	}
	CHECK_EQ(unlink(name), 0);
}

static void devices(void)
{
	char buf[PAGE_SIZE];
	int null = open("/dev/null", O_RDWR), zero = open("/dev/zero", O_RDONLY);

	CHECK(null >= 0 && zero >= 0);
	CHECK_EQ(write(null, data, sizeof(data)), FILE_SIZE);
	CHECK_EQ(read(null, buf, sizeof(buf)), 0);
	memset(buf, SEED, sizeof(buf));
	CHECK_EQ(read(zero, buf, sizeof(buf)), PAGE_SIZE);
	CHECK(is_zero(buf, sizeof(buf)));
	close(null);
	close(zero);
}

int main(void)
{
	char name[NAME_MAX_LEN] = "/tmp/file_programs.XXXXXX";
	int fd = make_file(name);

	if (fd >= 0) {
		mappings_across_fork(fd);
		rename_truncate_unlink(fd, name);
	}
	directories();
	stdio_files();
	devices();
	return test_result();
}
