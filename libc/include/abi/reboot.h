/* reboot's magic numbers and commands, with Linux's values.  Shared by
 * the kernel (kernel/uapi.h) and <sys/reboot.h>. */
#ifndef _ABI_REBOOT_H
#define _ABI_REBOOT_H

/* The kernel checks both magic numbers, so no stray call reboots by chance. */
#define LINUX_REBOOT_MAGIC1		0xfee1dead
#define LINUX_REBOOT_MAGIC2		0x28121969
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321fedc

#endif
