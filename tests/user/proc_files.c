/*
 * The files of /proc that ps, top and free read, in Linux's formats:
 *   - /proc/self/stat has 52 fields after a pid and a (comm) that may hold
 *     spaces and ')': our pid, ppid, process group, session, state R,
 *     one thread, and a zombie child shows Z;
 *   - comm, and stat's comm, follow prctl(PR_SET_NAME);
 *   - cmdline gives argv back, NULs and all, for odd arguments too, to a
 *     child run through /proc/self/exe;
 *   - maps has a line per mapping in the right format, with [heap] (once
 *     brk has grown) and [stack] around the addresses they hold;
 *   - statm's seven sizes agree with stat (size >= resident);
 *   - /proc/self is a link to our pid, /proc/self/exe one to the program
 *     that opens it, and lstat shows both as links; /proc lists self, our
 *     pid and the files, also as the working directory; uptime, loadavg and
 *     mounts are in their formats.
 * On forklab, values that come from one counter must agree exactly:
 * stat's minflt with getrusage's, and the mounts with what exists.
 */
#include <dirent.h>
#include <limits.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include "check.h"

#define TEXT_MAX        8192
#define STAT_FIELDS     52
#define COMM_MAX        16              /* TASK_COMM_LEN, the NUL included */
#define BAD_ADDR        1UL             /* never mapped */
#define CLOCK_TICKS     100             /* sysconf(_SC_CLK_TCK) */
#define HEAP_GROWTH     (4 * PAGE_SIZE)
#define CMDLINE_ARG     "cmdline-child"
#define CMDLINE_EXIT    42              /* the child's status when cmdline matched */

static char text[TEXT_MAX];

/* Reads a whole /proc file into text with read() (no stdio, whose buffers
 * would change the very sizes being read); its length, or -1. */
static long slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	long len = 0, n;

	if (fd < 0)
		return -1;
	while ((n = read(fd, text + len, sizeof(text) - 1 - len)) > 0)
		len += n;
	close(fd);
	text[len] = '\0';
	return n < 0 ? -1 : len;
}

struct stat_line {
	char comm[COMM_MAX + 8];
	char state;
	unsigned long field[STAT_FIELDS + 1];   /* field[n]: man 5 proc's field n (4 on) */
	int nfields;                    /* fields counted, pid and comm included */
};

/* The next word of *s that none of sep's characters are in, or NULL. */
static char *next_word(char **s, const char *sep)
{
	char *word = *s + strspn(*s, sep);

	if (!*word)
		return NULL;
	*s = word + strcspn(word, sep);
	if (**s)
		*(*s)++ = '\0';
	return word;
}

/* Splits a stat line: comm runs to the last ')', as its readers take it. */
static int parse_stat(const char *path, long pid, struct stat_line *s)
{
	char *open_paren, *close_paren, *rest, *tok;

	memset(s, 0, sizeof(*s));
	if (slurp(path) < 0)
		return -1;
	open_paren = strchr(text, '(');
	close_paren = strrchr(text, ')');
	if (!open_paren || !close_paren || atol(text) != pid)
		return -1;
	snprintf(s->comm, sizeof(s->comm), "%.*s", (int)(close_paren - open_paren - 1),
		 open_paren + 1);
	s->nfields = 2;
	rest = close_paren + 1;
	while ((tok = next_word(&rest, " \n"))) {
		s->nfields++;
		if (s->nfields == 3)
			s->state = tok[0];
		else if (s->nfields <= STAT_FIELDS)
			s->field[s->nfields] = strtoul(tok, NULL, 10);
	}
	return 0;
}

