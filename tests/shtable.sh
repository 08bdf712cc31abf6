#!/bin/bash
# The shell against bash: every line of the table must print on stdout
# what bash prints for it, byte for byte, and end with bash's status.
# Each line runs three ways: "sh -c LINE" on this host (build/bin/sh, our
# libc on Linux), "sh FILE" on this host, and "sh FILE" in forklab, all
# the files in one boot (those that write files once forklab can).  Error messages go to stderr and are not
# compared: they are the shell's own.
#
# usage: tests/shtable.sh [--host]   (--host: not in forklab)
# environment: BUILD=dir (default build)
# Prints PASS or FAIL per check, then "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
OUT=$BUILD/test/shtable
passed=0
failed=0
rm -rf "$OUT" && mkdir -p "$OUT/extra"
printf 'line one\nline two\n' >"$OUT/extra/text"

pass() { echo "PASS shtable:$1"; passed=$((passed + 1)); }
fail() { echo "FAIL shtable:$1${2:+: $2}"; failed=$((failed + 1)); }
show() { [ -e "$1" ] && head -c 600 "$1" | sed 's/^/    | /'; echo; }

# Lines that read no file but /extra/text and write none: they run in
# forklab too.
TABLE=(
	"echo a; echo b"
	"echo a;echo b;"
	"echo a ; ; echo b"
	"true && echo yes"
	"false && echo no"
	"false || echo yes"
	"true || echo no"
	"false && echo no || echo yes"
	"true && false || echo last"
	"false; echo \$?"
	"false || true; echo \$?"
	"echo a | false; echo \$?"
	"false | true; echo \$?"
	"nosuchcommand; echo \$?"
	"(exit 3); echo \$?"
	"(echo sub; echo shell) | cat"
	"(echo a && (echo b; echo c)) | cat"
	"(false) || echo x"
	"echo 'a;b' \"c&&d\" e\\;f"
	"echo a\\ b \"q\\\"q\" '\\\\'"
	"X=1; echo \$X \${X}y \"\$X\" '\$X'"
	"X=\"a  b\"; echo \"\$X\""
	"echo [\$UNSET] \$UNSET x"
	"echo \$ \$. a\$"
	"export E=exported; sh -c 'echo \$E'"
	"L=local; sh -c 'echo [\$L]'"
	"P=prefix sh -c 'echo \$P'; echo [\$P]"
	"echo out 2>&1 | cat"
	"cat < /extra/text"
	"cat </extra/text | cat"
	"echo one # a comment"
	"echo a#b"
	"exit 7"
	"exit 300"
	"false; exit"
	"echo ;"
	";"
	"echo a &&"
	"echo a |"
	"(echo a"
	"echo a)"
	"echo 'open"
	"true & wait; echo \$?"
	"(echo late) & wait; echo after"
	"false & wait \$!; echo \$?"
	"(exit 5) & wait %1; echo \$?"
	"wait %9; echo \$?"
	"echo \"a\" 'b'c\"d\""
)

# Lines that write files or change directory: in forklab only once it
# has chdir (and so a writable /tmp, where they run).
HOST_TABLE=(
	"echo a > f; echo b >> f; cat f"
	"nosuchcommand 2>&1 | cat > /dev/null; echo \$?"
	"echo a > f; echo b > f; cat < f"
	"nosuchcommand 2> f; cat f | wc -l"
	"(echo o; nosuchcommand) > f 2>&1; wc -l < f"
	"cd /tmp; pwd; cd /; pwd"
	"cd /nonexistent; echo \$?"
	"cd /tmp && pwd > /dev/null && echo ok"
	"cd /nonexistent 2> f; echo \$?; wc -l < f; cd / > f; pwd"
	"pwd > f; wc -l < f; exit 4 > f"
	"sleep 0.3 & echo one; sleep 0.5; echo two; wait %1; echo \$?"
	"(exit 6) & sleep 0.3; wait \$!; echo \$?"
	"echo x > /nonexistent/f; echo \$?"
	"cat < /nonexistent; echo \$?"
)

writable=$(grep -ls sys_chdir kernel/*.c)	# before our grep comes first
export PATH=$PWD/$BUILD/bin:$PATH
make -s --no-print-directory BUILD="$BUILD" user >/dev/null || { fail build; exit 1; }

# row N LINE: writes the line to $OUT/extra/t/N (for forklab) and, with
# /extra/ as $OUT/extra/, to $OUT/host/N; what bash says for it to
# $OUT/N.want (run in $OUT/work).
row() {
	mkdir -p "$OUT/extra/t" "$OUT/host" "$OUT/work"
	printf '%s\n' "$2" >"$OUT/extra/t/$1"
	printf '%s\n' "${2//\/extra\//$PWD/$OUT/extra/}" >"$OUT/host/$1"
	(cd "$OUT/work" && bash "../host/$1" >"../$1.want" 2>/dev/null
	 echo "status $?" >>"../$1.want")
}

# host N LINE HOW...: runs the line on this host as HOW says; compares.
host() {
	local n=$1 line=$2 how=$3
	shift 3
	(cd "$OUT/work" && "$@" >"../$n.$how" 2>"../$n.$how.err"
	 echo "status $?" >>"../$n.$how")
	compare "$n" "$line" "$how"
}

# compare N LINE HOW: $OUT/N.HOW must be $OUT/N.want.
compare() {
	local n=$1 line=$2 how=$3
	if cmp -s "$OUT/$n.want" "$OUT/$n.$how"; then pass "$how.$n"; else
		fail "$how.$n" "$(printf %q "$line")"
		echo "    bash:"; show "$OUT/$n.want"
		echo "    sh:"; show "$OUT/$n.$how"; show "$OUT/$n.$how.err"
	fi
}

n=0
for line in "${TABLE[@]}" "${HOST_TABLE[@]}"; do
	n=$((n + 1))
	row $n "$line"
	host $n "$line" host_c sh -c "$(cat "$OUT/host/$n")"
	host $n "$line" host_file sh "../host/$n"
done
[ "${1:-}" = --host ] && { echo "$passed passed, $failed failed"; [ $failed = 0 ]; exit; }

# In forklab: one boot runs every line of TABLE, each after a line "== N".
# The console has the shell's messages too: they are left out, as lines
# that start with "sh: ".
rows=${#TABLE[@]}
if [ "$writable" ]; then
	rows=$((rows + ${#HOST_TABLE[@]}))
	echo "cd /tmp"
fi >"$OUT/extra/all"
for n in $(seq $rows); do
	echo "echo '== $n'; /bin/sh /extra/t/$n; echo \"status \$?\""
done >>"$OUT/extra/all"
make -s --no-print-directory run CMD="/bin/sh /extra/all" ROOTFS_EXTRA="$OUT/extra" \
	BUILD="$BUILD" </dev/null >"$OUT/forklab.out" 2>"$OUT/forklab.err"
awk -v out="$OUT" '/^== [0-9]+$/ { f = out "/" $2 ".forklab"; printf "" > f; next }
	f && !/^sh: / { print > f }' "$OUT/forklab.out"
all=("${TABLE[@]}" "${HOST_TABLE[@]}")
for n in $(seq $rows); do
	compare $n "${all[n - 1]}" forklab
done
echo "$passed passed, $failed failed"
[ $failed = 0 ]
