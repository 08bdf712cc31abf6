"""
Reading forklab's state from gdb: processes, VMAs, page tables, struct
page and the fault trace.

Everything is read from the guest's memory through gdb, the way the kernel
reads it itself:

  - kernel variables by their symbols (`cpus`, `pages`, `fault_trace`;
    `current` is the selected CPU's cpus[i].proc, found by its GS base);
    the process table is file-static, so it is named with its file:
    'kernel/proc.c'::table;
  - page tables through the direct map: physical address p is at
    DMAP_BASE + p in every address space (mm/layout.h), so a table can be
    read whichever process is running, and whether the CPU stopped in
    kernel or user mode.

Nothing is cached: each command reads anew, so the helpers work at any
stop once paging is on (from kmain on), under TCG and KVM alike.

C macros are not in the debug information: the few needed are copied below
from their headers.  Enums are (fault_action, the PG_* flags, proc_state,
vma_kind), and so are read from the kernel, as are the names /proc uses.
"""
import collections
import struct

import gdb

import fl_tree

# mm/layout.h
PAGE_SHIFT = 12
PAGE_SIZE = 1 << PAGE_SHIFT
PMD_SIZE = 1 << 21              # what one PTE table maps
DMAP_BASE = 0xffff800000000000

# mm/pgtable.h
PT_ENTRIES = 512
PT_LEVEL_BITS = 9
PTE_P = 1 << 0                  # present
PTE_W = 1 << 1                  # writable
PTE_U = 1 << 2                  # user may access
PTE_A = 1 << 5                  # accessed
PTE_D = 1 << 6                  # dirty
PTE_PS = 1 << 7                 # pud/pmd: maps a 1 GiB / 2 MiB page
PTE_G = 1 << 8                  # global
PTE_NX = 1 << 63                # no execute
PTE_ADDR = 0x000ffffffffff000
PTE_FLAGS = (("P", PTE_P), ("W", PTE_W), ("U", PTE_U), ("A", PTE_A),
             ("D", PTE_D), ("PS", PTE_PS), ("G", PTE_G), ("NX", PTE_NX))
PT_PTE, PT_PMD, PT_PUD, PT_PGD = 1, 2, 3, 4
LEVEL_NAMES = {PT_PGD: "pgd", PT_PUD: "pud", PT_PMD: "pmd", PT_PTE: "pte"}

# mm/pgtable.h: pgd entries 0..255 are the process's, 256..511 the kernel's.
USER_PTRS_PER_PGD = PT_ENTRIES // 2

# mm/mm.h
PROT_READ, PROT_WRITE, PROT_EXEC = 0x1, 0x2, 0x4

# arch/trap.h: bits of the page-fault error code
PF_WRITE = 1 << 1
PF_USER = 1 << 2
PF_INSTR = 1 << 4


def value(expr):
    """A kernel expression's value, as gdb's `print` sees it."""
    return gdb.parse_and_eval(expr)


def enum_name(v, prefix):
    """An enum value's name, without its prefix, in lower case:
    VMA_STACK -> "stack"."""
    return str(v).removeprefix(prefix).lower()


def enum_bits(bits, first_enumerator, prefix):
    """The names of the bits set in `bits`, from the enum that holds
    `first_enumerator` (PG_RESERVED, say): "USER CHECKED"."""
    fields = value(first_enumerator).type.fields()
    names = [f.name.removeprefix(prefix) for f in fields if bits & f.enumval]
    return " ".join(names) or "-"


# Page tables ------------------------------------------------------------

def pt_span(level):
    """How much address space one entry of a table of `level` maps:
    4 KiB for a PTE, 2 MiB for a pmd entry, ..."""
    return PAGE_SIZE << (PT_LEVEL_BITS * (level - 1))


def pt_index(va, level):
    """The index of va's entry in a table of `level` (as in pgtable.h)."""
    return va // pt_span(level) % PT_ENTRIES


def read_table(phys):
    """The 512 entries of the page table in the frame at `phys`."""
    data = gdb.selected_inferior().read_memory(DMAP_BASE + phys, PAGE_SIZE)
    return struct.unpack("<%dQ" % PT_ENTRIES, bytes(data))


def read_entry(phys, index):
    """One entry of the page table at `phys`."""
    data = gdb.selected_inferior().read_memory(DMAP_BASE + phys + 8 * index, 8)
    return struct.unpack("<Q", bytes(data))[0]


def entry_flags(e):
    """An entry's flags as text: "P W U A D NX"."""
    return " ".join(name for name, bit in PTE_FLAGS if e & bit)


def pte_pa(e):
    """The physical address an entry points at (as in pgtable.h)."""
    return e & PTE_ADDR


def pgd_phys(mm):
    """The physical address of an mm's pgd (mm->pgd is a direct-map address)."""
    return int(mm["pgd"]) - DMAP_BASE


Step = collections.namedtuple("Step", "level index entry")


