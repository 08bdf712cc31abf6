/*
 * The root file system (kernel/initramfs.c).  The tests write cpio "newc"
 * archives into a buffer, as `cpio -o -H newc` would, and build trees of
 * their own from them, leaving the kernel's root alone.  The sample:
 *
 *   .                      directory 0700 (the root's own entry)
 *   ./bin                  directory 0711
 *   ./bin/sh, ./bin/ls     files
 *   etc/motd               a file, in a directory with no entry
 *   usr/share/doc/README   a file three implied directories down
 */
#include <stddef.h>
#include <string.h>
#include "tests/ktest.h"
#include "kernel/errno.h"
#include "kernel/initramfs.h"
#include "mm/heap.h"

#define ARCHIVE_MAX     4096
#define NEWC_MAGIC      "070701"
#define NEWC_TRAILER    "TRAILER!!!"
#define MAGIC_LEN       6
#define HEX_DIGITS      8               /* per header field */
#define HEX_RADIX       16
#define HDR_SIZE        110
#define NEWC_ALIGN      4
#define FIELD_OFF(i)    (MAGIC_LEN + (i) * HEX_DIGITS)
#define DIRBUF          512
#define DIRENT_ALIGN    8
#define NAMES_MAX       64              /* a listing's names, space-separated */
#define SHORT_RECLEN    24              /* the record of a name of 1 to 4 bytes */

enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE, F_DEVMAJOR, F_DEVMINOR,
       F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK, NR_FIELDS };

struct sample_entry {
	const char *name;
	uint32_t mode;
	const char *data;
};

static const struct sample_entry sample[] = {
	{ ".", S_IFDIR | 0700, NULL },
	{ "./bin", S_IFDIR | 0711, NULL },
	{ "./bin/sh", S_IFREG | 0755, "#!shell" },
	{ "./bin/ls", S_IFREG | 0755, "listing" },
	{ "etc/motd", S_IFREG | 0644, "hello\n" },
	{ "usr/share/doc/README", S_IFREG | 0444, "read me" },
};
#define NSAMPLE (sizeof(sample) / sizeof(sample[0]))

static char archive[ARCHIVE_MAX] __attribute__((aligned(8)));
static size_t archive_len;
static uint32_t next_ino;
static size_t sample_start[NSAMPLE], sample_end[NSAMPLE];
static struct initramfs fs;

static void put_hex(char *p, uint32_t v)
{
	static const char digits[] = "0123456789abcdef";

	for (int i = HEX_DIGITS - 1; i >= 0; i--, v /= HEX_RADIX)
		p[i] = digits[v % HEX_RADIX];
}

static void put_bytes(const void *p, size_t n)
{
	memcpy(archive + archive_len, p, n);
	archive_len += n;
}

static void pad(void)
{
	while (archive_len % NEWC_ALIGN)
		archive[archive_len++] = '\0';
}

/* Appends an entry with its inode number and link count; returns the
 * archive length from which it is whole. */
static size_t add_inode(const char *name, uint32_t mode, const char *data, uint32_t ino,
			uint32_t nlink)
{
	uint32_t f[NR_FIELDS] = { 0 };
	size_t end;

	f[F_INO] = ino;
	f[F_MODE] = mode;
	f[F_NLINK] = nlink;
	f[F_FILESIZE] = data ? strlen(data) : 0;
	f[F_NAMESIZE] = strlen(name) + 1;
	memcpy(archive + archive_len, NEWC_MAGIC, MAGIC_LEN);
	for (int i = 0; i < NR_FIELDS; i++)
		put_hex(archive + archive_len + FIELD_OFF(i), f[i]);
	archive_len += HDR_SIZE;
	put_bytes(name, f[F_NAMESIZE]);
	pad();
	put_bytes(data, f[F_FILESIZE]);
	end = archive_len;
	pad();
	return end;
}

/* Appends an entry of an inode of its own. */
static size_t add(const char *name, uint32_t mode, const char *data)
{
	return add_inode(name, mode, data, ++next_ino, 1);
}

static void start_archive(void)
{
	archive_len = 0;
	next_ino = 0;
}

static size_t finish_archive(void)
{
	add(NEWC_TRAILER, 0, NULL);
	return archive_len;
}

/* Writes the sample archive; returns its length. */
static size_t write_sample(void)
{
	start_archive();
	for (size_t i = 0; i < NSAMPLE; i++) {
		sample_start[i] = archive_len;
		sample_end[i] = add(sample[i].name, sample[i].mode, sample[i].data);
	}
	return finish_archive();
}

