build-clang/k/tests/kernel/loadavg.o: tests/kernel/loadavg.c \
  tests/ktest.h kernel/sched.h

tests/ktest.h:

kernel/sched.h:
