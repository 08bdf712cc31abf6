/*
 * Time from the TSC, calibrated once at boot against PIT channel 2, whose
 * 1.193182 MHz clock is fixed.  Channel 2's gate and output are wired to port
 * 0x61, so we can count down a known interval without an interrupt.
 *
 * A measurement can only come out long: the TSC is read before the count
 * can start (QEMU's PIT starts it when the count is written, a real one
 * when the gate rises after that), and runs on until we see the output
 * rise, which an emulator or a hypervisor may be late to show.  So we
 * measure a few times and keep the shortest.
 */
#include "arch/tsc.h"
#include "arch/x86.h"
#include "arch/pit.h"
#include "kernel/ktime.h"

#define PIT_CH2          0x42
#define PIT_CMD          0x43
#define PIT_CMD_CH2_ONESHOT 0xb0        /* channel 2, lo/hi byte, mode 0 */
#define PORT_B           0x61
#define PORT_B_GATE2     0x01
#define PORT_B_SPEAKER   0x02
#define PORT_B_OUT2      0x20
#define CALIBRATE_MS     10
#define CALIBRATE_RUNS   5
#define NS_SHIFT         32

static uint64_t hz;
static uint64_t ns_mult;                /* ns per cycle, times 2^NS_SHIFT */
static uint64_t tsc_at_boot;

static uint64_t measure_interval(void)
{
	uint16_t count = PIT_HZ * CALIBRATE_MS / MS_PER_SEC;
	uint8_t b = (inb(PORT_B) & ~PORT_B_SPEAKER) | PORT_B_GATE2;
	uint64_t start;

	outb(PORT_B, b & ~PORT_B_GATE2);
	outb(PIT_CMD, PIT_CMD_CH2_ONESHOT);
	outb(PIT_CH2, count & 0xff);
	start = rdtsc();
	outb(PIT_CH2, count >> 8);
	outb(PORT_B, b);                /* a rising gate starts the count */
	while (!(inb(PORT_B) & PORT_B_OUT2))
		pause();
	return rdtsc() - start;
}

void tsc_init(void)
{
	uint64_t shortest = measure_interval();

	for (int i = 1; i < CALIBRATE_RUNS; i++) {
		uint64_t t = measure_interval();

		if (t < shortest)
			shortest = t;
	}
	hz = shortest * (MS_PER_SEC / CALIBRATE_MS);
	ns_mult = (NS_PER_SEC << NS_SHIFT) / hz;
	tsc_at_boot = rdtsc();
}

void udelay(uint64_t us)
{
	uint64_t start = rdtsc(), cycles = hz * us / USEC_PER_SEC;

	while (rdtsc() - start < cycles)
		pause();
}

uint64_t tsc_hz(void)
{
	return hz;
}

uint64_t cycles_to_ns(uint64_t cycles)
{
	return (unsigned __int128)cycles * ns_mult >> NS_SHIFT;
}

uint64_t time_ns(void)
{
	return hz ? cycles_to_ns(rdtsc() - tsc_at_boot) : 0;
}
