#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

/* The kernel checks both magic numbers, so no stray call reboots by chance. */
#define LINUX_REBOOT_MAGIC1	0xfee1dead
#define LINUX_REBOOT_MAGIC2	0x28121969

#define RB_AUTOBOOT	0x01234567	/* restart */
#define RB_HALT_SYSTEM	0xcdef0123
#define RB_POWER_OFF	0x4321fedc
#define LINUX_REBOOT_CMD_POWER_OFF	RB_POWER_OFF

int reboot(int cmd);

#endif
