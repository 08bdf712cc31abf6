/*
 * The root file system, read-only, from a cpio "newc" archive (what
 * `find . | cpio -o -H newc` writes).  The archive is a list of entries,
 * each a header of ASCII fields, the path name and the contents:
 *
 *   offset  field
 *     0     magic "070701"
 *     6     ino           \
 *    14     mode           |
 *    ...    uid ... mtime  |  13 fields of 8 hex digits each
 *    54     filesize       |
 *    ...    dev, rdev      |
 *    94     namesize       |
 *   102     check         /
 *   110     the name, NUL included (namesize bytes); zeros to a multiple of 4
 *           the contents (filesize bytes); zeros to a multiple of 4
 *           the next entry's header ... and last an entry "TRAILER!!!"
 *
 * Padding counts from the start of the archive (which GRUB loads page
 * aligned), so a file's contents are only 4-byte aligned in memory.
 *
 * At boot we walk the archive once and build a tree of struct rnode, one
 * kmalloc'd node per file or directory; names and contents are not copied
 * but point into the archive, which stays mapped.  A tree makes lookups
 * walk one directory per component, gives ".." its parent, and gives each
 * directory the list of children getdents needs:
 *
 *   root "/" (ino 1) -children-> bin -sibling-> etc
 *                                 |              |
 *                               children       children
 *                                 v              v
 *                                 sh            motd -> data in the archive
 *
 * Hard links: cpio writes each name of a file as an entry with the same
 * ino (and dev), and the data with one of them only (GNU cpio: the last).
 * The first name's node holds the file; a later name's node points at it
 * (same), and whichever entry carries data gives it.  A symbolic link's
 * data is its target.
 *
 * A directory implied by a path ("etc/motd" with no "etc" entry) is made
 * when first needed and gets its mode if its own entry comes later.  Inode
 * numbers are ours (the order nodes were made in), so implied directories
 * have one and no two nodes share one.  An entry for a name already in the
 * tree replaces its contents and mode, unless it changes the node's type.
 *
 * The archive comes from outside the kernel, so every header is checked
 * against the archive's size before anything in it is used.  A damaged
 * header ends the walk with a warning, keeping what came before; an entry
 * that is well formed but unusable (a device, a ".." in the name) is
 * skipped with a warning.
 */
#include <string.h>
#include "kernel/initramfs.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "mm/heap.h"
#include "mm/uaccess.h"
#include "kernel/namei.h"

#define NEWC_MAGIC      "070701"
#define NEWC_MAGIC_LEN  6
#define NEWC_FIELD_LEN  8               /* hex digits per field */
#define NEWC_HDR_SIZE   110
#define NEWC_ALIGN      4
#define NEWC_TRAILER    "TRAILER!!!"
#define HEX_RADIX       16
#define INO_BITS        32              /* a hard link's id: dev above its ino */
#define DEV_MINOR_BITS  16

/* The header's fields, in order after the magic. */
enum newc_field {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK,
	NR_FIELDS
};

#define MODE_BITS       (S_IFMT | 07777)        /* type and permissions */
#define IMPLIED_PERM    0755                    /* a directory with no entry */
#define ROOT_INO        1
#define FILE_NLINK      1
#define DIR_NLINK       2                       /* its name and its "." */

#define DIRPOS_DOT      0               /* positions in a directory */
#define DIRPOS_DOTDOT   1
#define DIRPOS_CHILDREN 2

/* An entry of the archive, its header checked and decoded. */
struct newc_entry {
	const char *name;               /* NUL-terminated, inside the archive */
	uint32_t mode, nlink;
	uint64_t id;                    /* dev and ino: the same for hard links */
	const void *data;
	uint32_t size;
	size_t next;                    /* offset of the next header */
};

/* An entry of a directory listing. */
struct dir_item {
	const char *name;
	size_t namelen;
	const struct rnode *node;
};

static struct initramfs root_fs = {
	.root = { .mode = S_IFDIR | IMPLIED_PERM, .ino = ROOT_INO },
	.nnodes = 1,
};

static int is_dir(const struct rnode *node)
{
	return (node->mode & S_IFMT) == S_IFDIR;
}

static size_t newc_align(size_t off)
{
	return (off + NEWC_ALIGN - 1) & ~(size_t)(NEWC_ALIGN - 1);
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 0xa;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 0xa;
	return -1;
}

