# forklab: `make` builds build/kernel.elf and build/forklab.iso; `make run`
# boots it; `make test` runs every test; `make debug` boots it under gdb.
# See README.md for the variables (MEM, ACCEL, CC, ...).

BUILD    ?= build
MEM      ?= 512M
ACCEL    ?= tcg
CMDLINE  ?=
CMD      ?=
FORK_MODE ?=
ROOTFS_EXTRA ?=

# The compiler: x86_64-elf-gcc when installed, else the host's gcc; CC=clang works too.
ifeq ($(origin CC),default)
CC := $(shell command -v x86_64-elf-gcc >/dev/null 2>&1 && echo x86_64-elf-gcc || echo gcc)
endif
LD       := $(if $(filter x86_64-elf-gcc,$(CC)),x86_64-elf-ld,ld)
NM       := $(if $(filter x86_64-elf-gcc,$(CC)),x86_64-elf-nm,nm)
NASM     := nasm

WARN     := -Wall -Wextra -Werror
KCFLAGS  := -std=gnu11 -O2 -g $(WARN) -ffreestanding -fno-pic -fno-pie \
            -mcmodel=kernel -mno-red-zone -mno-mmx -mno-sse -mno-sse2 \
            -fno-stack-protector -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
            -fno-asynchronous-unwind-tables -fno-common \
            -I. -Ilibc/include
KLDFLAGS := -nostdlib -static -z max-page-size=0x1000 -z noexecstack \
            --no-warn-rwx-segments -T linker.ld

