"""
fl-break-fault [--before] KIND...: stop only at page faults of some kinds.

Every fault ends with one call to fault_trace_record(addr, err, actions,
cycles) (mm/trace.c), `actions` holding what the fault did as FA_* bits
(mm/trace.h).  The command puts a hardware breakpoint there (under KVM only
hardware breakpoints work; they work under TCG too) whose stop() reads
`actions` and lets gdb resume at once unless a wanted bit is set.  When it
stops, it prints the event as /proc/faults will show it.

The stop is at the end of the fault: the kernel has done its work, so
fl-pt shows the result (after an odf break, the writer's private copy of
the table; the process it shared with still points at the original).

With --before, the breakpoint is at the entry of handle_fault(mm, addr,
err) (mm/fault.c) instead, and its stop() foretells what the fault will
do from the tables, as fault_classify() and odf_unshare() will decide it,
and stops before the kernel has done anything.  It prints the walk of
addr in every process whose pmd entry points at the faulting process's
PTE table (the sharers, as fl-shared finds them), and sets a one-time
breakpoint at the end of the same fault: after one `continue`, the same
walks again, each line that changed marked with "*".
"""
import gdb

from fl_commands import Command, walk_lines
from fl_kernel import (
    FAULTS_HEADER, PF_INSTR, PF_USER, PF_WRITE, PROT_EXEC, PROT_READ, PROT_WRITE, PT_PMD,
    PT_PTE, PTE_P, PTE_W, format_fault, page_ref, pending_fault, processes, pte_pa,
    value, vmas, walk)

# What each KIND stops for: the FA_* enumerator of mm/trace.h.
KINDS = {
    "odf-break": "FA_TABLE_COPY",
    "odf-reuse": "FA_TABLE_REUSE",
    "cow-copy": "FA_PAGE_COPY",
    "cow-reuse": "FA_PAGE_REUSE",
    "demand-zero": "FA_ZERO_FILL",
    "signal": "FA_SIGNAL",
    "nomem": "FA_NOMEM",
}


class FaultBreakpoint(gdb.Breakpoint):
    """A hardware breakpoint on fault_trace_record() that stops only for
    faults whose actions have a bit of `mask`."""

    def __init__(self, mask):
        super().__init__("fault_trace_record", type=gdb.BP_HARDWARE_BREAKPOINT)
        self.mask = mask

    def stop(self):
        if not int(value("actions")) & self.mask:
            return False
        print(FAULTS_HEADER)
        print(format_fault(pending_fault()))
        return True


# The kinds --before can foretell: those decided by the tables alone.
FORETOLD = ("odf-break", "odf-reuse", "cow-copy", "cow-reuse", "demand-zero")


def allowed(mm, addr, err):
    """Does a VMA of mm let the access of err through at addr?  (A stack
    that would grow there has no VMA yet: no.)"""
    need = PROT_WRITE if err & PF_WRITE else PROT_EXEC if err & PF_INSTR else PROT_READ
    return any(int(v["start"]) <= addr < int(v["end"]) and int(v["prot"]) & need
               for v in vmas(mm))


def foretell(mm, addr, err):
    """The kinds (of KINDS) the fault at addr with error code err will be."""
    if not allowed(mm, addr, err):
        return set()
    steps = {step.level: step.entry for step in walk(mm, addr)}
    pmd, pte = steps.get(PT_PMD, 0), steps.get(PT_PTE, 0)
    writes = err & PF_WRITE and pte & PTE_P and not (pmd & pte & PTE_W)
    if pte & PTE_P and not writes:
        return set()                    # spurious: nothing changes
    kinds = set()
    copies_table = pmd & PTE_P and not pmd & PTE_W and page_ref(pte_pa(pmd)) > 1
    if pmd & PTE_P and not pmd & PTE_W:
        kinds.add("odf-break" if copies_table else "odf-reuse")
    if not pte & PTE_P:
        kinds.add("demand-zero")
    elif page_ref(pte_pa(pte)) > 1 or copies_table:
        kinds.add("cow-copy")           # a copied table takes a page reference
    else:
        kinds.add("cow-reuse")
    return kinds


def sharers(mm, addr):
    """The processes whose walk of addr reaches the PTE table mm's does;
    the process of mm alone if there is no such table."""
    def table(m):
        steps = {step.level: step.entry for step in walk(m, addr)}
        pmd = steps.get(PT_PMD, 0)
        return pte_pa(pmd) if pmd & PTE_P else None
    mine = table(mm)
    return [p for p in processes() if int(p["mm"]) and (
        int(p["mm"]) == int(mm.address) or
        mine is not None and table(p["mm"].dereference()) == mine)]


def walks(procs, addr):
    """{pid: fl-pt's lines} for each process."""
    return {int(p["pid"]): (p, walk_lines(p, addr)) for p in procs}


class AfterBreakpoint(gdb.Breakpoint):
    """A one-time hardware breakpoint at the end of the fault at `addr`:
    prints the walks again, changed lines marked."""

    def __init__(self, addr, before):
        super().__init__("fault_trace_record", type=gdb.BP_HARDWARE_BREAKPOINT,
                         internal=True, temporary=True)
        self.addr, self.before = addr, before

    def stop(self):
        if int(value("addr")) != self.addr:
            return False
        print(FAULTS_HEADER)
        print(format_fault(pending_fault()))
        print("after: the same walks, '*' where they changed")
        for p, lines in self.before.values():
            now = walk_lines(p, self.addr)
            for i, line in enumerate(now):
                print(("  " if i < len(lines) and lines[i] == line else "* ") + line)
        return True


class BeforeBreakpoint(gdb.Breakpoint):
    """A hardware breakpoint at handle_fault()'s entry that stops only for
    the faults foretold to be of a kind in `kinds`."""

    def __init__(self, kinds):
        super().__init__("handle_fault", type=gdb.BP_HARDWARE_BREAKPOINT)
        self.kinds = kinds

    def stop(self):
        mm, addr, err = value("mm").dereference(), int(value("addr")), int(value("err"))
        kinds = foretell(mm, addr, err)
        if not kinds & self.kinds:
            return False
        before = walks(sharers(mm, addr), addr)
        print("before a %s %s fault at %#x: %s; the walk in each process mapping the table"
              % ("write" if err & PF_WRITE else "read",
                 "user" if err & PF_USER else "kernel", addr, " ".join(sorted(kinds))))
        for _, lines in before.values():
            print("\n".join("  " + line for line in lines))
        AfterBreakpoint(addr, before)
        return True


class BreakFault(Command):
    """Stop only at faults of the given kinds (a hardware breakpoint).

KIND: odf-break (a shared PTE table copied), odf-reuse (a PTE table's last
user made it writable), cow-copy (a page copied), cow-reuse (a page's last
user made it writable), demand-zero (a zeroed page mapped), signal (a bad
access), nomem (no frame left).  Several kinds stop at any of them.  The
stop is at the end of the fault, in fault_trace_record(): `addr` is the
faulting address (fl-pt addr), `$current()` the faulting process.
`delete` removes the breakpoint like any other.

--before stops before the fault is handled (a breakpoint at handle_fault()
that foretells the kind from the page tables; kinds odf-break, odf-reuse,
cow-copy, cow-reuse and demand-zero), printing the walk of the address in
every process that maps its PTE table; one `continue` later, at the end
of the same fault, the same walks with what changed marked "*"."""

    name, usage = "fl-break-fault", "fl-break-fault [--before] KIND..."
    min_args, max_args = 1, len(KINDS) + 1

    def run(self, args):
        before = args[:1] == ["--before"]
        args = args[1:] if before else args
        kinds = FORETOLD if before else KINDS
        if not args or any(kind not in kinds for kind in args):
            raise gdb.GdbError("kinds%s are %s" % (" with --before" if before else "",
                                                   ", ".join(kinds)))
        if before:
            BeforeBreakpoint(set(args))
            return
        mask = 0
        for kind in args:
            mask |= int(value(KINDS[kind]))
        FaultBreakpoint(mask)
