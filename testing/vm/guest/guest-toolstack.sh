# SPDX-License-Identifier: GPL-2.0-only
#
# Sourced by init (xpc_mode=toolstack) in dom0: Debian's unmodified Xen
# toolstack on xprivcmd in drop-in mode, the in-tree xen-privcmd never
# loaded, and a PV domU created by xl that runs tests of its own.  Uses
# init's say/result/expect.

# Paths, daemons, the domU configuration and the idle domU's helpers.
# shellcheck source=guest-xl.sh
. /xpc/guest-xl.sh
DOMU=xpcdomu
console_has() { grep -q "$1" "$XS_LOG/guest-$DOMU.log"; }

# Works, and a kernel address is refused by xprivcmd, not passed to Xen.
proc_privcmd_is_xprivcmd() {
	hcall --device /proc/xen/privcmd version >/dev/null &&
		hcall --device /proc/xen/privcmd call xen_version 5 0xffffffff81000000 >/tmp/h 2>&1
	[ $? != 0 ] && grep -q 'not in user space' /tmp/h
}
# hcall from the xprivcmd-utils package (dynamic, with Debian's libc), put
# here by the package test: it opens xprivcmd's node without a word and
# reports the loaded module's version (the one DKMS built).
packaged_hcall() {
	/usr/bin/hcall version >/dev/null 2>/tmp/hcall.err && ! grep -q . /tmp/hcall.err &&
		/usr/bin/hcall --version | grep -q '^xprivcmd module: [0-9]'
}
xl_info() { xl info | grep -q "^xen_version *: $XEN_VER"; }
xl_list() { xl list | grep -q '^Domain-0 '; }
xl_dmesg() { xl dmesg | grep -q "Xen version $XEN_VER"; }
xenstore_ls() { xenstore-ls /local/domain/0 | grep -q 'name = "Domain-0"'; }
domu_gone() { ! xl list | grep -q "^$DOMU "; }
# The domU's last line, or its end without it (as soon as it is gone).
domu_done() {
	console_has '@@DOMU@@ END' && return 0
	domu_gone && ! console_has '@@DOMU@@ END' && return 2
	return 1
}
domu_finished() {
	local left=240 rc
	while :; do
		rc=0; domu_done || rc=$?
		[ $rc = 1 ] || return $rc
		left=$((left - 1))
		[ $left -gt 0 ] || return 1
		sleep 1
	done
}
# selftests/resource_domu: dom0 maps the domU's grant table through
# IOCTL_PRIVCMD_MMAP_RESOURCE and finds the console and xenstore rings
# granted to it.  Its KTAP goes to /tmp/resource_domu.
map_domu_grant_table() {
	local id
	: >/tmp/resource_domu
	id=$(xl domid $DOMU) || return 1
	XPC_DOMU=$id XPC_DOMU_CONSOLE=$(xenstore-read /local/domain/$id/console/ring-ref) \
		XPC_DOMU_STORE=$(xenstore-read /local/domain/$id/store/ring-ref) \
		/xpc/selftests/xprivcmd/resource_domu >/tmp/resource_domu 2>&1 &&
		grep -q '^ok 2 domu.maps_reserved_entries$' /tmp/resource_domu
}
through_xprivcmd() {
	intree_absent && [ "$(issued)" -gt $((before + 100)) ] &&
		[ "$(issued domctl)" -gt "$domctl_before" ]
}

# The second PV domU, the idle one (guest-xl.sh), to xen-mfndump too.
mfndump_idle() {
	xen-mfndump dump-p2m "$(xl domid $IDLE)" >/tmp/p2m 2>&1
	echo "xen-mfndump: $?"
	head -n 5 /tmp/p2m
	grep -q 'pfn' /tmp/p2m
}
# Xen's own test programs (tools/tests in Xen's tree, shipped by Debian).
depriv_checker() { # an unrestricted fd is reported as such
	depriv-fd-checker privcmd 5 xpc 5</dev/xen/privcmd >/tmp/depriv 2>&1
	local rc=$?
	echo "depriv-fd-checker: $rc"
	cat /tmp/depriv
	[ $rc = 0 ] && grep -q '^privcmd fail 5' /tmp/depriv
}

