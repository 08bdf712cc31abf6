/*
 * Terminal settings, with Linux's values.  struct termios is laid out as
 * the kernel's TCGETS and TCSETS pass it, so tcgetattr is one ioctl.
 */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <sys/types.h>

typedef unsigned int tcflag_t;
typedef unsigned char cc_t;
typedef unsigned int speed_t;

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
#define ICRNL		0000400
#define IXON		0002000

/* c_oflag */
#define OPOST		0000001
#define ONLCR		0000004

/* c_cflag */
#define CSIZE		0000060
#define CS8		0000060
#define CREAD		0000200
#define PARENB		0000400

/* c_lflag */
#define ISIG		0000001
#define ICANON		0000002
#define ECHO		0000010
#define ECHOE		0000020
#define ECHOK		0000040
#define ECHONL		0000100
#define ECHOCTL		0001000
#define IEXTEN		0100000

/* tcsetattr's when */
#define TCSANOW		0
#define TCSADRAIN	1
#define TCSAFLUSH	2

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
void cfmakeraw(struct termios *t);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

#endif
