/*
 * Processes and threads.  A struct proc is one thread (kernel/thread.c
 * draws how the threads of a process share its state).  Each has an
 * address space, a kernel stack with its trapframe
 * at the top, a table of open files, and its place in the process tree.
 *
 *   kernel stack (KSTACK_SIZE, with unmapped guard pages below it)
 *   +----------------------+ <- kstack_top
 *   | struct trapframe     |    the user registers, saved on every entry
 *   +----------------------+ <- tf
 *   | kernel frames ...    |
 *   | saved context        | <- context (while not running: see swtch)
 *   +----------------------+
 *
 * States: UNUSED -> RUNNABLE <-> RUNNING -> ZOMBIE -> UNUSED (reaped by wait4),
 * and RUNNING -> SLEEPING -> RUNNABLE.
 */
#ifndef KERNEL_PROC_H
#define KERNEL_PROC_H

#include <stdint.h>
#include "arch/fpu.h"
#include "arch/percpu.h"
#include "arch/trap.h"
#include "mm/mm.h"
#include "kernel/signal.h"
#include "kernel/vfs.h"
#include "kernel/fdtable.h"

#define NPROC           512
#define PROC_NAME_MAX   16

enum proc_state { UNUSED, RUNNABLE, RUNNING, SLEEPING, ZOMBIE };

/* CPU time (the scheduler's and syscall_dispatch's measure), page faults
 * resolved, and the largest resident set seen, at exit or exec. */
struct usage {
	uint64_t cpu_ns, sys_ns, minflt, maxrss_pages;
};

#define RLIM_NLIMITS    16              /* Linux's resources, RLIMIT_CPU to RLIMIT_RTTIME */

struct rlimit {
	uint64_t cur, max;
};

/* What belongs to a process rather than to one of its threads, besides its
 * memory, files and signal actions: shared by its threads (procattr.c). */
struct procattr {
	int users;                      /* threads holding it, zombies too */
	int pgid, sid;                  /* process group and session (pgrp.c) */
	enum fork_mode fork_mode;       /* how the process's forks copy memory */
	struct rlimit rlimits[RLIM_NLIMITS];    /* as set, not enforced (sys_info.c) */
};

struct file;

/* A futex word's name (kernel/futex.c): address space and address, or,
 * in shared memory, a mark and the word's physical address. */
struct futex_key {
	const void *space;
	uint64_t addr;
};

/* A thread asleep in FUTEX_WAIT, while key.space is set. */
struct futex_wait {
	struct futex_key key;
	uint32_t bitset;
};

struct proc {
	struct fpu_state fpu;           /* first: FXSAVE needs 16-byte alignment */
	int pid;                        /* the thread id */
	int tgid;                       /* the process id: its leader's pid */
	struct proc *leader;            /* the thread group's first; itself for a leader */
	int threads;                    /* a leader: its group's threads not yet ended */
	int group_exit;                 /* a leader: exit_group, a fatal signal or an exec ends the others */
	struct usage threads_gone;      /* a leader: what its group's ended threads used */
	enum proc_state state;
	char name[PROC_NAME_MAX];
	struct proc *parent;
	struct mm *mm;
	struct fork_stats last_fork;    /* what its latest fork did */
	uint64_t kstack_top;
	struct trapframe *tf;
	uint64_t context;               /* saved kernel rsp while switched out */
	void *chan;                     /* what a SLEEPING process waits for */
	int killed;                     /* signal to die of, at the next chance */
	struct signals sig;             /* kernel/signal.c */
	struct procattr *attr;          /* ids, fork mode, limits: the process's */
	int syscall_nr;                 /* the call being made, to restart it; or -1 */
	int wait_status;                /* Linux wait status, once a ZOMBIE */
	int detached;                   /* a ZOMBIE nobody waits for: the scheduler frees it */
	uint64_t fs_base;
	uint64_t wake_tick;             /* nanosleep: wake at this tick */
	uint64_t set_child_tid;         /* CLONE_CHILD_SETTID: our tid goes here first */
	uint64_t clear_child_tid;       /* zeroed and futex-woken when we leave a shared mm */
	uint64_t robust_list;           /* set_robust_list's head, or 0 (futex_robust.c) */
	struct futex_wait futex;
	int vfork_pending;              /* our parent sleeps until we exec or exit */
	struct usage usage;             /* what we used (kernel/rusage.c) */
	struct usage children;          /* a leader: what its reaped children used, in all */
	uint64_t run_start;             /* time_ns when last switched in */
	uint64_t start_ns;              /* time_ns when made: /proc's starttime */
	struct fdtable *fdt;            /* open files: kernel/fdtable.h */
	struct fs_context fs;           /* a leader: working directory and umask (current_fs) */
	int slot;                       /* index in the process table */
	int cpu;                        /* the CPU it runs on, or last ran on */
};

