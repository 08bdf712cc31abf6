/*
 * sysfuzz's file-system calls: which they are, and arguments shaped for
 * them, since random words rarely name a file or an open descriptor.
 *
 * Each call's signature is a string, one letter an argument:
 *
 *   f descriptor   d directory descriptor   p path        b buffer
 *   n byte count   o offset                 w whence      O open flags
 *   m mode         a AT_ flags              r rename flags
 *   v iovec array  c its length             t utimensat times
 *   x left as the other calls get it (fcntl, dup3, poll: shape.c)
 *
 * Descriptors are mostly ones the child has open (it starts with pipes,
 * a directory, /proc and program files, /tmp and a file in it, and adds
 * what open, dup and fcntl return), else bad ones.  Paths are half the
 * time one of a few names in /tmp, absolute and relative, so that calls
 * meet each other's files: one creates, the next renames over it, links
 * it, makes a symlink loop of it.  The others are hostile: ".", "..", "//",
 * deep, names of 255 and 256 bytes, paths of 4095 to 4097 bytes, a path
 * whose NUL is the last byte before unmapped memory, /proc, /dev, the
 * read-only root, and bad pointers.  Offsets and sizes sit near 0, 2^31,
 * 2^32, 2^63 and below 0.  One shaped writev in FILL_ODDS is repeated
 * until /tmp is full, so that the children meet ENOSPC.
 *
 * The children start in /tmp, which must be empty at the start; the
 * parent empties it after each child (clean_tmp).  So every child meets
 * the same /tmp, a child rerun alone repeats its calls' effects, and the
 * frames its files held are back before the next child starts.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include "sysfuzz.h"

#define PERCENT_FILES	30	/* of calls: a file call */
#define RAW_ODDS	8	/* a file call left with random arguments */
#define FILL_ODDS	16	/* of writevs: fill /tmp */
#define FILL_CALLS	16	/* writevs of IOV_MAX buffers: 512 MiB at most */
#define IOV_MAX		1024
#define IOV_SMALL	8
#define POOL		16	/* descriptors remembered */
#define FIRST_FDS	6	/* pipes, /, /proc and program files */
#define TMP_FILE	"/tmp/f"
#define FILE_MODE	0644
#define TIMES_PAGE	6	/* a buffer page no other shape uses */

/* Linux's values of flags our fcntl.h leaves out. */
#define O_DSYNC_BIT	010000
#define O_DIRECT_BIT	040000
#define O_LARGEFILE_BIT	0100000
#define O_NOATIME_BIT	01000000
#define O_SYNC_BITS	04010000
#define O_PATH_BIT	010000000
#define O_TMPFILE_BITS	020200000
#define JUNK_BIT	0x80000000UL
#define NS_PER_SEC	1000000000L

struct file_call {
	long nr;
	const char *args;
};

static const struct file_call file_calls[] = {
	{ SYS_read, "fbn" }, { SYS_write, "fbn" }, { NR_OPEN, "pOm" }, { SYS_close, "f" },
	{ NR_STAT, "pb" }, { SYS_fstat, "fb" }, { NR_LSTAT, "pb" }, { SYS_lseek, "fow" },
	{ SYS_pread64, "fbno" }, { SYS_pwrite64, "fbno" }, { SYS_readv, "fvc" },
	{ SYS_writev, "fvc" }, { SYS_access, "pm" }, { SYS_dup, "f" }, { SYS_dup2, "ff" },
	{ SYS_fcntl, "x" }, { SYS_dup3, "x" }, { SYS_poll, "x" }, { SYS_fsync, "f" },
	{ SYS_fdatasync, "f" }, { SYS_truncate, "po" }, { SYS_ftruncate, "fo" },
	{ SYS_getdents64, "fbn" }, { SYS_getcwd, "bn" }, { SYS_chdir, "p" },
	{ SYS_fchdir, "f" }, { NR_RENAME, "pp" }, { NR_MKDIR, "pm" }, { NR_RMDIR, "p" },
	{ NR_CREAT, "pm" }, { NR_LINK, "pp" }, { NR_UNLINK, "p" }, { NR_SYMLINK, "pp" },
	{ SYS_readlink, "pbn" }, { NR_CHMOD, "pm" }, { SYS_fchmod, "fm" }, { SYS_umask, "m" },
	{ SYS_statfs, "pb" }, { SYS_fstatfs, "fb" }, { SYS_openat, "dpOm" },
	{ SYS_mkdirat, "dpm" }, { SYS_newfstatat, "dpba" }, { SYS_unlinkat, "dpa" },
	{ NR_RENAMEAT, "dpdp" }, { SYS_linkat, "dpdpa" }, { SYS_symlinkat, "pdp" },
	{ SYS_readlinkat, "dpbn" }, { SYS_fchmodat, "dpma" }, { SYS_faccessat, "dpma" },
	{ SYS_utimensat, "dpta" }, { SYS_pipe2, "bO" }, { SYS_renameat2, "dpdpr" },
	{ NR_STATX, "dpamb" }, { NR_FACCESSAT2, "dpma" },
};

