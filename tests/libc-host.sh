#!/bin/bash
# Tests our C library and user programs on this Linux host: forklab speaks
# Linux's system call ABI, so what we build for it runs here too.  Builds
# with make (and again with clang, when installed), runs libctest and the
# programs, prints PASS or FAIL for each test and ends with the line
# "N passed, N failed".  Exit status 0 only when nothing failed.
#
# usage: tests/libc-host.sh          environment: BUILD=dir (default build)
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
B=$BUILD/bin
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
passed=0
failed=0

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1${2:+: $2}"; failed=$((failed + 1)); }

# check NAME CONDITION...: passes when the command CONDITION succeeds.
check() {
	local name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}

# expect NAME WANT CMD...: runs CMD; its stdout must be WANT.
expect() {
	local name=$1 want=$2 got
	shift 2
	got=$("$@" 2>"$T/stderr")
	if [ "$got" == "$want" ]; then
		pass "$name"
	else
		fail "$name" "got '$got', want '$want' (stderr: $(head -c 200 "$T/stderr"))"
	fi
}

# status NAME WANT CMD...: runs CMD (output discarded); its exit status must be WANT.
status() {
	local name=$1 want=$2 got
	shift 2
	"$@" >/dev/null 2>&1
	got=$?
	if [ "$got" == "$want" ]; then pass "$name"; else fail "$name" "status $got, want $want"; fi
}

# libctest NAME BUILDDIR: runs the libc tests of one build.
libctest() {
	local line
	while read -r line; do
		case $line in
		"PASS "*) pass "$1.${line#PASS }" ;;
		"FAIL "*) fail "$1.${line#FAIL }" ;;
		*) echo "$line" ;;
		esac
	done < <("$2/tests/libctest" "$2/bin" 2>&1)
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# --- building ------------------------------------------------------------
if make -s BUILD="$BUILD" user "$BUILD/tests/libctest" >"$T/make.log" 2>&1; then
	pass build
else
	fail build "$(tail -5 "$T/make.log")"
	echo "$passed passed, $failed failed"
	exit 1
fi
if command -v clang >/dev/null; then
	if make -s CC=clang BUILD="$BUILD/clang" user "$BUILD/clang/tests/libctest" \
		>"$T/make.log" 2>&1; then
		pass build-clang
		libctest clang "$BUILD/clang"
	else
		fail build-clang "$(tail -5 "$T/make.log")"
	fi
fi
libctest gcc "$BUILD"

# --- echo, cat, ls, true, false, sleep -------------------------------------
expect echo "a b" $B/echo a b
expect echo-n "xy" bash -c "$B/echo -n x; echo y"
printf 'one\n' >"$T/1"
printf 'two\n' >"$T/2"
expect cat-files "$(printf 'one\ntwo')" $B/cat "$T/1" "$T/2"
expect cat-stdin "one hi two" bash -c "echo hi | $B/cat $T/1 - $T/2 | tr '\n' ' ' | sed 's/ \$//'"
head -c 1000000 /dev/urandom >"$T/big"
check cat-binary cmp -s "$T/big" <($B/cat <"$T/big")
status cat-missing 1 $B/cat /nonexistent
mkdir "$T/d" && touch "$T/d/b" "$T/d/a" "$T/d/c" "$T/d/.hidden"
expect ls "$(printf 'a\nb\nc')" $B/ls "$T/d"
expect ls-cwd "$(printf 'a\nb\nc')" bash -c "cd $T/d && $PWD/$B/ls"
expect ls-file "$T/d/a" $B/ls "$T/d/a"
expect ls-two "$(printf '%s:\na\nb\nc\n\n%s:\n%s' "$T/d" "$T/1" "$T/1")" $B/ls "$T/d" "$T/1"
status ls-missing 1 $B/ls /nonexistent
status true 0 $B/true
status false 1 $B/false
start=$(now_ms)
status sleep 0 $B/sleep 0.2
check sleep-long [ $(($(now_ms) - start)) -ge 200 ]
status sleep-usage 1 $B/sleep x

