/*
 * tmpfs: files and directories in memory, mounted at /tmp.
 *
 * A directory is a list of entries, each a name and the inode it names;
 * an inode may have several names (link).  Entries are appended, and each
 * gets a cookie one more than the last: getdents's position is a cookie,
 * so removing entries while a reader walks the list skips none.
 *
 *   tnode (dir) --entries--> [cookie 0 "a"] -> [cookie 1 "b"] -> NULL
 *                                 |                  |
 *                               tnode (file)       tnode (dir) ...
 *
 * A file's bytes are in frames found through a two-level index of frames
 * that each hold PTRS_PER_INDEX page pointers:
 *
 *   index --> [ leaf | leaf | NULL | ... ]      leaf --> [ pg | NULL | pg ... ]
 *                                                          |
 *                                                       4 KiB of data
 *
 * Data frames are page-cache frames (mm/filemap.c), which mmap maps into
 * processes: the file holds one reference, each mapping one more.
 * A hole (never written, or cut by truncate) has no frame and reads as
 * zeros.  Bytes past the size in the last frame are kept zero, so growing
 * the file shows zeros there.  Frames (data and index) come from the frame
 * allocator while more than RESERVE_FRAMES of it are left, else the write
 * gets ENOSPC: the processes that filled /tmp still need page tables,
 * stacks and the kernel heap to go on running and to remove the files.
 * Every frame is given back when the last name and the last open file of
 * an inode are gone.
 */
#include <string.h>
#include "kernel/tmpfs.h"
#include "kernel/vfs.h"
#include "kernel/errno.h"
#include "mm/frame.h"
#include "mm/kstack.h"
#include "mm/mm.h"
#include "mm/heap.h"
#include "mm/uaccess.h"

#define PTRS_PER_INDEX  (PAGE_SIZE / sizeof(struct page *))
#define TMPFS_MAX_PAGES (PTRS_PER_INDEX * PTRS_PER_INDEX)
#define TMPFS_MAX_SIZE  ((uint64_t)TMPFS_MAX_PAGES * PAGE_SIZE)
#define RESERVE_FRAMES  1024            /* 4 MiB left to the kernel */
#define ROOT_MODE       (S_IFDIR | 01777)       /* /tmp: sticky, world-writable */
#define ROOT_INO        1
#define SYMLINK_PERM    0777            /* a link's own mode means nothing */
#define DIR_LINKS       2               /* its name and its "." */
#define DIRPOS_DOT      0
#define DIRPOS_DOTDOT   1
#define DIRPOS_ENTRIES  2               /* then cookie + DIRPOS_ENTRIES */

struct entry {
	struct entry *next;
	struct inode *inode;
	uint64_t cookie;
	size_t len;
	char name[];
};

struct tnode {
	struct inode inode;             /* first: an inode is its tnode */
	struct page *index;             /* a file's, or NULL */
	struct entry *entries;          /* a directory's, oldest first */
	uint64_t next_cookie;
	char *target;                   /* a symlink's */
};

static const struct inode_ops tmpfs_ops;
static struct tnode root;
static uint64_t next_ino = ROOT_INO + 1;
static uint64_t frames_used;            /* data and index frames */

static struct tnode *tnode(struct inode *i)
{
	return (struct tnode *)i;
}

uint64_t tmpfs_frames(void)
{
	return frames_used;
}

/* A frame for an index (data 0) or for data: a page-cache frame, which
 * mmap may map (mm/filemap.c). */
static struct page *frame_take(int data)
{
	struct page *pg;

	if (frames_free() <= RESERVE_FRAMES && frames_free_trimmed() <= RESERVE_FRAMES)
		return NULL;
	pg = data ? cache_page_alloc() : page_alloc_zeroed();
	if (pg)
		frames_used++;
	return pg;
}

static void frame_give(struct page *pg)
{
	frames_used--;
	if (pg->flags & PG_CACHE)
		cache_page_put(pg);
	else
		page_put(pg);
}

/* The slot holding page idx of t's data, or NULL if its leaf is missing
 * (made when create, if a frame is left). */
static struct page **slot_of(struct tnode *t, uint64_t idx, int create)
{
	struct page **top, **leaf = NULL;