/* Calls whose result is a new descriptor (fcntl's often is). */
static const long fd_makers[] = {
	NR_OPEN, SYS_openat, NR_CREAT, SYS_dup, SYS_dup2, SYS_dup3, SYS_fcntl, NR_MEMFD_CREATE,
};

/* Names in /tmp, absolute and relative to it (the children's directory):
 * few, so that the calls collide; "loop" and "l2" become symlink loops
 * when one is made to point at the other or at itself. */
static const char *const tmp_paths[] = {
	"/tmp/a", "/tmp/b", "/tmp/c", "/tmp/a/b", "/tmp/a/b/c", "/tmp/b/a", "/tmp/a/a",
	"/tmp/loop", "/tmp/l2", "/tmp/f", "a", "b", "c", "a/b", "b/a", "a/a/a", "loop",
	"l2", "f", "loop/x", "a/../b", "//tmp//a//", "/tmp/./b/", "/tmp/a/../c",
	"../tmp/b", "./a/./b/../b", "f/", "l2/",
};

static const char *const hostile_paths[] = {
	"", ".", "..", "/", "//", "/tmp", "/tmp/", "/tmp/.", "/tmp/..", "/tmp/../tmp",
	"../../../..", "/dev/null", "/dev/zero", "/dev/full", "/dev/urandom", "/dev",
	"/proc", "/proc/self", "/proc/self/maps", "/proc/meminfo", "/proc/1/stat",
	"/bin/true", "/bin", "/bin/true/x", "/nonexistent/x", "/tmp/f/x", "/tests",
};

/* Paths built at the start: lengths at PATH_MAX's edges, names at
 * NAME_MAX's, a deep walk of ".." that resolves, and one whose NUL is
 * the last byte before a hole. */
enum { LONG_4095, LONG_4096, LONG_4097, DOTS, NAME_255, NAME_256, REL_255, REL_256,
       AT_EDGE, EMPTY_AT_EDGE, NR_BUILT };
#define DOTS_TAIL	"tmp/a"
#define DOTS_UNITS	((PATH_MAX - 2 - (sizeof(DOTS_TAIL) - 1)) / 3)	/* "../" */
#define DOTS_LEN	(1 + 3 * DOTS_UNITS + sizeof(DOTS_TAIL) - 1)	/* 4095 */
#define LONG_STORE	(5 * PATH_MAX)	/* four paths and four names */
static char long_store[LONG_STORE];
static const char *built_paths[NR_BUILT];

static const uint64_t offsets[] = {
	0, 1, 4095, 4096, 4097, 1UL << 20, (1UL << 30) - 1, 1UL << 30, (1UL << 30) + 1,
	0x7fffffff, 0x80000000, 0xffffffff, 1UL << 32, 1UL << 40, 1UL << 62,
	INT64_MAX, INT64_MAX - 4095, INT64_MAX - 1, 1UL << 63, (uint64_t)-1,
	(uint64_t)-4096, (uint64_t)-2,
};

static const uint64_t counts[] = {
	0, 1, 2, 4095, 4096, 4097, RW_PAGES * PAGE_SIZE, RW_PAGES * PAGE_SIZE + 1,
	0x7fffffff, 0x80000000, 0xffffffff, 1UL << 32, INT64_MAX, (uint64_t)-1,
};

static const uint64_t whences[] = {
	SEEK_SET, SEEK_CUR, SEEK_END, 3, 4, 5, (uint64_t)-1, WIDE + SEEK_SET,
};	/* 3 and 4 are SEEK_DATA and SEEK_HOLE */

