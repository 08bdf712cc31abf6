"""
Backtraces through traps: `bt` from inside the kernel continues past the
trap and system call entries (arch/vectors.asm, arch/syscall_entry.asm)
into the code they interrupted, kernel or user (user frames get names
once `fl-user PROG` has loaded the program's symbols).

Both entries save the interrupted registers as a struct trapframe
(arch/trap.h) on the kernel stack and call their C dispatcher with rsp
pointing at it.  So the frame whose pc is the return address of that call
has its trapframe at its own rsp; the frame before it (the interrupted
code) has the trapframe's registers.  gdb's own unwinders find nothing
there: the entries are assembly without call frame information.
"""
import gdb
import gdb.unwinder

CALL_REL32 = 0xE8           # call with a 32-bit displacement
CALL_LEN = 5
DISPATCHERS = ("trap_dispatch", "syscall_dispatch")
# struct trapframe (arch/trap.h), in the order of its fields
TRAPFRAME = ("r15", "r14", "r13", "r12", "r11", "r10", "r9", "r8",
             "rbp", "rdi", "rsi", "rdx", "rcx", "rbx", "rax",
             "vector", "error", "rip", "cs", "eflags", "rsp", "ss")
WORD = 8
ADDRESS_MASK = (1 << 64) - 1    # gdb reads kernel addresses as negative
NOT_SAVED = ("vector", "error", "cs", "ss")   # not registers of the frame


class FrameId:
    """What gdb.unwinder needs to tell one frame from another (gdb < 14
    has no class of its own for it); sp and pc are gdb.Values."""

    def __init__(self, sp, pc):
        self.sp = sp
        self.pc = pc


def address_of(name):
    try:
        return int(gdb.parse_and_eval("(unsigned long)&" + name)) & ADDRESS_MASK
    except gdb.error:
        return None


def returns_from_dispatch(pc):
    """Does pc follow a `call trap_dispatch` or `call syscall_dispatch`?"""
    if pc < CALL_LEN:           # the outermost frame's: kmain's caller has none
        return False
    try:
        code = bytes(gdb.selected_inferior().read_memory(pc - CALL_LEN, CALL_LEN))
    except gdb.MemoryError:
        return False
    if code[0] != CALL_REL32:
        return False
    target = (pc + int.from_bytes(code[1:], "little", signed=True)) & ADDRESS_MASK
    return target in filter(None, map(address_of, DISPATCHERS))


class TrapFrameUnwinder(gdb.unwinder.Unwinder):
    """Unwinds the trap and system call entries through their trapframe."""

    def __init__(self):
        super().__init__("forklab-trapframe")

    def __call__(self, pending):
        pc, sp = pending.read_register("rip"), pending.read_register("rsp")
        if not returns_from_dispatch(int(pc) & ADDRESS_MASK):
            return None
        tf = int(sp) & ADDRESS_MASK
        u64 = gdb.lookup_type("unsigned long")
        info = pending.create_unwind_info(FrameId(sp, pc))
        for i, field in enumerate(TRAPFRAME):
            if field in NOT_SAVED:
                continue
            value = gdb.Value(tf + i * WORD).cast(u64.pointer()).dereference()
            info.add_saved_register(field, value.cast(pending.read_register(field).type))
        return info


gdb.unwinder.register_unwinder(None, TrapFrameUnwinder(), replace=True)
