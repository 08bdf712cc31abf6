/* The printf family, on the vformat() engine (fmt.h). */
#include <fmt.h>
#include <stdint.h>
#include <stdio.h>

/* Where snprintf puts its text: len counts every character made, even
 * those past the end of the buffer. */
struct string_out {
	char *s;
	size_t size, len;
};

static void string_sink(int c, void *arg)
{
	struct string_out *o = arg;

	if (o->len + 1 < o->size)
		o->s[o->len] = c;
	o->len++;
}

int vsnprintf(char *s, size_t size, const char *fmt, va_list ap)
{
	struct string_out o = { s, size, 0 };
	int n = vformat(string_sink, &o, fmt, ap);

	if (size)
		s[o.len < size ? o.len : size - 1] = '\0';
	return n;
}

int vsprintf(char *s, const char *fmt, va_list ap)
{
	return vsnprintf(s, SIZE_MAX, fmt, ap);
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

int sprintf(char *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsprintf(s, fmt, ap);
	va_end(ap);
	return n;
}

int snprintf(char *s, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(s, size, fmt, ap);
	va_end(ap);
	return n;
}
