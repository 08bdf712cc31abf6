#!/bin/bash
# Running one command: `make run CMD=` and scripts/run against the host's
# bash.  Every command of the table must print in forklab what `bash -c`
# prints for the same text, byte for byte, on stdout alone (the kernel's
# log goes to stderr); the exit status must be bash's, a signal's included;
# a binary file must come back whole; two runs at once must not collide; a
# terminal must see "\r\n" once; `make help` must name every target and
# variable.
#
# The table is about the run loop, not the shell (tests/shtable.sh is):
# it keeps to quotes and pipes (in single quotes, ';', '$' and '\' are
# text to both shells).
#
# usage: tests/runloop.sh    environment: BUILD=dir (default build)
# Prints PASS or FAIL per check, then "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
OUT=$BUILD/test/runloop
passed=0
failed=0
rm -rf "$OUT" && mkdir -p "$OUT"

pass() { echo "PASS runloop:$1"; passed=$((passed + 1)); }
fail() { echo "FAIL runloop:$1${2:+: $2}"; failed=$((failed + 1)); }
show() { head -c 600 "$1" | sed 's/^/    | /'; echo; }

LONG=$(printf 'x%.0s' $(seq 1500))
TABLE=(
	"echo hello"
	"echo \"a  b\"   'c  d'"
	"echo '\$HOME' '\$1' '\$\$' '\$(id)'"
	"echo 'a;b' \"c;d\" ';'"
	"echo 'a\\b' 'c\\\\d' '\\n'"
	"echo hi | cat"
	"echo one | cat | cat | cat"
	"echo \"it's\" 'say \"hi\"'"
	"echo 'a|b' \"<c>\" '>'"
	"echo trailing "
	"echo 'inside ' x"
	"   echo   leading"
	"echo \"tab	in\" a#b"
	"echo '' x \"\""
	"echo $LONG"
	"echo '\`id\`' '*'"
	"cat /extra/text"
)

# Runs `make run` with CMD=$1 into $OUT/N.out and .err; $? its status.
make_run() {
	make -s --no-print-directory run CMD="$1" ROOTFS_EXTRA="$extra" BUILD="$BUILD" \
		</dev/null >"$OUT/$2.out" 2>"$OUT/$2.err"
}

extra=$OUT/extra
mkdir -p "$extra"
printf 'line one\nline two\r\nno newline' >"$extra/text"
# Every byte value, then random ones: a binary file /bin/cat must copy.
{ for i in $(seq 0 255); do printf "\\$(printf %o "$i")"; done
  head -c 8192 /dev/urandom; } >"$extra/bin"
musl-gcc -static -O2 -o "$extra/segv" tests/musl/segv.c || fail build_segv

n=0
for c in "${TABLE[@]}"; do
	n=$((n + 1))
	(cd "$extra/.." && bash -c "${c//\/extra\//extra/}") >"$OUT/$n.want" 2>/dev/null
	make_run "$c" "$n"
	if cmp -s "$OUT/$n.want" "$OUT/$n.out"; then
		pass "table.$n"
	else
		fail "table.$n" "CMD=$(printf %q "${c:0:60}")"
		echo "    bash -c:"; show "$OUT/$n.want"
		echo "    make run:"; show "$OUT/$n.out"; show "$OUT/$n.err"
	fi
done

make_run "/bin/cat /extra/bin" bin
if cmp -s "$extra/bin" "$OUT/bin.out"; then pass binary_file_byte_for_byte; else
	fail binary_file_byte_for_byte "$(cmp "$extra/bin" "$OUT/bin.out" 2>&1)"; fi
if grep -q '^forklab: init ended with status 0;' "$OUT/bin.err"; then
	pass kernel_log_on_stderr; else fail kernel_log_on_stderr; show "$OUT/bin.err"; fi

# The status of scripts/run, that `make run` runs, against bash's.
make -s --no-print-directory ROOT="$OUT/root.cpio" ROOTFS_EXTRA="$extra" BUILD="$BUILD" \
	"$OUT/root.cpio" >/dev/null
for c in "exit 0" "exit 5" "exit 255" "/extra/segv" "/bin/false" "nosuchcommand"; do
	want=$(cd "$extra/.." && bash -c "${c/\/extra\//extra/}" >/dev/null 2>&1; echo $?) 2>/dev/null
	BUILD=$BUILD ROOT=$OUT/root.cpio scripts/run "$c" </dev/null >"$OUT/status.out" 2>"$OUT/status.err"
	got=$?
	if [ "$got" = "$want" ]; then pass "status:$c"; else
		fail "status:$c" "scripts/run says $got, bash $want"; show "$OUT/status.err"; fi
done

# What scripts/run refuses, it says so on stderr, with status 2.
refused() {
	local name=$1 pattern=$2
	shift 2
	"$@" </dev/null >"$OUT/refused.out" 2>"$OUT/refused.err"
	if [ $? = 2 ] && grep -q "$pattern" "$OUT/refused.err"; then pass "refused:$name"; else
		fail "refused:$name"; show "$OUT/refused.err"; fi
}
refused command_too_long "at most 2047 fit" env BUILD="$BUILD" scripts/run "echo $LONG$LONG"
refused command_too_long_in_bytes "2205 bytes; at most 2047" \
	env BUILD="$BUILD" scripts/run "echo $(printf '\303\251%.0s' $(seq 1100))"
refused grub_metacharacter "only letters" env BUILD="$BUILD" CMDLINE='a"b' scripts/run true

# Two runs and a test boot at once, each with its own image: each prints
# its own.
make_run "echo first | cat" par1 & p1=$!
make_run "echo second" par2 & p2=$!
env BUILD="$BUILD" scripts/run "echo third" </dev/null >"$OUT/par3.out" 2>/dev/null & p3=$!
wait $p1 $p2 $p3
if [ "$(cat "$OUT/par1.out" "$OUT/par2.out" "$OUT/par3.out")" = "$(printf 'first\nsecond\nthird')" ]; then
	pass runs_at_once_do_not_collide; else fail runs_at_once_do_not_collide; fi

# On a terminal, '\n' arrives as "\r\n" once: whether the terminal adds the
# '\r' (onlcr, its default) or leaves it to the kernel (stty -onlcr).
pty_run() {
	python3 - "$@" <<'PY'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
data = b''
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
os.waitpid(pid, 0)
sys.stdout.write(repr(data))
PY
}
for stty in onlcr -onlcr; do
	pty_run sh -c "stty $stty; BUILD=$BUILD scripts/run 'echo B'" >"$OUT/pty.out"
	if grep -qF "'B\r\nforklab: init ended" "$OUT/pty.out" ||
	   grep -qF "\nB\r\n" "$OUT/pty.out"; then pass "terminal_$stty:crlf_once"; else
		fail "terminal_$stty:crlf_once"; show "$OUT/pty.out"; fi
done

# make help: one line for every target and variable the makefiles define.
make -s --no-print-directory help >"$OUT/help.out" 2>&1
missing=
for name in $(sed -n 's/^\.PHONY: *//p' Makefile scripts/*.mk user/user.mk tests/user/tests.mk |
	      tr ' ' '\n' | grep -v '\$' | sort -u) \
	    $(sed -n 's/^\([A-Z_]*\) *?=.*/\1/p' Makefile scripts/*.mk tests/user/tests.mk | sort -u); do
	grep -qE "^ *$name( |=|$)" "$OUT/help.out" || missing="$missing $name"
done
if [ -z "$missing" ]; then pass help_names_everything; else
	fail help_names_everything "not in make help:$missing"; fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
