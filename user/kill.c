/* kill [-SIGNAL | -s SIGNAL] PID...: sends the signal (default SIGTERM) to
 * each process; a negative PID names a process group.  SIGNAL is a number
 * or a name, with or without "SIG" ("-9", "-KILL", "-SIGKILL").  kill -l
 * lists the names.  A group whose number could be read as a signal
 * comes after "--": kill -- -5. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[NSIG] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT", [SIGILL] = "ILL",
	[SIGTRAP] = "TRAP", [SIGABRT] = "ABRT", [SIGBUS] = "BUS", [SIGFPE] = "FPE",
	[SIGKILL] = "KILL", [SIGUSR1] = "USR1", [SIGSEGV] = "SEGV",
	[SIGUSR2] = "USR2", [SIGPIPE] = "PIPE", [SIGALRM] = "ALRM",
	[SIGTERM] = "TERM", [SIGSTKFLT] = "STKFLT", [SIGCHLD] = "CHLD",
	[SIGCONT] = "CONT", [SIGSTOP] = "STOP", [SIGTSTP] = "TSTP",
	[SIGTTIN] = "TTIN", [SIGTTOU] = "TTOU", [SIGURG] = "URG",
	[SIGXCPU] = "XCPU", [SIGXFSZ] = "XFSZ", [SIGVTALRM] = "VTALRM",
	[SIGPROF] = "PROF", [SIGWINCH] = "WINCH", [SIGIO] = "IO",
	[SIGPWR] = "PWR", [SIGSYS] = "SYS",
};

/* Returns the signal s names, or -1. */
static int parse_signal(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (end != s && !*end)
		return n >= 0 && n < NSIG ? n : -1;
	if (!strncmp(s, "SIG", 3))
		s += 3;
	for (int sig = 1; sig < NSIG; sig++)
		if (names[sig] && !strcmp(s, names[sig]))
			return sig;
	return -1;
}

static void list(void)
{
	for (int sig = 1; sig < NSIG; sig++)
		if (names[sig])
			printf("%2d %s\n", sig, names[sig]);
}

static int usage(void)
{
	fprintf(stderr, "usage: kill [-SIGNAL | -s SIGNAL] PID... | kill -l\n");
	return EXIT_FAILURE;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, status = EXIT_SUCCESS;
	const char *name = NULL;

	if (argc == 2 && !strcmp(argv[1], "-l")) {
		list();
		return EXIT_SUCCESS;
	}
	if (argc > 2 && !strcmp(argv[1], "-s"))
		name = argv[2], i = 3;
	else if (argc > 1 && argv[1][0] == '-' && argv[1][1] && argv[1][1] != '-')
		name = argv[1] + 1, i = 2;
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (name && (sig = parse_signal(name)) < 0) {
		fprintf(stderr, "kill: %s: no such signal\n", name);
		return EXIT_FAILURE;
	}
	if (i == argc)
		return usage();
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);

		if (end == argv[i] || *end) {
			fprintf(stderr, "kill: %s: not a process id\n", argv[i]);
			status = EXIT_FAILURE;
		} else if (kill(pid, sig) < 0) {
			fprintf(stderr, "kill: %s: %s\n", argv[i], strerror(errno));
			status = EXIT_FAILURE;
		}
	}
	return status;
}
