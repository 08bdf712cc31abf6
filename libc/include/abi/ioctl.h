/* The terminal ioctls' requests, and struct winsize as they pass it, with
 * Linux's values.  Shared by the kernel (kernel/uapi.h) and <sys/ioctl.h>. */
#ifndef _ABI_IOCTL_H
#define _ABI_IOCTL_H

#define TCGETS		0x5401	/* read a terminal's settings */
#define TCSETS		0x5402	/* set them now */
#define TCSETSW		0x5403	/* once output is written */
#define TCSETSF		0x5404	/* so, and drop unread input */
#define TIOCSCTTY	0x540e	/* make it the caller's session's terminal */
#define TIOCGPGRP	0x540f	/* read its foreground process group */
#define TIOCSPGRP	0x5410	/* set it */
#define TIOCGWINSZ	0x5413	/* read a terminal's size */
#define TIOCSWINSZ	0x5414	/* set it */

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

#endif