static int parse_hex(const char *p, uint32_t *out)
{
	uint32_t v = 0;

	for (int i = 0; i < NEWC_FIELD_LEN; i++) {
		int d = hex_digit(p[i]);

		if (d < 0)
			return -1;
		v = v * HEX_RADIX + d;
	}
	*out = v;
	return 0;
}

/* Decodes the header at off into e; returns NULL, or why it cannot. */
static const char *parse_entry(const char *base, size_t size, size_t off, struct newc_entry *e)
{
	uint32_t f[NR_FIELDS];
	size_t name_off = off + NEWC_HDR_SIZE, data_off;

	if (size - off < NEWC_HDR_SIZE)
		return "header cut short";
	if (memcmp(base + off, NEWC_MAGIC, NEWC_MAGIC_LEN))
		return "bad magic";
	for (int i = 0; i < NR_FIELDS; i++)
		if (parse_hex(base + off + NEWC_MAGIC_LEN + i * NEWC_FIELD_LEN, &f[i]) < 0)
			return "bad hex digit";
	if (f[F_NAMESIZE] == 0 || f[F_NAMESIZE] > size - name_off)
		return "name runs past the end";
	if (memchr(base + name_off, '\0', f[F_NAMESIZE]) != base + name_off + f[F_NAMESIZE] - 1)
		return "name not NUL-terminated";
	data_off = newc_align(name_off + f[F_NAMESIZE]);
	if (data_off > size || f[F_FILESIZE] > size - data_off)
		return "contents run past the end";
	e->name = base + name_off;
	e->mode = f[F_MODE];
	e->nlink = f[F_NLINK];
	e->id = (uint64_t)(f[F_DEVMAJOR] << DEV_MINOR_BITS | f[F_DEVMINOR]) << INO_BITS | f[F_INO];
	e->data = base + data_off;
	e->size = f[F_FILESIZE];
	e->next = newc_align(data_off + f[F_FILESIZE]);
	return NULL;
}

/* The component of a path at *p (slashes before it skipped), its length in
 * *len, and *p moved past it; NULL when no component is left. */
static const char *next_component(const char **p, size_t *len)
{
	const char *s = *p + strspn(*p, "/");

	*len = strcspn(s, "/");
	*p = s + *len;
	return *len ? s : NULL;
}

static int is_dot(const char *name, size_t len)
{
	return len == 1 && name[0] == '.';
}

static int is_dotdot(const char *name, size_t len)
{
	return len == 2 && name[0] == '.' && name[1] == '.';
}

static struct rnode *find_child(const struct rnode *dir, const char *name, size_t len)
{
	for (struct rnode *c = dir->children; c; c = c->sibling)
		if (c->namelen == len && !memcmp(c->name, name, len))
			return c;
	return NULL;
}

/* A new implied directory in dir, or NULL when out of memory. */
static struct rnode *new_node(struct initramfs *fs, struct rnode *dir, const char *name,
			      size_t len)
{
	struct rnode *node = kzalloc(sizeof(*node)), **link = &dir->children;

	if (!node)
		return NULL;
	node->name = name;
	node->namelen = len;
	node->mode = S_IFDIR | IMPLIED_PERM;
	node->ino = ++fs->nnodes;
	node->parent = dir;
	while (*link)                           /* keep the archive's order */
		link = &(*link)->sibling;
	*link = node;
	node->next_alloc = fs->nodes;
	fs->nodes = node;
	return node;
}

static int skip(const struct newc_entry *e, const char *why)
{
	pr_warn("initramfs: skipping \"%.*s\": %s\n", NAME_MAX, e->name, why);
	return -EINVAL;
}

/* node is one name of a hard-linked file: the first holds the file, a
 * later one points at it and gives it its data if it carries any. */
static void link_names(struct initramfs *fs, struct rnode *node, const struct newc_entry *e)
{
	struct rnode *first = NULL;

	for (struct rnode *n = fs->nodes; n && !first; n = n->next_alloc)
		if (n != node && !n->same && n->cpio_id == e->id && (n->mode & S_IFMT) == S_IFREG)
			first = n;
	node->cpio_id = e->id;
	if (!first)
		return;
	node->same = first;
	if (e->size) {
		first->data = e->data;
		first->size = e->size;
	}
}

