/*
 * elffuzz [--seed S] [--count N] [--deadline-ms D] [--list] [--only I]
 *         PROGRAM...
 *
 * An ELF loader fuzzer, portable: built for forklab (/bin/elffuzz) and for
 * the host's Linux, where the same seed gives Linux's verdicts to compare
 * with (tests/elffuzz-compare.sh).
 *
 * Mutant i is program i % (number of programs), changed by one to four
 * structure-aware mutations: a field of the ELF header or of one program
 * header set to a value at an edge (0, -1, 2^32 + n, page and user-space
 * boundaries, the file's size, the field's own value moved a little), two
 * program headers swapped or one copied over another (order, overlap), a
 * segment moved onto another's addresses or to end at the top of user
 * space (or a byte either side), or the file cut short (inside
 * the ELF header, the program headers or a segment).  It depends only on
 * S, i and the program's bytes.
 *
 * Each mutant is written into a memfd and run, in a forked child, with
 * execveat(fd, "", ..., AT_EMPTY_PATH); the parent keeps a deadline, then
 * sends SIGKILL.  The verdict is one of
 *
 *   ok N     the program ran and exited with status N
 *   err E    execveat refused it with errno E (the caller kept running)
 *   sig S    the program was killed by signal S
 *   hang     it was still running at the deadline
 *
 * With --list every verdict is printed with the mutations that made it;
 * the last line counts them and gives a digest of the whole list.
 *
 * The programs fuzzed must be tiny ones that print and exit (true, echo):
 * only headers change, so a mutant that runs runs their code, entered
 * somewhere.  It starts with no open descriptor, and on Linux also under
 * rlimits (no core, a second of CPU) and a seccomp filter that lets it
 * make only the calls such a program makes; anything else gets ENOSYS, as
 * a call forklab lacks would.
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include "fuzz.h"

#define DEFAULT_SEED		1
#define DEFAULT_COUNT		1000
#define DEFAULT_DEADLINE_MS	1000
#define MAX_PROGRAMS		8
#define MAX_SIZE		(1024 * 1024)	/* a memfd's size on forklab */
#define MAX_MUTATIONS		4
#define YIELDS			50	/* before the parent starts to sleep */
#define POLL_NS			1000000L
#define DESCRIPTION		256	/* room for a mutant's mutations */
#define TOP_PAGES		4	/* M_TOP: segments end in the last pages */

#define NR_PIPE2		293
#define NR_MEMFD_CREATE		319
#define NR_EXECVEAT		322
#define MFD_CLOEXEC		1
#define AT_EMPTY_PATH		0x1000
#define PIPE_CLOEXEC		02000000	/* O_CLOEXEC */

#define PAGE			0x1000UL
#define USER_TOP		0x0000800000000000UL
#define FNV_OFFSET		0xcbf29ce484222325UL
#define FNV_PRIME		0x100000001b3UL
#define ARRAY_LEN(a)		(sizeof(a) / sizeof((a)[0]))

/* The ELF64 headers, as the ELF specification lays them out. */
struct ehdr {
	uint8_t ident[16];
	uint16_t type, machine;
	uint32_t version;
	uint64_t entry, phoff, shoff;
	uint32_t flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

/* A field: where it is in its header, how wide, and its name. */
struct field {
	unsigned at, size;
	const char *name;
};

#define EF(f) { __builtin_offsetof(struct ehdr, f), sizeof(((struct ehdr *)0)->f), #f }
#define PF(f) { __builtin_offsetof(struct phdr, f), sizeof(((struct phdr *)0)->f), #f }
#define IDENT(i, n) { i, 1, n }

static const struct field ehdr_fields[] = {
	IDENT(0, "magic0"), IDENT(4, "class"), IDENT(5, "data"), IDENT(6, "ident_version"),
	IDENT(7, "osabi"), EF(type), EF(machine), EF(version), EF(entry), EF(phoff),
	EF(shoff), EF(flags), EF(ehsize), EF(phentsize), EF(phnum), EF(shentsize),
	EF(shnum), EF(shstrndx),
};

static const struct field phdr_fields[] = {
	PF(type), PF(flags), PF(offset), PF(vaddr), PF(paddr), PF(filesz), PF(memsz),
	PF(align),
};

/* Values at edges; NEAR_* are relative to the field's value or the file. */
static const uint64_t edges[] = {
	0, 1, 2, 3, 6, 7, 0xff, 0xffff, PAGE - 1, PAGE, PAGE + 1, 0x400000,
	0x7fffffff, 0x80000000, 0xffffffff, 0x100000000, 0x100000001, 0x100001000,
	USER_TOP - PAGE, USER_TOP - 1, USER_TOP, USER_TOP + PAGE,
	0x7fffffffffffffff, 0x8000000000000000, 0xffffffff80000000,
	(uint64_t)-PAGE, (uint64_t)-2, (uint64_t)-1,
};

enum { M_EHDR, M_PHDR, M_SWAP, M_COPY, M_ONTO, M_TOP, M_TRUNCATE, NR_MUTATIONS };
enum { V_EDGE, V_NEAR, V_BIT, V_FILE_SIZE, V_RANDOM, NR_VALUE_KINDS };
enum { OK, ERR, SIG, HANG, NR_VERDICTS };

struct program {
	unsigned char *bytes;
	size_t size;
};

struct mutant {
	unsigned char bytes[MAX_SIZE];
	size_t size;
	char what[DESCRIPTION];
};

struct options {
	uint64_t seed;
	long count, deadline_ms, only;
	int list;
};

static struct mutant m;

static long raw_syscall5(long nr, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
			 uint64_t a5)
{
	register uint64_t r10 __asm__("r10") = a4;
	register uint64_t r8 __asm__("r8") = a5;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
}

static void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void note(const char *fmt, ...)
{
	size_t n = strlen(m.what);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m.what + n, sizeof(m.what) - n, fmt, ap);
	va_end(ap);
}

static uint64_t get_field(const unsigned char *base, const struct field *f)
{
	uint64_t v = 0;

	memcpy(&v, base + f->at, f->size);
	return v;
}

static void set_field(unsigned char *base, const struct field *f, uint64_t v)
{
	memcpy(base + f->at, &v, f->size);
}

static uint64_t pick_value(uint64_t *rng, uint64_t old)
{
	switch (below(rng, NR_VALUE_KINDS)) {
	case V_EDGE:
		return edges[below(rng, ARRAY_LEN(edges))];
	case V_NEAR:
		return old + below(rng, 2 * PAGE + 1) - PAGE;
	case V_BIT:
		return old ^ (1UL << below(rng, 64));
	case V_FILE_SIZE:
		return m.size + below(rng, 3) - 1;
	default:
		return next_random(rng) >> below(rng, 64);
	}
}

/* The program headers as the (mutated) ELF header places them, as far as
 * they lie in the file; how many. */
static unsigned phdrs_in_file(uint64_t *phoff)
{
	struct ehdr eh;
	uint64_t n;

	if (m.size < sizeof(eh))
		return 0;
	memcpy(&eh, m.bytes, sizeof(eh));
	*phoff = eh.phoff;
	if (eh.phoff > m.size)
		return 0;
	n = (m.size - eh.phoff) / sizeof(struct phdr);
	return n < eh.phnum ? n : eh.phnum;
}

static unsigned char *phdr_at(uint64_t phoff, unsigned i)
{
	return m.bytes + phoff + i * sizeof(struct phdr);
}

static void mutate_field(uint64_t *rng, unsigned char *base, const struct field *f)
{
	set_field(base, f, pick_value(rng, get_field(base, f)));
	note("%s=0x%lx ", f->name, (unsigned long)get_field(base, f));
}

/* Two program headers: swapped, one over the other, or the second's
 * addresses given to the first. */
