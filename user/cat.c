/* cat [FILE...]: copies the files, or standard input ("-" or none), to
 * standard output. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK	4096

static int write_all(int fd, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t done = write(fd, buf, n);

		if (done < 0)
			return -1;
		buf += done;
		n -= done;
	}
	return 0;
}

/* Returns 0, or -1 with errno set. */
static int copy(int fd)
{
	char buf[CHUNK];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write_all(STDOUT_FILENO, buf, n) < 0)
			return -1;
	return n;
}

static int cat(const char *path)
{
	int fd = strcmp(path, "-") ? open(path, O_RDONLY) : STDIN_FILENO;

	if (fd < 0 || copy(fd) < 0) {
		fprintf(stderr, "cat: %s: %s\n", path, strerror(errno));
		return EXIT_FAILURE;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
	int status = EXIT_SUCCESS;

	if (argc == 1)
		return cat("-");
	for (int i = 1; i < argc; i++)
		if (cat(argv[i]) != EXIT_SUCCESS)
			status = EXIT_FAILURE;
	return status;
}
