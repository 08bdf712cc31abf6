# Applets that ask the system: date, id, sleep, kill, ps, /proc and /dev,
# df, free, env, true and false.  Their numbers are the machine's (the
# host's memory, disks, users, processes), so each prints what holds on
# any machine.
date -d @0 -u
date -u -d @1234567890 '+%Y-%m-%d %H:%M:%S %a %j %s'
date -u -d '2001-09-09 01:46:40' +%s
before=$(date +%s)
sleep 1
[ "$(date +%s)" -gt "$before" ] && echo "date: the clock moved across sleep 1"
sleep 0.1
echo "sleep: $?"
sleep 1x 2>/dev/null
echo "sleep bad argument: $?"

id | sed -e 's/([^)]*)//g' -e 's/[0-9][0-9]*/N/g'
id -u | grep -c '^[0-9][0-9]*$'

sleep 30 &
job=$!
# busybox's sh runs the applet by executing itself, which then renames
# itself from "exe" to "sleep": ps looks once it has (ten seconds at most).
for i in $(seq 1000); do
	[ "$(cat /proc/$job/comm)" = sleep ] && break
	sleep 0.01
done
ps -o pid,ppid,comm,args | awk -v job=$job -v sh=$$ \
	'NR == 1 { print } $1 == job { print "job:", $2 == sh ? "child of the shell" : $2, $3, $4, $5 }'
ps | awk -v job=$job 'NR == 1 { print } $1 == job { print "ps sees", $3, $4 }'
kill -0 $job
echo "kill -0: $?"
# wait's "Terminated" and "Killed" depend on a race: shell.sh says why.
kill $job
wait $job 2>/dev/null
echo "kill: $?"
kill -0 $job 2>/dev/null
echo "kill -0 after exit: $?"
kill -l 9
kill -l 15
sleep 5 &
kill -KILL $!
wait $! 2>/dev/null
echo "kill -KILL: $?"

# /proc's links are links to ls and stat; /dev's files have Linux's
# numbers.
stat -c '%n %F' /proc/self /proc/self/exe /proc/$$/exe | sed "s|/$$/|/PID/|"
ls -ld /proc/self | cut -c1-10
(cd /proc && ls -d . && wc -l <./uptime && cd .. && pwd)
stat -L -c '%n %F' /proc/self /proc/self/exe
stat -c '%n %F %t,%T %a' /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty
echo lost >/dev/full
echo "/dev/full: $?"
head -c 100 /dev/zero | md5sum
dd if=/dev/urandom bs=16 count=2 2>/dev/null | wc -c

df -P /tmp | awk 'NR == 1 { print } NR == 2 { print "tmp:", ($2 >= $3 && $2 >= $4) ? "sizes agree" : $0 }'
free | awk 'NR == 1 { print } /^Mem:/ { print $1, ($2 >= $3 && $2 >= $4) ? "total covers used and free" : $0 }'
free | awk '/^Mem:/ { print "available:", ($7 > 0 && $7 <= $2) ? "part of total" : $7 } { print "row:", $1 }'

env -i FOO=bar BAZ=qux env | sort
FOO=one env | grep '^FOO='
env -u HOME sh -c 'echo "home: [$HOME]"'
true
echo "true: $?"
false
echo "false: $?"
