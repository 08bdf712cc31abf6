/*
 * The process table and the life of a process: creation (fork and the
 * first process), exit, wait and kill.  A signal's delivery is
 * kernel/signal.c's; process groups and sessions are kernel/pgrp.c's.
 */
#include <string.h>
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/file.h"
#include "kernel/console.h"
#include "kernel/exec.h"
#include "kernel/errno.h"
#include "kernel/uapi.h"
#include "kernel/printk.h"
#include "kernel/panic.h"
#include "mm/heap.h"
#include "mm/kstack.h"
#include "mm/kmap.h"
#include "mm/frame.h"
#include "mm/failinject.h"
#include "mm/uaccess.h"
#include "arch/poweroff.h"
#include "arch/x86.h"
#include "arch/tsc.h"

#define INIT_PID        1
#define INIT_UMASK      022             /* files 0644, directories 0755 */
#define CONTEXT_REGS    6               /* what swtch pops before rflags */
#define CONTEXT_RBX     4               /* popped second to last */
#define EXIT_SIGNAL_BASE 128            /* a shell's status for "killed by N" */

void fork_return(void);

static struct proc *table[NPROC];
int mm_check_enabled;
static uint64_t mm_checks, mm_check_failures;
static int next_pid = INIT_PID;
static struct proc *init_proc;
enum fork_mode default_fork_mode = FORK_ODF;

struct proc *proc_at(int slot)
{
	return table[slot];
}

int proc_last_pid(void)
{
	return next_pid - 1;
}

struct proc *proc_find(int pid)
{
	for (int i = 0; i < NPROC; i++)
		if (table[i] && table[i]->pid == pid && table[i]->state != UNUSED)
			return table[i];
	return NULL;
}

int proc_count(void)
{
	int n = 0;

	for (int i = 0; i < NPROC; i++)
		n += table[i] != NULL;
	return n;
}

/* The first swtch() into p "returns" to fork_return with rbx = p->tf and
 * the kernel's rflags. */
static void prepare_context(struct proc *p)
{
	uint64_t *sp = (uint64_t *)p->tf;

	*--sp = (uint64_t)fork_return;
	*--sp = RFLAGS_KERNEL;
	for (int i = 0; i < CONTEXT_REGS; i++)
		*--sp = 0;
	sp[CONTEXT_RBX] = (uint64_t)p->tf;
	p->context = (uint64_t)sp;
}

/* A new process with a kernel stack and a blank trapframe, or NULL.  Its
 * signal actions and its procattr (ids, fork mode, limits) are its
 * maker's to give: copies (or a share) at fork, the defaults for init. */
struct proc *proc_alloc(void)
{
	int slot = 0;
	struct proc *p;

	while (slot < NPROC && table[slot])
		slot++;
	if (slot == NPROC || !(p = kzalloc(sizeof(*p))))
		return NULL;
	p->kstack_top = kstack_alloc(slot);
	if (!p->kstack_top) {
		kfree(p);
		return NULL;
	}
	p->slot = slot;
	p->pid = next_pid++;
	p->start_ns = time_ns();
	thread_group_init(p);
	p->tf = (struct trapframe *)(p->kstack_top - sizeof(struct trapframe));
	memset(p->tf, 0, sizeof(*p->tf));
	prepare_context(p);
	table[slot] = p;
	return p;
}

void proc_free(struct proc *p)
{
	fdtable_put(p->fdt);
	kstack_free(p->slot);
	table[p->slot] = NULL;
	signal_hand_put(p->sig.hand);
	procattr_put(p->attr);
	kfree(p);
}

void proc_set_name(struct proc *p, const char *path)
{
	const char *base = strrchr(path, '/');

	strncpy(p->name, base ? base + 1 : path, PROC_NAME_MAX - 1);
	p->name[PROC_NAME_MAX - 1] = '\0';
}

/* With mm_check=1, after every fork, exec and exit (tests boot with it). */
void run_mm_check(const char *event, struct proc *p)
{
	if (!mm_check_enabled)
		return;
	mm_checks++;
	if (mm_check_all() < 0) {
		mm_check_failures++;
		kprintf("mm_check: failed after pid %d (%s) %s\n", p->pid, p->name, event);
	}
}

