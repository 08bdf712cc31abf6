#ifndef ARCH_ENTRY_H
#define ARCH_ENTRY_H

#include "arch/trap.h"

/* The rflags policy of arch/entry.c. */
int user_frame_ok(struct trapframe *tf);        /* sanitises rflags; 0 if rip is bad */
int user_return(struct trapframe *tf);          /* signals; kills for a bad frame */
int bad_iret(struct trapframe *tf);             /* a fault on user_iretq: kills */
int syscall_single_step(struct trapframe *tf);  /* a #DB to ignore */

#endif