static const uint64_t open_bits[] = {
	O_CREAT, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_NONBLOCK, O_DIRECTORY, O_NOFOLLOW,
	O_CLOEXEC, O_NOCTTY, O_DSYNC_BIT, O_SYNC_BITS, O_DIRECT_BIT, O_LARGEFILE_BIT,
	O_NOATIME_BIT, O_PATH_BIT, O_TMPFILE_BITS, JUNK_BIT,
};

static const uint64_t at_bits[] = {
	AT_SYMLINK_NOFOLLOW, AT_REMOVEDIR, AT_SYMLINK_FOLLOW, AT_NO_AUTOMOUNT, AT_EMPTY_PATH,
	1, JUNK_BIT,
};

static const uint64_t modes[] = {
	0, FILE_MODE, 0755, 0777, 07777, S_IFMT | 0777, S_IFDIR | 0755, 0xffffffff,
	WIDE + FILE_MODE,
};

static const uint64_t rename_flags[] = { 0, 1, 2, 4, 3, 5, 6, 7, 8, (uint64_t)-1, WIDE };

static const int64_t time_parts[] = {
	0, 1, UTIME_NOW, UTIME_OMIT, NS_PER_SEC - 1, NS_PER_SEC, -1, INT64_MAX,
};

static const int bad_pointers[] = {
	V_READ_ONLY, V_PROT_NONE, V_UNMAPPED, V_STRADDLE, V_KERNEL, V_NONCANONICAL,
	V_USER_TOP, V_LOW,
};

static struct iovec iovs[IOV_MAX];
static uint64_t last_iov_count;
static int pool[POOL], tmp_file_fd = -1;
static unsigned npool;

/* Writes head, then unit again and again, then tail: len bytes in all;
 * returns the string and moves *at past its NUL. */
static const char *repeat(char **at, const char *head, const char *unit, size_t len,
			  const char *tail)
{
	char *s = *at;
	size_t n = strlen(head), u = strlen(unit), body = len - strlen(tail);

	memcpy(s, head, n);
	for (; n < body; n += u)
		memcpy(s + n, unit, u);
	strcpy(s + body, tail);
	*at = s + len + 1;
	return s;
}

/* Fills the built paths and the path edge page (before it is made
 * read-only). */
void fill_file_pages(void)
{
	char *at = long_store, *edge = page(PATH_EDGE);
	static const char dir[] = "/tmp/", edge_path[] = "/tmp/a";

	built_paths[LONG_4095] = repeat(&at, dir, "a/", PATH_MAX - 1, "");
	built_paths[LONG_4096] = repeat(&at, dir, "a/", PATH_MAX, "");
	built_paths[LONG_4097] = repeat(&at, dir, "a/", PATH_MAX + 1, "");
	built_paths[DOTS] = repeat(&at, "/", "../", DOTS_LEN, DOTS_TAIL);
	built_paths[NAME_255] = repeat(&at, dir, "n", sizeof(dir) - 1 + NAME_MAX, "");
	built_paths[NAME_256] = repeat(&at, dir, "n", sizeof(dir) + NAME_MAX, "");
	built_paths[REL_255] = repeat(&at, "", "n", NAME_MAX, "");
	built_paths[REL_256] = repeat(&at, "", "n", NAME_MAX + 1, "");
	memset(edge, 'e', PAGE_SIZE);
	memcpy(edge + PAGE_SIZE - sizeof(edge_path), edge_path, sizeof(edge_path));
	built_paths[AT_EDGE] = edge + PAGE_SIZE - sizeof(edge_path);
	built_paths[EMPTY_AT_EDGE] = edge + PAGE_SIZE - 1;
}

static uint64_t pick(uint64_t *rng, const uint64_t *set, unsigned n)
{
	return set[below(rng, n)];
}
#define PICK(rng, set)	pick(rng, set, ARRAY_LEN(set))

/* Some of the bits, each one time in 4. */
static uint64_t some_bits(uint64_t *rng, const uint64_t *bits, unsigned n)
{
	uint64_t v = 0;

	for (unsigned i = 0; i < n; i++)
		v |= below(rng, 4) ? 0 : bits[i];
	return v;
}