static void check_stat_self(const char *name)
{
	struct stat_line s;
	struct rlimit rss;

	CHECK_EQ(parse_stat("/proc/self/stat", getpid(), &s), 0);
	CHECK_EQ(s.nfields, STAT_FIELDS);
	CHECK(!strcmp(s.comm, name));
	CHECK_EQ(s.state, 'R');
	CHECK_EQ(s.field[4], (unsigned long)getppid());
	CHECK_EQ(s.field[5], getpgrp());
	CHECK_EQ(s.field[6], getsid(0));
	CHECK_EQ(s.field[20], 1);               /* num_threads */
	CHECK(s.field[23] > 0);                 /* vsize */
	CHECK_EQ(getrlimit(RLIMIT_RSS, &rss), 0);
	CHECK_EQ((unsigned long)s.field[25], rss.rlim_cur);
	CHECK_EQ(s.field[38], SIGCHLD);         /* exit_signal */
	CHECK(slurp("/proc/uptime") > 0);
	CHECK(s.field[22] <= (strtoul(text, NULL, 10) + 1) * CLOCK_TICKS);    /* starttime */
}

/* A child that has exited and is not yet waited for is a zombie. */
static void check_zombie(void)
{
	char path[64];
	struct stat_line s;
	pid_t pid = fork();

	if (pid == 0)
		_exit(3);
	CHECK(pid > 0);
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	for (int tries = 0; tries < 1000; tries++) {
		CHECK_EQ(parse_stat(path, pid, &s), 0);
		if (s.state == 'Z')
			break;
		usleep(1000);
	}
	CHECK_EQ(s.state, 'Z');
	CHECK_EQ(s.field[4], getpid());
	CHECK_EQ(s.nfields, STAT_FIELDS);
	CHECK_EQ(waitpid(pid, NULL, 0), pid);
}

/* A name with what trips naive parsers: spaces and ')'. */
static void check_comm(const char *name)
{
	static const char odd[] = "a) b (c) d";
	char want[COMM_MAX + 1], got[COMM_MAX];
	struct stat_line s;

	snprintf(want, sizeof(want), "%s\n", name);
	CHECK(slurp("/proc/self/comm") >= 0 && !strcmp(text, want));
	CHECK_EQ(prctl(PR_SET_NAME, odd), 0);
	CHECK_EQ(prctl(PR_GET_NAME, got), 0);
	CHECK(!strcmp(got, odd));
	CHECK(slurp("/proc/self/comm") >= 0 && !strcmp(text, "a) b (c) d\n"));
	CHECK_EQ(parse_stat("/proc/self/stat", getpid(), &s), 0);
	CHECK(!strcmp(s.comm, odd));
	CHECK_EQ(s.nfields, STAT_FIELDS);
	CHECK_EQ(s.state, 'R');
	CHECK_EQ(prctl(PR_SET_NAME, "0123456789abcdefghij"), 0);
	CHECK(slurp("/proc/self/comm") >= 0 && !strcmp(text, "0123456789abcde\n"));
	CHECK_EQ(prctl(PR_SET_NAME, name), 0);
	CHECK_EQ(raw_syscall3(SYS_prctl, PR_SET_NAME, BAD_ADDR, 0), -EFAULT);
	CHECK_EQ(raw_syscall3(SYS_prctl, PR_GET_NAME, BAD_ADDR, 0), -EFAULT);
	CHECK(slurp("/proc/self/comm") >= 0 && !strcmp(text, want));
}

static const char *const odd_args[] = { CMDLINE_ARG, "", "two words", "tab\there", "\n", ")" };
#define NODD    (sizeof(odd_args) / sizeof(odd_args[0]))

/* In the child, run through /proc/self/exe: cmdline is argv, each string
 * with its NUL; the name is the last part of the path run ("exe"), not of
 * the file it links to (busybox renames itself only from "exe"). */
static int cmdline_child(int argc, char **argv)
{
	char want[TEXT_MAX];
	long len = 0, got = slurp("/proc/self/cmdline");

	for (int i = 0; i < argc; i++)
		len += snprintf(want + len, sizeof(want) - len, "%s", argv[i]) + 1;
	if (got != len || memcmp(text, want, len))
		return 1;
	return slurp("/proc/self/comm") >= 0 && !strcmp(text, "exe\n") ? CMDLINE_EXIT : 1;
}

static void check_cmdline(const char *self)
{
	const char *argv[NODD + 2] = { self };
	int status = 0;
	pid_t pid;

	memcpy(argv + 1, odd_args, sizeof(odd_args));
	pid = fork();
	if (pid == 0) {
		execv("/proc/self/exe", (char **)argv);
		_exit(127);
	}
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == CMDLINE_EXIT);
}

