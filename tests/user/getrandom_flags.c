/*
 * getrandom's flags, as Linux checks them: GRND_NONBLOCK, GRND_RANDOM and
 * GRND_INSECURE are known, any other bit gives EINVAL, and so does asking
 * for GRND_RANDOM and GRND_INSECURE at once.  The flags are an unsigned
 * int: bits above it in the register are not read.
 */
#include <sys/random.h>
#include <sys/syscall.h>
#include "check.h"

#ifndef GRND_INSECURE
#define GRND_INSECURE	4
#endif
#define UNKNOWN_FLAG	8	/* the lowest bit Linux does not know */
#define UPPER_BIT	(1UL << 32)

int main(void)
{
	unsigned char buf[16];

	CHECK_EQ(getrandom(buf, sizeof(buf), 0), sizeof(buf));
	CHECK_EQ(getrandom(buf, sizeof(buf), GRND_NONBLOCK), sizeof(buf));
	CHECK_EQ(getrandom(buf, sizeof(buf), GRND_RANDOM | GRND_NONBLOCK),
		 sizeof(buf));
	CHECK_EQ(getrandom(buf, sizeof(buf), GRND_INSECURE), sizeof(buf));
	CHECK_ERR(getrandom(buf, sizeof(buf), UNKNOWN_FLAG), EINVAL);
	CHECK_ERR(getrandom(buf, sizeof(buf), 1U << 31), EINVAL);
	CHECK_ERR(getrandom(buf, sizeof(buf), GRND_RANDOM | GRND_INSECURE),
		  EINVAL);
	CHECK_EQ(raw_syscall3(SYS_getrandom, (unsigned long)buf, sizeof(buf),
			      UPPER_BIT), sizeof(buf));
	return test_result();
}