def walk(mm, va):
    """The entries on va's path, pgd first; ends at a missing entry or
    one that maps a huge page."""
    steps, table = [], pgd_phys(mm)
    for level in (PT_PGD, PT_PUD, PT_PMD, PT_PTE):
        index = pt_index(va, level)
        e = read_entry(table, index)
        steps.append(Step(level, index, e))
        if not e & PTE_P or e & PTE_PS:
            break
        table = pte_pa(e)
    return steps


def tables(mm):
    """Every user page table of mm: yields (level, va, phys), where level is
    the table's own (PT_PGD for the pgd ... PT_PTE for a PTE table) and va
    the first address it maps.  Only the pgd's user half is followed."""
    def below(level, va, phys):
        yield level, va, phys
        if level == PT_PTE:
            return
        entries = read_table(phys)
        for i in range(USER_PTRS_PER_PGD if level == PT_PGD else PT_ENTRIES):
            if entries[i] & PTE_P:
                yield from below(level - 1, va + i * pt_span(level), pte_pa(entries[i]))
    yield from below(PT_PGD, 0, pgd_phys(mm))


def pagetree(mm):
    """mm's page tables as lines of /proc/<pid>/pagetree (kernel/pagetree.c):
    a line per table, with the entry pointing at it, frame and count, a PTE
    table's entries folded into how many pages it maps and how many PTEs
    allow writes."""
    out = []

    def below(entry, index, level):
        phys = pte_pa(entry)
        ref = page_ref(phys)
        line = "%s[%d] %s %s frame %#x ref %d" % (
            " " * 2 * (PT_PGD - level), index, "rw" if entry & PTE_W else "ro",
            LEVEL_NAMES[level], phys >> PAGE_SHIFT, ref)
        entries = read_table(phys)
        if ref > 1:
            line += " shared"
        if level == PT_PTE:
            present = [e for e in entries if e & PTE_P]
            line += ": %s, %d writable" % (
                fl_tree.pages(len(present)), len([e for e in present if e & PTE_W]))
        out.append(line)
        for i in range(PT_ENTRIES if level > PT_PTE else 0):
            if entries[i] & PTE_P and not entries[i] & PTE_PS:
                below(entries[i], i, level - 1)

    pgd = pgd_phys(mm)
    out.append("pgd frame %#x ref %d" % (pgd >> PAGE_SHIFT, page_ref(pgd)))
    for i, e in enumerate(read_table(pgd)[:USER_PTRS_PER_PGD]):
        if e & PTE_P:
            below(e, i, PT_PUD)
    return out


# struct page ------------------------------------------------------------

def page(pfn):
    """The struct page of frame number pfn (mm/frame.h)."""
    if not 0 <= pfn < int(value("npages")):
        raise gdb.GdbError("no frame %#x: frame numbers are below npages (%#x)"
                           % (pfn, int(value("npages"))))
    return value("pages")[pfn]


def page_ref(phys):
    """struct page.ref of the frame at phys."""
    return int(page(phys >> PAGE_SHIFT)["ref"])


def page_flags(pg):
    """A struct page's flags as text: "USER"."""
    return enum_bits(int(pg["flags"]), "PG_RESERVED", "PG_")


# Processes and address spaces -------------------------------------------

def processes():
    """The processes in the table (kernel/proc.c), in slot order."""
    table = value("'kernel/proc.c'::table")
    first, last = table.type.range()
    for slot in range(first, last + 1):
        p = table[slot]
        if int(p) and enum_name(p["state"], "") != "unused":
            yield p.dereference()


ADDRESS_MASK = (1 << 64) - 1    # gdb shows registers as signed


