/*
 * Linux's system call interface: the constants forklab's kernel shares with
 * programs built for Linux, with Linux's x86-64 values, each defined here
 * once (Linux keeps them under include/uapi/).  Error numbers are in
 * kernel/errno.h, forklab's own prctl options in <forklab.h>.
 */
#ifndef KERNEL_UAPI_H
#define KERNEL_UAPI_H

/* Signals: their numbers (1 to NSIG), sigaction's flags, sigaltstack's,
 * and the si_code values the kernel reports. */
#define NSIG            64
#define SIGHUP          1
#define SIGINT          2
#define SIGQUIT         3
#define SIGILL          4
#define SIGTRAP         5
#define SIGABRT         6
#define SIGBUS          7
#define SIGFPE          8
#define SIGKILL         9
#define SIGUSR1         10
#define SIGSEGV         11
#define SIGPIPE         13
#define SIGALRM         14
#define SIGCHLD         17
#define SIGCONT         18
#define SIGSTOP         19
#define SIGTSTP         20
#define SIGTTIN         21
#define SIGTTOU         22
#define SIGURG          23
#define SIGWINCH        28

#define SIG_DFL         0
#define SIG_IGN         1

#define SA_NOCLDSTOP    0x00000001
#define SA_NOCLDWAIT    0x00000002
#define SA_SIGINFO      0x00000004
#define SA_RESTORER     0x04000000
#define SA_ONSTACK      0x08000000
#define SA_RESTART      0x10000000
#define SA_NODEFER      0x40000000
#define SA_RESETHAND    0x80000000UL

#define SS_ONSTACK      1
#define SS_DISABLE      2

#define SI_USER         0
#define SI_KERNEL       0x80
#define SI_TKILL        (-6)
#define SEGV_MAPERR     1
#define SEGV_ACCERR     2
#define BUS_ADRERR      2
#define ILL_ILLOPN      2
#define FPE_INTDIV      1
#define TRAP_BRKPT      1
#define CLD_EXITED      1
#define CLD_KILLED      2

/* wait4's options, and clone's: its low byte is the signal sent at exit. */
#define WNOHANG         1
#define WUNTRACED       2
#define WCONTINUED      8
#define WEXITED         4               /* waitid's: WUNTRACED is its WSTOPPED */
#define WNOWAIT         0x01000000
#define P_ALL           0               /* waitid's idtype */
#define P_PID           1
#define P_PGID          2
#define CSIGNAL         0xff
#define CLONE_VM        0x00000100
#define CLONE_FS        0x00000200
#define CLONE_FILES     0x00000400
#define CLONE_SIGHAND   0x00000800
#define CLONE_VFORK     0x00004000
#define CLONE_THREAD    0x00010000
#define CLONE_SYSVSEM   0x00040000
#define CLONE_SETTLS    0x00080000
#define CLONE_PARENT_SETTID  0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_DETACHED       0x00400000
#define CLONE_CHILD_SETTID   0x01000000

/* futex: operations, their flags, and the bitset that matches any waiter. */
#define FUTEX_WAIT              0
#define FUTEX_WAKE              1
#define FUTEX_REQUEUE           3
#define FUTEX_CMP_REQUEUE       4
#define FUTEX_WAKE_OP           5
#define FUTEX_WAIT_BITSET       9
#define FUTEX_WAKE_BITSET       10
#define FUTEX_PRIVATE_FLAG      128
#define FUTEX_CLOCK_REALTIME    256
#define FUTEX_BITSET_MATCH_ANY  0xffffffffU
#define FUTEX_WAITERS           0x80000000U     /* robust lock words: someone sleeps */
#define FUTEX_OWNER_DIED        0x40000000U     /* its owner ended holding it */
#define FUTEX_TID_MASK          0x3fffffffU     /* its owner's tid */

#define PATH_MAX        4096            /* bytes in a path, with its NUL */
#define NAME_MAX        255             /* bytes in one component of a path */
#define IOV_MAX         1024            /* iovecs in one readv or writev */

/* Files: open's flags, modes, directory entry types (d_type), seeks. */
#define O_ACCMODE       3
#define O_RDONLY        0
#define O_WRONLY        1
#define O_RDWR          2
#define O_CREAT         0100
#define O_EXCL          0200
#define O_NOCTTY        0400
#define O_TRUNC         01000
#define O_APPEND        02000
#define O_NONBLOCK      04000
#define O_DIRECTORY     0200000
#define O_NOFOLLOW      0400000
#define O_CLOEXEC       02000000

#define S_IFMT          0170000
#define S_IFLNK         0120000
#define S_IFDIR         0040000
#define S_IFCHR         0020000
#define S_IFREG         0100000
#define S_IFIFO         0010000

#define DT_CHR          2
#define DT_DIR          4
#define DT_REG          8
#define DT_LNK          10

