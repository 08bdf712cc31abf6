/*
 * Strings to integers.  long and long long are both 64 bits here, so one
 * parser serves all four strto functions.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#define MAX_BASE	36	/* digits 0-9, then a-z */

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return tolower(c) - 'a' + 10;
	return MAX_BASE;
}

/* The base, with 0 meaning "from the prefix": 0x hex, 0 octal, else decimal.
 * Skips a 0x prefix, but only when a hex digit follows it. */
static int take_base(const char **s, int base)
{
	int hex = (*s)[0] == '0' && tolower((*s)[1]) == 'x' && isxdigit((*s)[2]);

	if ((base == 0 || base == 16) && hex) {
		*s += 2;
		return 16;
	}
	if (base == 0)
		return (*s)[0] == '0' ? 8 : 10;
	return base;
}

struct parsed {
	unsigned long long value;	/* the magnitude */
	int neg;
	int overflow;			/* value did not fit 64 bits */
};

/* Reads blanks, a sign, then digits, setting *end past the last digit (or
 * to s if there was none). */
static struct parsed parse(const char *s, char **end, int base)
{
	struct parsed r = { 0, 0, 0 };
	const char *p = s, *digits;
	int d;

	while (isspace((unsigned char)*p))
		p++;
	r.neg = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	base = take_base(&p, base);
	if (base < 2 || base > MAX_BASE) {
		errno = EINVAL;
		base = 0;		/* so that no digit is taken */
	}
	for (digits = p; (d = digit_value((unsigned char)*p)) < base; p++) {
		if (r.value > (ULLONG_MAX - d) / base)
			r.overflow = 1;
		r.value = r.value * base + d;
	}
	if (end)
		*end = (char *)(p > digits ? p : s);
	return r;
}

/* A negative number comes back negated, as C says: "-1" is ULLONG_MAX. */
unsigned long long strtoull(const char *s, char **end, int base)
{
	struct parsed r = parse(s, end, base);

	if (r.overflow) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return r.neg ? -r.value : r.value;
}

long long strtoll(const char *s, char **end, int base)
{
	struct parsed r = parse(s, end, base);

	if (r.overflow || r.value > (unsigned long long)LLONG_MAX + r.neg) {
		errno = ERANGE;
		return r.neg ? LLONG_MIN : LLONG_MAX;
	}
	return r.neg ? -r.value : r.value;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	return strtoull(s, end, base);
}

long strtol(const char *s, char **end, int base)
{
	return strtoll(s, end, base);
}

int atoi(const char *s)
{
	return strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}
