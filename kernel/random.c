/* random_bytes: xorshift64* (Marsaglia; Vigna's multiplier) seeded from the TSC. */
#include <stdint.h>
#include "kernel/random.h"
#include "arch/x86.h"

#define XORSHIFT_MULT   0x2545f4914f6cdd1dULL

static uint64_t state;

static uint64_t next(void)
{
	if (!state)
		state = rdtsc() | 1;
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * XORSHIFT_MULT;
}

void random_bytes(void *buf, size_t n)
{
	uint8_t *p = buf;

	for (size_t i = 0; i < n; i++)
		p[i] = next() >> 56;
}
