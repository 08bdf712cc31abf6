/* What sysfuzz's files share: the arena, the random values, the file calls. */
#ifndef SYSFUZZ_H
#define SYSFUZZ_H

#include <stdint.h>
#include "../fuzz.h"

#define PAGE_SIZE		4096UL
#define NR_ARGS			6	/* registers a system call reads */
#define NOFILE			64	/* forklab's descriptors per process */
#define SMALL_SPAN		16	/* "small" values: 0 to 15 */
#define WIDE			(1UL << 32)	/* 2^32 + n: a 32-bit field's wrap */
#define NONCANONICAL		0x0000800000000000UL	/* just past user half */
#define USER_TOP		NONCANONICAL
#define TMP			"/tmp"	/* the children's directory */
#define ARRAY_LEN(a)		(sizeof(a) / sizeof((a)[0]))

/*
 * Linux's numbers of the calls the fuzzer makes that our C library does
 * not (it makes the *at forms, and no statx, memfd_create or signal
 * queueing), so <sys/syscall.h>, which lists the calls it makes, has no
 * SYS_ name for them.
 */
#define NR_OPEN			2
#define NR_STAT			4
#define NR_LSTAT		6
#define NR_EXIT			60
#define NR_RENAME		82
#define NR_MKDIR		83
#define NR_RMDIR		84
#define NR_CREAT		85
#define NR_LINK			86
#define NR_UNLINK		87
#define NR_SYMLINK		88
#define NR_CHMOD		90
#define NR_RT_SIGQUEUEINFO	129
#define NR_TKILL		200
#define NR_RENAMEAT		264
#define NR_RT_TGSIGQUEUEINFO	297
#define NR_MEMFD_CREATE		319
#define NR_STATX		332
#define NR_FACCESSAT2		439

/*
 * The arena every child inherits, mapped once by the parent:
 *
 *   [ buffers, read-write | strings, read-only | long name, read-only |
 *     PROT_NONE | hole | edge, read-write | hole | path edge, read-only |
 *     hole ]
 *
 * The long name runs into the PROT_NONE page without a NUL; the path
 * edge ends with a path whose NUL is the page's last byte.
 */
enum {
	RW_PAGES = 8, STR_PAGE = RW_PAGES, LONG_PAGE, NONE_PAGE, HOLE_PAGE,
	EDGE_PAGE, EDGE_HOLE, PATH_EDGE, PATH_HOLE, ARENA_PAGES,
};

/* Kinds of argument value, each hostile in its own way. */
enum {
	V_SMALL, V_BOUNDARY, V_FD, V_BUFFER, V_MISALIGNED, V_READ_ONLY,
	V_PROT_NONE, V_UNMAPPED, V_STRADDLE, V_LOW, V_KERNEL, V_NONCANONICAL,
	V_USER_TOP, V_HUGE, V_PATH, V_VECTOR, V_CODE, V_RANDOM, V_RESULT,
	V_WIDE, NR_KINDS
};

uint64_t value(uint64_t *rng, int kind);
uint64_t hostile_fd(uint64_t *rng);
char *page(int n);
long raw_syscall(long nr, const uint64_t a[NR_ARGS]);

/* odd.c: calls made in odd CPU states. */
extern int top_page_mapped;
void raw_exit(int code);
long flagged_syscall(long nr, const uint64_t a[NR_ARGS], uint64_t flags);
int map_top_page(void);
uint64_t pick_flags(uint64_t *rng);
void touch(uint64_t *rng, uint64_t flags);
long odd_return(uint64_t *rng, long nr, const uint64_t a[NR_ARGS]);

/* shape.c: the descriptor calls' arguments. */
void shape(uint64_t *rng, long nr, uint64_t a[NR_ARGS]);

/* files.c: the file-system calls. */
void fill_file_pages(void);
long pick_file_call(uint64_t *rng);
int shape_file_call(uint64_t *rng, long nr, uint64_t a[NR_ARGS]);
long fill_tmp(const uint64_t a[NR_ARGS]);
void open_tmp_descriptors(void);
void note_descriptor(long nr, long ret);
uint64_t open_descriptor(uint64_t *rng);
int clean_tmp(void);
int tmp_is_empty(void);

#endif
