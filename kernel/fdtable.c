/* Descriptor tables: made empty, copied by fork, shared by threads. */
#include "kernel/fdtable.h"
#include "kernel/file.h"
#include "mm/heap.h"

struct fdtable *fdtable_new(void)
{
	struct fdtable *t = kzalloc(sizeof(*t));

	if (t)
		t->users = 1;
	return t;
}

/* One struct copy, then a reference for each open file: not an empty
 * table made first and filled slot by slot, which wrote every slot twice. */
struct fdtable *fdtable_copy(struct fdtable *t)
{
	struct fdtable *c = kmalloc(sizeof(*c));

	if (!c)
		return NULL;
	*c = *t;
	c->users = 1;
	for (int fd = 0; fd < c->top; fd++)
		if (c->file[fd])
			file_get(c->file[fd]);
	return c;
}

void fdtable_set(struct fdtable *t, int fd, struct file *f)
{
	t->file[fd] = f;
	if (fd >= t->top)
		t->top = fd + 1;
}

void fdtable_get(struct fdtable *t)
{
	t->users++;
}

void fdtable_put(struct fdtable *t)
{
	if (!t || --t->users > 0)
		return;
	for (int fd = 0; fd < t->top; fd++)
		if (t->file[fd])
			file_put(t->file[fd]);
	kfree(t);
}
