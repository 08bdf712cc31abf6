/* Reference counting of open files (kernel/file.h). */
#include "kernel/file.h"
#include "kernel/panic.h"
#include "mm/heap.h"

struct file *file_new(const struct file_ops *ops, int flags, void *priv)
{
	struct file *f = kzalloc(sizeof(*f));

	if (!f)
		return NULL;
	f->ops = ops;
	f->ref = 1;
	f->flags = flags;
	f->priv = priv;
	return f;
}

void file_get(struct file *f)
{
	ASSERT(f->ref > 0);
	f->ref++;
}

void file_put(struct file *f)
{
	ASSERT(f->ref > 0);
	if (--f->ref)
		return;
	if (f->ops->release)
		f->ops->release(f);
	kfree(f);
}
