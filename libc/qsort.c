/*
 * qsort, done as heapsort: n log n comparisons even for the worst input,
 * and no recursion.  The name is only the standard's.
 */
#include <stdlib.h>

typedef int (*compare_fn)(const void *, const void *);

static void swap(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

/* Moves element i down the heap base[0..n) until neither child is larger. */
static void sift_down(char *base, size_t i, size_t n, size_t size, compare_fn cmp)
{
	for (;;) {
		size_t child = 2 * i + 1, right = child + 1;

		if (child >= n)
			return;
		if (right < n && cmp(base + child * size, base + right * size) < 0)
			child = right;
		if (cmp(base + i * size, base + child * size) >= 0)
			return;
		swap(base + i * size, base + child * size, size);
		i = child;
	}
}

/* Builds a heap with the largest element first, then moves the largest to
 * the end, one at a time. */
void qsort(void *base, size_t n, size_t size, compare_fn cmp)
{
	char *b = base;

	for (size_t i = n / 2; i-- > 0;)
		sift_down(b, i, n, size, cmp);
	for (size_t end = n; end-- > 1;) {
		swap(b, b + end * size, size);
		sift_down(b, 0, end, size, cmp);
	}
}
