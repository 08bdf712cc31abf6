#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#include <abi/reboot.h>

#define RB_AUTOBOOT	LINUX_REBOOT_CMD_RESTART
#define RB_HALT_SYSTEM	0xcdef0123
#define RB_POWER_OFF	LINUX_REBOOT_CMD_POWER_OFF

int reboot(int cmd);

#endif