# --- ls -l, wc, grep, kill, clear: against GNU's --------------------------
chmod 640 "$T/d/b" && mkdir "$T/d/sub" && printf 'hello\n' >"$T/d/a"
# GNU's ls -l: mode (without an ACL mark), links, size, name.
expect ls-l "$(LC_ALL=C ls -l "$T/d" | awk 'NR > 1 { print substr($1, 1, 10), $2, $5, $9 }')" \
	bash -c "$B/ls -l $T/d | tr -s ' '"
expect ls-l-file "-rw-r--r-- 1 6 $T/d/a" bash -c "chmod 644 $T/d/a; $B/ls -l $T/d/a"
printf 'one two\nthree\n\n four  five \nno newline' >"$T/w"
expect wc "$(wc <"$T/w")" bash -c "$B/wc < $T/w"
expect wc-l "$(wc -l <"$T/w")" bash -c "$B/wc -l < $T/w"
expect wc-w "$(wc -w <"$T/w")" bash -c "$B/wc -w < $T/w"
expect wc-c "$(wc -c <"$T/w")" bash -c "$B/wc -c < $T/w"
expect wc-files "$(wc -l "$T/w" "$T/1")" $B/wc -l "$T/w" "$T/1"
expect wc-files-all "$(wc "$T/w" - <"$T/1")" bash -c "$B/wc $T/w - < $T/1"
expect wc-pipe "$(cat "$T/w" | wc)" bash -c "cat $T/w | $B/wc"
status wc-missing 1 $B/wc /nonexistent
status wc-bad-option 1 $B/wc -x
expect grep "$(grep -F o "$T/w")" $B/grep o "$T/w"
expect grep-v "$(grep -Fv o "$T/w")" $B/grep -v o "$T/w"
expect grep-c "$(grep -Fc o "$T/w")" $B/grep -c o "$T/w"
expect grep-n "$(grep -Fn e "$T/w")" $B/grep -n e "$T/w"
expect grep-files "$(grep -F -n o "$T/w" "$T/1")" $B/grep -n o "$T/w" "$T/1"
expect grep-stdin "$(grep -F 'e t' <"$T/w")" bash -c "$B/grep 'e t' < $T/w"
status grep-none 1 $B/grep nothing-like-this "$T/w"
status grep-missing 2 $B/grep x /nonexistent
status grep-usage 2 $B/grep
# Each victim is given time to be sleep, not yet the shell that starts it.
sleep 10 & victim=$!
sleep 0.2
status kill 0 $B/kill $victim
wait $victim 2>/dev/null
check kill-term [ $? = 143 ]
sleep 10 & victim=$!
sleep 0.2
status kill-name 0 $B/kill -KILL $victim
wait $victim 2>/dev/null
check kill-kill [ $? = 137 ]
sleep 10 & victim=$!
sleep 0.2
status kill-s 0 $B/kill -s SIGUSR1 $victim
wait $victim 2>/dev/null
check kill-usr1 [ $? = 138 ]
status kill-no-such-process 1 $B/kill 2147483647
status kill-bad-signal 1 $B/kill -NOSUCH $$
status kill-usage 1 $B/kill
expect kill-l "$(printf ' 9 KILL\n15 TERM')" bash -c "$B/kill -l | grep -E '^ ?(9|15) '"
expect clear "$(printf '\033[H\033[2J\033[3J' | od -c)" bash -c "$B/clear | od -c"

