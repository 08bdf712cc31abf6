/*
 * /proc/<pid>/pagetree's text (kernel/pagetree.c) for address spaces built
 * by hand: a line per table, a PTE table's pages counted, and a tree
 * longer than its buffer cut after whole lines, with a last line saying so.
 */
#include <string.h>
#include "tests/ktest.h"
#include "kernel/pagetree.h"
#include "mm/mm.h"
#include "arch/trap.h"
#include <forklab.h>

#define REGION          0x40000000UL            /* 2 MiB aligned */
#define TABLES          8                       /* PTE tables mapped */
#define TEXT            4096
#define SMALL           200                     /* room for a few lines */
#define WRITE           (PF_USER | PF_WRITE)
#define CUT_LINE        "cut: more tables than the file holds\n"

static char text[TEXT];

/* An address space with one page written in each of TABLES tables. */
static struct mm *spread_out(void)
{
	struct mm *mm = mm_new();

	KEXPECT_EQ(mm_mmap(mm, REGION, TABLES * PMD_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED), REGION);
	for (int i = 0; i < TABLES; i++)
		KEXPECT_EQ(handle_fault(mm, REGION + i * PMD_SIZE, WRITE), 0);
	return mm;
}

static int count(const char *s, const char *what)
{
	int n = 0;

	for (; (s = strstr(s, what)); s++)
		n++;
	return n;
}

KTEST(pagetree, a_line_per_table)
{
	struct mm *mm = spread_out();
	size_t len = pagetree_format(mm, text, sizeof(text));

	KEXPECT_EQ(len, strlen(text));
	KEXPECT_EQ(count(text, "\n"), 1 + 1 + 1 + TABLES);      /* pgd pud pmd ptes */
	KEXPECT_EQ(count(text, " pte frame "), TABLES);
	KEXPECT_EQ(count(text, ": 1 page, 1 writable\n"), TABLES);
	KEXPECT_EQ(count(text, "cut:"), 0);
	mm_free(mm);
}

KTEST(pagetree, cut_after_whole_lines)
{
	struct mm *mm = spread_out();
	size_t len = pagetree_format(mm, text, SMALL);

	KEXPECT(len < SMALL);
	KEXPECT_EQ(len, strlen(text));
	KEXPECT(len > strlen(CUT_LINE));
	KEXPECT(!strcmp(text + len - strlen(CUT_LINE), CUT_LINE));
	KEXPECT_EQ(text[len - strlen(CUT_LINE) - 1], '\n');     /* whole lines */
	mm_free(mm);
}