#define AT_FDCWD        (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR    0x200
#define AT_SYMLINK_FOLLOW 0x400
#define AT_NO_AUTOMOUNT 0x800           /* accepted: forklab mounts nothing on demand */
#define AT_EACCESS      0x200           /* faccessat's; a flag of its own call */
#define AT_EMPTY_PATH   0x1000
#define SEEK_SET        0
#define SEEK_CUR        1
#define SEEK_END        2

/* Readiness, as poll and select report it: what a file's poll op returns
 * (kernel/poll.h). */
#define POLLIN          0x001
#define POLLPRI         0x002
#define POLLOUT         0x004
#define POLLERR         0x008
#define POLLHUP         0x010
#define POLLNVAL        0x020
#define POLLRDNORM      0x040
#define POLLRDBAND      0x080
#define POLLWRNORM      0x100
#define POLLWRBAND      0x200

/* fcntl's commands, and the one descriptor flag. */
#define F_DUPFD         0
#define F_GETFD         1
#define F_SETFD         2
#define F_GETFL         3
#define F_SETFL         4
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC      1
/* The file system calls: access's modes, renameat2's flags, utimensat's
 * special times, and the symlinks a path walk follows at most (ELOOP). */
#define F_OK            0
#define X_OK            1
#define W_OK            2
#define R_OK            4
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#define UTIME_NOW       ((1L << 30) - 1)
#define UTIME_OMIT      ((1L << 30) - 2)
#define SYMLOOP_MAX     40
#define ST_RDONLY       1               /* statfs's f_flags */
#define TMPFS_MAGIC     0x01021994
#define RAMFS_MAGIC     0x858458f6      /* what statfs says of the root image */
#define PROC_SUPER_MAGIC 0x9fa0

/* Memory: mmap's protections and flags. */
#define PROT_READ       0x1
#define PROT_WRITE      0x2
#define PROT_EXEC       0x4
#define MAP_TYPE        0x0f            /* the bits saying shared or private */
#define MAP_NORESERVE   0x4000
#define MAP_SHARED      0x01
#define MAP_PRIVATE     0x02
#define MAP_FIXED       0x10
#define MAP_ANONYMOUS   0x20
#define MS_ASYNC        1               /* msync's flags */
#define MS_INVALIDATE   2
#define MS_SYNC         4
#define MADV_DONTNEED   4               /* the advice madvise acts on... */
#define MADV_FREE       8
#define MADV_DONTNEED_LOCKED 24
#define MADV_COLLAPSE   25              /* ...and the last one Linux knows */

/* Clocks, the fs base, and reboot's magic numbers and commands. */
#define CLOCK_REALTIME  0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID  3
#define CLOCK_MONOTONIC_RAW      4
#define CLOCK_REALTIME_COARSE    5
#define CLOCK_MONOTONIC_COARSE   6
#define CLOCK_BOOTTIME           7
#define TIMER_ABSTIME   1
#define ARCH_SET_FS     0x1002
#define ARCH_GET_FS     0x1003
#define REBOOT_MAGIC1   0xfee1dead
#define REBOOT_MAGIC2   672274793
#define REBOOT_CMD_POWER_OFF 0x4321fedc
#define REBOOT_CMD_RESTART   0x01234567

/* prctl's options for the name ps shows. */
#define PR_SET_NAME     15
#define PR_GET_NAME     16

/* Terminals: struct termios as the TCGETS/TCSETS ioctls pass it (the
 * kernel's, not the C library's), its flags and c_cc slots, struct
 * winsize, and the ioctl requests. */
#define NCCS            19
struct termios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[NCCS];
};
struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};
#define ICRNL           0000400         /* c_iflag: '\r' in is '\n' */
#define OPOST           0000001         /* c_oflag: post-process output */
#define ONLCR           0000004         /* c_oflag: '\n' out is "\r\n" */
#define B115200         0010002         /* c_cflag: the line's speed */
#define CS8             0000060
#define CREAD           0000200
#define ISIG            0000001         /* c_lflag: VINTR, VQUIT signal */
#define ICANON          0000002         /* c_lflag: lines, with editing */
#define ECHO            0000010
#define ECHOE           0000020         /* VERASE, VWERASE rub out */
#define ECHOK           0000040         /* VKILL then a newline */
#define ECHOCTL         0001000         /* control characters echo as ^X */
#define VINTR           0
#define VQUIT           1
#define VERASE          2
#define VKILL           3
#define VEOF            4
#define VTIME           5
#define VMIN            6
#define VWERASE         14
#define TCGETS          0x5401
#define TCSETS          0x5402
#define TCSETSW         0x5403
#define TCSETSF         0x5404
#define TIOCSCTTY       0x540e
#define TIOCGPGRP       0x540f
#define TIOCSPGRP       0x5410
#define TIOCGWINSZ      0x5413
#define TIOCSWINSZ      0x5414

#endif
