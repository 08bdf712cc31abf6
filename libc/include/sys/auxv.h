/*
 * The auxiliary vector: (type, value) pairs the kernel puts on a new
 * program's stack, after the environment, to tell it about itself.
 */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#define AT_NULL		0	/* the end of the vector */
#define AT_PHDR		3	/* the program headers, in memory */
#define AT_PHENT	4	/* bytes in one program header */
#define AT_PHNUM	5	/* how many program headers */
#define AT_PAGESZ	6
#define AT_ENTRY	9	/* the program's entry point */
#define AT_RANDOM	25	/* 16 random bytes */
#define AT_EXECFN	31	/* the path given to execve */

/* The value of TYPE, or 0 with errno ENOENT when the kernel gave none. */
unsigned long getauxval(unsigned long type);

#endif
