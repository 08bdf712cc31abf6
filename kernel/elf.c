/*
 * Vetting a static ELF64 executable before exec loads it.
 *
 *   file offset 0  +--------------------+
 *                  | ELF header         |  e_entry, e_phoff, e_phnum, ...
 *      e_phoff     +--------------------+
 *                  | program headers    |  e_phnum of them; a PT_LOAD one says
 *                  |                    |  "file bytes [p_offset, +p_filesz) go
 *                  +--------------------+  to p_vaddr, zeros fill to p_memsz"
 *                  | code, data, ...    |
 *                  +--------------------+
 *                  | section headers    |  for linkers and debuggers; unused
 *
 * The image comes from the root file system, which anyone can fill, so
 * nothing in it is trusted: every offset and size is checked against the
 * image's size, and every address against user space, before use.  Headers
 * are copied out with memcpy because a file in the archive is only 4-byte
 * aligned.  What passes is summed up in struct elf_image, so that exec
 * never reads a header itself.
 *
 * The rules are Linux's (docs/syscalls.md lists them), but all are checked
 * here, before exec touches the caller's image: Linux finds a bad segment
 * only while mapping it, past its point of no return, and kills the
 * process with SIGSEGV; forklab refuses the exec with ENOEXEC instead.
 * Segments may come in any order and may overlap: as in Linux, where a
 * later segment maps a page, it replaces what an earlier one put there.
 */
#include <string.h>
#include "kernel/elf.h"
#include "kernel/errno.h"
#include "mm/layout.h"
#include "mm/mm.h"

#define LOWEST_VADDR    PAGE_SIZE       /* page 0 stays unmapped to catch NULL */
/* Linux reads at most one page of program headers. */
#define PHDRS_MAX       (PAGE_SIZE / sizeof(struct elf64_phdr))

static int ident_ok(const struct elf64_ehdr *eh)
{
	return !memcmp(eh->e_ident, ELFMAG, SELFMAG) &&
	       eh->e_ident[EI_CLASS] == ELFCLASS64 &&
	       eh->e_ident[EI_DATA] == ELFDATA2LSB &&
	       eh->e_ident[EI_VERSION] == EV_CURRENT;
}

/* Is the ELF header one of ours, with its program headers inside the file? */
static int header_ok(const struct elf64_ehdr *eh, size_t size)
{
	return ident_ok(eh) &&
	       eh->e_version == EV_CURRENT &&
	       eh->e_machine == EM_X86_64 &&
	       eh->e_type == ET_EXEC &&
	       eh->e_phentsize == sizeof(struct elf64_phdr) &&
	       eh->e_phnum > 0 && eh->e_phnum <= PHDRS_MAX &&
	       eh->e_phoff <= size &&
	       (size_t)eh->e_phnum * eh->e_phentsize <= size - eh->e_phoff;
}

/* Do the segment's file bytes lie in the file, at an offset that mmap
 * could map at its address (the same place in a page), and its memory in
 * [LOWEST_VADDR, ELF_SEGMENTS_TOP)?  Written so that no sum can overflow. */
static int segment_ok(const struct elf64_phdr *ph, size_t size)
{
	return ph->p_filesz <= ph->p_memsz &&
	       ph->p_offset <= size && ph->p_filesz <= size - ph->p_offset &&
	       (!ph->p_filesz || !((ph->p_vaddr - ph->p_offset) & ~PAGE_MASK)) &&
	       ph->p_vaddr >= LOWEST_VADDR && ph->p_vaddr <= ELF_SEGMENTS_TOP &&
	       ph->p_memsz <= ELF_SEGMENTS_TOP - ph->p_vaddr;
}

static int prot_of(uint32_t flags)
{
	return (flags & PF_R ? PROT_READ : 0) |
	       (flags & PF_W ? PROT_WRITE : 0) |
	       (flags & PF_X ? PROT_EXEC : 0);
}

/* A segment of no bytes maps nothing, but its end counts for the heap's
 * start, as in Linux. */
static int add_segment(struct elf_image *img, const struct elf64_phdr *ph, size_t size)
{
	struct elf_segment *s = &img->seg[img->nsegs];

	if (!segment_ok(ph, size))
		return -ENOEXEC;
	if (ph->p_vaddr + ph->p_memsz > img->end)
		img->end = ph->p_vaddr + ph->p_memsz;
	if (!ph->p_memsz)
		return 0;
	if (img->nsegs == ELF_MAX_SEGMENTS)
		return -ENOEXEC;
	s->vaddr = ph->p_vaddr;
	s->memsz = ph->p_memsz;
	s->offset = ph->p_offset;
	s->filesz = ph->p_filesz;
	s->prot = prot_of(ph->p_flags);
	img->nsegs++;
	return 0;
}

/* Collects the PT_LOAD segments and PT_PHDR's address; refuses PT_INTERP,
 * which asks for a dynamic linker we do not have. */
static int scan_phdrs(const char *image, size_t size, const struct elf64_ehdr *eh,
		      struct elf_image *img)
{
	struct elf64_phdr ph;

	for (int i = 0; i < eh->e_phnum; i++) {
		memcpy(&ph, image + eh->e_phoff + (size_t)i * sizeof(ph), sizeof(ph));
		if (ph.p_type == PT_INTERP)
			return -ENOEXEC;
		if (ph.p_type == PT_PHDR)
			img->phdr = ph.p_vaddr;
		if (ph.p_type == PT_LOAD && add_segment(img, &ph, size) < 0)
			return -ENOEXEC;
	}
	return 0;
}

/* Is the entry point inside an executable segment's bytes, and is that
 * segment the last to map the entry's page (a later one replaces it)? */
static int entry_executable(const struct elf_image *img)
{
	uint64_t page = PAGE_ROUND_DOWN(img->entry);

	for (int i = img->nsegs - 1; i >= 0; i--) {
		const struct elf_segment *s = &img->seg[i];

		if (page < PAGE_ROUND_DOWN(s->vaddr) || page >= PAGE_ROUND_UP(s->vaddr + s->memsz))
			continue;
		return (s->prot & PROT_EXEC) && img->entry >= s->vaddr &&
		       img->entry - s->vaddr < s->memsz;
	}
	return 0;
}

/* Without PT_PHDR, the program headers' address is where a PT_LOAD that
 * holds them in its file bytes puts them; 0 if none does. */
static uint64_t phdr_from_load(const struct elf_image *img, const struct elf64_ehdr *eh)
{
	uint64_t len = (uint64_t)eh->e_phnum * eh->e_phentsize;

	for (int i = 0; i < img->nsegs; i++) {
		const struct elf_segment *s = &img->seg[i];

		if (eh->e_phoff >= s->offset && eh->e_phoff - s->offset <= s->filesz &&
		    len <= s->filesz - (eh->e_phoff - s->offset))
			return s->vaddr + (eh->e_phoff - s->offset);
	}
	return 0;
}

int elf_check(const void *image, size_t size, struct elf_image *out)
{
	struct elf64_ehdr eh;

	if (size < sizeof(eh))
		return -ENOEXEC;
	memcpy(&eh, image, sizeof(eh));
	if (!header_ok(&eh, size))
		return -ENOEXEC;
	memset(out, 0, sizeof(*out));
	out->entry = eh.e_entry;
	out->phnum = eh.e_phnum;
	out->phentsize = eh.e_phentsize;
	if (scan_phdrs(image, size, &eh, out) < 0)
		return -ENOEXEC;
	if (out->nsegs == 0 || !entry_executable(out))
		return -ENOEXEC;
	if (!out->phdr)
		out->phdr = phdr_from_load(out, &eh);
	return 0;
}
