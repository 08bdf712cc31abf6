/* A static Linux program built with musl-gcc: it must run on forklab unchanged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	char *copy = malloc(64);

	snprintf(copy, 64, "hello from musl, argc=%d", argc);
	puts(copy);
	free(copy);
	return strcmp(argv[0], "/extra/hello") ? 1 : 0;
}
