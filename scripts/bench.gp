# The plots of make bench (scripts/bench.sh), from forkbench's CSV files:
#
#   gnuplot -e "dir='build/bench'; label='...'" scripts/bench.gp
#
# writes dir/fork-latency, dir/page-tables and dir/write-after-fork, each
# as .png and .svg.  Each line is one mode's rows of one metric, picked out
# of the CSV with grep; skipped sizes simply have no point.

set datafile separator ","
set logscale xy
set format x "%g"
set format y "10^{%L}"
set xtics (16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192)
set autoscale xfix
set offsets graph 0.04, graph 0.04, 0, 0
set xlabel "resident memory of the parent (MiB)"
set grid
set key outside right top
set style data linespoints
# One colour per system or mode, whatever the plot.
COPY = "#8e44ad"; COW = "#1e8449"; ODF = "#2471a3"; HODF = "#17a589"; LINUX = "#d35400"

rows(file, mode, metric) = sprintf("< grep '^[0-9]*,%s,%s,' '%s/%s'", mode, metric, dir, file)
us(col) = column(col) / 1000.0
kib(col) = column(col) > 0 ? column(col) / 1024.0 : NaN

do for [fmt in "png svg"] {
	if (fmt eq "png") {
		set terminal pngcairo size 1000,560 font ",10"
	} else {
		set terminal svg size 1000,560 dynamic font ",11"
	}

	set output sprintf("%s/fork-latency.%s", dir, fmt)
	set title "Fork latency seen by the parent (median)\n{/*0.8 ".label."}"
	set ylabel "µs"
	plot rows("forklab.csv", "copy", "fork") using 1:(us(4)) title "forklab copy" pt 4 lc rgb COPY, \
	     rows("forklab.csv", "cow", "fork") using 1:(us(4)) title "forklab cow" pt 6 lc rgb COW, \
	     rows("forklab.csv", "odf", "fork") using 1:(us(4)) title "forklab odf" pt 8 lw 2 lc rgb ODF, \
	     rows("forklab.csv", "hodf", "fork") using 1:(us(4)) title "forklab hodf" pt 10 lw 2 lc rgb HODF, \
	     rows("host.csv", "linux", "fork") using 1:(us(4)) title "Linux (host, native)" dt 2 pt 1 lc rgb LINUX

	set output sprintf("%s/page-tables.%s", dir, fmt)
	set title "Page tables while parent and child live (median)\n{/*0.8 ".label."}"
	set ylabel "KiB"
	plot rows("forklab.csv", "copy", "pagetables_delta") using 1:(kib(4)) title "copy: PageTables change" pt 4 lc rgb COPY, \
	     rows("forklab.csv", "cow", "pagetables_delta") using 1:(kib(4)) title "cow: PageTables change" pt 6 lc rgb COW, \
	     rows("forklab.csv", "odf", "pagetables_delta") using 1:(kib(4)) title "odf: PageTables change" pt 8 lw 2 lc rgb ODF, \
	     rows("forklab.csv", "odf", "child_vmpte_shared") using 1:(kib(4)) title "odf: tables the child shares" dt 3 pt 9 lc rgb ODF, \
	     rows("forklab.csv", "hodf", "pagetables_delta") using 1:(kib(4)) title "hodf: PageTables change" pt 10 lw 2 lc rgb HODF, \
	     rows("host.csv", "linux", "child_vmpte") using 1:(kib(4)) title "Linux: child's VmPTE" dt 2 pt 1 lc rgb LINUX

	set output sprintf("%s/write-after-fork.%s", dir, fmt)
	set title "Writing every page after fork (median per page)\n{/*0.8 ".label."}"
	set ylabel "ns per page"
	plot rows("forklab.csv", "copy", "child_write_all_per_page") using 1:4 title "child, copy" pt 4 lc rgb COPY, \
	     rows("forklab.csv", "cow", "child_write_all_per_page") using 1:4 title "child, cow" pt 6 lc rgb COW, \
	     rows("forklab.csv", "odf", "child_write_all_per_page") using 1:4 title "child, odf" pt 8 lw 2 lc rgb ODF, \
	     rows("forklab.csv", "hodf", "child_write_all_per_page") using 1:4 title "child, hodf" pt 10 lw 2 lc rgb HODF, \
	     rows("forklab.csv", "cow", "parent_write_all_after_child_exit_per_page") using 1:4 title "parent after child's exit, cow" dt 3 pt 6 lc rgb COW, \
	     rows("forklab.csv", "odf", "parent_write_all_after_child_exit_per_page") using 1:4 title "parent after child's exit, odf" dt 3 pt 8 lc rgb ODF, \
	     rows("host.csv", "linux", "child_write_all_per_page") using 1:4 title "child, Linux (host)" dt 2 pt 1 lc rgb LINUX
}
