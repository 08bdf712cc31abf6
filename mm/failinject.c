/* Allocation-failure injection (mm/failinject.h). */
#include <string.h>
#include "mm/failinject.h"
#include "kernel/printk.h"

#define PERCENT         100
#define LCG_MULT        6364136223846793005ULL  /* Knuth's MMIX generator */
#define LCG_INC         1442695040888963407ULL

static struct {
	uint64_t every;                 /* fail every Nth, or 0 */
	uint64_t seed, percent;         /* or fail at random */
	uint64_t calls, failed;
	int armed;
} inj;

static uint64_t parse_number(const char **s)
{
	uint64_t v = 0;

	while (**s >= '0' && **s <= '9')
		v = v * 10 + (*(*s)++ - '0');
	return v;
}

void failinject_init(const char *spec)
{
	if (!spec)
		return;
	if (!strncmp(spec, "rand:", 5)) {
		spec += 5;
		inj.seed = parse_number(&spec);
		spec += *spec == ':';
		inj.percent = parse_number(&spec);
	} else {
		inj.every = parse_number(&spec);
	}
	if (*spec || (!inj.every && !inj.percent))
		pr_warn("fail_alloc: expected N or rand:SEED:PERCENT\n");
}

void failinject_arm(void)
{
	inj.armed = inj.every || inj.percent;
	if (inj.armed)
		pr_info("fail_alloc: injecting allocation failures from now on\n");
}

int failinject_now(void)
{
	int fail;

	if (!inj.armed)
		return 0;
	inj.calls++;
	if (inj.every) {
		fail = inj.calls % inj.every == 0;
	} else {
		inj.seed = inj.seed * LCG_MULT + LCG_INC;
		fail = (inj.seed >> 33) % PERCENT < inj.percent;
	}
	inj.failed += fail;
	return fail;
}

uint64_t failinject_count(void)
{
	return inj.failed;
}
