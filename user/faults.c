/*
 * faults [N]: the last N page faults and TLB shootdown rounds (default: all
 * the kernel keeps), from /proc/faults: number, pid, address, access,
 * cycles taken, and what the kernel did (zero-fill, page-copy, page-reuse,
 * table-copy, table-reuse, signal, no-memory; a round's CPUs and flush).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINES       256
#define LINE_LEN        192

static char lines[MAX_LINES][LINE_LEN];

int main(int argc, char **argv)
{
	long want = argc > 1 ? strtol(argv[1], NULL, 10) : MAX_LINES;
	FILE *f = fopen("/proc/faults", "r");
	long n = 0;

	if (!f) {
		perror("faults: /proc/faults");
		return 1;
	}
	while (fgets(lines[n % MAX_LINES], LINE_LEN, f))
		n++;
	fclose(f);
	printf("%6s %5s %-16s %-17s %9s  %s\n", "#", "pid", "address", "access",
	       "cycles", "what the kernel did");
	for (long i = n > want ? n - want : 0; i < n; i++)
		fputs(lines[i % MAX_LINES], stdout);
	return 0;
}
