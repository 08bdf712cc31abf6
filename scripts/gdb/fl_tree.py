"""
Page-table trees as pictures: text side by side for a terminal, or
Graphviz.  Used by gdb's fl-tree (fl_commands.py) and by
scripts/pagetree.py, which draws the trees /proc/<pid>/pagetree prints;
this module needs no gdb.

A tree comes from the lines of /proc/<pid>/pagetree (kernel/pagetree.c):
one line per table, indented two spaces per level below the pgd,

    pgd frame 0x193 ref 1
      [0] rw pud frame 0x194 ref 1
        [2] rw pmd frame 0x195 ref 1
          [0] ro pte frame 0x196 ref 2 shared: 12 pages, 3 writable

parse() turns them into Tables.  The drawings put one process per
column (or Graphviz cluster); a PTE table whose count is above 1 is
shared, drawn once apart from the processes, with an arrow from each pmd
entry that points at it.  A PTE table's 512 entries are folded into its
counts, the kernel's half of every pgd into one line, and, when asked,
each subtree unchanged since an earlier drawing into its top's line.  How a frame is
named is up to the caller: its number, or a stable label (Frames).
"""
import collections
import re

Table = collections.namedtuple(
    "Table", "level index access frame ref pages writable children")

LEVELS = ("pgd", "pud", "pmd", "pte")
INDENT = 2
KERNEL_FOLD = "[256..511] the kernel's half, in every process"
LINE = re.compile(r"^( *)(?:\[(\d+)\] (rw|ro) )?(pgd|pud|pmd|pte) frame (0x[0-9a-f]+) "
                  r"ref (\d+)(?: shared)?(?:: (\d+) pages?, (\d+) writable)?$")

# ANSI colours, for a terminal that has them.
READ_ONLY_COLOUR = "\033[33m"   # yellow: an entry that stops writes
SHARED_COLOUR = "\033[36m"      # cyan: a shared PTE table
RESET = "\033[0m"


def parse(text):
    """The pgd Table of a tree's lines (as /proc/<pid>/pagetree prints)."""
    stack = []
    for line in text.splitlines():
        m = LINE.match(line)
        if not m:
            raise ValueError("not a line of a page-table tree: %r" % line)
        indent, index, access, level, frame, ref, npages, writable = m.groups()
        depth = len(indent) // INDENT
        table = Table(level, int(index) if index else None, access, int(frame, 16),
                      int(ref), int(npages or 0), int(writable or 0), [])
        del stack[depth:]
        if stack:
            stack[-1].children.append(table)
        elif depth:
            raise ValueError("a table with no table above it: %r" % line)
        stack.append(table)
    if not stack:
        raise ValueError("an empty page-table tree")
    return stack[0]


def pages(n):
    """"1 page", "2 pages"."""
    return "%d page%s" % (n, "" if n == 1 else "s")


def walk(root, fold=frozenset()):
    """Every table of a tree with its depth and the table above it; the
    tables below one whose signature() is in `fold` are left out."""
    def below(t, depth, parent):
        yield t, depth, parent
        if signature(t) not in fold:
            for c in t.children:
                yield from below(c, depth + 1, t)
    yield from below(root, 0, None)


def signature(t):
    """All a subtree shows, as a value: equal signatures draw alike."""
    return (t.level, t.index, t.access, t.frame, t.ref, t.pages, t.writable,
            tuple(signature(c) for c in t.children))


def subtrees(root):
    """The signatures of a tree's subtrees that have tables below them,
    for text(fold=...) of a later drawing."""
    return {signature(t) for t, _, _ in walk(root) if t.children}


def size(t):
    """How many tables a subtree holds below its top."""
    return sum(1 + size(c) for c in t.children)


def is_shared(t):
    return t.level == "pte" and t.ref > 1


class Frames:
    """Stable names for frames: #1, #2, ... in the order first seen, so
    that pictures do not change with where the kernel found its frames.
    One Frames kept over several pictures names a table alike in each."""

    def __init__(self):
        self.names = {}

    def __call__(self, frame):
        return self.names.setdefault(frame, "#%d" % (len(self.names) + 1))


def frame_number(frame):
    """A frame named by its number, as the kernel prints it."""
    return "%#x" % frame


def counts(t):
    return ": %s, %d writable" % (pages(t.pages), t.writable) if t.level == "pte" else ""