# The guests that need Xen's HVM support (HVM_TESTS, hvm_guests).
. /xpc/guest-toolstack-hvm.sh

say "TAP version 13"
say "1..$((30 + HVM_TESTS))"
xprivcmd_drop_in expect
expect toolstack.proc_xen_privcmd_served_by_xprivcmd proc_privcmd_is_xprivcmd
if [ -x /usr/bin/hcall ]; then
	expect toolstack.packaged_hcall_finds_xprivcmd packaged_hcall
else
	result ok "toolstack.packaged_hcall_finds_xprivcmd # SKIP xprivcmd-utils was not installed"
fi
expect toolstack.modprobe_evtchn_gntdev_gntalloc xen_devices_up
before=$(issued)
rejected_before=$(rejected)
toolstack_daemons expect
expect toolstack.xl_info xl_info
expect toolstack.xl_list xl_list
expect toolstack.xl_dmesg xl_dmesg
expect toolstack.xenstore_ls xenstore_ls
domctl_before=$(issued domctl)
domu_cfg $DOMU pv xpc_guest=PV 160
# Paused, so that dom0 sees its grant table as the toolstack seeded it.
expect toolstack.xl_create_pv_domu xl create -p /tmp/$DOMU.cfg
# Its restricted-fd tests are refused on purpose: not the toolstack's.
test_rejected=$(rejected)
rc=0; map_domu_grant_table || rc=$?
rejected_before=$((rejected_before + $(rejected) - test_rejected))
sed "s/^/$M # /" /tmp/resource_domu
if [ $rc = 0 ]; then
	result ok toolstack.mmap_resource_domu_grant_table
else
	result fail toolstack.mmap_resource_domu_grant_table
fi
expect toolstack.xl_unpause_domu xl unpause $DOMU
expect toolstack.domu_console_shows_marker domu_finished
expect toolstack.domu_shut_down wait_for 60 domu_gone
expect toolstack.xl_create_idle_domu xl_create_idle
expect toolstack.xl_save xl_save_idle
expect toolstack.xl_restore_keeps_it_running xl_restore_idle
expect toolstack.xl_dump_core dump_core_idle
expect toolstack.xen_mfndump_p2m mfndump_idle
expect toolstack.xl_destroy_idle xl destroy $IDLE
expect toolstack.test_resource test-resource
expect toolstack.test_xenstore test-xenstore
expect toolstack.test_paging_mempool test-paging-mempool
expect toolstack.depriv_fd_checker depriv_checker
# A PVH domU and an HVM guest with QEMU, where Xen has HVM.
hvm_guests
say "# xprivcmd issued $(($(issued) - before)) hypercalls for the toolstack," \
	"$(($(issued domctl) - domctl_before)) domctls from xl create on;" \
	"refusals: $rejected_before before and by the tests, $(rejected) after"
expect toolstack.calls_went_through_xprivcmd through_xprivcmd
# The default policy lets the toolstack do all it did on the in-tree driver.
expect toolstack.default_policy_refused_nothing test "$(rejected)" = "$rejected_before"

# The domU's own results, a KTAP document of its own.
tr -d '\r' <"$XS_LOG/guest-$DOMU.log" 2>/dev/null | sed -n 's/^.*@@DOMU@@ //p' |
	grep -v '^END$' | sed "s/^\(\(not \)\{0,1\}ok [0-9]* \)/\1domu./" | sed "s/^/$M /"
pvh_domu_ktap

# IOEVENTFD and IRQFD on an HVM guest's ioreq server: a document of its own.
. /xpc/guest-ioreq.sh
