#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#define TCGETS		0x5401	/* read a terminal's settings */
#define TCSETS		0x5402	/* change them now */
#define TIOCGPGRP	0x540f	/* read its foreground process group */
#define TIOCSPGRP	0x5410	/* change it */
#define TIOCGWINSZ	0x5413	/* read a terminal's size */

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

/* Every request here takes one argument, a pointer. */
int ioctl(int fd, unsigned long request, ...);

#endif
