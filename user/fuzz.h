/*
 * What the fuzzers (sysfuzz, elffuzz) share: random numbers, an option's
 * value, and children forked and waited for under a deadline.
 *
 * elffuzz is also built with the host's compiler, alone, so this is a
 * header of static functions rather than a library.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#define CHILD_STREAM		0x100000001b3UL	/* spreads a seed over children */
#define FORK_RETRIES		100		/* while exited processes go */
#define NS_PER_MS		1000000L
#define NR_SCHED_YIELD		24	/* our libc has no sched_yield() */

/* splitmix64: small, and good enough to pick from tables. */
static inline uint64_t next_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15UL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
	return z ^ (z >> 31);
}

/* A number below n; any number for n == 0 (2^64, a wrapped count). */
static inline uint64_t below(uint64_t *rng, uint64_t n)
{
	uint64_t r = next_random(rng);

	return n ? r % n : r;
}

/* The value of option argv[*i], which is the next word (*i moves onto
 * it); without one, the program ends. */
static inline long option_value(const char *prog, int argc, char **argv, int *i)
{
	if (*i + 1 >= argc) {
		fprintf(stderr, "%s: %s needs a value\n", prog, argv[*i]);
		exit(EXIT_FAILURE);
	}
	return strtol(argv[++*i], NULL, 0);
}

/* fork(), retried every pause_ns for a while if the process table is
 * full of processes that are on their way out. */
static inline pid_t fork_retrying(long pause_ns)
{
	struct timespec pause = { 0, pause_ns };
	pid_t pid = -1;

	for (int i = 0; i < FORK_RETRIES && pid < 0; i++) {
		pid = fork();
		if (pid < 0)
			nanosleep(&pause, NULL);
	}
	return pid;
}

static inline void yield(void)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(NR_SCHED_YIELD) : "rcx", "r11", "memory");
}

/* Waits for child pid, its status in *status: first by yielding `yields`
 * times, then by polling every poll_ns; at the deadline, kills it.
 * Returns 0 if it ended by itself, -1 if killed. */
static inline int wait_deadline(pid_t pid, long deadline_ms, long poll_ns, int yields,
				int *status)
{
	struct timespec poll = { 0, poll_ns };
	long waited_ns = 0;

	for (int i = 0; waited_ns < deadline_ms * NS_PER_MS; i++) {
		pid_t r = waitpid(pid, status, WNOHANG);

		if (r == pid)
			return 0;
		if (r < 0 && errno != EINTR)
			return 0;               /* cannot happen: it is our child */
		if (i < yields) {
			yield();
			continue;
		}
		nanosleep(&poll, NULL);
		waited_ns += poll_ns;
	}
	kill(pid, SIGKILL);
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
	return -1;
}

#endif