/* What this CPU runs; NULL in its scheduler loop. */
#define current (this_cpu()->proc)
extern enum fork_mode default_fork_mode;

struct proc *proc_alloc(void);
void proc_free(struct proc *p);
struct proc *proc_find(int pid);
void proc_start_init(const char *path, char *const argv[]);

/* A new process or thread: flags already checked (sys_clone), a new user
 * stack pointer or 0, where to store its tid (ptid, ctid), its FS base. */
struct clone_args {
	uint64_t flags, stack, ptid, ctid, tls;
};
long proc_clone(const struct clone_args *a);
void proc_mm_release(struct proc *p);   /* p is done with its mm: exit or exec */
void proc_exit(int wait_status) __attribute__((noreturn));      /* every thread */
void thread_exit(int wait_status) __attribute__((noreturn));    /* the caller only */
void proc_take_leader_place(struct proc *old);   /* exec by a thread: kernel/thread.c */
long proc_kill(int pid, int sig);
long proc_kill_one(struct proc *p, int sig);   /* p NULL: -ESRCH */
void proc_check_killed(void);
int proc_count(void);
struct proc *proc_at(int slot);         /* for /proc and ps: NULL if unused */
int proc_last_pid(void);                /* the newest process's pid */
void proc_set_name(struct proc *p, const char *path);
void proc_power_off_if_done(void);
void proc_free_detached(struct proc *p);      /* by the scheduler, off p's stack */
int mm_check_all(void);                 /* mm_check of every process */
extern int mm_check_enabled;            /* mm_check=1: at every fork, exec and exit */
void run_mm_check(const char *event, struct proc *p);   /* if enabled */

/* Resource usage (kernel/rusage.c). */
uint64_t proc_cpu_ns(struct proc *p);   /* CPU time so far, the current slice too */
void rusage_note_rss(struct proc *p);   /* before p's mm goes: keep its peak */
void usage_add(struct usage *sum, const struct usage *u);  /* maxrss: the larger */
long rusage_to_user(void *urusage, const struct usage *u);

void rlimit_init(struct rlimit *r);     /* the limits forklab has */

/* kernel/procattr.c: what the threads of a process share. */
struct procattr *procattr_new(void);    /* init's defaults, one user; or NULL */
struct procattr *procattr_copy(const struct procattr *a);  /* a new process's; or NULL */
struct procattr *procattr_get(struct procattr *a);         /* a new thread's: the same */
void procattr_put(struct procattr *a);  /* NULL: nothing */

#define W_EXITED(code)  (((code) & 0xff) << 8)
#define W_SIGNALED(sig) ((sig) & 0x7f)
#define W_TERMSIG(st)   ((st) & 0x7f)
#define W_EXITSTATUS(st) (((st) >> 8) & 0xff)

/* kernel/thread.c: thread groups. */
void thread_group_init(struct proc *p);         /* p alone, its own leader */
void thread_join(struct proc *t, struct proc *creator);
struct proc *thread_next(struct proc *leader, struct proc *t);  /* live ones; t NULL: first */
void thread_kill_others(void);
void thread_ended(struct proc *t);
long thread_exec_alone(void);           /* 0, or -EINTR if killed meanwhile */
uint64_t group_cpu_ns(struct proc *p);  /* every thread's, the ended ones' too */

/* kernel/futex.c, futex_robust.c */
int futex_wake(uint64_t addr, int n);   /* current's word: how many woken */
void futex_robust_exit(void);           /* current ends or execs: its robust locks */

/* kernel/pgrp.c: process groups and sessions. */
#define PGRP_ALL        (-1)            /* every process but init and the caller */
long pgrp_kill(int pgid, int sig);
int pgrp_session(int pgid);                    /* -1: the group is empty */
void procdump(void);                           /* the process list, to the console */

#endif
