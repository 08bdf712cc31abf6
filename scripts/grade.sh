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
#
# Points are for the student's work only: a test worth 0 points checks the
# kernel the lab works with (lab 4's odfdemo counters), and is shown so
# that a student measuring a broken kernel knows it.
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
3 ktest odf.shared_memory_straddles_boundary 5
3 ktest odf.shared_memory_spans_table 5
3 ktest odf.out_of_memory               5
3 ktest odf.mm_check_catches_bad_counts 5
3 utest odf:odf_*                       5
3 check counts:odf                      10
4 check odfdemo_runs                    0
4 check odf_shares_every_table          0
4 check cow_copies_every_pte            0
4 check copy_copies_every_page          0
4 check tlb_flushes                     0
4 check pagetables                      0
4 check predicted                       40
4 check measured:copy.pages_copied      10
4 check measured:cow.ptes_copied        10
4 check measured:cow.tables_copied      10
4 check measured:odf.tables_shared      10
4 check measured:cow.pagetables_kb      10
4 check measured:odf.pagetables_kb      10
EOF
}

# What the status of scripts/qemu.sh (arch/poweroff.h) means.
describe() {
	case $1 in
	0) echo "powered off normally" ;;
	124) echo "timed out after ${TIMEOUT}s" ;;
	125) echo "init ended with status 125 or more (killed by a signal?)" ;;
	126) echo "kernel panic" ;;
	127) echo "machine reset without powering off (triple fault?)" ;;
	*) echo "machine ended with status $1" ;;
	esac
}

# boot NAME CMDLINE: boots once; the console goes to $OUT/NAME.log, the
# status to $OUT/NAME.status.
boot() {
	local name=$1 status=0
	: >"$OUT/$name.raw"
	if scripts/mkiso.sh "$OUT/$name.iso" "$KERNEL" "$2" "$ROOT" </dev/null; then
		SERIAL="file:$OUT/$name.raw" timeout "$TIMEOUT" scripts/qemu.sh "$OUT/$name.iso" \
			</dev/null >"$OUT/$name.qemu" 2>&1 || status=$?
	else
		status=1
	fi
	tr -d '\r' <"$OUT/$name.raw" >"$OUT/$name.log"
	rm -f "$OUT/$name.raw" "$OUT/$name.iso"
	echo "$status" >"$OUT/$name.status"
}

status_of() {
	cat "$OUT/$1.status"
}

# why: the reason a test failed, shown under it.
why=""

# run_all TAG PROTO CMDLINE_FN NAME...: boots TAG.1 with the command line
# CMDLINE_FN prints for the NAMEs (tests that print "PROTO start NAME"
# when they begin, tests/ktest.c and tests/user/runtests.c); if a test
# crashes or hangs the machine, boots TAG.2 for those that had not started,
# and so on, so that one bug costs only the tests it breaks.  Writes
# "NAME BOOT" for each test that started to $OUT/TAG.where, and the last
# boot's name to $OUT/TAG.last.  Runs once per TAG.
run_all() {
	local tag=$1 proto=$2 cmd=$3 i=1 left started t
	shift 3
	left="$*"
	[ -f "$OUT/$tag.where" ] && return
	: >"$OUT/$tag.where"
	while [ -n "$left" ]; do
		boot "$tag.$i" "$("$cmd" "$i" $left)"
		echo "$tag.$i" >"$OUT/$tag.last"
		started=0
		for t in $left; do
			if grep -qxF "$proto start $t" "$OUT/$tag.$i.log"; then
				echo "$t $tag.$i" >>"$OUT/$tag.where"
				started=1
			fi
		done
		[ $started = 1 ] && [ "$(status_of "$tag.$i")" != 0 ] || break
		left=$(for t in $left; do
			grep -q "^$t " "$OUT/$tag.where" || echo "$t"
		done | paste -sd' ')
		i=$((i + 1))
	done
}

# section LOG PROTO NAME: the console's lines while test NAME ran.
section() {
	awk -v first="$2 start $3" -v end="^$2 (start|pass|failed|done) " '
	$0 == first { on = 1; next }
	on && $0 ~ end { exit }
	on' "$1"
}

MAX_CHECK_LINES=6                       # mm_check lines shown for one test

# mm_check's findings in the lines on stdin: the first few, and how many
# more.
check_lines() {
	awk -v max="$MAX_CHECK_LINES" '/^mm_check:/ && ++n <= max
		END { if (n > max) printf "(and %d more mm_check: lines)\n", n - max }'
}

