/*
 * vmprint (mm/vmprint.h): the lower half of an address space's page
 * tables as text.  For an address space with two pages at 0x40000000:
 *
 *   pgd 0x0000000000123000
 *     pgd[0] 0x0000000000124007 P W U
 *       pud[1] 0x0000000000125007 P W U
 *         pmd[0] 0x0000000000126007 P W U ref 1
 *           pte[0] 0x8000000000127007 P W U NX va 0x40000000
 *           pte[1] 0x8000000000128007 P W U NX va 0x40001000
 *
 * The first line gives the pgd's physical address.  Then comes one line
 * per present entry, in address order, each followed by the lines of the
 * table it points at.  A line is indented two spaces per level below the
 * pgd and gives the level, the entry's index in its table, its raw value
 * and the names of its flags (vmprint_flags()).  A pmd entry that points
 * at a PTE table ends with the table's reference count: the number of pmd
 * entries pointing at it, above 1 while on-demand fork shares it
 * (mm/odf.c).  An entry that maps a page (a PTE, or a pmd or pud entry
 * with PS) ends with the virtual address it maps.  Entries 256..511 of the
 * pgd are the kernel's, the same in every address space, and are left out.
 *
 * Lab 1 (docs/labs/lab1-pagetable.md) has you write vmprint_flags() and
 * walk().
 */
#include "mm/vmprint.h"
#include "mm/frame.h"
#include "kernel/printk.h"

#define INDENT          2                       /* spaces per level below the pgd */
#define TAIL_MAX        32                      /* " ref N" or " va 0x..." */

/* Where the lines go. */
struct walker {
	vmprint_out out;
	void *arg;
};

void vmprint_flags(pte_t e, int level, char *buf, size_t size)
{
	/* LAB1: BEGIN flags */
	static const struct {
		pte_t bit;
		const char *name;
	} flags[] = {
		{ PTE_P, "P" }, { PTE_W, "W" }, { PTE_U, "U" }, { PTE_PWT, "PWT" },
		{ PTE_PCD, "PCD" }, { PTE_A, "A" }, { PTE_D, "D" }, { PTE_PS, "PS" },
		{ PTE_G, "G" }, { PTE_NX, "NX" },
	};
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]) && n < size; i++) {
		const char *name = flags[i].name;

		if (!(e & flags[i].bit))
			continue;
		if (flags[i].bit == PTE_PS && level == PT_PTE)
			name = "PAT";           /* no page is bigger than a PTE's */
		n += snprintf(buf + n, size - n, "%s%s", n ? " " : "", name);
	}
	/* LAB1: END flags */
}

/* Prints the present entries of `table`, a table of `level` whose entry 0
 * maps virtual address `base`, each followed by the table it points at. */
static void walk(struct walker *w, const pte_t *table, int level, uint64_t base)
{
	/* LAB1: BEGIN walk */
	static const char *const names[] = {
		[PT_PTE] = "pte", [PT_PMD] = "pmd", [PT_PUD] = "pud", [PT_PGD] = "pgd",
	};
	int n = level == PT_PGD ? USER_PTRS_PER_PGD : PT_ENTRIES;
	uint64_t span = pt_span(level);

	for (int i = 0; i < n; i++) {
		pte_t e = table[i];
		uint64_t va = base + i * span;
		int leaf = level == PT_PTE || (e & PTE_PS);
		char flags[VMPRINT_FLAGS_MAX], tail[TAIL_MAX] = "", line[VMPRINT_LINE_MAX];

		if (!(e & PTE_P))
			continue;
		if (leaf)
			snprintf(tail, sizeof(tail), " va %#lx", va);
		else if (level == PT_PMD)
			snprintf(tail, sizeof(tail), " ref %u", page_ref(pa_page(pte_pa(e))));
		vmprint_flags(e, level, flags, sizeof(flags));
		snprintf(line, sizeof(line), "%*s%s[%d] %#018lx %s%s",
			 INDENT * (PT_PGD + 1 - level), "", names[level], i, e, flags, tail);
		w->out(line, w->arg);
		if (!leaf)
			walk(w, pte_table(e), level - 1, va);
	}
	/* LAB1: END walk */
}

void vmprint_to(struct mm *mm, vmprint_out out, void *arg)
{
	struct walker w = { out, arg };
	char line[VMPRINT_LINE_MAX];

	snprintf(line, sizeof(line), "pgd %#018lx", V2P(mm->pgd));
	out(line, arg);
	walk(&w, mm->pgd, PT_PGD, 0);
}

static void to_console(const char *line, void *arg)
{
	(void)arg;
	kprintf("%s\n", line);
}

void vmprint(struct mm *mm)
{
	vmprint_to(mm, to_console, NULL);
}
