#!/bin/bash
# A quick check of the fork benchmark (user/forkbench/, make bench): runs
# forkbench --quick (16 and 32 MiB, one repetition, no warm-up) in forklab
# and on the host's Linux, checks that both CSV files are well formed and
# complete, and that the fork's work counters agree with what each mode
# must do (docs/odf.md).  Then boots forklab with 3 CPUs, under icount (one
# QEMU thread, deterministic), for forkbench --threads 2 at a tiny size:
# every fork that write-protects the parent must ask exactly the CPUs its
# threads hold, and the fault trace must show such rounds.  Prints PASS name
# or FAIL name for each check and ends with the line "N passed, N failed";
# exit status 0 only when nothing failed.  It takes about a minute and a
# half under TCG.
#
# usage: tests/bench-smoke.sh   (needs make's build/kernel.elf and build/root.cpio)
# environment: BUILD=dir (default build), TEST_TIMEOUT=seconds for the boot
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
OUT=$BUILD/bench-smoke
TIMEOUT=${TEST_TIMEOUT:-120}
MEM=1G                          # 32 MiB, its copy and their tables fit well
MIB=32                          # the size the counters are checked at
PAGES=$((MIB * 256))            # its 4 KiB pages
TABLES=$((MIB / 2))             # its PTE tables, 2 MiB each
TABLE_BYTES=4096
PGD_ENTRIES=2                   # pgd entries a process uses: program, mmap and stack
FORKLAB_ROWS=24                 # metrics per size and mode (user/forkbench/)
LINUX_ROWS=16                   # less the shared tables and work counters
THREADS=2                       # the most threads on other CPUs...
THREADS_CPUS=$((THREADS + 1))   # ...each with a CPU of its own
THREADS_ROWS=3                  # fork, fork_syscall, fork_tlb_ipis
THREADS_COUNTS=2                # thread counts besides 0: 1, 2
THREADS_TIMEOUT=$((TIMEOUT * 3))        # icount runs the CPUs in turn
passed=0
failed=0
mkdir -p "$OUT"

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1${2:+: $2}"; failed=$((failed + 1)); }

# check NAME COMMAND...: passes when the command succeeds.
check() {
	local name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}

# value FILE MODE METRIC: the median of METRIC at $MIB MiB, or nothing.
value() {
	awk -F, -v s="$MIB" -v m="$2" -v x="$3" '$1 == s && $2 == m && $3 == x { print $4 }' "$1"
}

# is FILE MODE METRIC OP NUMBER: compares one median (OP as for test).
is() {
	local v
	v=$(value "$1" "$2" "$3")
	[ -n "$v" ] && [ "$v" "$4" "$5" ]
}

# Every problem with a CSV file of forkbench, one per line; none if well
# formed and complete: ROWS metrics for each first column (size, or
# threads) and mode, each row with 8 fields, integers where numbers belong,
# min <= median, a known unit, and the child's prefix times in order.
# FIRSTS: how many first columns per mode.
problems() {
	awk -F, -v rows="$2" -v modes="$3" -v firsts="${4:-2}" -v first="${5:-size_mib}" '
	/^# (sysname|hypervisor|cpu_mhz): ./ { platform++ }
	/^#/ { next }
	$0 == first ",mode,metric,median,min,unit,reps,note" { header++; next }
	NF != 8 { print "line " NR ": " NF " fields"; next }
	$3 == "skipped" { print "line " NR ": skipped: " $8; next }
	$1 !~ /^[0-9]+$/ || $4 !~ /^-?[0-9]+$/ || $5 !~ /^-?[0-9]+$/ || $7 !~ /^[1-9][0-9]*$/ {
		print "line " NR ": not a number: " $0
	}
	$5 > $4 { print "line " NR ": min above median" }
	$6 !~ /^(ns|bytes|count)$/ { print "line " NR ": unit " $6 }
	{ n[$1 "," $2]++; v[$1, $2, $3] = $4 }
	END {
		if (platform != 3) print "platform lines missing"
		if (header != 1) print header + 0 " header lines"
		for (k in n) {
			if (n[k] != rows) print k ": " n[k] " rows, want " rows
			split(k, sm, ",")
			if (v[sm[1], sm[2], "child_write_1"] > v[sm[1], sm[2], "child_write_512"] ||
			    v[sm[1], sm[2], "child_write_512"] > v[sm[1], sm[2], "child_write_all"])
				print k ": child write times out of order"
		}
		if (length(n) != firsts * modes) print length(n) " " first " and mode pairs"
	}' "$1"
}

# well_formed NAME FILE ROWS MODES [FIRSTS FIRST]: a check that shows the problems.
well_formed() {
	local out
	out=$(problems "$2" "$3" "$4" "${5:-}" "${6:-}")
	if [ -z "$out" ]; then pass "$1"; else fail "$1"; echo "$out" | head -5 | sed 's/^/    | /'; fi
}

run_forklab() {
	local status=0
	scripts/mkiso.sh "$OUT/forklab.iso" "$BUILD/kernel.elf" 'cmd="/bin/forkbench --quick"' \
		"$BUILD/root.cpio" || return 1
	MEM=$MEM SERIAL="file:$OUT/forklab.raw" timeout "$TIMEOUT" \
		scripts/qemu.sh "$OUT/forklab.iso" </dev/null >"$OUT/qemu.out" 2>&1 || status=$?
	tr -d '\r' <"$OUT/forklab.raw" >"$OUT/forklab.log"
	grep -E '^(# |size_mib,|[0-9]+,)' "$OUT/forklab.log" >"$OUT/forklab.csv"
	return $status
}

