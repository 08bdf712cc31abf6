/*
 * In-kernel tests.  A test is a function registered in the .ktests section:
 *
 *     KTEST(frames, exhaustion) { ... KEXPECT(cond); ... }
 *
 * Its name is "suite.case".  The kernel command line selects tests:
 * test=all runs every test that is not MANUAL; test=frames one suite;
 * test=frames.exhaustion one test; several may be joined with commas.
 * A MANUAL test (one that ends the machine, like a forced panic) runs only
 * when named by its full name.
 */
#ifndef TESTS_KTEST_H
#define TESTS_KTEST_H

#include <stdint.h>

struct ktest {
	const char *suite, *name;
	void (*fn)(void);
	int manual;
	const char *file;               /* where it is written: tests run in */
	int line;                       /* the order of the source */
};

#define KTEST_DEFINE(s, n, m) \
	static void ktest_##s##_##n(void); \
	static const struct ktest ktest_entry_##s##_##n \
		__attribute__((section(".ktests"), used, aligned(8))) = \
		{ #s, #n, ktest_##s##_##n, m, __FILE__, __LINE__ }; \
	static void ktest_##s##_##n(void)

#define KTEST(suite, name)        KTEST_DEFINE(suite, name, 0)
#define KTEST_MANUAL(suite, name) KTEST_DEFINE(suite, name, 1)

void ktest_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define KEXPECT(c) \
	do { if (!(c)) ktest_fail(__FILE__, __LINE__, "expected %s", #c); } while (0)
#define KEXPECT_EQ(a, b) \
	do { uint64_t a_ = (uint64_t)(a), b_ = (uint64_t)(b); if (a_ != b_) \
		ktest_fail(__FILE__, __LINE__, "expected %s == %s: %#lx != %#lx", #a, #b, a_, b_); \
	} while (0)

/* Runs the tests `selection` names; returns the number that failed. */
int ktest_run(const char *selection);

#endif
