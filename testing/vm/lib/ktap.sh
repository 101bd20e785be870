# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
#
# KTAP: results of host-side checks, the judgement of a boot's console, the
# names of a kernel's results, and the one document that make check writes.

# xpc_result STATUS NAME OUTPUT-FILE: the next KTAP result (counted in n),
# with the command's output as diagnostics when STATUS is not 0: its first
# and last 20 lines, where both the cause and the verdict tend to be.
xpc_result() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n $2"
		return
	fi
	if [ "$(wc -l <"$3")" -gt 40 ]; then
		{ head -n 20 "$3"; echo "[...]"; tail -n 20 "$3"; } | sed 's/^/# /'
	else
		sed 's/^/# /' "$3"
	fi
	echo "not ok $n $2"
}

# xpc_judge_boot NAME QEMU-STATUS LOG: the KTAP document that judges a boot:
# it reached its END marker, and neither Xen nor the kernel printed a BUG,
# WARNING, Oops or general protection fault, nor one of the allocator
# debugging's reports (KFENCE's "BUG: KFENCE: ..." is a BUG:; SLUB's start
# "BUG kmalloc-64 (Tainted: ...): Poison overwritten", its other caches'
# likewise), nor a list corruption (CONFIG_DEBUG_LIST, whose reports are
# WARNINGs on 6.1 and BUGs on later kernels, or just their first line), nor
# a leak kmemleak found (the debug kernel's; guest/init scans at the end).
# A user program's own fault, which the kernel reports as "traps: PROG[PID]
# general protection fault ... in PROG" when it sends SIGSEGV (the
# selftests provoke one on purpose: a port read without I/O privilege), is
# not the kernel's; nor is Xen's notice, at every boot of a PVH dom0, that
# PVH is an experimental mode.
xpc_judge_boot() {
	local name=$1 rc=$2 out=$3 ok=ok
	echo "TAP version 13"
	echo "1..2"
	if [ "$rc" = 0 ] && xpc_marked "$out" | grep -qx END; then
		echo "ok 1 $name.boot_completed"
	else
		echo "# QEMU status $rc; last lines of the console:"
		tr -d '\r' <"$out" | sed "/'0' pressed/,\$d" | grep -v '@@WATCHDOG@@' |
			tail -n 15 | sed 's/^/# /'
		tr -d '\r' <"$out" | sed -n 's/^.*@@WATCHDOG@@ /# watchdog: /p'
		# Where Xen found dom0's vCPUs just before the timeout (boot.sh).
		tr -d '\r' <"$out" | sed -n "/'0' pressed/,\$p" |
			grep -E 'Dumping Dom0|RIP:| PC:' | head -n 8 | sed 's/^/# dom0 at timeout: /'
		echo "not ok 1 $name.boot_completed"
	fi
	if tr -d '\r' <"$out" | grep -E 'BUG:|WARNING:|Oops|general protection|BUG [a-z0-9_:.-]+ \(|Poison overwritten|Redzone overwritten|Object padding overwritten|list_(add|del) corruption|unreferenced object' |
		grep -vE '\] traps: [^ ]+\[[0-9]+\] general protection fault ip:[0-9a-f]+ sp:[0-9a-f]+ error:[0-9a-f]+ in ' |
		grep -vx '(XEN) WARNING: PVH is an experimental mode with limited functionality' \
		>"$out.bad"; then
		sed 's/^/# /' "$out.bad" | head -n 8
		# The first report as the console has it: the lines after its
		# first (registers, call trace), which say where it happened.
		tr -d '\r' <"$out" | grep -F -x -A 24 -m 1 -e "$(head -n 1 "$out.bad")" |
			tail -n +2 | grep -E 'RIP:|PC is|pc :|lr :|Call Trace|^(@@DMESG@@ )?\[ *[0-9.]+\]  ' |
			head -n 18 | sed 's/^/# report: /'
		ok="not ok"
	fi
	echo "$ok 2 $name.console_free_of_bug_warning_oops"
}

# Prefixes the name of every top-level KTAP result read on stdin, so that the
# same test on two kernels has two names.  A result without a name (the
# kselftest harness of 6.1 prints a skipped test as "ok 13 # SKIP reason")
# gets the prefix as its name, before its directive.
xpc_ktap_prefix() { # PREFIX
	sed -E -e "s#^((not )?ok [0-9]+ )(\# )#\\1$1 \\3#" -e t \
		-e "s#^((not )?ok [0-9]+ )#\\1$1#"
}

# xpc_ktap_subtest NUMBER NAME: the KTAP documents read on stdin (one part of
# make check: a boot's, a script's) as subtest NUMBER of make check's
# document, NAME: indented by two spaces (KTAP v1), with a version line, a
# "# Subtest" line and a plan of its own, then its result at the top level.
# The documents' results become one list, numbered again, names unchanged;
# the plan is the sum of theirs, so that a result promised but never printed
# is still missing.  Lines that are not KTAP become diagnostics.  The part
# fails if a result failed or is missing, on "Bail out!", or if it printed
# no result at all (then one failed result, NAME.reported_results, says
# so) unless a plan said "1..0 # SKIP"; it is skipped if every result was.
xpc_ktap_subtest() {
	awk -v num="$1" -v name="$2" '
	function emit(line) { body[++lines] = line }
	/^(K?TAP version [0-9]+)$/ { next }
	/^1\.\.[0-9]+/ {
		planned += substr($1, 4)
		if ($0 ~ /# [Ss][Kk][Ii][Pp]/) skipplan = $0
		if ($0 ~ /#/) emit("# " $0)
		next
	}
	/^(not )?ok [0-9]+/ {
		results++
		match($0, /^(not )?ok [0-9]+/)
		status = $0 ~ /^not / ? "not ok" : "ok"
		if (status == "not ok") failed++
		else if ($0 ~ /# [Ss][Kk][Ii][Pp]/) skipped++
		emit(status " " results substr($0, RLENGTH + 1))
		next
	}
	/^Bail out!/ { bailed++; emit($0); next }
	/^#/ { emit($0); next }
	/./ { emit("# " $0) }
	END {
		if (!results && !planned && skipplan != "") {
			print "  KTAP version 1"
			print "  # Subtest: " name
			print "  " skipplan
			print "ok " num " " name " # SKIP every document skipped"
			exit
		}
		if (!results) {
			emit("not ok 1 " name ".reported_results # no KTAP result")
			results = failed = 1
		}
		if (planned > results)
			emit("# " planned - results " planned results never reported")
		print "  KTAP version 1"
		print "  # Subtest: " name
		print "  1.." (planned > results ? planned : results)
		for (i = 1; i <= lines; i++)
			print "  " body[i]
		if (failed || bailed || planned > results)
			print "not ok " num " " name
		else if (skipped == results)
			print "ok " num " " name " # SKIP every result skipped"
		else
			print "ok " num " " name
	}'
}
