/*
 * The printf engine shared by the kernel's printk and libc's stdio: it formats
 * into a sink, one character at a time, so callers choose where text goes.
 */
#ifndef _FMT_H
#define _FMT_H

#include <stdarg.h>
#include <stddef.h>

typedef void (*fmt_sink)(int c, void *arg);

/* Supports flags "-0+ #", width and precision (also "*"), lengths hh h l ll
 * z t j, and the conversions d i u o x X c s p %.  Returns characters made. */
int vformat(fmt_sink sink, void *arg, const char *fmt, va_list ap);

#endif
