/*
 * Terminal control through ioctl, where Linux's behaviour is the rule:
 *
 *   - isatty is true on a terminal, false (ENOTTY) on a pipe;
 *   - tcsetattr's settings read back with tcgetattr, cfmakeraw's included,
 *     and a bad "when" is EINVAL; TIOCSWINSZ's size reads back;
 *   - a request the terminal does not know is ENOTTY, a bad pointer
 *     EFAULT, a bad descriptor EBADF;
 *   - only a session leader takes a terminal (TIOCSCTTY); then its
 *     session may name the foreground group (tcsetpgrp) among its own
 *     groups only (ESRCH for no group, EPERM for another session's), and a background reader gets EIO (SIGTTIN ignored).
 *
 * The terminal is a new pseudo-terminal where there are some (Linux's
 * /dev/ptmx), else standard input if it is one (forklab's console); with
 * neither the test has nothing to check.  The settings it had are put back.
 *
 * tests/console-tty.py also runs it on forklab's console as a person's program:
 *   termios raw N     prints "ready", reads N bytes in raw mode (cfmakeraw),
 *                     prints them in hex
 *   termios rawout    writes "a\nb\n" with ONLCR off
 *   termios wait      with nothing typed, prints what O_NONBLOCK's read
 *                     and poll's look say; then "ready", and once poll says
 *                     a line is there, the line
 *   termios isatty    prints isatty of fds 0, 1 and 2
 */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <termios.h>
#include <sys/ioctl.h>
#include "check.h"

#ifndef TIOCGPTN
#define TIOCGPTN	0x80045430	/* a pty's number */
#endif
#ifndef TIOCSPTLCK
#define TIOCSPTLCK	0x40045431	/* lock or unlock its slave */
#endif
#ifndef O_NOCTTY
#define O_NOCTTY	0400
#endif
#define UNKNOWN_REQUEST	0x54ff		/* no terminal has it */
#define NO_SUCH_GROUP	0x7ffffff0
#define BAD_WHEN	7
#define READ_DEADLINE	5		/* seconds: a read that blocks fails */
#define PATH_LEN	32
#define READ_MAX	64
#define TEST_ROWS	33
#define TEST_COLS	111

/* A new pty's slave, or -1; *master is kept open for it. */
static int open_pty(int *master)
{
	char path[PATH_LEN];
	int n, unlock = 0;

	*master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	if (*master < 0)
		return -1;
	if (ioctl(*master, TIOCSPTLCK, &unlock) < 0 || ioctl(*master, TIOCGPTN, &n) < 0)
		return -1;
	snprintf(path, sizeof(path), "/dev/pts/%d", n);
	return open(path, O_RDWR | O_NOCTTY);
}

static void check_isatty(int t)
{
	int p[2];

	CHECK_EQ(isatty(t), 1);
	CHECK_EQ(pipe(p), 0);
	errno = 0;
	CHECK_EQ(isatty(p[0]), 0);
	CHECK_EQ(errno, ENOTTY);
	CHECK_ERR(ioctl(p[0], TCGETS, &(struct termios){ 0 }), ENOTTY);
	close(p[0]);
	close(p[1]);
}

static void check_settings(int t)
{
	struct termios a, b;

	CHECK_EQ(tcgetattr(t, &a), 0);
	a.c_lflag &= ~(ECHO | ECHOCTL);
	a.c_oflag &= ~ONLCR;
	a.c_cc[VMIN] = 5;
	a.c_cc[VTIME] = 3;
	CHECK_EQ(tcsetattr(t, TCSANOW, &a), 0);
	CHECK_EQ(tcgetattr(t, &b), 0);
	CHECK_EQ(b.c_lflag, a.c_lflag);
	CHECK_EQ(b.c_oflag, a.c_oflag);
	CHECK_EQ(b.c_cc[VMIN], 5);
	CHECK_EQ(b.c_cc[VTIME], 3);
	cfmakeraw(&a);
	CHECK_EQ(tcsetattr(t, TCSAFLUSH, &a), 0);
	CHECK_EQ(tcgetattr(t, &b), 0);
	CHECK_EQ(b.c_lflag & (ICANON | ECHO | ISIG), 0);
	CHECK_EQ(b.c_oflag & OPOST, 0);
	CHECK_EQ(b.c_iflag & ICRNL, 0);
	CHECK_EQ(b.c_cc[VMIN], 1);
	CHECK_ERR(tcsetattr(t, BAD_WHEN, &a), EINVAL);
}

static void check_winsize(int t)
{
	struct winsize old, w = { .ws_row = TEST_ROWS, .ws_col = TEST_COLS }, got;

	CHECK_EQ(ioctl(t, TIOCGWINSZ, &old), 0);
	CHECK_EQ(ioctl(t, TIOCSWINSZ, &w), 0);
	CHECK_EQ(ioctl(t, TIOCGWINSZ, &got), 0);
	CHECK_EQ(got.ws_row, TEST_ROWS);
	CHECK_EQ(got.ws_col, TEST_COLS);
	CHECK_EQ(ioctl(t, TIOCSWINSZ, &old), 0);
}

