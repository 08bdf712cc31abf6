/*
 * User memory access (mm/uaccess.h).  arch/uaccess.asm does the copying;
 * here we check ranges, open the SMAP window (stac/clac) around each copy,
 * and answer the fault handler's question "may this kernel fault be fixed
 * up?" from the exception table the assembler built.
 *
 *   .extable:  { faulting rip, fixup rip }  { ... }
 */
#include "mm/uaccess.h"
#include "mm/mm.h"
#include "mm/layout.h"
#include "arch/cpu.h"
#include "kernel/errno.h"
#include "kernel/proc.h"

struct extable_entry {
	uint64_t insn, fixup;
};

extern const struct extable_entry __extable_start[], __extable_end[];
long uaccess_copy(void *dst, const void *src, size_t n);
long uaccess_strncpy(char *dst, const char *src, size_t max);

int user_range_ok(uint64_t addr, size_t n)
{
	return addr < USER_TOP && n <= USER_TOP - addr;
}

/* May the process read (or write) all of [addr, addr + len)? */
static int user_access_ok(struct mm *mm, uint64_t addr, uint64_t len, int write)
{
	uint64_t end = addr + len;

	while (addr < end) {
		struct vma *v = vma_find_or_grow(mm, addr);

		if (!v || !(v->prot & (write ? PROT_WRITE : PROT_READ)))
			return 0;
		addr = v->end;
	}
	return 1;
}

/* In user space, and inside VMAs that allow the access: a PROT_NONE page
 * is still a supervisor page to the MMU (mm/mm.c), so the MMU alone would
 * let the kernel through. */
static int may_access(uint64_t addr, size_t n, int write)
{
	return user_range_ok(addr, n) && user_access_ok(current->mm, addr, n, write);
}

long copy_to_user(void *udst, const void *ksrc, size_t n)
{
	long r;

	if (!may_access((uint64_t)udst, n, 1))
		return -EFAULT;
	stac();
	r = uaccess_copy(udst, ksrc, n);
	clac();
	return r;
}

long copy_from_user(void *kdst, const void *usrc, size_t n)
{
	long r;

	if (!may_access((uint64_t)usrc, n, 0))
		return -EFAULT;
	stac();
	r = uaccess_copy(kdst, usrc, n);
	clac();
	return r;
}

/* How many bytes from addr on (at most max) the process may read. */
static size_t readable_extent(uint64_t addr, size_t max)
{
	uint64_t end = addr;

	while (end - addr < max) {
		struct vma *v = vma_find_or_grow(current->mm, end);

		if (!v || !(v->prot & PROT_READ))
			break;
		end = v->end;
	}
	return end - addr < max ? end - addr : max;
}

long strncpy_from_user(char *kdst, const char *usrc, size_t max)
{
	uint64_t a = (uint64_t)usrc;
	size_t n = a < USER_TOP ? readable_extent(a, max) : 0;
	long r;

	if (!n)
		return -EFAULT;
	stac();
	r = uaccess_strncpy(kdst, usrc, n);
	clac();
	if (r < 0)
		return r;
	if ((size_t)r == max)
		return -ENAMETOOLONG;
	return r == (long)n ? -EFAULT : r;      /* ran into memory it may not read */
}

uint64_t uaccess_fixup(uint64_t rip)
{
	for (const struct extable_entry *e = __extable_start; e < __extable_end; e++)
		if (e->insn == rip)
			return e->fixup;
	return 0;
}
