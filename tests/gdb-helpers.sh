#!/bin/bash
# The gdb helpers (scripts/gdb/, docs/gdb.md), checked in one boot.
#
# forklab boots halted under QEMU's gdb stub, with trace=faults, running a
# program that shares PTE tables at fork and breaks them.  gdb, in batch
# mode with the gdbinit `make debug` uses, stops with `fl-break-fault
# odf-break` at the second table copy (stop A: the first is init's own,
# after it forks the program) and runs fl-pt, fl-page, fl-ps, fl-vmas and
# fl-shared, fl-tree and fl-tree --dot there; then stops at the next fault
# (stop B), when A's event is in the trace, for fl-faults; then stops with
# fl-break-fault --before odf-break before the next table copy and once
# more after it; then lets the program run to its end.  The helpers'
# output is checked against plain `print`s of the same kernel data, against
# the kernel's own counters, and against the line the kernel printed on
# the console for every fault.
#
# usage: tests/gdb-helpers.sh
# environment: BUILD=dir (default build), ACCEL (default tcg), TEST_TIMEOUT
# Prints PASS or FAIL per check, then "N passed, N failed"; exit status 0
# only when nothing failed.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
OUT=$BUILD/test
TIMEOUT=${TEST_TIMEOUT:-50}
passed=0
failed=0
mkdir -p "$OUT"

pass() { echo "PASS gdb-helpers:$1"; passed=$((passed + 1)); }
fail() { echo "FAIL gdb-helpers:$1${2:+: $2}"; failed=$((failed + 1)); }
# check NAME DETAIL CONDITION...: PASS if the command CONDITION succeeds.
check() {
	local name=$1 detail=$2
	shift 2
	if "$@"; then pass "$name"; else fail "$name" "$detail"; fi
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
	exit
}

# Is something listening on TCP port $1 of this machine?
listening() {
	grep -qi ":$(printf %04X "$1") 00000000:0000 0A" /proc/net/tcp
}

if ! make -s BUILD="$BUILD" >"$OUT/gdb-helpers.build" 2>&1; then
	fail build; tail -n 15 "$OUT/gdb-helpers.build" | sed 's/^/    | /'; finish
fi
if [ -x "$BUILD/utests/odf_break" ]; then prog=odf_break cmd=/tests/odf_break
else prog=odfdemo cmd="/bin/odfdemo 2"; fi    # small: every fault costs a stop

# QEMU, halted, waiting for gdb on a free port; killed however we leave.
# It ends in 2: tests/run's gdb suites, which may run meanwhile, take ports
# ending in 0 and 1 (gdb_port).
port=$((30000 + RANDOM % 2000 * 10 + 2))
while listening $port; do port=$((port + 10)); done
scripts/mkiso.sh "$OUT/gdb-helpers.iso" "$BUILD/kernel.elf" \
	"panic=halt trace=faults cmd=\"$cmd\"" "$BUILD/root.cpio" || { fail iso; finish; }
QEMU_EXTRA="-S -gdb tcp:127.0.0.1:$port" SERIAL="file:$OUT/gdb-helpers.raw" \
	timeout "$TIMEOUT" scripts/qemu.sh "$OUT/gdb-helpers.iso" \
	</dev/null >"$OUT/gdb-helpers.qemu" 2>&1 &
qemu=$!
trap 'kill $qemu 2>/dev/null; wait $qemu 2>/dev/null' EXIT
for _ in $(seq $((TIMEOUT * 10))); do listening $port && break; sleep 0.1; done

# The gdb session.  "@@ NAME" lines start the output of each step.
sed -e "s|@KERNEL@|$BUILD/kernel.elf|" -e "s|@PORT@|$port|" scripts/gdbinit.in \
	>"$OUT/gdb-helpers.gdbinit"
# fl-shared for every process with an address space, found by plain gdb.
cat >"$OUT/gdb-helpers.shared" <<'EOF'
set $slot = 0
while $slot < sizeof('kernel/proc.c'::table) / sizeof('kernel/proc.c'::table[0])
  set $p = 'kernel/proc.c'::table[$slot]
  if $p != 0 && $p->mm != 0
    eval "fl-shared %d", $p->pid
  end
  set $slot = $slot + 1
end
EOF
# Stop B: the next fault's record.  A hardware breakpoint set again at the
# pc gdb stopped at may stop there once more before anything ran.
cat >"$OUT/gdb-helpers.stop-b" <<'EOF'
continue
while fault_trace.next == $seq_a
  continue
end
EOF
ring='(sizeof(fault_trace.ev) / sizeof(fault_trace.ev[0]))'
timeout "$TIMEOUT" gdb -q -batch -nx -x "$OUT/gdb-helpers.gdbinit" \
	-ex 'echo @@ help\n' -ex 'help forklab' \
	-ex 'continue' \
	-ex 'fl-break-fault odf-break' \
	-ex 'echo @@ first-break\n' -ex 'continue' \
	-ex 'echo @@ stop-a\n' -ex 'continue' \
	-ex 'set $seq_a = fault_trace.next' \
	-ex 'printf "@@ print-a seq=%lu pid=%d addr=%#lx name=%s\n", fault_trace.next, $current()->pid, addr, $current()->name' \
	-ex 'echo @@ fl-pt\n' -ex 'fl-pt addr' \
	-ex 'printf "@@ print-pt table=%#lx table_ref=%u page=%#lx page_ref=%u\n", $fl_table, pages[$fl_table].ref, $fl_page, pages[$fl_page].ref' \
	-ex 'echo @@ fl-page\n' -ex 'fl-page $fl_page' \
	-ex 'echo @@ kernel-pt\n' -ex 'fl-pt $rsp' \
	-ex 'echo @@ fl-ps\n' -ex 'fl-ps' \
	-ex 'echo @@ fl-vmas\n' -ex 'fl-vmas' \
	-ex 'echo @@ fl-shared\n' -x "$OUT/gdb-helpers.shared" \
	-ex 'echo @@ fl-tree\n' -ex 'fl-tree' \
	-ex 'echo @@ fl-tree-dot\n' -ex "fl-tree --dot $OUT/gdb-helpers.dot" \
	-ex 'delete' -ex 'hbreak fault_trace_record' \
	-ex 'echo @@ stop-b\n' -x "$OUT/gdb-helpers.stop-b" \
	-ex "printf \"@@ print-b seq=%lu traced=%lu addr=%#lx\n\", fault_trace.next, fault_trace.ev[\$seq_a % $ring].seq, fault_trace.ev[\$seq_a % $ring].addr" \
	-ex 'echo @@ fl-faults\n' -ex 'fl-faults 5' \
	-ex 'echo @@ tree-changes\n' -ex 'fl-tree --changes' \
	-ex "echo @@ fl-user\n" -ex "fl-user $prog" -ex 'info line main' \
	-ex 'delete' -ex 'fl-break-fault --before odf-break' \
	-ex 'echo @@ before\n' -ex 'continue' \
	-ex 'printf "@@ print-before seq=%lu pid=%d addr=%#lx\n", fault_trace.next, $current()->pid, addr' \
	-ex 'echo @@ after\n' -ex 'continue' \
	-ex 'echo @@ end\n' -ex 'delete' -ex 'continue' \
	>"$OUT/gdb-helpers.out" 2>&1
kill $qemu 2>/dev/null; wait $qemu 2>/dev/null
tr -d '\r' <"$OUT/gdb-helpers.raw" >"$OUT/gdb-helpers.log"
out=$OUT/gdb-helpers.out
log=$OUT/gdb-helpers.log

# section NAME: the output of step NAME (its "@@ NAME" line excluded).
section() { awk -v s="@@ $1" '/^@@ /{on = index($0, s) == 1; next} on' "$out"; }
# field KEY LINE: the value of KEY=value in LINE.
field() { sed -n "s/.*[ @]$1=\([^ ]*\).*/\1/p" <<<"$2"; }
# The lines of fault events (as fl-faults and /proc/faults print them).
events() { grep -E '^ *[0-9]+ +[0-9]+ [0-9a-f]{16} '; }
# untraced LINE...: says which of these events the kernel did not print
# on its console (trace=faults), if any; traced LINE...: it printed all.
untraced() {
	local l
	for l; do grep -Fxq "fault $l" "$log" || { echo "not on the console: '$l'"; return; }; done
}
traced() { [ -z "$(untraced "$@")" ]; }

lists_every_command() {
	local c
	for c in fl-ps fl-vmas fl-pt fl-shared fl-tree fl-page fl-faults fl-break-fault fl-user; do
		grep -q "^$c " <<<"$(section help)" || return 1
	done
}
check help_lists_commands "$(section help | tr '\n' ' ')" lists_every_command

stop_a=$(section stop-a | events)
print_a=$(grep '^@@ print-a ' "$out")
if [ -z "$stop_a" ] || [ -z "$print_a" ]; then
	fail stops_at_odf_break "no stop; see $out and $log"
	tail -n 15 "$out" | sed 's/^/    | /'
	finish
fi
seq_a=$(field seq "$print_a") pid_a=$(field pid "$print_a") addr_a=$(field addr "$print_a")
check stops_at_odf_break "$stop_a" grep -q ' table-copy' <<<"$stop_a"
check break_prints_the_kernels_event "$(untraced "$stop_a")" traced "$stop_a"
check break_event_is_this_fault "printed '$stop_a', args $print_a" \
	test "$(awk '{print $1, $2, "0x" $3}' <<<"$stop_a" | sed 's/0x0*/0x/')" = \
	"$seq_a $pid_a $addr_a"

# fl-pt addr: the address, and the counts plain gdb reads in struct page.
pt=$(section fl-pt)
print_pt=$(grep '^@@ print-pt ' "$out")
table_line=$(grep '^PTE table: ' <<<"$pt") page_line=$(grep '^page: ' <<<"$pt")
table=$(sed -n 's/^PTE table: frame \(0x[0-9a-f]*\), ref \([0-9]*\) (\(.*\))$/\1 \2 \3/p' <<<"$pt")
page=$(sed -n 's/^page: frame \(0x[0-9a-f]*\), ref \([0-9]*\), flags \(.*\)$/\1 \2 \3/p' <<<"$pt")
read -r table_pfn table_ref table_kind <<<"$table"
read -r page_pfn page_ref page_flags <<<"$page"
check pt_walks_the_fault_address "$(head -1 <<<"$pt")" \
	grep -Eq "^0x0*${addr_a#0x} in pid $pid_a " <<<"$pt"
check pt_walk_has_four_levels "$pt" test "$(grep -Ec '^(pgd|pud|pmd|pte)\[' <<<"$pt")" = 4
check pt_table_ref_is_struct_page_ref "'$table_line' vs '$print_pt'" \
	test "$table_pfn $table_ref" = "$(field table "$print_pt") $(field table_ref "$print_pt")"
check pt_shared_iff_ref_above_1 "$table_line" \
	test "$table_kind" = "$([ "${table_ref:-0}" -gt 1 ] && echo shared || echo private)"
check pt_page_ref_is_struct_page_ref "'$page_line' vs '$print_pt'" \
	test "$page_pfn $page_ref" = "$(field page "$print_pt") $(field page_ref "$print_pt")"
check pt_after_break_table_is_private "$table_line" test "$table_ref $table_kind" = "1 private"
check pt_after_break_write_allowed "$(grep '^user mode' <<<"$pt")" \
	grep -qx 'user mode: read and write' <<<"$pt"

# fl-page: the same frame as fl-pt's page, a user page.
fl_page=$(section fl-page | head -1)
check page_matches_pt "'$fl_page' vs '$page_line'" \
	test "$fl_page" = "frame $page_pfn: ref $page_ref, flags $page_flags"
check page_is_user_page "$fl_page" grep -qw USER <<<"$page_flags"
check page_user_page_has_no_heap_fields "$(section fl-page)" \
	test "$(section fl-page | grep -c 'heap page')" = 0

