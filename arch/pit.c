/* The periodic timer: PIT channel 0 at HZ, on IRQ 0. */
#include "arch/pit.h"
#include "arch/pic.h"
#include "arch/x86.h"
#include "kernel/sched.h"

#define PIT_CH0          0x40
#define PIT_CMD          0x43
#define PIT_CMD_CH0_RATE 0x34           /* channel 0, lo/hi byte, mode 2 */
#define IRQ_TIMER        0

static volatile uint64_t nticks;

static void timer_irq(void)
{
	nticks++;
	sched_tick();
}

void pit_init(void)
{
	uint16_t divisor = (PIT_HZ + HZ / 2) / HZ;

	outb(PIT_CMD, PIT_CMD_CH0_RATE);
	outb(PIT_CH0, divisor & 0xff);
	outb(PIT_CH0, divisor >> 8);
	irq_register(IRQ_TIMER, timer_irq);
}

uint64_t ticks(void)
{
	return nticks;
}
