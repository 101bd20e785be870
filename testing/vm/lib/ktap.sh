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
# WARNING, Oops or general protection fault.  A user program's own fault,
# which the kernel reports as "traps: PROG[PID] general protection fault
# ... in PROG" when it sends SIGSEGV (the selftests provoke one on purpose:
# a port read without I/O privilege), is not the kernel's.
xpc_judge_boot() {
	local name=$1 rc=$2 out=$3 ok=ok
	echo "TAP version 13"
	echo "1..2"
	if [ "$rc" = 0 ] && xpc_marked "$out" | grep -qx END; then
		echo "ok 1 $name.boot_completed"
	else
		echo "# QEMU status $rc; last lines of the console:"
		tr -d '\r' <"$out" | tail -n 15 | sed 's/^/# /'
		echo "not ok 1 $name.boot_completed"
	fi
	if tr -d '\r' <"$out" | grep -E 'BUG:|WARNING:|Oops|general protection' |
		grep -vE '\] traps: [^ ]+\[[0-9]+\] general protection fault ip:[0-9a-f]+ sp:[0-9a-f]+ error:[0-9a-f]+ in ' \
		>"$out.bad"; then
		sed 's/^/# /' "$out.bad" | head -n 20
		ok="not ok"
	fi
	echo "$ok 2 $name.console_free_of_bug_warning_oops"
}

# Prefixes the name of every top-level KTAP result read on stdin, so that the
# same test on two kernels has two names.
xpc_ktap_prefix() { # PREFIX
	sed -E "s#^((not )?ok [0-9]+ )#\\1$1#"
}