static struct rnode *node(const char *path)
{
	struct rnode *n;

	return initramfs_find(&fs, path, &n) == 0 ? n : NULL;
}

static int find_err(const char *path)
{
	struct rnode *n;

	return initramfs_find(&fs, path, &n);
}

/* Is sample entry i in the tree as the archive gave it? */
static int has_sample(size_t i)
{
	struct rnode *n = node(sample[i].name);

	return n && n->mode == sample[i].mode;
}

KTEST(initramfs, lookup)
{
	size_t heap = heap_bytes_in_use();
	struct rnode *sh, *n;
	int dups = 0;

	KEXPECT_EQ(initramfs_build(&fs, archive, write_sample()), 0);
	sh = node("/bin/sh");
	KEXPECT(sh && sh->mode == (S_IFREG | 0755) && sh->size == strlen("#!shell"));
	KEXPECT(sh && !memcmp(sh->data, "#!shell", sh->size));
	KEXPECT(node("/") == &fs.root && fs.root.mode == (S_IFDIR | 0700));
	KEXPECT_EQ(node("/bin")->mode, S_IFDIR | 0711);
	KEXPECT_EQ(node("/etc")->mode, S_IFDIR | 0755);         /* implied */
	KEXPECT_EQ(node("/usr/share/doc")->mode, S_IFDIR | 0755);
	KEXPECT_EQ(node("/usr/share/doc")->size, 0);
	KEXPECT(!memcmp(node("/usr/share/doc/README")->data, "read me", strlen("read me")));
	for (n = fs.nodes; n; n = n->next_alloc) {
		dups += n->ino == fs.root.ino;
		for (struct rnode *m = n->next_alloc; m; m = m->next_alloc)
			dups += n->ino == m->ino;
	}
	KEXPECT_EQ(dups, 0);
	KEXPECT_EQ(fs.nnodes, 10);                      /* 6 entries, 4 implied */
	initramfs_free(&fs);
	KEXPECT_EQ(heap_bytes_in_use(), heap);
}

KTEST(initramfs, normalization)
{
	static const char *const same[][2] = {
		{ "//bin///sh", "/bin/sh" },
		{ "/./bin/./sh", "/bin/sh" },
		{ "/bin/../bin/sh", "/bin/sh" },
		{ "/../../bin/sh", "/bin/sh" },
		{ "bin/sh", "/bin/sh" },
		{ "./bin/sh", "/bin/sh" },
		{ "/etc/", "/etc" },
		{ "etc//", "/etc" },
		{ "/usr/share/doc/../../share/./doc/README", "/usr/share/doc/README" },
		{ "/usr/share/..//share/doc/", "/usr/share/doc" },
		{ "/..", "/" },
		{ ".", "/" },
		{ "bin/..", "/" },
	};

	initramfs_build(&fs, archive, write_sample());
	for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++)
		if (!node(same[i][0]) || node(same[i][0]) != node(same[i][1]))
			ktest_fail(__FILE__, __LINE__, "%s is not %s", same[i][0], same[i][1]);
	initramfs_free(&fs);
}

KTEST(initramfs, errors)
{
	static char name[NAME_MAX + 3], path[PATH_MAX + 1];

	initramfs_build(&fs, archive, write_sample());
	KEXPECT_EQ(find_err(""), -ENOENT);
	KEXPECT_EQ(find_err("/nope"), -ENOENT);
	KEXPECT_EQ(find_err("/bin/nope"), -ENOENT);
	KEXPECT_EQ(find_err("/nope/sh"), -ENOENT);
	KEXPECT_EQ(find_err("/BIN/sh"), -ENOENT);
	KEXPECT_EQ(find_err("/bin/sh/x"), -ENOTDIR);
	KEXPECT_EQ(find_err("/bin/sh/"), -ENOTDIR);
	KEXPECT_EQ(find_err("/bin/sh/."), -ENOTDIR);
	KEXPECT_EQ(find_err("/bin/sh/.."), -ENOTDIR);
	KEXPECT_EQ(find_err("/etc/motd/../motd"), -ENOTDIR);
	name[0] = '/';
	memset(name + 1, 'a', NAME_MAX);
	KEXPECT_EQ(find_err(name), -ENOENT);            /* long, but allowed */
	name[NAME_MAX + 1] = 'a';
	KEXPECT_EQ(find_err(name), -ENAMETOOLONG);
	memset(path, '/', PATH_MAX - 1);
	KEXPECT_EQ(find_err(path), 0);
	path[PATH_MAX - 1] = '/';
	KEXPECT_EQ(find_err(path), -ENAMETOOLONG);
	initramfs_free(&fs);
}