# fl-pt of the kernel stack: a table of the kernel's half is no process's.
check pt_kernel_table_is_the_kernels "$(section kernel-pt | grep '^PTE table')" \
	grep -q "^PTE table: .*(the kernel's, in every process)$" <<<"$(section kernel-pt)"

# fl-ps: the current process, and every frame counted once equals the
# kernel's own counters.
ps=$(section fl-ps)
totals=$(sed -n 's/^frames, each counted once: \([0-9]*\) page tables (nr_user_pgtables \([0-9]*\)), \([0-9]*\) pages (nr_user_pages \([0-9]*\))$/\1 \2 \3 \4/p' <<<"$ps")
read -r tables_seen tables_kernel pages_seen pages_kernel <<<"$totals"
check ps_lists_current_running "$ps" \
	grep -Eq "^ *$pid_a running +$(field name "$print_a") +odf +[0-9]+ " <<<"$ps"
# Every process last ran on one of the boot's CPUs.
check ps_cpu_column_in_range "$ps" \
	awk -v cpus="${SMP:-1}" '$1 ~ /^[0-9]+$/ && ($5 !~ /^[0-9]+$/ || $5 >= cpus) {bad = 1}
		END {exit bad}' <<<"$ps"
check ps_page_tables_match_nr_user_pgtables "$totals" \
	test -n "$totals" -a "$tables_seen" = "$tables_kernel" -a "$tables_seen" -gt 0
check ps_pages_match_nr_user_pages "$totals" \
	test -n "$totals" -a "$pages_seen" = "$pages_kernel" -a "$pages_seen" -gt 0

# fl-vmas: a writable VMA holds the address written.
in_writable_vma() {
	local start end prot a=$((addr_a))
	while read -r start end prot _; do
		[[ $start == 0x* ]] || continue
		((start <= a && a < end)) && [[ $prot == ?w? ]] && return 0
	done <<<"$(section fl-vmas)"
	return 1
}
check vmas_hold_the_address "$addr_a not in $(section fl-vmas | tr '\n' ' ')" in_writable_vma
# An empty heap (brk = brk_start) is said so, and so is the page its VMA keeps.
heap_agrees() {
	local v=$(section fl-vmas)
	if grep -q ', heap empty at ' <<<"$v"; then grep -q ' brk (the page kept' <<<"$v"
	else grep -q ', heap 0x[0-9a-f]*-0x' <<<"$v" && ! grep -q ' brk (' <<<"$v"; fi
}
check vmas_heap_agrees_with_brk_vma "$(section fl-vmas | tr '\n' ' ')" heap_agrees

# fl-shared of every process: each shared table is listed by as many
# processes as its count says, and fl-ps counts the same tables.
shared=$(section fl-shared)
check shared_tables_exist "$shared" grep -q '  frame ' <<<"$shared"
counts_are_sharers() {       # "  range  frame F  ref R" lines: R > 1, R lines
	grep '  frame ' <<<"$shared" | awk '{print $3, $5}' | sort | uniq -c |
		awk '$1 != $3 || $3 < 2 {bad = 1} END {exit bad}'
}
check shared_counts_are_sharers "$shared" counts_are_sharers
pids_are_sharers() {         # as many pids as the count; each lists the table
	local who
	who=$(sed -n 's/^pid \([0-9]*\) .*/\1/p; s/^  .*frame \([^ ]*\) .*pids \(.*\)$/T \1 \2/p' <<<"$shared")
	awk '/^[0-9]+$/ {pid = $1; next}
	     {n = NF - 2; if (n < 2) bad = 1
	      for (i = 3; i <= NF; i++) want[$2 " " $i] = 1; have[$2 " " pid] = 1}
	     END {for (k in want) if (!(k in have)) bad = 1
	          for (k in have) if (!(k in want)) bad = 1; exit bad}' <<<"$who"
}
check shared_pids_are_the_sharers "$shared" pids_are_sharers
shared_per_pid() { sed -n 's/^pid \([0-9]*\) (.*): \([0-9]*\) shared PTE tables$/\1 \2/p' <<<"$shared"; }
ps_shared_per_pid() { awk '$1 ~ /^[0-9]+$/ && $NF != "-" {print $1, $NF}' <<<"$ps"; }
check ps_shared_matches_fl_shared "fl-ps: $(ps_shared_per_pid | tr '\n' ,) fl-shared: $(shared_per_pid | tr '\n' ,)" \
	test "$(ps_shared_per_pid | sort)" = "$(shared_per_pid | sort)"

