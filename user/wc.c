/* wc [-lwc] [FILE...]: counts the lines, words and bytes of each file
 * (standard input for none or "-"), and their totals for several files.
 * Options choose the counts; none means all three.  As GNU's: one count
 * of one file is printed as it is; otherwise in columns as wide as the
 * files' total size needs, seven at least when one is not a regular file
 * (its size unknown). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#define BUF_SIZE	4096
#define UNKNOWN_WIDTH	7

enum { LINES, WORDS, BYTES, NCOUNTS };

static int shown[NCOUNTS];
static int nshown, width;

static int count(int fd, long *c)
{
	char buf[BUF_SIZE];
	ssize_t n;
	int in_word = 0;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			int blank = isspace((unsigned char)buf[i]);

			c[LINES] += buf[i] == '\n';
			c[WORDS] += !blank && !in_word;
			in_word = !blank;
		}
		c[BYTES] += n;
	}
	return n < 0 ? -1 : 0;
}

static void print(const long *c, const char *name)
{
	const char *sep = "";

	for (int k = 0; k < NCOUNTS; k++) {
		if (!shown[k])
			continue;
		printf("%s%*ld", sep, width, c[k]);
		sep = " ";
	}
	printf(name ? " %s\n" : "\n", name);
}

/* Counts file (NULL: standard input) into c and adds it to total. */
static int wc(const char *file, long *total)
{
	long c[NCOUNTS] = { 0 };
	int stdin_ = !file || !strcmp(file, "-");
	int fd = stdin_ ? STDIN_FILENO : open(file, O_RDONLY);

	if (fd < 0 || count(fd, c) < 0) {
		perror(file ? file : "wc");
		return 1;
	}
	if (!stdin_)
		close(fd);
	print(c, file);
	for (int k = 0; k < NCOUNTS; k++)
		total[k] += c[k];
	return 0;
}

static int digits(long n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* The column width for the n files (standard input for none). */
static int column_width(char **files, int n)
{
	struct stat st;
	long size = 0;
	int w = 1;

	if (n <= 1 && nshown == 1)
		return 0;
	for (int i = 0; i < (n ? n : 1); i++) {
		int std = !n || !strcmp(files[i], "-");

		if ((std ? fstat(STDIN_FILENO, &st) : stat(files[i], &st)) == 0 &&
		    S_ISREG(st.st_mode))
			size += st.st_size;
		else if (std || errno != ENOENT)
			w = UNKNOWN_WIDTH;
	}
	return digits(size) > w ? digits(size) : w;
}

int main(int argc, char **argv)
{
	long total[NCOUNTS] = { 0 };
	int i, failed = 0;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (char *o = argv[i] + 1; *o; o++) {
			const char *p = strchr("lwc", *o);

			if (!p) {
				fprintf(stderr, "wc: unknown option -%c\nusage: wc [-lwc] [FILE...]\n", *o);
				return 1;
			}
			shown[p - "lwc"] = 1;
		}
	}
	for (int k = 0; k < NCOUNTS; k++)
		nshown += shown[k];
	if (!nshown)
		nshown = shown[LINES] = shown[WORDS] = shown[BYTES] = NCOUNTS;
	width = column_width(argv + i, argc - i);
	if (i == argc)
		return wc(NULL, total);
	for (int f = i; f < argc; f++)
		failed |= wc(argv[f], total);
	if (argc - i > 1)
		print(total, "total");
	return failed;
}