/* Cut the archive at every length: an entry is there exactly when all of
 * it is before the cut.  The bytes past the cut are still the whole
 * archive's, so reading beyond the given size would find too much. */
KTEST(initramfs, truncated)
{
	size_t len = write_sample(), heap = heap_bytes_in_use();
	int bad_result = 0, bad_entries = 0;

	for (size_t cut = 0; cut <= len; cut++) {
		bad_result += initramfs_build(&fs, archive, cut) != (cut == len ? 0 : -EINVAL);
		for (size_t i = 0; i < NSAMPLE; i++)
			bad_entries += has_sample(i) != (sample_end[i] <= cut);
		bad_entries += (node("/etc") != NULL) != (node("/etc/motd") != NULL);
	}
	KEXPECT_EQ(bad_result, 0);
	KEXPECT_EQ(bad_entries, 0);
	initramfs_free(&fs);
	KEXPECT_EQ(heap_bytes_in_use(), heap);
}

/* A damaged second header: the first entry stays, nothing after it comes. */
KTEST(initramfs, corrupt_header)
{
	static const struct { size_t off; const char *text; } damage[] = {
		{ 0, "070707" },                        /* the old portable format */
		{ FIELD_OFF(F_FILESIZE), "0000000g" },
		{ FIELD_OFF(F_MODE), "-0004000" },
		{ FIELD_OFF(F_FILESIZE), "ffffffff" },
		{ FIELD_OFF(F_NAMESIZE), "ffffffff" },
		{ FIELD_OFF(F_NAMESIZE), "00000000" },
		{ FIELD_OFF(F_NAMESIZE), "00000005" },  /* "./bin" without its NUL */
		{ FIELD_OFF(F_NAMESIZE), "00000007" },  /* a NUL inside the name */
	};
	static char copy[ARCHIVE_MAX];
	size_t len = write_sample();

	for (size_t i = 0; i < sizeof(damage) / sizeof(damage[0]); i++) {
		memcpy(copy, archive, len);
		memcpy(copy + sample_start[1] + damage[i].off, damage[i].text,
		       strlen(damage[i].text));
		KEXPECT_EQ(initramfs_build(&fs, copy, len), -EINVAL);
		KEXPECT(has_sample(0));
		for (size_t j = 1; j < NSAMPLE; j++)
			KEXPECT(!node(sample[j].name));
	}
	initramfs_free(&fs);
}

/* Well-formed entries we cannot use are passed over, and the rest read. */
KTEST(initramfs, skipped_entries)
{
	static char longname[NAME_MAX + 2];

	memset(longname, 'a', NAME_MAX + 1);
	start_archive();
	add("etc/motd", S_IFREG | 0644, "old");
	add("etc", S_IFDIR | 0700, NULL);               /* an implied directory's own entry */
	add("link", 0120777, "etc/motd");               /* a symbolic link: kept */
	add("../escape", S_IFREG | 0644, "x");
	add("etc/motd/x", S_IFREG | 0644, "x");
	add("etc/motd", S_IFDIR | 0755, NULL);
	add("etc", S_IFREG | 0644, "x");
	add(".", S_IFREG | 0644, "x");
	add(longname, S_IFREG | 0644, "x");
	add("etc/motd", S_IFREG | 0600, "new");         /* a newer copy */
	add("last", S_IFREG | 0644, "end");
	KEXPECT_EQ(initramfs_build(&fs, archive, finish_archive()), 0);
	KEXPECT_EQ(node("/etc")->mode, S_IFDIR | 0700);
	KEXPECT_EQ(node("/etc/motd")->mode, S_IFREG | 0600);
	KEXPECT(!memcmp(node("/etc/motd")->data, "new", strlen("new")));
	KEXPECT_EQ(find_err("/etc/motd/x"), -ENOTDIR);
	KEXPECT_EQ(node("/link")->mode, S_IFLNK | 0777);
	KEXPECT_EQ(find_err("/escape"), -ENOENT);
	KEXPECT_EQ(fs.root.mode & S_IFMT, S_IFDIR);
	KEXPECT(node("/last") != NULL);
	KEXPECT_EQ(fs.nnodes, 5);                       /* /, etc, motd, link, last */
	initramfs_free(&fs);
}

