"""
fl-break-fault KIND...: stop only at page faults of some kinds.

Every fault ends with one call to fault_trace_record(addr, err, actions,
cycles) (mm/trace.c), `actions` holding what the fault did as FA_* bits
(mm/trace.h).  The command puts a hardware breakpoint there (under KVM only
hardware breakpoints work; they work under TCG too) whose stop() reads
`actions` and lets gdb resume at once unless a wanted bit is set.  When it
stops, it prints the event as /proc/faults will show it.

The stop is at the end of the fault: the kernel has done its work, so
fl-pt shows the result (after an odf break, the writer's private copy of
the table; the process it shared with still points at the original).
"""
import gdb

from fl_commands import Command
from fl_kernel import FAULTS_HEADER, format_fault, pending_fault, value

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


class BreakFault(Command):
    """Stop only at faults of the given kinds (a hardware breakpoint).

KIND: odf-break (a shared PTE table copied), odf-reuse (a PTE table's last
user made it writable), cow-copy (a page copied), cow-reuse (a page's last
user made it writable), demand-zero (a zeroed page mapped), signal (a bad
access), nomem (no frame left).  Several kinds stop at any of them.  The
stop is at the end of the fault, in fault_trace_record(): `addr` is the
faulting address (fl-pt addr), `current` the faulting process.
`delete` removes the breakpoint like any other."""

    name, usage = "fl-break-fault", "fl-break-fault KIND..."
    min_args, max_args = 1, len(KINDS)

    def run(self, args):
        if any(kind not in KINDS for kind in args):
            raise gdb.GdbError("kinds are " + ", ".join(KINDS))
        mask = 0
        for kind in args:
            mask |= int(value(KINDS[kind]))
        FaultBreakpoint(mask)