# --- ps --------------------------------------------------------------------
# A sleeper keeps the CPU it last ran on (field 39 of its stat) while ps
# looks; pinned to our last CPU, so that the field is not 0 where there are two.
last_cpu=$(grep -oE '[0-9]+$' <<<"$(grep Cpus_allowed_list /proc/self/status)")
taskset -c "${last_cpu:-0}" sleep 10 2>/dev/null & sleeper=$!
sleep 0.2
$B/ps >"$T/ps"
check ps-header grep -qE '^ +PID +PPID STATE PSR +TIME COMMAND$' "$T/ps"
check ps-self grep -qE "^ *[0-9]+ +$$ R +[0-9]+ +[0-9]+:[0-9]{2} $B/ps$" "$T/ps"
expect ps-cpu-as-proc "$(sed 's/.*) //' /proc/$sleeper/stat | cut -d' ' -f37)" \
	awk -v pid=$sleeper '$1 == pid {print $4}' "$T/ps"
kill $sleeper; wait $sleeper 2>/dev/null
check ps-init grep -qE '^ +1 +0 ' "$T/ps"

# --- init ------------------------------------------------------------------
status init-status 3 $B/init $B/sh -c 'exit 3'
status init-signal 143 $B/init /bin/sh -c 'kill -TERM $$'
expect init-signal-message "init: /bin/sh killed by signal 15" \
	bash -c "$B/init /bin/sh -c 'kill -TERM \$\$' 2>&1"
status init-notfound 127 $B/init /nonexistent
expect init-default-shell "from-sh" bash -c "echo 'echo from-sh' | $B/init"
start=$(now_ms)
$B/init /bin/sh -c '(sleep 0.3; echo late) & echo early' >"$T/init" 2>&1
check init-reaps-orphans [ $(($(now_ms) - start)) -ge 300 ]
expect init-orphan-output "$(printf 'early\nlate')" cat "$T/init"

# --- sh --------------------------------------------------------------------
export PATH="$PWD/$B:$PATH"
expect sh-c-pipe "a b" $B/sh -c "$B/echo a b | $B/cat"
expect sh-stdin "hi" bash -c "echo 'echo hi | cat' | $B/sh"
expect sh-long-pipe "x" $B/sh -c 'echo x | cat | cat | cat | cat | cat | cat | cat'
expect sh-quotes "a  b c | d ef" $B/sh -c "echo 'a  b' \"c | d\" e''f"
expect sh-lines "$(printf '1\n2')" bash -c "printf 'echo 1\necho 2\n' | $B/sh"
expect sh-stdin-left-for-cmd "hello" bash -c "printf 'cat\nhello\n' | $B/sh"
expect sh-prompt '$ $ ' bash -c "echo true | $B/sh 2>&1 >/dev/null"
expect sh-not-found "sh: nosuch: not found" bash -c "$B/sh -c nosuch 2>&1"
status sh-not-found-status 127 $B/sh -c nosuch
status sh-exit 7 $B/sh -c 'exit 7'
status sh-exit-stdin 4 bash -c "printf 'exit 4\necho no\n' | $B/sh"
status sh-pipe-status 1 $B/sh -c 'true | false'
status sh-pipe-status-last 0 $B/sh -c 'false | true'
status sh-eof-status 1 bash -c "echo false | $B/sh"
status sh-syntax 2 $B/sh -c 'echo |'
status sh-too-many-words 2 $B/sh -c "echo $(printf 'w%.0s ' $(seq 300))"
expect sh-too-many-words-message "sh: more than 256 words in a command" \
	bash -c "$B/sh -c 'echo $(printf 'w%.0s ' $(seq 300))' 2>&1"
status sh-quote-syntax 2 $B/sh -c "echo 'open"
$B/sh -c "echo redirected > $T/r"
expect sh-redirect "redirected" $B/sh -c "cat < $T/r"
$B/sh -c 'echo $$' >"$T/pid" & pid=$!
wait $pid
expect sh-dollar-dollar "$pid" cat "$T/pid"
expect sh-dollar-dollar-subshell 1 bash -c "$B/sh -c 'echo \$\$; (echo \$\$)' | uniq | wc -l"
expect sh-default-path "/bin/sh found" env -u PATH $B/sh -c "echo /bin/sh found"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
