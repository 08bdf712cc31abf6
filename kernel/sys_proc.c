/* Process system calls: fork, execve, exit, wait4, kill and friends. */
#include <string.h>
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/exec.h"
#include "kernel/sched.h"
#include "kernel/errno.h"
#include "kernel/uapi.h"
#include "kernel/file.h"
#include "kernel/memfd.h"
#include "kernel/initramfs.h"
#include "kernel/printk.h"
#include "mm/uaccess.h"
#include <forklab.h>

#define FD_PATH_LEN     32              /* "/dev/fd/" and an int */
#define CLONE_KNOWN     (CLONE_VM | CLONE_VFORK | CLONE_PARENT_SETTID | \
			 CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID)
#define CLONE_SHARING   (CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
			 CLONE_SYSVSEM | CLONE_SETTLS | CLONE_DETACHED)

long sys_fork(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct clone_args a = { .flags = SIGCHLD };

	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return proc_clone(&a);
}

/* A real vfork: the child runs in our address space while we sleep. */
long sys_vfork(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct clone_args a = { .flags = CLONE_VM | CLONE_VFORK | SIGCHLD };

	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return proc_clone(&a);
}

/* A thread: CLONE_THREAD needs CLONE_SIGHAND, which needs CLONE_VM, as
 * in Linux; the exit signal is ignored (no one waits for a thread).
 * CLONE_FS and CLONE_SYSVSEM share what forklab does not have apart. */
static long clone_thread(const struct clone_args *a)
{
	if (!(a->flags & CLONE_SIGHAND) || !(a->flags & CLONE_VM))
		return -EINVAL;
	return proc_clone(a);
}

/*
 * The forms C libraries use: a thread (pthread_create), fork (glibc adds
 * CLONE_CHILD_SETTID and CLONE_CHILD_CLEARTID), and vfork with a new stack
 * (posix_spawn).  A process sharing memory without vfork's wait, or
 * sharing descriptors or actions, is none of them: EINVAL, as for every
 * other flag.  A process always ends with SIGCHLD, since wait4 without
 * __WCLONE waits only for those.
 * Arguments in Linux's x86-64 order: flags, stack, ptid, ctid, tls.
 */
long sys_clone(uint64_t flags, uint64_t stack, uint64_t ptid, uint64_t ctid, uint64_t tls, uint64_t a5)
{
	struct clone_args a = { flags, stack, ptid, ctid, tls };

	(void)a5;
	if (flags & ~(CSIGNAL | CLONE_KNOWN | CLONE_SHARING))
		return -EINVAL;
	if (flags & CLONE_THREAD)
		return clone_thread(&a);
	if ((flags & CSIGNAL) != SIGCHLD || (flags & CLONE_SHARING))
		return -EINVAL;
	if ((flags & CLONE_VM) && !(flags & CLONE_VFORK))
		return -EINVAL;
	return proc_clone(&a);
}

/* Both C libraries fall back to clone when clone3 is missing; this keeps
 * the fallback out of the kernel log's list of missing calls. */
long sys_clone3(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return -ENOSYS;
}

/* An exec, done or refused, is checked as a fork or exit is. */
static long exec_checked(long err)
{
	run_mm_check(err < 0 ? "refused an exec" : "exec'd", current);
	return err;
}

long sys_execve(uint64_t upath, uint64_t argv, uint64_t envp, uint64_t a3, uint64_t a4, uint64_t a5)
{
	char path[PATH_MAX];
	long err = strncpy_from_user(path, (const char *)upath, sizeof(path));
	struct exec_args args = { (const char *const *)argv, (const char *const *)envp, 1 };

	(void)a3, (void)a4, (void)a5;
	if (err < 0)
		return err;
	return exec_checked(exec_program(current, path, &args));
}

static int memfd_window_map(void *f, struct initramfs_node *node)
{
	return memfd_map(f, node);
}

static void memfd_window_unmap(void *f, const struct initramfs_node *node)
{
	(void)node;
	memfd_unmap(f);
}

/* Runs the memfd open at fd; the file may close at the exec (close-on-exec),
 * so we hold a reference of our own while its bytes are in the window. */
