#!/bin/bash
# `make debug` (scripts/debug) as a person at a terminal uses it.
#
# gdb runs in batch mode from a command file, in a session of its own as a
# terminal's foreground job would be; Ctrl-C is SIGINT sent to that whole
# process group, as the terminal sends it.  Checked: each Ctrl-C stops the
# guest ("Program received signal SIGINT", or "Thread N ..." with several
# CPUs) and QEMU lives on; `continue` resumes it (the second Ctrl-C stops
# it again); when gdb quits, QEMU ends within 2 seconds; two at once get
# two ports; `bt` continues through the trap and system call entries into
# user code; OPT=-Og keeps the lab functions as functions.
#
# usage: tests/debug.sh    environment: BUILD=dir (default build), TEST_TIMEOUT
# Prints PASS or FAIL per check, then "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
OUT=$BUILD/test/debug
TIMEOUT=${TEST_TIMEOUT:-120}
QUIT_LIMIT=2                    # seconds QEMU may outlive gdb
passed=0
failed=0
rm -rf "$OUT" && mkdir -p "$OUT"

pass() { echo "PASS debug:$1"; passed=$((passed + 1)); }
fail() { echo "FAIL debug:$1${2:+: $2}"; failed=$((failed + 1)); }
show() { tail -n 15 "$1" | sed 's/^/    | /'; }

# wait_for FILE PATTERN [COUNT]: until FILE has COUNT lines matching.
wait_for() {
	local i
	for i in $(seq $((TIMEOUT * 10))); do
		[ "$(grep -c -- "$2" "$1" 2>/dev/null)" -ge "${3:-1}" ] && return 0
		sleep 0.1
	done
	return 1
}

cat >"$OUT/ctrl-c.gdb" <<'GDB'
continue
delete
echo RUNNING\n
continue
echo STOPPED\n
continue
echo QUITTING\n
GDB

# gdb's line for a stop by Ctrl-C: "Thread N" once the guest has several CPUs.
SIGINT_STOP='^(Program|Thread [0-9]+) received signal SIGINT'

# The pid of the QEMU scripts/debug reported in $1.
qemu_of() { sed -n 's/^debug: QEMU (pid \([0-9]*\)).*/\1/p' "$1"; }

out=$OUT/ctrl-c.out
GDB_ARGS="-batch -x $OUT/ctrl-c.gdb" BUILD=$BUILD setsid scripts/debug </dev/null >"$out" 2>&1 &
session=$!
wait_for "$out" '^RUNNING' && sleep 1
kill -INT -- "-$session"
wait_for "$out" '^STOPPED'
qemu=$(qemu_of "$out")
if grep -Eq "$SIGINT_STOP" "$out" && kill -0 "$qemu" 2>/dev/null; then
	pass ctrl_c_stops_guest_spares_qemu; else fail ctrl_c_stops_guest_spares_qemu; show "$out"; fi
sleep 1
kill -INT -- "-$session"
wait_for "$out" '^QUITTING'
quit=$SECONDS
wait "$session"
if [ "$(grep -Ec "$SIGINT_STOP" "$out")" = 2 ]; then
	pass continue_resumes; else fail continue_resumes; show "$out"; fi
if [ -n "$qemu" ] && ! kill -0 "$qemu" 2>/dev/null && [ $((SECONDS - quit)) -le $QUIT_LIMIT ]; then
	pass quit_ends_qemu; else fail quit_ends_qemu "QEMU ${qemu:-?} after $((SECONDS - quit))s"; fi

# Two at once, both on the same default port: the second takes another.
echo 'shell sleep 3' >"$OUT/sleep.gdb"
for i in 1 2; do
	GDB_ARGS="-batch -x $OUT/sleep.gdb" BUILD=$BUILD scripts/debug </dev/null \
		>"$OUT/two.$i" 2>&1 &
	sleep 0.5
done
wait
ports=$(sed -n 's/.* on port \([0-9]*\);.*/\1/p' "$OUT/two.1" "$OUT/two.2" | sort -u | wc -l)
if [ "$ports" = 2 ]; then pass two_at_once_two_ports; else
	fail two_at_once_two_ports; show "$OUT/two.1"; show "$OUT/two.2"; fi

# bt from a system call and from a page fault continues into the user code
# that made it (scripts/gdb/fl_unwind.py).
cat >"$OUT/bt.gdb" <<'GDB'
continue
delete
hbreak sys_write
continue
fl-user echo
bt
delete
hbreak handle_fault
continue
bt
GDB
out=$OUT/bt.out
GDB_ARGS="-batch -x $OUT/bt.gdb" BUILD=$BUILD scripts/debug '/bin/echo hi' </dev/null >"$out" 2>&1
if grep -A 20 ' in syscall_entry ()' "$out" | grep -q '^#[0-9]* .*main (.* at user/echo.c'; then
	pass bt_through_syscall_into_user_main; else fail bt_through_syscall_into_user_main; show "$out"; fi
if grep -A 1 ' in trap_entry' "$out" | grep -qE '^#[0-9]+ +0x00000000004[0-9a-f]{5} in '; then
	pass bt_through_page_fault_into_user_code; else fail bt_through_page_fault_into_user_code; show "$out"; fi

# OPT=-Og: the lab functions that -O2 inlines have frames of their own.
make -s --no-print-directory OPT=-Og BUILD="$BUILD/Og" kernel >"$OUT/og.build" 2>&1
for f in copy_table do_cow walk; do
	if nm "$BUILD/Og/kernel.elf" 2>/dev/null | grep -q " t $f\$"; then pass "og_has_frame:$f"; else
		fail "og_has_frame:$f"; show "$OUT/og.build"; fi
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
