/*
 * waitid: a child chosen by pid, by process group or any, its exit or
 * signal in a siginfo (SIGCHLD, CLD_EXITED or CLD_KILLED, pid, uid,
 * status); WNOWAIT leaves it to be waited for again; WNOHANG with no
 * child ended gives 0 and a siginfo of zeros; no child gives ECHILD,
 * options asking for nothing or an unknown idtype EINVAL, a siginfo that
 * cannot be written EFAULT, the child reaped all the same.
 */
#include <signal.h>
#include <stdlib.h>
#include "check.h"

#define NR_WAITID       247
#define P_ALL_ID        0
#define P_PID_ID        1
#define P_PGID_ID       2
#define BAD_IDTYPE      7
#define WEXITED_OPT     4
#define WNOHANG_OPT     1
#define WNOWAIT_OPT     0x01000000
#define CLD_EXITED_CODE 1
#define CLD_KILLED_CODE 2
#define SIGCHLD_SIG     17
#define INFO_SIZE       128
#define GARBAGE         0x5a
#define CHILD_STATUS    5
#define SLOW_CHILD_US   200000

/* Linux's siginfo as waitid fills it. */
struct child_info {
	int signo, errno_, code, pad;
	int pid;
	unsigned uid;
	int status;
	char rest[INFO_SIZE - 7 * sizeof(int)];
};

static long waitid_(long idtype, long id, struct child_info *info, long options)
{
	register unsigned long r10 __asm__("r10") = (unsigned long)options;
	register unsigned long r8 __asm__("r8") = 0;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(NR_WAITID), "D"(idtype), "S"(id), "d"(info), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
}

static pid_t child_exiting(int status, int own_group)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		if (own_group)
			setpgid(0, 0);
		_exit(status);
	}
	if (own_group)
		setpgid(pid, pid);      /* both sides, so that neither races the other */
	return pid;
}

static void check_exited(const struct child_info *info, pid_t pid, int status)
{
	CHECK_EQ(info->signo, SIGCHLD_SIG);
	CHECK_EQ(info->code, CLD_EXITED_CODE);
	CHECK_EQ(info->pid, pid);
	CHECK_EQ(info->uid, getuid());
	CHECK_EQ(info->status, status);
}

static void test_by_pid_and_nowait(void)
{
	struct child_info info;
	pid_t pid = child_exiting(CHILD_STATUS, 0);

	memset(&info, GARBAGE, sizeof(info));
	CHECK_EQ(waitid_(P_PID_ID, pid, &info, WEXITED_OPT | WNOWAIT_OPT), 0);
	check_exited(&info, pid, CHILD_STATUS);
	memset(&info, GARBAGE, sizeof(info));
	CHECK_EQ(waitid_(P_PID_ID, pid, &info, WEXITED_OPT), 0);
	check_exited(&info, pid, CHILD_STATUS);
	CHECK_EQ(waitid_(P_PID_ID, pid, &info, WEXITED_OPT), -ECHILD);
}

static void test_by_group_and_any(void)
{
	struct child_info info;
	pid_t pid = child_exiting(CHILD_STATUS + 1, 1);

	CHECK_EQ(waitid_(P_PGID_ID, pid, &info, WEXITED_OPT), 0);
	check_exited(&info, pid, CHILD_STATUS + 1);
	pid = child_exiting(CHILD_STATUS + 2, 0);
	CHECK_EQ(waitid_(P_ALL_ID, 0, &info, WEXITED_OPT), 0);
	check_exited(&info, pid, CHILD_STATUS + 2);
	CHECK_EQ(waitid_(P_ALL_ID, 0, &info, WEXITED_OPT), -ECHILD);
}

static void test_killed(void)
{
	struct child_info info;
	pid_t pid = test_fork();

	if (pid == 0) {
		kill(getpid(), SIGKILL);
		_exit(1);
	}
	CHECK_EQ(waitid_(P_PID_ID, pid, &info, WEXITED_OPT), 0);
	CHECK_EQ(info.signo, SIGCHLD_SIG);
	CHECK_EQ(info.code, CLD_KILLED_CODE);
	CHECK_EQ(info.pid, pid);
	CHECK_EQ(info.status, SIGKILL);
}

/* A child still running: WNOHANG gives 0 and zeros where the child's
 * pid and signal would be. */
static void test_nohang(void)
{
	struct child_info info;
	pid_t pid = test_fork();

	if (pid == 0) {
		usleep(SLOW_CHILD_US);
		_exit(0);
	}
	memset(&info, GARBAGE, sizeof(info));
	CHECK_EQ(waitid_(P_PID_ID, pid, &info, WEXITED_OPT | WNOHANG_OPT), 0);
	CHECK_EQ(info.signo, 0);
	CHECK_EQ(info.pid, 0);
	CHECK_EQ(waitid_(P_PID_ID, pid, &info, WEXITED_OPT), 0);
	check_exited(&info, pid, 0);
}

static void test_errors(void)
{
	struct child_info info;
	pid_t pid;

	CHECK_EQ(waitid_(P_ALL_ID, 0, &info, WEXITED_OPT), -ECHILD);
	CHECK_EQ(waitid_(P_ALL_ID, 0, &info, 0), -EINVAL);
	CHECK_EQ(waitid_(P_ALL_ID, 0, &info, WNOHANG_OPT), -EINVAL);
	CHECK_EQ(waitid_(BAD_IDTYPE, 0, &info, WEXITED_OPT), -EINVAL);
	CHECK_EQ(waitid_(P_PID_ID, 0, &info, WEXITED_OPT), -EINVAL);
	pid = child_exiting(0, 0);
	CHECK_EQ(waitid_(P_PID_ID, pid, (struct child_info *)8, WEXITED_OPT), -EFAULT);
	CHECK_EQ(waitid_(P_PID_ID, pid, &info, WEXITED_OPT | WNOHANG_OPT), -ECHILD);
}

int main(void)
{
	test_by_pid_and_nowait();
	test_by_group_and_any();
	test_killed();
	test_nohang();
	test_errors();
	return test_result();
}
