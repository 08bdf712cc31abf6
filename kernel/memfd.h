/*
 * memfd_create's anonymous in-memory files, and how exec reads one.
 */
#ifndef KERNEL_MEMFD_H
#define KERNEL_MEMFD_H

struct file;
struct initramfs_node;

/*
 * Maps memfd f's bytes contiguously in the kernel (mm/kmap.h's window) and
 * describes them in *out, for exec: 0, -EACCES if f is no memfd, or
 * -ENOEXEC if it is larger than the window.  memfd_unmap ends the view.
 */
int memfd_map(struct file *f, struct initramfs_node *out);
void memfd_unmap(struct file *f);

#endif
