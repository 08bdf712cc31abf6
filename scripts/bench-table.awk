# The Markdown tables of make bench (scripts/bench.sh), from forkbench's
# CSV files: forklab's first, the host's second.
#
#   awk -f scripts/bench-sort.awk -f scripts/bench-table.awk forklab.csv host.csv > results.md
#
# Times are medians over the repetitions.  The targets section holds each
# of docs/perf.md's targets against the numbers at REF_MIB (1 GiB), or at
# the sizes it names; a target whose numbers are missing reads "n/a".

BEGIN {
	FS = ","
	REF_MIB = 1024                  # the size most targets are stated at
	GROWTH_FROM = 64                # odf fork growth: from here to the largest
	PAGE = 4096
	KIB = 1024
	NS_PER_US = 1000
	split("copy cow odf hodf", MODES, " ")
	NMODES = 4
}

FNR == 1 { file++ }

/^# [a-z_]+: / {
	key = substr($0, 3, index($0, ":") - 3)
	info[file, key] = substr($0, index($0, ":") + 2)
	next
}

/^[0-9]+,/ {
	mode = file == 2 ? "linux" : $2
	size[$1] = 1
	if ($3 == "skipped")
		skipped[$1, mode] = $8
	else
		med[$1, mode, $3] = $4
	if ($3 == "fork")
		reps[$1, mode] = $7
}

function have(s, m, metric) { return (s, m, metric) in med }

function us(ns) {
	return ns >= 100 * NS_PER_US ? sprintf("%.0f", ns / NS_PER_US) : sprintf("%.1f", ns / NS_PER_US)
}

# A cell: the metric in unit `how` (us, kib, ns, count), or why it is missing.
function cell(s, m, metric, how,    v) {
	if ((s, m) in skipped)
		return "skipped"
	if (!have(s, m, metric))
		return "n/a"
	v = med[s, m, metric]
	if (how == "us")
		return us(v)
	if (how == "kib")
		return sprintf("%.0f", v / KIB)
	return v
}

function ratio(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "n/a" }

function mratio(s, m1, m2, metric) {
	if (!have(s, m1, metric) || !have(s, m2, metric))
		return "n/a"
	return ratio(med[s, m1, metric], med[s, m2, metric])
}

# One row per size: the metric in each forklab mode, then extra columns.
function mode_table(title, metric, how, extra_head, extra,    i, k, s, line, n, cols) {
	printf "\n### %s\n\n| MiB | copy | cow | odf | hodf | %s |\n|---:|---:|---:|---:|---:|", title, extra_head
	for (n = split(extra_head, cols, "|"); n > 0; n--)
		printf "---:|"
	print ""
	for (i = 1; i <= nsizes; i++) {
		s = sorted[i]
		line = "| " s
		for (k = 1; k <= NMODES; k++)
			line = line " | " cell(s, MODES[k], metric, how)
		print line " | " extra_cell(s, metric, how, extra) " |"
	}
}

function extra_cell(s, metric, how, extra) {
	if (extra == "cow/odf")
		return mratio(s, "cow", "odf", metric) " | " cell(s, "linux", metric, how)
	if (extra == "odf/cow")
		return mratio(s, "odf", "cow", metric) " | " cell(s, "linux", metric, how)
	return cell(s, "linux", metric, how)
}

function header(    i, k) {
	print "# fork in forklab, measured"
	print ""
	printf "forklab (commit %s) under %s; accelerator **%s**, icount **%s**; " \
		"guest CPU %s, TSC %s MHz, hypervisor %s.  Host: %s, %s.  Run %s.\n",
		info[1, "commit"], info[1, "qemu"], info[1, "accel"], info[1, "icount"],
		info[1, "vendor_id"], info[1, "cpu_mhz"], info[1, "hypervisor"],
		info[2, "host_kernel"], info[1, "host_cpu"], info[1, "date"]
	print ""
	printf "Medians over the repetitions (%s); minimums are in the CSV files.  " \
		"All forklab modes ran in one boot: compare them with each other; " \
		"the host's Linux ran natively, not emulated.\n", info[1, "reps"]
	if (info[1, "icount"] ~ /^on/)
		print "\nWith icount, forklab's clock counts guest instructions: read its ns as " \
			"instructions and its µs as thousands of them."
	for (i = 1; i <= nsizes; i++)
		for (k = 1; k <= NMODES; k++)
			if ((sorted[i], MODES[k]) in skipped)
				printf "\n- %s MiB, %s: skipped: %s", sorted[i], MODES[k],
					skipped[sorted[i], MODES[k]]
	print ""
}

