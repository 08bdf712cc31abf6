# The Markdown tables of make bench's second boot (scripts/bench.sh), from
# forkbench --threads's CSV: fork while 0, 1, 2, 4 ... threads of the
# parent write on the other CPUs, in every mode, one boot.
#
#   awk -f scripts/bench-sort.awk -f scripts/bench-threads.awk threads.csv >> results.md
#
# A fork that write-protects the parent (cow, odf, hodf) ends with one TLB
# shootdown round: one IPI to each other CPU running the parent's mm, and
# a wait for every answer.  Its cost is the system call's growth over the
# fork without threads; each extra CPU's, the growth from 1 thread to the
# most, over the IPIs it added.

BEGIN {
	FS = ","
	NS_PER_US = 1000
	split("copy cow odf hodf", MODES, " ")
	NMODES = 4
}

/^# [a-z_]+: / {
	info[substr($0, 3, index($0, ":") - 3)] = substr($0, index($0, ":") + 2)
	next
}

/^[0-9]+,/ {
	threads[$1] = 1
	if ($3 == "skipped")
		skipped[$1, $2] = $8
	else
		med[$1, $2, $3] = $4
}

function have(t, m, metric) { return (t, m, metric) in med }

function us(ns) {
	return ns >= 100 * NS_PER_US ? sprintf("%.0f", ns / NS_PER_US) : sprintf("%.1f", ns / NS_PER_US)
}

function cell(t, m, metric, how) {
	if ((t, m) in skipped)
		return "skipped"
	if (!have(t, m, metric))
		return "n/a"
	return how == "us" ? us(med[t, m, metric]) : med[t, m, metric]
}

# The system call's growth, ns, from `from` threads to t in mode m.
function growth(from, t, m) {
	if (!have(t, m, "fork_syscall") || !have(from, m, "fork_syscall"))
		return "n/a"
	return med[t, m, "fork_syscall"] - med[from, m, "fork_syscall"]
}

# Each extra CPU's cost, ns: the growth from 1 thread to the most, over
# the IPIs it added; "-" where the fork sends none.
function per_cpu(most, m,    ipis) {
	if (!have(most, m, "fork_tlb_ipis") || !have(1, m, "fork_tlb_ipis") || growth(1, most, m) == "n/a")
		return "n/a"
	ipis = med[most, m, "fork_tlb_ipis"] - med[1, m, "fork_tlb_ipis"]
	return ipis > 0 ? sprintf("%.0f", growth(1, most, m) / ipis) : "-"
}

function table_head(title) {
	printf "\n### %s\n\n| threads | copy | cow | odf | hodf |\n|---:|---:|---:|---:|---:|\n", title
}

# One row per thread count: `metric` in each mode.
function table(title, metric, how,    i, k, line) {
	table_head(title)
	for (i = 1; i <= n; i++) {
		line = "| " sorted[i]
		for (k = 1; k <= NMODES; k++)
			line = line " | " cell(sorted[i], MODES[k], metric, how)
		print line " |"
	}
}

# The round's cost: the growth over 0 threads, then each extra CPU's.
function cost_table(    i, k, line, most) {
	table_head("The shootdown's cost (ns): the system call's growth over 0 threads")
	for (i = 2; i <= n; i++) {
		line = "| " sorted[i]
		for (k = 1; k <= NMODES; k++)
			line = line " | " growth(0, sorted[i], MODES[k])
		print line " |"
	}
	most = sorted[n]
	line = "| each CPU more, 1 to " most
	for (k = 1; k <= NMODES; k++)
		line = line " | " per_cpu(most, MODES[k])
	print line " |"
}

END {
	n = sort_keys(threads, sorted)
	print "\n## Fork with threads on other CPUs: the TLB shootdown\n"
	printf "A second boot (%s, icount %s): the parent's %s MiB written, " \
		"then forks (%s) while 0 to %d of its threads write on the other CPUs; " \
		"each child exits at once.  Medians; minimums are in threads.csv.\n",
		info["qemu"], info["icount"] ~ /^on/ ? "on" : "off", info["size_mib"],
		info["reps"], sorted[n]
	if (info["icount"] ~ /^on/)
		print "\nWith icount, ns are guest instructions (of every CPU: QEMU runs them " \
			"in turn) and µs thousands of them."
	table("The fork system call (µs)", "fork_syscall", "us")
	table("Fork latency seen by the parent (µs)", "fork", "us")
	table("CPUs the fork's shootdown asked (ForkTLBShootdownIPIs)", "fork_tlb_ipis", "count")
	cost_table()
}
