	/*
	 * TODO (lab 1): write into buf the names of the flags set in e,
	 * separated by single spaces, in the order of their bits:
	 *
	 *     P W U PWT PCD A D PS G NX
	 *
	 * except that bit 7 of a PTE (level PT_PTE) is PAT, not PS.  Never
	 * write more than size bytes, the NUL included.  Until then every
	 * entry's flags read "?".  (docs/labs/lab1-pagetable.md, step 2)
	 */
	(void)e;
	(void)level;
	snprintf(buf, size, "?");
