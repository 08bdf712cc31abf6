/*
 * The fixture of the kernel tests that build address spaces by hand (lab1,
 * lab2, lab3, odf): no process runs them; faults are raised by calling
 * handle_fault(), and every count is read straight from struct page.
 */
#ifndef TESTS_KERNEL_MM_FIXTURE_H
#define TESTS_KERNEL_MM_FIXTURE_H

#include "mm/mm.h"
#include "arch/trap.h"
#include <forklab.h>

#define REGION          0x40000000UL            /* 2 MiB aligned */
#define TOUCHED         16                      /* pages the parent writes */
#define SEED            0x5a                    /* page i holds SEED + i */
#define WRITE           (PF_USER | PF_WRITE)
#define READ            PF_USER
#define RW              (PROT_READ | PROT_WRITE)
#define ANON_FIXED      (MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)
#define SHARED_FIXED    (MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED)

/* mm_check() over the address spaces given, all of which must exist. */
#define CHECK_MMS(...) \
	mm_check((struct mm *[]){ __VA_ARGS__ }, \
		 sizeof((struct mm *[]){ __VA_ARGS__ }) / sizeof(struct mm *))

/* Maps [va, va + len) in mm at exactly va (mm_mmap's flags and prot). */
void fixture_map(struct mm *mm, uint64_t va, uint64_t len, int prot, int flags);

/* Faults in the n pages from va, with the fault's error code err. */
void fixture_touch(struct mm *mm, uint64_t va, int n, uint64_t err);

/* A new address space with one private writable VMA of PMD_SIZE at
 * REGION, whose first TOUCHED pages are written: page i holds SEED + i. */
struct mm *fixture_parent(void);

/* What mm maps at va (prctl(PR_INSPECT)'s answer). */
struct forklab_inspect fixture_look(struct mm *mm, uint64_t va);

/* Takes every free frame, to make the next allocation fail; returns them
 * as a list for fixture_give_frames(). */
struct page *fixture_take_frames(void);
void fixture_give_frames(struct page *list);

#endif
