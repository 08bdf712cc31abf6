/*
 * Tests of our C library, built with it and run on a Linux host by
 * tests/libc-host.sh.  Each test runs in a child process, so a crash fails
 * only that test; we print "PASS name" or "FAIL name", with a line for
 * each failed check.  Exit status 0 only if every test passed.
 *
 * usage: libctest [BINDIR]    BINDIR holds our programs (default build/bin)
 */
#include <assert.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>

#define PAGE		4096
#define MIB		(1024 * 1024)
#define NSEC_PER_SEC	1000000000L
#define NSEC_PER_MSEC	1000000L

static const char *bindir = "build/bin";
static int failures;

#define CHECK(cond)		check(cond, #cond, __LINE__)
#define CHECK_STR(got, want)	check_str(got, want, __LINE__)

static void check(int ok, const char *what, int line)
{
	if (!ok) {
		printf("    line %d: %s\n", line, what);
		failures++;
	}
}

static void check_str(const char *got, const char *want, int line)
{
	if (strcmp(got, want)) {
		printf("    line %d: got \"%s\", want \"%s\"\n", line, got, want);
		failures++;
	}
}

/* Runs fn in a child; returns its wait status, which is 1 if a check failed. */
static int in_child(void (*fn)(void))
{
	int status;
	pid_t pid;

	fflush(stdout);		/* or the child would print our buffer again */
	pid = fork();
	if (pid == 0) {
		fn();
		exit(failures ? EXIT_FAILURE : EXIT_SUCCESS);
	}
	waitpid(pid, &status, 0);
	return status;
}

/* Runs fn in a child whose stdout and stderr go into a pipe; returns what
 * it wrote, in a static buffer, and its wait status in *status. */
static const char *output_of(void (*fn)(void), int *status)
{
	static char buf[PAGE];
	int fds[2], len = 0, n;
	pid_t pid;

	pipe(fds);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		close(fds[1]);
		fn();
		exit(EXIT_SUCCESS);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fds[0]);
	waitpid(pid, status, 0);
	return buf;
}

static void check_format(int line, const char *want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void check_format(int line, const char *want, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	check_str(buf, want, line);
	check(n == (int)strlen(want), "the length snprintf returns", line);
}

#define CHECK_FORMAT(want, ...)	check_format(__LINE__, want, __VA_ARGS__)

static void test_printf(void)
{
	char buf[8];

	CHECK_FORMAT("42|-7", "%d|%i", 42, -7);
	CHECK_FORMAT("   42|42   |-0042", "%5d|%-5d|%05d", 42, 42, -42);
	CHECK_FORMAT("+5  5", "%+d % d", 5, 5);
	CHECK_FORMAT("ff FF 0xff 10 010", "%x %X %#x %o %#o", 255, 255, 255, 8, 8);
	CHECK_FORMAT("18446744073709551615", "%lu", ULONG_MAX);
	CHECK_FORMAT("-9223372036854775808", "%lld", LLONG_MIN);
	CHECK_FORMAT("-1 1", "%hhd %hu", (signed char)255, (unsigned short)65537);
	CHECK_FORMAT("7 -7", "%zu %zd", (size_t)7, (ssize_t)-7);
	CHECK_FORMAT("hel|   ab|ab   |", "%.3s|%5s|%-5s|", "hello", "ab", "ab");
	CHECK_FORMAT("ok%", "%c%c%%", 'o', 'k');
	CHECK_FORMAT("0x1234", "%p", (void *)0x1234);
	CHECK_FORMAT("|007", "%.0d|%.3d", 0, 7);
	CHECK_FORMAT("   1|2  |", "%*d|%-*d|", 4, 1, 3, 2);
	CHECK(snprintf(buf, sizeof(buf), "%s", "abcdefghij") == 10);
	CHECK_STR(buf, "abcdefg");
	CHECK(snprintf(NULL, 0, "%d", 12345) == 5);
	CHECK(sprintf(buf, "%d-%s", 1, "x") == 3);
	CHECK_STR(buf, "1-x");
}

/* A byte pattern that differs between blocks, to catch overlaps. */
static unsigned char pattern(const void *p, size_t i)
{
	return ((uintptr_t)p >> 4) + i;
}

static void fill(unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = pattern(p, i);
}

static int intact(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != pattern(p, i))
			return 0;
	return 1;
}

