#!/bin/bash
# Grades one lab (docs/labs/): boots forklab under QEMU to run the lab's
# tests, prints each test with the points it earned, and ends with the line
# "Score: X/Y".  The exit status is 0 only for full marks.
#
# usage: scripts/grade.sh LAB
# environment: BUILD=dir (default build), KERNEL (default $BUILD/kernel.elf),
#   ROOT (default $BUILD/root.cpio), TEST_TIMEOUT=seconds per boot (120)
#
# The rubric below lists each lab's tests, of three kinds:
#   ktest SUITE.NAME   an in-kernel test (tests/kernel/); one boot runs the
#                      suites of all of the lab's
#   utest MODE:NAME    a program of /tests run by /tests/runtests with
#                      fork_mode=MODE and mm_check=1; NAME may be a pattern
#                      (odf_*), one test for each program it matches
#   check FUNC[:ARG]   this script's function check_FUNC, given ARG
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
KERNEL=${KERNEL:-$BUILD/kernel.elf}
ROOT=${ROOT:-$BUILD/root.cpio}
TIMEOUT=${TEST_TIMEOUT:-120}
ANSWERS=docs/labs/lab4-answers.md
ODFDEMO_MIB=64                          # lab 4 measures /bin/odfdemo 64
TABLE_SPAN_MIB=2                        # what one PTE table maps
PAGES_PER_MIB=256
KB_PER_TABLE=4

rubric() {
	cat <<'EOF'
1 ktest lab1.flags                      20
1 ktest lab1.empty                      10
1 ktest lab1.lines                      40
1 ktest lab1.huge_page                  15
1 ktest lab1.shared_table_ref           15
2 ktest lab2.fork_shares_pages          20
2 ktest lab2.write_copies               20
2 ktest lab2.last_user_reuses           20
2 ktest lab2.exit_then_reuse            5
2 ktest lab2.three_generations          5
2 ktest lab2.out_of_memory              10
2 utest cow:pipe_cow                    5
2 utest cow:isolation                   5
2 check counts:cow                      10
3 ktest lab3.shareable                  10
3 ktest lab3.share                      10
3 ktest lab3.unshare_own_table          5
3 ktest lab3.unshare_reuses             10
3 ktest lab3.unshare_copies             20
3 ktest lab3.unshare_out_of_memory      10
3 ktest lab3.table_put                  15
3 ktest lab3.fork_counts_exact          10
3 ktest odf.fork_shares_table           5
3 ktest odf.break_then_reuse            5
3 ktest odf.demand_zero_breaks          5
3 ktest odf.chain_every_exit_order      5
3 ktest odf.munmap_half_and_whole       5
3 ktest odf.mprotect_breaks             5
3 ktest odf.shared_memory_not_shared_table 5
3 ktest odf.out_of_memory               5
3 ktest odf.mm_check_catches_bad_counts 5
3 utest odf:odf_*                       5
3 check counts:odf                      10
4 check odfdemo_runs                    10
4 check odf_shares_every_table          15
4 check cow_copies_every_pte            15
4 check copy_copies_every_page          10
4 check tlb_flushes                     5
4 check pagetables                      5
4 check predicted                       10
4 check measured:copy.pages_copied      5
4 check measured:cow.ptes_copied        5
4 check measured:cow.tables_copied      5
4 check measured:odf.tables_shared      5
4 check measured:cow.pagetables_kb      5
4 check measured:odf.pagetables_kb      5
EOF
}

# What the status of scripts/qemu.sh (arch/poweroff.h) means.
describe() {
	case $1 in
	0) echo "powered off normally" ;;
	124) echo "timed out after ${TIMEOUT}s" ;;
	126) echo "kernel panic" ;;
	127) echo "machine reset without powering off (triple fault?)" ;;
	*) echo "machine ended with status $1" ;;
	esac
}

# boot NAME CMDLINE: boots once (later calls with the same NAME do not
# boot again); the console goes to $OUT/NAME.log, the status to
# $OUT/NAME.status.
boot() {
	local name=$1 status=0
	if [ -f "$OUT/$name.status" ]; then
		return
	fi
	: >"$OUT/$name.raw"
	if scripts/mkiso.sh "$OUT/$name.iso" "$KERNEL" "$2" "$ROOT" </dev/null; then
		SERIAL="file:$OUT/$name.raw" timeout "$TIMEOUT" scripts/qemu.sh "$OUT/$name.iso" \
			</dev/null >"$OUT/$name.qemu" 2>&1 || status=$?
	else
		status=1
	fi
	tr -d '\r' <"$OUT/$name.raw" >"$OUT/$name.log"
	echo "$status" >"$OUT/$name.status"
}

status_of() {
	cat "$OUT/$1.status"
}

# why: the reason a test failed, shown under it.
why=""

