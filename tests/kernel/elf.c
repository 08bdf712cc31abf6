/*
 * Checking ELF executables (kernel/elf.c).  The tests assemble a small
 * image in memory, then spoil one thing at a time:
 *
 *   0x000  ELF header
 *   0x040  program headers: PT_PHDR, text PT_LOAD, data PT_LOAD, PT_NOTE,
 *          room for more
 *   0x300  data: file bytes at the same place in their page as the data's
 *          address (as mmap needs), then bss
 *   0x320  end of file
 *
 * The text segment maps the file from offset 0 and so holds the headers.
 */
#include <string.h>
#include "tests/ktest.h"
#include "kernel/elf.h"
#include "kernel/errno.h"
#include "mm/layout.h"
#include "mm/mm.h"

#define ELFCLASS32      1               /* values we must refuse */
#define ELFDATA2MSB     2
#define ET_DYN          3
#define EM_386          3
#define PT_NOTE         4

#define PH_OFF          0x40
#define PH_ROOM         12
#define PH_PHDR         0               /* which program header is which */
#define PH_TEXT         1
#define PH_DATA         2
#define PH_NOTE         3
#define PH_NUM          4

#define TEXT_VADDR      0x400000UL
#define TEXT_SIZE       0x300UL
#define ENTRY           (TEXT_VADDR + 0x80)
#define DATA_OFF        TEXT_SIZE
#define DATA_VADDR      (0x402000UL + DATA_OFF)
#define DATA_FILESZ     0x20UL
#define DATA_MEMSZ      0x2000UL
#define IMAGE_SIZE      (DATA_OFF + DATA_FILESZ)
#define FILL            0xcc            /* int3, as "code" */

static uint8_t image[IMAGE_SIZE] __attribute__((aligned(8)));
static struct elf_image out;

static struct elf64_ehdr *ehdr(void)
{
	return (struct elf64_ehdr *)image;
}

static struct elf64_phdr *phdr(int i)
{
	return (struct elf64_phdr *)(image + PH_OFF) + i;
}

static void set_phdr(int i, uint32_t type, uint32_t flags, uint64_t off, uint64_t vaddr,
		     uint64_t filesz, uint64_t memsz)
{
	*phdr(i) = (struct elf64_phdr){
		.p_type = type, .p_flags = flags, .p_offset = off, .p_vaddr = vaddr,
		.p_filesz = filesz, .p_memsz = memsz, .p_align = PAGE_SIZE,
	};
}

/* A valid static executable in image[]. */
static void build(void)
{
	struct elf64_ehdr *eh = ehdr();

	memset(image, FILL, sizeof(image));
	memset(eh, 0, sizeof(*eh));
	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_type = ET_EXEC;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_entry = ENTRY;
	eh->e_phoff = PH_OFF;
	eh->e_ehsize = sizeof(*eh);
	eh->e_phentsize = sizeof(struct elf64_phdr);
	eh->e_phnum = PH_NUM;
	set_phdr(PH_PHDR, PT_PHDR, PF_R, PH_OFF, TEXT_VADDR + PH_OFF,
		 PH_NUM * sizeof(struct elf64_phdr), PH_NUM * sizeof(struct elf64_phdr));
	set_phdr(PH_TEXT, PT_LOAD, PF_R | PF_X, 0, TEXT_VADDR, TEXT_SIZE, TEXT_SIZE);
	set_phdr(PH_DATA, PT_LOAD, PF_R | PF_W, DATA_OFF, DATA_VADDR, DATA_FILESZ, DATA_MEMSZ);
	set_phdr(PH_NOTE, PT_NOTE, PF_R, 0, 0, 0, 0);
}

static int check(void)
{
	return elf_check(image, sizeof(image), &out);
}

KTEST(elf, valid)
{
	build();
	KEXPECT_EQ(check(), 0);
	KEXPECT_EQ(out.entry, ENTRY);
	KEXPECT_EQ(out.phdr, TEXT_VADDR + PH_OFF);
	KEXPECT_EQ(out.phnum, PH_NUM);
	KEXPECT_EQ(out.phentsize, sizeof(struct elf64_phdr));
	KEXPECT_EQ(out.nsegs, 2);
	KEXPECT_EQ(out.seg[0].vaddr, TEXT_VADDR);
	KEXPECT_EQ(out.seg[0].memsz, TEXT_SIZE);
	KEXPECT_EQ(out.seg[0].offset, 0);
	KEXPECT_EQ(out.seg[0].filesz, TEXT_SIZE);
	KEXPECT_EQ(out.seg[0].prot, PROT_READ | PROT_EXEC);
	KEXPECT_EQ(out.seg[1].vaddr, DATA_VADDR);
	KEXPECT_EQ(out.seg[1].memsz, DATA_MEMSZ);
	KEXPECT_EQ(out.seg[1].offset, DATA_OFF);
	KEXPECT_EQ(out.seg[1].filesz, DATA_FILESZ);
	KEXPECT_EQ(out.seg[1].prot, PROT_READ | PROT_WRITE);
}