# cause LINES: why the machine stopped while a test ran: the panic's lines
# and mm_check's findings, and the start of the backtrace; for a machine
# that stopped without a panic, the console's end.
cause() {
	echo "$1" | grep -aE '^(PANIC:|page fault at|nested panic)'
	echo "$1" | check_lines
	if echo "$1" | grep -q '^PANIC:'; then
		echo "$1" | grep -aE '^ +#[0-9]+ ' | head -n 6
	else
		echo "the console's end:"
		echo "$1" | grep -v '^mm_check:' | tail -n 8
	fi
}

# result TAG PROTO NAME: 0 if test NAME passed, else 1 with why set (for
# a test that failed, its FAIL_LINES; for one that crashed or hung, the
# cause and the console's end; and the log's path).
result() {
	local tag=$1 proto=$2 name=$3 where log status lines
	where=$(awk -v t="$name" '$1 == t { print $2 }' "$OUT/$tag.where")
	if [ -z "$where" ]; then
		where=$(cat "$OUT/$tag.last") status=$(status_of "$(cat "$OUT/$tag.last")")
		why="never started: the machine $(describe "$status") ($OUT/$where.log)"
		[ "$status" = 0 ] || why="$why
$(cause "$(cat "$OUT/$where.log")")"
		return 1
	fi
	log=$OUT/$where.log status=$(status_of "$where")
	if grep -qxF "$proto pass $name" "$log"; then
		return 0
	fi
	lines=$(section "$log" "$proto" "$name")
	if grep -qE "^$proto (failed $name\$|fail $name:)" "$log"; then
		why="$(fail_lines "$lines" "$name")
($log)"
	elif [ "$status" = 124 ]; then
		why="started but did not finish in ${TIMEOUT}s ($log)
$(cause "$lines")"
	else
		why="crashed: $(describe "$status") ($log)
$(cause "$lines")"
	fi
	return 1
}

# What a failed in-kernel test said, with mm_check's findings.
ktest_fail_lines() {
	echo "$1" | grep -aE "^KTEST fail $2: " | sed "s/^KTEST fail $2: //"
	echo "$1" | check_lines
}

# What a failed user test printed.
utest_fail_lines() {
	echo "$1" | tail -n 15
}

# The lab's in-kernel tests all run in one boot, of their suites; after a
# crash, the tests left run in a fresh boot, named one by one.
ktest_cmdline() {
	local i=$1
	shift
	if [ "$i" = 1 ]; then
		echo "test=$(echo "$@" | tr ' ' '\n' | sed 's/\..*//' | sort -u | paste -sd,)"
	else
		echo "test=$(echo "$@" | tr ' ' ',')"
	fi
}

ktest() {
	# shellcheck disable=SC2086
	run_all ktest KTEST ktest_cmdline $KTEST_NAMES
	fail_lines() { ktest_fail_lines "$@"; }
	result ktest KTEST "$1"
}

# One boot per fork mode runs that mode's user tests (and after a crash
# or a hang, one more for those left).
utest_cmdline() {
	shift
	echo "fork_mode=$mode mm_check=1 cmd=\"/bin/sh -c '/tests/runtests /tests $*'\""
}

utest() {
	local mode=${1%%:*} name=${1#*:}
	# shellcheck disable=SC2046
	run_all "user_$mode" UTEST utest_cmdline \
		$(echo "$UTEST_NAMES" | tr ' ' '\n' | sed -n "s/^$mode://p")
	fail_lines() { utest_fail_lines "$@"; }
	result "user_$mode" UTEST "$name"
}

# After the user tests of MODE: mm_check found nothing at any exit, and
# every frame came back.
check_counts() {
	local log before after
	if [ ! -f "$OUT/user_$1.last" ]; then
		why="no user tests ran in fork_mode=$1"
		return 1
	fi
	log=$OUT/$(cat "$OUT/user_$1.last").log
	if [ "$(cat "$OUT/user_$1.last")" != "user_$1.1" ]; then
		why="the machine stopped before the user tests ended: see above"
		return 1
	fi
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
tests=$(cpio -it --quiet <"$ROOT" | sed -n 's|^\(\./\)\{0,1\}tests/\([^/.]*\)$|\2|p' | sort)
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