/* A vfork child and its parent share one mm: each is checked once. */
int mm_check_all(void)
{
	static struct mm *mms[NPROC];
	int n = 0;

	for (int i = 0; i < NPROC; i++) {
		struct mm *mm = table[i] ? table[i]->mm : NULL;
		int seen = 0;

		for (int j = 0; mm && j < n && !seen; j++)
			seen = mms[j] == mm;
		if (mm && !seen)
			mms[n++] = mm;
	}
	return mm_check(mms, n);
}

/* With CLONE_VM the child shares the parent's address space (a thread, or
 * vfork's child, which borrows it); otherwise a copy in the parent's fork
 * mode. */
static struct mm *child_mm(uint64_t flags)
{
	if (flags & CLONE_VM) {
		mm_get(current->mm);
		return current->mm;
	}
	return mm_fork(current->mm, current->attr->fork_mode, &current->last_fork);
}

/* The parent of a vfork child sleeps until the child execs or exits
 * (proc_mm_release).  A signal with a handler must not wake it: the child
 * runs on its memory and stack.  Only SIGKILL ends the wait early. */
static void vfork_wait(struct proc *child)
{
	while (child->vfork_pending)
		if (sleep_killable(&child->vfork_pending) < 0)
			return;
}

/* The child's descriptors: the same table (CLONE_FILES) or a copy. */
static struct fdtable *child_files(uint64_t flags)
{
	if (flags & CLONE_FILES) {
		fdtable_get(current->fdt);
		return current->fdt;
	}
	return fdtable_copy(current->fdt);
}

/* The child's signal actions: the same ones (CLONE_SIGHAND) or a copy. */
static struct sighand *child_sighand(uint64_t flags)
{
	if (flags & CLONE_SIGHAND) {
		current->sig.hand->users++;
		return current->sig.hand;
	}
	return signal_hand_copy(current->sig.hand);
}

/* The child's ids, fork mode and limits: the process's own for a new
 * thread, else a copy. */
static struct procattr *child_attr(uint64_t flags)
{
	if (flags & CLONE_THREAD)
		return procattr_get(current->attr);
	return procattr_copy(current->attr);
}

/* A new thread of our process, or a new process whose parent is ours. */
static void place_child(struct proc *child, const struct clone_args *a)
{
	if (a->flags & CLONE_THREAD)
		thread_join(child, current);
	else
		child->parent = current->leader;
	child->fs_base = a->flags & CLONE_SETTLS ? a->tls : current->fs_base;
}

long proc_clone(const struct clone_args *a)
{
	struct proc *child = proc_alloc();
	uint64_t flags = a->flags;
	int pid;

	if (!child)
		return -EAGAIN;
	child->mm = child_mm(flags);
	child->fdt = child_files(flags);
	child->sig.hand = child_sighand(flags);
	child->attr = child_attr(flags);
	if (!child->mm || !child->fdt || !child->sig.hand || !child->attr) {
		if (child->mm)
			mm_put(child->mm);
		proc_free(child);
		return -ENOMEM;
	}
	if (!(flags & CLONE_THREAD))
		fs_context_copy(&child->fs, current_fs());
	*child->tf = *current->tf;
	child->tf->rax = 0;                     /* fork returns 0 in the child */
	if (a->stack)
		child->tf->rsp = a->stack;
	fpu_save(&child->fpu);
	signal_fork(child, current, flags & CLONE_SIGHAND);
	memcpy(child->name, current->name, PROC_NAME_MAX);
	place_child(child, a);
	child->set_child_tid = flags & CLONE_CHILD_SETTID ? a->ctid : 0;
	child->clear_child_tid = flags & CLONE_CHILD_CLEARTID ? a->ctid : 0;
	child->vfork_pending = !!(flags & CLONE_VFORK);
	pid = child->pid;
	if (flags & CLONE_PARENT_SETTID)
		(void)copy_to_user((void *)a->ptid, &pid, sizeof(pid));  /* as Linux: unchecked */
	sched_runnable(child);
	run_mm_check("forked", current);
	vfork_wait(child);
	return pid;
}

