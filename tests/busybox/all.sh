# The busybox suite's driver (tests/run, suite busybox): runs every theme
# script of its directory with busybox's sh, each in a fresh directory of
# /tmp, its standard input /dev/null and both its outputs in one file, and
# prints "=== NAME: status N" and that file.  The same driver runs in
# forklab and on the host with the same busybox binary; the suite wants
# the two outputs equal.  What cannot be equal (times, pids, the host's
# machine) each script normalizes where it prints it.
#
# The outputs go to a file, never to the console, so that stdio buffers
# the same way in both places; TZ and umask are fixed because the host's
# may be anything.
export TZ=UTC
umask 022
dir=$(dirname "$0")
top=$(mktemp -d /tmp/busybox.XXXXXX) || exit 1
for script in "$dir"/[a-z]*.sh; do
	name=$(basename "$script" .sh)
	[ "$name" = all ] && continue
	mkdir "$top/$name"
	(cd "$top/$name" && busybox sh "$script" </dev/null >"$top/$name.out" 2>&1)
	echo "=== $name: status $?"
	cat "$top/$name.out"
done
rm -r "$top"
echo "=== done: status $?"
