# make stress: forkstress (user/forkstress/), random operations checked
# against a model, in forklab under QEMU once per fork mode and on the
# host's Linux; the digests must agree and the kernel must keep its memory
# rules (mm_check), leak no frame and not panic (scripts/stress.sh).
#
#   make stress                            SEED=1 OPS=20000, every mode
#   make stress SEED=7 OPS=100000 MODE=odf one mode, longer
#   make stress FAIL_ALLOC=3000            every 3000th allocation fails;
#                                          forkstress runs --tolerant
#
# FAIL_ALLOC takes the kernel's fail_alloc= forms: N, or rand:SEED:PERCENT.
# Included by the Makefile, after KERNEL and ROOT are defined.

SEED       ?= 1
OPS        ?= 20000
MODE       ?= copy cow odf hodf
FAIL_ALLOC ?=

.PHONY: stress
stress: $(KERNEL) $(ROOT)
	@BUILD=$(BUILD) MEM=$(MEM) ACCEL=$(ACCEL) SMP=$(SMP) SEED=$(SEED) OPS=$(OPS) MODE="$(MODE)" \
		FAIL_ALLOC=$(FAIL_ALLOC) scripts/stress.sh