# fl-tree --dot of every process: each table drawn once, as many as the
# kernel counts; as many arrows into a table as its count says; the
# table of stop A's fault with struct page's count.
dot=$OUT/gdb-helpers.dot
dot_nodes() { sed -n 's/^\t*\(t[0-9a-fx]*\) \[label=".* \([0-9a-fx]*\)\\nref \([0-9]*\).*/\1 \3/p' "$dot"; }
dot_edges() { sed -n 's/^\t*t[0-9a-fx]* -> \(t[0-9a-fx]*\) .*/\1/p' "$dot"; }
check tree_dot_draws_every_table_once "$(dot_nodes | wc -l) nodes, $(dot_nodes | sort -u | wc -l) distinct, nr_user_pgtables $tables_kernel" \
	test "$(dot_nodes | awk '{print $1}' | sort | uniq -d)" = "" -a "$(dot_nodes | wc -l)" = "$tables_kernel"
arrows_are_counts() {        # every table but the pgds has ref arrows into it
	local pgds=$(grep -c 'label="pgd ' "$dot")
	[ "$pgds" -gt 0 ] && [ "$(dot_edges | wc -l)" -gt 0 ] &&
	awk 'NR == FNR {ref[$1] = $2; next} {into[$1]++}
	     END {for (n in ref) if (n in into ? into[n] != ref[n] : ref[n] != 1) bad = 1
	          exit bad}' <(dot_nodes) <(dot_edges)
}
check tree_dot_arrows_are_counts "$(dot_nodes | tr '\n' ,)" arrows_are_counts
dot_ref() { dot_nodes | awk -v n="t$1" '$1 == n {print $2}'; }
check tree_dot_table_ref_is_struct_page_ref "$(dot_ref "$(field table "$print_pt")") vs $print_pt" \
	test "$(dot_ref "$(field table "$print_pt")")" = "$(field table_ref "$print_pt")"

# fl-tree's text: each process's pages (a shared table's in each of its
# sharers) and arrows to shared tables are fl-ps's VmRSS and shared tables.
tree_per_pid() {             # "pid pages arrows", a line per column
	python3 - "$(section fl-tree)" <<-'PY'
	import re, sys
	rows = sys.argv[1].splitlines()
	starts = [m.start() for m in re.finditer(r"pid \d+ |shared PTE tables", rows[0])] + [None]
	shared = dict(re.findall(r"(S\d+) pte \S+ ref \d+: (\d+) pages?", sys.argv[1]))
	for i, pid in enumerate(re.findall(r"pid (\d+) ", rows[0])):
	    cells = [row[starts[i]:starts[i + 1]] for row in rows[1:]]
	    pages = sum(int(n) for c in cells for n in re.findall(r": (\d+) pages?", c))
	    arrows = [s for c in cells for s in re.findall(r"-> (S\d+)", c)]
	    print(pid, pages + sum(int(shared[s]) for s in arrows), len(arrows))
	PY
}
ps_per_pid() { awk '$1 ~ /^[0-9]+$/ && $NF != "-" {print $1, $6 / 4, $NF}' <<<"$ps"; }
check tree_text_matches_ps "fl-tree: $(tree_per_pid | tr '\n' ,) fl-ps: $(ps_per_pid | tr '\n' ,)" \
	test "$(tree_per_pid | sort)" = "$(ps_per_pid | sort)"

# fl-tree --changes at stop B, one fault after stop A's fl-tree: what has
# not changed is folded, so fewer lines; the faulting process's walk is
# drawn again in full, down to its PTE table.
changes=$(section tree-changes) tree=$(section fl-tree)
check tree_changes_folds_the_unchanged "$(grep -c . <<<"$changes") lines, $(grep -c . <<<"$tree") before" \
	test "$(grep -c 'tables below unchanged' <<<"$changes")" -gt 0 -a \
	"$(grep -c . <<<"$changes")" -lt "$(grep -c . <<<"$tree")"

# fl-faults at stop B: the last events of the kernel's trace, stop A's last.
print_b=$(grep '^@@ print-b ' "$out")
faults=$(section fl-faults | events)
seq_b=$(field seq "$print_b")
seq_b=${seq_b:-0}
want=$((seq_b - 1 < 5 ? seq_b - 1 : 5))
check trace_holds_the_break "$print_b vs $print_a" \
	test "$(field traced "$print_b") $(field addr "$print_b")" = "$seq_a $addr_a"
check faults_lists_last_events "$(wc -l <<<"$faults") lines, want $want ending at $((seq_b - 1))" \
	test "$(grep -c . <<<"$faults") $(tail -1 <<<"$faults" | awk '{print $1}')" = "$want $((seq_b - 1))"
mapfile -t faults_lines <<<"$faults"
check faults_match_kernel_trace "$(untraced "${faults_lines[@]}")" traced "${faults_lines[@]}"
check faults_show_the_break "$stop_a" grep -Fxq "$stop_a" <<<"$faults"

# fl-break-fault --before odf-break: it stops before the fault (the trace
# has not recorded it yet), foretells what the kernel then does, walks the
# address in as many processes as the table's count, and after one
# continue shows the same walks with the faulting process's changes marked.
before=$(section before) after=$(section after)
print_before=$(grep '^@@ print-before ' "$out")
after_event=$(events <<<"$after")
foretold=$(sed -n 's/^before a .* fault at 0x[0-9a-f]*: \(.*\); the walk .*/\1/p' <<<"$before")
check before_stops_before_the_fault "'$print_before' then '$after_event'" \
	test -n "$after_event" -a "$(field seq "$print_before")" = "$(awk '{print $1}' <<<"$after_event")"
as_action() { sed 's/odf-break/table-copy/; s/odf-reuse/table-reuse/; s/cow-copy/page-copy/
	s/cow-reuse/page-reuse/; s/demand-zero/zero-fill/'; }
actions_of() { grep -oE '(table|page)-(copy|reuse)|zero-fill' | sort; }
check before_foretells_what_happens "foretold '$foretold', then '$after_event'" \
	test -n "$foretold" -a "$(tr ' ' '\n' <<<"$foretold" | as_action | sort)" = \
	"$(actions_of <<<"$after_event")"
shared_ref=$(sed -n 's/^  PTE table: frame .*, ref \([0-9]*\) (shared)$/\1/p' <<<"$before" | head -1)
check before_walks_every_sharer "ref ${shared_ref:-none}, $(grep -c ' in pid ' <<<"$before") walks" \
	test "$(grep -c ' in pid ' <<<"$before")" = "${shared_ref:-1}"
walker() { awk -v pid="$2" '/ in pid / {on = index($0, " in pid " pid " (") > 0} on && /^(  |\* )/' <<<"$1"; }
pid_before=$(field pid "$print_before")
marks_are_changes() {        # "* " on exactly the lines unlike before's
	[ "$(walker "$after" "$pid_before" | grep -c '^\* ')" -gt 0 ] &&
	[ "$(walker "$after" "$pid_before" | wc -l)" = "$(walker "$before" "$pid_before" | wc -l)" ] &&
	paste -d '\t' <(walker "$before" "$pid_before" | sed 's/^  //') <(walker "$after" "$pid_before") |
		awk -F '\t' '{if ((substr($2, 1, 2) == "* ") == (substr($2, 3) == $1)) bad = 1}
		              END {exit bad}'
}
check after_marks_the_changes "$(walker "$after" "$pid_before" | tr '\n' '|')" marks_are_changes

# fl-user: the program's symbols, at its link address.
check user_symbols_loaded "$(section fl-user | tail -1)" \
	grep -Eq 'starts at address 0x4[0-9a-f]{5} <main' <<<"$(section fl-user)"

finish
