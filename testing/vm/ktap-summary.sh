#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Reads concatenated KTAP documents on stdin and prints the failures and the
# closing line "N passed, N failed, N skipped".  A result promised by a plan
# but never printed (a crash, a boot that died) counts as failed, and so
# does "Bail out!".  Exits non-zero unless everything passed.
awk '
/^1\.\.[0-9]+/ { planned += substr($1, 4) }
/^ok / {
	results++
	if ($0 ~ /# [Ss][Kk][Ii][Pp]/) skipped++; else passed++
}
/^not ok / { results++; failed++; print "FAILED: " substr($0, 8) }
/^Bail out!/ { bailed++; print "FAILED: " $0 }
END {
	missing = planned - results
	if (missing > 0) {
		print "FAILED: " missing " planned results never reported"
		failed += missing
	}
	failed += bailed
	printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped
	exit (failed || !passed) ? 1 : 0
}'