/* Puts e in the tree, making the directories its name implies.  Returns 0,
 * -EINVAL if skipped, or -ENOMEM. */
static int add_entry(struct initramfs *fs, const struct newc_entry *e)
{
	struct rnode *node = &fs->root, *child;
	const char *p = e->name, *name;
	uint32_t type = e->mode & S_IFMT;
	size_t len;
	int created = 0;

	if (type != S_IFREG && type != S_IFDIR && type != S_IFLNK)
		return skip(e, "not a regular file, directory or symlink");
	while ((name = next_component(&p, &len))) {
		if (is_dot(name, len))
			continue;
		if (is_dotdot(name, len))
			return skip(e, "\"..\" in the name");
		if (len > NAME_MAX)
			return skip(e, "a component is too long");
		if (!is_dir(node))
			return skip(e, "a file is in the way");
		child = find_child(node, name, len);
		created = !child;
		if (!child && !(child = new_node(fs, node, name, len)))
			return -ENOMEM;
		node = child;
	}
	if (!created && (node->mode & S_IFMT) != type)
		return skip(e, "its type differs from an earlier entry's");
	node->mode = e->mode & MODE_BITS;
	node->data = e->data;
	node->size = type != S_IFDIR ? e->size : 0;
	if (type == S_IFREG && e->nlink > 1)
		link_names(fs, node, e);
	return 0;
}

void initramfs_free(struct initramfs *fs)
{
	struct rnode *node;

	while ((node = fs->nodes)) {
		fs->nodes = node->next_alloc;
		kfree(node);
	}
	memset(&fs->root, 0, sizeof(fs->root));
	fs->root.mode = S_IFDIR | IMPLIED_PERM;
	fs->root.ino = ROOT_INO;
	fs->nnodes = 1;
}

int initramfs_build(struct initramfs *fs, const void *base, size_t size)
{
	struct newc_entry e;
	const char *why = NULL;
	size_t off;

	initramfs_free(fs);
	for (off = 0; off < size; off = e.next) {
		why = parse_entry(base, size, off, &e);
		if (why)
			break;
		if (!strcmp(e.name, NEWC_TRAILER))
			return 0;
		if (add_entry(fs, &e) == -ENOMEM) {
			pr_err("initramfs: out of memory at offset %lu\n", off);
			return -ENOMEM;
		}
	}
	pr_warn("initramfs: %s at offset %lu; ignoring the rest\n", why ? why : "no trailer", off);
	return -EINVAL;
}

/* Where name leads from node, or NULL if nowhere. */
static struct rnode *step(struct rnode *node, const char *name, size_t len)
{
	if (is_dot(name, len))
		return node;
	if (is_dotdot(name, len))
		return node->parent ? node->parent : node;
	return find_child(node, name, len);
}

int initramfs_find(struct initramfs *fs, const char *path, struct rnode **out)
{
	struct rnode *node = &fs->root;
	const char *p = path, *name;
	size_t pathlen = strnlen(path, PATH_MAX), len;

	if (pathlen == PATH_MAX)
		return -ENAMETOOLONG;
	if (pathlen == 0)
		return -ENOENT;
	while ((name = next_component(&p, &len))) {
		if (!is_dir(node))
			return -ENOTDIR;
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		node = step(node, name, len);
		if (!node)
			return -ENOENT;
	}
	if (p[-1] == '/' && !is_dir(node))
		return -ENOTDIR;                /* "file/" names a directory */
	*out = node->same ? node->same : node;
	return 0;
}

/* The entry of dir at position pos; 0 past the last. */
static int dir_item(const struct rnode *dir, uint64_t pos, struct dir_item *it)
{
	const struct rnode *c = dir->children;

	if (pos == DIRPOS_DOT || pos == DIRPOS_DOTDOT) {
		it->name = pos == DIRPOS_DOT ? "." : "..";
		it->namelen = strlen(it->name);
		it->node = pos == DIRPOS_DOTDOT && dir->parent ? dir->parent : dir;
		return 1;
	}
	for (pos -= DIRPOS_CHILDREN; c && pos; pos--)
		c = c->sibling;
	if (!c)
		return 0;
	it->name = c->name;
	it->namelen = c->namelen;
	it->node = c->same ? c->same : c;
	return 1;
}

