# The shell itself: pipes, substitution, subshells, functions, jobs,
# traps, redirections, here-documents, loops, case, arithmetic, read,
# set -e and exit statuses.
echo "pipe: $(echo a b c | tr ' ' '\n' | wc -l)"
echo "nested substitution: $(echo "$(echo inner)")"
x=outer
(x=inner; echo "subshell: $x")
echo "after subshell: $x"

greet() {
	local who=$1
	echo "hello, $who"
	return 3
}
greet world
echo "function status: $?"
count() { echo $#; }
echo "function args: $(count a "b c" d)"

# Jobs: & and wait, one job or all of them, and the status of each.
sleep 0.2 &
job=$!
echo "job started"
wait $job
echo "wait status: $?"
(exit 7) &
wait $!
echo "background exit: $?"
for i in 1 2 3; do
	(sleep 0.$i; echo "job $i" >job$i) &
done
wait
cat job1 job2 job3

# Traps: EXIT of a subshell, and signals sent by kill to the shell itself
# and to a job.
(trap 'echo "exit trap ran"' EXIT; echo "in the subshell")
trap 'echo "caught USR1"' USR1
kill -USR1 $$
trap - USR1
(
	trap 'echo "job caught TERM"; exit 3' TERM
	touch trap_set
	while :; do sleep 0.05; done
) &
job=$!
while [ ! -e trap_set ]; do sleep 0.05; done
kill -TERM $job
wait $job
echo "trapped job status: $?"
# The shell says "Terminated" only if the job was still alive when wait
# began, which is a race (the status is not): its stderr is dropped.
sleep 10 &
job=$!
kill $job
wait $job 2>/dev/null
echo "killed job status: $?"

# Redirections to /tmp and /dev/null.
echo one >out.txt
echo two >>out.txt
cat out.txt
echo gone >/dev/null
echo "to /dev/null: $?"
cat </dev/null
echo "from /dev/null: $?"
ls missing 2>/dev/null
echo "ls missing: $?"
{ echo "to stderr" >&2; } 2>err.txt
echo "stderr file: $(cat err.txt)"
echo "lines: $(wc -l <out.txt)"
exec 4>fd4.txt
echo "through fd 4" >&4
exec 4>&-
cat fd4.txt
set -C
echo clobber 2>/dev/null >out.txt
echo "noclobber: $?"
set +C

# Here-documents, expanded and quoted.
cat <<END
here: $x $(echo expanded)
END
cat <<'END'
quoted: $x
END
cat <<-END
	tabs stripped
	END

# Loops and case.
i=0
while [ $i -lt 5 ]; do i=$((i + 1)); done
echo "while: $i"
until [ $i -eq 0 ]; do i=$((i - 1)); done
echo "until: $i"
for w in a b c; do printf '%s,' $w; done
echo
for n in 1 2 3 4 5 6; do
	[ $n = 2 ] && continue
	[ $n = 5 ] && break
	printf '%s ' $n
done
echo
for f in x.c y.h z; do
	case $f in
	*.c) echo "$f: C source" ;;
	*.h) echo "$f: header" ;;
	*) echo "$f: other" ;;
	esac
done

# Arithmetic.
echo "arith: $((7 * 6)) $((17 / 5)) $((17 % 5)) $((1 << 10)) $((-3 + 2)) $((0x10 + 010))"
n=5
: $((n += 10))
echo "assign: $n $((n > 10 ? 1 : 0))"

# read from a file and from a pipe.
printf 'alpha beta gamma\ndelta\n' >words.txt
while read -r a b; do echo "read: [$a] [$b]"; done <words.txt
printf 'key=value\n' | { IFS== read -r k v; echo "read pipe: $k -> $v"; }
echo "last line" | while read -r line; do echo "loop read: $line"; done

# set -e and exit statuses.
(set -e; false; echo "not reached")
echo "set -e status: $?"
(set -e; false || true; echo "set -e passes ||")
true
echo "true: $?"
false
echo "false: $?"
sh -c 'exit 42'
echo "sh -c: $?"
missing_command 2>/dev/null
echo "not found: $?"
! false
echo "negated: $?"
false | true
echo "pipeline: $?"
