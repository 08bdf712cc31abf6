/* musl's signals on forklab: its sigaction and restorer, siginfo, a
 * SIGSEGV handler left with siglongjmp, SIGCHLD, and abort(), which must
 * end the process with SIGABRT even though a handler returns. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int usr1, chld;
static volatile void *fault_at;
static sigjmp_buf out;
static int *volatile unmapped = (int *)16;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	usr1 = sig == SIGUSR1 && si->si_pid == getpid();
}

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	fault_at = si->si_addr;
	siglongjmp(out, 1);
}

static void on_chld(int sig)
{
	chld = sig;
}

static void on_abrt(int sig)
{
	(void)sig;
}

static void catch(int sig, void (*fn)(int, siginfo_t *, void *))
{
	struct sigaction sa = { .sa_sigaction = fn, .sa_flags = SA_SIGINFO };

	sigaction(sig, &sa, NULL);
}

int main(void)
{
	int status;
	pid_t pid;

	catch(SIGUSR1, on_usr1);
	kill(getpid(), SIGUSR1);
	if (!usr1)
		return 1;
	catch(SIGSEGV, on_segv);
	if (!sigsetjmp(out, 1))
		*unmapped = 1;
	if (fault_at != unmapped)
		return 2;
	signal(SIGCHLD, on_chld);
	pid = fork();
	if (pid == 0) {
		signal(SIGABRT, on_abrt);
		abort();
	}
	if (waitpid(pid, &status, 0) != pid || !WIFSIGNALED(status) ||
	    WTERMSIG(status) != SIGABRT || chld != SIGCHLD)
		return 3;
	puts("musl signals ok");
	return 0;
}
