#!/bin/bash
# make bench: what fork costs in forklab, in each of its fork modes, and on
# the host's Linux.  Boots forklab once to run /bin/forkbench (every mode in
# the same boot, so that they are compared under the same emulator), runs
# the same program built for the host, boots forklab again with more CPUs
# to run forkbench --threads (fork while threads write on the other CPUs:
# the TLB shootdown's cost), and writes to $BUILD/bench/:
#
#   forklab.csv, host.csv   forkbench's rows (see user/forkbench/), after
#                           "# " lines that say where and how they ran
#   threads.csv             forkbench --threads's rows, the same way
#   results.md              the tables (scripts/bench-table.awk, then
#                           scripts/bench-threads.awk)
#   fork-latency, page-tables, write-after-fork (.png and .svg)
#                           the plots (scripts/bench.gp)
#
# usage: scripts/bench.sh (make bench builds the kernel and root image first)
# environment, which make passes on:
#   BUILD=build         where the kernel and root image are
#   ACCEL=tcg|kvm       QEMU's emulator (default) or KVM; CPU=model as for make run
#   SMP=N               CPUs (default 1; docs/smp.md): processes run on the first
#   BENCH_MEM=6G        guest memory: a size needs twice itself free
#   BENCH_MAX=2048      the largest size, MiB
#   BENCH_COPY_MAX=N    copy mode only up to N MiB (default BENCH_MAX): a
#                       copy fork copies every page, seconds per GiB under TCG
#   BENCH_ICOUNT=1      deterministic: QEMU counts instructions and its clock
#                       ticks one nanosecond per instruction, so repeated runs
#                       give the same numbers (TCG only, and slower)
#   BENCH_THREADS=4     the most threads on other CPUs (0, 1, 2, 4 ... up to
#                       it); that boot has one CPU more (0: no such boot)
#   BENCH_THREADS_MIB=64  the parent's memory in that boot
#   BENCH_TIMEOUT=3000  seconds each forklab boot may take
#   HOST_CC=cc          the host's compiler
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
OUT=$BUILD/bench
ACCEL=${ACCEL:-tcg}
MEM=${BENCH_MEM:-6G}
MAX=${BENCH_MAX:-2048}
ICOUNT=${BENCH_ICOUNT:-0}
TIMEOUT=${BENCH_TIMEOUT:-3000}
HOST_CC=${HOST_CC:-cc}
ICOUNT_ARGS="-icount shift=0,sleep=off"   # 2^0 ns per instruction; idle time skipped

COPY_MAX=${BENCH_COPY_MAX:-$MAX}
THREADS=${BENCH_THREADS:-4}
THREADS_MIB=${BENCH_THREADS_MIB:-64}
THREADS_MEM=1G                          # the region and a copy fork's child fit

die() { echo "bench: $*" >&2; exit 1; }

# gnuplot draws the plots; as root on Debian we install it, like tools.sh.
need_gnuplot() {
	command -v gnuplot >/dev/null 2>&1 && return
	if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; then
		echo "bench: installing gnuplot-nox"
		apt-get update -q >/dev/null &&
			DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
				--no-install-recommends gnuplot-nox >/dev/null && return
	fi
	die "needs gnuplot: sudo apt-get install gnuplot-nox"
}

# The "# " lines that say how a CSV was made, for the file's head.
conditions() {
	echo "# date: $STARTED"
	echo "# commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
	echo "# host_cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cpus"
	echo "# host_kernel: $(uname -sr)"
}

# boot NAME CPUS MEMORY COMMAND: runs COMMAND in forklab and keeps its CSV
# rows in $OUT/NAME.csv, after the lines that say how it ran.
boot() {
	local name=$1 cpus=$2 mem=$3 cmd=$4 raw=$OUT/$1.raw log=$OUT/$1.log status=0
	local icount=off extra=${QEMU_EXTRA:-}
	if [ "$ICOUNT" = 1 ]; then
		[ "$ACCEL" = tcg ] || die "BENCH_ICOUNT needs ACCEL=tcg"
		icount="on ($ICOUNT_ARGS: one ns of guest time per instruction)"
		extra="$extra $ICOUNT_ARGS"
	fi
	scripts/mkiso.sh "$OUT/$name.iso" "$BUILD/kernel.elf" "cmd=\"$cmd\"" "$BUILD/root.cpio"
	echo "bench: forklab under QEMU ($ACCEL, icount $icount, $mem, $cpus cpus): $cmd"
	SMP=$cpus MEM=$mem ACCEL=$ACCEL SERIAL="file:$raw" QEMU_EXTRA="$extra" \
		timeout "$TIMEOUT" scripts/qemu.sh "$OUT/$name.iso" </dev/null || status=$?
	tr -d '\r' <"$raw" >"$log"
	if [ $status != 0 ]; then
		tail -n 20 "$log" >&2
		die "forklab's run ended with status $status (log: $log)"
	fi
	{
		conditions
		echo "# qemu: $(qemu-system-x86_64 --version | head -1), accel $ACCEL, memory $mem, cpus $cpus"
		echo "# accel: $ACCEL"
		echo "# icount: $icount"
		grep -E '^(# |size_mib,|threads,|[0-9]+,)' "$log"
	} >"$OUT/$name.csv"
}

run_host() {
	mkdir -p "$OUT/host"
	"$HOST_CC" -std=gnu11 -O2 -Wall -Wextra -Werror -idirafter libc/include \
		-o "$OUT/host/forkbench" user/forkbench/*.c
	echo "bench: the host's Linux: forkbench --max $MAX"
	{
		conditions
		echo "# accel: none (the host's own kernel)"
		echo "# icount: off"
		"$OUT/host/forkbench" --max "$MAX"
	} >"$OUT/host.csv"
}

# Says which accelerator ran, for the plots' titles.
run_label() {
	local icount=off
	[ "$ICOUNT" = 1 ] && icount=on
	echo "forklab under QEMU $ACCEL (icount $icount), host Linux natively"
}

[ -f "$BUILD/kernel.elf" ] && [ -f "$BUILD/root.cpio" ] ||
	die "no $BUILD/kernel.elf or $BUILD/root.cpio: run make bench"
need_gnuplot
mkdir -p "$OUT"
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
start=$SECONDS
boot forklab "${SMP:-1}" "$MEM" "/bin/forkbench --max $MAX --copy-max $COPY_MAX"
run_host
grep -q '^[0-9]*,odf,fork,' "$OUT/forklab.csv" || die "no odf rows in $OUT/forklab.csv"
awk -f scripts/bench-sort.awk -f scripts/bench-table.awk "$OUT/forklab.csv" "$OUT/host.csv" >"$OUT/results.md"
if [ "$THREADS" -gt 0 ]; then
	boot threads $((THREADS + 1)) $THREADS_MEM \
		"/bin/forkbench --threads $THREADS --size $THREADS_MIB"
	grep -q '^[0-9]*,odf,fork_tlb_ipis,' "$OUT/threads.csv" ||
		die "no odf rows in $OUT/threads.csv"
	awk -f scripts/bench-sort.awk -f scripts/bench-threads.awk "$OUT/threads.csv" >>"$OUT/results.md"
fi
gnuplot -e "dir='$OUT'; label='$(run_label)'" scripts/bench.gp
echo "bench: done in $((SECONDS - start)) s: $OUT/results.md, $OUT/*.png, $OUT/*.svg"
