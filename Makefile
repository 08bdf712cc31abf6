# forklab: `make` builds build/kernel.elf and build/forklab.iso; `make run`
# boots it; `make test` runs every test; `make debug` boots it under gdb.
# `make help` lists every target and variable; README.md says more.

# The kernel's optimization; any other than -O2 builds in a tree of its own
# (OPT=-Og: build/Og), so that the two never mix objects.
OPT      ?= -O2
BUILD    ?= build$(if $(filter-out -O2,$(OPT)),/$(subst $(empty) $(empty),,$(subst -,,$(OPT))))
MEM      ?= 512M
ACCEL    ?= tcg
SMP      ?= 1
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
KCFLAGS  := -std=gnu11 $(OPT) -g $(WARN) -ffreestanding -fno-pic -fno-pie \
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
# With ROOTFS_EXTRA, a root image of its own per directory, so that runs
# with different ones do not overwrite each other's.
ROOT     ?= $(BUILD)/root$(if $(ROOTFS_EXTRA),-$(firstword $(shell printf '%s' '$(ROOTFS_EXTRA)' | cksum))).cpio
TOOLS_OK := $(BUILD)/.tools-ok

# The command for scripts/run, taken unexpanded ($(value)), so that make
# does not eat its `$`s; it reaches forklab as a file, never through GRUB.
unexport CMD
export RUN_CMD := $(value CMD)
RUN_ENV  := BUILD=$(BUILD) KERNEL=$(KERNEL) ROOT=$(ROOT) MEM=$(MEM) ACCEL=$(ACCEL) SMP=$(SMP) \
            CMDLINE="$(CMDLINE)" FORK_MODE=$(FORK_MODE)

.PHONY: all kernel iso run debug test clean tools pictures help
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

# The root image: /bin from user/, /tests from tests/user/, /extra from
# ROOTFS_EXTRA (modes kept), and empty /dev, /proc and /tmp where their
# file systems are mounted.  Rebuilt every time, since ROOTFS_EXTRA's files
# are not known to make, in a directory of this make's own and renamed into
# place, so that a run reading the old image meanwhile reads it whole.
.PHONY: $(ROOT)
$(ROOT): $(USER_BINS) $(UTEST_BINS)
	@echo "  ROOT    $@"
	@set -e; tmp=$(BUILD)/rootfs.$$$$; rm -rf $$tmp; mkdir -p $$tmp/bin $$tmp/tests $$tmp/dev $$tmp/proc $$tmp/tmp; \
	cp $(USER_BINS) $$tmp/bin/; \
	$(if $(UTEST_BINS),cp $(UTEST_BINS) $$tmp/tests/;) \
	$(if $(ROOTFS_EXTRA),mkdir -p $$tmp/extra && cp -a $(ROOTFS_EXTRA)/. $$tmp/extra/;) \
	(cd $$tmp && find . | LC_ALL=C sort | cpio -o -H newc --quiet) > $@.$$$$; \
	mv $@.$$$$ $@; rm -rf $$tmp

# A bootable image with the kernel words of CMDLINE and FORK_MODE, for
# booting by hand; `make run` makes one of its own per run (scripts/run).
.PHONY: $(ISO)
$(ISO): $(KERNEL) $(ROOT) scripts/mkiso.sh
	@echo "  ISO     $@"
	@scripts/mkiso.sh $@ $(KERNEL) "$(CMDLINE) $(if $(FORK_MODE),fork_mode=$(FORK_MODE))" $(ROOT)

# make exits 2 when the command fails, saying "Error N" with its status;
# scripts/run's own status is the command's.  What the build prints goes
# to stderr, so that stdout holds only what the command writes.
run:
	@$(MAKE) -s --no-print-directory $(KERNEL) $(ROOT) >&2
	@$(RUN_ENV) scripts/run $(if $(value CMD),"$$RUN_CMD")

debug:
	@$(MAKE) -s --no-print-directory $(KERNEL) $(ROOT) >&2
	@$(RUN_ENV) scripts/debug $(if $(value CMD),"$$RUN_CMD")

test: $(KERNEL) $(ROOT)
	@SMP=$(SMP) tests/run

# docs/pictures/: page tables at each stage of an on-demand fork, drawn
# from /proc/<pid>/pagetree (scripts/pictures.sh); the pictures suite of
# tests/run checks that they still match what the kernel draws.
pictures: $(KERNEL) $(ROOT)
	@BUILD=$(BUILD) scripts/pictures.sh docs/pictures --render

clean:
	rm -rf $(BUILD)

help:
	@echo 'targets:'
	@echo '  all           (the default) build/kernel.elf and build/forklab.iso'
	@echo '  kernel        build/kernel.elf only'
	@echo '  iso           build/forklab.iso, booting with CMDLINE and FORK_MODE'
	@echo '  run           boot to a shell on this terminal, or run CMD and end (scripts/run)'
	@echo '  debug         boot halted under gdb (scripts/debug, docs/gdb.md)'
	@echo '  test          every test suite; tests/run SUITE... runs some'
	@echo '  stress        random fork/memory operations against a model (SEED, OPS, MODE, FAIL_ALLOC)'
	@echo '  bench         what fork costs in each mode (BENCH_MEM, BENCH_MAX, BENCH_ICOUNT, ...)'
	@echo '  skeleton      LAB=n OUT=dir: write lab n'"'"'s student tree'
	@echo '  grade         LAB=n: run lab n'"'"'s graded tests'
	@echo '  lab-variants  lab 3'"'"'s wrong variants each lose points; a planted panic is shown'
	@echo '  user          the user programs of /bin'
	@echo '  utests        the user tests of /tests, built for forklab'
	@echo '  host-tests    the same tests, built for the host'
	@echo '  pictures      redraw docs/pictures/ (page tables at fork) from the kernel'"'"'s pagetree'
	@echo '  tools         install or name the host tools the build needs'
	@echo '  clean         remove BUILD'
	@echo '  help          this list'
	@echo 'variables:'
	@echo '  CMD=...       the command run and debug run (with /bin/sh -c), exactly as written'
	@echo '  ROOTFS_EXTRA=dir  add dir'"'"'s files to the root image under /extra'
	@echo '  FORK_MODE=m   how fork copies memory: copy, cow or odf (the default)'
	@echo '  CMDLINE=...   more kernel command line words (README.md lists them)'
	@echo '  MEM=512M      guest memory'
	@echo '  ACCEL=tcg     QEMU'"'"'s emulator, or kvm'
	@echo '  SMP=1         CPUs the machine has (docs/smp.md)'
	@echo '  CPU=model     QEMU CPU model (default max under TCG, host under KVM)'
	@echo '  CC=gcc        the compiler; CC=clang works too'
	@echo '  OPT=-O2       the kernel'"'"'s optimization; OPT=-Og builds in build/Og, for gdb'
	@echo '  BUILD=build   where everything is built'
	@echo '  ROOT=file     the root image (default BUILD/root.cpio)'
	@echo '  GDB_PORT=n    debug'"'"'s gdb port (default: the first free from 20000 + uid % 10000)'
	@echo '  GDB_ARGS=...  more gdb arguments for debug (-batch -x FILE for scripts)'
	@echo '  QEMU_EXTRA=.. more QEMU arguments'
	@echo '  TEST_TIMEOUT=s  seconds per boot in tests'
	@echo '  TEST_JOBS=n   host cores the suites of test keep busy at once (default: all; 1: one at a time)'
	@echo '  HOST_CC=cc    the host compiler for host-tests'
	@echo '  LAB=n         the lab of skeleton and grade'
	@echo '  OUT=dir       where skeleton writes'
	@echo '  SEED=1        stress'"'"'s random seed'
	@echo '  OPS=20000     stress'"'"'s operations per run'
	@echo '  MODE=...      stress'"'"'s fork modes (default: copy cow odf hodf)'
	@echo '  FAIL_ALLOC=N  stress: make allocations fail (fail_alloc= forms)'
	@echo '  BENCH_MEM=6G  bench'"'"'s guest memory'
	@echo '  BENCH_MAX=n   bench'"'"'s largest size, MiB'
	@echo '  BENCH_COPY_MAX=n  copy mode'"'"'s largest size, MiB'
	@echo '  BENCH_TIMEOUT=s   seconds per bench boot'
	@echo '  BENCH_ICOUNT=1    bench counts instructions (deterministic, slower)'
	@echo '  BENCH_THREADS=n   bench forks with up to n threads on other CPUs (4; 0: none)'

-include $(KERNEL_OBJ:.o=.d)
