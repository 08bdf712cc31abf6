# Files and directories in /tmp: mkdir, ls -l, find, cp, mv, rm, rmdir,
# ln -s, readlink, stat, touch, dd, diff, cmp, test.
#
# ls and stat print no times, owners or directory sizes: those are the
# host's (times, the user running the suite) or depend on the file
# system, whose directory sizes Linux's do not agree on.
listing() {
	ls -ln "$@" | awk '/^total/ { next } { size = $1 ~ /^d/ ? "-" : $5; print $1, $2, size, $9, $10, $11 }'
}
mkdir -p a/b/c
echo hello >a/one
printf '%100s' '' >a/b/hundred
ln -s one a/link
ln a/one a/hard
ls a
ls -a a
listing a
listing -d a a/b
stat -c '%n %s %F %a %h' a/one a/link a/hard a/b/hundred
stat -c '%n %F %a %h' a a/b a/b/c
readlink a/link
cat a/link
[ "$(readlink -f a/link)" = "$PWD/a/one" ] && echo "readlink -f: the absolute path"

touch -d '2001-09-09 01:46:40' a/one
stat -c '%Y %y' a/one | sed 's/\.0*//'
touch empty
[ -e empty ] && [ ! -s empty ] && echo "touch: an empty file"
[ a/one -nt empty ] || echo "test -nt: the older file is not newer"

find a | sort
find a -type f | sort
find a -type l
find a -type d -empty
find a -type f -size +50c
find a -name 'h*' | sort

cp a/one a/two
mv a/two a/b/three
cp -r a copy
find copy | sort
rm -r copy
[ -e copy ] || echo "rm -r: gone"
rm a/b/three
rmdir a/b/c
rmdir a 2>&1
rm a/one
cat a/link 2>&1
cat a/hard
mkdir a 2>&1
rm a/link a/hard a/b/hundred
rmdir a/b a
ls

dd if=/dev/zero of=zeros bs=1024 count=64 2>dd.err
sed 's/ copied.*//' dd.err
od -tx1 zeros
printf abcdefgh >letters
dd if=letters bs=1 skip=2 count=3 2>/dev/null
echo
cp letters holes
dd if=letters of=holes bs=4 seek=3 conv=notrunc 2>/dev/null
od -c holes
dd if=/dev/zero bs=1 count=5 2>/dev/null | od -An -c

seq 5 >first
seq 6 | sed 's/^3$/three/' >second
diff first first && echo "diff: same"
diff -u first second >unified
echo "diff status: $?"
sed '1,2s/\t.*//' unified
cmp first second
echo "cmp status: $?"
cmp first first && echo "cmp: same"

[ -d . ] && echo "test -d"
[ -f first ] && echo "test -f"
[ -L first ] || echo "test -L: not a link"
[ -r first ] && [ -w first ] && echo "test -r -w"
[ -x first ] || echo "test -x: not executable"
chmod 755 first
[ -x first ] && echo "chmod: executable"
stat -c '%a' first
[ "abc" \< "abd" ] && echo "test string order"
[ 10 -gt 9 ] && echo "test -gt"
[ -z "" ] && [ -n x ] && echo "test -z -n"
