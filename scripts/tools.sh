#!/bin/sh
# Make sure the host tools forklab builds and runs with are here.  As root on
# Debian we install what is missing; otherwise we say what to install.
need=""
have() { command -v "$1" >/dev/null 2>&1; }
have nasm || need="$need nasm"
have grub-mkrescue || need="$need grub-common"
[ -d /usr/lib/grub/i386-pc ] || need="$need grub-pc-bin"
have xorriso || need="$need xorriso"
have qemu-system-x86_64 || need="$need qemu-system-x86"
have gdb || need="$need gdb"
have cpio || need="$need cpio"
have musl-gcc || need="$need musl-tools"   # tests run static musl programs
have clang || need="$need clang"         # tests build the kernel with clang too
have python3 || need="$need python3"     # tests/user/exec_elf.py writes test programs
# The bochs suite runs the entry tests under Bochs (scripts/bochs.sh).
have bochs || need="$need bochs"
[ -f /usr/share/bochs/BIOS-bochs-latest ] || need="$need bochsbios"
[ -f /usr/share/vgabios/vgabios.bin ] || need="$need vgabios"
ls /usr/lib/*/bochs/plugins/libbx_term_gui.so >/dev/null 2>&1 || need="$need bochs-term"
# The busybox suite runs Debian's static busybox in forklab, unchanged.
{ [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1; } || need="$need busybox-static"
[ -z "$need" ] && exit 0
cmd="apt-get install -y --no-install-recommends$need"
if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; then
	echo "installing:$need"
	apt-get update -q && DEBIAN_FRONTEND=noninteractive $cmd && exit 0
	echo "installing failed" >&2
	exit 1
fi
echo "forklab needs:$need" >&2
echo "install them with:  sudo $cmd" >&2
exit 1