KERNEL_C   := $(wildcard arch/*.c mm/*.c kernel/*.c) libc/string.c libc/vformat.c \
              tests/ktest.c $(wildcard tests/kernel/*.c)
KERNEL_ASM := $(wildcard boot/*.asm arch/*.asm)
KERNEL_OBJ := $(KERNEL_C:%.c=$(BUILD)/k/%.o) $(KERNEL_ASM:%.asm=$(BUILD)/k/%.o)

KERNEL   := $(BUILD)/kernel.elf
ISO      := $(BUILD)/forklab.iso
ROOT     ?= $(BUILD)/root.cpio
TOOLS_OK := $(BUILD)/.tools-ok

# The kernel command line `make run` boots with; recipes read it from the
# environment, so that quotes in CMD reach the kernel as they are.
export BOOT_CMDLINE := $(CMDLINE) $(if $(FORK_MODE),fork_mode=$(FORK_MODE)) $(if $(CMD),cmd="$(CMD)")

.PHONY: all kernel iso run debug test clean tools pictures
all: $(ISO)
kernel: $(KERNEL)
iso: $(ISO)

# Install or name the host tools we need (scripts/tools.sh).
$(TOOLS_OK): scripts/tools.sh
	@scripts/tools.sh
	@mkdir -p $(@D) && touch $@
tools: $(TOOLS_OK)

$(BUILD)/k/%.o: %.c Makefile $(TOOLS_OK)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(KCFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/k/%.o: %.asm Makefile $(TOOLS_OK)
	@mkdir -p $(@D)
	@echo "  NASM    $<"
	@$(NASM) -f elf64 -I./ -MD $(@:.o=.d) -o $@ $<

# Two links: the first gives the addresses for the symbol table that the
# second links in (scripts/ksyms.sh).  .ksyms is the last read-only section,
# so no code moves between the two; we check that it did not.
$(BUILD)/ksyms-empty.S: scripts/ksyms.sh
	@mkdir -p $(@D)
	@scripts/ksyms.sh > $@
$(BUILD)/kernel.pass1.elf: $(KERNEL_OBJ) $(BUILD)/ksyms-empty.o linker.ld
	@echo "  LD      $@"
	@$(LD) $(KLDFLAGS) -o $@ $(KERNEL_OBJ) $(BUILD)/ksyms-empty.o
$(BUILD)/ksyms.S: $(BUILD)/kernel.pass1.elf scripts/ksyms.sh
	@echo "  KSYMS   $@"
	@scripts/ksyms.sh $< > $@
$(BUILD)/%.o: $(BUILD)/%.S
	@$(CC) -c $< -o $@
$(KERNEL): $(KERNEL_OBJ) $(BUILD)/ksyms.o linker.ld
	@echo "  LD      $@"
	@$(LD) $(KLDFLAGS) -o $@ $(KERNEL_OBJ) $(BUILD)/ksyms.o
	@$(NM) -n $(BUILD)/kernel.pass1.elf | grep ' [tT] ' > $(BUILD)/text.pass1
	@$(NM) -n $@ | grep ' [tT] ' > $(BUILD)/text.final
	@cmp -s $(BUILD)/text.pass1 $(BUILD)/text.final || \
		{ echo "kernel text moved between links: symbol table would lie"; rm -f $@; exit 1; }

include libc/libc.mk
include user/user.mk
include tests/user/tests.mk
include scripts/labs.mk
include scripts/bench.mk
include scripts/stress.mk

# The root image: /bin from user/, /tests from tests/user/, and /extra from
# ROOTFS_EXTRA (modes kept).  Rebuilt every time, since ROOTFS_EXTRA's files
# are not known to make.
.PHONY: $(ROOT)
$(ROOT): $(USER_BINS) $(UTEST_BINS)
	@echo "  ROOT    $@"
	@rm -rf $(BUILD)/rootfs && mkdir -p $(BUILD)/rootfs/bin $(BUILD)/rootfs/tests
	@cp $(USER_BINS) $(BUILD)/rootfs/bin/
	@$(if $(UTEST_BINS),cp $(UTEST_BINS) $(BUILD)/rootfs/tests/)
	@$(if $(ROOTFS_EXTRA),cp -a $(ROOTFS_EXTRA)/. $(BUILD)/rootfs/extra/ 2>/dev/null || \
		{ mkdir -p $(BUILD)/rootfs/extra && cp -a $(ROOTFS_EXTRA)/. $(BUILD)/rootfs/extra/; })
	@cd $(BUILD)/rootfs && find . | LC_ALL=C sort | cpio -o -H newc --quiet > $(abspath $@)

.PHONY: $(ISO)
$(ISO): $(KERNEL) $(ROOT) scripts/mkiso.sh
	@echo "  ISO     $@"
	@scripts/mkiso.sh $@ $(KERNEL) "$$BOOT_CMDLINE" $(ROOT)

run: $(ISO)
	@MEM=$(MEM) ACCEL=$(ACCEL) scripts/qemu.sh $(ISO)

# gdb on a port of our own, so several users of one machine do not collide.
GDB_PORT ?= $(shell echo $$((20000 + $$(id -u) % 10000)))
debug: $(KERNEL) $(ROOT)
	@scripts/mkiso.sh $(BUILD)/debug.iso $(KERNEL) "panic=halt $$BOOT_CMDLINE" $(ROOT)
	@sed -e 's|@KERNEL@|$(KERNEL)|' -e 's|@PORT@|$(GDB_PORT)|' scripts/gdbinit.in > $(BUILD)/.gdbinit
	@MEM=$(MEM) ACCEL=$(ACCEL) QEMU_EXTRA="-S -gdb tcp:127.0.0.1:$(GDB_PORT) -serial file:$(BUILD)/debug.log" \
		scripts/qemu.sh $(BUILD)/debug.iso & \
	echo "QEMU is waiting for gdb on port $(GDB_PORT); its console goes to $(BUILD)/debug.log"; \
	gdb -q -x $(BUILD)/.gdbinit; kill %1 2>/dev/null; wait

test: $(KERNEL) $(ROOT)
	@tests/run

# docs/pictures/: page tables at each stage of an on-demand fork, drawn
# from /proc/<pid>/pagetree (scripts/pictures.sh); the pictures suite of
# tests/run checks that they still match what the kernel draws.
pictures: $(KERNEL) $(ROOT)
	@BUILD=$(BUILD) scripts/pictures.sh docs/pictures --render

clean:
	rm -rf $(BUILD)

-include $(KERNEL_OBJ:.o=.d)
