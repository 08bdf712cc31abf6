/*
 * pagetree [PID...]: the page tables of processes (default: its own), each
 * as "-- pid N (name)" and the lines of /proc/N/pagetree
 * (kernel/pagetree.c), for reading at the shell or for
 * scripts/pagetree.py to draw side by side or as Graphviz.
 *
 * pagetree --fork: the stages of on-demand fork that docs/pictures/ shows
 * (`make pictures`).  A parent maps a region that one PTE table maps alone
 * and writes its first two pages, then forks a child in odf mode; each stage
 * prints both processes' trees under "== NAME title":
 *
 *   1-fork           at fork: the tables shared, read-only (but the stacks,
 *                    which each process has written since)
 *   2-child-writes   after the child's first write to the region
 *   3-parent-writes  after the parent's first write to it
 *   4-child-exits    after the child has exited and been waited for
 *
 * The one printing is a third process, forked in copy mode so that it
 * shares nothing with the two it draws, which take orders through pipes
 * and write nothing else between stages (each has written its stack since
 * the fork, so both stack tables are their own by the first stage); the
 * child ends with _exit(), which writes nothing either.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <forklab.h>

#define TEXT_MAX        4096                    /* a /proc file's text */
#define PATH_LEN        40
#define NAME_KEY        "Name:\t"
#define TABLE_SPAN      (2UL << 20)             /* what one PTE table maps */
#define PAGE            4096
#define FILL            0x5a

/* Orders to the parent and the child of the stages. */
enum { WRITE_FIRST = 'w', WRITE_SECOND = 'v', REAP = 'r', QUIT = 'q' };

/* The file's text into buf; its length, or -1. */
static long slurp(const char *path, char *buf)
{
	int fd = open(path, O_RDONLY);
	long n = 0, r = 0;

	if (fd < 0)
		return -1;
	while (n < TEXT_MAX - 1 && (r = read(fd, buf + n, TEXT_MAX - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = '\0';
	return r < 0 ? -1 : n;
}

/* "-- pid N (name)" and the role, if any, then the tree; nonzero if
 * there is none. */
static int show(int pid, const char *role)
{
	static char tree[TEXT_MAX], status[TEXT_MAX];
	char path[PATH_LEN];
	const char *name;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	if (slurp(path, status) < 0 || !(name = strstr(status, NAME_KEY))) {
		fprintf(stderr, "pagetree: no process %d\n", pid);
		return 1;
	}
	name += strlen(NAME_KEY);
	snprintf(path, sizeof(path), "/proc/%d/pagetree", pid);
	if (slurp(path, tree) < 0) {
		fprintf(stderr, "pagetree: process %d has no address space\n", pid);
		return 1;
	}
	printf("-- pid %d (%.*s)%s\n%s", pid, (int)strcspn(name, "\n"), name, role, tree);
	return 0;
}

/* A region that one PTE table maps alone: inside twice its size. */
static unsigned char *aligned_region(void)
{
	unsigned char *p = mmap(NULL, 2 * TABLE_SPAN, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	return (unsigned char *)(((unsigned long)p + TABLE_SPAN - 1) & ~(TABLE_SPAN - 1));
}

/* Obeys orders from `orders`, acknowledging each on `done`, up to QUIT. */
static void obey(int orders, int done, unsigned char *region)
{
	char order = 0;

	while (order != QUIT && read(orders, &order, 1) == 1) {
		if (order == WRITE_FIRST)
			region[0] = FILL + 1;
		else if (order == WRITE_SECOND)
			region[PAGE] = FILL + 1;
		else if (order == REAP)
			waitpid(-1, NULL, 0);
		write(done, &order, 1);
	}
}

/* The parent of the stages: forks the child and, once the child has
 * said so on the parent's own order pipe, tells the printer its pid. */
static void stage_parent(int to_parent[2], int to_child, int done)
{
	unsigned char *region = aligned_region();
	char ready;
	int child;

	if (!region)
		exit(1);
	region[0] = region[PAGE] = FILL;
	prctl(PR_SET_FORK_MODE, (unsigned long)FORK_MODE_ODF, 0UL, 0UL, 0UL);
	child = fork();
	if (child == 0) {
		write(to_parent[1], "c", 1);
		obey(to_child, done, region);
		_exit(0);       /* exit() would flush stdio, writing the data */
	}
	read(to_parent[0], &ready, 1);
	write(done, &child, sizeof(child));
	obey(to_parent[0], done, region);
	exit(0);
}

static void order(int to, int done, char what)
{
	write(to, &what, 1);
	read(done, &what, 1);
}

static void stage(const char *name, int parent, int child)
{
	printf("== %s\n", name);
	show(parent, ", the parent");
	if (child)
		show(child, ", the child");
}

static int fork_stages(void)
{
	int to_parent[2], to_child[2], done[2], parent, child = 0, status;

	if (pipe(to_parent) || pipe(to_child) || pipe(done))
		return 1;
	prctl(PR_SET_FORK_MODE, (unsigned long)FORK_MODE_COPY, 0UL, 0UL, 0UL);
	parent = fork();
	if (parent == 0)
		stage_parent(to_parent, to_child[0], done[1]);
	if (parent < 0 || read(done[0], &child, sizeof(child)) != sizeof(child))
		return 1;
	stage("1-fork at fork (each process has written its stack since)", parent, child);
	order(to_child[1], done[0], WRITE_FIRST);
	stage("2-child-writes after the child's first write", parent, child);
	order(to_parent[1], done[0], WRITE_SECOND);
	stage("3-parent-writes after the parent's first write", parent, child);
	order(to_child[1], done[0], QUIT);
	order(to_parent[1], done[0], REAP);
	stage("4-child-exits after the child has exited", parent, 0);
	order(to_parent[1], done[0], QUIT);
	waitpid(parent, &status, 0);
	return 0;
}

int main(int argc, char **argv)
{
	int bad = 0;

	if (argc == 2 && !strcmp(argv[1], "--fork"))
		return fork_stages();
	if (argc == 1)
		return show(getpid(), "");
	for (int i = 1; i < argc; i++)
		bad |= show(atoi(argv[i]), "");
	return bad;
}
