/*
 * memfd_create and execveat(fd, "", ..., AT_EMPTY_PATH): an anonymous file
 * in memory reads back what was written, at any offset, with zeros in
 * gaps; fstat and lseek see its size; and exec runs a program copied into
 * one, as Linux's fexecve does.  The program is this test itself, read
 * from the path it was started with (argv[0]); the new image checks that
 * MFD_CLOEXEC closed the descriptor and exits with IMAGE_STATUS.
 *
 * usage: memfd_exec [--memfd-image FD]    (the second form is the new image)
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "check.h"

#define NR_MEMFD_CREATE	319
#define NR_EXECVEAT	322
#define MFD_CLOEXEC	1U
#define MFD_HUGETLB	4U
#define AT_EMPTY_PATH	0x1000
#define BAD_AT_FLAG	1			/* no AT_ flag of execveat */
#define IMAGE_FLAG	"--memfd-image"
#define IMAGE_STATUS	42
#define EXEC_FAILED	127
#define DATA_PAGES	3
#define GAP		(5 * PAGE_SIZE + 7)	/* where the write after a hole goes */
#define NAME_TOO_LONG	300			/* Linux takes 249 bytes */
#define COPY_CHUNK	4096
#define FD_ARG_LEN	16

extern char **environ;

static unsigned char data[DATA_PAGES * PAGE_SIZE], back[DATA_PAGES * PAGE_SIZE];

static long raw_syscall5(long nr, unsigned long a1, unsigned long a2, unsigned long a3,
			 unsigned long a4, unsigned long a5)
{
	register unsigned long r10 __asm__("r10") = a4;
	register unsigned long r8 __asm__("r8") = a5;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
}

/* The C library's convention: -1 and errno for a failed call. */
static long sysret(long ret)
{
	if (ret < 0 && ret > -PAGE_SIZE) {
		errno = -ret;
		return -1;
	}
	return ret;
}

static int memfd_create(const char *name, unsigned flags)
{
	return sysret(raw_syscall5(NR_MEMFD_CREATE, (unsigned long)name, flags, 0, 0, 0));
}

static long execveat(int fd, const char *path, char *const argv[], int flags)
{
	return sysret(raw_syscall5(NR_EXECVEAT, fd, (unsigned long)path, (unsigned long)argv,
				   (unsigned long)environ, flags));
}

static void test_read_write(void)
{
	int fd = memfd_create("data", MFD_CLOEXEC);
	struct stat st;
	char c = 'x';

	CHECK(fd >= 0);
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(st.st_size, 0);
	fill_pattern(data, sizeof(data), 1);
	CHECK_EQ(write(fd, data, sizeof(data)), sizeof(data));
	CHECK_EQ(lseek(fd, 0, SEEK_END), sizeof(data));
	CHECK_EQ(lseek(fd, 1, SEEK_SET), 1);
	CHECK_EQ(read(fd, back, sizeof(back)), sizeof(data) - 1);
	CHECK(!memcmp(back, data + 1, sizeof(data) - 1));
	CHECK_EQ(read(fd, back, sizeof(back)), 0);
	CHECK_EQ(lseek(fd, GAP, SEEK_SET), GAP);
	CHECK_EQ(write(fd, &c, 1), 1);
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK_EQ(st.st_size, GAP + 1);
	CHECK_EQ(lseek(fd, sizeof(data), SEEK_SET), sizeof(data));
	CHECK_EQ(read(fd, back, GAP - sizeof(data)), GAP - sizeof(data));
	CHECK(is_zero(back, GAP - sizeof(data)));
	CHECK_ERR(write(fd, (void *)PAGE_SIZE, 1), EFAULT);
	CHECK_EQ(close(fd), 0);
}

static void test_bad_arguments(void)
{
	char name[NAME_TOO_LONG + 1];

	memset(name, 'n', NAME_TOO_LONG);
	name[NAME_TOO_LONG] = '\0';
	CHECK_ERR(memfd_create(name, 0), EINVAL);
	CHECK_ERR(memfd_create("x", ~MFD_HUGETLB), EINVAL);
	CHECK_ERR(memfd_create((const char *)PAGE_SIZE, 0), EFAULT);
}

/* A memfd holding the program at path, or -1. */
static int copy_to_memfd(const char *path)
{
	int in = open(path, O_RDONLY), fd = memfd_create("image", MFD_CLOEXEC);
	char buf[COPY_CHUNK];
	long n;

	CHECK(in >= 0 && fd >= 0);
	if (in < 0 || fd < 0)
		return -1;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		CHECK_EQ(write(fd, buf, n), n);
	close(in);
	return fd;
}

static int exec_status(int fd, const char *path, char *const argv[], int flags)
{
	int status = NO_STATUS;
	pid_t pid = test_fork();

	if (pid == 0) {
		execveat(fd, path, argv, flags);
		_exit(EXEC_FAILED);
	}
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	return status;
}

static void test_exec(const char *self)
{
	int fd = copy_to_memfd(self), text = memfd_create("text", 0);
	char fdarg[FD_ARG_LEN];
	char *argv[] = { (char *)self, IMAGE_FLAG, fdarg, NULL };

	if (fd < 0 || text < 0)
		return;
	snprintf(fdarg, sizeof(fdarg), "%d", fd);
	CHECK_EXITED(exec_status(fd, "", argv, AT_EMPTY_PATH), IMAGE_STATUS);
	CHECK_EQ(write(text, "not a program\n", 14), 14);
	CHECK_ERR(execveat(text, "", argv, AT_EMPTY_PATH), ENOEXEC);
	CHECK_ERR(execveat(fd, "", argv, 0), ENOENT);
	CHECK_ERR(execveat(fd, "", argv, AT_EMPTY_PATH | BAD_AT_FLAG), EINVAL);
	CHECK_ERR(execveat(-1, "", argv, AT_EMPTY_PATH), EBADF);
	close(text);
	CHECK_ERR(execveat(text, "", argv, AT_EMPTY_PATH), EBADF);
	close(fd);
}

/* The new image: the memfd it came from was closed by the exec. */
static int image(const char *fdarg)
{
	char c;

	CHECK_ERR(read(atoi(fdarg), &c, 1), EBADF);
	return test_result() == TEST_PASS ? IMAGE_STATUS : TEST_FAIL;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], IMAGE_FLAG))
		return image(argv[2]);
	test_read_write();
	test_bad_arguments();
	test_exec(argv[0]);
	return test_result();
}
