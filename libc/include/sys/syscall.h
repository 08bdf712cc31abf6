/*
 * Linux x86-64 system call numbers: the ones this C library makes.  The
 * kernel side of the ABI is Linux's, so the numbers are too.
 */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#define SYS_read		0
#define SYS_write		1
#define SYS_close		3
#define SYS_fstat		5
#define SYS_lseek		8
#define SYS_poll		7
#define SYS_mmap		9
#define SYS_mprotect		10
#define SYS_munmap		11
#define SYS_brk			12
#define SYS_rt_sigaction	13
#define SYS_rt_sigprocmask	14
#define SYS_rt_sigreturn	15
#define SYS_ioctl		16
#define SYS_pipe		22
#define SYS_select		23
#define SYS_dup			32
#define SYS_dup2		33
#define SYS_pause		34
#define SYS_nanosleep		35
#define SYS_getitimer		36
#define SYS_alarm		37
#define SYS_setitimer		38
#define SYS_getpid		39
#define SYS_fork		57
#define SYS_vfork		58
#define SYS_execve		59
#define SYS_wait4		61
#define SYS_kill		62
#define SYS_uname		63
#define SYS_fcntl		72
#define SYS_getcwd		79
#define SYS_chdir		80
#define SYS_getrusage		98
#define SYS_times		100
#define SYS_getuid		102
#define SYS_getgid		104
#define SYS_geteuid		107
#define SYS_getegid		108
#define SYS_setpgid		109
#define SYS_getppid		110
#define SYS_getpgrp		111
#define SYS_setsid		112
#define SYS_getpgid		121
#define SYS_getsid		124
#define SYS_rt_sigpending	127
#define SYS_rt_sigtimedwait	128
#define SYS_rt_sigsuspend	130
#define SYS_sigaltstack		131
#define SYS_prctl		157
#define SYS_reboot		169
#define SYS_gettid		186
#define SYS_getdents64		217
#define SYS_clock_gettime	228
#define SYS_clock_getres	229
#define SYS_clock_nanosleep	230
#define SYS_exit_group		231
#define SYS_tgkill		234
#define SYS_openat		257
#define SYS_newfstatat		262
#define SYS_unlinkat		263
#define SYS_pselect6		270
#define SYS_ppoll		271
#define SYS_dup3		292
#define SYS_pipe2		293
#define SYS_prlimit64		302
#define SYS_getrandom		318

#endif
