/*
 * ELF64 executables: the file format's headers (as the ELF specification
 * names them) and elf_check, which vets an image before exec loads it.
 */
#ifndef KERNEL_ELF_H
#define KERNEL_ELF_H

#include <stddef.h>
#include <stdint.h>
#include "mm/mm.h"

#define EI_NIDENT       16
#define EI_CLASS        4               /* indexes into e_ident */
#define EI_DATA         5
#define EI_VERSION      6
#define ELFMAG          "\177ELF"
#define SELFMAG         4
#define ELFCLASS64      2
#define ELFDATA2LSB     1               /* little-endian */
#define EV_CURRENT      1
#define ET_EXEC         2               /* e_type: a fixed-address executable */
#define EM_X86_64       62

#define PT_LOAD         1               /* p_type */
#define PT_INTERP       3
#define PT_PHDR         6
#define PF_X            1               /* p_flags */
#define PF_W            2
#define PF_R            4

struct elf64_ehdr {
	uint8_t e_ident[EI_NIDENT];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint64_t e_entry;
	uint64_t e_phoff;               /* where the program headers are in the file */
	uint64_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;
	uint16_t e_phnum;
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
};

struct elf64_phdr {
	uint32_t p_type;
	uint32_t p_flags;
	uint64_t p_offset;
	uint64_t p_vaddr;
	uint64_t p_paddr;
	uint64_t p_filesz;
	uint64_t p_memsz;
	uint64_t p_align;
};

/* Segments end low enough for the heap's first page (exec puts it right
 * after them) to fit below the mmap area and the stack's guard gap. */
#define ELF_SEGMENTS_TOP (MMAP_TOP - PAGE_SIZE)
#define ELF_MAX_SEGMENTS 8               /* PT_LOADs of one or more bytes */

/* A PT_LOAD segment: file bytes [offset, offset + filesz) go to vaddr, and
 * zeros fill the rest up to vaddr + memsz. */
struct elf_segment {
	uint64_t vaddr, memsz;
	uint64_t offset, filesz;
	int prot;                       /* PROT_* of mm/mm.h */
};

/* What exec needs from a checked image. */
struct elf_image {
	uint64_t entry;
	uint64_t phdr;                  /* the program headers' user address (AT_PHDR), or 0 */
	uint64_t phnum, phentsize;      /* for AT_PHNUM, AT_PHENT */
	uint64_t end;                   /* the highest end of a PT_LOAD: the heap starts there */
	int nsegs;
	struct elf_segment seg[ELF_MAX_SEGMENTS];
};

/*
 * Checks that image[0, size) is a static x86-64 executable we can load and
 * fills *out: 0, or -ENOEXEC.  Reads nothing outside the image, whatever it
 * holds.
 */
int elf_check(const void *image, size_t size, struct elf_image *out);

#endif
