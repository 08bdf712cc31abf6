# fd 3 reads this line
if [ "$1" = typed ]; then
	printf '$ '                     # the prompt the suite waits for
	read -t 20 line
	echo "console_line: [$line]"
	exit
fi
if [ "$1" = interactive ]; then     # busybox's sh as the console's shell
	export PS1='$ '                 # the prompt the suite waits for
	exec /extra/busybox sh -i
fi
# A shell script for the busybox suite (tests/run): busybox's sh runs it in
# forklab, and the suite compares what it prints.  Each line it prints is
# "name: result", and the suite wants every expected line.
#
# exec 3< and <&3 duplicate descriptors with fcntl(F_DUPFD) and mark them
# close-on-exec; read -t waits with poll, on a pipe and on the console.
exec 3</extra/busybox.sh
read -r first <&3
echo "fd_read: $first"
exec 3<&-
echo "one two" | { read a b; echo "pipe_read: $a/$b"; }
echo "subshell: $(echo inner)"
# A timeout shows as a failed read that took its whole second: whole
# seconds of date differ by at least one across it.
timed_read() {
	start=$(date +%s)
	read -t 1 value
	status=$?
	echo "$status [$value] waited=$(( $(date +%s) - start >= 1 ))"
}
{ sleep 3; echo late; } | { echo "pipe_timeout: $(timed_read)"; }
{ sleep 0.1; echo late; } | { read -t 5 y; echo "pipe_wait: $y"; }
echo "console_timeout: $(timed_read)"
