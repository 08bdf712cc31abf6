/* echo [-n] [WORD...]: prints the words, separated by blanks; -n leaves
 * out the final newline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	int newline = !(argc > 1 && !strcmp(argv[1], "-n"));

	for (int i = newline ? 1 : 2; i < argc; i++) {
		fputs(argv[i], stdout);
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	return fflush(stdout) == EOF ? EXIT_FAILURE : EXIT_SUCCESS;
}
