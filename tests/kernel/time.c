/* The timer interrupt and the TSC clock advance. */
#include "tests/ktest.h"
#include "arch/pit.h"
#include "arch/tsc.h"
#include "arch/x86.h"

#define WAIT_TICKS      5
#define GIVE_UP_NS      5000000000UL    /* a generous bound, not a timing check */

KTEST(time, ticks_advance)
{
	uint64_t start = ticks(), t0 = time_ns();

	while (ticks() < start + WAIT_TICKS && time_ns() - t0 < GIVE_UP_NS)
		hlt();
	KEXPECT(ticks() >= start + WAIT_TICKS);
	KEXPECT(time_ns() > t0);
}

KTEST(time, tsc_calibrated)
{
	uint64_t a = time_ns(), b = time_ns();

	KEXPECT(tsc_hz() > 0);
	KEXPECT(b >= a);
	KEXPECT(cycles_to_ns(tsc_hz()) > 999999000UL);          /* rounding only */
	KEXPECT(cycles_to_ns(tsc_hz()) <= 1000000000UL);
}
