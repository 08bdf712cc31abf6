# Text applets on files of /tmp: sort, uniq, grep, sed, awk, xargs, cut,
# tr, wc, head, tail, md5sum, od, seq, printf, expr, yes, tee, basename,
# dirname.
cat >fruit.txt <<END
banana 3
apple 10
cherry 7
apple 2
banana 3
END
sort fruit.txt
sort -k2 -n fruit.txt
sort -r -u fruit.txt
sort fruit.txt | uniq -c
cut -d' ' -f1 fruit.txt | sort | uniq -d
grep -n apple fruit.txt
grep -c an fruit.txt
grep -v -e apple -e banana fruit.txt
grep -E '^(a|c)' fruit.txt
grep -q kiwi fruit.txt
echo "grep missing: $?"
grep -l apple fruit.txt /dev/null
sed -n '2,3p' fruit.txt
sed 's/\([a-z]*\) \([0-9]*\)/\2:\1/' fruit.txt
sed -i 's/cherry/CHERRY/' fruit.txt
grep -i cherry fruit.txt
sed '/apple/d' fruit.txt
awk '{ sum[$1] += $2 } END { for (k in sum) print k, sum[k] }' fruit.txt | sort
awk 'NR % 2 == 1 { printf "%d:%s\n", NR, $1 }' fruit.txt
awk 'BEGIN { printf "%.3f %x %s %d\n", 3.14159, 255, toupper("abc"), length("forklab") }'
awk -F: '{ print $2 }' <<END
a:b:c
END
seq 1 5 | xargs echo
seq 1 6 | xargs -n 2 echo pair
printf 'a\nb\n' | xargs -I{} echo "<{}>"
echo "a:b:c:d" | cut -d: -f2,4
echo "hello world" | cut -c1-5
echo "Hello World" | tr 'a-z' 'A-Z'
echo "hello   world" | tr -s ' '
echo "hello" | tr -d 'l'
wc fruit.txt
wc -l <fruit.txt
printf 'abc' | wc -c
seq 100 | head -n 3
seq 100 | tail -n 2
seq 20 | tail -n +19
head -c 10 fruit.txt
echo
tail -c 6 fruit.txt
printf 'forklab\n' | md5sum
seq 1000 >numbers.txt
md5sum numbers.txt >sums
cat sums
md5sum -c sums
printf 'AB\001\n' | od -c
printf '\001\002\003\004' | od -An -tx1
printf '\001\002\003\004' | od -tx2
seq 3 | tee copy.txt | wc -l
cat copy.txt
seq 2 3 10
seq -s, 5
printf '%5s|%-5s|%05d|%x|%o|%c|%%\n' ab cd 42 255 8 xyz
printf '%s\n' one two three
printf '%d %s\n' 1 a 2 b
expr 6 \* 7
expr length forklab
expr substr forklab 1 4
expr 5 \> 3
expr 1 = 2
echo "expr false: $?"
yes | head -n 3
yes forklab | head -n 2
basename /a/b/c.txt .txt
dirname /a/b/c.txt
