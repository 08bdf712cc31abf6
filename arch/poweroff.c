/*
 * Powering off.  Under QEMU the isa-debug-exit device (-device
 * isa-debug-exit,iobase=0xf4) ends the emulator with a status we choose.
 * Elsewhere we try the ACPI power-off port that QEMU's PIIX4 uses, then halt.
 */
#include "arch/poweroff.h"
#include "arch/x86.h"

#define DEBUG_EXIT_PORT 0xf4
#define ACPI_PM1A_CNT   0x604
#define ACPI_SLP_S5     0x2000

void machine_exit(int status)
{
	cli();
	outl(DEBUG_EXIT_PORT, status + 1);
	outw(ACPI_PM1A_CNT, ACPI_SLP_S5);
	for (;;)
		hlt();
}
