/* Memory system calls: thin wrappers over mm/mmap.c. */
#include "kernel/syscall.h"
#include "kernel/proc.h"

long sys_mmap(uint64_t addr, uint64_t len, uint64_t prot, uint64_t flags, uint64_t fd, uint64_t off)
{
	(void)off;
	return mm_mmap(current->mm, addr, len, prot, flags, (int)fd);
}

long sys_munmap(uint64_t addr, uint64_t len, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return mm_munmap(current->mm, addr, len);
}

long sys_mprotect(uint64_t addr, uint64_t len, uint64_t prot, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a3, (void)a4, (void)a5;
	return mm_mprotect(current->mm, addr, len, prot);
}

long sys_brk(uint64_t addr, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return mm_brk(current->mm, addr);
}
