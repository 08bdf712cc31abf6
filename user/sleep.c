/* sleep SECONDS: waits that long; SECONDS may have a fraction, as in 0.25. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define NSEC_PER_SEC	1000000000L

/* Returns 0, or -1 if s is not a number of seconds. */
static int parse(const char *s, struct timespec *t)
{
	char *end;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	t->tv_sec = strtol(s, &end, 10);
	t->tv_nsec = 0;
	if (*end == '.')
		for (long unit = NSEC_PER_SEC / 10; isdigit((unsigned char)*++end); unit /= 10)
			t->tv_nsec += (*end - '0') * unit;
	return *end || errno ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct timespec t;

	if (argc != 2 || parse(argv[1], &t) < 0) {
		fprintf(stderr, "usage: sleep SECONDS\n");
		return EXIT_FAILURE;
	}
	while (nanosleep(&t, &t) < 0) {
		if (errno != EINTR) {
			perror("sleep");
			return EXIT_FAILURE;
		}
	}
	return EXIT_SUCCESS;
}
