/*
 * clone in the forms C libraries use, and vfork.  glibc's fork is
 * clone(SIGCHLD | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID): the child
 * finds its tid at ctid in its own memory, the parent's copy is left
 * alone.  CLONE_PARENT_SETTID stores the tid in the parent.  vfork's child
 * runs in the parent's memory while the parent sleeps until the child
 * execs or exits; the word set_tid_address named is zeroed when the child
 * leaves that shared memory.  Flag combinations Linux refuses give EINVAL.
 */
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include "check.h"

#define NR_CLONE		56
#define NR_GETPID		39
#define NR_SET_TID_ADDRESS	218
#define SIGCHLD_SIG		17
#define CLONE_VM_FLAG		0x00000100
#define CLONE_SIGHAND_FLAG	0x00000800
#define CLONE_THREAD_FLAG	0x00010000
#define CLONE_PARENT_SETTID_FLAG 0x00100000
#define CLONE_CHILD_CLEARTID_FLAG 0x00200000
#define CLONE_CHILD_SETTID_FLAG	0x01000000
#define UNSET			(-1)
#define CHILD_WROTE		0x5a5a
#define SLOW_CHILD_NS		50000000	/* 50 ms: a parent not asleep would see 0 */
#define EXEC_FLAG		"--exit-with"
#define EXEC_STATUS		37
#define EXEC_FAILED		127

static volatile int tid_word = UNSET, ptid_word = UNSET;
static volatile int shared_word;

/* Without CLONE_VM and with no new stack, clone is fork: it returns twice
 * on the same stack, each in its own memory. */
static long raw_clone(unsigned long flags, volatile int *ptid, volatile int *ctid)
{
	return raw_syscall4(NR_CLONE, flags, 0, (unsigned long)ptid, (unsigned long)ctid);
}

static void test_glibc_fork_form(void)
{
	int status = NO_STATUS;
	long pid;

	fflush(stdout);
	pid = raw_clone(SIGCHLD_SIG | CLONE_CHILD_SETTID_FLAG | CLONE_CHILD_CLEARTID_FLAG,
			NULL, &tid_word);
	if (pid == 0)
		_exit(tid_word == raw_syscall3(NR_GETPID, 0, 0, 0) ? 0 : 1);
	CHECK(pid > 0);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	CHECK_EQ(tid_word, UNSET);              /* the child's copy, not ours */
}

static void test_parent_settid(void)
{
	int status = NO_STATUS;
	long pid;

	fflush(stdout);
	pid = raw_clone(SIGCHLD_SIG | CLONE_PARENT_SETTID_FLAG, &ptid_word, NULL);
	if (pid == 0)
		_exit(0);
	CHECK(pid > 0);
	CHECK_EQ(ptid_word, pid);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
}

static void test_refused(void)
{
	CHECK_EQ(raw_clone(SIGCHLD_SIG | CLONE_SIGHAND_FLAG, NULL, NULL), -EINVAL);
	CHECK_EQ(raw_clone(SIGCHLD_SIG | CLONE_THREAD_FLAG, NULL, NULL), -EINVAL);
	CHECK_EQ(raw_clone(SIGCHLD_SIG | CLONE_VM_FLAG | CLONE_THREAD_FLAG, NULL, NULL), -EINVAL);
}

/* The child writes our memory, slowly: we must be asleep until it exits. */
static void test_vfork_shares_and_waits(void)
{
	struct timespec slow = { 0, SLOW_CHILD_NS };
	int status = NO_STATUS;
	pid_t pid;

	shared_word = 0;
	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		nanosleep(&slow, NULL);
		shared_word = CHILD_WROTE;
		_exit(0);
	}
	CHECK(pid > 0);
	CHECK_EQ(shared_word, CHILD_WROTE);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
}

static volatile int usr1_taken;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_taken = 1;
}

/* A signal with a handler does not end the parent's wait: the child runs
 * on its stack until it exits, and only then does the handler run. */
static void test_vfork_wait_ignores_handlers(void)
{
	struct timespec slow = { 0, SLOW_CHILD_NS };
	struct sigaction sa = { .sa_handler = on_usr1 };
	int status = NO_STATUS;
	pid_t pid, parent = getpid();

	sigemptyset(&sa.sa_mask);
	CHECK_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	shared_word = 0;
	usr1_taken = 0;
	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		kill(parent, SIGUSR1);
		nanosleep(&slow, NULL);
		shared_word = CHILD_WROTE;
		_exit(0);
	}
	CHECK(pid > 0);
	CHECK_EQ(shared_word, CHILD_WROTE);
	CHECK_EQ(usr1_taken, 1);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	signal(SIGUSR1, SIG_DFL);
}

/* The word the child named with set_tid_address is zeroed as it leaves. */
static void test_vfork_clears_tid(void)
{
	int status = NO_STATUS;
	pid_t pid;

	tid_word = UNSET;
	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		raw_syscall3(NR_SET_TID_ADDRESS, (unsigned long)&tid_word, 0, 0);
		_exit(0);
	}
	CHECK(pid > 0);
	CHECK_EQ(tid_word, 0);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
}

/* The parent goes on once the child execs, and sees what it wrote before. */
static void test_vfork_exec(char *self)
{
	char *args[] = { self, EXEC_FLAG, NULL };
	int status = NO_STATUS;
	pid_t pid;

	shared_word = 0;
	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		shared_word = CHILD_WROTE;
		execv(self, args);
		_exit(EXEC_FAILED);
	}
	CHECK(pid > 0);
	CHECK_EQ(shared_word, CHILD_WROTE);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, EXEC_STATUS);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], EXEC_FLAG) == 0)
		return EXEC_STATUS;
	test_glibc_fork_form();
	test_parent_settid();
	test_refused();
	test_vfork_shares_and_waits();
	test_vfork_wait_ignores_handlers();
	test_vfork_clears_tid();
	test_vfork_exec(argv[0]);
	return test_result();
}