def shared_tables(procs):
    """The shared PTE tables of procs ([(title, root)]): {frame: (label,
    table, [(title's first word, pmd index)])}, labelled S1, S2 ... in
    order of appearance."""
    shared = {}
    for title, root in procs:
        for t, _, _ in walk(root):
            if is_shared(t):
                entry = shared.setdefault(t.frame, ("S%d" % (len(shared) + 1), t, []))
                entry[2].append((title.split(" (")[0], t.index))
    return shared


def text(procs, name=frame_number, colour=False, fold=None):
    """procs ([(title, root)]) side by side, then the shared tables.  fold
    ({title: subtrees()} of an earlier drawing) folds each subtree that
    has not changed since into its top's line."""
    shared = shared_tables(procs)
    columns = []
    for title, root in procs:
        cells = [(title, None)]
        unchanged = (fold or {}).get(title, frozenset())
        for t, depth, _ in walk(root, unchanged):
            head = "%s[%d] %s " % (" " * depth, t.index, t.access) if depth else ""
            style = READ_ONLY_COLOUR if t.access == "ro" else None
            if is_shared(t):
                cells.append((head + "-> " + shared[t.frame][0], SHARED_COLOUR))
            else:
                folded = (", %d tables below unchanged" % size(t)
                          if signature(t) in unchanged else "")
                cells.append(("%s%s %s ref %d%s%s" % (head, t.level, name(t.frame), t.ref,
                                                     counts(t), folded), style))
        cells.append((KERNEL_FOLD, None))
        columns.append(cells)
    if shared:
        cells = [("shared PTE tables", None)]
        for label, t, users in shared.values():
            cells.append(("%s pte %s ref %d%s" % (label, name(t.frame), t.ref, counts(t)),
                          SHARED_COLOUR))
            cells.append(("   <- " + ", ".join("%s [%d]" % u for u in users), None))
        columns.append(cells)
    return side_by_side(columns, colour)


def side_by_side(columns, colour):
    """Columns of (text, colour) cells as lines, each column padded to its
    widest cell; colour codes go around the text, outside the padding."""
    widths = [max(len(c[0]) for c in col) for col in columns]
    out = []
    for row in range(max(len(col) for col in columns)):
        parts = []
        for col, width in zip(columns, widths):
            cell, style = col[row] if row < len(col) else ("", None)
            pad = " " * (width - len(cell))
            parts.append((style + cell + RESET if colour and style else cell) + pad)
        out.append("   ".join(parts).rstrip())
    return out


def dot_id(name, frame):
    """A Graphviz node id for a table."""
    return "t" + re.sub(r"[^0-9a-zA-Z]", "", name(frame))


def dot_label(t, name):
    return "%s %s\\nref %d%s" % (t.level, name(t.frame), t.ref,
                                 "\\n%s, %d writable" % (pages(t.pages), t.writable)
                                 if t.level == "pte" else "")


def dot(procs, title, name=frame_number):
    """procs ([(title, root)]) as a Graphviz digraph: a cluster per
    process, the shared PTE tables outside any, drawn once."""
    out = ["digraph pagetree {",
           "\tlabel=\"%s\"; labelloc=t; rankdir=LR;" % title,
           "\tnode [shape=box, fontname=\"monospace\", fontsize=10];",
           "\tedge [fontname=\"monospace\", fontsize=9];"]
    edges = []
    for i, (ptitle, root) in enumerate(procs):
        out.append("\tsubgraph cluster_%d {" % i)
        out.append("\t\tlabel=\"%s\";" % ptitle)
        for t, _, parent in walk(root):
            if not is_shared(t):
                out.append("\t\t%s [label=\"%s\"];" % (dot_id(name, t.frame), dot_label(t, name)))
            if parent:
                style = ", color=red, fontcolor=red, style=dashed" if t.access == "ro" else ""
                edges.append("\t%s -> %s [label=\"[%d] %s\"%s];" % (
                    dot_id(name, parent.frame), dot_id(name, t.frame), t.index, t.access, style))
        out.append("\t}")
    for label, t, _ in shared_tables(procs).values():
        out.append("\t%s [label=\"%s\\n%s\", style=filled, fillcolor=lightblue];" % (
            dot_id(name, t.frame), label, dot_label(t, name)))
    return out + edges + ["}"]
