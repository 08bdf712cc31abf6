/* The signal mask half of sigsetjmp and siglongjmp (setjmp.S). */
#include <setjmp.h>

void __sigsetjmp_mask(sigjmp_buf env);

void __sigsetjmp_mask(sigjmp_buf env)
{
	sigprocmask(SIG_BLOCK, NULL, &env->__mask);
}

void siglongjmp(sigjmp_buf env, int val)
{
	if (env->__savemask)
		sigprocmask(SIG_SETMASK, &env->__mask, NULL);
	longjmp(env, val);
}
