#!/bin/bash
# Compares elffuzz's verdicts on Linux with forklab's, mutant by mutant
# (user/elffuzz.c; both lists from `elffuzz --list` with the same seed,
# count and programs).  A verdict is "ok N", "err E", "sig S" or "hang".
#
# Differences are allowed only in these classes (docs/reliability.md):
#   refused  forklab refuses (any errno) what Linux ran or killed: it checks
#            every segment before its point of no return, where Linux finds
#            a bad one while mapping it and kills the process (SIGSEGV,
#            SIGBUS); and it refuses what it does not support (ET_DYN,
#            PT_INTERP, more than 8 PT_LOADs) or Linux does not check
#            (EI_VERSION, e_version; the entry in an executable segment)
#   errno    both refuse, with different errors
#   layout   both ran it, and one ended with a signal: the address space
#            differs (forklab's brk starts right after the highest segment,
#            Linux's at a random place; Linux's zeros past a segment's last
#            file page are writable whatever the segment's flags; forklab's
#            AT_PHDR is 0 when the program headers are not all in one
#            segment's file bytes), so what a mutant's code then touches
#            may be there on one system only
# Anything else fails: forklab ran what Linux refused, a program ran to
# a different exit status, or hung on one system only.
#
# usage: tests/elffuzz-compare.sh LINUX_LIST FORKLAB_LOG
# Prints one line per forbidden difference and a summary; exit status 0
# only when there is none.
set -u
linux=$(mktemp) forklab=$(mktemp)
trap 'rm -f "$linux" "$forklab"' EXIT
sed -n 's/^elffuzz: \([0-9][0-9]*\) \([a-z]*\) \([0-9]*\) \(.*\)$/\1 \2 \3 \4/p' "$1" >"$linux"
tr -d '\r' <"$2" | sed -n 's/^elffuzz: \([0-9][0-9]*\) \([a-z]*\) \([0-9]*\) .*$/\1 \2 \3/p' >"$forklab"
if [ ! -s "$linux" ] || [ "$(wc -l <"$linux")" != "$(wc -l <"$forklab")" ]; then
	echo "elffuzz-compare: $(wc -l <"$linux") verdicts from Linux, $(wc -l <"$forklab") from forklab"
	exit 1
fi
paste -d' ' "$linux" "$forklab" | awk '
{
	# $1 index, $2 $3 Linux, $4.. what was mutated, then forklab index kind value
	n = NF; fi = $(n - 2); fk = $(n - 1); fv = $n
	lk = $2; lv = $3
	what = ""; for (i = 4; i <= n - 3; i++) what = what " " $i
	if (fi != $1) { print "elffuzz-compare: lists out of step at " $1; bad++; next }
	if (lk == fk && lv == fv) class = "same"
	else if (fk == "err" && lk != "err") class = "refused"
	else if (fk == "err" && lk == "err") class = "errno"
	else if (lk != "err" && lk != "hang" && fk != "hang" && (lk == "sig" || fk == "sig")) class = "layout"
	else { class = "forbidden"; print "elffuzz-compare: mutant " $1 ": Linux " lk " " lv ", forklab " fk " " fv ":" what }
	count[class]++
}
END {
	printf "elffuzz-compare: %d same, %d refused, %d errno, %d layout, %d forbidden\n",
		count["same"], count["refused"], count["errno"], count["layout"], count["forbidden"]
	exit count["forbidden"] > 0 || bad > 0
}'