/* Without PT_PHDR the address comes from the PT_LOAD holding the headers. */
KTEST(elf, phdr_address)
{
	build();
	phdr(PH_PHDR)->p_type = PT_NOTE;
	KEXPECT_EQ(check(), 0);
	KEXPECT_EQ(out.phdr, TEXT_VADDR + PH_OFF);
	phdr(PH_TEXT)->p_filesz = PH_OFF;               /* no longer holds them */
	KEXPECT_EQ(check(), 0);
	KEXPECT_EQ(out.phdr, 0);
}

/* Every length short of the whole image is refused.  The bytes past the
 * cut are still the valid image's, so a read beyond size would pass. */
KTEST(elf, truncated)
{
	int accepted = 0;

	build();
	for (size_t len = 0; len < sizeof(image); len++)
		accepted += elf_check(image, len, &out) != -ENOEXEC;
	KEXPECT_EQ(accepted, 0);
	KEXPECT_EQ(elf_check(image, sizeof(image), &out), 0);
}

KTEST(elf, bad_header)
{
	build();
	ehdr()->e_ident[0] = 0;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	ehdr()->e_ident[EI_CLASS] = ELFCLASS32;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	ehdr()->e_ident[EI_DATA] = ELFDATA2MSB;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	ehdr()->e_ident[EI_VERSION] = 0;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	ehdr()->e_version = 0;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	ehdr()->e_machine = EM_386;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	ehdr()->e_type = ET_DYN;
	KEXPECT_EQ(check(), -ENOEXEC);
}

KTEST(elf, bad_program_headers)
{
	build();
	ehdr()->e_phentsize = sizeof(struct elf64_phdr) - 1;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	ehdr()->e_phoff = IMAGE_SIZE - sizeof(struct elf64_phdr) + 1;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	ehdr()->e_phoff = ~0UL;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	ehdr()->e_phnum = IMAGE_SIZE / sizeof(struct elf64_phdr);
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	phdr(PH_NOTE)->p_type = PT_INTERP;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	phdr(PH_TEXT)->p_type = PT_NOTE;
	phdr(PH_DATA)->p_type = PT_NOTE;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	ehdr()->e_phnum = 0;
	KEXPECT_EQ(check(), -ENOEXEC);
}

/* A segment's file bytes must lie in the file and fit in its memory. */
KTEST(elf, bad_file_range)
{
	build();
	phdr(PH_DATA)->p_filesz = DATA_MEMSZ + 1;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	phdr(PH_DATA)->p_filesz = DATA_FILESZ + 1;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	phdr(PH_DATA)->p_offset = IMAGE_SIZE + 1;
	phdr(PH_DATA)->p_filesz = 0;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	phdr(PH_DATA)->p_offset = ~0UL - DATA_FILESZ / 2;       /* offset + filesz wraps */
	KEXPECT_EQ(check(), -ENOEXEC);
}

/* Makes the data segment all zeros (no file bytes, so its address need not
 * match an offset) of memsz bytes at vaddr. */
static void bss_at(uint64_t vaddr, uint64_t memsz)
{
	phdr(PH_DATA)->p_filesz = 0;
	phdr(PH_DATA)->p_vaddr = vaddr;
	phdr(PH_DATA)->p_memsz = memsz;
}

/* A segment's memory must lie clear of page 0, and end low enough for the
 * heap's first page below the mmap area; no sum may wrap around. */
