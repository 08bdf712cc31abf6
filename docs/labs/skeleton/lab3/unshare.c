	/*
	 * TODO (lab 3): a writable pmd entry needs nothing; a read-only one
	 * over a table nobody else maps (ref 1) becomes writable again
	 * (FA_TABLE_REUSE, counted in odf_counters); any other table is
	 * copied (copy_table()).  Until then nothing is ever shared (see
	 * odf_shareable()), every pmd entry is writable, and there is
	 * nothing to do.  (docs/labs/lab3-odf.md, steps 2 and 3)
	 */
	(void)mm;
	(void)va;
	(void)pmd;
	return 0;
