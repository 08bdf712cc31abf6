# For scripts/bench-table.awk and scripts/bench-threads.awk (awk -f this
# -f that): the keys of set, as numbers, ascending, into sorted[1..n];
# returns n.  An insertion sort: a table has a few rows.
function sort_keys(set, sorted,    n, k, i, j, x) {
	n = 0
	for (k in set)
		sorted[++n] = k + 0
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && sorted[j - 1] > sorted[j]; j--) {
			x = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = x
		}
	return n
}
