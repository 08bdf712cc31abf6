#!/usr/bin/env python3
"""Writes the crafted executables that tests/user/exec_elf.c runs.

usage: exec_elf.py PREFIX    (writes PREFIX.top, PREFIX.overlap, ...)

Each file is a static x86-64 ELF executable made from scratch: an ELF
header, program headers, and a few instructions at CODE_OFF.  A text
PT_LOAD maps the whole file at TEXT_VADDR (offset 0), readable and
executable; the other PT_LOADs are each file's point.  A program that runs
checks what it finds in memory and exits with RAN_STATUS if all is as the
ELF specification says (any other status if not).

  top      a data segment whose last byte is the last byte below 2^47, the
           top of the lower canonical half (a program with one section
           placed at 0x7ffffffffff0 is like this)
  overlap  two segments that share a page, listed out of address order:
           A (read-write, at 0x600800, 0x3000 bytes) before B (at 0x600000,
           0x800 bytes); the program reads both and writes A's last page
  empty    a segment of no bytes (p_memsz 0) at 0x700000
"""
import struct
import sys

ELF_HEADER = "<16sHHIQQQIHHHHHH"
PHDR = "<IIQQQQQQ"
EHDR_SIZE = struct.calcsize(ELF_HEADER)
PHDR_SIZE = struct.calcsize(PHDR)

ET_EXEC, EM_X86_64, EV_CURRENT = 2, 62, 1
IDENT = b"\x7fELF" + bytes([2, 1, EV_CURRENT])     # 64-bit, little-endian
PT_LOAD = 1
PF_X, PF_W, PF_R = 1, 2, 4
PAGE = 0x1000

TEXT_VADDR = 0x400000
CODE_OFF = 0x200
ENTRY = TEXT_VADDR + CODE_OFF
RAN_STATUS = 42                 # tests/user/exec_elf.c
SYS_FORK, SYS_WAIT4, SYS_EXIT = 57, 61, 60

CANONICAL_TOP = 1 << 47         # x86-64's lower half ends here
TOP_SIZE = 0x10

A_VADDR, A_OFF, A_FILESZ, A_MEMSZ = 0x600800, 0x800, 0x10, 0x3000
B_VADDR, B_OFF, B_SIZE = 0x600000, 0x0, 0x800
A_MARK = 0x5a                   # A's first file byte
A_WRITE = A_VADDR + A_MEMSZ - 0x10      # in A's last page, which B does not share
A_BSS = A_VADDR + A_FILESZ + PAGE       # in A's zero-filled part
WRITTEN = 0x33

EMPTY_VADDR = 0x700000


def mov_rax(imm):
    return b"\x48\xb8" + struct.pack("<Q", imm)         # mov rax, imm64


def expect_byte(addr, want):
    """edi |= byte [addr] ^ want"""
    return (mov_rax(addr) + b"\x0f\xb6\x08" +           # movzx ecx, byte [rax]
            b"\x83\xf1" + bytes([want]) +               # xor ecx, want
            b"\x09\xcf")                                # or edi, ecx


def store_byte(addr, value):
    return mov_rax(addr) + b"\xc6\x00" + bytes([value])  # mov byte [rax], value


def syscall(nr):
    return b"\xb8" + struct.pack("<I", nr) + b"\x0f\x05"  # mov eax, nr; syscall


def fork_and_wait():
    """Forks (the fork walks the whole address space); the parent waits
    for the child, then both go on."""
    wait = (b"\xbf\xff\xff\xff\xff" +                 # mov edi, -1
            b"\x31\xf6\x31\xd2\x45\x31\xd2" +          # rsi, rdx, r10 = 0
            syscall(SYS_WAIT4))
    return (syscall(SYS_FORK) + b"\x85\xc0" +          # test eax, eax
            b"\x74" + bytes([len(wait)]) + wait)        # jz past the wait


def program(body):
    """Forks, then runs body (which ORs any mismatch into edi) in parent and
    child, which exit with RAN_STATUS if edi is 0, another status if not."""
    return (fork_and_wait() + b"\x31\xff" + body +     # xor edi, edi
            b"\x83\xc7" + bytes([RAN_STATUS]) +         # add edi, RAN_STATUS
            syscall(SYS_EXIT))


def elf(loads, code, size):
    """An executable of `size` bytes: the text PT_LOAD first, then loads,
    which are (flags, offset, vaddr, filesz, memsz)."""
    phdrs = [(PF_R | PF_X, 0, TEXT_VADDR, size, size)] + loads
    image = bytearray(size)
    image[0:EHDR_SIZE] = struct.pack(
        ELF_HEADER, IDENT, ET_EXEC, EM_X86_64, EV_CURRENT, ENTRY, EHDR_SIZE,
        0, 0, EHDR_SIZE, PHDR_SIZE, len(phdrs), 0, 0, 0)
    for i, (flags, off, vaddr, filesz, memsz) in enumerate(phdrs):
        at = EHDR_SIZE + i * PHDR_SIZE
        image[at:at + PHDR_SIZE] = struct.pack(
            PHDR, PT_LOAD, flags, off, vaddr, vaddr, filesz, memsz, PAGE)
    assert EHDR_SIZE + len(phdrs) * PHDR_SIZE <= CODE_OFF
    image[CODE_OFF:CODE_OFF + len(code)] = code
    return image


def top():
    data = (PF_R | PF_W, 0, CANONICAL_TOP - TOP_SIZE, 0, TOP_SIZE)
    return elf([data], program(b""), PAGE)


def overlap():
    a = (PF_R | PF_W, A_OFF, A_VADDR, A_FILESZ, A_MEMSZ)
    b = (PF_R | PF_W, B_OFF, B_VADDR, B_SIZE, B_SIZE)
    body = (expect_byte(A_VADDR, A_MARK) + expect_byte(B_VADDR, IDENT[0]) +
            expect_byte(A_BSS, 0) + store_byte(A_WRITE, WRITTEN) +
            expect_byte(A_WRITE, WRITTEN))
    image = elf([a, b], program(body), PAGE)
    image[A_OFF] = A_MARK
    return image


def empty():
    return elf([(PF_R | PF_W, 0, EMPTY_VADDR, 0, 0)], program(b""), PAGE)


def main():
    prefix = sys.argv[1]
    for name, make in (("top", top), ("overlap", overlap), ("empty", empty)):
        with open(prefix + "." + name, "wb") as f:
            f.write(make())


main()
