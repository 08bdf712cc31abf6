#!/usr/bin/env python3
"""The shell at a terminal, driven as a person would: typing keys, waiting
for each prompt, reading the screen.

Runs COMMAND (a shell, or QEMU booting forklab to its shell) and talks to
it: on a new pseudo-terminal of this host with --pty, else through its
standard input and output (QEMU's serial line, with forklab's console
driver as the terminal).  Keys go as a terminal sends them ("\\r" for
Enter, "\\x1b[A" for the up arrow, "\\x03" for Ctrl-C).

The first line typed asks whether the shell edits lines: Ctrl-A then "X"
makes "echo probe" into "Xecho probe".  If it does not (the console is not
a terminal: no TCGETS), the line-editing and Ctrl-C checks say SKIP, unless
--terminal says the console must be one, when they fail.

usage: tests/shell-pty.py [--pty] [--terminal] [--dir DIR] -- COMMAND...
  --dir DIR   the writable directory of the "cd" check (default /tmp)
Prints PASS, FAIL or SKIP per check, then "N passed, N failed"; exit
status 0 only when nothing failed.
"""
import os
import pty
import re
import subprocess
import sys
import time

PROMPT = b"$ "
TIMEOUT = float(os.environ.get("PTY_TIMEOUT", "60"))
CTRL_C_LIMIT = 1.0      # seconds from Ctrl-C to the prompt


class Terminal:
    """COMMAND, with what it writes kept in self.seen."""

    def __init__(self, argv, use_pty):
        if use_pty:
            self.pid, self.fd = pty.fork()
            if self.pid == 0:
                os.execvp(argv[0], argv)
            self.out = self.fd
            self.proc = None
        else:
            self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE,
                                         stderr=subprocess.STDOUT)
            self.fd = self.proc.stdin.fileno()
            self.out = self.proc.stdout.fileno()
        self.seen = b""

    def send(self, keys):
        os.write(self.fd, keys.encode())

    def read_until(self, pattern, timeout=TIMEOUT):
        """Reads until pattern (bytes regex) matches what was read since
        the last call; returns that text, or None after timeout."""
        import select
        text = b""
        end = time.monotonic() + timeout
        while not re.search(pattern, text, re.S):
            left = end - time.monotonic()
            if left <= 0 or not select.select([self.out], [], [], left)[0]:
                self.seen += text
                return None
            try:
                chunk = os.read(self.out, 4096)
            except OSError:
                chunk = b""
            if not chunk:
                self.seen += text
                return None
            text += chunk
        self.seen += text
        return text

    def prompt(self, timeout=TIMEOUT):
        return self.read_until(b"(^|\n)" + re.escape(PROMPT) + b"$", timeout)

    def end(self):
        if self.proc:
            try:
                self.proc.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            return self.proc.returncode
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        return 0


passed = failed = 0


def verdict(name, ok, why=""):
    global passed, failed
    if ok:
        passed += 1
        print("PASS shell_pty:" + name)
    else:
        failed += 1
        print("FAIL shell_pty:%s%s" % (name, ": " + why if why else ""))


def line(t, keys, pattern, name, timeout=TIMEOUT):
    """Types keys at a prompt; the text up to the next prompt must match
    pattern (a bytes regex)."""
    t.send(keys)
    text = t.prompt(timeout)
    ok = text is not None and re.search(pattern, text, re.S) is not None
    verdict(name, ok, "saw %r" % (text if text is not None else t.seen[-300:]))
    return text


def skip(name, why):
    print("SKIP shell_pty:%s: %s" % (name, why))