long initramfs_dirents(const struct rnode *dir, uint64_t *pos, void *buf, size_t n)
{
	struct dir_item it;
	size_t used = 0, len;

	while (dir_item(dir, *pos, &it)) {
		len = dirent_put((char *)buf + used, n - used, it.node->ino, *pos + 1,
				 it.node->mode, it.name, it.namelen);
		if (!len)
			return used ? (long)used : -EINVAL;
		used += len;
		(*pos)++;
	}
	return used;
}

int initramfs_init(const void *base, size_t size)
{
	int r = initramfs_build(&root_fs, base, size);

	pr_info("initramfs: %lu files and directories\n", root_fs.nnodes);
	return r;
}

static struct rnode *rnode_of(struct inode *i)
{
	return i->priv;
}

static int rimage_lookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
	struct rnode *c = find_child(rnode_of(dir), name, len);

	if (!c)
		return -ENOENT;
	*out = &(c->same ? c->same : c)->inode;
	return 0;
}

static long rimage_getdents(struct inode *dir, uint64_t *pos, void *buf, size_t n)
{
	return initramfs_dirents(rnode_of(dir), pos, buf, n);
}

static int rimage_name_of(struct inode *dir, struct inode *child, char *name)
{
	const struct rnode *c = rnode_of(child);

	(void)dir;
	memcpy(name, c->name, c->namelen);
	name[c->namelen] = '\0';
	return 0;
}

static long rimage_read(struct inode *i, char *ubuf, size_t n, uint64_t pos)
{
	const struct rnode *node = rnode_of(i);

	if (pos >= node->size)
		return 0;
	if (n > node->size - pos)
		n = node->size - pos;
	if (copy_to_user(ubuf, (const char *)node->data + pos, n) < 0)
		return -EFAULT;
	return n;
}

static const char *rimage_contents(struct inode *i)
{
	return rnode_of(i)->data;
}

static long rimage_readlink(struct inode *i, char *buf, size_t n)
{
	const struct rnode *node = rnode_of(i);
	size_t len = node->size < n ? node->size : n;

	memcpy(buf, node->data, len);
	return len;
}

static void rimage_statfs(struct inode *i, struct statfs_info *st)
{
	(void)i;
	st->magic = RAMFS_MAGIC;
	st->files = root_fs.nnodes;
}

/* The root image never changes: no create, unlink... (EROFS). */
static const struct inode_ops rimage_ops = {
	.lookup = rimage_lookup,
	.getdents = rimage_getdents,
	.name_of = rimage_name_of,
	.read = rimage_read,
	.contents = rimage_contents,
	.readlink = rimage_readlink,
	.statfs = rimage_statfs,
};

static void inode_init(struct rnode *node)
{
	struct inode *i = &node->inode;

	i->ops = &rimage_ops;
	i->mode = node->mode;
	i->nlink = is_dir(node) ? DIR_NLINK : FILE_NLINK;
	i->ref = 1;                     /* the image's own: never released */
	i->dev = DEV_ROOT;
	i->ino = node->ino;
	i->size = node->size;
	i->parent = node->parent ? &node->parent->inode : i;
	i->priv = node;
}

int initramfs_resolve(const char *path, struct initramfs_node *out)
{
	struct walk w;
	int r = walk_path(AT_FDCWD, path, 0, &w);
	struct rnode *node;

	if (r < 0)
		return r;
	if (w.proc_rest || w.inode->ops != &rimage_ops) {
		walk_done(&w);
		return -EACCES;
	}
	node = rnode_of(w.inode);
	out->data = node->data;
	out->size = node->size;
	out->mode = node->mode;
	out->ino = node->ino;
	walk_done(&w);
	return 0;
}

/* A file's link count is its names: its node and those that point at it. */
struct inode *initramfs_inodes(struct initramfs *fs)
{
	inode_init(&fs->root);
	for (struct rnode *node = fs->nodes; node; node = node->next_alloc)
		inode_init(node);
	for (struct rnode *node = fs->nodes; node; node = node->next_alloc)
		if (node->same)
			node->same->inode.nlink++;
	return &fs->root.inode;
}

struct inode *initramfs_root(void)
{
	return initramfs_inodes(&root_fs);
}
