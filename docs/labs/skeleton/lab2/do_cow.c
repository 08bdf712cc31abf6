	/*
	 * TODO (lab 2): when this process is the page's last user (its ref
	 * is 1), make the PTE writable again and record FA_PAGE_REUSE,
	 * instead of copying.  Until then every write to a copy-on-write
	 * page copies it, which is correct but wasteful: the last user
	 * copies a page nobody else maps, and frees the original.
	 * (docs/labs/lab2-cow.md, step 3)
	 */
	pte_t *pte = pte_for_change(mm, va, actions);
	struct page *old, *copy;

	if (!pte)
		return -ENOMEM;
	old = pa_page(pte_pa(*pte));
	copy = user_page_alloc();
	if (!copy)
		return -ENOMEM;
	memcpy(page_va(copy), page_va(old), PAGE_SIZE);
	*pte = page_pa(copy) | vma_pte_flags(v);
	user_page_put(old);
	flush_page(mm, va);
	*actions |= FA_PAGE_COPY;
	return 0;
