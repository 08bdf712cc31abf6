#!/bin/bash
# The labs' own test (docs/labs/README.md).  Every lab's markers must be
# well formed; the full tree must score full marks; and each lab is walked
# as a student does it, in a scratch directory: the skeleton, then one
# step (region) restored at a time.  Every tree on the way must build (with
# -Werror), boot in the default fork mode to run a few user tests through
# the shell with mm_check at every exit, and score no less than the tree
# before it, each step passing its own tests; the skeleton must score less
# than full marks.  Prints PASS or
# FAIL for each check and ends with "N passed, N failed"; the exit status is
# 0 only when nothing failed.  The scores of the walk are in
# $BUILD/test/labs/walk.out.
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
BOOT_TESTS="fork_wait isolation pipe_cow mmap_semantics odf_shared_straddle"
BOOT_TESTS_N=$(echo $BOOT_TESTS | wc -w)
BOOT_CMD="/bin/sh -c '/tests/runtests /tests $BOOT_TESTS | cat'"
passed=0
failed=0

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1${2:+: $2}"; failed=$((failed + 1)); }
show_tail() { tail -n "${2:-15}" "$1" | sed 's/^/    | /'; }

# score FILE: the "X Y" of the "Score: X/Y" line grade.sh printed.
score() {
	sed -n 's|^Score: \([0-9]*\)/\([0-9]*\)$|\1 \2|p' "$1"
}

# The order in which a student restores a lab's regions (the handout's
# steps), one step per word; regions restored together are joined by "+"
# (lab 3's copy_table is a static function that only odf_unshare() calls,
# so it cannot build alone).  Lab 4 has one region: its walk is the
# skeleton and the full tree.
steps() {
	case $1 in
	1) echo "flags walk" ;;
	2) echo "cow_pte do_cow" ;;
	3) echo "share unshare+copy_table table_put shareable" ;;
	*) echo "" ;;
	esac
}

# The tests a step makes pass (the handout's steps name them); the last
# step of each lab is the full tree, which must pass everything.
step_tests() {
	case $1 in
	flags) echo lab1.flags ;;
	cow_pte) echo lab2.fork_shares_pages ;;
	share) echo lab3.share ;;
	unshare+copy_table) echo lab3.unshare_own_table lab3.unshare_reuses \
		lab3.unshare_copies lab3.unshare_out_of_memory ;;
	table_put) echo lab3.table_put ;;
	esac
}

# own_tests TAG STEP: the step's own tests passed in its grade.
own_tests() {
	local t missing=""
	for t in $(step_tests "$2"); do
		grep -qE "^  PASS .* $t\$" "$OUT/grade_$1.out" || missing="$missing $t"
	done
	if [ -z "$missing" ]; then
		pass "labs:$1:own_tests"
	else
		fail "labs:$1:own_tests" "failed:$missing"
	fi
}

# boots TAG KERNEL: the kernel runs, in the default fork mode with
# mm_check at every exit, a shell pipeline of a few user tests that fork in
# every way; each passes, mm_check finds nothing, every frame comes back.
boots() {
	local log=$OUT/boot_$1.log status=0 before after
	scripts/mkiso.sh "$OUT/boot_$1.iso" "$2" "mm_check=1 cmd=\"$BOOT_CMD\"" \
		"$ROOT" </dev/null || status=1
	SERIAL="file:$OUT/boot_$1.raw" timeout "$TIMEOUT" scripts/qemu.sh "$OUT/boot_$1.iso" \
		</dev/null >/dev/null 2>&1 || status=$?
	tr -d '\r' <"$OUT/boot_$1.raw" >"$log"
	before=$(sed -n 's/^forklab: \([0-9]*\) frames free before init$/\1/p' "$log")
	after=$(sed -n 's/^forklab: init ended with status [0-9]*; \([0-9]*\) frames free$/\1/p' "$log")
	if [ $status = 0 ] && grep -qx "UTEST done $BOOT_TESTS_N 0" "$log" &&
	   grep -q '^forklab: mm_check ran [1-9][0-9]* times, 0 failed$' "$log" &&
	   [ -n "$before" ] && [ "$before" = "$after" ]; then
		pass "labs:$1:boots"
	else
		fail "labs:$1:boots" "status $status; $log"
		grep -aE '^(UTEST fail|mm_check:|PANIC)' "$log" | head -10 | sed 's/^/    | /'
		show_tail "$log" 8
	fi
}

