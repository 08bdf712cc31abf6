#!/usr/bin/env python3
"""
Pictures of page tables from forklab's /proc/<pid>/pagetree
(kernel/pagetree.c), drawn by scripts/gdb/fl_tree.py as gdb's fl-tree
draws them.

  scripts/pagetree.py [--dot] [FILE]
      the output of forklab's `pagetree PID...` ("-- pid N (name)" and
      the tree's lines, for each process; stdin without FILE), side by
      side as text, or as Graphviz with --dot
  scripts/pagetree.py --pictures LOG DIR
      for each stage "== NAME title" of `pagetree --fork` in a console
      log, DIR/NAME.txt and DIR/NAME.dot; frames are named #1, #2 ... in
      the order first seen over all the stages, so that the pictures do
      not change with where the kernel found its frames, and one table
      has one name in every stage (`make pictures`)
"""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "gdb"))

import fl_tree  # noqa: E402  (needs the path above)

STAGE = re.compile(r"^== (\S+) (.*)$")
PROCESS = re.compile(r"^-- (pid \d+ \(.*)$")


def processes(lines):
    """[(title, root)] from "-- pid N (name)" headers and tree lines; other
    lines (the console's) end a tree."""
    procs, title, tree = [], None, []
    for line in lines + [""]:
        m = PROCESS.match(line)
        if title and (m or not fl_tree.LINE.match(line)):
            procs.append((title, fl_tree.parse("\n".join(tree))))
            title, tree = None, []
        if m:
            title = m.group(1)
        elif title:
            tree.append(line)
    return procs


def stages(lines):
    """[(name, title, lines)] of a console log's "== NAME title" stages."""
    out = []
    for line in lines:
        m = STAGE.match(line)
        if m:
            out.append((m.group(1), m.group(2), []))
        elif out:
            out[-1][2].append(line)
    return out


def pictures(log, directory):
    frames = fl_tree.Frames()
    with open(log) as f:
        found = stages(f.read().replace("\r", "").splitlines())
    if not found:
        sys.exit("pagetree.py: no stages in %s" % log)
    os.makedirs(directory, exist_ok=True)
    for name, title, lines in found:
        procs = processes(lines)
        with open(os.path.join(directory, name + ".txt"), "w") as f:
            f.write("\n".join([title, ""] + fl_tree.text(procs, frames)) + "\n")
        with open(os.path.join(directory, name + ".dot"), "w") as f:
            f.write("\n".join(fl_tree.dot(procs, title, frames)) + "\n")


def main(args):
    if args[:1] == ["--pictures"] and len(args) == 3:
        return pictures(args[1], args[2])
    dot = args[:1] == ["--dot"]
    args = args[1:] if dot else args
    if len(args) > 1 or args[:1] and args[0].startswith("-"):
        sys.exit(__doc__.strip())
    text = open(args[0]).read() if args else sys.stdin.read()
    procs = processes(text.replace("\r", "").splitlines())
    if not procs:
        sys.exit("pagetree.py: no trees in the input")
    out = fl_tree.dot(procs, "forklab page tables") if dot else fl_tree.text(procs)
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
