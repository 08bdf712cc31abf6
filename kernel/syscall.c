/*
 * System call dispatch.  Numbers, arguments and results follow Linux on
 * x86-64: the number in rax, arguments in rdi, rsi, rdx, r10, r8, r9, and
 * the result (or -errno) back in rax.  The number is an int, as in Linux:
 * only the low half of rax is read.  Handlers take whole registers and
 * read an argument that Linux declares int (a descriptor, a clock id, a
 * signal, flags) from its low half only.
 */
#include <stddef.h>
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/printk.h"
#include "kernel/errno.h"
#include "arch/trap.h"

#define NR_SYSCALLS     436

static const syscall_fn table[NR_SYSCALLS] = {
	[0] = sys_read, [1] = sys_write, [2] = sys_open, [3] = sys_close, [4] = sys_stat,
	[5] = sys_fstat, [6] = sys_lstat, [7] = sys_poll, [8] = sys_lseek, [9] = sys_mmap,
	[10] = sys_mprotect, [11] = sys_munmap, [12] = sys_brk, [13] = sys_rt_sigaction,
	[14] = sys_rt_sigprocmask, [15] = sys_rt_sigreturn, [16] = sys_ioctl,
	[17] = sys_pread64, [18] = sys_pwrite64, [19] = sys_readv, [20] = sys_writev,
	[21] = sys_access, [22] = sys_pipe, [23] = sys_select, [24] = sys_sched_yield,
	[26] = sys_msync, [28] = sys_madvise, [32] = sys_dup, [33] = sys_dup2,
	[34] = sys_pause, [35] = sys_nanosleep, [36] = sys_getitimer, [37] = sys_alarm,
	[38] = sys_setitimer, [39] = sys_getpid, [56] = sys_clone, [57] = sys_fork,
	[58] = sys_vfork, [59] = sys_execve, [60] = sys_exit, [61] = sys_wait4,
	[62] = sys_kill, [63] = sys_uname, [72] = sys_fcntl, [74] = sys_fsync,
	[75] = sys_fsync, [76] = sys_truncate, [77] = sys_ftruncate, [79] = sys_getcwd,
	[80] = sys_chdir, [81] = sys_fchdir, [82] = sys_rename, [83] = sys_mkdir,
	[84] = sys_rmdir, [85] = sys_creat, [86] = sys_link, [87] = sys_unlink,
	[88] = sys_symlink, [89] = sys_readlink, [90] = sys_chmod, [91] = sys_fchmod,
	[92] = sys_chown, [93] = sys_fchown, [94] = sys_lchown, [95] = sys_umask,
	[96] = sys_gettimeofday, [97] = sys_getrlimit, [98] = sys_getrusage,
	[99] = sys_sysinfo, [100] = sys_times, [102] = sys_getuid, [104] = sys_getuid,
	[105] = sys_setuid, [106] = sys_setuid, [107] = sys_getuid, [108] = sys_getuid,
	[109] = sys_setpgid, [110] = sys_getppid, [111] = sys_getpgrp, [112] = sys_setsid,
	[115] = sys_getgroups, [121] = sys_getpgid, [124] = sys_getsid,
	[127] = sys_rt_sigpending, [128] = sys_rt_sigtimedwait, [130] = sys_rt_sigsuspend,
	[131] = sys_sigaltstack, [137] = sys_statfs, [138] = sys_fstatfs, [157] = sys_prctl,
	[158] = sys_arch_prctl, [160] = sys_setrlimit, [162] = sys_sync, [169] = sys_reboot,
	[186] = sys_gettid, [200] = sys_tkill, [201] = sys_time, [202] = sys_futex,
	[204] = sys_sched_getaffinity, [217] = sys_getdents64, [218] = sys_set_tid_address,
	[228] = sys_clock_gettime, [229] = sys_clock_getres, [230] = sys_clock_nanosleep,
	[231] = sys_exit_group, [234] = sys_tgkill, [247] = sys_waitid, [257] = sys_openat,
	[258] = sys_mkdirat, [260] = sys_fchownat, [262] = sys_newfstatat,
	[263] = sys_unlinkat, [264] = sys_renameat, [265] = sys_linkat, [266] = sys_symlinkat,
	[267] = sys_readlinkat, [268] = sys_fchmodat, [269] = sys_faccessat,
	[270] = sys_pselect6, [271] = sys_ppoll, [273] = sys_set_robust_list,
	[274] = sys_get_robust_list, [280] = sys_utimensat, [292] = sys_dup3,
	[293] = sys_pipe2, [302] = sys_prlimit64, [306] = sys_syncfs, [316] = sys_renameat2,
	[318] = sys_getrandom, [319] = sys_memfd_create, [322] = sys_execveat,
	[334] = sys_rseq, [435] = sys_clone3,
};

/* Logs an unknown number once (numbers past the table share one slot), so
 * that someone porting a program sees what it is missing. */
static long unknown(uint32_t nr)
{
	static uint64_t logged[NR_SYSCALLS / 64 + 1];
	uint32_t slot = nr < NR_SYSCALLS ? nr : NR_SYSCALLS;

	if (!(logged[slot / 64] & (1UL << slot % 64))) {
		logged[slot / 64] |= 1UL << slot % 64;
		pr_warn("pid %d (%s): unknown system call %u\n", current->pid, current->name, nr);
	}
	return -ENOSYS;
}

void syscall_dispatch(struct trapframe *tf)
{
	uint32_t nr = (uint32_t)tf->rax;
	syscall_fn fn = nr < NR_SYSCALLS ? table[nr] : NULL;
	uint64_t cpu_before = proc_cpu_ns(current);

	current->syscall_nr = (int)nr;
	tf->rax = fn ? fn(tf->rdi, tf->rsi, tf->rdx, tf->r10, tf->r8, tf->r9) : unknown(nr);
	current->usage.sys_ns += proc_cpu_ns(current) - cpu_before;
	proc_check_killed();
	preempt_point();
	proc_check_killed();
}
