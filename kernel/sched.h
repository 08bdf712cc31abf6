#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include <stdint.h>

/*
 * Sleeping and waking.  Kernel code runs under the big lock
 * (kernel/biglock.h), on whichever CPU, with interrupts off (they are
 * taken in user mode and while idle), so nothing can happen between
 * testing a condition and sleeping on it.
 *
 *     while (!condition) {
 *             if (sleep_on(chan) < 0)
 *                     return -ERESTARTSYS;    // a signal to take
 *     }
 */
struct proc;

int sleep_on(void *chan);              /* 0, or -EINTR if a signal is to be taken */
int sleep_killable(void *chan);        /* the same, but only SIGKILL ends it early */
void wakeup(void *chan);               /* wake every process sleeping on chan */
void wake_process(struct proc *p);
void sched_runnable(struct proc *p);   /* p may run now; kick a halted CPU for it */
void sched_kicked(void);               /* T_RESCHEDULE's handler, without the big lock */
void yield(void);
void sched_exit(void) __attribute__((noreturn));   /* current is a ZOMBIE */
void scheduler_run(void) __attribute__((noreturn));
void sched_run(struct proc *p);
void sched_tick(void);                 /* from the boot CPU's timer interrupt */
void sched_start(void);                /* the other CPUs may run processes now */
int sched_started(void);
void preempt_point(void);              /* switch if the time slice is over */
void *timer_channel(void);             /* woken on every tick */
uint64_t sched_idle_ns(void);          /* time spent halted, with no process to run */

/* The load average (kernel/loadavg.c). */
#define LOAD_SHIFT      11             /* loads are fixed point: 1.0 is 1 << LOAD_SHIFT */
#define LOAD_AVERAGES   3              /* over 1, 5 and 15 minutes */
void loadavg_tick(void);               /* from the timer interrupt */
void loadavg_sample(uint64_t avg[LOAD_AVERAGES], int runnable);    /* one sample's step */
void loadavg_get(uint64_t load[LOAD_AVERAGES]);
int loadavg_runnable(void);            /* processes running or ready to run now */

#endif
