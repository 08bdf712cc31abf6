/*
 * Linux's system call interface: the constants forklab's kernel shares with
 * programs built for Linux, with Linux's x86-64 values.  Those the C
 * library's headers also give are defined once, in libc/include/abi/, which
 * both include (as Linux keeps them under include/uapi/); the rest, which
 * only the kernel needs, are here.  Error numbers are in kernel/errno.h,
 * forklab's own prctl options in <forklab.h>.
 */
#ifndef KERNEL_UAPI_H
#define KERNEL_UAPI_H

#include <abi/dirent.h>
#include <abi/fcntl.h>
#include <abi/futex.h>
#include <abi/ioctl.h>
#include <abi/limits.h>
#include <abi/mman.h>
#include <abi/poll.h>
#include <abi/prctl.h>
#include <abi/reboot.h>
#include <abi/signal.h>
#include <abi/stat.h>
#include <abi/termios.h>
#include <abi/time.h>
#include <abi/unistd.h>
#include <abi/wait.h>

/* Signals are 1 to NSIG (the C library's NSIG is one more).  A handler is
 * an address here, a function pointer in <signal.h>. */
#define NSIG            SIGRTMAX
#define SIG_DFL         0
#define SIG_IGN         1

/* clone's flags: its low byte is the signal sent at exit. */
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

/* The file system calls: renameat2's flags, the symlinks a path walk
 * follows at most (ELOOP), and what statfs says. */
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#define SYMLOOP_MAX     40
#define ST_RDONLY       1               /* statfs's f_flags */
#define TMPFS_MAGIC     0x01021994
#define RAMFS_MAGIC     0x858458f6      /* what statfs says of the root image */
#define PROC_SUPER_MAGIC 0x9fa0

/* arch_prctl's: the fs base. */
#define ARCH_SET_FS     0x1002
#define ARCH_GET_FS     0x1003

#endif
