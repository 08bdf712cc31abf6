#!/bin/bash
# The labs' own test (docs/labs/README.md).  Every lab's markers must be
# well formed; the full tree must score full marks; and each lab's
# skeleton, written to a scratch directory, must build (with -Werror), boot
# in the default fork mode to run a shell pipeline with mm_check at every
# exit, and score less.  Prints PASS or FAIL for each check and ends with
# "N passed, N failed"; the exit status is 0 only when nothing failed.
#
# usage: tests/labs.sh [LAB...]   (default: every lab)
# environment: BUILD=dir (default build), where kernel.elf and root.cpio
#   must be up to date; the skeletons reuse that root image, since they
#   change only the kernel.  TEST_TIMEOUT=seconds per boot.
set -eu
cd "$(dirname "$0")/.."
export BUILD=${BUILD:-build}
case $BUILD in
/*) ROOT=$BUILD/root.cpio ;;
*) ROOT=$(pwd)/$BUILD/root.cpio ;;
esac
LABS=${*:-1 2 3 4}
OUT=$BUILD/test/labs
TIMEOUT=${TEST_TIMEOUT:-120}
BOOT_CMD="/bin/sh -c 'echo booted | cat'"
passed=0
failed=0

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1${2:+: $2}"; failed=$((failed + 1)); }
show_tail() { tail -n "${2:-15}" "$1" | sed 's/^/    | /'; }

# score FILE: the "X Y" of the "Score: X/Y" line grade.sh printed.
score() {
	sed -n 's|^Score: \([0-9]*\)/\([0-9]*\)$|\1 \2|p' "$1"
}

# boots LAB DIR: the skeleton's kernel runs a pipeline through the shell,
# mm_check finding nothing at any exit.
boots() {
	local log=$OUT/boot$1.log status=0
	scripts/mkiso.sh "$OUT/boot$1.iso" "$2/build/kernel.elf" \
		"mm_check=1 cmd=\"$BOOT_CMD\"" "$ROOT" </dev/null || status=1
	SERIAL="file:$OUT/boot$1.raw" timeout "$TIMEOUT" scripts/qemu.sh "$OUT/boot$1.iso" \
		</dev/null >/dev/null 2>&1 || status=$?
	tr -d '\r' <"$OUT/boot$1.raw" >"$log"
	if [ $status = 0 ] && grep -qx booted "$log" &&
	   grep -q '^forklab: mm_check ran [1-9][0-9]* times, 0 failed$' "$log"; then
		pass "labs:lab$1:skeleton_boots"
	else
		fail "labs:lab$1:skeleton_boots" "status $status"
		show_tail "$log"
	fi
}

# lab N: the full tree's score, then the skeleton's.
lab() {
	local n=$1 dir=$tmp/lab$1 full="" skel="" total=""
	if scripts/grade.sh "$n" >"$OUT/full$n.out" 2>&1; then
		pass "labs:lab$n:full_tree_full_marks"
	else
		fail "labs:lab$n:full_tree_full_marks" "$(grep '^Score' "$OUT/full$n.out")"
		grep -A 3 'FAIL' "$OUT/full$n.out" | head -20 | sed 's/^/    | /'
	fi
	read -r _ full < <(score "$OUT/full$n.out") || true
	if ! scripts/skeleton.sh "$n" "$dir" >"$OUT/skeleton$n.out" 2>&1; then
		fail "labs:lab$n:skeleton_made"; show_tail "$OUT/skeleton$n.out"; return
	fi
	pass "labs:lab$n:skeleton_made"
	if ! make -C "$dir" -s -j2 BUILD=build kernel >"$OUT/build$n.out" 2>&1; then
		fail "labs:lab$n:skeleton_builds"; show_tail "$OUT/build$n.out"; return
	fi
	pass "labs:lab$n:skeleton_builds"
	boots "$n" "$dir"
	(cd "$dir" && BUILD=build ROOT=$ROOT TEST_TIMEOUT=$TIMEOUT scripts/grade.sh "$n") \
		>"$OUT/skeleton_grade$n.out" 2>&1 || true
	read -r skel total < <(score "$OUT/skeleton_grade$n.out") || true
	if [ -n "$skel" ] && [ "$total" = "$full" ] && [ "$skel" -lt "$total" ]; then
		pass "labs:lab$n:skeleton_scores_less"
	else
		fail "labs:lab$n:skeleton_scores_less" \
			"skeleton ${skel:-?}/${total:-?}, full tree's total ${full:-?}"
		show_tail "$OUT/skeleton_grade$n.out"
	fi
}

mkdir -p "$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if scripts/skeleton.sh --check >"$OUT/markers.out" 2>&1; then
	pass labs:markers
else
	fail labs:markers; show_tail "$OUT/markers.out"
fi
for n in $LABS; do
	lab "$n"
done
echo "$passed passed, $failed failed"
[ $failed = 0 ]
