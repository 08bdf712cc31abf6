#ifndef ARCH_PIC_H
#define ARCH_PIC_H

void pic_init(void);                    /* remapped to IRQ_BASE, all masked */
void pic_unmask(int irq);
void pic_mask_all(void);
int pic_spurious(int irq);              /* a spurious IRQ 7 or 15: no handler (15: the master's EOI alone) */
void pic_eoi(int irq);

#endif
