#!/bin/bash
# A bounded random-operation stress for make test: forkstress (see
# user/forkstress/main.c) in every fork mode, through scripts/stress.sh,
# twice at once:
#
#   plain      SEED, OPS ops; each mode's digest must be the host's
#   injected   the same under fail_alloc=FAIL_EVERY (every Nth allocation
#              in the kernel fails; forkstress --tolerant), which must
#              fail allocations, meet some, and still find every page right
#
# and in both, the kernel's mm_check must pass at every fork and exit, with
# no panic and no frame leaked.  Prints PASS name or FAIL name for each
# check and ends with the line "N passed, N failed"; exit status 0 only
# when nothing failed.  About a minute and a half on two cores under TCG.
#
# Every Nth rather than rand:SEED:PERCENT: one percent, the least that
# form allows, fails a copy fork every time and kills most workers in
# their first ops; one allocation in 3000 lets runs make progress.
#
# usage: tests/stress.sh   (needs make's build/kernel.elf and build/root.cpio)
# environment: BUILD=dir (default build), TEST_TIMEOUT=seconds per boot and
#              CPU, as in tests/run (default 300), SMP=CPUs of every boot
#              (default 1; logs in $BUILD/test-stress-smpN),
#              STRESS_KINDS=plain and/or injected (default both),
#              STRESS_OPS=operations per run (default 20000)
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
OUT=$BUILD/test-stress-smp${SMP:-1}
SEED=3
OPS=${STRESS_OPS:-20000}
FAIL_EVERY=3000
TIMEOUT=$((${TEST_TIMEOUT:-300} * ${SMP:-1}))

# run NAME VAR=value...: scripts/stress.sh, one boot at a time, its report
# in $OUT/NAME.out.
run() {
	local name=$1
	shift
	env "$@" BUILD="$BUILD" SEED=$SEED OPS=$OPS STRESS_JOBS=1 STRESS_TIMEOUT="$TIMEOUT" \
		STRESS_OUT="$OUT/$name" scripts/stress.sh >"$OUT/$name.out" 2>&1
}

KINDS=${STRESS_KINDS:-plain injected}    # plain: no allocation fails
mkdir -p "$OUT"
for name in $KINDS; do
	case $name in
	plain) run plain FAIL_ALLOC= & ;;
	injected) run injected FAIL_ALLOC=$FAIL_EVERY & ;;
	esac
done
wait
passed=0
failed=0
for name in $KINDS; do
	out=$OUT/$name.out
	sed -E "s/^(PASS|FAIL) /\1 $name:/" "$out" | grep -vE '^[0-9]+ passed, [0-9]+ failed$'
	passed=$((passed + $(grep -c '^PASS ' "$out")))
	failed=$((failed + $(grep -c '^FAIL ' "$out")))
	if ! grep -qE '^[0-9]+ passed, 0 failed$' "$out" && ! grep -q '^FAIL ' "$out"; then
		echo "FAIL $name:runner"; failed=$((failed + 1)); tail -n 5 "$out" | sed 's/^/    | /'
	fi
done
echo "$passed passed, $failed failed"
[ $failed = 0 ]
