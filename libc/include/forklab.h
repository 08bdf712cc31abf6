/*
 * forklab's own interface, beyond Linux's: one header for the kernel and
 * for programs.  On Linux these prctl options fail with EINVAL, so a
 * portable program can tell where it runs.
 */
#ifndef _FORKLAB_H
#define _FORKLAB_H

#include <stdint.h>

/* prctl(PR_SET_FORK_MODE, mode): how the caller's process forks copy
 * memory from now on, whichever thread asks (its children inherit it);
 * PR_GET_FORK_MODE returns it. */
#define PR_SET_FORK_MODE        0x464b0001
#define PR_GET_FORK_MODE        0x464b0002
#define FORK_MODE_COPY          0
#define FORK_MODE_COW           1
#define FORK_MODE_ODF           2
#define FORK_MODE_HODF          3

/* prctl(PR_INSPECT, addr, &inspect): what maps addr in the caller. */
#define PR_INSPECT              0x464b0003

struct forklab_inspect {
	uint64_t table;                 /* the PTE table's frame address, 0 if none */
	uint64_t table_ref;             /* pmd entries pointing at the table */
	uint64_t page;                  /* the page's frame address, 0 if none */
	uint64_t page_ref;              /* references on the page */
	uint64_t pmd_writable;          /* R/W in the pmd entry */
	uint64_t pte_writable;          /* R/W in the PTE */
};

#endif
