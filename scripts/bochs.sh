#!/bin/sh
# Boot an ISO under Bochs, which, unlike QEMU's emulator, checks what real
# CPUs check on sysret and iretq (a non-canonical rip faults in kernel
# mode).  Prints the console (COM1), or writes it where SERIAL says, and
# exits 0 once it shows a line matching END; 1 if Bochs stopped or SECONDS
# passed first.  The kernel's log (COM2) goes to a file of its own, since
# Bochs cannot share one between two ports, and is appended to the
# console's at the end.  Bochs has no isa-debug-exit, so the kernel's own status
# is not known: read the console.
# usage: bochs.sh ISO [END] [SECONDS]     environment:
#   CPU=model         Bochs's CPU model (default corei7_skylake_x)
#   SMP=N             CPUs (default 1)
#   SERIAL=file:PATH  where the console goes (as for qemu.sh)
# Bochs draws its screen in a terminal (display_library term), so it runs
# inside script(1), which gives it one; its debugger reads "c" (continue).
set -u
iso=$1 end=${2:-'^KTEST done|^forklab: init ended|PANIC'} secs=${3:-300}
tmp=$(mktemp -d)
log=$tmp/serial.log
klog=$tmp/klog.log
case ${SERIAL:-} in file:*) log=${SERIAL#file:} ;; esac
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
cat > "$tmp/bochsrc" <<RC
megs: 512
romimage: file=/usr/share/bochs/BIOS-bochs-latest
vgaromimage: file=/usr/share/vgabios/vgabios.bin
cpu: model=${CPU:-corei7_skylake_x}, count=${SMP:-1}, ips=100000000
ata0-master: type=cdrom, path=$iso, status=inserted
boot: cdrom
display_library: term
com1: enabled=1, mode=file, dev=$log
com2: enabled=1, mode=file, dev=$klog
log: $tmp/bochs.log
clock: sync=none
RC
echo c > "$tmp/commands"
: > "$log"
: > "$klog"
script -qfc "bochs -q -f $tmp/bochsrc -rc $tmp/commands" /dev/null \
	</dev/null >/dev/null 2>&1 &
pid=$!
status=1
while [ "$secs" -gt 0 ] && kill -0 "$pid" 2>/dev/null; do
	if cat "$log" "$klog" | grep -Eq "$end"; then
		sleep 1                 # the lines after it: a panic's report
		status=0
		break
	fi
	sleep 1
	secs=$((secs - 1))
done
cat "$klog" >> "$log"
[ -z "${SERIAL:-}" ] && cat "$log"
exit $status