function tables() {
	mode_table("Fork latency seen by the parent (µs)", "fork", "us",
		"cow/odf | Linux", "cow/odf")
	mode_table("The fork system call alone (µs)", "fork_syscall", "us",
		"cow/odf | Linux", "cow/odf")
	mode_table("Parent's first write after fork, to its stack (µs)", "parent_write_1", "us",
		"Linux", "")
	mode_table("Fork, child exits at once, reaped (µs)", "fork_exit_wait", "us", "Linux", "")
	mode_table("Fork, execve /bin/true, wait (µs)", "fork_exec_wait", "us", "Linux", "")
	mode_table("Child's first write (µs)", "child_write_1", "us", "Linux", "")
	mode_table("Child writes one PTE table's 512 pages (µs)", "child_write_512", "us", "Linux", "")
	mode_table("Child writes every page (ns per page)", "child_write_all_per_page", "ns",
		"odf/cow | Linux", "odf/cow")
	mode_table("Parent writes every page after a child that exited at once (ns per page)",
		"parent_write_all_after_child_exit_per_page", "ns", "odf/cow | Linux", "odf/cow")
	mode_table("Parent writes every page after a child that wrote every page (ns per page)",
		"parent_write_all_after_child_wrote_per_page", "ns", "odf/cow | Linux", "odf/cow")
	mode_table("PageTables change at fork, both alive (KiB)", "pagetables_delta", "kib", "Linux", "")
	mode_table("Child's own page tables, VmPTE (KiB)", "child_vmpte", "kib", "Linux", "")
	mode_table("Child's shared PTE tables, VmPTEShared (KiB)", "child_vmpte_shared", "kib",
		"Linux", "")
	work_table(REF_MIB)
}

function work_table(s,    k, m, names, n, j) {
	n = split("fork_tables_shared fork_tables_copied fork_ptes_copied fork_pages_copied fork_tlb_flushes", names, " ")
	printf "\n### The fork's work at %s MiB (/proc/self/status)\n\n| mode |", s
	for (j = 1; j <= n; j++)
		printf " %s |", names[j]
	printf "\n|---|"
	for (j = 1; j <= n; j++)
		printf "---:|"
	print ""
	for (k = 1; k <= NMODES; k++) {
		m = MODES[k]
		printf "| %s |", m
		for (j = 1; j <= n; j++)
			printf " %s |", cell(s, m, names[j], "count")
		print ""
	}
}

function verdict(ok, known) { return !known ? "n/a" : ok ? "met" : "**missed**" }

# Breaking one table: the child's first write in odf less the same in cow.
# cow's cost per table at fork: the slope of its fork time over the tables
# it copied, from GROWTH_FROM MiB to REF_MIB (so fixed costs drop out).
function targets(    big, r, known, brk, per_table, dt, f, c) {
	big = sorted[nsizes]
	print "\n## Targets\n\n| target | measured | verdict |\n|---|---|---|"
	known = have(REF_MIB, "cow", "fork") && have(REF_MIB, "odf", "fork")
	r = known ? med[REF_MIB, "cow", "fork"] / med[REF_MIB, "odf", "fork"] : 0
	printf "| odf fork of %d MiB at least 100x faster than cow | %s / %s µs = %.1fx | %s |\n",
		REF_MIB, cell(REF_MIB, "cow", "fork", "us"), cell(REF_MIB, "odf", "fork", "us"), r,
		verdict(r >= 100, known)
	known = big > GROWTH_FROM && have(GROWTH_FROM, "odf", "fork") && have(big, "odf", "fork")
	r = known ? med[big, "odf", "fork"] / med[GROWTH_FROM, "odf", "fork"] : 0
	printf "| odf fork grows less than 2x from %d to %d MiB | %s -> %s µs: %.2fx | %s |\n",
		GROWTH_FROM, big, cell(GROWTH_FROM, "odf", "fork", "us"), cell(big, "odf", "fork", "us"),
		r, verdict(r < 2, known)
	known = have(REF_MIB, "odf", "child_vmpte")
	r = med[REF_MIB, "odf", "child_vmpte"] / KIB
	printf "| odf child's page tables at %d MiB at most 32 KiB | %.0f KiB own; %s KiB shared, which cow copies (%s KiB) | %s |\n",
		REF_MIB, r, cell(REF_MIB, "odf", "child_vmpte_shared", "kib"),
		cell(REF_MIB, "cow", "child_vmpte", "kib"), verdict(r <= 32, known)
	known = have(REF_MIB, "odf", "child_write_all") && have(REF_MIB, "cow", "child_write_all")
	r = known ? med[REF_MIB, "odf", "child_write_all"] / med[REF_MIB, "cow", "child_write_all"] : 0
	printf "| child writing every page after odf fork at most 1.1x cow, %d MiB | %.3fx (%s vs %s ns per page) | %s |\n",
		REF_MIB, r, cell(REF_MIB, "odf", "child_write_all_per_page", "ns"),
		cell(REF_MIB, "cow", "child_write_all_per_page", "ns"), verdict(r <= 1.1, known)
	known = have(REF_MIB, "odf", "child_write_1") && have(REF_MIB, "cow", "child_write_1") &&
		have(GROWTH_FROM, "cow", "fork") && have(REF_MIB, "cow", "fork_tables_copied")
	brk = med[REF_MIB, "odf", "child_write_1"] - med[REF_MIB, "cow", "child_write_1"]
	dt = med[REF_MIB, "cow", "fork_tables_copied"] - med[GROWTH_FROM, "cow", "fork_tables_copied"]
	per_table = known && dt > 0 ? (med[REF_MIB, "cow", "fork"] - med[GROWTH_FROM, "cow", "fork"]) / dt : 0
	r = per_table > 0 ? brk / per_table : 0
	printf "| breaking a shared table at most 1.5x cow's cost per table at fork | %s µs vs %s µs per table: %.2fx | %s |\n",
		us(brk), us(per_table), r, verdict(r <= 1.5, known && per_table > 0)
	hodf_targets(big)
}

