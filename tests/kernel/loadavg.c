/*
 * The load average's arithmetic (kernel/loadavg.c): a minute of samples
 * at a steady count brings the one-minute average 1 - 1/e of the way to
 * it, the five-minute one 1 - e^(-1/5); a long steady count is reached;
 * and a quiet spell decays the averages back towards 0.
 */
#include "tests/ktest.h"
#include "kernel/sched.h"

#define SAMPLES_PER_MIN 12              /* one every five seconds */
#define ONE             (1UL << LOAD_SHIFT)
#define SLACK           (ONE / 100)     /* what two decimals show */
#define STEADY          3
#define LONG_TIME       (SAMPLES_PER_MIN * 180) /* twelve fifteen-minute spans */

static int near(uint64_t v, uint64_t want)
{
	return v + SLACK >= want && v <= want + SLACK;
}

KTEST(loadavg, one_minute_at_one)
{
	uint64_t avg[LOAD_AVERAGES] = { 0 };

	for (int i = 0; i < SAMPLES_PER_MIN; i++)
		loadavg_sample(avg, 1);
	KEXPECT(near(avg[0], ONE * 632 / 1000));        /* 1 - 1/e */
	KEXPECT(near(avg[1], ONE * 181 / 1000));        /* 1 - e^(-1/5) */
	KEXPECT(near(avg[2], ONE * 64 / 1000));         /* 1 - e^(-1/15) */
}

KTEST(loadavg, steady_then_quiet)
{
	uint64_t avg[LOAD_AVERAGES] = { 0 };

	for (int i = 0; i < LONG_TIME; i++)
		loadavg_sample(avg, STEADY);
	for (int i = 0; i < LOAD_AVERAGES; i++)
		KEXPECT(near(avg[i], STEADY * ONE));
	for (int i = 0; i < LONG_TIME; i++)
		loadavg_sample(avg, 0);
	for (int i = 0; i < LOAD_AVERAGES; i++)
		KEXPECT(near(avg[i], 0));
}