/* The child's first act in its own name, before it first returns to user
 * mode (switch.asm's fork_return): storing its tid, unchecked as in Linux. */
void proc_first_run(void)
{
	if (current->set_child_tid)
		(void)copy_to_user((void *)current->set_child_tid, &current->pid, sizeof(int));
}

/*
 * p lets go of its address space, at exit or exec, while it is still the
 * one in use.  The robust locks it holds are marked and a waiter of each
 * woken (futex_robust.c).  If someone else runs in it (another thread, a
 * vfork parent), the word at clear_child_tid is zeroed and one futex
 * waiter on it woken, as in Linux: pthread_join waits so.  A vfork parent
 * goes on.
 */
void proc_mm_release(struct proc *p)
{
	int zero = 0;

	if (p == current && p->mm)
		futex_robust_exit();
	if (p == current && p->clear_child_tid && p->mm && p->mm->users > 1 &&
	    copy_to_user((void *)p->clear_child_tid, &zero, sizeof(zero)) == 0)
		futex_wake(p->clear_child_tid, 1);
	p->clear_child_tid = 0;
	if (p->vfork_pending) {
		p->vfork_pending = 0;
		wakeup(&p->vfork_pending);
	}
}

/*
 * Called by the scheduler, on its own stack, once init is a zombie: frees
 * init's last frames, reports how many frames are free (tests compare it
 * with the count before init), and ends the machine with init's status.
 */
void proc_power_off_if_done(void)
{
	int status, code;

	if (!init_proc || init_proc->state != ZOMBIE || init_proc->threads)
		return;
	status = init_proc->wait_status;
	proc_free(init_proc);
	code = (status & 0x7f) ? EXIT_SIGNAL_BASE + (status & 0x7f) : (status >> 8) & 0xff;
	if (mm_check_enabled)
		kprintf("forklab: mm_check ran %lu times, %lu failed\n", mm_checks,
			mm_check_failures);
	if (failinject_count())
		kprintf("forklab: %lu allocations failed on purpose\n", failinject_count());
	kprintf("forklab: init ended with status %d; %lu frames free\n", code,
		frames_free_trimmed());
	machine_exit(code > EXIT_MAX ? EXIT_MAX : code);
}

/* p's children (and their threads, which name the same parent) are to's. */
static void reparent_children(struct proc *p, struct proc *to)
{
	for (int i = 0; i < NPROC; i++) {
		if (!table[i] || table[i]->parent != p)
			continue;
		table[i]->parent = to;
		if (table[i]->state == ZOMBIE)
			wakeup(to);
	}
}

/* A parent that ignores SIGCHLD, or set SA_NOCLDWAIT, leaves no zombies:
 * its wait4 waits for every child to end, then gives ECHILD (POSIX). */
static int children_unwaited(const struct proc *parent)
{
	const struct ksigaction *a = &parent->sig.hand->action[SIGCHLD - 1];

	return a->handler == SIG_IGN || (a->flags & SA_NOCLDWAIT);
}

void proc_free_detached(struct proc *p)
{
	if (p->state == ZOMBIE && p->detached)
		proc_free(p);
}

/* SIGCHLD, with what wait4 will report, and a parent asleep in wait4 woken. */
static void tell_parent(struct proc *p)
{
	int sig = W_TERMSIG(p->wait_status);
	struct sig_info info = {
		.code = sig ? CLD_KILLED : CLD_EXITED, .pid = p->pid,
		.status = sig ? sig : W_EXITSTATUS(p->wait_status),
	};

	if (!p->parent)
		return;                 /* init */
	p->detached = children_unwaited(p->parent);
	signal_send_process(p->parent, SIGCHLD, &info);
	wakeup(p->parent);              /* its threads in wait4 sleep on it */
}

/* The last thread of l's process has ended: the process has. */
static void process_ended(struct proc *l)
{
	fs_context_drop(&l->fs);
	if (l != init_proc)
		reparent_children(l, init_proc);
	tell_parent(l);
	if (l != current && l->detached)
		proc_free(l);           /* not on its stack: the scheduler need not */
}

