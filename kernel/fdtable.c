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

struct fdtable *fdtable_copy(struct fdtable *t)
{
	struct fdtable *c = fdtable_new();

	if (!c)
		return NULL;
	for (int fd = 0; fd < NOFILE; fd++) {
		c->file[fd] = t->file[fd];
		if (c->file[fd])
			file_get(c->file[fd]);
	}
	c->cloexec = t->cloexec;
	return c;
}

void fdtable_get(struct fdtable *t)
{
	t->users++;
}

void fdtable_put(struct fdtable *t)
{
	if (!t || --t->users > 0)
		return;
	for (int fd = 0; fd < NOFILE; fd++)
		if (t->file[fd])
			file_put(t->file[fd]);
	kfree(t);
}