static void mutate_pair(uint64_t *rng, int kind, uint64_t phoff, unsigned n)
{
	unsigned a = below(rng, n), b = below(rng, n);
	struct phdr pa, pb;

	memcpy(&pa, phdr_at(phoff, a), sizeof(pa));
	memcpy(&pb, phdr_at(phoff, b), sizeof(pb));
	if (kind == M_SWAP) {
		memcpy(phdr_at(phoff, a), &pb, sizeof(pb));
		memcpy(phdr_at(phoff, b), &pa, sizeof(pa));
	} else if (kind == M_COPY) {
		memcpy(phdr_at(phoff, a), &pb, sizeof(pb));
	} else {
		pa.vaddr = pb.vaddr + below(rng, 2) * below(rng, pb.memsz + 1);
		memcpy(phdr_at(phoff, a), &pa, sizeof(pa));
	}
	note("%s%u,%u ", kind == M_SWAP ? "swap" : kind == M_COPY ? "copy" : "onto", a, b);
}

/* A segment that ends at the top of user space, or a byte either side. */
static void mutate_top(uint64_t *rng, uint64_t phoff, unsigned n)
{
	unsigned i = below(rng, n);
	struct phdr ph;

	memcpy(&ph, phdr_at(phoff, i), sizeof(ph));
	ph.vaddr = USER_TOP - PAGE * (1 + below(rng, TOP_PAGES)) + below(rng, 2) * ph.vaddr % PAGE;
	ph.memsz = USER_TOP - ph.vaddr + below(rng, 3) - 1;
	if (ph.filesz > ph.memsz)
		ph.filesz = ph.memsz;
	memcpy(phdr_at(phoff, i), &ph, sizeof(ph));
	note("top%u=0x%lx+0x%lx ", i, (unsigned long)ph.vaddr, (unsigned long)ph.memsz);
}

/* Cut inside the ELF header, the program headers, or anywhere. */
static void truncate_mutant(uint64_t *rng, uint64_t phoff, unsigned n)
{
	size_t cut;

	switch (below(rng, 3)) {
	case 0:
		cut = below(rng, sizeof(struct ehdr) + 1);
		break;
	case 1:
		cut = phoff + below(rng, n * sizeof(struct phdr) + 1);
		break;
	default:
		cut = below(rng, m.size + 1);
	}
	if (cut < m.size)
		m.size = cut;
	note("cut=%lu ", (unsigned long)m.size);
}

static void mutate_once(uint64_t *rng)
{
	uint64_t phoff = 0;
	unsigned n = phdrs_in_file(&phoff);
	int kind = below(rng, NR_MUTATIONS);

	if (m.size < sizeof(struct ehdr))
		return;
	if (kind == M_EHDR || (n == 0 && kind != M_TRUNCATE)) {
		mutate_field(rng, m.bytes, &ehdr_fields[below(rng, ARRAY_LEN(ehdr_fields))]);
	} else if (kind == M_PHDR) {
		unsigned i = below(rng, n);

		note("ph%u.", i);
		mutate_field(rng, phdr_at(phoff, i),
			     &phdr_fields[below(rng, ARRAY_LEN(phdr_fields))]);
	} else if (kind == M_TOP) {
		mutate_top(rng, phoff, n);
	} else if (kind == M_TRUNCATE) {
		truncate_mutant(rng, phoff, n);
	} else {
		mutate_pair(rng, kind, phoff, n);
	}
}

/* Mutant i: program i % nprog, mutated by its own random sequence. */
static void make_mutant(const struct options *o, const struct program *progs, int nprog,
			long i)
{
	const struct program *p = &progs[i % nprog];
	uint64_t rng = o->seed * CHILD_STREAM ^ (uint64_t)i;
	int n = 1 + below(&rng, MAX_MUTATIONS);

	memcpy(m.bytes, p->bytes, p->size);
	m.size = p->size;
	m.what[0] = '\0';
	while (n--)
		mutate_once(&rng);
}

#if __has_include(<linux/seccomp.h>)
#include <stddef.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#define CPU_SECONDS	1
#define MAX_AS		(1UL << 30)
#define ARG_LOW(n)	(offsetof(struct seccomp_data, args) + (n) * sizeof(uint64_t))
#define LOAD(at)	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, (at))
#define IF_NOT(v, skip)	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (v), 0, (skip))
#define RET(v)		BPF_STMT(BPF_RET | BPF_K, (v))
#define ALLOW(nr)	IF_NOT(nr, 1), RET(SECCOMP_RET_ALLOW)

/*
 * Linux only: the calls a tiny program makes, and execveat of our memfd
 * alone (it closes at the exec, so the mutant cannot run anything);
 * every other call fails with ENOSYS.
 */
static void confine(int fd)
{
	struct sock_filter code[] = {
		LOAD(offsetof(struct seccomp_data, arch)),
		IF_NOT(AUDIT_ARCH_X86_64, 0), /* patched below: kill if not */
		LOAD(offsetof(struct seccomp_data, nr)),
		ALLOW(0), ALLOW(1), ALLOW(3), ALLOW(5), ALLOW(8), ALLOW(9), ALLOW(10),
		ALLOW(11), ALLOW(12), ALLOW(13), ALLOW(14), ALLOW(16), ALLOW(20),
		ALLOW(39), ALLOW(60), ALLOW(63), ALLOW(158), ALLOW(186), ALLOW(218),
		ALLOW(228), ALLOW(231), ALLOW(318),
		IF_NOT(NR_EXECVEAT, 5),
		LOAD(ARG_LOW(0)), IF_NOT((uint32_t)fd, 3),
		LOAD(ARG_LOW(4)), IF_NOT(AT_EMPTY_PATH, 1),
		RET(SECCOMP_RET_ALLOW),
		RET(SECCOMP_RET_ERRNO | ENOSYS),
		RET(SECCOMP_RET_KILL_PROCESS),
	};
	struct sock_fprog prog = { ARRAY_LEN(code), code };
	struct rlimit none = { 0, 0 }, cpu = { CPU_SECONDS, CPU_SECONDS + 1 },
		      as = { MAX_AS, MAX_AS };

	code[1].jf = ARRAY_LEN(code) - 3;       /* to the last: kill */
	if (setrlimit(RLIMIT_CORE, &none) < 0 || setrlimit(RLIMIT_FSIZE, &none) < 0 ||
	    setrlimit(RLIMIT_CPU, &cpu) < 0 || setrlimit(RLIMIT_AS, &as) < 0 ||
	    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0)
		_exit(EXIT_FAILURE);
}
#else
/* forklab: the kernel under test is the one we would protect. */
static void confine(int fd)
{
	(void)fd;
}
#endif

/* The child: no descriptor but the memfd and the pipe its errno goes
 * through if execveat fails (both close at a successful exec). */
static void run_mutant(int fd, int report)
{
	static char *const argv[] = { "mutant", "x", NULL }, *const envp[] = { NULL };
	int err;

	for (int i = 0; i < 3; i++)
		close(i);
	confine(fd);
	err = -raw_syscall5(NR_EXECVEAT, fd, (uint64_t)"", (uint64_t)argv, (uint64_t)envp,
			    AT_EMPTY_PATH);
	write(report, &err, sizeof(err));
	_exit(0);
}

static void die(const char *what)
{
	perror(what);
	exit(EXIT_FAILURE);
}

/* A memfd holding the mutant; the caller closes it. */
static int mutant_file(void)
{
	int fd = raw_syscall5(NR_MEMFD_CREATE, (uint64_t)"mutant", MFD_CLOEXEC, 0, 0, 0);

	if (fd < 0) {
		errno = -fd;
		die("elffuzz: memfd_create");
	}
	if (m.size && write(fd, m.bytes, m.size) != (ssize_t)m.size)
		die("elffuzz: write");
	return fd;
}

