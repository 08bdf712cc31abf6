/*
 * /proc/<pid>/pagetree: a process's page tables as a tree of tables, one
 * line per table, to look at from the shell.  After an on-demand fork:
 *
 *   pgd frame 0x193 ref 1
 *     [0] rw pud frame 0x194 ref 1
 *       [2] rw pmd frame 0x195 ref 1
 *         [0] ro pte frame 0x196 ref 2 shared: 12 pages, 3 writable
 *     [255] rw pud frame 0x1a0 ref 1
 *       [511] rw pmd frame 0x1a1 ref 1
 *         [511] rw pte frame 0x1a2 ref 1: 1 page, 1 writable
 *
 * Below the pgd's line, a line is indented two spaces per level and
 * names the entry pointing at the table (its index, and whether it lets
 * writes through: rw, or not: ro), the table's level, its frame number
 * and its count (struct page.ref: how many entries point at it).  A table
 * counted more than once is marked shared: a PTE table (mm/odf.c), or in
 * hodf mode a pmd or pud table (mm/hodf.c), whose whole subtree the
 * sharers then have in common.  A PTE table's 512
 * entries are folded into how many pages it maps and how many of its
 * PTEs allow writes.  The kernel's half of the pgd is left out: it is the
 * same in every process.
 *
 * A tree longer than the file's one buffer ends with a line saying it was
 * cut.  The sums are /proc/<pid>/status's: VmRSS is the pages, VmPTE the
 * tables only it reaches, SharedPTETables the others.  gdb's fl-tree draws
 * the same lines (scripts/gdb/fl_tree.py), and scripts/pagetree.py turns
 * them into pictures.
 */
#include <string.h>
#include "kernel/pagetree.h"
#include "kernel/printk.h"
#include "mm/frame.h"

#define INDENT          2                       /* spaces per level below the pgd */
#define LINE_MAX        96                      /* one table's line, with its NUL */
#define CUT_NOTE        "cut: more tables than the file holds\n"

static const char *const level_names[] = {
	[PT_PTE] = "pte", [PT_PMD] = "pmd", [PT_PUD] = "pud", [PT_PGD] = "pgd",
};

/* Where the text goes: buf, size bytes, len of them used; cut once a
 * line did not fit. */
struct out {
	char *buf;
	size_t size, len;
	int cut;
};

/* What snprintf kept of a line n bytes long: a line too long for
 * LINE_MAX is cut, and the next snprintf starts at its end. */
static int kept(int n)
{
	return n < LINE_MAX - 1 ? n : LINE_MAX - 1;
}

/* Appends line (n bytes) if it fits whole, leaving room for CUT_NOTE and
 * a NUL; after a line that did not, appends nothing more. */
static void put(struct out *o, const char *line, size_t n)
{
	if (o->cut || o->len + n + sizeof(CUT_NOTE) > o->size) {
		o->cut = 1;
		return;
	}
	memcpy(o->buf + o->len, line, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

/* How many pages a PTE table maps, and through how many PTEs writes may
 * go. */
static void count_pages(const pte_t *table, int *present, int *writable)
{
	*present = *writable = 0;
	for (int i = 0; i < PT_ENTRIES; i++) {
		*present += !!(table[i] & PTE_P);
		*writable += (table[i] & (PTE_P | PTE_W)) == (PTE_P | PTE_W);
	}
}

/* The line of the table `e` points at (e being entry `index` of a table
 * one level up), then the lines of the tables below it. */
static void put_table(struct out *o, pte_t e, int index, int level)
{
	uint64_t pa = pte_pa(e);
	unsigned ref = page_ref(pa_page(pa));
	const pte_t *table = pte_table(e);
	char line[LINE_MAX];
	int n = kept(snprintf(line, sizeof(line), "%*s[%d] %s %s frame %#lx ref %u",
			      INDENT * (PT_PGD - level), "", index, e & PTE_W ? "rw" : "ro",
			      level_names[level], pa >> PAGE_SHIFT, ref));

	if (ref > 1)
		n = kept(n + snprintf(line + n, sizeof(line) - n, " shared"));
	if (level == PT_PTE) {
		int present, writable;

		count_pages(table, &present, &writable);
		n = kept(n + snprintf(line + n, sizeof(line) - n, ": %d page%s, %d writable",
				      present, present == 1 ? "" : "s", writable));
	}
	n = kept(n + snprintf(line + n, sizeof(line) - n, "\n"));
	put(o, line, n);
	for (int i = 0; level > PT_PTE && i < PT_ENTRIES; i++)
		if ((table[i] & PTE_P) && !(table[i] & PTE_PS))
			put_table(o, table[i], i, level - 1);
}

size_t pagetree_format(struct mm *mm, char *buf, size_t size)
{
	struct out o = { buf, size, 0, 0 };
	uint64_t pa = V2P(mm->pgd);
	char line[LINE_MAX];

	put(&o, line, kept(snprintf(line, sizeof(line), "pgd frame %#lx ref %u\n",
				    pa >> PAGE_SHIFT, page_ref(pa_page(pa)))));
	for (int i = 0; i < USER_PTRS_PER_PGD; i++)
		if (mm->pgd[i] & PTE_P)
			put_table(&o, mm->pgd[i], i, PT_PUD);
	if (o.cut) {
		memcpy(buf + o.len, CUT_NOTE, sizeof(CUT_NOTE));
		o.len += sizeof(CUT_NOTE) - 1;
	}
	return o.len;
}