/* Reads a number in base from *p, then the character after (unless 0),
 * and moves *p past both; 0, or -1 if they are not there. */
static int number(char **p, int base, unsigned long *v, char after)
{
	char *end;

	*v = strtoul(*p, &end, base);
	if (end == *p || (after && *end != after))
		return -1;
	*p = end + !!after;
	return 0;
}

/* "secs.cc": a number with two decimals, then after. */
static int decimal(char **p, char after)
{
	unsigned long whole, centi;
	char *dot;

	if (number(p, 10, &whole, '.') < 0)
		return -1;
	dot = *p;
	return number(p, 10, &centi, after) < 0 || *p - dot != 3 ? -1 : 0;
}

struct map {
	unsigned long start, end, offset, major, minor, inode;
	char perms[5];
	const char *name;               /* "" when it has none */
};

/* start-end perms offset major:minor inode [name] */
static int parse_map(char *line, struct map *m)
{
	char *p = line;

	if (number(&p, 16, &m->start, '-') < 0 || number(&p, 16, &m->end, ' ') < 0 ||
	    strlen(p) < 5 || p[4] != ' ')
		return -1;
	memcpy(m->perms, p, 4);
	m->perms[4] = '\0';
	p += 5;
	if (number(&p, 16, &m->offset, ' ') < 0 || number(&p, 16, &m->major, ':') < 0 ||
	    number(&p, 16, &m->minor, ' ') < 0 || number(&p, 10, &m->inode, 0) < 0)
		return -1;
	m->name = p + strspn(p, " ");
	return 0;
}

/* Every line of maps is well formed; returns 0 if the one naming name
 * holds addr, -1 if none does. */
static int maps_holds(const char *name, unsigned long addr)
{
	char *rest = text, *line;
	int found = -1;
	struct map m;

	CHECK(slurp("/proc/self/maps") > 0);
	while ((line = next_word(&rest, "\n"))) {
		if (parse_map(line, &m) < 0) {
			CHECK(!"a maps line in Linux's format");
			continue;
		}
		CHECK(strchr("r-", m.perms[0]) && strchr("w-", m.perms[1]) &&
		      strchr("x-", m.perms[2]) && strchr("ps", m.perms[3]));
		CHECK(m.start < m.end);
		if (!strcmp(m.name, name) && m.start <= addr && addr < m.end)
			found = 0;
	}
	return found;
}

static void check_maps(void)
{
	unsigned long brk0 = raw_syscall3(SYS_brk, 0, 0, 0), brk1;
	int on_stack;

	brk1 = raw_syscall3(SYS_brk, brk0 + HEAP_GROWTH, 0, 0);
	CHECK_EQ(brk1, brk0 + HEAP_GROWTH);
	CHECK_EQ(maps_holds("[heap]", brk1 - 1), 0);
	CHECK_EQ(maps_holds("[stack]", (unsigned long)&on_stack), 0);
	CHECK_EQ(raw_syscall3(SYS_brk, brk0, 0, 0), brk0);
}

static void check_statm(void)
{
	enum { SIZE, RESIDENT, SHARED, TEXT, LIB, DATA, DT, STATM_FIELDS };
	unsigned long v[STATM_FIELDS];
	struct stat_line s;
	char *p = text;

	CHECK(slurp("/proc/self/statm") > 0);
	for (int i = 0; i < STATM_FIELDS; i++)
		CHECK_EQ(number(&p, 10, &v[i], i < DT ? ' ' : '\n'), 0);
	CHECK_EQ(*p, '\0');
	CHECK(v[SIZE] >= v[RESIDENT] && v[TEXT] > 0 && v[DATA] > 0);
	CHECK_EQ(parse_stat("/proc/self/stat", getpid(), &s), 0);
	CHECK_EQ(v[SIZE] * PAGE_SIZE, s.field[23]);
}

