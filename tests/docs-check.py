#!/usr/bin/env python3
"""The docs check: every function a doc names exists.

A doc is README.md or any docs/**/*.md.  A name it gives as a function is
an identifier followed by "(" inside an inline code span, as in `walk()` or
`pt_index(va, level)`; members called through a pointer (`w->out(...)`) and
C keywords (`sizeof(x)`) are not names of functions.

A name exists when a file git tracks (docs excepted) defines it:
  - a C function: a line at column 0 naming it before "(", whose
    parameter list ends in "{" (so a prototype alone does not count);
  - a C macro with parameters (#define name(...));
  - a function pointer, as a struct member or variable ((*name)(...));
  - an assembly label (name: at column 0 of a .asm or .S file);
  - a shell function (name() {) or a Python function (def name();
or when it is a system call the kernel implements (sys_name is defined),
or when it is Linux's or the C library's and listed in FOREIGN below.

Prints PASS or FAIL for each doc, a line for each missing name, and ends
with "N passed, N failed"; the exit status is 0 only when nothing failed.

usage: tests/docs-check.py (from anywhere in the tree)
"""
import os
import re
import subprocess
import sys

# Linux's or the C library's functions that a doc may name although the
# tree defines them nowhere (forklab's libc defines the C functions it
# uses, and a system call counts when the kernel defines sys_name); add a
# name here only when a doc has to speak of one of Linux's own.
FOREIGN = set()

KEYWORDS = {"if", "for", "while", "switch", "return", "sizeof", "defined"}

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
C_FUNCTION = re.compile(
    r"^(?![ \t#/*])[^\n;=(]*?\b(" + IDENT + r")\s*\([^;{}]*?\)\s*\{", re.M)
C_MACRO = re.compile(r"^\s*#\s*define\s+(" + IDENT + r")\(", re.M)
C_POINTER = re.compile(r"\(\s*\*\s*(" + IDENT + r")\s*\)\s*\(")
ASM_LABEL = re.compile(r"^(" + IDENT + r"):", re.M)
SHELL_FUNCTION = re.compile(r"^\s*(" + IDENT + r")\s*\(\)\s*\{", re.M)
PY_FUNCTION = re.compile(r"^\s*def\s+(" + IDENT + r")\s*\(", re.M)

FENCE = re.compile(r"^```.*?^```", re.M | re.S)
CODE_SPAN = re.compile(r"`([^`]+)`")
CALL = re.compile(r"(->|\.)?\b(" + IDENT + r")\(")


def tracked_files():
    out = subprocess.run(["git", "ls-files"], capture_output=True, text=True,
                         check=True).stdout
    return out.split()


def definitions(files):
    names = set()
    for path in files:
        if path.endswith(".md") or not os.path.isfile(path):
            continue
        with open(path, errors="replace") as f:
            text = f.read()
        if path.endswith((".c", ".h", ".inc")):
            patterns = [C_FUNCTION, C_MACRO, C_POINTER]
        elif path.endswith((".asm", ".S")):
            patterns = [ASM_LABEL]
        elif path.endswith(".py"):
            patterns = [PY_FUNCTION]
        else:
            patterns = [SHELL_FUNCTION]
        for pattern in patterns:
            names.update(pattern.findall(text))
    return names


def named_functions(doc):
    """The names a doc gives as functions, with the first line of each."""
    with open(doc) as f:
        text = f.read()
    text = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    found = {}
    for span in CODE_SPAN.finditer(text):
        line = text.count("\n", 0, span.start()) + 1
        for call in CALL.finditer(span.group(1)):
            name = call.group(2)
            if not call.group(1) and name not in KEYWORDS:
                found.setdefault(name, line)
    return found


def main():
    root = subprocess.run(["git", "rev-parse", "--show-toplevel"],
                          capture_output=True, text=True,
                          check=True).stdout.strip()
    os.chdir(root)
    files = tracked_files()
    defined = definitions(files)
    known = defined | {n[len("sys_"):] for n in defined
                       if n.startswith("sys_")} | FOREIGN
    docs = [p for p in files if p == "README.md"
            or (p.startswith("docs/") and p.endswith(".md"))]
    passed = failed = 0
    for doc in docs:
        missing = [(line, name) for name, line in named_functions(doc).items()
                   if name not in known]
        if missing:
            print(f"FAIL docs:{doc}")
            for line, name in sorted(missing):
                print(f"    {doc}:{line}: {name}() is defined nowhere")
            failed += 1
        else:
            print(f"PASS docs:{doc}")
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