#define NSLOTS		256
#define ROUNDS		20000
#define SMALL_MAX	2048
#define MEDIUM_MAX	(256 * 1024)
#define MEDIUM_ONE_IN	16

static void test_malloc_stress(void)
{
	static struct { unsigned char *p; size_t n; } slot[NSLOTS];
	int bad = 0;

	srand(1);
	for (int r = 0; r < ROUNDS; r++) {
		int i = rand() % NSLOTS;

		if (slot[i].p) {
			bad += !intact(slot[i].p, slot[i].n);
			free(slot[i].p);
			slot[i].p = NULL;
			continue;
		}
		slot[i].n = rand() % (rand() % MEDIUM_ONE_IN ? SMALL_MAX : MEDIUM_MAX);
		slot[i].p = malloc(slot[i].n);
		CHECK(slot[i].p && (uintptr_t)slot[i].p % 16 == 0);
		fill(slot[i].p, slot[i].n);
	}
	CHECK(bad == 0);
	for (int i = 0; i < NSLOTS; i++)
		free(slot[i].p);
}

#define DIGITS	"0123456789"

static void test_malloc_large(void)
{
	size_t sizes[] = { 3 * MIB, 8 * MIB, 16 * MIB + 1 };
	unsigned char *p[3], *q;

	for (int i = 0; i < 3; i++) {
		p[i] = malloc(sizes[i]);
		CHECK(p[i] != NULL);
		fill(p[i], sizes[i]);
	}
	for (int i = 0; i < 3; i++) {
		CHECK(intact(p[i], sizes[i]));
		free(p[i]);
	}
	q = malloc(sizeof(DIGITS));
	memcpy(q, DIGITS, sizeof(DIGITS));
	for (size_t n = 100; n <= 4 * MIB; n *= 10) {
		unsigned char *r = realloc(q, n);

		CHECK(r && !memcmp(r, DIGITS, sizeof(DIGITS)));
		memset(r + sizeof(DIGITS), 'z', n - sizeof(DIGITS));
		q = r;
	}
	free(q);
	q = malloc(1000);
	memset(q, 0xaa, 1000);
	free(q);
	q = calloc(10, 100);
	CHECK(q && !memchr(q, 0xaa, 1000));
	free(q);
	CHECK(calloc(SIZE_MAX / 2, 4) == NULL && errno == ENOMEM);
	free(NULL);
	q = malloc(0);
	CHECK(q != NULL);
	free(q);
}

static void test_strtol(void)
{
	const char *s;
	char *end;

	CHECK(strtol("  -123abc", &end, 10) == -123 && *end == 'a');
	CHECK(strtol("0x1f", &end, 0) == 31 && !*end);
	CHECK(strtol("0X1F", NULL, 16) == 31);
	CHECK(strtol("010", NULL, 0) == 8);
	s = "0x";
	CHECK(strtol(s, &end, 0) == 0 && end == s + 1);
	s = "  +";
	CHECK(strtol(s, &end, 10) == 0 && end == s);
	CHECK(strtol("zz", NULL, 36) == 1295);
	errno = 0;
	CHECK(strtol("9223372036854775807", NULL, 10) == LONG_MAX && errno == 0);
	CHECK(strtol("-9223372036854775808", NULL, 10) == LONG_MIN && errno == 0);
	CHECK(strtol("9223372036854775808", NULL, 10) == LONG_MAX && errno == ERANGE);
	errno = 0;
	CHECK(strtol("-9223372036854775809", NULL, 10) == LONG_MIN && errno == ERANGE);
	errno = 0;
	CHECK(strtoul("-1", NULL, 10) == ULONG_MAX && errno == 0);
	CHECK(strtoull("18446744073709551615", NULL, 10) == ULLONG_MAX && errno == 0);
	CHECK(strtoul("18446744073709551616", &end, 10) == ULONG_MAX && errno == ERANGE);
	CHECK(*end == '\0');
	errno = 0;
	CHECK(strtoll("12", NULL, 1) == 0 && errno == EINVAL);
	CHECK(atoi("42x") == 42 && atoi("-5") == -5 && atol(" 7") == 7);
}

static int by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

#define NSORT	5000

