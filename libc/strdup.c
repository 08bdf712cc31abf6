/* Copies of strings, in memory from malloc(). */
#include <stdlib.h>
#include <string.h>

char *strndup(const char *s, size_t max)
{
	size_t len = strnlen(s, max);
	char *copy = malloc(len + 1);

	if (!copy)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

char *strdup(const char *s)
{
	return strndup(s, strlen(s));
}
