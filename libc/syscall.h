/*
 * How the library enters the kernel (private to libc).  A raw system call
 * returns a value or, on failure, -errno: a result in [-MAX_ERRNO, -1].
 * __sysret() turns that into C's convention of -1 with errno set.
 */
#ifndef _LIBC_SYSCALL_H
#define _LIBC_SYSCALL_H

#include <sys/syscall.h>

#define MAX_ERRNO	4095

static inline long __syscall6(long nr, long a1, long a2, long a3, long a4,
			      long a5, long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	long ret;

	/* The syscall instruction keeps the return address in rcx, rflags in r11. */
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

/* SYSCALL(nr, args...): up to six arguments of any integer or pointer type;
 * the missing ones are passed as 0. */
#define SYSCALL(nr, ...) \
	__syscall6(nr, __SYSCALL_ARGS(0, ##__VA_ARGS__, 0, 0, 0, 0, 0, 0))
#define __SYSCALL_ARGS(skip, a, b, c, d, e, f, ...) \
	(long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f)

long __sysret(long ret);

#endif