/* Hard links as GNU cpio writes them: every name an entry with the same
 * inode number, the data with the last; or with the first.  A symlink's
 * data is its target. */
KTEST(initramfs, links)
{
	enum { INO_A = 100, INO_B = 200, LINKS = 3 };

	start_archive();
	add_inode("a1", S_IFREG | 0644, NULL, INO_A, LINKS);
	add_inode("d/a2", S_IFREG | 0644, NULL, INO_A, LINKS);
	add_inode("a3", S_IFREG | 0644, "data", INO_A, LINKS);
	add_inode("b1", S_IFREG | 0755, "bee", INO_B, 2);
	add_inode("b2", S_IFREG | 0755, NULL, INO_B, 2);
	add("s", S_IFLNK | 0777, "a1");
	KEXPECT_EQ(initramfs_build(&fs, archive, finish_archive()), 0);
	KEXPECT(node("/a1") == node("/d/a2") && node("/a1") == node("/a3"));
	KEXPECT_EQ(node("/a1")->size, strlen("data"));
	KEXPECT(!memcmp(node("/d/a2")->data, "data", strlen("data")));
	KEXPECT(node("/b1") == node("/b2") && node("/b1") != node("/a1"));
	KEXPECT_EQ(node("/b2")->size, strlen("bee"));
	KEXPECT_EQ(node("/s")->size, strlen("a1"));
	KEXPECT(!memcmp(node("/s")->data, "a1", strlen("a1")));
	initramfs_free(&fs);
}

static char dirbuf[DIRBUF] __attribute__((aligned(DIRENT_ALIGN)));

static const struct linux_dirent64 *dirent_at(const char *buf, size_t off)
{
	return (const struct linux_dirent64 *)(buf + off);
}

/* Appends the names in the records of buf[0, n) to names, each followed by
 * a space; returns how many records break the format's rules.  The record
 * at position p must say that the next is at p + 1. */
static int read_dirents(const char *buf, long n, uint64_t pos, char *names)
{
	int bad = 0;

	for (long off = 0; off < n; ) {
		const struct linux_dirent64 *d = dirent_at(buf, off);
		size_t end = offsetof(struct linux_dirent64, d_name) + strlen(d->d_name) + 1;

		if (d->d_reclen < end)
			return bad + 1;
		bad += d->d_reclen % DIRENT_ALIGN != 0 || d->d_off != (int64_t)++pos;
		for (size_t i = end; i < d->d_reclen; i++)
			bad += buf[off + i] != 0;       /* padding must not leak */
		strcat(names, d->d_name);
		strcat(names, " ");
		off += d->d_reclen;
	}
	return bad;
}

static const struct linux_dirent64 *dirent_named(const char *buf, long n, const char *name)
{
	for (long off = 0; off < n; off += dirent_at(buf, off)->d_reclen)
		if (!strcmp(dirent_at(buf, off)->d_name, name))
			return dirent_at(buf, off);
	return NULL;
}

KTEST(initramfs, dirents)
{
	char names[NAMES_MAX] = "";
	uint64_t pos = 0;
	long n;

	initramfs_build(&fs, archive, write_sample());
	memset(dirbuf, 0xff, sizeof(dirbuf));
	n = initramfs_dirents(&fs.root, &pos, dirbuf, sizeof(dirbuf));
	KEXPECT_EQ(read_dirents(dirbuf, n, 0, names), 0);
	KEXPECT(!strcmp(names, ". .. bin etc usr "));
	KEXPECT_EQ(pos, 5);
	KEXPECT_EQ(dirent_named(dirbuf, n, "..")->d_ino, fs.root.ino);  /* ".." of / is / */
	KEXPECT_EQ(dirent_named(dirbuf, n, "etc")->d_type, DT_DIR);
	KEXPECT_EQ(initramfs_dirents(&fs.root, &pos, dirbuf, sizeof(dirbuf)), 0);

	pos = 0;
	names[0] = '\0';
	n = initramfs_dirents(node("/bin"), &pos, dirbuf, sizeof(dirbuf));
	KEXPECT_EQ(read_dirents(dirbuf, n, 0, names), 0);
	KEXPECT(!strcmp(names, ". .. sh ls "));
	KEXPECT_EQ(dirent_named(dirbuf, n, ".")->d_ino, node("/bin")->ino);
	KEXPECT_EQ(dirent_named(dirbuf, n, "..")->d_ino, fs.root.ino);
	KEXPECT_EQ(dirent_named(dirbuf, n, "sh")->d_ino, node("/bin/sh")->ino);
	KEXPECT_EQ(dirent_named(dirbuf, n, "sh")->d_type, DT_REG);
	initramfs_free(&fs);
}

