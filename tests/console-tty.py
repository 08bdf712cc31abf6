#!/usr/bin/env python3
"""The console as a person uses it: forklab boots under QEMU on a
pseudo-terminal, as `make run` does on a real one, and the test types at
the shell's prompt, editing keys, arrows and Ctrl-C included, and looks at
what comes back.

The kernel is booted with onlcr=1 and the terminal set -onlcr, as
scripts/run does on a raw terminal, so every byte seen is forklab's own:
"\\r\\n" where its ONLCR is on, "\\n" alone where a program turned it off.

usage: tests/console-tty.py    environment: BUILD=dir (default build),
                       TEST_TIMEOUT=seconds to wait for the first prompt
Prints PASS or FAIL per check, then "N passed, N failed"; what the
console showed is kept in $BUILD/test/tty.console.
"""
import os
import pty
import re
import select
import subprocess
import sys
import termios
import time

BUILD = os.environ.get("BUILD", "build")
BOOT_TIMEOUT = float(os.environ.get("TEST_TIMEOUT", "120"))
REPLY_TIMEOUT = 20              # seconds for a command's answer
PROMPT_AFTER_CTRL_C = 1.0       # seconds: the prompt is back within this
SHELL_SETTLE = 0.5              # seconds for sh, having read a line in raw
                                # mode, to give the terminal back cooked
LONG_LINE = 2000                # characters typed on one line
LINE_MAX = 1023                 # kernel/tty.c: INPUT_SIZE less the Enter's slot
BELL = b"\a"
PROMPT = b"$ "
CTRL_C, CTRL_D, CTRL_U, CTRL_W = b"\x03", b"\x04", b"\x15", b"\x17"
DEL, CTRL_P = b"\x7f", b"\x10"
UP, LEFT, HOME_SS3, END = b"\x1b[A", b"\x1b[D", b"\x1bOH", b"\x1b[4~"

results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    if ok:
        print(f"PASS tty:{name}")
        results["passed"] += 1
    else:
        print(f"FAIL tty:{name}" + (f": {detail}" if detail else ""))
        results["failed"] += 1


class Console:
    """QEMU with COM1 on a pseudo-terminal we hold the other end of."""

    def __init__(self, iso, klog):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            attrs = termios.tcgetattr(0)
            attrs[1] &= ~termios.ONLCR
            termios.tcsetattr(0, termios.TCSANOW, attrs)
            os.environ["KLOG"] = klog
            os.execvp("scripts/qemu.sh", ["scripts/qemu.sh", iso])
        self.seen = b""

    def read_until(self, pattern, timeout):
        """Everything read until pattern (a regex on bytes) matches what
        came since the last call; None on timeout or end."""
        deadline = time.monotonic() + timeout
        start = len(self.seen)
        while not re.search(pattern, self.seen[start:], re.S):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return None
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:
                return None
            if not chunk:
                return None
            self.seen += chunk
        return self.seen[start:]

    def type(self, data):
        for i in range(0, len(data), 64):
            os.write(self.fd, data[i:i + 64])

    def command(self, keys):
        """Types keys at the prompt; what came back until the next one."""
        self.type(keys)
        return self.read_until(re.escape(PROMPT) + b"$", REPLY_TIMEOUT)

    def close(self):
        try:
            os.kill(self.pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)


def typed(con, keys, want):
    """Types keys to cat; what came back once cat wrote want."""
    con.type(keys)
    return con.read_until(re.escape(want), REPLY_TIMEOUT)


def editing(con):
    """cat reads in canonical mode: the lines it writes back are what the
    line discipline made of the keys."""
    con.type(b"cat\r")
    con.read_until(b"cat\r\n", REPLY_TIMEOUT)
    time.sleep(SHELL_SETTLE)
    out = typed(con, b"abX" + DEL + b"c\r", b"\r\nabc\r\n")
    check("backspace_erases", out is not None, repr(con.seen[-80:]))
    check("erase_rubs_out_on_screen", b"X\b \bc" in (out or b""), repr(out))
    out = typed(con, b"wrong" + CTRL_U + b"killed\r", b"\r\nkilled\r\n")
    check("ctrl_u_kills_line", out is not None, repr(con.seen[-80:]))
    out = typed(con, b"one two" + CTRL_W + b"three\r", b"\r\none three\r\n")
    check("ctrl_w_erases_word", out is not None, repr(con.seen[-80:]))
    out = typed(con, b"ar" + UP + b"r" + LEFT + HOME_SS3 + b"ow" + END + b"\r",
                b"arrow\r\narrow\r\n")
    check("arrows_swallowed", out is not None, repr(con.seen[-80:]))
    check("arrows_not_echoed", out is not None and b"\x1b" not in out, repr(out))
    out = typed(con, b"x" * LONG_LINE + b"\r", b"\r\n" + b"x" * LINE_MAX + b"\r\n")
    refused = (out or b"").count(BELL)
    check("long_line_enter_accepted", out is not None, repr(con.seen[-80:]))
    check("long_line_rings_bell", refused == LONG_LINE - LINE_MAX,
          f"{refused} bells for {LONG_LINE - LINE_MAX} refused")
    out = con.command(CTRL_D)
    check("ctrl_d_ends_input", out is not None, repr(con.seen[-80:]))