# grades TAG DIR LAB: grade.sh's score of the kernel built in DIR.
grades() {
	(cd "$2" && BUILD=build ROOT=$ROOT TEST_TIMEOUT=$TIMEOUT scripts/grade.sh "$3") \
		>"$OUT/grade_$1.out" 2>&1 || true
	score "$OUT/grade_$1.out"
}

# builds TAG DIR: the kernel of DIR builds (-Werror); only what changed
# since the step before is compiled again.
builds() {
	if make -C "$2" -s -j2 BUILD=build kernel >"$OUT/build_$1.out" 2>&1; then
		pass "labs:$1:builds"
	else
		fail "labs:$1:builds"; show_tail "$OUT/build_$1.out"; return 1
	fi
}

# tree N DIR REGION...: DIR becomes lab N's skeleton with REGIONs restored;
# files that do not change keep their times, so that make rebuilds little.
tree() {
	local n=$1 dir=$2 next=$tmp/next f
	shift 2
	rm -rf "$next"
	scripts/skeleton.sh "$n" "$next" "$@" >"$OUT/skeleton.out" 2>&1 || return 1
	if [ ! -d "$dir" ]; then
		mv "$next" "$dir"
		return
	fi
	for f in $(git grep -lE --untracked "LAB$n: BEGIN"); do
		cmp -s "$next/$f" "$dir/$f" || cp "$next/$f" "$dir/$f"
	done
}

# lab N: the full tree scores full marks; then the walk from the skeleton,
# one step at a time, to the full tree (the last step, which restores the
# last region, is the full tree itself): every tree builds, boots and stays
# correct, and scores at least what the tree before it did; the skeleton
# scores less than full marks.
lab() {
	local n=$1 dir=$tmp/lab$1 full="" total="" prev="" got t kept="" step tag
	if scripts/grade.sh "$n" >"$OUT/full$n.out" 2>&1; then
		pass "labs:lab$n:full_tree_full_marks"
	else
		fail "labs:lab$n:full_tree_full_marks" "$(grep '^Score' "$OUT/full$n.out")"
		grep -A 3 'FAIL' "$OUT/full$n.out" | head -20 | sed 's/^/    | /'
	fi
	read -r full total < <(score "$OUT/full$n.out") || true
	for step in skeleton $(steps "$n" | sed 's/ *[^ ]*$//'); do
		[ "$step" = skeleton ] || kept="$kept ${step//+/ }"
		tag=lab$n:$step
		# shellcheck disable=SC2086
		if ! tree "$n" "$dir" $kept; then
			fail "labs:$tag:made"; show_tail "$OUT/skeleton.out"; return
		fi
		builds "$tag" "$dir" || return
		boots "$tag" "$dir/build/kernel.elf"
		read -r got t < <(grades "$tag" "$dir" "$n") || true
		if [ "$step" = skeleton ] && [ -n "$got" ] && [ "$t" = "$total" ] &&
		   [ "$got" -lt "$total" ]; then
			pass "labs:$tag:scores_less"
		elif [ "$step" != skeleton ] && [ -n "$got" ] && [ "$t" = "$total" ] &&
		     [ "$got" -ge "$prev" ]; then
			pass "labs:$tag:score_holds"
		else
			fail "labs:$tag:score" "${got:-?}/${t:-?} after ${prev:-?}; full tree ${total:-?}"
			show_tail "$OUT/grade_$tag.out"
		fi
		[ "$step" = skeleton ] || own_tests "$tag" "$step"
		echo "lab $n after $step: ${got:-?}/${t:-?}" >>"$OUT/walk.out"
		prev=${got:-0}
	done
	boots "lab$n:full" "$BUILD/kernel.elf"
	echo "lab $n full tree: ${full:-?}/${total:-?}" >>"$OUT/walk.out"
	[ -z "$prev" ] || [ -z "$full" ] || [ "$full" -ge "$prev" ] ||
		fail "labs:lab$n:full:score_holds" "$full after $prev"
}

mkdir -p "$OUT"
: >"$OUT/walk.out"
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
