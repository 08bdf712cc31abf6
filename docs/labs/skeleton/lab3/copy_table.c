/*
 * TODO (lab 3): write copy_table(mm, va, pmd), which odf_unshare() calls
 * for a table that others share too: a private copy of the table under
 * pmd, installed in its place, which takes a reference on every page it
 * maps; every PTE of both tables loses R/W.  It returns FA_TABLE_COPY, or
 * -ENOMEM with nothing changed.  (docs/labs/lab3-odf.md, step 3)
 */
