#!/bin/sh
# Writes the student's tree for one lab: a copy of the repository's files
# in which that lab's solution regions are replaced by their skeleton
# fragments.  docs/labs/README.md describes the markers:
#
#   a line holding only  /* LAB<n>: BEGIN <name> */   (or <!-- ... --> in
#   Markdown) starts a region of lab n, a line holding only the matching
#   END marker ends it, and docs/labs/skeleton/lab<n>/<name>.<ext> (ext:
#   the file's own) is what replaces the region, markers included.
#
# Other labs' regions stay as they are, solved, and so do the regions of
# this lab named after OUT (a tree part-way through the lab, as
# tests/labs.sh walks it).  Every marker of every lab
# is checked on the way: a malformed, unmatched or nested one, or a missing
# fragment, is an error and nothing is written.
#
# usage: scripts/skeleton.sh LAB OUT [REGION...]   OUT must not exist, or
#                                                  be empty
#        scripts/skeleton.sh --check               only check the markers
set -eu
cd "$(dirname "$0")/.."
FRAGMENTS=docs/labs/skeleton
ANY_MARKER='LAB[0-9]+: (BEGIN|END)'

usage() {
	echo "usage: scripts/skeleton.sh LAB OUT [REGION...] | --check" >&2
	exit 2
}

# The files of the repository: those git tracks, and new ones it does not
# ignore, that exist.
repo_files() {
	git ls-files --cached --others --exclude-standard | while read -r f; do
		if [ -f "$f" ]; then
			echo "$f"
		fi
	done
}

# regions LAB FILE [KEEP]: FILE with the regions of LAB replaced (LAB 0:
# none), except those KEEP names (separated by spaces), on stdout; checks
# every marker in FILE.
regions() {
	awk -v lab="$1" -v fragments="$FRAGMENTS" -v file="$2" -v keep=" ${3:-} " '
	function fail(msg) {
		printf "%s:%d: %s\n", file, NR, msg > "/dev/stderr"
		failed = 1
		exit 1
	}
	BEGIN {
		ext = file
		sub(/.*\./, "", ext)
	}
	$0 !~ /LAB[0-9]+: (BEGIN|END)/ {
		if (!replacing)
			print
		next
	}
	{
		well_formed = $0 ~ /^[ \t]*\/\* LAB[0-9]+: (BEGIN|END) [a-z0-9_]+ \*\/[ \t]*$/ ||
			      $0 ~ /^<!-- LAB[0-9]+: (BEGIN|END) [a-z0-9_]+ -->$/
		if (!well_formed)
			fail("malformed lab marker: " $0)
		n = substr($2, 4, length($2) - 4)
		region = n ":" $4
	}
	$3 == "BEGIN" {
		if (open != "")
			fail("region " region " begins inside region " open)
		open = region
		fragment = fragments "/lab" n "/" $4 "." ext
		if ((getline line < fragment) < 0)
			fail("no fragment " fragment " for region " region)
		close(fragment)
		if (n != lab || index(keep, " " $4 " ")) {
			print
			next
		}
		replacing = 1
		while ((getline line < fragment) > 0)
			print line
		close(fragment)
		next
	}
	$3 == "END" {
		if (open != region)
			fail("END of region " region " without its BEGIN")
		open = ""
		if (replacing)
			replacing = 0
		else
			print
	}
	END {
		if (!failed && open != "")
			fail("region " open " has no END")
	}' "$2"
}

check_all() {
	repo_files | while read -r f; do
		if grep -qE "$ANY_MARKER" "$f"; then
			regions 0 "$f" >/dev/null || exit 1
		fi
	done
}

[ $# -ge 1 ] || usage
if [ "$1" = --check ]; then
	check_all
	exit 0
fi
[ $# -ge 2 ] || usage
lab=$1 out=$2
shift 2
keep="$*"

case $lab in
'' | *[!0-9]*) usage ;;
esac
if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then
	echo "skeleton: $out exists and is not empty" >&2
	exit 1
fi
check_all
marked=$(repo_files | xargs grep -lE "^[[:space:]]*(/\\*|<!--) LAB$lab: BEGIN" || true)
if [ -z "$marked" ]; then
	echo "skeleton: lab $lab has no solution regions" >&2
	exit 1
fi
for r in $keep; do
	if ! echo "$marked" | xargs grep -qE "^[[:space:]]*(/\\*|<!--) LAB$lab: BEGIN $r "; then
		echo "skeleton: lab $lab has no region $r" >&2
		exit 1
	fi
done
mkdir -p "$out"
repo_files | tar -cf - -T - | tar -xf - -C "$out"    # keeps modes and times
for f in $marked; do
	regions "$lab" "$f" "$keep" >"$out/$f"
done
echo "skeleton: lab $lab's tree is in $out ($(echo "$marked" | wc -l) files with TODOs)"
