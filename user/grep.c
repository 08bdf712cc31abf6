/* grep [-vcn] TEXT [FILE...]: prints the lines of the files (standard input
 * for none or "-") that hold TEXT, a fixed string; with several files,
 * each line after its file's name.  -v: the lines that do not; -c: only
 * how many; -n: each line after its number.  Status 0 if a line was
 * chosen, 1 if none, 2 on an error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STATUS_NONE	1
#define STATUS_ERROR	2

#define FIRST_CAPACITY	128

static int invert, count_only, numbers;

/* Reads a line of f, its '\n' kept, into *line (grown as needed, its
 * capacity *cap).  Returns its length, or -1 at the end of f. */
static long next_line(FILE *f, char **line, size_t *cap)
{
	size_t n = 0;
	int c;

	while ((c = fgetc(f)) != EOF) {
		if (n + 2 > *cap) {
			size_t bigger = *cap ? 2 * *cap : FIRST_CAPACITY;
			char *p = realloc(*line, bigger);

			if (!p)
				break;
			*line = p;
			*cap = bigger;
		}
		(*line)[n++] = c;
		if (c == '\n')
			break;
	}
	if (n)
		(*line)[n] = '\0';
	return n ? (long)n : -1;
}

/* Returns how many lines of f were chosen. */
static long grep(FILE *f, const char *text, const char *name)
{
	char *line = NULL;
	size_t cap = 0;
	long n = 0, chosen = 0;

	while (next_line(f, &line, &cap) >= 0) {
		n++;
		if (!strstr(line, text) == !invert)
			continue;
		chosen++;
		if (count_only)
			continue;
		if (name)
			printf("%s:", name);
		if (numbers)
			printf("%ld:", n);
		fputs(line, stdout);
		if (!strchr(line, '\n'))
			putchar('\n');
	}
	free(line);
	if (count_only)
		printf(name ? "%s:%ld\n" : "%.0s%ld\n", name ? name : "", chosen);
	return chosen;
}

static int options(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (char *o = argv[i] + 1; *o; o++) {
			if (*o == 'v')
				invert = 1;
			else if (*o == 'c')
				count_only = 1;
			else if (*o == 'n')
				numbers = 1;
			else
				return -1;
		}
	}
	return i < argc ? i : -1;
}

int main(int argc, char **argv)
{
	int i = options(argc, argv), several, status = STATUS_NONE;

	if (i < 0) {
		fprintf(stderr, "usage: grep [-vcn] TEXT [FILE...]\n");
		return STATUS_ERROR;
	}
	several = argc - i > 2;
	if (argc - i == 1)
		return grep(stdin, argv[i], NULL) ? EXIT_SUCCESS : STATUS_NONE;
	for (int f = i + 1; f < argc; f++) {
		int std = !strcmp(argv[f], "-");
		FILE *in = std ? stdin : fopen(argv[f], "r");

		if (!in) {
			perror(argv[f]);
			status = STATUS_ERROR;
			continue;
		}
		if (grep(in, argv[i], several ? argv[f] : NULL) && status == STATUS_NONE)
			status = EXIT_SUCCESS;
		if (!std)
			fclose(in);
	}
	return status;
}
