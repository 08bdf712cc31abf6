/*
 * Numbers for forkstress: the generator, the digest, and what a page must
 * hold.  A page written with stamp S in region R at index I holds
 *
 *   word 0      R << 32 | S        so that a shared page names its stamp
 *   word 1      I
 *   word k      base + k * GOLDEN  for k >= 2, base mixed from R, I and S
 *
 * and a page never written (stamp 0) holds zeros.  A stale page, a page of
 * another region or another index never passes for the page expected.
 */
#include "forkstress.h"

#define GOLDEN          0x9e3779b97f4a7c15ULL  /* 2^64 / the golden ratio */
#define MIX_MULT1       0xbf58476d1ce4e5b9ULL  /* splitmix64's finalizer */
#define MIX_MULT2       0x94d049bb133111ebULL
#define HEADER_WORDS    2

uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= MIX_MULT1;
	x ^= x >> 27;
	x *= MIX_MULT2;
	return x ^ (x >> 31);
}

uint64_t rng_next(void)
{
	w.rng += GOLDEN;
	return mix64(w.rng);
}

/* A number in [0, n), n > 0; the bias is far below anything we count. */
uint64_t rng_below(uint64_t n)
{
	return rng_next() % n;
}

uint32_t new_stamp(void)
{
	return (uint32_t)rng_next() | 1;
}

void digest_add(uint64_t v)
{
	w.digest = mix64(w.digest ^ mix64(v + GOLDEN));
}

static uint64_t page_base(uint32_t id, uint32_t index, uint32_t stamp)
{
	return mix64(((uint64_t)id << 32 | index) ^ mix64(stamp));
}

void page_fill(uint64_t *page, uint32_t id, uint32_t index, uint32_t stamp)
{
	uint64_t base = page_base(id, index, stamp);

	page[0] = (uint64_t)id << 32 | stamp;
	page[1] = index;
	for (int k = HEADER_WORDS; k < PAGE_WORDS; k++)
		page[k] = base + k * GOLDEN;
}

/* The first word of page that is not what the stamp says, or -1. */
int page_check(const uint64_t *page, uint32_t id, uint32_t index, uint32_t stamp)
{
	uint64_t base = page_base(id, index, stamp);

	if (!stamp) {
		for (int k = 0; k < PAGE_WORDS; k++)
			if (page[k])
				return k;
		return -1;
	}
	if (page[0] != ((uint64_t)id << 32 | stamp))
		return 0;
	if (page[1] != index)
		return 1;
	for (int k = HEADER_WORDS; k < PAGE_WORDS; k++)
		if (page[k] != base + k * GOLDEN)
			return k;
	return -1;
}
