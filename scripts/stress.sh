#!/bin/bash
# make stress: forkstress (user/forkstress/) with one seed and op count, in
# forklab booted once per fork mode, and on the host's Linux.  Prints PASS
# or FAIL for each check of each boot and ends with "N passed, N failed";
# exit status 0 only when nothing failed.  Each boot must:
#
#   run          power off with status 0 and print forkstress's result line
#   digest       print the host's digest (not under FAIL_ALLOC, where
#                workers die at random and the digest with them)
#   mm_check     report "mm_check ran N times, 0 failed" (mm_check=1 checks
#                the kernel's memory rules at every fork and exit)
#   no_panic     print no panic and no FAILED line of forkstress
#   no_leak      end with as many free frames as before init started
#   injected     under FAIL_ALLOC: fail some allocations, and have
#                forkstress tolerate some failures
#
# usage: scripts/stress.sh       (make stress builds what it needs first)
# environment, which make passes on:
#   SEED=1 OPS=20000      forkstress's --seed and --ops
#   MODE="copy cow odf hodf" the fork modes, one boot each
#   FAIL_ALLOC=spec       the kernel's fail_alloc= (N: every Nth allocation
#                         fails; rand:SEED:PERCENT), with forkstress --tolerant
#   STRESS_JOBS=2         boots at once
#   STRESS_TIMEOUT=900    seconds a boot may take
#   STRESS_OUT=dir        where logs go (default $BUILD/stress)
#   BUILD=build MEM=512M ACCEL=tcg HOST_CC=cc
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
SEED=${SEED:-1}
OPS=${OPS:-20000}
MODE=${MODE:-copy cow odf hodf}
FAIL_ALLOC=${FAIL_ALLOC:-}
JOBS=${STRESS_JOBS:-2}
TIMEOUT=${STRESS_TIMEOUT:-900}
OUT=${STRESS_OUT:-$BUILD/stress}
HOST_CC=${HOST_CC:-cc}
RESULT='^forkstress: seed [0-9]+ ops [0-9]+ digest [0-9a-f]{16} '
passed=0
failed=0

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1${2:+: $2}"; failed=$((failed + 1)); }
show_tail() { tail -n 10 "$1" | sed 's/^/    | /'; }

args="--seed $SEED --ops $OPS${FAIL_ALLOC:+ --tolerant}"

# The digest on the host's Linux, built from the same sources.
host_digest() {
	mkdir -p "$OUT/host"
	"$HOST_CC" -std=gnu11 -O2 -Wall -Wextra -Werror -idirafter libc/include \
		-o "$OUT/host/forkstress" user/forkstress/*.c || return 1
	# shellcheck disable=SC2086
	"$OUT/host/forkstress" $args >"$OUT/host.log" 2>&1 || return 1
	grep -E "$RESULT" "$OUT/host.log" | sed 's/.* digest \([0-9a-f]*\) .*/\1/'
}

# boot MODE: one boot; the console goes to $OUT/MODE.log, the machine's
# status to $OUT/MODE.status and the seconds it took to $OUT/MODE.time.
boot() {
	local mode=$1 start=$SECONDS status=0
	local cmdline="fork_mode=$mode mm_check=1${FAIL_ALLOC:+ fail_alloc=$FAIL_ALLOC}"
	if scripts/mkiso.sh "$OUT/$mode.iso" "$BUILD/kernel.elf" \
		"$cmdline cmd=\"/bin/forkstress $args\"" "$BUILD/root.cpio"; then
		MEM=${MEM:-512M} ACCEL=${ACCEL:-tcg} SERIAL="file:$OUT/$mode.raw" \
			timeout "$TIMEOUT" scripts/qemu.sh "$OUT/$mode.iso" </dev/null \
			>"$OUT/$mode.qemu" 2>&1 || status=$?
	else
		status=1
	fi
	tr -d '\r' <"$OUT/$mode.raw" >"$OUT/$mode.log" 2>/dev/null
	echo $status >"$OUT/$mode.status"
	echo $((SECONDS - start)) >"$OUT/$mode.time"
}

# number LOG SED-EXPRESSION: the one number a console line gives, or nothing.
number() {
	sed -n "$2" "$1" | head -1
}

check_boot() {
	local mode=$1 want=$2 log=$OUT/$1.log line before after
	line=$(grep -E "$RESULT" "$log" | tail -1)
	if [ "$(cat "$OUT/$mode.status")" = 0 ] && [ -n "$line" ]; then
		pass "$mode:run"
		echo "    $line ($(cat "$OUT/$mode.time") s)"
	else
		fail "$mode:run" "status $(cat "$OUT/$mode.status"), after $(cat "$OUT/$mode.time") s"
		show_tail "$log"
	fi
	if [ -z "$FAIL_ALLOC" ]; then
		if [ -n "$want" ] && [[ "$line" == *" digest $want "* ]]; then pass "$mode:digest"; else
			fail "$mode:digest" "want the host's ${want:-?}"; fi
	fi
	if grep -qE '^forklab: mm_check ran [1-9][0-9]* times, 0 failed$' "$log"; then
		pass "$mode:mm_check"
	else
		fail "$mode:mm_check" "$(grep -m1 '^forklab: mm_check ran' "$log")"
		grep '^mm_check:' "$log" | head -5 | sed 's/^/    | /'
	fi
	if grep -qiE 'panic|^forkstress: FAILED' "$log"; then
		fail "$mode:no_panic"; grep -m5 -iE 'panic|FAILED' "$log" | sed 's/^/    | /'
	else pass "$mode:no_panic"; fi
	before=$(number "$log" 's/^forklab: \([0-9]*\) frames free before init$/\1/p')
	after=$(number "$log" 's/^forklab: init ended with status [0-9]*; \([0-9]*\) frames free$/\1/p')
	if [ -n "$before" ] && [ "$before" = "$after" ]; then pass "$mode:no_leak"; else
		fail "$mode:no_leak" "free frames before init: ${before:-?}, after: ${after:-?}"; fi
	[ -n "$FAIL_ALLOC" ] && check_injected "$mode" "$log" "$line"
}

# Under FAIL_ALLOC the kernel must have failed allocations, and forkstress
# met some of them (tolerated calls or killed workers).
check_injected() {
	local injected tolerated
	injected=$(number "$2" 's/^forklab: \([0-9]*\) allocations failed on purpose$/\1/p')
	tolerated=$(echo "$3" | sed -n 's/.* tolerated \([0-9]*\) killed \([0-9]*\)$/\1 + \2/p')
	if [ "${injected:-0}" -gt 0 ] && [ -n "$tolerated" ] && [ $((tolerated)) -gt 0 ]; then
		pass "$1:injected"
		echo "    $injected allocations failed; forkstress tolerated $tolerated"
	else
		fail "$1:injected" "${injected:-0} allocations failed; forkstress tolerated ${tolerated:-?}"
	fi
}

mkdir -p "$OUT"
want=""
if [ -z "$FAIL_ALLOC" ]; then
	if want=$(host_digest) && [ -n "$want" ]; then
		pass "host:run"
		echo "    $(grep -E "$RESULT" "$OUT/host.log")"
	else
		fail "host:run"; show_tail "$OUT/host.log"
	fi
fi
running=0
for mode in $MODE; do
	boot "$mode" &
	running=$((running + 1))
	if [ $running -ge "$JOBS" ]; then wait -n; running=$((running - 1)); fi
done
wait
for mode in $MODE; do
	check_boot "$mode" "$want"
done
echo "$passed passed, $failed failed"
[ $failed = 0 ]
