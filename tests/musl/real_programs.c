/*
 * What an ordinary program does with its C library, all in one (built
 * with musl-gcc or gcc -static -pthread): a worker thread joined, fork
 * with SIGCHLD caught, popen, system, posix_spawn, a SIGSEGV recovered
 * from with siglongjmp, and alarm with pause.  Needs /bin/sh and /bin/echo.
 */
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define WORK            100000L
#define CHILD_STATUS    3
#define ALARM_SEC       1

extern char **environ;

static volatile sig_atomic_t sigchld_seen, alarm_seen;
static sigjmp_buf recover;

static void *worker(void *arg)
{
	long sum = 0;

	for (long i = 1; i <= (long)arg; i++)
		sum += i;
	return (void *)sum;
}

static int check_thread(void)
{
	pthread_t t;
	void *sum;

	return pthread_create(&t, NULL, worker, (void *)WORK) == 0 &&
	       pthread_join(t, &sum) == 0 && (long)sum == WORK * (WORK + 1) / 2;
}

static void on_sigchld(int sig)
{
	(void)sig;
	sigchld_seen = 1;
}

static int check_fork_sigchld(void)
{
	int status;
	pid_t pid;

	signal(SIGCHLD, on_sigchld);
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(CHILD_STATUS);
	while (waitpid(pid, &status, 0) < 0)
		;                       /* EINTR: the handler ran first */
	signal(SIGCHLD, SIG_DFL);
	return sigchld_seen && WIFEXITED(status) && WEXITSTATUS(status) == CHILD_STATUS;
}

static int check_popen_system_spawn(void)
{
	char line[16] = { 0 }, *argv[] = { "echo", "real_programs: spawned", NULL };
	FILE *f = popen("echo x", "r");
	int ok = f && fgets(line, sizeof(line), f) && pclose(f) == 0 && !strcmp(line, "x\n");
	int status = system("exit 3");
	pid_t pid;

	ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == CHILD_STATUS;
	fflush(stdout);
	if (posix_spawn(&pid, "/bin/echo", NULL, NULL, argv, environ) != 0)
		return 0;
	return ok && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0;
}

static void on_segv(int sig)
{
	siglongjmp(recover, sig);
}

static int check_segv_recovered(void)
{
	volatile int *nowhere = NULL;
	int sig;

	signal(SIGSEGV, on_segv);
	sig = sigsetjmp(recover, 1);
	if (sig == 0)
		*nowhere = 1;
	signal(SIGSEGV, SIG_DFL);
	return sig == SIGSEGV;
}

static void on_alarm(int sig)
{
	(void)sig;
	alarm_seen = 1;
}

static int check_alarm_pause(void)
{
	signal(SIGALRM, on_alarm);
	alarm(ALARM_SEC);
	while (!alarm_seen)
		pause();
	return 1;
}

int main(void)
{
	int fails = 0;

	fails += !check_thread();
	fails += !check_fork_sigchld();
	fails += !check_popen_system_spawn();
	fails += !check_segv_recovered();
	fails += !check_alarm_pause();
	fails += !check_thread();       /* threads still work after all that */
	printf("real_programs: %d checks failed\n", fails);
	return fails != 0;
}