static long exec_fd(int fd, const struct exec_args *a)
{
	struct exec_window win = { memfd_window_map, memfd_window_unmap, fd_file(fd) };
	char name[FD_PATH_LEN];
	long err;

	if (!win.obj)
		return -EBADF;
	file_get(win.obj);
	snprintf(name, sizeof(name), "/dev/fd/%d", fd);
	err = exec_windowed(current, &win, name, a);
	file_put(win.obj);
	return err;
}

/* execve relative to a directory descriptor, or, with AT_EMPTY_PATH and
 * an empty path, of the file open at dirfd itself (Linux's fexecve).  Only
 * the root directory exists, so a relative path needs AT_FDCWD; a file
 * exec can run by descriptor is a memfd. */
long sys_execveat(uint64_t dirfd, uint64_t upath, uint64_t argv, uint64_t envp, uint64_t flags, uint64_t a5)
{
	char path[PATH_MAX];
	long err = strncpy_from_user(path, (const char *)upath, sizeof(path));
	struct exec_args args = { (const char *const *)argv, (const char *const *)envp, 1 };

	(void)a5;
	if (err < 0)
		return err;
	if (!path[0] && !(flags & AT_EMPTY_PATH))
		return -ENOENT;
	if (flags & ~(uint64_t)(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW))
		return -EINVAL;
	if (!path[0])
		return exec_checked(exec_fd((int)dirfd, &args));
	if (path[0] != '/' && (int)dirfd != AT_FDCWD)
		return -EBADF;
	return exec_checked(exec_program(current, path, &args));
}

/* exit ends the calling thread; the process ends with its last thread. */
long sys_exit(uint64_t code, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	thread_exit(W_EXITED(code));
}

/* exit_group ends every thread of the process. */
long sys_exit_group(uint64_t code, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	proc_exit(W_EXITED(code));
}

long sys_kill(uint64_t pid, uint64_t sig, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return proc_kill((int)pid, (int)sig);
}

long sys_getpid(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return current->tgid;
}

long sys_gettid(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return current->pid;
}

long sys_getppid(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct proc *parent = current->leader->parent;

	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return parent ? parent->tgid : 0;
}

long sys_sched_yield(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	yield();
	return 0;
}

/* Returns the caller's thread id.  The word is zeroed, and a futex waiter
 * on it woken, when this thread leaves an address space someone else
 * still uses (its exit or exec). */
long sys_set_tid_address(uint64_t uaddr, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	current->clear_child_tid = uaddr;
	return current->pid;
}

/* Only user addresses: the kernel half's tables are the kernel's, and
 * their frames are none of the process's business. */
static long inspect(uint64_t addr, uint64_t uout)
{
	struct forklab_inspect out;

	if (!user_range_ok(addr, 1))
		return -EINVAL;
	mm_inspect(current->mm, addr, &out);
	return copy_to_user((void *)uout, &out, sizeof(out));
}

/* As Linux, reads at most PROC_NAME_MAX - 1 bytes: a longer name is cut. */
static long set_name(uint64_t uname)
{
	char name[PROC_NAME_MAX];
	long n = strncpy_from_user(name, (const char *)uname, sizeof(name) - 1);

	if (n < 0 && n != -ENAMETOOLONG)
		return n;
	name[n < 0 ? sizeof(name) - 1 : (size_t)n] = '\0';
	memcpy(current->name, name, sizeof(name));
	return 0;
}

/* The name, and forklab's options (forklab.h): the fork mode, and
 * inspecting a mapping. */
long sys_prctl(uint64_t uoption, uint64_t arg, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int option = (int)uoption;

	(void)a3, (void)a4, (void)a5;
	if (option == PR_SET_NAME)
		return set_name(arg);
	if (option == PR_GET_NAME)
		return copy_to_user((void *)arg, current->name, PROC_NAME_MAX);
	if (option == PR_INSPECT)
		return inspect(arg, a2);
	if (option == PR_GET_FORK_MODE)
		return current->attr->fork_mode;
	if (option != PR_SET_FORK_MODE || arg >= FORK_MODES)
		return -EINVAL;
	current->attr->fork_mode = arg;
	return 0;
}
