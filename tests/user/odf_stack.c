/*
 * Stack growth into a PTE table that an odf fork left shared.
 *
 * A process's first write after fork breaks the sharing of the table its
 * stack pointer is in, so to grow the stack into a table that is still
 * shared, the stack must reach a table of its own below that one.  The
 * test makes such a table: it maps one private page, M, at the bottom of
 * the 2 MiB range just below the stack's table, far enough below the
 * stack for the stack to grow down into that range (forklab keeps a gap
 * of STACK_GUARD_GAP between the stack and the mapping below it).  The
 * table mapping M is shared at fork like any other.
 *
 *   higher addresses
 *   +------------------+ stack's table: the stack so far
 *   |  stack  v        |
 *   +------------------+ table below: shared at fork
 *   |  growth v  ...   | <- the child's recursion reaches down to here
 *   |  (guard gap)     |
 *   |  M               |
 *   +------------------+
 *
 * The child recurses down past the boundary, writing every frame.  The
 * test has used far less than 2 MiB of stack, so the stack's VMA ends
 * above the boundary, and the child's first write below it is a stack
 * growth fault that lands in the shared table: the kernel must copy the
 * table before it maps the new page.  The child sees its frames
 * intact and the new pages its own; the parent, meanwhile and after, sees
 * its table counted once, no page where the child grew, M as it was, and
 * its own stack data unchanged.
 */
#include "odf.h"

#define GROW_INTO	(256UL << 10)	/* how far past the boundary */
#define FRAME_BYTES	1000	/* frames straddle pages unevenly */
#define STACK_DATA	(2 * PAGE_SIZE)	/* on the parent's stack */
#define SEED_M		0x19
#define SEED_PARENT	0x2b
#define SEED_CHILD	0x3d
#define SEED_FRAMES	0x4f

static unsigned char *page_m;		/* the bottom of the table below */
static unsigned char *deep;		/* where the child's stack reaches */
static struct forklab_inspect at_fork;	/* the table below, at fork */
static int to_child[2], to_parent[2];
static int bad_frames;

/* At the bottom of the child's recursion, all its frames alive. */
static void child_at_bottom(void)
{
	struct forklab_inspect in = inspect(deep), m = inspect(page_m);

	CHECK(in.table != 0 && in.table != at_fork.table);
	CHECK_EQ(in.table_ref, 1);
	CHECK_EQ(in.pmd_writable, 1);
	CHECK(in.page != 0);
	CHECK_EQ(in.page_ref, 1);
	CHECK_EQ(in.pte_writable, 1);
	CHECK_EQ(m.table, in.table);
	CHECK_EQ(m.page, at_fork.page);	/* the copy maps M too */
	CHECK_EQ(m.page_ref, 2);
	CHECK_EQ(m.pte_writable, 0);
	CHECK(holds_pattern(page_m, PAGE_SIZE, SEED_M));
	turn_give(to_parent[1]);
	turn_take(to_child[0]);
}

/* Writes a frame, goes one deeper until below `deep`, checks the frame
 * on the way back.  Returns the depth reached, so that the call is not a
 * tail call. */
static unsigned dive(unsigned depth)
{
	unsigned char frame[FRAME_BYTES];
	unsigned reached = depth;

	fill_pattern(frame, FRAME_BYTES, SEED_FRAMES + depth);
	if ((uintptr_t)frame > (uintptr_t)deep)
		reached = dive(depth + 1);
	else
		child_at_bottom();
	if (!holds_pattern(frame, FRAME_BYTES, SEED_FRAMES + depth))
		bad_frames++;
	return reached;
}

static int child_side(unsigned char *stack_data)
{
	struct forklab_inspect in = inspect(deep);

	CHECK_EQ(in.table, at_fork.table);
	CHECK_EQ(in.table_ref, 2);
	CHECK_EQ(in.pmd_writable, 0);
	CHECK_EQ(in.page, 0);
	CHECK(holds_pattern(stack_data, STACK_DATA, SEED_PARENT));
	fill_pattern(stack_data, STACK_DATA, SEED_CHILD);
	CHECK(dive(0) > 0);
	CHECK_EQ(bad_frames, 0);
	CHECK(holds_pattern(stack_data, STACK_DATA, SEED_CHILD));
	return test_result();
}

/* The parent's view, while the child is at the bottom and after: the
 * table below as at fork, counted once, and nothing where the child grew. */
static void check_parent_view(void)
{
	struct forklab_inspect in = inspect(deep), m = inspect(page_m);

	CHECK_EQ(in.table, at_fork.table);
	CHECK_EQ(in.table_ref, 1);
	CHECK_EQ(in.page, 0);
	CHECK_EQ(m.page, at_fork.page);
	CHECK(holds_pattern(page_m, PAGE_SIZE, SEED_M));
}

static void fork_and_grow(void)
{
	unsigned char stack_data[STACK_DATA];
	int status;
	pid_t pid;

	fill_pattern(stack_data, STACK_DATA, SEED_PARENT);
	CHECK_EQ(pipe(to_child), 0);
	CHECK_EQ(pipe(to_parent), 0);
	pid = test_fork();
	if (pid == 0)
		_exit(child_side(stack_data));
	CHECK(pid > 0);
	CHECK(turn_take(to_parent[0]));	/* the child is at the bottom */
	check_parent_view();
	CHECK_EQ(inspect(page_m).page_ref, 2);
	turn_give(to_child[1]);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	check_parent_view();
	CHECK_EQ(inspect(page_m).page_ref, 1);
	CHECK(holds_pattern(stack_data, STACK_DATA, SEED_PARENT));
}

int main(void)
{
	int here;	/* on the stack, in the stack's table */
	uintptr_t boundary = (uintptr_t)&here & ~(TABLE_SPAN - 1);

	odf_start();
	page_m = (unsigned char *)(boundary - TABLE_SPAN);
	deep = (unsigned char *)(boundary - GROW_INTO);

	/* MAP_FIXED replaces what is there: there must be nothing yet. */
	if (inspect(page_m).table != 0 ||
	    mmap(page_m, PAGE_SIZE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != page_m) {
		check_fail(__FILE__, __LINE__, "mmap of M below the stack");
		return test_result();
	}
	fill_pattern(page_m, PAGE_SIZE, SEED_M);
	at_fork = inspect(page_m);
	CHECK_EQ(at_fork.table_ref, 1);
	CHECK_EQ(inspect(deep).table, at_fork.table);
	CHECK_EQ(inspect(deep).page, 0);
	fork_and_grow();
	return test_result();
}