/* /proc/self/exe is a link to the program, and opens it. */
static void check_exe(const char *self)
{
	const char *base = strrchr(self, '/');
	char link[PATH_MAX], elf[4];
	long n = readlink("/proc/self/exe", link, sizeof(link) - 1);
	int fd = open("/proc/self/exe", O_RDONLY);

	CHECK(n > 0);
	link[n > 0 ? n : 0] = '\0';
	CHECK(n > 0 && link[0] == '/');
	CHECK(base && strlen(link) >= strlen(base) &&
	      !strcmp(link + strlen(link) - strlen(base), base));
	CHECK(fd >= 0);
	CHECK_EQ(read(fd, elf, sizeof(elf)), (long)sizeof(elf));
	CHECK(!memcmp(elf, "\177ELF", sizeof(elf)));
	close(fd);
}

/* lstat describes the links themselves (ls -l and find show them as
 * links), stat what they lead to. */
static void check_link_status(void)
{
	struct stat st;

	CHECK_EQ(lstat("/proc/self", &st), 0);
	CHECK(S_ISLNK(st.st_mode) && (st.st_mode & 0777) == 0777);
	CHECK_EQ(lstat("/proc/self/exe", &st), 0);
	CHECK(S_ISLNK(st.st_mode));
	CHECK_EQ(fstatat(AT_FDCWD, "/proc/self", &st, AT_SYMLINK_NOFOLLOW), 0);
	CHECK(S_ISLNK(st.st_mode));
	CHECK_EQ(stat("/proc/self", &st), 0);
	CHECK(S_ISDIR(st.st_mode));
	CHECK_EQ(stat("/proc/self/exe", &st), 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(lstat("/proc/self/stat", &st), 0);
	CHECK(S_ISREG(st.st_mode));
}

/* /proc/self is a link to our pid, whose directory holds our files. */
static void check_self(void)
{
	char link[32], want[32];
	long n = readlink("/proc/self", link, sizeof(link));

	snprintf(want, sizeof(want), "%d", getpid());
	CHECK_EQ(n, (long)strlen(want));
	CHECK(n > 0 && !memcmp(link, want, n));
	CHECK_EQ(readlink("/proc/self", link, 1), 1);
	CHECK_EQ(link[0], want[0]);
	CHECK_ERR(readlink("/proc/self/stat", link, sizeof(link)), EINVAL);
	CHECK_ERR(readlink("/proc/no-such-file", link, sizeof(link)), ENOENT);
	/* musl's readlink turns a size of 0 into 1 and returns 0: ask the kernel */
	CHECK_EQ(raw_syscall3(SYS_readlink, (unsigned long)"/proc/self", (unsigned long)link, 0),
		 -EINVAL);
	CHECK_EQ(raw_syscall3(SYS_readlink, (unsigned long)"/proc/self", BAD_ADDR, sizeof(link)),
		 -EFAULT);
	CHECK_EQ(raw_syscall3(SYS_readlink, BAD_ADDR, (unsigned long)link, sizeof(link)), -EFAULT);
	check_link_status();
}

/* /proc as the working directory (busybox's sh after cd /proc): "." and
 * ".." are its own, and relative names open its files. */
static void check_proc_cwd(void)
{
	char was[PATH_MAX], now[PATH_MAX];
	struct stat st;
	int fd;

	CHECK(getcwd(was, sizeof(was)) != NULL);
	CHECK_EQ(chdir("/proc"), 0);
	CHECK_EQ(stat(".", &st), 0);
	CHECK(S_ISDIR(st.st_mode));
	fd = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0);
	close(fd);
	fd = open("./uptime", O_RDONLY);
	CHECK(fd >= 0);
	close(fd);
	CHECK_EQ(stat("self/stat", &st), 0);
	CHECK_EQ(stat("../proc/./uptime", &st), 0);
	CHECK_EQ(chdir(".."), 0);
	CHECK(getcwd(now, sizeof(now)) && !strcmp(now, "/"));
	CHECK_EQ(chdir(was), 0);
}

