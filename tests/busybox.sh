# fd 3 reads this line
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
{ sleep 2; echo late; } | { read -t 0.2 x; echo "pipe_timeout: $? [$x]"; }
{ sleep 0.1; echo late; } | { read -t 5 y; echo "pipe_wait: $y"; }
read -t 0.2 z
echo "console_timeout: $?"