	if (!t->index && (!create || !(t->index = frame_take(0))))
		return NULL;
	top = page_va(t->index);
	if (!top[idx / PTRS_PER_INDEX] && (!create || !(top[idx / PTRS_PER_INDEX] = frame_take(0))))
		return NULL;
	leaf = page_va(top[idx / PTRS_PER_INDEX]);
	return &leaf[idx % PTRS_PER_INDEX];
}

static size_t chunk_at(uint64_t pos, size_t left)
{
	size_t room = PAGE_SIZE - pos % PAGE_SIZE;

	return left < room ? left : room;
}

static long tmpfs_read(struct inode *i, char *ubuf, size_t n, uint64_t pos)
{
	static const char zeros[PAGE_SIZE];
	size_t done = 0;

	if (pos >= i->size)
		return 0;
	if (n > i->size - pos)
		n = i->size - pos;
	while (done < n) {
		size_t chunk = chunk_at(pos + done, n - done);
		struct page **slot = slot_of(tnode(i), (pos + done) / PAGE_SIZE, 0);
		const char *src = slot && *slot ? (char *)page_va(*slot) + (pos + done) % PAGE_SIZE : zeros;

		if (copy_to_user(ubuf + done, src, chunk) < 0)
			return done ? (long)done : -EFAULT;
		done += chunk;
	}
	inode_touch(i, INODE_ATIME);
	return done;
}

/* Writes one chunk at pos (inside one page); 0, -ENOSPC or -EFAULT. */
static long write_chunk(struct tnode *t, uint64_t pos, const char *ubuf, size_t chunk)
{
	struct page **slot = slot_of(t, pos / PAGE_SIZE, 1);

	if (!slot || (!*slot && !(*slot = frame_take(1))))
		return -ENOSPC;
	return copy_from_user((char *)page_va(*slot) + pos % PAGE_SIZE, ubuf, chunk);
}

static struct page *tmpfs_cache_page(struct inode *i, uint64_t idx)
{
	struct page **slot = slot_of(tnode(i), idx, 1);

	if (slot && !*slot)
		*slot = frame_take(1);
	return slot ? *slot : NULL;
}

static long tmpfs_write(struct inode *i, const char *ubuf, size_t n, uint64_t pos)
{
	size_t done = 0;
	long err = 0;

	if (n && pos >= TMPFS_MAX_SIZE)
		return -EFBIG;
	if (n > TMPFS_MAX_SIZE - pos)
		n = TMPFS_MAX_SIZE - pos;
	while (done < n && !err) {
		size_t chunk = chunk_at(pos + done, n - done);

		err = write_chunk(tnode(i), pos + done, ubuf + done, chunk);
		done += err ? 0 : chunk;
	}
	if (pos + done > i->size)
		i->size = pos + done;
	if (done)
		inode_touch(i, INODE_MTIME | INODE_CTIME);
	return done || !err ? (long)done : err;
}

/* Gives back the frames of pages from keep on, and the leaves left empty. */
static void free_pages_from(struct tnode *t, uint64_t keep)
{
	struct page **top, **leaf;

	if (!t->index)
		return;
	top = page_va(t->index);
	for (uint64_t l = 0; l < PTRS_PER_INDEX; l++) {
		uint64_t first = l * PTRS_PER_INDEX;

		if (!top[l] || first + PTRS_PER_INDEX <= keep)
			continue;
		leaf = page_va(top[l]);
		for (uint64_t e = keep > first ? keep - first : 0; e < PTRS_PER_INDEX; e++)
			if (leaf[e]) {
				frame_give(leaf[e]);
				leaf[e] = NULL;
			}
		if (first >= keep) {
			frame_give(top[l]);
			top[l] = NULL;
		}
	}
	if (keep == 0) {
		frame_give(t->index);
		t->index = NULL;
	}
}

static int tmpfs_truncate(struct inode *i, uint64_t size)
{
	struct tnode *t = tnode(i);
	uint64_t keep = PAGE_ROUND_UP(size) / PAGE_SIZE;
	struct page **slot;

	if (size > TMPFS_MAX_SIZE)
		return -EFBIG;
	free_pages_from(t, keep);
	if (size % PAGE_SIZE && (slot = slot_of(t, size / PAGE_SIZE, 0)) && *slot)
		memset((char *)page_va(*slot) + size % PAGE_SIZE, 0, PAGE_SIZE - size % PAGE_SIZE);
	i->size = size;
	inode_touch(i, INODE_MTIME | INODE_CTIME);
	return 0;
}