static uint64_t path(uint64_t *rng)
{
	switch (below(rng, 8)) {
	case 0: case 1: case 2: case 3:
		return (uint64_t)tmp_paths[below(rng, ARRAY_LEN(tmp_paths))];
	case 4: case 5:
		return (uint64_t)hostile_paths[below(rng, ARRAY_LEN(hostile_paths))];
	case 6:
		return (uint64_t)built_paths[below(rng, NR_BUILT)];
	default:
		return below(rng, 4) ? value(rng, bad_pointers[below(rng, ARRAY_LEN(bad_pointers))])
				     : 0;
	}
}

static uint64_t buffer(uint64_t *rng)
{
	if (below(rng, 4))
		return value(rng, V_BUFFER);
	return value(rng, bad_pointers[below(rng, ARRAY_LEN(bad_pointers))]);
}

static uint64_t number(uint64_t *rng, const uint64_t *set, unsigned n)
{
	return below(rng, 4) ? pick(rng, set, n) : below(rng, PAGE_SIZE);
}

static uint64_t descriptor(uint64_t *rng)
{
	return below(rng, 4) ? open_descriptor(rng) : hostile_fd(rng);
}

static uint64_t directory(uint64_t *rng)
{
	switch (below(rng, 8)) {
	case 0: case 1: case 2:
		return (uint64_t)AT_FDCWD;
	case 3:                         /* as an int, not sign-extended */
		return below(rng, 2) ? (uint32_t)AT_FDCWD : WIDE + (uint32_t)AT_FDCWD;
	default:
		return descriptor(rng);
	}
}

static uint64_t open_flags(uint64_t *rng)
{
	return below(rng, 4) + some_bits(rng, open_bits, ARRAY_LEN(open_bits));
}

/* A few buffers, some hostile or of hostile length; a[k + 1] then
 * usually gets their number. */
static uint64_t iovec_array(uint64_t *rng)
{
	last_iov_count = 1 + below(rng, IOV_SMALL);
	for (unsigned i = 0; i < last_iov_count; i++) {
		iovs[i].iov_base = (void *)buffer(rng);
		iovs[i].iov_len = number(rng, counts, ARRAY_LEN(counts));
	}
	return below(rng, 8) ? (uint64_t)iovs : path(rng);
}

static uint64_t iovec_count(uint64_t *rng)
{
	static const uint64_t edges[] = { 0, IOV_MAX, IOV_MAX + 1, (uint64_t)-1, WIDE + 1 };

	return below(rng, 4) ? last_iov_count : PICK(rng, edges);
}

/* utimensat's two timespecs: now, omit, the edges of tv_nsec; or none. */
static uint64_t time_pair(uint64_t *rng)
{
	int64_t (*t)[2] = (int64_t (*)[2])page(TIMES_PAGE);

	if (!below(rng, 4))
		return below(rng, 2) ? 0 : buffer(rng);
	for (int i = 0; i < 2; i++)
		for (int k = 0; k < 2; k++)
			t[i][k] = time_parts[below(rng, ARRAY_LEN(time_parts))];
	return (uint64_t)t;
}

static uint64_t argument(uint64_t *rng, char kind, uint64_t random)
{
	switch (kind) {
	case 'f': return descriptor(rng);
	case 'd': return directory(rng);
	case 'p': return path(rng);
	case 'b': return buffer(rng);
	case 'n': return number(rng, counts, ARRAY_LEN(counts));
	case 'o': return number(rng, offsets, ARRAY_LEN(offsets));
	case 'w': return PICK(rng, whences);
	case 'O': return open_flags(rng);
	case 'm': return below(rng, 2) ? FILE_MODE : PICK(rng, modes);
	case 'a': return some_bits(rng, at_bits, ARRAY_LEN(at_bits));
	case 'r': return PICK(rng, rename_flags);
	case 'v': return iovec_array(rng);
	case 'c': return iovec_count(rng);
	case 't': return time_pair(rng);
	default: return random;
	}
}

/* A file call's number, one time in 100 / PERCENT_FILES; else -1. */
long pick_file_call(uint64_t *rng)
{
	return below(rng, 100) < PERCENT_FILES
		? file_calls[below(rng, ARRAY_LEN(file_calls))].nr : -1;
}

