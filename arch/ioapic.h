#ifndef ARCH_IOAPIC_H
#define ARCH_IOAPIC_H

#include <stdint.h>

struct madt;
struct isa_route;

/* Maps the MADT's IOAPICs and masks every pin: how many answered. */
int ioapic_init(const struct madt *m);
/* Routes r's GSI, as r says its line signals, to vector on the CPU of
 * apic_id (fixed delivery, physical destination) and unmasks it: 0, or
 * -EINVAL when no IOAPIC holds it.  Callers hold the big lock or run
 * before the other CPUs start: the registers are reached through one
 * window. */
int ioapic_route(const struct isa_route *r, uint8_t vector, uint32_t apic_id);

#endif
