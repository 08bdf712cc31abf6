#!/bin/bash
# Checks the user-level tests (tests/user/) against this host's Linux kernel
# before they judge forklab's: builds them with the host's C library, runs
# them with their own runner (runtests), prints PASS host:NAME or
# FAIL host:NAME for each, with what the test printed, and ends with the
# line "N passed, N failed".  Exit status 0 only when nothing failed.
#
# With --forklab-libc it runs the programs built with forklab's libc
# instead (make utests), as host-libc:NAME: forklab speaks Linux's system
# call ABI, so a failure there and not with the host's C library points at
# our libc rather than at the test.
#
# usage: tests/host-test.sh [--forklab-libc] [NAME...]   (default: every test)
# environment: BUILD=dir (default build), UTEST_TIMEOUT=seconds for the run
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
TIMEOUT=${UTEST_TIMEOUT:-300}
passed=0
failed=0

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1${2:+: $2}"; failed=$((failed + 1)); }
finish() { echo "$passed passed, $failed failed"; [ $failed = 0 ]; exit; }

prefix=host
dir=$BUILD/host/tests
build=(make -s -f tests/user/tests.mk BUILD="$BUILD" host-tests)
if [ "${1:-}" = --forklab-libc ]; then
	shift
	prefix=host-libc
	dir=$BUILD/utests
	build=(make -s BUILD="$BUILD" utests)
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! "${build[@]}" >"$log" 2>&1; then
	fail "$prefix:build"
	sed 's/^/    | /' "$log"
	finish
fi

# The names given that are tests/user's, for runtests; the others may be
# thread tests (below).
names=()
for n in "$@"; do [ -f "tests/user/$n.c" ] && names+=("$n"); done
[ $# -gt 0 ] && [ ${#names[@]} -eq 0 ] && names=(none)

# The signaled test's children would otherwise leave core files behind.
ulimit -c 0
if [ "${names[*]:-}" = none ]; then
	echo "UTEST done (no user test named)" >"$log"; status=0
else
	timeout "$TIMEOUT" "$dir/runtests" "$dir" "${names[@]}" >"$log" 2>&1
	status=$?
fi

# Lines between "UTEST start" and the verdict are the test's own output;
# they are shown, indented, under its verdict.
current=""
said=()
verdict() {
	"$@"
	[ ${#said[@]} -gt 0 ] && printf '    | %s\n' "${said[@]}"
	current=""
	said=()
}
while IFS= read -r line; do
	case $line in
	"UTEST start "*) current=${line#UTEST start } ;;
	"UTEST pass "*) verdict pass "$prefix:${line#UTEST pass }" ;;
	"UTEST fail "*)
		rest=${line#UTEST fail }
		verdict fail "$prefix:${rest%%: *}" "${rest#*: }" ;;
	"UTEST done "*) ;;
	*) said+=("$line") ;;
	esac
done <"$log"

if [ -n "$current" ]; then
	why="runner ended with status $status"
	[ $status = 124 ] && why="timed out after ${TIMEOUT}s"
	verdict fail "$prefix:$current" "no verdict: $why"
elif ! grep -q "^UTEST done " "$log"; then
	verdict fail "$prefix:runner" "ended with status $status before the end"
fi

# The thread tests need pthreads, which our libc lacks: they are checked
# with the host's C library only (tests/run's libcs suite runs them in forklab).
thread_tests() {
	local src n
	[ $prefix = host ] || return 0
	mkdir -p "$BUILD/host/threads"
	for src in tests/musl/threads.c tests/musl/thread_fork.c tests/musl/real_programs.c; do
		n=$(basename "$src" .c)
		[ $# -eq 0 ] || [[ " $* " == *" $n "* ]] || continue
		if ! gcc -pthread -O2 -o "$BUILD/host/threads/$n" "$src" >"$log" 2>&1; then
			fail "host:$n" "gcc failed"; sed 's/^/    | /' "$log"; continue
		fi
		if timeout "$TIMEOUT" "$BUILD/host/threads/$n" >"$log" 2>&1; then
			pass "host:$n"
		else
			fail "host:$n" "status $?"; sed 's/^/    | /' "$log"
		fi
	done
}
thread_tests "$@"
finish
