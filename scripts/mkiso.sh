#!/bin/sh
# Write a bootable ISO: GRUB, the kernel, its command line and, if given,
# the root image and a command file (each loaded as a multiboot2 module;
# the kernel runs the command file's text with /bin/sh -c, so GRUB never
# parses it: only CMDLINE goes through grub.cfg).
# usage: mkiso.sh OUT.iso KERNEL.elf "CMDLINE" [ROOT.cpio [COMMAND-FILE]]
set -e
out=$1 kernel=$2 cmdline=$3 root=${4:-} command=${5:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dir=$tmp/iso
mkdir -p "$dir/boot/grub"
cp "$kernel" "$dir/boot/kernel.elf"
module=""
if [ -n "$root" ]; then
	cp "$root" "$dir/boot/root.cpio"
	module="module2 /boot/root.cpio root"
fi
if [ -n "$command" ]; then
	cp "$command" "$dir/boot/cmd"
	module="$module
	module2 /boot/cmd cmd"
fi
cat > "$dir/boot/grub/grub.cfg" <<CFG
set timeout=0
set default=0
menuentry "forklab" {
	multiboot2 /boot/kernel.elf $cmdline
	$module
	boot
}
CFG
grub-mkrescue -o "$out" "$dir" 2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
