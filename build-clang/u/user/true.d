build-clang/u/user/true.o: user/true.c
