/* About the machine and the system as a whole. */
#include <errno.h>
#include <stdarg.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/reboot.h>
#include <sys/utsname.h>
#include "syscall.h"

#define PRCTL_ARGS	4	/* after the option */
#define X86_PAGE_SIZE	4096	/* if the kernel gave no AT_PAGESZ */

int uname(struct utsname *u)
{
	return __sysret(SYSCALL(SYS_uname, u));
}

ssize_t getrandom(void *buf, size_t n, unsigned int flags)
{
	return __sysret(SYSCALL(SYS_getrandom, buf, n, flags));
}

/* Four arguments go to the kernel whatever the option: those a caller left
 * out are whatever their registers held, and the kernel reads only the
 * ones the option uses. */
int prctl(int option, ...)
{
	unsigned long arg[PRCTL_ARGS];
	va_list ap;

	va_start(ap, option);
	for (int i = 0; i < PRCTL_ARGS; i++)
		arg[i] = va_arg(ap, unsigned long);
	va_end(ap);
	return __sysret(SYSCALL(SYS_prctl, option, arg[0], arg[1], arg[2], arg[3]));
}

int reboot(int cmd)
{
	long ret = SYSCALL(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, cmd);

	return __sysret(ret);
}

long sysconf(int name)
{
	unsigned long size;

	if (name != _SC_PAGESIZE) {
		errno = EINVAL;
		return -1;
	}
	size = getauxval(AT_PAGESZ);
	return size ? size : X86_PAGE_SIZE;
}