static void check_errors(int t)
{
	int x = 0;

	CHECK_ERR(ioctl(t, UNKNOWN_REQUEST, &x), ENOTTY);
	CHECK_ERR(ioctl(t, TCGETS, NULL), EFAULT);
	CHECK_ERR(ioctl(t, TCSETS, NULL), EFAULT);
	CHECK_ERR(ioctl(t, TIOCGWINSZ, NULL), EFAULT);
	CHECK_ERR(ioctl(-1, TCGETS, &x), EBADF);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* A read from the background must fail at once, not block: if it blocks,
 * SIGALRM cuts it short (EINTR) and the check fails. */
static void check_background_read(int t)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	char c;

	sigaction(SIGALRM, &sa, NULL);
	alarm(READ_DEADLINE);
	CHECK_ERR(read(t, &c, 1), EIO);
	alarm(0);
}

/* In a child that leads a new session with t as its terminal: the
 * foreground group, and reading from the background.  Exits with the
 * number of failed checks. */
static void session_child(int t)
{
	pid_t other;

	signal(SIGTTIN, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);
	CHECK_ERR(ioctl(t, TIOCSCTTY, 1), EPERM);       /* not a leader yet */
	CHECK_EQ(setsid(), getpid());
	CHECK_EQ(ioctl(t, TIOCSCTTY, 1), 0);
	CHECK_EQ(tcgetpgrp(t), getpid());
	CHECK_ERR(tcsetpgrp(t, NO_SUCH_GROUP), ESRCH);
	CHECK_ERR(tcsetpgrp(t, getpgid(getppid())), EPERM);    /* not our session's */
	CHECK_ERR(tcsetpgrp(t, -1), EINVAL);
	other = fork();
	if (other == 0) {
		pause();
		_exit(0);
	}
	CHECK_EQ(setpgid(other, other), 0);
	CHECK_EQ(tcsetpgrp(t, other), 0);
	CHECK_EQ(tcgetpgrp(t), other);
	CHECK_EQ(ioctl(t, TIOCSCTTY, 0), 0);            /* ours already */
	CHECK_EQ(tcgetpgrp(t), other);
	check_background_read(t);
	CHECK_EQ(tcsetpgrp(t, getpid()), 0);
	kill(other, SIGKILL);
	waitpid(other, NULL, 0);
	_exit(*check_failures());
}

static void check_session(int t)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		session_child(t);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static int run_tests(void)
{
	struct termios saved;
	int master = -1, t = open_pty(&master);

	if (t < 0)
		t = isatty(STDIN_FILENO) ? STDIN_FILENO : -1;
	if (t < 0) {
		printf("no terminal: nothing to check\n");
		return TEST_PASS;
	}
	CHECK_EQ(tcgetattr(t, &saved), 0);
	check_isatty(t);
	check_settings(t);
	check_winsize(t);
	check_errors(t);
	CHECK_EQ(tcsetattr(t, TCSANOW, &saved), 0);
	check_session(t);
	return test_result();
}

static int raw_read(int n)
{
	struct termios saved, raw;
	unsigned char buf[READ_MAX];
	int got = 0;

	if (n < 1 || n > READ_MAX || tcgetattr(STDIN_FILENO, &saved) < 0)
		return TEST_FAIL;
	raw = saved;
	cfmakeraw(&raw);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw);
	printf("ready\n");
	fflush(stdout);
	while (got < n) {
		ssize_t r = read(STDIN_FILENO, buf + got, n - got);

		if (r <= 0)
			break;
		got += r;
	}
	tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	printf("got");
	for (int i = 0; i < got; i++)
		printf(" %02x", buf[i]);
	printf("\n");
	return got == n ? TEST_PASS : TEST_FAIL;
}

static int raw_write(void)
{
	struct termios saved, t;

	if (tcgetattr(STDOUT_FILENO, &saved) < 0)
		return TEST_FAIL;
	t = saved;
	t.c_oflag &= ~ONLCR;
	tcsetattr(STDOUT_FILENO, TCSANOW, &t);
	write(STDOUT_FILENO, "a\nb\n", 4);
	tcsetattr(STDOUT_FILENO, TCSANOW, &saved);
	return TEST_PASS;
}

static int wait_line(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	int flags = fcntl(STDIN_FILENO, F_GETFL);
	char line[READ_MAX] = "";
	ssize_t n;

	fcntl(STDIN_FILENO, F_SETFL, flags | O_NONBLOCK);
	n = read(STDIN_FILENO, line, sizeof(line));
	printf("nonblocking read %zd %s\n", n, n < 0 && errno == EAGAIN ? "EAGAIN" : "?");
	fcntl(STDIN_FILENO, F_SETFL, flags);
	printf("poll now %d\n", poll(&p, 1, 0));
	printf("ready\n");
	fflush(stdout);
	if (poll(&p, 1, -1) != 1 || !(p.revents & POLLIN))
		return TEST_FAIL;
	fcntl(STDIN_FILENO, F_SETFL, flags | O_NONBLOCK);
	n = read(STDIN_FILENO, line, sizeof(line) - 1);
	fcntl(STDIN_FILENO, F_SETFL, flags);
	printf("line %.*s", n > 0 ? (int)n : 0, line);
	return n > 0 ? TEST_PASS : TEST_FAIL;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "raw"))
		return raw_read(atoi(argv[2]));
	if (argc == 2 && !strcmp(argv[1], "rawout"))
		return raw_write();
	if (argc == 2 && !strcmp(argv[1], "wait"))
		return wait_line();
	if (argc == 2 && !strcmp(argv[1], "isatty")) {
		printf("isatty %d %d %d\n", isatty(0), isatty(1), isatty(2));
		return TEST_PASS;
	}
	return run_tests();
}