void thread_exit(int wait_status)
{
	struct proc *p = current, *l = p->leader;

	fdtable_put(p->fdt);
	p->fdt = NULL;
	proc_mm_release(p);
	rusage_note_rss(p);
	mm_activate(NULL);                      /* leave the tables we free */
	mm_put(p->mm);
	p->mm = NULL;
	run_mm_check("exited", p);
	if (p == l && !l->group_exit)
		l->wait_status = wait_status;
	p->state = ZOMBIE;
	thread_ended(p);
	if (!l->threads)
		process_ended(l);
	sched_exit();
}

/* exit_group, or a fatal signal: the first status set is the process's. */
void proc_exit(int wait_status)
{
	struct proc *l = current->leader;

	if (!l->group_exit) {
		l->group_exit = 1;
		l->wait_status = wait_status;
		thread_kill_others();
	}
	thread_exit(wait_status);
}

/* An exec by a thread other than the leader, once every other thread has
 * ended: the caller goes on as the process, under its pid, as in Linux. */
void proc_take_leader_place(struct proc *old)
{
	struct proc *p = current;

	p->pid = p->tgid;
	p->leader = p;
	p->threads = 1;
	p->parent = old->parent;
	p->threads_gone = old->threads_gone;
	usage_add(&p->threads_gone, &old->usage);
	p->children = old->children;
	reparent_children(old, p);
	p->fs = old->fs;                        /* moved: the process keeps its cwd */
	old->fs.cwd = NULL;
	if (old == init_proc)
		init_proc = p;
	proc_free(old);
}

/* kill to one process, named by any of its threads.  Init takes only the
 * signals it has handlers for. */
long proc_kill_one(struct proc *p, int sig)
{
	struct sig_info info = { .code = SI_USER, .pid = current ? current->tgid : 0 };

	if (!p)
		return -ESRCH;
	if (!p->leader->threads || !sig || signal_ignored_by_default(sig))
		return 0;
	if (p->leader == init_proc && signal_is_default(p, sig))
		return -EPERM;
	return signal_send_process(p, sig, &info);
}

/* Signals run from 1 to NSIG (SIGRTMAX) included; 0 only checks pid.
 * pid 0 is the caller's group, -1 every process but init and the caller,
 * below that the group -pid. */
long proc_kill(int pid, int sig)
{
	if (sig < 0 || sig > NSIG || signal_stops(sig))
		return -EINVAL;
	if (pid > 0)
		return proc_kill_one(proc_find(pid), sig);
	if (pid == 0)
		return pgrp_kill(current->attr->pgid, sig);
	if (pid == -1)
		return pgrp_kill(PGRP_ALL, sig);
	return pid == INT32_MIN ? -ESRCH : pgrp_kill(-pid, sig);
}

void proc_check_killed(void)
{
	if (current && current->killed)
		proc_exit(W_SIGNALED(current->killed));
}

/* Starts the first process, running path with argv (NULL-terminated),
 * with the console on fds 0, 1 and 2. */
void proc_start_init(const char *path, char *const argv[])
{
	static const char *const envp[] = { "PATH=/bin", "HOME=/", NULL };
	struct exec_args args = { (const char *const *)argv, envp, 0 };
	struct proc *p = proc_alloc();
	struct file *console = console_open();
	long err;

	if (!p || !console || !(p->fdt = fdtable_new()) ||
	    !(p->sig.hand = signal_hand_new()) || !(p->attr = procattr_new()))
		panic("out of memory starting init");
	for (int fd = 0; fd < 3; fd++) {
		fdtable_set(p->fdt, fd, console);
		if (fd)
			file_get(console);
	}
	p->fs.cwd = vfs_root;
	p->fs.umask = INIT_UMASK;
	inode_get(vfs_root);
	err = exec_program(p, path, &args);
	if (err < 0)
		panic("cannot run %s: error %ld", path, -err);
	init_proc = p;
	p->attr->pgid = p->attr->sid = p->pid;
	p->state = RUNNABLE;
}
