"""
forklab's gdb helpers: `source scripts/gdb/forklab.py` (build/.gdbinit,
made by `make debug` from scripts/gdbinit.in, does it) adds the commands
below; `help forklab` or `fl-help` lists them, `help fl-pt` explains one.
docs/gdb.md shows a first session.

  fl_kernel.py     reads the kernel's state: processes, page tables,
                   struct page, the fault trace
  fl_commands.py   the commands that show it
  fl_tree.py       page-table trees drawn as text or Graphviz (fl-tree,
                   and scripts/pagetree.py outside gdb)
  fl_break.py      fl-break-fault, a breakpoint on one kind of fault

gdb keeps the modules once imported: restart gdb after editing them.
"""
import os
import sys

import gdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fl_break import BreakFault  # noqa: E402  (needs the path above)
from fl_commands import COMMANDS, Current  # noqa: E402

ALL = COMMANDS + (BreakFault,)


def listing():
    """One line per command: its usage and the first line of its help."""
    return "\n".join("%-24s %s" % (c.usage, c.__doc__.splitlines()[0]) for c in ALL)


class Forklab(gdb.Command):
    """forklab's gdb commands (scripts/gdb/, docs/gdb.md)."""

    def __init__(self, name):
        self.__doc__ = "forklab's gdb commands (scripts/gdb/, docs/gdb.md).\n\n" + listing()
        super().__init__(name, gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        print(self.__doc__)


for command in ALL:
    command()
Current()
Forklab("forklab")
Forklab("fl-help")
