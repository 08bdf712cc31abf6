build-clang/k/mm/pgtable.o: mm/pgtable.c mm/pgtable.h mm/layout.h \
  mm/frame.h

mm/pgtable.h:

mm/layout.h:

mm/frame.h:
