/*
 * Terminal settings, in the layout of Linux's TCGETS and TCSETS (struct
 * termios as the kernel reads and writes it), and the foreground process
 * group of a terminal.
 */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <sys/types.h>

#define NCCS		19

typedef unsigned int tcflag_t;
typedef unsigned char cc_t;

struct termios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
};

/* c_cc indexes */
#define VINTR		0
#define VERASE		2
#define VEOF		4
#define VTIME		5
#define VMIN		6

/* c_iflag bits */
#define ICRNL		0000400
#define IXON		0002000

/* c_lflag bits */
#define ISIG		0000001
#define ICANON		0000002
#define ECHO		0000010

/* tcsetattr's when */
#define TCSANOW		0
#define TCSADRAIN	1
#define TCSAFLUSH	2

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

#endif
