#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include <stdint.h>

typedef long (*syscall_fn)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);

/* Handlers, by file.  Each takes the syscall's arguments as Linux passes them. */
#define SYS(name) long sys_##name(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t)
SYS(read); SYS(write); SYS(writev); SYS(open); SYS(openat); SYS(close); SYS(fstat);
SYS(stat); SYS(newfstatat); SYS(lseek); SYS(getdents64); SYS(pipe); SYS(pipe2);
SYS(dup); SYS(dup2); SYS(ioctl);
SYS(mmap); SYS(munmap); SYS(mprotect); SYS(brk); SYS(madvise); SYS(msync);
SYS(fork); SYS(vfork); SYS(clone); SYS(clone3); SYS(execve); SYS(exit); SYS(wait4); SYS(kill);
SYS(exit_group); SYS(gettid); SYS(futex); SYS(waitid);
SYS(getpid); SYS(getppid); SYS(sched_yield); SYS(set_tid_address); SYS(prctl);
SYS(arch_prctl);
SYS(nanosleep); SYS(clock_gettime); SYS(uname); SYS(getrandom); SYS(reboot);
SYS(getcwd);
SYS(rt_sigaction); SYS(rt_sigprocmask); SYS(rt_sigreturn); SYS(rt_sigpending);
SYS(rt_sigsuspend); SYS(rt_sigtimedwait); SYS(pause); SYS(sigaltstack); SYS(tkill); SYS(tgkill);
SYS(alarm); SYS(setitimer); SYS(getitimer);
SYS(setpgid); SYS(getpgid); SYS(getpgrp); SYS(setsid); SYS(getsid);
SYS(memfd_create); SYS(execveat);
SYS(clock_getres); SYS(clock_nanosleep); SYS(time); SYS(gettimeofday);
SYS(getrusage); SYS(times);
SYS(getuid); SYS(setuid); SYS(getgroups); SYS(prlimit64); SYS(getrlimit); SYS(setrlimit);
SYS(sysinfo); SYS(sched_getaffinity); SYS(set_robust_list); SYS(get_robust_list); SYS(rseq);
SYS(fcntl); SYS(dup3);
SYS(poll); SYS(ppoll); SYS(select); SYS(pselect6);
SYS(lstat); SYS(pread64); SYS(pwrite64); SYS(readv);
SYS(access); SYS(faccessat); SYS(fsync); SYS(sync); SYS(syncfs); SYS(truncate); SYS(ftruncate); SYS(chdir); SYS(fchdir);
SYS(rename); SYS(renameat); SYS(renameat2); SYS(mkdir); SYS(mkdirat); SYS(rmdir); SYS(creat);
SYS(link); SYS(linkat); SYS(unlink); SYS(unlinkat); SYS(symlink); SYS(symlinkat);
SYS(readlink); SYS(readlinkat); SYS(chmod); SYS(fchmod); SYS(fchmodat); SYS(umask);
SYS(chown); SYS(fchown); SYS(lchown); SYS(fchownat);
SYS(statfs); SYS(fstatfs); SYS(utimensat);
#undef SYS

long clock_read(int clock, uint64_t *ns);      /* kernel/sys_misc.c: -EINVAL if none */

struct file;
struct file *fd_file(int fd);
int fd_install(struct file *f, int cloexec);   /* lowest free fd, or -EMFILE */
int fd_install_from(struct file *f, int cloexec, int low);     /* lowest free >= low */
int fd_dup_to(int fd, int to, int cloexec);    /* fd is open, to in range: to */
int fd_cloexec(int fd);                        /* fd is open: its close-on-exec bit */
void fd_set_cloexec(int fd, int cloexec);

#endif