/* A listing read a record at a time is the listing read at once, and a
 * buffer too small for the next record changes nothing. */
KTEST(initramfs, dirents_resume)
{
	static char whole[DIRBUF];
	uint64_t pos = 0;
	long n, total = 0, once;

	initramfs_build(&fs, archive, write_sample());
	once = initramfs_dirents(&fs.root, &pos, whole, sizeof(whole));
	pos = 0;
	while ((n = initramfs_dirents(&fs.root, &pos, dirbuf + total, SHORT_RECLEN)) > 0) {
		KEXPECT_EQ(n, SHORT_RECLEN);
		total += n;
	}
	KEXPECT_EQ(n, 0);
	KEXPECT_EQ(total, once);
	KEXPECT(!memcmp(dirbuf, whole, once));
	pos = 2;
	KEXPECT_EQ(initramfs_dirents(&fs.root, &pos, dirbuf, SHORT_RECLEN - 1), -EINVAL);
	KEXPECT_EQ(pos, 2);
	KEXPECT_EQ(initramfs_dirents(&fs.root, &pos, dirbuf, 2 * SHORT_RECLEN - 1), SHORT_RECLEN);
	KEXPECT_EQ(pos, 3);
	initramfs_free(&fs);
}

/* A file and a directory of a tree opened through the VFS, as the system
 * calls open them, and used as far as a kernel buffer takes them:
 * copy_to_user refuses a kernel address, and a refused copy must not move
 * the position. */
KTEST(initramfs, vfs_file_ops)
{
	struct kstat st;
	struct file *f, *d;
	long err;

	initramfs_build(&fs, archive, write_sample());
	initramfs_inodes(&fs);
	f = vfs_open_inode(&node("/bin/sh")->inode, O_RDONLY, &err);
	KEXPECT(f != NULL && f->ops->seekable);
	f->ops->stat(f, &st);
	KEXPECT(st.mode == (S_IFREG | 0755) && st.ino == node("/bin/sh")->ino);
	KEXPECT(st.size == strlen("#!shell") && st.nlink == 1);
	KEXPECT_EQ(f->ops->read(f, dirbuf, 1), -EFAULT);
	KEXPECT_EQ(f->pos, 0);
	f->pos = st.size;
	KEXPECT_EQ(f->ops->read(f, dirbuf, 1), 0);      /* at the end: nothing to copy */
	KEXPECT_EQ(f->ops->getdents(f, dirbuf, sizeof(dirbuf)), -ENOTDIR);
	file_put(f);

	d = vfs_open_inode(&node("/etc")->inode, O_RDONLY | O_DIRECTORY, &err);
	KEXPECT(d != NULL);
	d->ops->stat(d, &st);
	KEXPECT(st.mode == (S_IFDIR | 0755) && st.nlink == 2);
	KEXPECT_EQ(d->ops->read(d, dirbuf, 1), -EISDIR);
	KEXPECT_EQ(d->ops->getdents(d, dirbuf, sizeof(dirbuf)), -EFAULT);
	KEXPECT_EQ(d->pos, 0);
	file_put(d);
	KEXPECT_EQ(node("/bin/sh")->inode.ref, 1);      /* the opens gave theirs back */
	initramfs_free(&fs);
}

/* An empty tree, as the kernel's root is when no module was loaded: a
 * directory that is its own parent and lists "." and ".." only. */
KTEST(initramfs, empty_root)
{
	struct inode *root;
	uint64_t pos = 0;

	initramfs_free(&fs);
	root = initramfs_inodes(&fs);
	KEXPECT(inode_is_dir(root) && root->parent == root);
	KEXPECT_EQ(root->ino, fs.root.ino);
	KEXPECT(initramfs_dirents(&fs.root, &pos, dirbuf, sizeof(dirbuf)) > 0);
	KEXPECT_EQ(pos, 2);
	KEXPECT_EQ(initramfs_dirents(&fs.root, &pos, dirbuf, sizeof(dirbuf)), 0);
}