# forkbench --threads under icount at 3 CPUs, the fault trace printed
# (trace=faults: the kernel log, in threads.log).
run_threads() {
	local status=0 cmd="/bin/forkbench --threads $THREADS --size 2 --reps 3"
	scripts/mkiso.sh "$OUT/threads.iso" "$BUILD/kernel.elf" "trace=faults cmd=\"$cmd\"" \
		"$BUILD/root.cpio" || return 1
	SMP=$THREADS_CPUS MEM=$MEM SERIAL="file:$OUT/threads.raw" \
		QEMU_EXTRA="-icount shift=0,sleep=off" timeout "$THREADS_TIMEOUT" \
		scripts/qemu.sh "$OUT/threads.iso" </dev/null >"$OUT/qemu-threads.out" 2>&1 || status=$?
	tr -d '\r' <"$OUT/threads.raw" >"$OUT/threads.log"
	grep -E '^(# |threads,|[0-9]+,)' "$OUT/threads.log" >"$OUT/threads.csv"
	return $status
}

# ipis_are T MODE N: the fork with T threads in MODE asked N CPUs.
ipis_are() { awk -F, -v t="$1" -v m="$2" -v n="$3" \
	'$1 == t && $2 == m && $3 == "fork_tlb_ipis" { found = $4 == n && $5 == n } END { exit !found }' \
	"$OUT/threads.csv"; }

check_threads() {
	local t mode
	well_formed threads:csv_well_formed "$OUT/threads.csv" $THREADS_ROWS 4 \
		$((THREADS_COUNTS + 1)) threads
	for t in 0 1 $THREADS; do
		check "copy:no_ipi_with_${t}_threads" ipis_are $t copy 0
		for mode in cow odf hodf; do
			check "$mode:ipis_equal_${t}_threads" ipis_are $t $mode $t
		done
	done
	check trace:shows_an_mm_round_to_the_threads grep -qE \
		'^fault .* shootdown +[0-9]+  tlb-mm cpus [0-9],[0-9]$' "$OUT/threads.log"
	check trace:shows_a_faults_round grep -qE '^fault .* shootdown +[0-9]+  tlb-page cpus ' \
		"$OUT/threads.log"
}

run_host() {
	cc -std=gnu11 -O2 -Wall -Wextra -Werror -idirafter libc/include \
		-o "$OUT/forkbench" user/forkbench/*.c &&
		"$OUT/forkbench" --quick >"$OUT/host.csv" 2>"$OUT/host.err"
}

check_forklab() {
	local f=$OUT/forklab.csv
	well_formed forklab:csv_well_formed "$f" $FORKLAB_ROWS 4
	check forklab:names_its_system grep -q '^# sysname: forklab$' "$f"
	check odf:shares_every_table is "$f" odf fork_tables_shared -ge $TABLES
	check odf:copies_no_table is "$f" odf fork_tables_copied -eq 0
	check odf:copies_no_pte is "$f" odf fork_ptes_copied -eq 0
	check odf:copies_no_page is "$f" odf fork_pages_copied -eq 0
	check odf:one_tlb_flush is "$f" odf fork_tlb_flushes -eq 1
	check odf:child_shares_the_tables is "$f" odf child_vmpte_shared -ge $((TABLES * TABLE_BYTES))
	check hodf:shares_a_table_per_pgd_entry is "$f" hodf fork_tables_shared -le $PGD_ENTRIES
	check hodf:copies_no_table is "$f" hodf fork_tables_copied -eq 0
	check hodf:copies_no_pte is "$f" hodf fork_ptes_copied -eq 0
	check hodf:one_tlb_flush is "$f" hodf fork_tlb_flushes -eq 1
	check cow:shares_no_table is "$f" cow fork_tables_shared -eq 0
	check cow:copies_every_pte is "$f" cow fork_ptes_copied -ge $PAGES
	check cow:copies_no_page is "$f" cow fork_pages_copied -eq 0
	check cow:one_tlb_flush is "$f" cow fork_tlb_flushes -eq 1
	check cow:allocates_every_table is "$f" cow pagetables_delta -ge $((TABLES * TABLE_BYTES))
	check copy:copies_every_page is "$f" copy fork_pages_copied -ge $PAGES
	check copy:pages_equal_ptes is "$f" copy fork_pages_copied -eq "$(value "$f" copy fork_ptes_copied)"
	check copy:no_tlb_flush is "$f" copy fork_tlb_flushes -eq 0
}

if run_forklab; then
	pass forklab:runs
	check_forklab
else
	fail forklab:runs "status $? (log: $OUT/forklab.log)"
	tail -n 10 "$OUT/forklab.log" | sed 's/^/    | /'
fi
if run_threads; then
	pass threads:runs
	check_threads
else
	fail threads:runs "status $? (log: $OUT/threads.log)"
	tail -n 10 "$OUT/threads.log" | sed 's/^/    | /'
fi
if run_host; then
	pass host:runs
	well_formed host:csv_well_formed "$OUT/host.csv" $LINUX_ROWS 1
	check host:names_its_system grep -q '^# sysname: Linux$' "$OUT/host.csv"
else
	fail host:runs
fi
echo "$passed passed, $failed failed"
[ $failed = 0 ]
