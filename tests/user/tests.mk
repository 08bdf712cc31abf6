# The user-level tests: every tests/user/NAME.c is a program, built twice.
#
#   $(HOST_UTEST_DIR)/NAME   with the host's cc and C library, to check the
#                            test itself against Linux (tests/host-test.sh)
#   $(UTEST_DIR)/NAME        with forklab's libc, for forklab's /tests
#
# runtests.c, the runner, is built both ways with the rest, and
# exec_args.noelf, a file that is not a program, is put next to both sets
# (exec_args expects ENOEXEC from it), and so are the crafted executables
# exec_elf.NAME that tests/user/exec_elf.py writes (exec_elf runs them).
# UTEST_BINS lists what goes into forklab's /tests; HOST_UTEST_BINS the
# host's set.
#
#   make host-tests      build the host set (also: make -f tests/user/tests.mk)
#   make utests          build forklab's set (needs libc/libc.mk included first)

BUILD           ?= build
HOST_CC         ?= cc
HOST_UTEST_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -idirafter libc/include

UTEST_NAMES     := $(basename $(notdir $(wildcard tests/user/*.c)))
UTEST_NONELF    := exec_args.noelf
UTEST_ELFS      := exec_elf.top exec_elf.overlap exec_elf.empty
HOST_UTEST_DIR  := $(BUILD)/host/tests
UTEST_DIR       := $(BUILD)/utests
HOST_UTEST_BINS := $(UTEST_NAMES:%=$(HOST_UTEST_DIR)/%) $(HOST_UTEST_DIR)/$(UTEST_NONELF) \
                   $(UTEST_ELFS:%=$(HOST_UTEST_DIR)/%)
UTEST_BINS      := $(UTEST_NAMES:%=$(UTEST_DIR)/%) $(UTEST_DIR)/$(UTEST_NONELF) \
                   $(UTEST_ELFS:%=$(UTEST_DIR)/%)

.PHONY: host-tests utests
host-tests: $(HOST_UTEST_BINS)
utests: $(UTEST_BINS)

$(UTEST_NAMES:%=$(HOST_UTEST_DIR)/%): $(HOST_UTEST_DIR)/%: \
		tests/user/%.c tests/user/check.h tests/user/tests.mk
	@mkdir -p $(@D)
	@echo "  HOSTCC  $<"
	@$(HOST_CC) $(HOST_UTEST_CFLAGS) -o $@ $<

# Executable, or Linux would refuse it with EACCES before looking inside;
# and no "#!" line, or Linux would run it as a script.
$(HOST_UTEST_DIR)/$(UTEST_NONELF) $(UTEST_DIR)/$(UTEST_NONELF): tests/user/tests.mk
	@mkdir -p $(@D)
	@echo "this file is not a program" > $@
	@chmod +x $@

# One run of the generator writes them all (a grouped pattern rule);
# executable, as for the file above.
$(UTEST_ELFS:%=\%/%): tests/user/exec_elf.py
	@mkdir -p $*
	@echo "  GEN     $*/exec_elf.*"
	@python3 $< $*/exec_elf
	@chmod +x $(UTEST_ELFS:%=$*/%)

# forklab's set, linked by libc/libc.mk's user_prog; objects go to
# $(BUILD)/u/tests/user/, compiled with USER_CFLAGS.
ifneq ($(value user_prog),)
$(foreach t,$(UTEST_NAMES),\
	$(eval $(call user_prog,$(UTEST_DIR)/$(t),tests/user/$(t).c)))
-include $(UTEST_NAMES:%=$(BUILD)/u/tests/user/%.d)
else
$(UTEST_NAMES:%=$(UTEST_DIR)/%):
	$(error forklab's test programs need libc/libc.mk: run "make utests" from the top)
endif
