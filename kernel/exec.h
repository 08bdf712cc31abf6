#ifndef KERNEL_EXEC_H
#define KERNEL_EXEC_H

struct proc;
struct initramfs_node;

/* Where execve's argument and environment strings come from. */
struct exec_args {
	const char *const *argv, *const *envp;  /* NULL-terminated */
	int user;                               /* user addresses (else kernel) */
};

/* Replaces p's program with the executable at path.  On error p is left as
 * it was and the error returned (-ENOENT, -ENOEXEC, -E2BIG, -EFAULT,
 * -ENOMEM...). */
long exec_program(struct proc *p, const char *path, const struct exec_args *args);

/* The same for an image already in kernel memory (node->data, node->size),
 * which path then only names; execveat runs a memfd this way. */
long exec_image(struct proc *p, const struct initramfs_node *node, const char *path,
		const struct exec_args *args);

/* An image seen through the kmap window (mm/kmap.h), which has one user at
 * a time: map fills *node from obj (0 or -errno), unmap lets it go. */
struct exec_window {
	int (*map)(void *obj, struct initramfs_node *node);
	void (*unmap)(void *obj, const struct initramfs_node *node);
	void *obj;
};
long exec_windowed(struct proc *p, const struct exec_window *w, const char *path,
		   const struct exec_args *args);

#endif
