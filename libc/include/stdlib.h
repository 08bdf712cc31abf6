#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS	0
#define EXIT_FAILURE	1
#define RAND_MAX	2147483647

void *malloc(size_t n);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t n);
void free(void *p);

int atexit(void (*fn)(void));
_Noreturn void exit(int status);
_Noreturn void _Exit(int status);
_Noreturn void abort(void);

long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
int atoi(const char *s);
long atol(const char *s);

void qsort(void *base, size_t n, size_t size,
	   int (*cmp)(const void *, const void *));
int abs(int x);
long labs(long x);
long long llabs(long long x);
char *getenv(const char *name);
/* Makes and opens a new file from template, whose last six characters
 * are "XXXXXX" and become the name's own. */
int mkstemp(char *template);
int rand(void);
void srand(unsigned int seed);

#endif
