/*
 * Path walk: from "/", the working directory or a directory descriptor,
 * one component at a time, through mounts, "..", and symbolic links.
 */
#ifndef KERNEL_NAMEI_H
#define KERNEL_NAMEI_H

#include <stddef.h>
#include "kernel/uapi.h"

struct inode;

enum {
	WALK_NOFOLLOW = 1,      /* a final symlink is the answer, not followed */
	WALK_PARENT = 2,        /* stop at the last component's directory */
};

struct walk {
	struct inode *dir;      /* WALK_PARENT: the directory holding last */
	struct inode *inode;    /* what the path names; NULL if last is free */
	char last[NAME_MAX + 1];        /* WALK_PARENT: the last component */
	size_t lastlen;         /* 0 when the path is "/" */
	int trailing_slash;     /* the path ends in "/" */
	const char *proc_rest;  /* the path goes on inside /proc: this much */
	char *buf;              /* the path, rewritten as links are followed */
};

/*
 * Walks path (a kernel string) from dirfd.  0 and *w filled in, or
 * -ENOENT, -ENOTDIR, -ENAMETOOLONG, -ELOOP, -EBADF, -ENOMEM.  With a
 * path under /proc, 0 with proc_rest set.  After a 0, walk_done frees
 * w->buf; an error leaves nothing to free.
 */
int walk_path(int dirfd, const char *path, int flags, struct walk *w);
void walk_done(struct walk *w);

/* The inode dirfd names for a walk: AT_FDCWD's is the working directory. */
int walk_start(int dirfd, struct inode **out);

#endif
