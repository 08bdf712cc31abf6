		/*
		 * TODO (lab 2): share pg with the child instead of copying
		 * it: one more reference on the page, and the PTE read-only
		 * in both the parent and the child.  Until then cow forks
		 * copy every page, as copy forks do.
		 * (docs/labs/lab2-cow.md, step 2)
		 */
		copy = user_page_alloc();
		if (!copy)
			return -ENOMEM;
		memcpy(page_va(copy), page_va(pg), PAGE_SIZE);
		*dst = page_pa(copy) | vma_pte_flags(w->v);
		w->stats->pages_copied++;