static struct entry *find(struct tnode *dir, const char *name, size_t len, struct entry ***link)
{
	struct entry **l = &dir->entries;

	for (; *l; l = &(*l)->next)
		if ((*l)->len == len && !memcmp((*l)->name, name, len)) {
			if (link)
				*link = l;
			return *l;
		}
	return NULL;
}

static int tmpfs_lookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
	struct entry *e = find(tnode(dir), name, len, NULL);

	if (!e)
		return -ENOENT;
	*out = e->inode;
	return 0;
}

static struct entry *entry_new(const char *name, size_t len, struct inode *i)
{
	struct entry *e = kmalloc(sizeof(*e) + len);

	if (!e)
		return NULL;
	e->next = NULL;
	e->inode = i;
	e->len = len;
	memcpy(e->name, name, len);
	return e;
}

static void entry_add(struct inode *dir, struct entry *e)
{
	struct tnode *d = tnode(dir);
	struct entry **l = &d->entries;

	while (*l)
		l = &(*l)->next;
	e->cookie = d->next_cookie++;
	*l = e;
	if (inode_is_dir(e->inode)) {
		dir->nlink++;
		e->inode->parent = dir;
	}
	inode_touch(dir, INODE_MTIME | INODE_CTIME);
}

static struct tnode *tnode_new(uint32_t mode)
{
	struct tnode *t = kzalloc(sizeof(*t));

	if (!t)
		return NULL;
	t->inode.ops = &tmpfs_ops;
	t->inode.mode = mode;
	t->inode.dev = DEV_TMPFS;
	t->inode.ino = next_ino++;
	t->inode.nlink = (mode & S_IFMT) == S_IFDIR ? DIR_LINKS : 1;
	inode_touch(&t->inode, INODE_ATIME | INODE_MTIME | INODE_CTIME);
	return t;
}

static int tmpfs_create(struct inode *dir, const char *name, size_t len, uint32_t mode,
			struct inode **out)
{
	struct tnode *t = tnode_new(mode);
	struct entry *e = t ? entry_new(name, len, &t->inode) : NULL;

	if (!e) {
		kfree(t);
		return -ENOSPC;
	}
	entry_add(dir, e);
	*out = &t->inode;
	return 0;
}

static int tmpfs_symlink(struct inode *dir, const char *name, size_t len, const char *target,
			 size_t tlen)
{
	char *copy = kmalloc(tlen);
	struct inode *i;

	if (!copy || tmpfs_create(dir, name, len, S_IFLNK | SYMLINK_PERM, &i) < 0) {
		kfree(copy);
		return -ENOSPC;
	}
	memcpy(copy, target, tlen);
	tnode(i)->target = copy;
	i->size = tlen;
	return 0;
}

static int tmpfs_link(struct inode *dir, const char *name, size_t len, struct inode *target)
{
	struct entry *e = entry_new(name, len, target);

	if (!e)
		return -ENOSPC;
	entry_add(dir, e);
	target->nlink++;
	inode_touch(target, INODE_CTIME);
	return 0;
}

/* Takes the entry at *link out of dir's list; a subdirectory no longer
 * counts in dir's links.  Returns the inode it named. */
static struct inode *entry_detach(struct inode *dir, struct entry **link)
{
	struct entry *e = *link;
	struct inode *i = e->inode;

	*link = e->next;
	kfree(e);
	if (inode_is_dir(i))
		dir->nlink--;
	inode_touch(dir, INODE_MTIME | INODE_CTIME);
	return i;
}

/* Removes a name; an inode with no name left goes at its last close. */
static void entry_remove(struct inode *dir, struct entry **link)
{
	struct inode *i = entry_detach(dir, link);

	if (inode_is_dir(i)) {
		i->nlink = 0;
		i->parent = NULL;
	} else {
		i->nlink--;
	}
	inode_touch(i, INODE_CTIME);
	inode_maybe_free(i);
}

static int tmpfs_unlink(struct inode *dir, const char *name, size_t len)
{
	struct entry **link;

	if (!find(tnode(dir), name, len, &link))
		return -ENOENT;
	entry_remove(dir, link);
	return 0;
}

