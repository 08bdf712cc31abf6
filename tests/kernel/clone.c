/* clone's refusals (kernel/sys_proc.c) and the mm use count (mm/mm.c).
 * Sharing descriptors or actions is for threads only; a thread needs
 * CLONE_SIGHAND, which needs CLONE_VM. */
#include "tests/ktest.h"
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "mm/frame.h"

#define SIGCHLD_SIG     17
#define SIGUSR1_SIG     10
#define CLONE_SETTLS_FLAG 0x00080000
#define CLONE_THREAD_FLAG 0x00010000

/* Each is refused before anything is made: no process is needed. */
KTEST(clone, refused_forms)
{
	KEXPECT_EQ(sys_clone(CLONE_VM | SIGCHLD_SIG, 0, 0, 0, 0, 0), -EINVAL);
	KEXPECT_EQ(sys_clone(CLONE_VM | CLONE_THREAD_FLAG | SIGCHLD_SIG, 0, 0, 0, 0, 0), -EINVAL);
	KEXPECT_EQ(sys_clone(CLONE_SETTLS_FLAG | SIGCHLD_SIG, 0, 0, 0, 0, 0), -EINVAL);
	KEXPECT_EQ(sys_clone(0, 0, 0, 0, 0, 0), -EINVAL);
	KEXPECT_EQ(sys_clone(SIGUSR1_SIG, 0, 0, 0, 0, 0), -EINVAL);
	KEXPECT_EQ(sys_clone(CLONE_THREAD | CLONE_SIGHAND, 0, 0, 0, 0, 0), -EINVAL);
	KEXPECT_EQ(sys_clone(CLONE_FILES | SIGCHLD_SIG, 0, 0, 0, 0, 0), -EINVAL);
	KEXPECT_EQ(sys_clone(CLONE_VM | CLONE_SIGHAND | SIGCHLD_SIG, 0, 0, 0, 0, 0), -EINVAL);
	KEXPECT_EQ(sys_clone3(0, 0, 0, 0, 0, 0), -ENOSYS);
}

/* A borrowed mm outlives its first user, and the last one frees it. */
KTEST(clone, mm_users)
{
	uint64_t before = frames_free();
	struct mm *mm = mm_new();

	KEXPECT(mm != NULL);
	if (!mm)
		return;
	KEXPECT_EQ(mm->users, 1);
	mm_get(mm);
	mm_put(mm);
	KEXPECT_EQ(mm->users, 1);
	KEXPECT(frames_free() < before);
	mm_put(mm);
	KEXPECT_EQ(frames_free(), before);
}
