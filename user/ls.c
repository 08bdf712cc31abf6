/* ls [-l] [PATH...]: lists each directory (default "."), one name per
 * line, in byte order, leaving out names that start with '.'; a file
 * lists as itself.  -l: each name after its mode ("drwxr-xr-x"), its
 * number of links and its size in bytes, in columns. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define FIRST_CAPACITY	64
#define MODE_LEN	10	/* "drwxr-xr-x" */

struct names {
	char **v;
	size_t n, cap;
};

static int long_form;

static int add(struct names *names, const char *name)
{
	if (names->n == names->cap) {
		size_t cap = names->cap ? 2 * names->cap : FIRST_CAPACITY;
		char **v = realloc(names->v, cap * sizeof(*v));

		if (!v)
			return -1;
		names->v = v;
		names->cap = cap;
	}
	names->v[names->n] = strdup(name);
	return names->v[names->n++] ? 0 : -1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the names of directory d into *names; returns 0, or -1 with errno set. */
static int read_names(DIR *d, struct names *names)
{
	struct dirent *e;

	errno = 0;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.' && add(names, e->d_name) < 0)
			return -1;
	return errno ? -1 : 0;
}

static void mode_string(mode_t m, char *s)
{
	static const char types[] = "?pc?d?b?-?l?s???";	/* by S_IFMT >> 12 */
	static const char rwx[] = "rwx";

	s[0] = types[(m & S_IFMT) >> 12];
	for (int i = 0; i < MODE_LEN - 1; i++)
		s[i + 1] = m & (0400 >> i) ? rwx[i % 3] : '-';
	s[MODE_LEN] = '\0';
}

static int digits(unsigned long n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* Prints the names, each of dir/name (dir NULL: name alone); in the long
 * form with columns as wide as their widest entry. */
static int print(const char *dir, struct names *names)
{
	struct stat *st = calloc(names->n + 1, sizeof(*st));
	int links = 1, size = 1, status = 0;
	char path[PATH_MAX], mode[MODE_LEN + 1];

	for (size_t i = 0; long_form && st && i < names->n; i++) {
		snprintf(path, sizeof(path), "%s%s%s", dir ? dir : "", dir ? "/" : "",
			 names->v[i]);
		if (stat(path, &st[i]) < 0) {
			fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
			status = 1;
		}
		if (digits(st[i].st_nlink) > links)
			links = digits(st[i].st_nlink);
		if (digits(st[i].st_size) > size)
			size = digits(st[i].st_size);
	}
	for (size_t i = 0; i < names->n; i++) {
		if (long_form && st) {
			mode_string(st[i].st_mode, mode);
			printf("%s %*lu %*ld ", mode, links, (unsigned long)st[i].st_nlink,
			       size, (long)st[i].st_size);
		}
		puts(names->v[i]);
	}
	free(st);
	return status;
}

static void free_names(struct names *names)
{
	for (size_t i = 0; i < names->n; i++)
		free(names->v[i]);
	free(names->v);
}

static int list(const char *path)
{
	struct names names = { NULL, 0, 0 };
	DIR *d = opendir(path);
	int ok;

	if (!d && errno == ENOTDIR) {		/* a file lists as itself */
		ok = add(&names, path) == 0 && print(NULL, &names) == 0;
		free_names(&names);
		return !ok;
	}
	ok = d && read_names(d, &names) == 0;
	if (!ok)
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
	if (d)
		closedir(d);
	qsort(names.v, names.n, sizeof(*names.v), by_name);
	ok &= print(path, &names) == 0;
	free_names(&names);
	return !ok;
}

int main(int argc, char **argv)
{
	int status = EXIT_SUCCESS, first = 1;

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		long_form = 1;
		first = 2;
	}
	if (argc == first)
		return list(".") ? EXIT_FAILURE : EXIT_SUCCESS;
	for (int i = first; i < argc; i++) {
		if (argc - first > 1)
			printf("%s%s:\n", i > first ? "\n" : "", argv[i]);
		if (list(argv[i]))
			status = EXIT_FAILURE;
	}
	return status;
}
