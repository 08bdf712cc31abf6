/*
 * The path walk (kernel/namei.h).  The path is copied into a buffer of
 * PATH_MAX bytes; a symbolic link met on the way is replaced there by its
 * target, and the walk goes on from "/" (an absolute target) or from the
 * link's directory:
 *
 *   "/tmp/l/f"  with l -> "d/e"  becomes  "d/e/f", walked from /tmp
 *
 * After SYMLOOP_MAX links the walk gives ELOOP, as Linux does.  Errors
 * follow Linux: a component that is not a directory gives ENOTDIR, a
 * missing one ENOENT, a component longer than NAME_MAX ENAMETOOLONG.
 * Nothing here sleeps, so the inodes met need no references.
 */
#include <string.h>
#include "kernel/namei.h"
#include "kernel/vfs.h"
#include "kernel/syscall.h"
#include "kernel/errno.h"
#include "mm/heap.h"

/* The component at *p (slashes before it skipped), its length in *len,
 * and *p moved past it; NULL when no component is left. */
static const char *next_name(const char **p, size_t *len)
{
	const char *s = *p + strspn(*p, "/");

	*len = strcspn(s, "/");
	*p = s + *len;
	return *len ? s : NULL;
}

static int is_name(const char *name, size_t len, const char *want)
{
	return len == strlen(want) && !memcmp(name, want, len);
}

int walk_start(int dirfd, struct inode **out)
{
	struct file *f;

	if (dirfd == AT_FDCWD) {
		*out = current_fs()->cwd;
		return *out ? 0 : -ENOENT;
	}
	f = fd_file(dirfd);
	if (!f)
		return -EBADF;
	*out = file_inode(f);
	if (!*out || !inode_is_dir(*out))
		return -ENOTDIR;
	return 0;
}

/* Where one component leads from dir; NULL if nowhere. */
static struct inode *step(struct inode *dir, const char *name, size_t len)
{
	struct inode *child;

	if (is_name(name, len, "."))
		return dir->nlink ? dir : NULL;
	if (is_name(name, len, ".."))
		return vfs_parent(dir);
	child = vfs_mounted(dir, name, len);
	if (child)
		return child;
	if (!dir->ops->lookup || !dir->nlink || dir->ops->lookup(dir, name, len, &child) < 0)
		return NULL;
	return child;
}

/* Replaces the walked part of w->buf, up to rest, by link's target:
 * target "/" rest.  0, -ENAMETOOLONG or -ENOENT (an empty target). */
static int splice_link(struct walk *w, struct inode *link, const char *rest)
{
	size_t restlen = strlen(rest), tlen;
	char *target = kmalloc(PATH_MAX);
	long r;

	if (!target)
		return -ENOMEM;
	r = link->ops->readlink ? link->ops->readlink(link, target, PATH_MAX) : -EINVAL;
	tlen = r > 0 ? (size_t)r : 0;
	if (r >= 0 && tlen + 1 + restlen + 1 > PATH_MAX)
		r = -ENAMETOOLONG;
	if (r > 0) {
		memmove(w->buf + tlen + 1, rest, restlen + 1);
		memcpy(w->buf, target, tlen);
		w->buf[tlen] = '/';
	}
	kfree(target);
	return r < 0 ? (int)r : r == 0 ? -ENOENT : 0;
}

/* The last component: in a parent walk, remember it; its inode may be missing. */
static int walk_last(struct walk *w, struct inode *dir, const char *name, size_t len)
{
	memcpy(w->last, name, len);
	w->last[len] = '\0';
	w->lastlen = len;
	w->dir = dir;
	w->inode = step(dir, name, len);
	if (!w->inode && !dir->nlink)
		return -ENOENT;         /* the directory was removed */
	return 0;
}

static int walk_from(struct inode *cur, int flags, struct walk *w)
{
	const char *p = w->buf, *name;
	int links = 0, err;
	size_t len;

	while ((name = next_name(&p, &len))) {
		int last = p[strspn(p, "/")] == '\0';
		struct inode *child;

		if (!inode_is_dir(cur))
			return -ENOTDIR;
		if (cur->dev == DEV_PROCFS && !is_name(name, len, ".") && !is_name(name, len, "..")) {
			w->proc_rest = name;        /* "." and ".." of /proc are ours */
			return 0;
		}
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		if (last && (flags & WALK_PARENT))
			return walk_last(w, cur, name, len);
		child = step(cur, name, len);
		if (!child)
			return -ENOENT;
		if (inode_is_link(child) && (!last || !(flags & WALK_NOFOLLOW))) {
			if (++links > SYMLOOP_MAX)
				return -ELOOP;
			err = splice_link(w, child, p);
			if (err < 0)
				return err;
			if (w->buf[0] == '/')
				cur = vfs_root;
			p = w->buf;
			continue;
		}
		cur = child;
	}
	w->dir = cur;
	w->inode = cur;
	return 0;
}

int walk_path(int dirfd, const char *path, int flags, struct walk *w)
{
	size_t len = strlen(path);
	struct inode *start = vfs_root;
	int err;

	memset(w, 0, sizeof(*w));
	if (len == 0)
		return -ENOENT;
	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	if (path[0] != '/' && (err = walk_start(dirfd, &start)) < 0)
		return err;
	w->buf = kmalloc(PATH_MAX);
	if (!w->buf)
		return -ENOMEM;
	memcpy(w->buf, path, len + 1);
	w->trailing_slash = path[len - 1] == '/';
	err = walk_from(start, flags, w);
	if (!err && w->inode && w->trailing_slash && !w->proc_rest && !inode_is_dir(w->inode) &&
	    !inode_is_link(w->inode))
		err = -ENOTDIR;
	if (err)
		walk_done(w);
	return err;
}

void walk_done(struct walk *w)
{
	kfree(w->buf);
	w->buf = NULL;
}
