	/*
	 * TODO (lab 1): for every present entry of `table` (only the lower
	 * half, entries 0..255, of a pgd), hand one line to w->out, in the
	 * format at the top of this file, and unless the entry maps a page
	 * itself, walk the table it points at, one level down.  Until then
	 * vmprint prints the pgd line alone.
	 * (docs/labs/lab1-pagetable.md, step 3)
	 */
	(void)w;
	(void)table;
	(void)level;
	(void)base;
