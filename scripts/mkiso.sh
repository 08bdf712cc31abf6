#!/bin/sh
# Write a bootable ISO: GRUB, the kernel and its command line.
# usage: mkiso.sh OUT.iso KERNEL.elf "CMDLINE"
set -e
out=$1 kernel=$2 cmdline=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/boot/grub"
cp "$kernel" "$dir/boot/kernel.elf"
cat > "$dir/boot/grub/grub.cfg" <<CFG
set timeout=0
set default=0
menuentry "forklab" {
	multiboot2 /boot/kernel.elf $cmdline
	boot
}
CFG
grub-mkrescue -o "$out" "$dir" 2>"$dir/log" || { cat "$dir/log" >&2; exit 1; }
