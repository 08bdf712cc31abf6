/* Dies of SIGSEGV: a run's status must then be 128 + 11, as a shell says. */
int main(void)
{
	volatile int *nowhere = 0;

	return *nowhere;
}
