#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make check: the whole test suite.
#  1. static checks (W=1 build, sparse, checkpatch, UAPI self-containment)
#  2. host unit tests of the schema and the UAPI layout
#  3. Xen 4.17 + Debian dom0 in QEMU: module load checks, then the selftests
#     as 64- and 32-bit programs, all against the real hypervisor
#  4. the same kernel without Xen: the module must refuse to load
# Every part reports KTAP; a boot that dies, a missing result, or a BUG,
# WARNING, Oops or general protection fault in any console log fails the run.
. "$(dirname "$0")/lib.sh"

xpc_deps
RESULTS="$BUILD/results.ktap"
: >"$RESULTS"
report() { tee -a "$RESULTS"; }

log "static checks"
"$ROOT/testing/vm/static.sh" | report

log "host unit tests"
make -s -C "$ROOT/testing/unit" clean >/dev/null
# The runs report their own KTAP; this result catches a build or run that
# failed before it could.
rc=0
make -s -C "$ROOT/testing/unit" run >"$BUILD/unit.out" 2>&1 || rc=$?
report <"$BUILD/unit.out"
{
	echo "TAP version 13"
	echo "1..1"
	if [ $rc = 0 ]; then echo "ok 1 unit.all_built_and_ran"; else
		grep -E 'error|Error' "$BUILD/unit.out" | head -n 10 | sed 's/^/# /'
		echo "not ok 1 unit.all_built_and_ran"
	fi
} | report

xpc_build

# boot_suite NAME MODE HOW: boots, relays the KTAP, then judges the boot.
boot_suite() {
	local name=$1 mode=$2 how=$3 out="$BUILD/$1.log" rc=0 ok=ok
	log "booting $name ($how, $KVER); console log: $out"
	xpc_boot "$mode" "$out" "$how" || rc=$?
	xpc_marked "$out" | grep -v '^END$' | report
	{
		echo "TAP version 13"
		echo "1..2"
		if [ $rc = 0 ] && xpc_marked "$out" | grep -qx END; then
			echo "ok 1 $name.boot_completed"
		else
			echo "# QEMU status $rc; last lines of the console:"
			tr -d '\r' <"$out" | tail -n 15 | sed 's/^/# /'
			echo "not ok 1 $name.boot_completed"
		fi
		if tr -d '\r' <"$out" | grep -E 'BUG:|WARNING:|Oops|general protection' >"$out.bad"; then
			sed 's/^/# /' "$out.bad" | head -n 20
			ok="not ok"
		fi
		echo "$ok 2 $name.console_free_of_bug_warning_oops"
	} | report
}

boot_suite vm-xen check xen
boot_suite vm-noxen noxen bare

echo
"$ROOT/testing/vm/ktap-summary.sh" <"$RESULTS"
