# Megabytes through pipes and files of /tmp, and many processes at once:
# what stresses fork, copy-on-write and the page tables in each mode.
yes forklab | head -c 1000000 | md5sum
seq 100000 | sort -rn | head -n 3
seq 100000 | awk '{ s += $1 } END { print s }'
dd if=/dev/zero bs=65536 count=64 2>/dev/null | md5sum
seq 200000 >big
md5sum big
cp big copy
cat big copy | wc -l
cmp big copy && echo "copy: equal"
sed 's/0/zero/g' big | grep -c zero
sort -r big | tail -n 1
rm big copy
for i in $(seq 20); do
	(seq $i | awk '{ s += $1 } END { print s }' >sum$i) &
done
wait
cat sum* | sort -n | tail -n 3
seq 20 | xargs -n 1 -P 4 sh -c 'echo $(( $1 * $1 ))' sh | sort -n | tail -n 2