# hodf's fork against its own at GROWTH_FROM and against odf's, as
# `metric` measures it (`what`).
function hodf_fork_targets(big, metric, what,    r, known) {
	known = big > GROWTH_FROM && have(GROWTH_FROM, "hodf", metric) && have(big, "hodf", metric)
	r = known ? med[big, "hodf", metric] / med[GROWTH_FROM, "hodf", metric] : 0
	printf "| hodf %s of %d and %d MiB within 1.5x | %s -> %s µs: %.2fx | %s |\n",
		what, GROWTH_FROM, big, cell(GROWTH_FROM, "hodf", metric, "us"),
		cell(big, "hodf", metric, "us"), r, verdict(r <= 1.5, known)
	r = mratio(REF_MIB, "odf", "hodf", metric)
	printf "| hodf %s at %d MiB at least 10x cheaper than odf | %s / %s µs = %sx | %s |\n",
		what, REF_MIB, cell(REF_MIB, "odf", metric, "us"), cell(REF_MIB, "hodf", metric, "us"),
		r, verdict(r + 0 >= 10, r != "n/a")
}

# Issue 16's targets for hodf, against odf in the same boot.
function hodf_targets(big,    r, known) {
	hodf_fork_targets(big, "fork", "fork as the parent sees it")
	hodf_fork_targets(big, "fork_syscall", "fork system call")
	known = have(REF_MIB, "hodf", "child_vmpte") && have(REF_MIB, "hodf", "pagetables_delta")
	printf "| hodf child's own page tables at %d MiB at most 8 KiB | VmPTE %s KiB, PageTables %+s KiB | %s |\n",
		REF_MIB, cell(REF_MIB, "hodf", "child_vmpte", "kib"),
		cell(REF_MIB, "hodf", "pagetables_delta", "kib"),
		verdict(med[REF_MIB, "hodf", "child_vmpte"] <= 8 * KIB &&
			med[REF_MIB, "hodf", "pagetables_delta"] <= 8 * KIB, known)
	r = mratio(REF_MIB, "hodf", "odf", "child_write_1")
	printf "| hodf's first write after fork at %d MiB at most 2x odf's | %s vs %s µs: %sx | %s |\n",
		REF_MIB, cell(REF_MIB, "hodf", "child_write_1", "us"),
		cell(REF_MIB, "odf", "child_write_1", "us"), r, verdict(r + 0 <= 2, r != "n/a")
	r = mratio(REF_MIB, "hodf", "odf", "child_write_all_per_page")
	printf "| hodf child writing every page at %d MiB at most 1.1x odf | %s vs %s ns per page: %sx | %s |\n",
		REF_MIB, cell(REF_MIB, "hodf", "child_write_all_per_page", "ns"),
		cell(REF_MIB, "odf", "child_write_all_per_page", "ns"), r, verdict(r + 0 <= 1.1, r != "n/a")
}

END {
	nsizes = sort_keys(size, sorted)
	header()
	tables()
	targets()
}
