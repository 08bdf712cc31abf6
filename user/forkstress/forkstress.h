/*
 * forkstress's shared state: one worker process's model of its memory,
 * its children and its counts (main.c explains the design).
 */
#ifndef FORKSTRESS_H
#define FORKSTRESS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define PAGE_SIZE         4096
#define PAGE_WORDS        (PAGE_SIZE / 8)
#define TABLE_PAGES       512           /* pages one PTE table maps: 2 MiB */
#define TABLE_SPAN        ((size_t)TABLE_PAGES * PAGE_SIZE)
#define MAX_REGIONS       8
#define MAX_REGION_PAGES  (2 * TABLE_PAGES)
#define MAX_PROC_PAGES    (4 * TABLE_PAGES)     /* 8 MiB mapped per process */
#define MAX_DEPTH         4             /* the root worker is depth 0 */
#define MAX_CHILDREN      2             /* live at once, per process */
#define PATH_LEN          64
#define MAX_RECORDS       (MAX_REGIONS + 1)  /* a child's reports */

/* Who may touch a shared region (the determinism rule, main.c). */
enum owner {
	MINE,                   /* this process reads and writes it */
	LENT,                   /* a live child owns it until reaped */
	FOREIGN,                /* someone else's: only munmap is allowed */
};

/* Page flags in the model. */
#define PG_MAPPED         1
#define PG_WRITABLE       2

struct region {
	int used, shared;
	int inherited;          /* shared, lent to us: report it to the parent */
	enum owner owner;
	uint64_t lent_to;       /* the child's serial, when LENT */
	uint32_t id;
	int npages;
	int align_off;          /* pages from a 2 MiB boundary to base, or -1 */
	char *base;
	uint32_t stamp[MAX_REGION_PAGES];       /* 0: never written, all zero */
	uint8_t flags[MAX_REGION_PAGES];
};

struct counts {
	uint64_t ops, processes, forks, execs, verified, tolerated, killed;
};

struct child {
	pid_t pid;
	int fd;                 /* the read end of its report pipe */
	uint64_t serial;
};

/* What a worker sends its parent through the report pipe. */
enum record_kind {
	REC_REGION = 1,         /* a shared region lent to the child, and its stamps */
	REC_LOST,               /* one whose pages nobody can vouch for (--tolerant) */
	REC_DONE,
};

struct record {
	uint64_t kind;
	uint64_t id;            /* REC_REGION: the shared region's id */
	uint64_t value;         /* REC_REGION: its stamps' hash; REC_DONE: digest */
	uint64_t budget;        /* REC_DONE: ops left unspent, for the parent */
	struct counts c;
};

/* One worker.  The uint64_t fields up to `c` travel through exec as text
 * (procs.c, resume_fields). */
struct worker {
	uint64_t seed, tolerant;
	uint64_t rng;           /* this process's generator state */
	uint64_t budget;        /* ops still to do */
	uint64_t depth, op, digest;
	uint64_t next_id;       /* the next region id */
	uint64_t next_serial;   /* the next child's number */
	uint64_t report_fd;
	struct counts c;
	char path[PATH_LEN];    /* "0", "0.3", "0.3.1": where in the tree */
	const char *self;       /* argv[0], to exec again */
	int leaving;
	struct child children[MAX_CHILDREN];
	int nchildren;
};

extern struct worker w;
extern struct region regions[MAX_REGIONS];

/* pages.c: numbers, the digest and page contents. */
uint64_t mix64(uint64_t x);
uint64_t rng_next(void);
uint64_t rng_below(uint64_t n);
uint32_t new_stamp(void);
void digest_add(uint64_t v);
void page_fill(uint64_t *page, uint32_t id, uint32_t index, uint32_t stamp);
int page_check(const uint64_t *page, uint32_t id, uint32_t index, uint32_t stamp);

/* main.c: failures. */
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tolerate(const char *what);

/* regions.c: the memory model and the memory operations. */
char *page_addr(struct region *r, int p);
void verify_page(struct region *r, int p, uint32_t stamp);
void verify_all(void);
uint64_t stamps_hash(const struct region *r);
void reclaim_region(struct region *r, uint64_t reported);
void drop_all_regions(void);
void op_mmap(void);
void op_munmap(void);
void op_mprotect(void);
void op_write(void);
void op_read(void);
void op_pipe_in(void);

/* procs.c: the process operations and the reports. */
void op_fork(void);
void op_exec(void);
void op_wait(void);
void op_exit(void);
void reap_oldest(void);
void report_region(struct region *r);
void report_done(void);
void resume(int argc, char **argv);
int collect(struct child *ch, struct record *recs, int *status);
int killed_tolerably(int status);
void check_exit(const struct child *ch, int status, const struct record *done);
void add_counts(struct counts *to, const struct counts *from);

/* supervisor.c: the first process. */
void supervise(uint64_t ops);

#endif
