#!/bin/bash
# make bench: what fork costs in forklab, in each of its fork modes, and on
# the host's Linux.  Boots forklab once to run /bin/forkbench (every mode in
# the same boot, so that they are compared under the same emulator), runs
# the same program built for the host, and writes to $BUILD/bench/:
#
#   forklab.csv, host.csv   forkbench's rows (see user/forkbench.c), after
#                           "# " lines that say where and how they ran
#   results.md              the tables (scripts/bench-table.awk)
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
#   BENCH_TIMEOUT=3000  seconds the forklab boot may take
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

boot_forklab() {
	local raw=$OUT/forklab.raw cmd="/bin/forkbench --max $MAX --copy-max $COPY_MAX" status=0
	local icount=off extra=${QEMU_EXTRA:-}
	if [ "$ICOUNT" = 1 ]; then
		[ "$ACCEL" = tcg ] || die "BENCH_ICOUNT needs ACCEL=tcg"
		icount="on ($ICOUNT_ARGS: one ns of guest time per instruction)"
		extra="$extra $ICOUNT_ARGS"
	fi
	scripts/mkiso.sh "$OUT/forklab.iso" "$BUILD/kernel.elf" "cmd=\"$cmd\"" "$BUILD/root.cpio"
	echo "bench: forklab under QEMU ($ACCEL, icount $icount, $MEM): $cmd"
	MEM=$MEM ACCEL=$ACCEL SERIAL="file:$raw" QEMU_EXTRA="$extra" \
		timeout "$TIMEOUT" scripts/qemu.sh "$OUT/forklab.iso" </dev/null || status=$?
	tr -d '\r' <"$raw" >"$OUT/forklab.log"
	if [ $status != 0 ]; then
		tail -n 20 "$OUT/forklab.log" >&2
		die "forklab's run ended with status $status (log: $OUT/forklab.log)"
	fi
	{
		conditions
		echo "# qemu: $(qemu-system-x86_64 --version | head -1), accel $ACCEL, memory $MEM, cpus ${SMP:-1}"
		echo "# accel: $ACCEL"
		echo "# icount: $icount"
		grep -E '^(# |size_mib,|[0-9]+,)' "$OUT/forklab.log"
	} >"$OUT/forklab.csv"
}

run_host() {
	mkdir -p "$OUT/host"
	"$HOST_CC" -std=gnu11 -O2 -Wall -Wextra -Werror -idirafter libc/include \
		-o "$OUT/host/forkbench" user/forkbench.c
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
boot_forklab
run_host
grep -q '^[0-9]*,odf,fork,' "$OUT/forklab.csv" || die "no odf rows in $OUT/forklab.csv"
awk -f scripts/bench-table.awk "$OUT/forklab.csv" "$OUT/host.csv" >"$OUT/results.md"
gnuplot -e "dir='$OUT'; label='$(run_label)'" scripts/bench.gp
echo "bench: done in $((SECONDS - start)) s: $OUT/results.md, $OUT/*.png, $OUT/*.svg"
