build-clang/k/tests/kernel/poll.o: tests/kernel/poll.c tests/ktest.h \
  kernel/file.h kernel/uapi.h kernel/pipe.h kernel/poll.h

tests/ktest.h:

kernel/file.h:

kernel/uapi.h:

kernel/pipe.h:

kernel/poll.h:
