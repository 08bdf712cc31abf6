/*
 * Lab 1's tests (docs/labs/lab1-pagetable.md): vmprint's output, captured
 * line by line, on address spaces built by hand.  The expected lines are
 * made here from the entries the kernel's own walk (mm_walk) finds, with
 * the flag names and the tails written out literally: they are the
 * specification of the format.
 */
#include <string.h>
#include "tests/ktest.h"
#include "tests/kernel/mm_fixture.h"
#include "mm/vmprint.h"
#include "arch/cpu.h"
#include "kernel/printk.h"

#define LOW             0x40000000UL            /* pgd 0, pud 1, pmd 0, pte 0 */
#define HIGH            0x7f8040201000UL        /* pgd 255 (the last user one),
						 * pud 1, pmd 1, pte 1 */
#define HUGE_VA         0x80000000UL            /* pgd 0, pud 2, pmd 0 */
#define HUGE_PA         0x200000UL              /* never touched: the mm never runs */
#define MAX_LINES       32
#define INDENT          2

static const char *const level_names[] = {
	[PT_PTE] = "pte", [PT_PMD] = "pmd", [PT_PUD] = "pud", [PT_PGD] = "pgd",
};

/* The lines vmprint gave, in order. */
struct capture {
	int n;
	char line[MAX_LINES][VMPRINT_LINE_MAX];
};

static struct capture got;

static void collect(const char *line, void *arg)
{
	struct capture *c = arg;

	if (c->n < MAX_LINES)
		snprintf(c->line[c->n], VMPRINT_LINE_MAX, "%s", line);
	c->n++;
}

static void capture(struct mm *mm)
{
	got.n = 0;
	vmprint_to(mm, collect, &got);
}

/* One expected line: the entry for va at `level`, its flags without NX,
 * whether NX should show (when the CPU has it), and the tail. */
struct want {
	uint64_t va;
	int level;
	const char *flags;
	int nx;
	const char *tail;
};

static void format_want(char *buf, struct mm *mm, const struct want *w)
{
	pte_t *e = mm_walk(mm, w->va, w->level, 0);

	snprintf(buf, VMPRINT_LINE_MAX, "%*s%s[%d] %#018lx %s%s%s",
		 INDENT * (PT_PGD + 1 - w->level), "", level_names[w->level],
		 pt_index(w->va, w->level), e ? *e : 0, w->flags,
		 w->nx && cpu_has.nx ? " NX" : "", w->tail);
}

/* Checks the captured lines: the pgd line, then one per `want`. */
static void expect_lines(struct mm *mm, const struct want *want, int n)
{
	char line[VMPRINT_LINE_MAX];

	KEXPECT_EQ(got.n, n + 1);
	snprintf(line, sizeof(line), "pgd %#018lx", V2P(mm->pgd));
	if (got.n < 1 || strcmp(got.line[0], line))
		ktest_fail(__FILE__, __LINE__, "line 0: expected \"%s\", got \"%s\"", line,
			   got.n < 1 ? "(nothing)" : got.line[0]);
	for (int i = 0; i < n; i++) {
		format_want(line, mm, &want[i]);
		if (i + 1 >= got.n || i + 1 >= MAX_LINES || strcmp(got.line[i + 1], line))
			ktest_fail(__FILE__, __LINE__, "line %d: expected \"%s\", got \"%s\"",
				   i + 1, line, i + 1 < got.n ? got.line[i + 1] : "(nothing)");
	}
}

/* The captured line that starts with prefix, or NULL. */
static const char *find_line(const char *prefix)
{
	for (int i = 0; i < got.n && i < MAX_LINES; i++)
		if (!strncmp(got.line[i], prefix, strlen(prefix)))
			return got.line[i];
	return NULL;
}

/* Two writable pages at LOW and a read-only one at HIGH, all touched. */
static struct mm *two_regions(void)
{
	struct mm *mm = mm_new();

	fixture_map(mm, LOW, 2 * PAGE_SIZE, RW, ANON_FIXED);
	fixture_map(mm, HIGH, PAGE_SIZE, PROT_READ, ANON_FIXED);
	fixture_touch(mm, LOW, 2, WRITE);
	fixture_touch(mm, HIGH, 1, READ);
	return mm;
}

KTEST(lab1, flags)
{
	static const struct {
		pte_t e;
		int level;
		const char *names;
	} cases[] = {
		{ PTE_P | PTE_W | PTE_U | PTE_A | PTE_D | PTE_NX, PT_PTE, "P W U A D NX" },
		{ 0x123000 | PTE_P, PT_PTE, "P" },              /* the address is no flag */
		{ PTE_P | PTE_PS | PTE_G, PT_PMD, "P PS G" },
		{ PTE_P | PTE_PS, PT_PTE, "P PAT" },            /* bit 7 of a PTE */
		{ PTE_P | PTE_PWT | PTE_PCD, PT_PUD, "P PWT PCD" },
		{ PTE_P | PTE_U | PTE_NX, PT_PGD, "P U NX" },
	};
	char buf[VMPRINT_FLAGS_MAX];

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vmprint_flags(cases[i].e, cases[i].level, buf, sizeof(buf));
		if (strcmp(buf, cases[i].names))
			ktest_fail(__FILE__, __LINE__,
				   "flags of %#lx at level %d: expected \"%s\", got \"%s\"",
				   cases[i].e, cases[i].level, cases[i].names, buf);
	}
}

/* A new address space maps nothing below the kernel: one line. */
KTEST(lab1, empty)
{
	struct mm *mm = mm_new();

	capture(mm);
	expect_lines(mm, NULL, 0);
	mm_free(mm);
}

KTEST(lab1, lines)
{
	static const struct want want[] = {
		{ LOW, PT_PGD, "P W U", 0, "" },
		{ LOW, PT_PUD, "P W U", 0, "" },
		{ LOW, PT_PMD, "P W U", 0, " ref 1" },
		{ LOW, PT_PTE, "P W U", 1, " va 0x40000000" },
		{ LOW + PAGE_SIZE, PT_PTE, "P W U", 1, " va 0x40001000" },
		{ HIGH, PT_PGD, "P W U", 0, "" },
		{ HIGH, PT_PUD, "P W U", 0, "" },
		{ HIGH, PT_PMD, "P W U", 0, " ref 1" },
		{ HIGH, PT_PTE, "P U", 1, " va 0x7f8040201000" },
	};
	struct mm *mm = two_regions();

	capture(mm);
	expect_lines(mm, want, sizeof(want) / sizeof(want[0]));
	mm_free(mm);
}

/* A pmd entry with PS maps 2 MiB itself: it is printed, not walked into. */
KTEST(lab1, huge_page)
{
	static const struct want want[] = {
		{ HUGE_VA, PT_PGD, "P W U", 0, "" },
		{ HUGE_VA, PT_PUD, "P W U", 0, "" },
		{ HUGE_VA, PT_PMD, "P W U PS", 0, " va 0x80000000" },
	};
	struct mm *mm = mm_new();
	pte_t *pmd = mm_walk(mm, HUGE_VA, PT_PMD, 1);

	*pmd = HUGE_PA | PTE_P | PTE_W | PTE_U | PTE_PS;
	capture(mm);
	expect_lines(mm, want, sizeof(want) / sizeof(want[0]));
	*pmd = 0;                               /* not a table: mm_free must not see it */
	mm_free(mm);
}

/* After an odf fork both address spaces show the same PTE table, read-only
 * and counted twice; once the child is gone, the parent's shows 1. */
KTEST(lab1, shared_table_ref)
{
	struct mm *p = two_regions(), *c;
	struct fork_stats st;
	pte_t pmd = *mm_walk(p, LOW, PT_PMD, 0);
	char want[VMPRINT_LINE_MAX];
	const char *line;

	c = mm_fork(p, FORK_ODF, &st);
	snprintf(want, sizeof(want), "      pmd[0] %#018lx P U ref 2", pmd & ~PTE_W);
	capture(c);
	line = find_line("      pmd[0] ");
	if (!line || strcmp(line, want))
		ktest_fail(__FILE__, __LINE__, "child: expected \"%s\", got \"%s\"", want,
			   line ? line : "(nothing)");
	mm_free(c);
	snprintf(want, sizeof(want), "      pmd[0] %#018lx P U ref 1", pmd & ~PTE_W);
	capture(p);
	line = find_line("      pmd[0] ");
	if (!line || strcmp(line, want))
		ktest_fail(__FILE__, __LINE__, "parent: expected \"%s\", got \"%s\"", want,
			   line ? line : "(nothing)");
	mm_free(p);
}
