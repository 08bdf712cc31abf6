# User programs: user/NAME.c, or a directory user/NAME/ of C files, becomes
# $(BUILD)/bin/NAME.  USER_BINS lists them all; `make user` builds them.
# Needs libc/libc.mk (user_prog) included first.

USER_NAMES := $(basename $(notdir $(wildcard user/*.c))) \
              $(notdir $(patsubst %/,%,$(wildcard user/*/)))
USER_BINS  := $(USER_NAMES:%=$(BUILD)/bin/%)

$(foreach p,$(USER_NAMES),\
	$(eval $(call user_prog,$(BUILD)/bin/$(p),$(wildcard user/$(p).c user/$(p)/*.c))))

.PHONY: user
user: $(USER_BINS)

-include $(patsubst %.c,$(BUILD)/u/%.d,$(wildcard user/*.c user/*/*.c))
