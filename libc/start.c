/*
 * Program start-up, from _start (crt0.S).  The kernel leaves on the stack:
 * argc; argv[0..argc-1] and NULL; the environment strings and NULL; then
 * the auxiliary vector of (type, value) pairs ending with AT_NULL.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/auxv.h>

int main(int argc, char **argv, char **envp);

char **environ;
static unsigned long *auxv;

_Noreturn void __libc_start(long *sp)
{
	int argc = sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **end = envp;

	while (*end)
		end++;
	auxv = (unsigned long *)(end + 1);
	environ = envp;
	exit(main(argc, argv, envp));
}

unsigned long getauxval(unsigned long type)
{
	for (unsigned long *a = auxv; a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	errno = ENOENT;
	return 0;
}
