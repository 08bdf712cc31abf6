/*
 * Terminal settings: struct termios as the TCGETS and TCSETS ioctls pass
 * it (the kernel's layout, which the C library's tcgetattr uses as it is),
 * its flags and its c_cc slots, with Linux's values.  Shared by the kernel
 * (kernel/uapi.h) and <termios.h>.
 */
#ifndef _ABI_TERMIOS_H
#define _ABI_TERMIOS_H

typedef unsigned int tcflag_t;
typedef unsigned char cc_t;

#define NCCS		19

struct termios {
	tcflag_t c_iflag;	/* input modes */
	tcflag_t c_oflag;	/* output modes */
	tcflag_t c_cflag;	/* control modes */
	tcflag_t c_lflag;	/* local modes */
	cc_t c_line;
	cc_t c_cc[NCCS];	/* special characters, VMIN and VTIME */
};

/* c_cc slots */
#define VINTR		0
#define VQUIT		1
#define VERASE		2
#define VKILL		3
#define VEOF		4
#define VTIME		5
#define VMIN		6
#define VSTART		8
#define VSTOP		9
#define VSUSP		10
#define VEOL		11
#define VWERASE		14

/* c_iflag */
#define IGNBRK		0000001
#define BRKINT		0000002
#define PARMRK		0000010
#define ISTRIP		0000040
#define INLCR		0000100
#define IGNCR		0000200
#define ICRNL		0000400	/* '\r' in is '\n' */
#define IXON		0002000

/* c_oflag */
#define OPOST		0000001	/* post-process output */
#define ONLCR		0000004	/* '\n' out is "\r\n" */

/* c_cflag */
#define CSIZE		0000060
#define CS8		0000060
#define CREAD		0000200
#define PARENB		0000400
#define B115200		0010002	/* the line's speed */

/* c_lflag */
#define ISIG		0000001	/* VINTR, VQUIT send a signal */
#define ICANON		0000002	/* lines, with editing */
#define ECHO		0000010
#define ECHOE		0000020	/* VERASE, VWERASE rub out */
#define ECHOK		0000040	/* VKILL, then a newline */
#define ECHONL		0000100
#define ECHOCTL		0001000	/* control characters echo as ^X */
#define IEXTEN		0100000

#endif
