/* mkstemp: a new file with a name no one else has, made with O_EXCL so
 * that a name taken meanwhile is tried again, never shared. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#define SUFFIX		"XXXXXX"
#define SUFFIX_LEN	6
#define TRIES		100
#define CREATE_MODE	0600

static const char letters[] =
	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

int mkstemp(char *template)
{
	size_t len = strlen(template);
	char *x = template + len - SUFFIX_LEN;
	unsigned char r[SUFFIX_LEN];

	if (len < SUFFIX_LEN || strcmp(x, SUFFIX)) {
		errno = EINVAL;
		return -1;
	}
	for (int t = 0; t < TRIES; t++) {
		int fd;

		if (getrandom(r, sizeof(r), 0) != sizeof(r))
			return -1;
		for (int i = 0; i < SUFFIX_LEN; i++)
			x[i] = letters[r[i] % (sizeof(letters) - 1)];
		fd = open(template, O_RDWR | O_CREAT | O_EXCL, CREATE_MODE);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}
