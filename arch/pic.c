/*
 * The two 8259 PICs.  The BIOS leaves IRQs 0-15 on vectors 8-15 and 0x70-0x77,
 * which collide with CPU exceptions; we move them to IRQ_BASE.  An IRQ stays
 * masked until someone registers a handler for it.
 */
#include "arch/pic.h"
#include "arch/x86.h"
#include "kernel/printk.h"

#define PIC1_CMD        0x20
#define PIC1_DATA       0x21
#define PIC2_CMD        0xa0
#define PIC2_DATA       0xa1
#define ICW1_INIT_ICW4  0x11
#define ICW4_8086       0x01
#define CASCADE_IRQ     2
#define OCW2_EOI        0x20
#define OCW3_READ_ISR   0x0b
#define SPURIOUS_IRQ    7

static void (*handlers[NR_IRQS])(void);
static uint16_t mask = 0xffff & ~(1 << CASCADE_IRQ);

static void pic_write_mask(void)
{
	outb(PIC1_DATA, mask & 0xff);
	outb(PIC2_DATA, mask >> 8);
}

void pic_init(void)
{
	outb(PIC1_CMD, ICW1_INIT_ICW4);
	outb(PIC2_CMD, ICW1_INIT_ICW4);
	outb(PIC1_DATA, IRQ_BASE);
	outb(PIC2_DATA, IRQ_BASE + 8);
	outb(PIC1_DATA, 1 << CASCADE_IRQ);      /* slave on IRQ 2 */
	outb(PIC2_DATA, CASCADE_IRQ);           /* slave's identity */
	outb(PIC1_DATA, ICW4_8086);
	outb(PIC2_DATA, ICW4_8086);
	pic_write_mask();
}

void irq_register(int irq, void (*handler)(void))
{
	handlers[irq] = handler;
	mask &= ~(1 << irq);
	pic_write_mask();
}

/* A spurious IRQ 7 or 15 is not in service and must not be acknowledged. */
static int spurious(int irq)
{
	int cmd = irq < 8 ? PIC1_CMD : PIC2_CMD;

	if ((irq & 7) != SPURIOUS_IRQ)
		return 0;
	outb(cmd, OCW3_READ_ISR);
	if (inb(cmd) & (1 << SPURIOUS_IRQ))
		return 0;
	if (irq >= 8)
		outb(PIC1_CMD, OCW2_EOI);       /* the master did see a cascade */
	return 1;
}

void irq_dispatch(int irq)
{
	if (spurious(irq))
		return;
	if (irq >= 8)
		outb(PIC2_CMD, OCW2_EOI);
	outb(PIC1_CMD, OCW2_EOI);
	if (handlers[irq])
		handlers[irq]();
	else
		pr_warn("unexpected IRQ %d\n", irq);
}