/* writev of IOV_MAX buffers of the whole buffer area to the /tmp file. */
static void fill_call(uint64_t a[NR_ARGS])
{
	for (unsigned i = 0; i < IOV_MAX; i++) {
		iovs[i].iov_base = page(0);
		iovs[i].iov_len = RW_PAGES * PAGE_SIZE;
	}
	a[0] = tmp_file_fd, a[1] = (uint64_t)iovs, a[2] = IOV_MAX;
}

/* Shapes a[] for a file call (most of the time); returns whether the
 * call is to be repeated until /tmp is full (fill_tmp). */
int shape_file_call(uint64_t *rng, long nr, uint64_t a[NR_ARGS])
{
	const struct file_call *c = NULL;

	for (unsigned i = 0; i < ARRAY_LEN(file_calls); i++)
		if (file_calls[i].nr == nr)
			c = &file_calls[i];
	if (!c || !below(rng, RAW_ODDS))
		return 0;
	if (nr == SYS_writev && !below(rng, FILL_ODDS)) {
		fill_call(a);
		return 1;
	}
	for (int k = 0; c->args[k]; k++)
		a[k] = argument(rng, c->args[k], a[k]);
	return 0;
}

/* The fill: writev again while it writes everything, FILL_CALLS at most;
 * returns the last result (ENOSPC when /tmp filled). */
long fill_tmp(const uint64_t a[NR_ARGS])
{
	long ret = 0;

	for (int i = 0; i < FILL_CALLS; i++) {
		ret = raw_syscall(SYS_writev, a);
		if (ret < (long)(IOV_MAX * RW_PAGES * PAGE_SIZE))
			break;
	}
	return ret;
}

static void add_descriptor(int fd)
{
	pool[npool++ % POOL] = fd;
}

/* The child's first descriptors are already open (replace_descriptors);
 * adds /tmp and a file in it. */
void open_tmp_descriptors(void)
{
	for (int fd = 0; fd < FIRST_FDS; fd++)
		add_descriptor(fd);
	add_descriptor(open(TMP, O_RDONLY | O_DIRECTORY));
	tmp_file_fd = open(TMP_FILE, O_RDWR | O_CREAT, FILE_MODE);
	add_descriptor(tmp_file_fd);
}

void note_descriptor(long nr, long ret)
{
	if (ret < 0 || ret >= NOFILE)
		return;
	for (unsigned i = 0; i < ARRAY_LEN(fd_makers); i++)
		if (fd_makers[i] == nr)
			add_descriptor(ret);
}

uint64_t open_descriptor(uint64_t *rng)
{
	unsigned n = npool < POOL ? npool : POOL;

	return n ? (uint64_t)pool[below(rng, n)] : below(rng, NOFILE);
}

static int dot_or_dotdot(const char *name)
{
	return !strcmp(name, ".") || !strcmp(name, "..");
}

static int remove_dir(const char *name);

/* Removes everything in the working directory, over and over while that
 * removes something; returns how many entries are left. */
static int empty_cwd(void)
{
	for (;;) {
		DIR *d = opendir(".");
		struct dirent *e;
		int removed = 0, left = 0;

		if (!d)
			return 1;
		while ((e = readdir(d)))
			if (dot_or_dotdot(e->d_name))
				continue;
			else if (unlink(e->d_name) == 0 || remove_dir(e->d_name) == 0)
				removed++;
			else
				left++;
		closedir(d);
		if (!left || !removed)
			return left;
	}
}

/* unlink took every name but directories', so name is a directory, not
 * a symlink to one: ".." leads back. */
static int remove_dir(const char *name)
{
	if (chdir(name) < 0)
		return -1;
	empty_cwd();
	if (chdir("..") < 0)
		return -1;
	return rmdir(name);
}

/* Empties /tmp and stays in it (the children start there); returns how
 * many entries could not be removed. */
int clean_tmp(void)
{
	if (chdir(TMP) < 0)
		return 1;
	return empty_cwd();
}

/* Whether /tmp holds nothing: sysfuzz removes what is there. */
int tmp_is_empty(void)
{
	DIR *d = opendir(TMP);
	struct dirent *e;
	int empty = d != NULL;

	while (d && (e = readdir(d)))
		empty &= dot_or_dotdot(e->d_name);
	if (d)
		closedir(d);
	return empty;
}
