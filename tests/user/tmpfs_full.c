/*
 * Filling /tmp: files are written until a write fails with ENOSPC (a
 * short count first, then the error); while /tmp is full, a fork still
 * works (the kernel keeps frames of its own); removing the files gives
 * every frame back, as MemFree and statfs tell.
 *
 * forklab only: on the host, /tmp may be a disk that filling would harm;
 * there the test only says so and passes.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/statfs.h>
#include <sys/utsname.h>
#include "odf.h"

#define FORKLAB		"forklab"
#define CHUNK		(64 * 1024)
#define FILE_MAX	(16UL << 20)	/* bytes per file, so that there are many */
#define MAX_FILES	256		/* more than memory holds */
#define NAME_LEN	64
#define SEED		0x3c

static char chunk[CHUNK];

static void name_of(char *buf, int i)
{
	snprintf(buf, NAME_LEN, "/tmp/tmpfs_full.%d", i);
}

/* Writes file i until FILE_MAX or ENOSPC; 1 when /tmp is full. */
static int fill_one(int i)
{
	char name[NAME_LEN];
	size_t done = 0;
	ssize_t n = 0;
	int fd;

	name_of(name, i);
	fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0);
	while (fd >= 0 && done < FILE_MAX && (n = write(fd, chunk, CHUNK)) == CHUNK)
		done += n;
	if (n >= 0 && n < CHUNK)
		CHECK_ERR(write(fd, chunk, CHUNK), ENOSPC);
	else if (n < 0)
		CHECK_EQ(errno, ENOSPC);
	close(fd);
	return n != CHUNK;
}

static int trivial(void *unused)
{
	(void)unused;
	return TEST_PASS;
}

/* Every path the count goes through, once, so that the pages the C
 * library touches first on the way are already ours when we count. */
static void warm_up(void)
{
	char name[NAME_LEN];
	struct statfs st;
	int fd;

	name_of(name, MAX_FILES);
	fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0600);
	CHECK_EQ(write(fd, chunk, CHUNK), CHUNK);
	CHECK_ERR(write(-1, chunk, CHUNK), EBADF);
	close(fd);
	CHECK_EQ(unlink(name), 0);
	CHECK_EQ(statfs("/tmp", &st), 0);
	CHECK_EXITED(run_in_child(trivial, NULL), TEST_PASS);
	memfree_kb();
}

int main(void)
{
	struct statfs before, full, after;
	char name[NAME_LEN];
	struct utsname u;
	long free_kb;
	int nfiles = 0;

	CHECK_EQ(uname(&u), 0);
	if (strcmp(u.sysname, FORKLAB) != 0) {
		printf("tmpfs_full: not on forklab; /tmp left alone\n");
		return test_result();
	}
	fill_pattern(chunk, sizeof(chunk), SEED);
	warm_up();
	free_kb = memfree_kb();
	CHECK_EQ(statfs("/tmp", &before), 0);
	while (nfiles < MAX_FILES && !fill_one(nfiles++))
		;
	CHECK(nfiles < MAX_FILES);
	CHECK_EQ(statfs("/tmp", &full), 0);
	CHECK(full.f_bfree < before.f_bfree / 100);
	CHECK_EXITED(run_in_child(trivial, NULL), TEST_PASS);
	for (int i = 0; i < nfiles; i++) {
		name_of(name, i);
		CHECK_EQ(unlink(name), 0);
	}
	CHECK_EQ(statfs("/tmp", &after), 0);
	CHECK_EQ(after.f_bfree, before.f_bfree);
	CHECK_EQ(memfree_kb(), free_kb);
	return test_result();
}