/* The new entry is made first, so that running out of memory changes
 * nothing; what newname named goes (the caller checked that it may). */
static int tmpfs_rename(struct inode *dir, const char *name, size_t len,
			struct inode *newdir, const char *newname, size_t newlen)
{
	struct entry **link = NULL, *old = find(tnode(dir), name, len, NULL), *e;

	if (!old)
		return -ENOENT;
	e = entry_new(newname, newlen, old->inode);
	if (!e)
		return -ENOSPC;
	tmpfs_unlink(newdir, newname, newlen);
	find(tnode(dir), name, len, &link);
	entry_detach(dir, link);
	entry_add(newdir, e);
	inode_touch(e->inode, INODE_CTIME);
	return 0;
}

static int tmpfs_is_empty(struct inode *dir)
{
	return !tnode(dir)->entries;
}

static long tmpfs_getdents(struct inode *dir, uint64_t *pos, void *buf, size_t n)
{
	struct tnode *d = tnode(dir);
	size_t used = 0, len;

	while (*pos < DIRPOS_ENTRIES) {         /* "." then "..": pos + 1 dots */
		struct inode *i = *pos == DIRPOS_DOT ? dir : dir->parent ? dir->parent : dir;

		len = dirent_put((char *)buf + used, n - used, i->ino, *pos + 1, S_IFDIR, "..", *pos + 1);
		if (!len)
			return used ? (long)used : -EINVAL;
		used += len;
		(*pos)++;
	}
	for (struct entry *e = d->entries; e; e = e->next) {
		if (e->cookie + DIRPOS_ENTRIES < *pos)
			continue;
		len = dirent_put((char *)buf + used, n - used, e->inode->ino,
				 e->cookie + DIRPOS_ENTRIES + 1, e->inode->mode, e->name, e->len);
		if (!len)
			return used ? (long)used : -EINVAL;
		used += len;
		*pos = e->cookie + DIRPOS_ENTRIES + 1;
	}
	return used;
}

static int tmpfs_name_of(struct inode *dir, struct inode *child, char *name)
{
	for (struct entry *e = tnode(dir)->entries; e; e = e->next)
		if (e->inode == child) {
			memcpy(name, e->name, e->len);
			name[e->len] = '\0';
			return 0;
		}
	return -ENOENT;
}

static long tmpfs_readlink(struct inode *i, char *buf, size_t n)
{
	size_t len = i->size < n ? i->size : n;

	memcpy(buf, tnode(i)->target, len);
	return len;
}

static void tmpfs_statfs(struct inode *i, struct statfs_info *st)
{
	uint64_t free = frames_free_trimmed();

	(void)i;
	st->magic = TMPFS_MAGIC;
	st->bfree = free > RESERVE_FRAMES ? free - RESERVE_FRAMES : 0;
	st->blocks = frames_used + st->bfree;
	st->files = next_ino;
	st->ffree = st->bfree;
}

static void tmpfs_release(struct inode *i)
{
	struct tnode *t = tnode(i);

	free_pages_from(t, 0);
	kfree(t->target);
	kfree(t);
}

static const struct inode_ops tmpfs_ops = {
	.lookup = tmpfs_lookup,
	.create = tmpfs_create,
	.symlink = tmpfs_symlink,
	.link = tmpfs_link,
	.unlink = tmpfs_unlink,
	.rename = tmpfs_rename,
	.getdents = tmpfs_getdents,
	.name_of = tmpfs_name_of,
	.is_empty = tmpfs_is_empty,
	.readlink = tmpfs_readlink,
	.read = tmpfs_read,
	.write = tmpfs_write,
	.truncate = tmpfs_truncate,
	.cache_page = tmpfs_cache_page,
	.release = tmpfs_release,
	.statfs = tmpfs_statfs,
};

struct inode *tmpfs_init(void)
{
	root.inode.ops = &tmpfs_ops;
	root.inode.mode = ROOT_MODE;
	root.inode.dev = DEV_TMPFS;
	root.inode.ino = ROOT_INO;
	root.inode.nlink = DIR_LINKS;
	root.inode.ref = 1;             /* the mount's: never released */
	inode_touch(&root.inode, INODE_ATIME | INODE_MTIME | INODE_CTIME);
	return &root.inode;
}
