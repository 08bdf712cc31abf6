#!/bin/bash
# Lab 3's wrong variants: mistakes a student would make in mm/odf.c, each
# applied alone to a scratch copy of the full tree, which must then score
# less than full marks in `make grade LAB=3`.  Prints PASS or FAIL for each
# variant with the points it lost and the tests that caught it, and ends
# with "N passed, N failed"; $BUILD/test/lab-variants/table.md is the
# table of docs/labs/README.md.
#
# A last check plants a panic and wants the grader to show it and still
# score the tests it does not break.
#
# usage: tests/lab-variants.sh [VARIANT...]   (default: every variant)
# environment: BUILD=dir (default build), whose root.cpio the copies use;
#   TEST_TIMEOUT=seconds per boot.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
case $BUILD in
/*) ROOT=$BUILD/root.cpio ;;
*) ROOT=$(pwd)/$BUILD/root.cpio ;;
esac
OUT=$BUILD/test/lab-variants
TIMEOUT=${TEST_TIMEOUT:-120}
FILE=mm/odf.c
LAB=3
passed=0
failed=0

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1${2:+: $2}"; failed=$((failed + 1)); }

# One edit per line: VARIANT, a line of $FILE (without its indentation),
# and what replaces it ("-" deletes it).  A variant may have several.
edits() {
	cat <<'EOF'
forgotten_table_ref	page_get(table_page(*parent_pmd));	-
parent_stays_writable	*parent_pmd &= ~PTE_W;	-
forgotten_page_ref	page_get(pa_page(pte_pa(src[i])));	-
original_stays_writable	dst[i] = pte_wrprotect(&src[i]);	dst[i] = src[i] & ~PTE_W;
missing_flush	flush_page(mm, va);	(void)mm, (void)va;
reuse_at_count_2	if (page_ref_acquire(table_page(*pmd)) == 1) {  /* every other copy is done */	if (page_ref_acquire(table_page(*pmd)) <= 2) {
freed_at_count_2	if (page_put_unless_last(table))	if (page_ref(table) > 2 && page_put_unless_last(table))
overlap_starts_only	if (v->end > start && v->kind == VMA_SHARED)	if (v->start >= start && v->kind == VMA_SHARED)
overlap_ends_only	if (v->end > start && v->kind == VMA_SHARED)	if (v->end > start && v->end <= end && v->kind == VMA_SHARED)
planted_panic	if (page_put_unless_last(table))	if (page_ref(table) > 1 && (panic("planted: a shared table put"), 1))
EOF
}

# apply VARIANT SRC DST: SRC with the variant's edits, in DST; fails if an
# edit's line is not in SRC (the variant no longer applies).
apply() {
	edits | awk -F '\t' -v v="$1" '$1 == v' >"$tmp/edits"
	awk -F '\t' '
	NR == FNR { from[NR] = $2; to[NR] = $3; n = NR; next }
	{
		line = $0
		sub(/^[ \t]*/, "", line)
		indent = substr($0, 1, length($0) - length(line))
		for (i = 1; i <= n; i++)
			if (line == from[i]) {
				done[i] = 1
				if (to[i] != "-")
					print indent to[i]
				next
			}
		print
	}
	END {
		for (i = 1; i <= n; i++)
			if (!done[i]) {
				print "no line \"" from[i] "\"" > "/dev/stderr"
				exit 1
			}
	}' "$tmp/edits" "$2" >"$3"
}

# score FILE: the "X Y" of grade.sh's "Score: X/Y".
score() {
	sed -n 's|^Score: \([0-9]*\)/\([0-9]*\)$|\1 \2|p' "$1"
}

# variant NAME: the copy with NAME's edits scores less than full marks.
variant() {
	local name=$1 got total lost caught
	if ! apply "$name" "$FILE" "$dir/$FILE" 2>"$OUT/$name.apply"; then
		fail "lab-variants:$name" "does not apply: $(cat "$OUT/$name.apply")"
		return
	fi
	if ! make -C "$dir" -s -j2 BUILD=build kernel >"$OUT/$name.build" 2>&1; then
		fail "lab-variants:$name" "does not build"
		return
	fi
	(cd "$dir" && BUILD=build ROOT=$ROOT TEST_TIMEOUT=$TIMEOUT scripts/grade.sh $LAB) \
		>"$OUT/$name.grade" 2>&1 || true
	read -r got total < <(score "$OUT/$name.grade") || true
	caught=$(awk '$1 == "FAIL" { print $3 }' "$OUT/$name.grade" | paste -sd' ')
	if [ -n "$got" ] && [ "$got" -lt "$total" ]; then
		lost=$((total - got))
		pass "lab-variants:$name (loses $lost of $total)"
		printf '| `%s` | %s | %s |\n' "$name" "$lost" "$caught" >>"$OUT/table.md"
	else
		fail "lab-variants:$name" "scores ${got:-?}/${total:-?}"
	fi
}

# planted: a panic planted in lab 3's code costs only the tests that reach
# it: the report shows its PANIC line, and the grader runs the tests left
# in a fresh boot, so the score stays above 0.
planted() {
	local got total
	variant planted_panic
	read -r got total < <(score "$OUT/planted_panic.grade") || true
	if ! grep -q 'PANIC: planted' "$OUT/planted_panic.grade"; then
		fail "lab-variants:planted_panic_shown" "no PANIC line in the report"
	elif [ "${got:-0}" -le 0 ]; then
		fail "lab-variants:planted_panic_shown" "scores ${got:-?}/${total:-?}"
	else
		pass "lab-variants:planted_panic_shown (scores $got of $total)"
	fi
}

mkdir -p "$OUT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dir=$tmp/tree
mkdir "$dir"
git ls-files --cached --others --exclude-standard | while read -r f; do
	[ -f "$f" ] && echo "$f"
done | tar -cf - -T - | tar -xf - -C "$dir"
: >"$OUT/table.md"
for v in ${*:-$(edits | cut -f1 | uniq | grep -vx planted_panic)}; do
	variant "$v"
done
[ $# = 0 ] && planted
echo "$passed passed, $failed failed"
[ $failed = 0 ]