static void test_qsort(void)
{
	static int v[NSORT];
	const char *words[] = { "pear", "apple", "fig", "banana", "apple" };
	long sum = 0, sorted_sum = 0;

	for (int i = 0; i < NSORT; i++)
		sum += v[i] = rand() % 100;
	qsort(v, NSORT, sizeof(v[0]), by_int);
	for (int i = 0; i < NSORT; i++) {
		sorted_sum += v[i];
		if (i && v[i - 1] > v[i])
			CHECK(!"ints in order");
	}
	CHECK(sum == sorted_sum);
	qsort(words, 5, sizeof(words[0]), by_string);
	CHECK(!strcmp(words[0], "apple") && !strcmp(words[1], "apple"));
	CHECK(!strcmp(words[2], "banana") && !strcmp(words[4], "pear"));
	qsort(v, 0, sizeof(v[0]), by_int);
}

static void mixed_output(void)
{
	printf("a\n");
	fprintf(stderr, "b\n");
	printf("c");		/* waits in the buffer until exit */
	fprintf(stderr, "d\n");
	dprintf(STDERR_FILENO, "%s\n", "e");
	putchar('f');
}

static void many_lines(void)
{
	for (int i = 0; i < 300; i++)
		printf("%d\n", i);
}

#define MANY_LINES_BYTES	1090	/* "0\n" to "299\n" */

static void test_stdio_order(void)
{
	const char *out = output_of(many_lines, NULL);

	CHECK(strlen(out) == MANY_LINES_BYTES && !strcmp(out + strlen(out) - 4, "299\n"));
	CHECK_STR(output_of(mixed_output, NULL), "a\nb\nd\ne\ncf");
}

static void test_files(void)
{
	char path[64], line[64], big[10000], back[10000];
	struct stat st;
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/libctest.%d", getpid());
	f = fopen(path, "w");
	CHECK(f != NULL);
	fprintf(f, "first %d\nsecond\n", 1);
	fill((unsigned char *)big, sizeof(big));
	CHECK(fwrite(big, 1, sizeof(big), f) == sizeof(big));
	CHECK(fclose(f) == 0);
	CHECK(stat(path, &st) == 0 && S_ISREG(st.st_mode));
	CHECK((size_t)st.st_size == strlen("first 1\nsecond\n") + sizeof(big));

	f = fopen(path, "r");
	CHECK(f && fgets(line, sizeof(line), f) && !strcmp(line, "first 1\n"));
	CHECK(fgets(line, sizeof(line), f) && !strcmp(line, "second\n"));
	CHECK(fread(back, 1, sizeof(back), f) == sizeof(back));
	CHECK(!memcmp(big, back, sizeof(big)));
	CHECK(!feof(f) && fgetc(f) == EOF && feof(f) && !ferror(f));
	CHECK(fstat(fileno(f), &st) == 0 && lseek(fileno(f), 2, SEEK_SET) == 2);
	fclose(f);

	CHECK(fopen(path, "r+") == NULL && errno == EINVAL);
	CHECK(unlink(path) == 0);
	CHECK(stat(path, &st) < 0 && errno == ENOENT);
	CHECK(fopen(path, "r") == NULL && errno == ENOENT);
}

static void exec_echo(void)
{
	char path[PATH_MAX];
	char *argv[] = { "echo", "hello", "world", NULL };

	snprintf(path, sizeof(path), "%s/echo", bindir);
	execv(path, argv);
	printf("execv failed: %s\n", strerror(errno));
}

static void execvp_echo(void)
{
	char path[PATH_MAX];
	char *env[] = { path, NULL };
	char *argv[] = { "echo", "found", NULL };

	snprintf(path, sizeof(path), "PATH=/nonexistent::%s", bindir);
	environ = env;
	execvp("echo", argv);
	printf("execvp failed: %s\n", strerror(errno));
}

static void exit_42(void)
{
	_exit(42);
}

static void check_parent(void)
{
	_exit(getppid() == atoi(getenv("LIBCTEST_PARENT")) ? 0 : 1);
}

