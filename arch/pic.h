#ifndef ARCH_PIC_H
#define ARCH_PIC_H

#define IRQ_BASE        32      /* IRQ n arrives as vector IRQ_BASE + n */
#define NR_IRQS         16

void pic_init(void);
void irq_register(int irq, void (*handler)(void));
void irq_dispatch(int irq);

#endif