/* getdents of /proc: self, our pid and the files, each once. */
static void check_listing(void)
{
	static const char *const names[] = { "self", "stat", "meminfo", "uptime", "loadavg",
					     "mounts", NULL };
	int seen[7] = { 0 }, pid_seen = 0;
	char pid[32];
	DIR *d = opendir("/proc");
	struct dirent *e;

	snprintf(pid, sizeof(pid), "%d", getpid());
	CHECK(d != NULL);
	while (d && (e = readdir(d))) {
		pid_seen += !strcmp(e->d_name, pid);
		for (int i = 0; names[i]; i++)
			seen[i] += !strcmp(e->d_name, names[i]);
	}
	if (d)
		closedir(d);
	CHECK_EQ(pid_seen, 1);
	for (int i = 0; names[i]; i++)
		CHECK_EQ(seen[i], 1);
}

static void check_system_files(void)
{
	unsigned long running = 0, total = 0, last = 0;
	char *p = text;

	CHECK(slurp("/proc/uptime") > 0);
	CHECK(decimal(&p, ' ') == 0 && decimal(&p, '\n') == 0 && !*p);
	CHECK(slurp("/proc/loadavg") > 0);
	p = text;
	CHECK(decimal(&p, ' ') == 0 && decimal(&p, ' ') == 0 && decimal(&p, ' ') == 0);
	CHECK(number(&p, 10, &running, '/') == 0 && number(&p, 10, &total, ' ') == 0 &&
	      number(&p, 10, &last, '\n') == 0 && !*p);
	CHECK(running >= 1 && total >= running && last >= (unsigned long)getpid());
	CHECK(slurp("/proc/mounts") > 0);
	CHECK(strstr(text, " /proc proc ") != NULL);
	CHECK(slurp("/proc/meminfo") > 0);
	CHECK(strstr(text, "Cached:") && strstr(text, "Shmem:") && strstr(text, "MemFree:"));
}

/* forklab's own values, from the counters they share (Linux's rss lags
 * behind in per-thread counters, and may read 0 for a small process). */
static void check_forklab(const char *self)
{
	unsigned long resident = 0, size = 0;
	struct rusage before, after;
	struct stat_line s;
	char *p = text;

	CHECK(slurp("/proc/self/statm") > 0);
	CHECK(number(&p, 10, &size, ' ') == 0 && number(&p, 10, &resident, ' ') == 0);
	CHECK_EQ(getrusage(RUSAGE_SELF, &before), 0);
	CHECK_EQ(parse_stat("/proc/self/stat", getpid(), &s), 0);
	CHECK_EQ(getrusage(RUSAGE_SELF, &after), 0);
	CHECK(resident > 0);
	CHECK_EQ(s.field[24], resident);
	/* one counter; code run for the first time in between may fault */
	CHECK((unsigned long)before.ru_minflt <= s.field[10]);
	CHECK(s.field[10] <= (unsigned long)after.ru_minflt);
	CHECK(slurp("/proc/mounts") > 0);
	CHECK(!strcmp(text, "rootfs / rootfs ro 0 0\nproc /proc proc ro 0 0\n"
			  "tmpfs /tmp tmpfs rw 0 0\ndevtmpfs /dev devtmpfs rw 0 0\n"));
	CHECK_EQ(s.field[7], 0);                /* tty_nr: no controlling terminals */
	if (self[0] == '/') {                   /* the program's code, named by its path */
		char link[PATH_MAX] = "";

		CHECK_EQ(maps_holds(self, (unsigned long)check_forklab), 0);
		CHECK_EQ(readlink("/proc/self/exe", link, sizeof(link) - 1), (long)strlen(self));
		CHECK(!strcmp(link, self));
	}
}

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');
	char name[COMM_MAX];
	struct utsname u;

	if (argc > 1 && !strcmp(argv[1], CMDLINE_ARG))
		return cmdline_child(argc, argv);
	snprintf(name, sizeof(name), "%s", base ? base + 1 : argv[0]);
	check_stat_self(name);
	check_zombie();
	check_comm(name);
	check_cmdline(argv[0]);
	check_maps();
	check_statm();
	check_self();
	check_exe(argv[0]);
	check_listing();
	check_proc_cwd();
	check_system_files();
	CHECK_EQ(uname(&u), 0);
	if (!strcmp(u.sysname, "forklab"))
		check_forklab(argv[0]);
	return test_result();
}
