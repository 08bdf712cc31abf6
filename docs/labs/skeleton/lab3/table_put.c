	/*
	 * TODO (lab 3): if other pmd entries still point at the table, drop
	 * this one's reference and stop here (page_put_unless_last()): the
	 * pages stay, for the others.  Until then every table is freed on its first put, which
	 * is right only while nothing is shared.
	 * (docs/labs/lab3-odf.md, step 4)
	 */