/* Runs the mutant; its verdict's kind, and its value in *value. */
static int verdict(long deadline_ms, int *value)
{
	int fd = mutant_file(), report[2], status = 0, err;
	long r = raw_syscall5(NR_PIPE2, (uint64_t)report, PIPE_CLOEXEC, 0, 0, 0);
	pid_t pid;

	if (r < 0)
		die("elffuzz: pipe2");
	pid = fork_retrying(POLL_NS);
	if (pid < 0)
		die("elffuzz: fork");
	if (pid == 0)
		run_mutant(fd, report[1]);
	close(report[1]);
	close(fd);
	r = wait_deadline(pid, deadline_ms, POLL_NS, YIELDS, &status);
	err = 0;
	if (read(report[0], &err, sizeof(err)) == sizeof(err) && err > 0)
		r = ERR, *value = err;
	else if (r < 0)
		r = HANG, *value = 0;
	else if (WIFSIGNALED(status))
		r = SIG, *value = WTERMSIG(status);
	else
		r = OK, *value = WEXITSTATUS(status);
	close(report[0]);
	return r;
}

static void load(const char *path, struct program *p)
{
	int fd = open(path, O_RDONLY);
	ssize_t n = 0, got;

	p->bytes = malloc(MAX_SIZE);
	if (fd < 0 || !p->bytes)
		die(path);
	while ((got = read(fd, p->bytes + n, MAX_SIZE - n)) > 0)
		n += got;
	close(fd);
	p->size = n;
}

static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * FNV_PRIME;
	return h;
}

static void usage(void)
{
	fprintf(stderr, "usage: elffuzz [--seed S] [--count N] [--deadline-ms D] [--list] "
		"[--only I] PROGRAM...\n");
	exit(EXIT_FAILURE);
}

/* The options; returns the index of the first program. */
static int parse(int argc, char **argv, struct options *o)
{
	int i;

	*o = (struct options){ DEFAULT_SEED, DEFAULT_COUNT, DEFAULT_DEADLINE_MS, -1, 0 };
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--seed"))
			o->seed = option_value("elffuzz", argc, argv, &i);
		else if (!strcmp(argv[i], "--count"))
			o->count = option_value("elffuzz", argc, argv, &i);
		else if (!strcmp(argv[i], "--deadline-ms"))
			o->deadline_ms = option_value("elffuzz", argc, argv, &i);
		else if (!strcmp(argv[i], "--only"))
			o->only = option_value("elffuzz", argc, argv, &i);
		else if (!strcmp(argv[i], "--list"))
			o->list = 1;
		else
			usage();
	}
	if (i == argc || argc - i > MAX_PROGRAMS || o->count < 1 || o->deadline_ms < 1)
		usage();
	return i;
}

int main(int argc, char **argv)
{
	static const char *const names[NR_VERDICTS] = { "ok", "err", "sig", "hang" };
	struct program progs[MAX_PROGRAMS];
	long counts[NR_VERDICTS] = { 0 };
	uint64_t digest = FNV_OFFSET;
	struct options o;
	int first = parse(argc, argv, &o), nprog = argc - first;

	for (int p = 0; p < nprog; p++)
		load(argv[first + p], &progs[p]);
	for (long i = o.only < 0 ? 0 : o.only; i < (o.only < 0 ? o.count : o.only + 1); i++) {
		char line[DESCRIPTION * 2];
		int value, kind;

		make_mutant(&o, progs, nprog, i);
		kind = verdict(o.deadline_ms, &value);
		counts[kind]++;
		snprintf(line, sizeof(line), "%ld %s %d", i, names[kind], value);
		digest = fnv(digest, line);
		if (o.list)
			printf("elffuzz: %s %s\n", line, m.what);
	}
	printf("elffuzz: seed %lu: %ld files: %ld ran, %ld refused, %ld killed by signal, "
	       "%ld at the deadline; digest %016lx\n", (unsigned long)o.seed,
	       o.only < 0 ? o.count : 1, counts[OK], counts[ERR], counts[SIG], counts[HANG],
	       (unsigned long)digest);
	return 0;
}
