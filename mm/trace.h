/*
 * The fault trace: a ring buffer of the last FAULT_TRACE_SIZE page faults on
 * user addresses, each with what handle_fault() decided and did, and how
 * long it took, and of the TLB shootdown rounds between them (mm/tlb.c):
 * which CPUs were asked to flush, what (a page or all), and how long the
 * asking CPU waited for them.  /proc/faults and the `faults` tool show it;
 * trace=faults on the command line also prints each event as it happens;
 * the gdb helpers read `fault_trace` directly (fl-faults, fl-break-fault).
 *
 *   seq  pid  addr            access      cycles  actions
 *   41   7    00007ffffffde000 write user   9123  table-copy page-copy
 *   42   7    0000000000000000 shootdown   20144  tlb-mm cpus 1,2,3
 */
#ifndef MM_TRACE_H
#define MM_TRACE_H

#include <stdint.h>

#define FAULT_TRACE_SIZE 256
#define FAULT_LINE_MAX  160             /* an event's line, with room to spare */

/* What a fault or a shootdown did, as bits of fault_event.actions. */
enum fault_action {
	FA_ZERO_FILL   = 1 << 0,        /* demand-zero: a zeroed page mapped */
	FA_PAGE_COPY   = 1 << 1,        /* copy-on-write: the page copied */
	FA_PAGE_REUSE  = 1 << 2,        /* copy-on-write: last user, made writable */
	FA_TABLE_COPY  = 1 << 3,        /* odf: a shared PTE table copied (break) */
	FA_TABLE_REUSE = 1 << 4,        /* odf: a PTE table's last user reuses it */
	FA_SIGNAL      = 1 << 5,        /* a bad access: the process is signalled */
	FA_NOMEM       = 1 << 6,        /* no frame: SIGBUS, or -EFAULT for the kernel */
	FA_PMD_COPY    = 1 << 7,        /* hodf: a shared pmd table copied */
	FA_PMD_REUSE   = 1 << 8,        /* hodf: a pmd table's last user reuses it */
	FA_PUD_COPY    = 1 << 9,        /* hodf: a shared pud table copied */
	FA_PUD_REUSE   = 1 << 10,       /* hodf: a pud table's last user reuses it */
	FA_FILE_PAGE   = 1 << 11,       /* a file's page mapped (mm/filemap.c) */
	FA_TLB_PAGE    = 1 << 12,       /* shootdown: the CPUs flush the page at addr */
	FA_TLB_MM      = 1 << 13,       /* shootdown: the CPUs flush the whole mm */
	FA_TLB_KERNEL  = 1 << 14,       /* shootdown: every CPU, global entries too */
};

struct fault_event {
	uint64_t seq;                   /* 1, 2, ...: the event's number since boot */
	uint64_t addr;
	uint64_t cycles;                /* TSC cycles handle_fault() or the round took */
	uint64_t cpus;                  /* a shootdown's: bit i, CPU i was asked; 0: a fault */
	int pid;
	uint16_t err;                   /* the page-fault error code (PF_*) */
	uint16_t actions;               /* FA_* */
};

struct fault_trace {
	struct fault_event ev[FAULT_TRACE_SIZE];
	uint64_t next;                  /* seq of the next event */
	int print;                      /* trace=faults */
};

extern struct fault_trace fault_trace;

void fault_trace_record(uint64_t addr, uint64_t err, unsigned actions, uint64_t cycles);
/* One shootdown round: `what` is one FA_TLB_* bit, addr the page or 0. */
void fault_trace_shootdown(uint64_t cpus, unsigned what, uint64_t addr, uint64_t cycles);
/* "write, table-copy page-copy"-style text for an event. */
int fault_event_format(const struct fault_event *e, char *buf, unsigned long size);

#endif
