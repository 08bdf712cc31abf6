/*
 * The two 8259 PICs.  The BIOS leaves IRQs 0-15 on vectors 8-15 and 0x70-0x77,
 * which collide with CPU exceptions; we move them to IRQ_BASE, whether they
 * then deliver the ISA IRQs or, with an IOAPIC, are masked for good
 * (arch/irq.c).  An IRQ stays masked until someone registers a handler.
 */
#include "arch/pic.h"
#include "arch/irq.h"
#include "arch/x86.h"

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
#define ALL_MASKED      0xffff

static uint16_t mask = ALL_MASKED & ~(1 << CASCADE_IRQ);

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

void pic_unmask(int irq)
{
	mask &= ~(1 << irq);
	pic_write_mask();
}

void pic_mask_all(void)
{
	mask = ALL_MASKED;
	pic_write_mask();
}

int pic_spurious(int irq)
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

void pic_eoi(int irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, OCW2_EOI);
	outb(PIC1_CMD, OCW2_EOI);
}
