build-clang/k/tests/kernel/frames.o: tests/kernel/frames.c tests/ktest.h \
  mm/frame.h mm/layout.h

tests/ktest.h:

mm/frame.h:

mm/layout.h:
