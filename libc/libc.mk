# libc: builds $(LIBC_A) = $(BUILD)/libc/libc.a and $(LIBC_CRT0) =
# $(BUILD)/libc/crt0.o, and says how to compile and link user programs:
#
#   USER_CFLAGS, USER_LDFLAGS    flags for user-space code and its link
#   $(BUILD)/u/PATH.o            any user-space PATH.c, compiled
#   $(call user_prog,OUT,SRCS)   a rule linking program OUT from C files SRCS;
#                                use it as $(eval $(call user_prog,...))
#
# Headers: -nostdinc keeps the host's C library headers out; libc/include
# comes first, then the compiler's own freestanding headers (stddef.h,
# stdint.h, stdarg.h, stdbool.h...), from `$(CC) -print-file-name=include`.
# That works for gcc, x86_64-elf-gcc and clang alike; -ffreestanding makes
# their stdint.h stand alone instead of including the C library's.

LIBC_A      := $(BUILD)/libc/libc.a
LIBC_CRT0   := $(BUILD)/libc/crt0.o
USER_AR     := $(if $(filter x86_64-elf-gcc,$(CC)),x86_64-elf-ar,ar)
USER_BASE   := 0x400000

USER_CFLAGS := -std=gnu11 -O2 -g $(WARN) -ffreestanding -fno-pie \
               -fno-stack-protector -fno-common \
               -nostdinc -Ilibc/include -isystem $(shell $(CC) -print-file-name=include)
USER_LDFLAGS := -static -nostdlib -no-pie -e _start -z noexecstack \
                -z max-page-size=0x1000 -Ttext-segment=$(USER_BASE)

LIBC_OBJ := $(patsubst %.c,$(BUILD)/u/%.o,$(wildcard libc/*.c)) \
            $(patsubst %.S,$(BUILD)/%.o,$(filter-out libc/crt0.S,$(wildcard libc/*.S)))

$(BUILD)/u/%.o: %.c libc/libc.mk
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(USER_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libc/%.o: libc/%.S libc/libc.mk
	@mkdir -p $(@D)
	@echo "  AS      $<"
	@$(CC) $(USER_CFLAGS) -MMD -MP -c $< -o $@

$(LIBC_A): $(LIBC_OBJ)
	@echo "  AR      $@"
	@rm -f $@ && $(USER_AR) rcs $@ $^

# crt0.o first, so that _start begins the text; libc.a last, so that it
# supplies what the program's objects call.
define user_prog
$(1): $(LIBC_CRT0) $(patsubst %.c,$(BUILD)/u/%.o,$(2)) $(LIBC_A)
	@mkdir -p $$(@D)
	@echo "  LD      $$@"
	@$$(LD) $$(USER_LDFLAGS) -o $$@ $$^
endef

# The libc tests (tests/libc-host.sh runs them).
$(eval $(call user_prog,$(BUILD)/tests/libctest,tests/libc/libctest.c))

-include $(LIBC_OBJ:.o=.d) $(LIBC_CRT0:.o=.d) $(BUILD)/u/tests/libc/libctest.d
