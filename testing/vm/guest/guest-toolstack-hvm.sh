# SPDX-License-Identifier: GPL-2.0-only
#
# Sourced by guest-toolstack.sh, once the PV domUs are gone: the guests that
# need Xen's HVM support, where Xen has it (a PVH dom0 on SVM with nested
# paging: lib/boot.sh): a PVH domU that runs domu-init's tests.  Uses init's
# say/result/expect and guest-toolstack.sh's helpers.

HVM_TESTS=3
PVH=xpcpvh

# HVM with nested paging (pvh-6.1's QEMU has +npt).  Xen offers HVM on the
# PV-dom0 configurations too, on shadow paging, which software emulation
# makes too slow to boot a guest within the toolstack boot.
xen_has_hvm() {
	xl info | grep '^virt_caps' | grep -qw hvm &&
		xl info | grep '^virt_caps' | grep -qw hap
}
guest_gone() { ! xl list | grep -q "^$1 "; }
# wait_until SECONDS COMMAND...: as wait_for, but the time it took is said.
wait_until() {
	local t0 rc
	t0=$(date +%s)
	wait_for "$@"
	rc=$?
	echo "after $(($(date +%s) - t0)) s"
	return $rc
}

# The PVH domU: domu-init's tests, as the PV one ran them.  Its console is
# xenconsoled's, as a PV guest's.
pvh_console_has() { grep -q "$1" "$XS_LOG/guest-$PVH.log"; }
pvh_done() { pvh_console_has '@@DOMU@@ END' || guest_gone $PVH; }
pvh_finished() {
	wait_until 300 pvh_done || return 1
	pvh_console_has '@@DOMU@@ END'
}
xl_create_pvh() {
	domu_cfg $PVH pvh xpc_guest=PVH 160
	xl create /tmp/$PVH.cfg
}

# The tests, HVM_TESTS of them: skipped where Xen has no HVM with HAP.
hvm_guests() {
	local t
	if ! xen_has_hvm; then
		for t in xl_create_pvh_domu pvh_domu_console_shows_marker pvh_domu_shut_down; do
			result ok "toolstack.$t # SKIP Xen has no HVM with HAP here"
		done
		return 0
	fi

	expect toolstack.xl_create_pvh_domu xl_create_pvh
	expect toolstack.pvh_domu_console_shows_marker pvh_finished
	expect toolstack.pvh_domu_shut_down wait_for 60 guest_gone $PVH
}

# The PVH domU's own results, a KTAP document of their own, once the
# toolstack's is complete (nothing, where there was no PVH domU).
pvh_domu_ktap() {
	tr -d '\r' <"$XS_LOG/guest-$PVH.log" 2>/dev/null | sed -n 's/^.*@@DOMU@@ //p' |
		grep -v '^END$' | sed "s/^\(\(not \)\{0,1\}ok [0-9]* \)/\1domu-pvh./" |
		sed "s/^/$M /"
}
