/*
 * The load average: the number of processes running or ready to run,
 * sampled every LOAD_PERIOD and smoothed over one, five and fifteen
 * minutes, as /proc/loadavg and sysinfo report it.  Each sample moves an
 * average a fraction of the way towards the count: after a minute at a
 * steady count the one-minute average has come 1 - 1/e of the way.
 */
#include "kernel/sched.h"
#include "kernel/proc.h"
#include "arch/pit.h"

#define LOAD_PERIOD     (5 * HZ)                /* a sample every five seconds */
#define LOAD_ONE        (1UL << LOAD_SHIFT)

/* How much of an average each sample keeps: e^(-5 s / 1 min), e^(-5 s /
 * 5 min) and e^(-5 s / 15 min), in LOAD_SHIFT fixed point. */
static const uint64_t keep[LOAD_AVERAGES] = { 1884, 2014, 2037 };
static uint64_t load[LOAD_AVERAGES];

int loadavg_runnable(void)
{
	int n = 0;

	for (int slot = 0; slot < NPROC; slot++) {
		struct proc *p = proc_at(slot);

		n += p && (p->state == RUNNABLE || p->state == RUNNING);
	}
	return n;
}

/* Each step rounds towards the count, up when rising and down when
 * falling, so that an average reaches a steady count and goes back to 0,
 * rather than stopping short where a step rounds to nothing. */
void loadavg_sample(uint64_t avg[LOAD_AVERAGES], int runnable)
{
	uint64_t now = (uint64_t)runnable << LOAD_SHIFT;

	for (int i = 0; i < LOAD_AVERAGES; i++) {
		uint64_t sum = avg[i] * keep[i] + now * (LOAD_ONE - keep[i]);

		avg[i] = (sum + (now >= avg[i] ? LOAD_ONE - 1 : 0)) >> LOAD_SHIFT;
	}
}

void loadavg_tick(void)
{
	if (ticks() % LOAD_PERIOD == 0)
		loadavg_sample(load, loadavg_runnable());
}

void loadavg_get(uint64_t out[LOAD_AVERAGES])
{
	for (int i = 0; i < LOAD_AVERAGES; i++)
		out[i] = load[i];
}