def ctrl_c(con):
    con.type(b"sleep 100\r")
    con.read_until(b"sleep 100\r\n", REPLY_TIMEOUT)
    time.sleep(1)
    sent = time.monotonic()
    con.type(CTRL_C)
    out = con.read_until(re.escape(PROMPT) + b"$", REPLY_TIMEOUT)
    took = time.monotonic() - sent
    check("ctrl_c_echoes", out is not None and out.startswith(b"^C\r\n"), repr(out))
    check("ctrl_c_prompt_within_1s", out is not None and took < PROMPT_AFTER_CTRL_C,
          f"{took:.2f}s")
    out = con.command(b"echo alive\r")
    check("shell_survives_ctrl_c", b"\r\nalive\r\n" in (out or b""), repr(out))


def programs(con):
    out = con.command(b"/tests/termios isatty\r")
    check("isatty_true", b"isatty 1 1 1\r\n" in (out or b""), repr(out))
    con.type(b"/tests/termios raw 7\r")
    ready = con.read_until(b"ready\n", REPLY_TIMEOUT)
    con.type(CTRL_C + b"\r" + UP + DEL + b"a")
    out = con.read_until(re.escape(PROMPT) + b"$", REPLY_TIMEOUT)
    check("raw_mode_bytes_unchanged", ready is not None and
          out is not None and out.startswith(b"got 03 0d 1b 5b 41 7f 61\r\n"), repr(out))
    con.type(b"/tests/termios wait\r")
    ready = con.read_until(b"ready\r\n", REPLY_TIMEOUT)
    check("nonblocking_read_eagain", b"nonblocking read -1 EAGAIN\r\n" in (ready or b""),
          repr(ready))
    check("poll_nothing_typed", b"poll now 0\r\n" in (ready or b""), repr(ready))
    out = con.command(b"polled\r")
    check("poll_wakes_on_line", b"line polled\r\n" in (out or b""), repr(out))
    out = con.command(b"/tests/termios rawout\r")
    check("onlcr_off_writes_newline_unchanged", b"\r\na\nb\n" in (out or b""), repr(out))
    out = con.command(b"echo onlcr\r")
    check("onlcr_back_on", b"\r\nonlcr\r\n" in (out or b""), repr(out))


def procdump(con):
    """^P at the prompt, then while a program (cat) has the terminal."""
    con.type(CTRL_P)
    out = con.read_until(b"sh +[a-z]+ +\\d+ kB", REPLY_TIMEOUT)
    check("ctrl_p_at_the_prompt", out is not None, repr(con.seen[-200:]))
    con.type(b"cat\r")
    typed(con, b"running\r", b"running\r\nrunning\r\n")     # cat, not sh, reads
    con.type(CTRL_P)
    out = con.read_until(b"cat +[a-z]+ +\\d+ kB", REPLY_TIMEOUT)
    check("ctrl_p_lists_processes",
          out is not None and re.search(rb"\n +1 +sleeping +init +(copy|cow|odf)", out),
          repr(out))
    con.command(CTRL_D)


def main():
    outdir = f"{BUILD}/test"
    os.makedirs(outdir, exist_ok=True)
    iso, klog = f"{outdir}/tty.iso", f"{outdir}/tty.klog"
    subprocess.run(["scripts/mkiso.sh", iso, f"{BUILD}/kernel.elf", "onlcr=1",
                    f"{BUILD}/root.cpio"], check=True)
    open(klog, "w").close()
    con = Console(iso, klog)
    try:
        if con.read_until(re.escape(PROMPT) + b"$", BOOT_TIMEOUT) is None:
            check("prompt", False, repr(con.seen[-200:]))
        else:
            for part in (editing, ctrl_c, programs, procdump):
                part(con)
            con.command(b"exit\r")
    finally:
        con.close()
        with open(f"{outdir}/tty.console", "wb") as f:
            f.write(con.seen)
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    sys.exit(main())
