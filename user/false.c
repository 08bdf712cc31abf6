/* false: does nothing, unsuccessfully. */
#include <stdlib.h>

int main(void)
{
	return EXIT_FAILURE;
}
