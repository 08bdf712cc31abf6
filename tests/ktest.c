/*
 * The in-kernel test runner.  It speaks a line protocol on the console that
 * tests/run reads:
 *
 *   KTEST plan <n>                   then one "KTEST want <name>" per test
 *   KTEST start <name>
 *   KTEST fail <name>: <why>         zero or more
 *   KTEST pass <name> | KTEST failed <name>
 *   KTEST done <passed> <failed>
 *
 * A test that crashes the machine leaves a "start" without an end, which the
 * harness reports as that test failing.  After each test the runner checks
 * that no frame leaked and that the frame allocator's counters hold.
 */
#include <stdarg.h>
#include <string.h>
#include "tests/ktest.h"
#include "kernel/printk.h"
#include "mm/frame.h"
#include "mm/kstack.h"
#include "kernel/proc.h"

extern const struct ktest __ktests_start[], __ktests_end[];

static const struct ktest *running;
static int current_failed;

void ktest_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	kprintf("KTEST fail %s.%s: %s:%d: ", running->suite, running->name, file, line);
	va_start(ap, fmt);
	vkprintf(fmt, ap);
	va_end(ap);
	kprintf("\n");
	current_failed = 1;
}

/* Does the comma-separated `sel` name test `t`? */
static int selected(const struct ktest *t, const char *sel)
{
	char full[64];
	size_t len;

	snprintf(full, sizeof(full), "%s.%s", t->suite, t->name);
	for (; *sel; sel += len + (sel[len] == ',')) {
		len = strcspn(sel, ",");
		if (len == strlen(full) && !strncmp(sel, full, len))
			return 1;
		if (t->manual)
			continue;
		if ((len == 3 && !strncmp(sel, "all", 3)) ||
		    (len == strlen(t->suite) && !strncmp(sel, t->suite, len)))
			return 1;
	}
	return 0;
}

/* Does a run before b?  The section holds each file's tests together, in
 * the order the files are linked, but inside a file in whatever order the
 * compiler chose (gcc reverses it): so by line inside a file. */
static int before(const struct ktest *a, const struct ktest *b)
{
	if (!strcmp(a->file, b->file))
		return a->line < b->line;
	return a < b;
}

/* The test that runs after prev (NULL: the first one), or NULL. */
static const struct ktest *next_test(const struct ktest *prev)
{
	const struct ktest *best = NULL;

	for (const struct ktest *t = __ktests_start; t < __ktests_end; t++)
		if ((!prev || before(prev, t)) && (!best || before(t, best)))
			best = t;
	return best;
}

static int for_selected(const char *sel, int (*fn)(const struct ktest *))
{
	int n = 0;

	for (const struct ktest *t = next_test(NULL); t; t = next_test(t))
		if (selected(t, sel))
			n += fn(t);
	return n;
}

static int announce(const struct ktest *t)
{
	kprintf("KTEST want %s.%s\n", t->suite, t->name);
	return 1;
}

static int count(const struct ktest *t)
{
	(void)t;
	return 1;
}

/* Runs one test; returns 1 if it failed. */
static int run_one(const struct ktest *t)
{
	uint64_t free_before = frames_free_trimmed();
	running = t;
	current_failed = 0;
	kprintf("KTEST start %s.%s\n", t->suite, t->name);
	t->fn();
	if (frames_free_trimmed() != free_before)
		ktest_fail(__FILE__, __LINE__, "%ld frames leaked",
			   (long)(free_before - frames_free()));
	if (mm_check_all() < 0)
		ktest_fail(__FILE__, __LINE__, "mm_check failed after the test "
			   "(its mm_check: lines above say which count)");
	kprintf("KTEST %s %s.%s\n", current_failed ? "failed" : "pass", t->suite, t->name);
	return current_failed;
}

int ktest_run(const char *sel)
{
	int total = for_selected(sel, count), failed;

	kprintf("KTEST plan %d\n", total);
	for_selected(sel, announce);
	failed = for_selected(sel, run_one);
	kprintf("KTEST done %d %d\n", total - failed, failed);
	return failed;
}
