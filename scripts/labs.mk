# The labs (docs/labs/README.md), for the top Makefile to include:
#
#   make skeleton LAB=n OUT=dir   writes lab n's student tree into dir
#   make grade LAB=n              runs lab n's tests in QEMU, with points,
#                                 ending with "Score: X/Y"
#   make lab-variants             lab 3's wrong variants each lose points
#
# tests/labs.sh checks the pair: the full tree scores full marks, and each
# lab's steps, from the skeleton to the full tree, build, boot, stay
# correct and never lose points.

LAB ?=
OUT ?=

# Say what is missing before building anything.
ifneq ($(filter grade skeleton,$(MAKECMDGOALS)),)
ifeq ($(LAB),)
$(error usage: make grade LAB=n, or make skeleton LAB=n OUT=dir)
endif
endif
ifneq ($(filter skeleton,$(MAKECMDGOALS)),)
ifeq ($(OUT),)
$(error usage: make skeleton LAB=n OUT=dir)
endif
endif

.PHONY: skeleton grade
skeleton:
	@scripts/skeleton.sh $(LAB) $(OUT)

grade: $(KERNEL) $(ROOT)
	@BUILD=$(BUILD) scripts/grade.sh $(LAB)

# Lab 3's wrong variants each lose points (tests/lab-variants.sh).
.PHONY: lab-variants
lab-variants: $(KERNEL) $(ROOT)
	@BUILD=$(BUILD) tests/lab-variants.sh