# The lab's in-kernel tests all run in one boot, of their suites.
ktest() {
	local log=$OUT/ktest.log
	boot ktest "test=$(echo "$KTEST_NAMES" | tr ' ' '\n' | sed 's/\..*//' | sort -u | paste -sd,)"
	if grep -qx "KTEST pass $1" "$log"; then
		return 0
	elif grep -qx "KTEST failed $1" "$log"; then
		why=$(grep "^KTEST fail $1:" "$log" | sed 's/^KTEST fail [^:]*: //')
	elif grep -qx "KTEST start $1" "$log"; then
		why="crashed: $(describe "$(status_of ktest)"); the console's end:
$(tail -n 8 "$log")"
	else
		why="never ran: $(describe "$(status_of ktest)")"
	fi
	return 1
}

# One boot per fork mode runs that mode's user tests.
utest() {
	local mode=${1%%:*} name=${1#*:} log=$OUT/user_${1%%:*}.log names
	names=$(echo "$UTEST_NAMES" | tr ' ' '\n' | sed -n "s/^$mode://p" | paste -sd' ')
	boot "user_$mode" "fork_mode=$mode mm_check=1 cmd=\"/bin/sh -c '/tests/runtests /tests $names'\""
	if grep -qx "UTEST pass $name" "$log"; then
		return 0
	fi
	if grep -q "^UTEST fail $name:" "$log"; then
		why=$(awk -v t="$name" '$0 == "UTEST start " t { on = 1; next }
			on && /^UTEST / { print; exit } on' "$log" | tail -n 15)
	else
		why="never ran: $(describe "$(status_of "user_$mode")")"
	fi
	return 1
}

# After the user tests of MODE: mm_check found nothing at any exit, and
# every frame came back.
check_counts() {
	local log=$OUT/user_$1.log before after
	if ! grep -q '^forklab: mm_check ran [1-9][0-9]* times, 0 failed$' "$log"; then
		why=$(grep -m1 '^forklab: mm_check ran' "$log" || echo "mm_check never reported")
		why="$why
$(grep '^mm_check:' "$log" | head -5)"
		return 1
	fi
	before=$(sed -n 's/^forklab: \([0-9]*\) frames free before init$/\1/p' "$log")
	after=$(sed -n 's/^forklab: init ended with status [0-9]*; \([0-9]*\) frames free$/\1/p' "$log")
	[ -n "$before" ] && [ "$before" = "$after" ] && return 0
	why="free frames before init: ${before:-?}, after: ${after:-?}"
	return 1
}

# Lab 4: /bin/odfdemo's numbers, as "MODE KEY VALUE" lines in
# $OUT/odfdemo.values (keys: pagetables_kb, tables_shared, tables_copied,
# ptes_copied, pages_copied, tlb_flushes).
odfdemo() {
	if [ -f "$OUT/odfdemo.values" ]; then
		return
	fi
	boot odfdemo "cmd=\"/bin/odfdemo $ODFDEMO_MIB\""
	awk '
	/^== fork mode [a-z]+:/ { mode = $4; sub(/:$/, "", mode) }
	/^PageTables / { kb = $(NF - 1); sub(/^\+/, "", kb); print mode, "pagetables_kb", kb }
	/^fork.s work:/ {
		print mode, "tables_shared", $3
		print mode, "tables_copied", $6
		print mode, "ptes_copied", $9
		print mode, "pages_copied", $12
		print mode, "tlb_flushes", $15
	}' "$OUT/odfdemo.log" >"$OUT/odfdemo.values"
}

# value MODE KEY: one of odfdemo's numbers (empty if absent).
value() {
	odfdemo
	awk -v m="$1" -v k="$2" '$1 == m && $2 == k { print $3 }' "$OUT/odfdemo.values"
}

# Checks each "what == want" (or "what >= want") line: 0, or 1 with why set.
expect_all() {
	local what op have want
	why=""
	while read -r what op want; do
		have=$(value "${what%.*}" "${what#*.}")
		if [ -z "$have" ] || [ -z "$want" ]; then
			why="${why}$what: not measured
"
		elif { [ "$op" = "==" ] && [ "$have" != "$want" ]; } ||
		     { [ "$op" = ">=" ] && [ "$have" -lt "$want" ]; }; then
			why="${why}$what is $have, expected $op $want
"
		fi
	done
	why=${why%
}
	[ -z "$why" ]
}

check_odfdemo_runs() {
	odfdemo
	if [ "$(status_of odfdemo)" != 0 ]; then
		why="odfdemo: $(describe "$(status_of odfdemo)")"
		return 1
	fi
	expect_all <<EOF
copy.ptes_copied >= 1
cow.ptes_copied >= 1
odf.tables_shared >= 1
EOF
}

# Every table the cow fork copies, the odf fork shares, and copies no PTE.
check_odf_shares_every_table() {
	expect_all <<EOF
odf.tables_shared == $(value cow tables_copied)
odf.tables_shared >= $((ODFDEMO_MIB / TABLE_SPAN_MIB))
odf.tables_copied == 0
odf.ptes_copied == 0
odf.pages_copied == 0
EOF
}

# The cow fork copies one PTE per page the copy fork copies, and no page.
check_cow_copies_every_pte() {
	expect_all <<EOF
cow.ptes_copied == $(value copy pages_copied)
cow.ptes_copied >= $((ODFDEMO_MIB * PAGES_PER_MIB))
cow.pages_copied == 0
cow.tables_shared == 0
EOF
}

check_copy_copies_every_page() {
	expect_all <<EOF
copy.pages_copied == $(value copy ptes_copied)
copy.pages_copied >= $((ODFDEMO_MIB * PAGES_PER_MIB))
EOF
}

# The parent loses write access in a cow or odf fork: one flush, at its end.
check_tlb_flushes() {
	expect_all <<EOF
copy.tlb_flushes == 0
cow.tlb_flushes == 1
odf.tlb_flushes == 1
EOF
}

# A cow fork adds at least a page of PTEs per table copied; an odf fork
# adds only the child's upper tables (and a broken table or two).
check_pagetables() {
	local cow odf
	cow=$(value cow pagetables_kb) odf=$(value odf pagetables_kb)
	if [ -n "$cow" ] && [ -n "$odf" ] &&
	   [ "$cow" -ge $(($(value cow tables_copied) * KB_PER_TABLE)) ] &&
	   [ $((odf * KB_PER_TABLE)) -lt "$cow" ]; then
		return 0
	fi
	why="PageTables grew by ${cow:-?} kB (cow) and ${odf:-?} kB (odf)"
	return 1
}

# answer KEY: the number after "KEY:" in the answers file (empty if none).
answer() {
	sed -n "s/^${1//./\\.}: *\([0-9][0-9]*\) *$/\1/p" "$ANSWERS" 2>/dev/null | head -1
}

# Every quantity has a prediction, written before measuring.
check_predicted() {
	local key missing=""
	for key in $(rubric | awk '$1 == 4 && $3 ~ /^measured:/ { sub(/^measured:/, "", $3); print $3 }'); do
		[ -n "$(answer "$key.predicted")" ] || missing="$missing $key.predicted"
	done
	why="no number in $ANSWERS for:$missing"
	[ -z "$missing" ]
}

# The measurement in the answers file is what this boot measures: within
# 2%, or 8, whichever is more.
check_measured() {
	local key=$1 have want slack
	have=$(answer "$key.measured") want=$(value "${key%%.*}" "${key#*.}")
	if [ -z "$have" ] || [ -z "$want" ]; then
		why="$key.measured: ${have:-no number in $ANSWERS}; odfdemo measured ${want:-nothing}"
		return 1
	fi
	slack=$((want / 50 > 8 ? want / 50 : 8))
	[ $((have - want)) -le "$slack" ] && [ $((want - have)) -le "$slack" ] && return 0
	why="$key.measured is $have in $ANSWERS; odfdemo measured $want"
	return 1
}

check() {
	local fn=${1%%:*} arg=""
	[ "$fn" = "$1" ] || arg=${1#*:}
	"check_$fn" "$arg"
}

# The lab's handout.
handout() {
	local f
	for f in docs/labs/lab"$1"-*.md; do
		case $f in
		*-answers.md) ;;
		*) echo "$f"; return ;;
		esac
	done
}

[ $# = 1 ] || { echo "usage: scripts/grade.sh LAB" >&2; exit 2; }
lab=$1
if ! rubric | awk -v lab="$lab" '$1 == lab { found = 1 } END { exit !found }'; then
	echo "grade: no lab $lab (labs: $(rubric | awk '{ print $1 }' | sort -u | paste -sd' '))" >&2
	exit 2
fi
for f in "$KERNEL" "$ROOT"; do
	[ -f "$f" ] || { echo "grade: no $f: run make first" >&2; exit 2; }
done
OUT=$BUILD/grade/lab$lab
rm -rf "$OUT" && mkdir -p "$OUT"

# The lab's tests, with patterns expanded against the root image's /tests.
tests=$(cpio -it --quiet <"$ROOT" | sed -n 's|^\(\./\)\{0,1\}tests/\([^/.]*\)$|\2|p')
rubric | while read -r n kind what points; do
	[ "$n" = "$lab" ] || continue
	if [ "$kind" = utest ]; then
		for t in $tests; do
			# shellcheck disable=SC2254
			case $t in ${what#*:}) echo "utest ${what%%:*}:$t $points" ;; esac
		done
	else
		echo "$kind $what $points"
	fi
done >"$OUT/plan"
KTEST_NAMES=$(awk '$1 == "ktest" { print $2 }' "$OUT/plan" | paste -sd' ')
UTEST_NAMES=$(awk '$1 == "utest" { print $2 }' "$OUT/plan" | paste -sd' ')

echo "Lab $lab: $(handout "$lab")"
score=0 total=0
while read -r kind what points; do
	total=$((total + points))
	why=""
	if "$kind" "$what"; then
		score=$((score + points))
		printf '  PASS %3d/%-3d %s\n' "$points" "$points" "$what"
	else
		printf '  FAIL %3d/%-3d %s\n' 0 "$points" "$what"
		if [ -n "$why" ]; then
			echo "$why" | sed 's/^/        | /'
		fi
	fi
done <"$OUT/plan"
echo "Score: $score/$total"
[ "$score" = "$total" ]
