/* ls [DIR...]: lists each directory (default "."), one name per line, in
 * byte order, leaving out names that start with '.'. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIRST_CAPACITY	64

struct names {
	char **v;
	size_t n, cap;
};

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

static int list(const char *path)
{
	struct names names = { NULL, 0, 0 };
	DIR *d = opendir(path);
	int ok;

	if (!d && errno == ENOTDIR)
		return puts(path) == EOF;		/* a file lists as itself */
	ok = d && read_names(d, &names) == 0;
	if (!ok)
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
	if (d)
		closedir(d);
	qsort(names.v, names.n, sizeof(*names.v), by_name);
	for (size_t i = 0; i < names.n; i++) {
		puts(names.v[i]);
		free(names.v[i]);
	}
	free(names.v);
	return !ok;
}

int main(int argc, char **argv)
{
	int status = EXIT_SUCCESS;

	if (argc == 1)
		return list(".") ? EXIT_FAILURE : EXIT_SUCCESS;
	for (int i = 1; i < argc; i++) {
		if (argc > 2)
			printf("%s%s:\n", i > 1 ? "\n" : "", argv[i]);
		if (list(argv[i]))
			status = EXIT_FAILURE;
	}
	return status;
}
