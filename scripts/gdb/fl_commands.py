"""
forklab's gdb commands that show state: fl-ps, fl-vmas, fl-pt, fl-shared,
fl-tree, fl-page, fl-faults, fl-cpus, and fl-user, which loads a user
program's symbols.

Each command is a gdb.Command: its docstring is its `help` text (the first
line is the summary gdb lists), run() does the work with the readers of
fl_kernel.py.  Numbers given to a command are gdb expressions, so
`fl-pt addr`, `fl-page $fl_page` or `fl-pt 0x400000 2` all work.
"""
import os

import gdb

import fl_tree
from fl_kernel import (
    ADDRESS_MASK, DMAP_BASE, current, FAULTS_HEADER, LEVEL_NAMES, PAGE_SHIFT, PAGE_SIZE, PMD_SIZE,
    PT_PMD, PT_PTE, PTE_P, PTE_PS, PTE_U, PTE_W, describe, entry_flags,
    enum_name, find_process, fork_mode, format_fault, is_kernel_address, page,
    page_flags, page_ref, pagetree, pt_span, pte_pa, process_mm, processes, prot_text,
    recorded_faults, table_users, this_cpu, usage, value, vmas, walk)

KB_PER_PAGE = PAGE_SIZE // 1024
DEFAULT_FAULTS = 20


def number(arg):
    """A command's argument: any gdb expression, as an integer."""
    return int(gdb.parse_and_eval(arg))


def pid_arg(args, i):
    """The optional pid at args[i]: None means the current process."""
    return number(args[i]) if len(args) > i else None


class Command(gdb.Command):
    """A forklab command.  Subclasses set `name`, `usage`, how many
    arguments they take, and run(args)."""

    name = usage = None
    min_args = max_args = 0

    def __init__(self):
        super().__init__(self.name, gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if not self.min_args <= len(args) <= self.max_args:
            raise gdb.GdbError("usage: " + self.usage)
        try:
            self.run(args)
        except gdb.MemoryError as err:
            raise gdb.GdbError("%s: %s (paging is on only from kmain)" % (self.name, err))
        except (gdb.error, gdb.GdbError) as err:
            raise gdb.GdbError("%s: %s" % (self.name, err))


class Ps(Command):
    """Processes: pid, state, name, fork mode, CPU, RSS and page tables.

cpu is the CPU a process runs on, or last ran on (stat's processor).

VmRSS, VmPTE and the shared PTE tables are counted from the page tables,
as /proc/<pid>/status does (mm_usage()): VmRSS, every page mapped, through
shared tables too; VmPTE, the page tables only this process maps (pgd,
puds, pmds, and PTE tables whose count is 1); shared, the PTE tables whose
count is more.  The last line counts each frame once over all processes
and shows the kernel's own counters next to it: they must be equal."""

    name, usage = "fl-ps", "fl-ps"

    def run(self, args):
        all_tables, all_pages = set(), set()
        procs = list(processes())
        print("%5s %-9s %-15s %-5s %3s %8s %8s  %s" % (
            "pid", "state", "name", "mode", "cpu", "VmRSS kB", "VmPTE kB",
            "shared PTE tables"))
        for p in procs:
            row = "%5d %-9s %-15s %-5s %3d" % (int(p["pid"]), enum_name(p["state"], ""),
                                               p["name"].string(), fork_mode(p), int(p["cpu"]))
            if not int(p["mm"]):
                print(row, "%8s %8s  %s" % ("-", "-", "-"))
                continue
            u = usage(process_mm(p))
            all_tables |= u.table_frames
            all_pages |= u.page_frames
            print(row, "%8d %8d  %d" % (u.rss * KB_PER_PAGE, u.pt_private * KB_PER_PAGE,
                                        len(u.shared)))
        print("frames, each counted once: %d page tables (nr_user_pgtables %d), "
              "%d pages (nr_user_pages %d)" % (
                  len(all_tables), int(value("nr_user_pgtables")),
                  len(all_pages), int(value("nr_user_pages"))))


class Vmas(Command):
    """A process's VMAs: start, end, protection and kind.

The first line gives the heap's bounds, brk_start to brk.  The brk VMA
never shrinks below one page, so that brk() can find it: while the heap
is empty (brk = brk_start) that page is kept but not in use.
Without PID, the current process's (`current`)."""

    name, usage = "fl-vmas", "fl-vmas [PID]"
    max_args = 1

    def run(self, args):
        p = find_process(pid_arg(args, 0))
        mm = process_mm(p)
        start, brk = int(mm["brk_start"]), int(mm["brk"])
        heap = "heap %#x-%#x" % (start, brk) if brk > start else "heap empty at %#x" % start
        print("%s, %s" % (describe(p), heap))
        print("%-18s %-18s %-4s %s" % ("start", "end", "prot", "kind"))
        for v in vmas(mm):
            kind = enum_name(v["kind"], "VMA_")
            if kind == "brk" and brk == start:
                kind += " (the page kept while the heap is empty)"
            print("%#018x %#018x %-4s %s" % (int(v["start"]), int(v["end"]),
                                             prot_text(int(v["prot"])), kind))


def user_access(entries):
    """What user mode may do through a walk's entries ({level: entry})."""
    def missing(bit):
        return ", ".join(LEVEL_NAMES[level] for level, e in entries.items() if not e & bit)
    if missing(PTE_U):
        return "no access (no U in %s)" % missing(PTE_U)
    if missing(PTE_W):
        return "read only, a write faults (no W in %s)" % missing(PTE_W)
    return "read and write"


class Pt(Command):
    """The page-table walk of one address: pgd -> pud -> pmd -> pte.

Each entry's raw value, flags (P W U A D PS G NX) and the frame it points
at; then the PTE table's count (struct page.ref of the table's frame: how
many pmd entries point at it, shared when more than one; a table of the
kernel's half is in every process, whatever its count), the page's frame,
count and flags, and what user mode may do there (U and W must be set at
every level: one read-only pmd entry write-protects its whole table).
Without PID, the current process's tables.  Sets $fl_table and $fl_page
to the two frame numbers, for fl-page or `print pages[$fl_table]`."""

    name, usage = "fl-pt", "fl-pt ADDR [PID]"
    min_args, max_args = 1, 2

    def run(self, args):
        addr, p = number(args[0]), find_process(pid_arg(args, 1))
        print("\n".join(walk_lines(p, addr)))
        table, pg = walk_frames(process_mm(p), addr)
        if table is not None:
            gdb.set_convenience_variable("fl_table", table)
        if pg is not None:
            gdb.set_convenience_variable("fl_page", pg)


def walk_frames(mm, addr):
    """The frame numbers of the PTE table and the page on addr's walk
    (None where the walk stops before them)."""
    steps = {step.level: step.entry for step in walk(mm, addr)}
    if any(e & PTE_PS for e in steps.values()) or not steps.get(PT_PMD, 0) & PTE_P:
        return None, None
    page_frame = pte_pa(steps[PT_PTE]) >> PAGE_SHIFT if steps[PT_PTE] & PTE_P else None
    return pte_pa(steps[PT_PMD]) >> PAGE_SHIFT, page_frame


def walk_lines(p, addr):
    """fl-pt's lines: addr's walk in process p, the PTE table's count, the
    page's, and what user mode may do there."""
    out = ["%#018x in %s" % (addr, describe(p))]
    entries = {}
    for step in walk(process_mm(p), addr):
        entries[step.level] = step.entry
        shown = ("frame %#x" % (pte_pa(step.entry) >> PAGE_SHIFT)
                 if step.entry & PTE_P else "not present")
        if step.entry & PTE_P and step.level > PT_PMD and not is_kernel_address(addr):
            ref = page_ref(pte_pa(step.entry))
            shown += ", ref %d%s" % (ref, " (shared)" if ref > 1 else "")
        out.append("%s[%3d] %#018x  %-17s %s" % (LEVEL_NAMES[step.level], step.index,
                                                  step.entry, entry_flags(step.entry), shown))
    table, pg = walk_frames(process_mm(p), addr)
    if any(e & PTE_PS for e in entries.values()):
        out.append("a huge page: the walk ends here")
    if table is not None:
        ref = int(page(table)["ref"])
        if is_kernel_address(addr):
            kind = "the kernel's, in every process"
        else:
            kind = "shared" if ref > 1 else "private"
        out.append("PTE table: frame %#x, ref %d (%s)" % (table, ref, kind))
    if pg is not None:
        info = page(pg)
        out.append("page: frame %#x, ref %d, flags %s" % (pg, int(info["ref"]), page_flags(info)))
        out.append("user mode: " + user_access(entries))
    return out


class Shared(Command):
    """A process's shared tables (count > 1): range, level, frame, count, pids.

A PTE table (2 MiB) in odf; in hodf also a pmd (1 GiB) or pud table
(512 GiB).  The pids are those of every process whose entries point at
the table (as many as its count).  Without PID, the current process's."""

    name, usage = "fl-shared", "fl-shared [PID]"
    max_args = 1

    def run(self, args):
        p = find_process(pid_arg(args, 0))
        shared = usage(process_mm(p)).shared
        users = table_users()
        print("%s: %d shared PTE tables" % (describe(p), len(shared)))
        for t in shared:
            print("  %#018x-%#018x  frame %#x  ref %d  %s  pids %s" % (
                t.va, t.va + pt_span(t.level + 1), t.phys >> PAGE_SHIFT, t.ref,
                LEVEL_NAMES[t.level], " ".join(map(str, users[t.phys]))))


def process_trees(pids):
    """[(title, pgd Table)] of the processes with those pids, or of every
    process with an address space when there are none."""
    procs = [find_process(pid) for pid in pids] if pids else \
        [p for p in processes() if int(p["mm"])]
    return [(describe(p), fl_tree.parse("\n".join(pagetree(process_mm(p)))))
            for p in procs]


def terminal_has_colour():
    """Does gdb style its output, on a terminal?"""
    return bool(gdb.parameter("style enabled")) and os.isatty(1)


class Tree(Command):
    """Page-table trees of processes, side by side: pgd -> pud -> pmd -> PTE tables.

Each table with its frame and count (struct page.ref), and each entry
with its index and whether it lets writes through (rw) or not (ro).  A
shared PTE table (count above 1) is drawn once, in the last column, as
S1, S2 ...; each pmd entry pointing at it says "-> S1", and the table's
line lists them.  A PTE table's 512 entries are folded into how many
pages it maps and how many PTEs allow writes; the kernel's half of every
pgd into one line.  Where gdb styles its output on a terminal,
read-only entries are yellow and shared tables cyan.  The same lines as
/proc/<pid>/pagetree, which a program can read (kernel/pagetree.c).
Without PID, every process with an address space.

--changes folds each subtree that has not changed since the last fl-tree
into its top's line ("N tables below unchanged"), to see what a fault or
a fork did.  --dot FILE writes the same as a Graphviz digraph (a cluster per process,
shared tables outside, read-only entries dashed red) for
`dot -Tsvg FILE`."""

    name, usage = "fl-tree", "fl-tree [--changes | --dot FILE] [PID...]"
    max_args = 64
    last = {}       # {title: subtrees} of the last drawing, for --changes

    def run(self, args):
        dot_file, changes = None, args[:1] == ["--changes"]
        args = args[1:] if changes else args
        if args[:1] == ["--dot"]:
            if len(args) < 2:
                raise gdb.GdbError("usage: " + self.usage)
            dot_file, args = args[1], args[2:]
        procs = process_trees([number(a) for a in args])
        if dot_file:
            with open(dot_file, "w") as f:
                f.write("\n".join(fl_tree.dot(procs, "forklab page tables")) + "\n")
            print("wrote %s: %d processes" % (dot_file, len(procs)))
            return
        print("\n".join(fl_tree.text(procs, colour=terminal_has_colour(),
                                     fold=Tree.last if changes else None)))
        Tree.last = {title: fl_tree.subtrees(root) for title, root in procs}


class Page(Command):
    """A frame's struct page: count, flags, and the heap's fields for a heap page.

PFN is a frame number (physical address >> 12), as fl-pt prints them."""

    name, usage = "fl-page", "fl-page PFN"
    min_args = max_args = 1

    def run(self, args):
        pfn = number(args[0])
        pg = page(pfn)
        print("frame %#x: ref %d, flags %s" % (pfn, int(pg["ref"]), page_flags(pg)))
        print("  physical %#x, at %#x in the direct map" % (
            pfn << PAGE_SHIFT, DMAP_BASE + (pfn << PAGE_SHIFT)))
        if int(pg["flags"]) & int(value("PG_SLAB")):
            print("  heap page: class %d, %d objects in use, first free %#x" % (
                int(pg["slab_class"]), int(pg["slab_inuse"]), int(pg["slab_free"])))


class Faults(Command):
    """The last N page faults of the fault trace (default 20), as /proc/faults.

Number, pid, address, access, cycles taken, and what the kernel did."""

    name, usage = "fl-faults", "fl-faults [N]"
    max_args = 1

    def run(self, args):
        events = list(recorded_faults(number(args[0]) if args else DEFAULT_FAULTS))
        print(FAULTS_HEADER)
        for event in events:
            print(format_fault(event))


class User(Command):
    """Load a user program's symbols (build/bin/PROG or build/utests/PROG).

Then `hbreak main`, `list`, ... work in user code.  Every program is linked
at 0x400000, and gdb knows no processes: a breakpoint in user code stops
whichever process runs that address, in whatever program it runs; check
`p $current()->name` when it stops.  Use hbreak there: a software breakpoint
is an int3 that gdb writes into whatever frame the current process maps at
that address (another program's, perhaps, or one that fork shares).
Loading another program unloads the previous one's symbols."""

    name, usage = "fl-user", "fl-user PROG"
    min_args = max_args = 1
    loaded = None

    def run(self, args):
        build = os.path.dirname(gdb.current_progspace().filename)
        paths = [os.path.join(build, d, args[0]) for d in ("bin", "utests")]
        found = [path for path in paths if os.path.isfile(path)]
        if not found:
            raise gdb.GdbError("no program %s in %s" % (args[0], " or ".join(paths)))
        if User.loaded:
            gdb.execute("remove-symbol-file " + User.loaded)
        gdb.execute("add-symbol-file " + found[0])
        User.loaded = found[0]


def register(name):
    """The selected thread's register `name`, or None if QEMU has none."""
    try:
        return int(gdb.parse_and_eval("$" + name)) & ADDRESS_MASK
    except gdb.error:
        return None


def function_at(pc):
    """The name of the function (not an inlined one) holding pc, or ""."""
    found = gdb.execute("info symbol %#x" % pc, to_string=True)
    return "" if found.startswith("No symbol") else found.split()[0]


class Cpus(Command):
    """CPUs: forklab's number, APIC id, rip, CR3, ticks, thread, locks held.

QEMU's gdb stub shows each CPU as a thread (`info threads`); for each,
this finds forklab's struct cpu by the GS base and prints its number and
APIC id, where it is (rip and its function), its CR3, its LAPIC timer's
ticks, the thread it runs (its pid, or "-" in its scheduler loop) and the
locks it holds: "big" for the big kernel lock, then the spinlocks (listed
only with lockdebug=1).  A CPU
that forklab has not started yet shows "-" for what only forklab knows."""

    name, usage = "fl-cpus", "fl-cpus"

    def run(self, args):
        selected = gdb.selected_thread()
        print("%-6s %3s %4s  %-18s %-18s %8s  %s" % (
            "thread", "cpu", "apic", "rip", "cr3", "ticks", "pid  locks held"))
        try:
            for t in sorted(gdb.selected_inferior().threads(), key=lambda t: t.num):
                t.switch()
                self.show(t, this_cpu())
        finally:
            selected.switch()

    @staticmethod
    def show(thread, c):
        rip, cr3 = register("rip"), register("cr3")
        where = function_at(rip) if rip is not None else ""
        row = "%-6d %3s %4s  %-18s %-18s" % (
            thread.num, int(c["id"]) if c else "-", int(c["apic_id"]) if c else "-",
            "%#x" % rip if rip is not None else "?", "%#x" % cr3 if cr3 is not None else "?")
        if c is None:
            print(row, "%8s" % "-", where)
            return
        held = [c["held"][i]["name"].string() for i in range(int(c["nheld"]))]
        if int(value("big_lock.cpu")) == int(c.address):
            held.insert(0, "big")
        pid = int(c["proc"]["pid"]) if int(c["proc"]) else "-"
        print(row, "%8d  %4s %s%s" % (int(c["ticks"]), pid, " ".join(held) or "-",
                                      "  (in %s)" % where if where else ""))


class Current(gdb.Function):
    """$current(): the kernel's `current`, the thread the selected CPU runs
(a null pointer in its scheduler loop): `p $current()->name`."""

    def __init__(self):
        super().__init__("current")

    def invoke(self):
        return current()


COMMANDS = (Ps, Vmas, Pt, Shared, Tree, Page, Faults, Cpus, User)
