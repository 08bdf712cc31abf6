/* ps: lists every process, from /proc/PID/stat (as Linux's ps reads it)
 * and its command line from /proc/PID/cmdline. */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TEXT_LEN	1024
#define NAME_LEN	64
#define CLK_TCK		100		/* stat's times are in these ticks */
#define SECS_PER_MIN	60
#define UTIME_FIELD	14		/* man 5 proc: utime, then stime */
#define PROCESSOR_FIELD	39		/* the CPU it last ran on */

struct proc {
	char name[NAME_LEN];
	char state;
	int ppid;
	unsigned long cpu_secs;
	int cpu;
};

static int is_pid(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* Reads /proc/PID/FILE into buf; its length, or -1 (the process may exit
 * while we look). */
static long slurp(const char *pid, const char *file, char *buf, size_t size)
{
	char path[PATH_MAX];
	long len = 0, n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%s/%s", pid, file);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	return len;
}

/* "pid (name) state ppid ...": the name runs to the last ')', since it
 * may hold spaces and parentheses itself. */
static int read_stat(const char *pid, struct proc *p)
{
	char buf[TEXT_LEN], *open_paren, *close_paren, *s;
	unsigned long ticks = 0;

	if (slurp(pid, "stat", buf, sizeof(buf)) < 0)
		return -1;
	open_paren = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (!open_paren || !close_paren || close_paren[1] != ' ')
		return -1;
	snprintf(p->name, sizeof(p->name), "%.*s", (int)(close_paren - open_paren - 1),
		 open_paren + 1);
	p->state = close_paren[2];
	s = close_paren + 3;
	p->ppid = strtol(s, &s, 10);
	for (int field = 5; field < UTIME_FIELD; field++)
		strtol(s, &s, 10);
	ticks = strtoul(s, &s, 10);
	ticks += strtoul(s, &s, 10);
	p->cpu_secs = ticks / CLK_TCK;
	for (int field = UTIME_FIELD + 2; field < PROCESSOR_FIELD; field++)
		strtoul(s, &s, 10);
	p->cpu = strtol(s, &s, 10);
	return 0;
}

/* The arguments with spaces between, or [name] if there are none (a
 * zombie's). */
static void print_command(const char *pid, const struct proc *p)
{
	char buf[TEXT_LEN];
	long len = slurp(pid, "cmdline", buf, sizeof(buf));

	if (len <= 0) {
		printf("[%s]\n", p->name);
		return;
	}
	for (long i = 0; i < len - 1; i++)
		if (buf[i] == '\0')
			buf[i] = ' ';
	printf("%s\n", buf);
}

int main(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	struct proc p;

	if (!d) {
		perror("ps: /proc");
		return EXIT_FAILURE;
	}
	printf("%5s %5s %-5s %3s %5s %s\n", "PID", "PPID", "STATE", "PSR", "TIME", "COMMAND");
	while ((e = readdir(d))) {
		if (!is_pid(e->d_name) || read_stat(e->d_name, &p) < 0)
			continue;
		printf("%5s %5d %-5c %3d %2lu:%02lu ", e->d_name, p.ppid, p.state, p.cpu,
		       p.cpu_secs / SECS_PER_MIN, p.cpu_secs % SECS_PER_MIN);
		print_command(e->d_name, &p);
	}
	closedir(d);
	return EXIT_SUCCESS;
}
