build-x/u/user/true.o: user/true.c