KTEST(elf, bad_address_range)
{
	static const struct { uint64_t vaddr, memsz; int ok; } cases[] = {
		{ 0, DATA_MEMSZ, 0 },
		{ PAGE_SIZE - 1, DATA_MEMSZ, 0 },
		{ PAGE_SIZE, DATA_MEMSZ, 1 },
		{ ~0UL - DATA_MEMSZ / 2, DATA_MEMSZ, 0 },               /* wraps */
		{ DATA_VADDR, ~0UL, 0 },
		{ ELF_SEGMENTS_TOP - DATA_MEMSZ, DATA_MEMSZ, 1 },       /* ends at the limit */
		{ ELF_SEGMENTS_TOP - DATA_MEMSZ + 1, DATA_MEMSZ, 0 },
		{ ELF_SEGMENTS_TOP, 1, 0 },
		{ MMAP_TOP - DATA_MEMSZ, DATA_MEMSZ, 0 },                /* no room for brk */
		{ STACK_TOP - DATA_MEMSZ, DATA_MEMSZ, 0 },               /* on the stack */
		{ USER_TOP - DATA_MEMSZ, DATA_MEMSZ, 0 },                /* ends at the top */
		{ USER_TOP, DATA_MEMSZ, 0 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		build();
		bss_at(cases[i].vaddr, cases[i].memsz);
		if (check() != (cases[i].ok ? 0 : -ENOEXEC))
			ktest_fail(__FILE__, __LINE__, "segment %#lx + %#lx: %s expected", cases[i].vaddr,
				   cases[i].memsz, cases[i].ok ? "accepted" : "refused");
	}
}

/* A segment of no bytes is checked but not loaded; its end still counts
 * for the heap, as in Linux. */
KTEST(elf, empty_segment)
{
	build();
	bss_at(0x700000, 0);
	KEXPECT_EQ(check(), 0);
	KEXPECT_EQ(out.nsegs, 1);
	KEXPECT_EQ(out.end, 0x700000);
	build();
	bss_at(USER_TOP, 0);
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	KEXPECT_EQ(check(), 0);
	KEXPECT_EQ(out.end, DATA_VADDR + DATA_MEMSZ);
}

/* File bytes must sit at the same place in a page as their address, or
 * no mmap could map them there. */
KTEST(elf, offset_alignment)
{
	build();
	phdr(PH_DATA)->p_vaddr += 1;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	phdr(PH_DATA)->p_vaddr += PAGE_SIZE;
	KEXPECT_EQ(check(), 0);
	build();
	phdr(PH_DATA)->p_offset -= 1;
	phdr(PH_DATA)->p_vaddr -= 1;
	KEXPECT_EQ(check(), 0);
}

/* Segments may overlap, in any order, as in Linux: a later one replaces
 * the pages of an earlier one.  The entry's page must be executable after
 * that. */
KTEST(elf, overlap)
{
	struct elf64_phdr text;

	build();
	phdr(PH_DATA)->p_vaddr = TEXT_VADDR + TEXT_SIZE - 1;   /* over the text's end */
	phdr(PH_DATA)->p_offset = TEXT_SIZE - 1;
	KEXPECT_EQ(check(), -ENOEXEC);                          /* and its entry page */
	text = *phdr(PH_TEXT);                                  /* the text last: */
	*phdr(PH_TEXT) = *phdr(PH_DATA);
	*phdr(PH_DATA) = text;
	KEXPECT_EQ(check(), 0);
	KEXPECT_EQ(out.seg[1].vaddr, TEXT_VADDR);
	build();
	bss_at(PAGE_ROUND_UP(ENTRY), PAGE_SIZE);                /* above: fine */
	KEXPECT_EQ(check(), 0);
	build();
	bss_at(PAGE_ROUND_DOWN(ENTRY), PAGE_SIZE);              /* over the entry */
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	bss_at(ENTRY + 1, PAGE_SIZE);
	phdr(PH_DATA)->p_flags |= PF_X;                         /* still not in its bytes */
	KEXPECT_EQ(check(), -ENOEXEC);
}

KTEST(elf, entry_must_be_executable)
{
	build();
	ehdr()->e_entry = DATA_VADDR;                   /* mapped, but not executable */
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	ehdr()->e_entry = TEXT_VADDR + TEXT_SIZE;       /* just past the text */
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	ehdr()->e_entry = 0;
	KEXPECT_EQ(check(), -ENOEXEC);
	build();
	ehdr()->e_entry = TEXT_VADDR + TEXT_SIZE - 1;
	KEXPECT_EQ(check(), 0);
}

/* ELF_MAX_SEGMENTS loads are fine; one more is refused. */
KTEST(elf, too_many_segments)
{
	int n = ELF_MAX_SEGMENTS - 2;                   /* the text and data are two */

	_Static_assert(PH_NUM + ELF_MAX_SEGMENTS - 1 <= PH_ROOM, "room for the headers");
	build();
	for (int i = 0; i <= n; i++)
		set_phdr(PH_NUM + i, PT_LOAD, PF_R, 0, DATA_VADDR + (i + 1) * DATA_MEMSZ, 0,
			 PAGE_SIZE);
	ehdr()->e_phnum = PH_NUM + n;
	KEXPECT_EQ(check(), 0);
	KEXPECT_EQ(out.nsegs, ELF_MAX_SEGMENTS);
	ehdr()->e_phnum = PH_NUM + n + 1;
	KEXPECT_EQ(check(), -ENOEXEC);
}