def editing(t):
    """The lines that need a terminal: editing, history, Ctrl-C."""
    line(t, "echo hist1\r", rb"\nhist1\r?\n", "history_first_line")
    line(t, "\x1b[A more\r", rb"\nhist1 more\r?\n", "up_arrow_recalls_last_line")
    line(t, "\x1b[A\x1b[A\x1b[B\r", rb"\nhist1 more\r?\n", "up_up_down")
    line(t, "echo ac\x1b[Db\r", rb"\nabc\r?\n", "left_arrow_then_insert")
    line(t, "echo abxc\x1b[D\x7f\r", rb"\nabc\r?\n", "backspace_in_the_middle")
    line(t, "cho b\x1b[He\x1b[F!\r", rb"\nb!\r?\n", "home_and_end")
    text = line(t, "garbage\x15echo clean\r", rb"\nclean\r?\n", "ctrl_u_clears_the_line")
    verdict("ctrl_u_ran_nothing_else", text is not None and b"not found" not in text)
    line(t, "echo keep drop\x17\r", rb"\nkeep\r?\n", "ctrl_w_erases_a_word")
    line(t, "partial\x03", rb"\^C", "ctrl_c_at_the_prompt")
    line(t, "echo $?\r", rb"\n130\r?\n", "ctrl_c_at_the_prompt_status")
    t.send("sleep 100\r")
    time.sleep(1)       # sleep started and has the terminal
    t.send("\x03")
    start = time.monotonic()
    back = t.prompt(TIMEOUT)
    took = time.monotonic() - start
    verdict("ctrl_c_stops_sleep_100", back is not None and took <= CTRL_C_LIMIT,
            "prompt after %.1fs" % took if back is not None else "no prompt")
    line(t, "echo $?\r", rb"\n130\r?\n", "ctrl_c_status_130")
    t.send("sleep 1; echo after\r")
    time.sleep(0.3)
    t.send("\x1a")     # Ctrl-Z: no job can be stopped and resumed
    text = t.prompt(10)
    verdict("ctrl_z_does_nothing", text is not None and len(re.findall(rb"after\r?\n", text)) == 2,
            "saw %r" % text)
    t.send("sleep 100 & wait\r")
    time.sleep(1)
    t.send("\x03")
    verdict("ctrl_c_ends_wait", t.prompt(5) is not None)
    line(t, "jobs\r", rb"\[1\]  Running +sleep 100", "job_still_running")
    line(t, "kill %1 $!; wait; jobs\r", rb"jobs\S*\r?\n(.*\r?\n)?\$ $", "job_killed")


def main():
    args = sys.argv[1:]
    use_pty = "--pty" in args
    terminal = "--terminal" in args
    work = args[args.index("--dir") + 1] if "--dir" in args else None
    argv = args[args.index("--") + 1:]
    t = Terminal(argv, use_pty)
    if t.prompt() is None:
        verdict("first_prompt", False, "saw %r" % t.seen[-300:])
        return
    text = line(t, "echo probe\x01X\r", rb"probe", "probe_line")
    edits = text is not None and b"Xecho: not found" in text
    if edits:
        editing(t)
    elif terminal:
        verdict("edits_lines", False, "Ctrl-A did not move to the start")
    else:
        skip("editing", "the console is not a terminal")
    line(t, "echo a; echo b && echo c\r", rb"\na\r?\nb\r?\nc\r?\n", "list")
    # An interactive shell (on a terminal) announces the job as [1] PID.
    job = rb"\[1\] \d+\r?\n" if edits else rb""
    line(t, "sleep 1 & echo hi; wait\r", job + rb"hi\r?\n", "background_then_wait")
    line(t, "jobs\r", rb"jobs\S*\r?\n\$ $", "no_jobs_left")
    if work:
        line(t, "cd %s; pwd; echo x > f; cat f\r" % work,
             rb"\n%s\r?\nx\r?\n" % re.escape(work.encode()), "cd_pwd_redirect")
    else:
        skip("cd_pwd_redirect", "no writable directory")
    t.send("\x04" if edits else "exit\r")
    status = t.end()
    verdict("shell_ended", status == 0, "status %s" % status)


if __name__ == "__main__":
    main()
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)