def this_cpu():
    """forklab's struct cpu of the selected gdb thread (QEMU shows each CPU
    as one): the one its GS base points at, or its kernel GS base in user
    mode (swapgs trades them); None before forklab set it."""
    cpus, count = value("cpus"), int(value("ncpus"))
    size, first = cpus[0].type.sizeof, int(cpus[0].address)
    for name in ("gs_base", "k_gs_base"):
        try:
            base = int(value("$" + name)) & ADDRESS_MASK
        except gdb.error:
            continue
        if first <= base < first + count * size and (base - first) % size == 0:
            return cpus[(base - first) // size]
    return None


def current():
    """The kernel's `current`: what the selected CPU runs (a null pointer
    in its scheduler loop)."""
    c = this_cpu()
    return c["proc"] if c is not None else value("(struct proc *)0")


def find_process(pid=None):
    """The process with that pid, or `current` when pid is None."""
    if pid is None:
        p = current()
        if not int(p):
            raise gdb.GdbError("no current process (stopped outside any): give a pid")
        return p.dereference()
    for p in processes():
        if int(p["pid"]) == pid:
            return p
    raise gdb.GdbError("no process with pid %d" % pid)


def describe(p):
    """A process in words: "pid 3 (odf_break)"."""
    return "pid %d (%s)" % (int(p["pid"]), p["name"].string())


def process_mm(p):
    """A process's struct mm; an error for one without (a zombie)."""
    if not int(p["mm"]):
        raise gdb.GdbError("%s has no address space: it has exited" % describe(p))
    return p["mm"].dereference()


def fork_mode(p):
    """The name of a process's fork mode: "odf"."""
    return value("fork_mode_names")[int(p["attr"]["fork_mode"])].string()


def vmas(mm):
    """An address space's VMAs, in address order."""
    v = mm["vmas"]
    while int(v):
        yield v.dereference()
        v = v["next"]


def prot_text(prot):
    """PROT_* bits as "rwx", "r-x", ..."""
    return "".join(c if prot & bit else "-" for c, bit in
                   (("r", PROT_READ), ("w", PROT_WRITE), ("x", PROT_EXEC)))


def table_users():
    """Who reaches each table below a pgd: {phys: [pid, ...]} over every
    process with an address space, pids in slot order."""
    users = collections.defaultdict(list)
    for p in processes():
        if int(p["mm"]):
            for level, _, phys in tables(p["mm"].dereference()):
                if level != PT_PGD:
                    users[phys].append(int(p["pid"]))
    return users


def is_kernel_address(va):
    """Does va lie in the kernel's half, mapped alike in every process?"""
    return pt_index(va, PT_PGD) >= USER_PTRS_PER_PGD


SharedTable = collections.namedtuple("SharedTable", "va phys ref level")
Usage = collections.namedtuple("Usage", "rss pt_private shared table_frames page_frames")


def usage(mm):
    """What mm_usage() (mm/mm.c) counts, recounted from the tables:
    rss, the present PTEs reached through mm's pmd entries, shared tables
    included; pt_private, the tables whose ref is 1 and that no shared
    table is above; shared, the tables whose ref is more, at any level
    (SharedTable each; hodf shares pud and pmd tables, mm/hodf.c).  Also
    the sets of table and page frames seen, for totals over processes."""
    rss, pt_private, shared = 0, 0, []
    table_frames, page_frames = set(), set()
    below_shared = []               # spans [va, end) under a shared table
    for level, va, phys in tables(mm):
        table_frames.add(phys)
        ref = page_ref(phys)
        if ref > 1:
            shared.append(SharedTable(va, phys, ref, level))
            below_shared.append((va, va + pt_span(level + 1)))
        elif not any(lo <= va < hi for lo, hi in below_shared):
            pt_private += 1
        if level == PT_PTE:
            mapped = [pte_pa(e) for e in read_table(phys) if e & PTE_P]
            rss += len(mapped)
            page_frames.update(mapped)
    return Usage(rss, pt_private, shared, table_frames, page_frames)


# The fault trace (mm/trace.h) -------------------------------------------

# cpus: a shootdown round's CPUs asked to flush (bit i: CPU i); 0 for a fault.
Event = collections.namedtuple("Event", "seq pid addr err cycles actions cpus")


def recorded_faults(n):
    """The last n events of the fault trace still in its ring, oldest first."""
    trace = value("fault_trace")
    ring = trace["ev"]
    size = ring.type.range()[1] + 1
    next_seq = int(trace["next"])
    for seq in range(max(1, next_seq - n), next_seq):
        e = ring[seq % size]
        if int(e["seq"]) == seq:
            yield Event(seq, int(e["pid"]), int(e["addr"]), int(e["err"]),
                        int(e["cycles"]), int(e["actions"]), int(e["cpus"]))


def pending_fault():
    """The event fault_trace_record() is about to record, from its
    arguments: only at a breakpoint on that function."""
    running = current()
    return Event(int(value("fault_trace.next")),
                 int(running["pid"]) if int(running) else 0,
                 int(value("addr")), int(value("err")), int(value("cycles")),
                 int(value("actions")), 0)


def action_names(actions):
    """The names of FA_* bits, as the kernel spells them (mm/trace.c)."""
    names = value("'mm/trace.c'::action_names")
    first, last = names.type.range()
    return [names[i].string() for i in range(first, last + 1) if actions & (1 << i)]


FAULTS_HEADER = "%6s %5s %-16s %-17s %9s  %s" % (
    "#", "pid", "address", "access", "cycles", "what the kernel did")


def format_fault(e):
    """An event as a line of /proc/faults (fault_event_format(), mm/trace.c):
    a fault, or a TLB shootdown round (cpus set)."""
    if e.cpus:
        access = "%-17s" % "shootdown"
    else:
        access = "%-5s %-6s %-4s" % (
            "write" if e.err & PF_WRITE else "read",
            "user" if e.err & PF_USER else "kernel", "exec" if e.err & PF_INSTR else "")
    line = "%6d %5d %016x %s %9d " % (e.seq, e.pid, e.addr, access, e.cycles)
    line += "".join(" " + name for name in action_names(e.actions)) or " none"
    asked = [str(i) for i in range(64) if e.cpus & (1 << i)]
    return line + (" cpus " + ",".join(asked) if asked else "")
