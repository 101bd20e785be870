#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Reads KTAP on stdin, one document with nested subtests (make check's) or
# documents one after the other (make lab's), prints the failures and the
# closing line "N passed, N failed, N skipped".  Only leaf results count: a
# result preceded by a subtest of its own (lines indented deeper since the
# last result of its level) is that subtest's verdict, already counted in
# its leaves.  A result promised by a plan but never printed (a crash, a
# boot that died) counts as failed, document by document, and so does
# "Bail out!".  A failure is printed with the diagnostics that came before
# it at its level (its last 30 lines), so that the end of make check's output
# says why (a CI log may keep only its end).  Exits non-zero unless
# everything passed.
awk '
# The documents open at each depth end with a plan of their own at that
# depth, with a result of a shallower one (their parent test), or at the end.
function close_below(d, parent,   k) {
	for (k = maxdepth; k > d; k--) {
		if (open[k] && plan[k] > seen[k]) {
			print "FAILED: " parent plan[k] - seen[k] " planned results never reported"
			failed += plan[k] - seen[k]
		}
		open[k] = 0
	}
}
{
	match($0, /^ */)
	depth = int(RLENGTH / 2)
	line = substr($0, 2 * depth + 1)
	if (depth > maxdepth) maxdepth = depth
	for (k = 0; k < depth; k++) deeper[k] = 1
}
line ~ /^1\.\.[0-9]+/ {
	close_below(depth - 1, "")
	open[depth] = 1
	plan[depth] = substr(line, 4) + 0
	seen[depth] = 0
}
# The diagnostics since the last result of this depth: the last 30 kept.
line ~ /^#/ {
	ndiag[depth]++
	diag[depth, ndiag[depth] % 30] = line
	next
}
line ~ /^(not )?ok [0-9]+/ {
	parent = line
	sub(/^(not )?ok [0-9]+ /, "", parent)
	close_below(depth, parent ": ")
	seen[depth]++
	leaf = !deeper[depth]
	deeper[depth] = 0
	nd = ndiag[depth]
	ndiag[depth] = 0
	if (!leaf) next
	if (line ~ /^not ok /) {
		failed++
		print "FAILED: " substr(line, 8)
		for (k = (nd > 30 ? nd - 29 : 1); k <= nd; k++)
			print "    " diag[depth, k % 30]
	}
	else if (line ~ /# [Ss][Kk][Ii][Pp]/) skipped++
	else passed++
}
line ~ /^Bail out!/ { failed++; print "FAILED: " line }
END {
	close_below(-1, "")
	printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped
	exit (failed || !passed) ? 1 : 0
}'