static void test_processes(void)
{
	char *argv[] = { "nope", NULL };
	char pid[32];
	int status;
	pid_t child;

	status = in_child(exit_42);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 42);
	CHECK_STR(output_of(exec_echo, NULL), "hello world\n");
	CHECK_STR(output_of(execvp_echo, NULL), "found\n");
	CHECK(execvp("no-such-program-here", argv) < 0 && errno == ENOENT);

	child = fork();
	if (child == 0) {
		sleep(10);
		_exit(0);
	}
	CHECK(waitpid(child, &status, WNOHANG) == 0);
	CHECK(kill(child, SIGKILL) == 0);
	CHECK(waitpid(child, &status, 0) == child);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	CHECK(wait(&status) < 0 && errno == ECHILD);

	snprintf(pid, sizeof(pid), "LIBCTEST_PARENT=%d", getpid());
	environ = (char *[]){ pid, NULL };
	status = in_child(check_parent);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(getpid() == gettid());
}

#define PIPE_BYTES	100000

static void test_pipes(void)
{
	char buf[PAGE];
	long total = 0;
	int fds[2];
	ssize_t n;
	pid_t pid;

	CHECK(pipe(fds) == 0);
	CHECK(write(fds[1], "ping", 4) == 4 && read(fds[0], buf, sizeof(buf)) == 4);
	close(fds[1]);
	CHECK(read(fds[0], buf, sizeof(buf)) == 0);
	close(fds[0]);

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		memset(buf, 'x', sizeof(buf));
		for (long left = PIPE_BYTES; left > 0; left -= n)
			n = write(fds[1], buf, left < PAGE ? left : PAGE);
		_exit(0);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0)
		total += n;
	CHECK(total == PIPE_BYTES);
	close(fds[0]);
	waitpid(pid, NULL, 0);

	CHECK(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	pipe(fds);
	close(fds[0]);
	CHECK(write(fds[1], "x", 1) < 0 && errno == EPIPE);
	close(fds[1]);
}

static char *shared;

static void write_shared(void)
{
	strcpy(shared, "from the child");
}

static void write_read_only(void)
{
	shared[0] = 1;
}

#define RW	(PROT_READ | PROT_WRITE)

