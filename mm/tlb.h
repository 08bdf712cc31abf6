/*
 * TLB shootdown: the flushes one CPU asks of the others (mm/tlb.c).
 */
#ifndef MM_TLB_H
#define MM_TLB_H

#include <stdint.h>

struct mm;

/* Since boot: rounds of IPIs, IPIs sent, and flushes other CPUs did. */
struct tlb_counters {
	uint64_t shootdowns, ipis;
};
extern struct tlb_counters tlb_counters;

/* Cleared by fork_shootdown=0 on the command line: fork then flushes only
 * its own CPU, which lets a parent's threads on other CPUs write through
 * stale entries into pages the child shares.  Only to show the need. */
extern int fork_shootdown;

int tlb_shootdown(struct mm *mm);       /* every other CPU that may cache mm; how many */
void tlb_shootdown_page(struct mm *mm, uint64_t va);   /* the same, one page */
void tlb_shootdown_kernel(void);        /* every other CPU, global entries too */
void tlb_answer(void);                  /* do what another CPU asked, if it did */
uint64_t tlb_remote_flushes(void);      /* flushes done at others' request */

#endif
