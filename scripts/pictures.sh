#!/bin/bash
# The page-table pictures of docs/pictures/, drawn from what the kernel
# shows: forklab runs `pagetree --fork` (user/pagetree.c), which prints
# /proc/<pid>/pagetree of a parent and its child at each stage of an
# on-demand fork, and scripts/pagetree.py draws each stage as text and as
# Graphviz, frames named in the order first seen.  `make pictures` runs
# it on docs/pictures with --render; the pictures suite of tests/run on a
# directory of its own, to compare with the committed files.
#
# usage: scripts/pictures.sh DIR [--render]
#   writes DIR/STAGE.txt and DIR/STAGE.dot; --render also draws
#   DIR/STAGE.svg and DIR/STAGE.png with Graphviz's dot
# environment: BUILD=dir (default build, made already), TEST_TIMEOUT
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
dir=$1
render=${2:-}
log=$BUILD/pictures.log
scripts/mkiso.sh "$BUILD/pictures.iso" "$BUILD/kernel.elf" \
	"fork_mode=copy cmd=\"/bin/pagetree --fork\"" "$BUILD/root.cpio"
SERIAL="file:$log" timeout "${TEST_TIMEOUT:-60}" scripts/qemu.sh "$BUILD/pictures.iso" \
	</dev/null >/dev/null
rm -f "$dir"/*.txt "$dir"/*.dot
python3 scripts/pagetree.py --pictures "$log" "$dir"
if [ "$render" = --render ]; then
	for f in "$dir"/*.dot; do
		dot -Tsvg "$f" -o "${f%.dot}.svg"
		dot -Tpng "$f" -o "${f%.dot}.png"
	done
fi
