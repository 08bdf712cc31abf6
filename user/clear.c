/* clear: clears an ANSI terminal's screen and puts the cursor at the top
 * left. */
#include <stdio.h>
#include <stdlib.h>

#define CURSOR_HOME	"\033[H"
#define ERASE_SCREEN	"\033[2J"
#define ERASE_SCROLLBACK "\033[3J"

int main(void)
{
	fputs(CURSOR_HOME ERASE_SCREEN ERASE_SCROLLBACK, stdout);
	return fflush(stdout) == EOF ? EXIT_FAILURE : EXIT_SUCCESS;
}
