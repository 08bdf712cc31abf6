/* Small parts of stdlib.h: absolute values, the environment, rand(). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* rand() is a 64-bit linear congruential generator (Knuth's MMIX
 * constants); its high bits are the random ones, so we return those. */
#define LCG_MUL		6364136223846793005ULL
#define LCG_ADD		1442695040888963407ULL
#define RAND_SHIFT	33	/* keeps 31 bits: 0..RAND_MAX */

static uint64_t rand_state = 1;

int abs(int x)
{
	return x < 0 ? -x : x;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}

long long llabs(long long x)
{
	return x < 0 ? -x : x;
}

char *getenv(const char *name)
{
	size_t len = strlen(name);

	for (char **e = environ; e && *e; e++)
		if (!strncmp(*e, name, len) && (*e)[len] == '=')
			return *e + len + 1;
	return NULL;
}

int rand(void)
{
	rand_state = rand_state * LCG_MUL + LCG_ADD;
	return rand_state >> RAND_SHIFT;
}

void srand(unsigned int seed)
{
	rand_state = seed;
}