static void test_mmap(void)
{
	char *p = mmap(NULL, 3 * PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status;

	CHECK(p != MAP_FAILED);
	memset(p, 'a', 3 * PAGE);
	CHECK(mmap(p + PAGE, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
	      == p + PAGE);
	CHECK(p[PAGE - 1] == 'a' && p[PAGE] == 0 && p[2 * PAGE] == 'a');
	CHECK(munmap(p, 3 * PAGE) == 0);
	CHECK(munmap(p + 1, PAGE) < 0 && errno == EINVAL);
	p = mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0);	/* not shared, not private */
	CHECK(p == MAP_FAILED && errno == EINVAL);

	shared = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	in_child(write_shared);
	CHECK_STR(shared, "from the child");
	CHECK(mprotect(shared, PAGE, PROT_READ) == 0);
	status = in_child(write_read_only);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	munmap(shared, PAGE);
}

static void test_dirent(void)
{
	int found_sh = 0, found_dot = 0;
	struct dirent *e;
	DIR *d = opendir(bindir);

	CHECK(d != NULL);
	while (d && (e = readdir(d))) {
		found_sh |= !strcmp(e->d_name, "sh") && e->d_type == DT_REG;
		found_dot |= !strcmp(e->d_name, ".") && e->d_type == DT_DIR;
	}
	CHECK(found_sh && found_dot);
	closedir(d);
	CHECK(opendir("/nonexistent") == NULL && errno == ENOENT);
	CHECK(opendir("/dev/null") == NULL && errno == ENOTDIR);
}

static void test_errno(void)
{
	char buf[4];

	CHECK(read(-1, buf, sizeof(buf)) < 0 && errno == EBADF);
	CHECK(write(STDOUT_FILENO, (void *)1, 10) < 0 && errno == EFAULT);
	CHECK(open("/nonexistent/x", O_RDONLY) < 0 && errno == ENOENT);
	CHECK(close(-1) < 0 && errno == EBADF);
	CHECK(dup2(-1, 5) < 0 && errno == EBADF);
	CHECK_STR(strerror(ENOENT), "No such file or directory");
	CHECK_STR(strerror(-3), "Unknown error");
}

static int order;

static void first_registered(void)
{
	order = order * 10 + 1;
	printf("%d", order);
}

static void second_registered(void)
{
	order = order * 10 + 2;
}

static void two_handlers(void)
{
	atexit(first_registered);
	atexit(second_registered);
}

static void failing_assert(void)
{
	assert(1 + 1 == 3);
}

static void test_exit(void)
{
	int status;

	CHECK_STR(output_of(two_handlers, NULL), "21");
	CHECK(strstr(output_of(failing_assert, &status), "1 + 1 == 3") != NULL);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
}

static volatile int signalled;

static void on_signal(int sig)
{
	signalled = sig;
}

static void test_signals(void)
{
	struct sigaction act = { .sa_handler = on_signal };

	sigemptyset(&act.sa_mask);
	CHECK(sigaction(SIGUSR1, &act, NULL) == 0);
	CHECK(raise(SIGUSR1) == 0 && signalled == SIGUSR1);
	CHECK(signal(SIGUSR2, on_signal) == SIG_DFL);
	CHECK(raise(SIGUSR2) == 0 && signalled == SIGUSR2);
	CHECK(kill(-1000000, 0) < 0 && errno == ESRCH);
}

static void test_time(void)
{
	struct timespec a, b, nap = { 0, 20 * NSEC_PER_MSEC };
	long ns;

	CHECK(clock_gettime(CLOCK_MONOTONIC, &a) == 0);
	CHECK(nanosleep(&nap, NULL) == 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	ns = (b.tv_sec - a.tv_sec) * NSEC_PER_SEC + b.tv_nsec - a.tv_nsec;
	CHECK(ns >= nap.tv_nsec);
	CHECK(time(NULL) > 1600000000);
	CHECK(usleep(1000) == 0);
	CHECK(clock_gettime(-1, &a) < 0 && errno == EINVAL);
}

static void test_misc(void)
{
	char name[16], buf[PATH_MAX], *s;
	struct utsname u;
	int fds[2];

	CHECK(getenv("PATH") != NULL && getenv("NO_SUCH_VARIABLE_HERE") == NULL);
	s = strdup("copy");
	CHECK_STR(s, "copy");
	free(s);
	s = strndup("truncated", 5);
	CHECK_STR(s, "trunc");
	free(s);
	CHECK(isdigit('7') && !isdigit('a') && isspace('\n') && !isspace('x'));
	CHECK(toupper('q') == 'Q' && tolower('Q') == 'q');
	CHECK(ispunct('!') && !ispunct('a') && isprint(' ') && !isprint('\n'));
	CHECK(abs(-3) == 3 && labs(LONG_MIN + 1) == LONG_MAX);
	CHECK(sysconf(_SC_PAGESIZE) == PAGE && getauxval(AT_PAGESZ) == PAGE);
	CHECK(uname(&u) == 0 && !strcmp(u.sysname, "Linux"));
	CHECK_STR(u.machine, "x86_64");
	CHECK(getrandom(buf, 16, 0) == 16);
	CHECK(getcwd(buf, sizeof(buf)) == buf && buf[0] == '/');
	pipe(fds);
	CHECK(!isatty(fds[0]) && errno == ENOTTY);
	CHECK(prctl(PR_SET_NAME, "libctest-x") == 0 && prctl(PR_GET_NAME, name) == 0);
	CHECK_STR(name, "libctest-x");
	s = sbrk(0);
	CHECK(sbrk(PAGE) == s && sbrk(0) == s + PAGE);
	memset(s, 1, PAGE);
	CHECK(brk(s) == 0 && sbrk(0) == s);
}

static const struct test {
	const char *name;
	void (*fn)(void);
} tests[] = {
	{ "printf", test_printf },
	{ "malloc-stress", test_malloc_stress },
	{ "malloc-large", test_malloc_large },
	{ "strtol", test_strtol },
	{ "qsort", test_qsort },
	{ "stdio-order", test_stdio_order },
	{ "files", test_files },
	{ "processes", test_processes },
	{ "pipes", test_pipes },
	{ "mmap", test_mmap },
	{ "dirent", test_dirent },
	{ "errno", test_errno },
	{ "exit", test_exit },
	{ "signals", test_signals },
	{ "time", test_time },
	{ "misc", test_misc },
};

int main(int argc, char **argv)
{
	int failed = 0;

	if (argc > 1)
		bindir = argv[1];
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		int status = in_child(tests[i].fn);

		if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			printf("PASS libc.%s\n", tests[i].name);
			continue;
		}
		if (WIFSIGNALED(status))
			printf("    killed by signal %d\n", WTERMSIG(status));
		printf("FAIL libc.%s\n", tests[i].name);
		failed++;
	}
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
