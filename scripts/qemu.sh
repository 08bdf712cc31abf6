#!/bin/sh
# Boot an ISO in QEMU and exit with the status the kernel powered off with.
# usage: qemu.sh ISO      environment:
#   MEM=512M          guest memory
#   ACCEL=tcg|kvm     QEMU's emulator (default) or KVM
#   CPU=model         CPU model (default: max under TCG, host under KVM)
#   SMP=N             CPUs (default 1); under TCG, more than one runs
#                     multi-threaded (one host thread per CPU), unless
#                     QEMU_EXTRA asks for -icount, which needs one thread
#   SERIAL=spec       where the console (COM1) goes (default: mon:stdio;
#                     Ctrl-A x quits)
#   KLOG=path         where the kernel's log (COM2) goes, appended to; by
#                     default the file of SERIAL=file:PATH (both ports in one
#                     log, in the order they were written), else stderr
#   QEMU_EXTRA=args   more QEMU arguments
# Exit status: the kernel's (arch/poweroff.h), or 127 if QEMU ended without
# one (a triple fault, a reset or a quit), or QEMU's own error status 1.
iso=$1
accel=${ACCEL:-tcg}
smp=${SMP:-1}
case $smp in
''|*[!0-9]*|0) echo "qemu.sh: SMP=$smp: a number of CPUs, 1 or more" >&2; exit 1 ;;
esac
case $accel in
kvm) cpu=${CPU:-host} ;;
*)   cpu=${CPU:-max} ;;
esac
case $accel,$smp,${QEMU_EXTRA:-} in
tcg,1,*|tcg,*,*-icount*) ;;
tcg,*) accel=tcg,thread=multi ;;
esac
serial=${SERIAL:-mon:stdio}
case $serial,${KLOG:-} in
file:*,)
	# One multiplexed character device, so that both ports share one file.
	ports="-chardev file,id=ports,mux=on,path=${serial#file:} -serial chardev:ports -serial chardev:ports" ;;
*)
	ports="-serial $serial -chardev file,id=klog,append=on,path=${KLOG:-/dev/stderr} -serial chardev:klog" ;;
esac
# shellcheck disable=SC2086
qemu-system-x86_64 -accel "$accel" -cpu "$cpu" -smp "$smp" -m "${MEM:-512M}" \
	-no-reboot -display none $ports \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-boot d -cdrom "$iso" $QEMU_EXTRA
rc=$?
# The kernel writes status + 1 to isa-debug-exit; QEMU exits (value << 1) | 1.
if [ $rc -ge 3 ] && [ $((rc % 2)) = 1 ]; then
	exit $(((rc - 1) / 2 - 1))
fi
[ $rc = 0 ] && exit 127
exit $rc
