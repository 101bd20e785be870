# SPDX-License-Identifier: GPL-2.0-only
#
# Sourced by guest-toolstack.sh, once the PV domUs are gone: the guests that
# need Xen's HVM support, where Xen has it (a PVH dom0 on SVM with nested
# paging: lib/boot.sh).  A PVH domU that runs domu-init's tests, and an HVM
# guest (selftests/qemu_dm_guest.S as its firmware) whose device model is
# Debian's unmodified QEMU for Xen, started by libxl in dom0 on xprivcmd in
# drop-in mode: its DM_OPs, the ioreq server's pages it maps
# (IOCTL_PRIVCMD_MMAP_RESOURCE) and its mappings of the guest's memory all
# go through us.  HVM_TESTS results, with init's result/expect.

HVM_TESTS=11
PVH=xpcpvh
# Not guest-ioreq.sh's xpchvm: a name of its own, in case one outlives its test.
QDM=xpcqemu
QDM_SERIAL=/tmp/$QDM.serial
QDM_GUEST=/xpc/selftests/xprivcmd/qemu_dm_guest.elf
QEMU_DM=/usr/libexec/xen-qemu-system-i386
QDM_TESTS="xl_create_hvm_guest_qemu_dm hvm_guest_boots hvm_qemu_served_pci_config
	hvm_qemu_mapped_guest_memory hvm_qemu_dm_ops_through_xprivcmd
	hvm_qemu_mapped_ioreq_pages hvm_guest_shut_down hvm_default_policy_refused_nothing"

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
# What the PVH domU's console and Xen last said, for a failure.
pvh_tell() {
	echo "its console:"
	tail -n 6 "$XS_LOG/guest-$PVH.log" 2>/dev/null | tr -d '\r'
	echo "xl dmesg:"
	xl dmesg 2>/dev/null | tail -n 6
}
# A domU gone before its init said anything (once in CI, 2026-12-07: after
# 19 s, without a line of domu-init's; cause unknown) is created once more,
# and that is said with what its console and Xen had shown; one that said
# anything and did not finish fails.
pvh_finished() {
	wait_until 300 pvh_done || { pvh_tell; return 1; }
	if ! pvh_console_has '@@DOMU@@' && guest_gone $PVH; then
		# The console itself: expect keeps a passing test's output.
		say "# PVH domU gone without a result, created again: $(pvh_tell | tr '\n' '|')" \
			>/dev/console
		mv "$XS_LOG/guest-$PVH.log" "$XS_LOG/guest-$PVH.log.1" 2>/dev/null
		xl create /tmp/$PVH.cfg || return 1
		wait_until 300 pvh_done || { pvh_tell; return 1; }
	fi
	pvh_console_has '@@DOMU@@ END' || { pvh_tell; return 1; }
}
xl_create_pvh() {
	domu_cfg $PVH pvh xpc_guest=PVH 160
	xl create /tmp/$PVH.cfg
}

# The HVM guest QEMU serves: no disk, network or display, and for its
# console the emulated UART, which QEMU writes to a file.  Its firmware
# replaces hvmloader; bios_path_override hands libxl the same file in place
# of SeaBIOS (which it would load for hvmloader, and nothing here runs), so
# that dom0 needs neither.  QEMU is the toolstack's default for HVM, named
# here to say so; libxl finds it at Debian's path.
qdm_cfg() {
	cat >/tmp/$QDM.cfg <<-EOC
	name = "$QDM"
	type = "hvm"
	firmware_override = "$QDM_GUEST"
	bios = "seabios"
	bios_path_override = "$QDM_GUEST"
	device_model_version = "qemu-xen"
	memory = 32
	vcpus = 1
	vga = "none"
	vnc = 0
	sdl = 0
	serial = "file:$QDM_SERIAL"
	on_poweroff = "destroy"
	on_crash = "destroy"
	on_reboot = "destroy"
	EOC
}
# The device model's pid, as libxl recorded it.
qdm_pid() { xenstore-read "/local/domain/$(xl domid $QDM)/image/device-model-pid"; }
qemu_alive() { [ -e "/proc/$1" ] && ! grep -q '^State:.*Z' "/proc/$1/status"; }
xl_create_qdm() {
	qdm_cfg
	qpid=
	if ! xl create /tmp/$QDM.cfg; then
		tail -n 5 /var/log/xen/qemu-dm-$QDM.log
		return 1
	fi
	qpid=$(qdm_pid) && qemu_alive "$qpid" &&
		grep -q "$QEMU_DM" "/proc/$qpid/cmdline"
}
qdm_serial_has() { tr -d '\r' <$QDM_SERIAL 2>/dev/null | grep -q "^$1\$"; }
qdm_up() { qdm_serial_has '@@HVM@@ up' || guest_gone $QDM; }
qdm_boots() {
	wait_until 300 qdm_up
	qdm_serial_has '@@HVM@@ up'
}
# The host bridge's IDs, read through QEMU: i440FX on the xenfv machine.
qdm_pci() { wait_for 30 qdm_serial_has '@@HVM@@ pci 00:00.0 8086:1237'; }
qdm_gone() { guest_gone $QDM && ! qemu_alive "$qpid"; }
qdm_destroy() { xl destroy $QDM && wait_for 30 qdm_gone; }
# What went wrong, when it did: the guest's serial output, QEMU's log and
# Xen's last words.
qdm_diagnose() {
	tr -d '\r' <$QDM_SERIAL 2>/dev/null | tail -n 3
	tail -n 20 /var/log/xen/qemu-dm-$QDM.log 2>/dev/null
	xl dmesg | tail -n 10
}

# xprivcmd's tracepoint, for dm_op (41) and memory_op (12) alone: whose
# calls they were, which the counters do not say.
TRACE=/sys/kernel/tracing
QDM_EVENT=$TRACE/events/xprivcmd/xprivcmd_hypercall
qdm_trace_on() {
	echo 'op == 41 || op == 12' >$QDM_EVENT/filter && : >$TRACE/trace &&
		echo 1 >$QDM_EVENT/enable
}
qdm_trace_off() {
	echo 0 >$QDM_EVENT/enable
	echo 0 >$QDM_EVENT/filter
}
# QEMU's calls in the trace, "COUNT OP-NAME SUBOP" lines: its task's name is
# its binary's, cut to 15 characters.
qemu_calls() {
	grep -E '^ *xen-qemu-system-[0-9]+ ' $TRACE/trace |
		sed -n 's/.* op_name=\([^ ]*\) subop=\([0-9]*\) .*/\1 \2/p' | sort | uniq -c
}
qemu_called() { qemu_calls | grep -q " $1 $2\$"; }
# DM_OPs issued, and QEMU's among them: it created its ioreq server (1),
# claimed its devices' ranges (3) and enabled it (5).
qemu_dm_ops() {
	test "$(issued dm_op)" -gt "$dm_before" &&
		qemu_called dm_op 1 && qemu_called dm_op 3 && qemu_called dm_op 5
}
# QEMU's mappings of xprivcmd's device: the ioreq server's two pages
# (IOCTL_PRIVCMD_MMAP_RESOURCE), and its map cache's windows, 1 MiB each, on
# the guest's RAM (IOCTL_PRIVCMD_MMAPBATCH_V2), which the guest's rep outsb
# made it read.
qemu_privcmd_maps() { [ -n "$qpid" ] && grep '/privcmd' "/proc/$qpid/maps"; }
qemu_maps_guest_ram() { # MAPS-FILE: one mapping larger than the two pages
	local start end
	while IFS=' -' read -r start end _; do
		[ $((0x$end - 0x$start)) -le 8192 ] || return 0
	done <"$1"
	return 1
}

# QDM_TESTS' results, with Xen and QEMU there.
qdm_tests() {
	local t0 rc rejected_before_qdm
	t0=$(date +%s)
	dm_before=$(issued dm_op)
	rejected_before_qdm=$(rejected)
	qdm_trace_on || say "# no xprivcmd tracepoint: QEMU's calls are not told apart"
	expect toolstack.xl_create_hvm_guest_qemu_dm xl_create_qdm
	rc=0; qdm_boots >/tmp/qdm 2>&1 || rc=$?
	say "# QEMU's guest: marker $(cat /tmp/qdm)"
	if [ $rc = 0 ]; then
		result ok toolstack.hvm_guest_boots
	else
		result fail toolstack.hvm_guest_boots "$(qdm_diagnose)"
	fi
	expect toolstack.hvm_qemu_served_pci_config qdm_pci
	qemu_privcmd_maps >/tmp/qdm
	sed "s/^/$M # QEMU maps: /" /tmp/qdm
	expect toolstack.hvm_qemu_mapped_guest_memory qemu_maps_guest_ram /tmp/qdm
	qdm_trace_off
	qemu_calls >/tmp/qdm
	sed "s/^/$M # QEMU's calls (count, op, subop): /" /tmp/qdm
	expect toolstack.hvm_qemu_dm_ops_through_xprivcmd qemu_dm_ops
	expect toolstack.hvm_qemu_mapped_ioreq_pages qemu_called memory_op 28
	expect toolstack.hvm_guest_shut_down qdm_destroy
	say "# QEMU: refusals $rejected_before_qdm before, $(rejected) after;" \
		"QEMU's guest's steps took $(($(date +%s) - t0)) s"
	expect toolstack.hvm_default_policy_refused_nothing \
		test "$(rejected)" = "$rejected_before_qdm"
}

# The tests, HVM_TESTS of them: skipped where Xen has no HVM with HAP, the
# QEMU ones where this dom0 has no QEMU.
hvm_guests() {
	local t
	if ! xen_has_hvm; then
		for t in xl_create_pvh_domu pvh_domu_console_shows_marker pvh_domu_shut_down \
			$QDM_TESTS; do
			result ok "toolstack.$t # SKIP Xen has no HVM with HAP here"
		done
		return 0
	fi

	expect toolstack.xl_create_pvh_domu xl_create_pvh
	expect toolstack.pvh_domu_console_shows_marker pvh_finished
	expect toolstack.pvh_domu_shut_down wait_for 60 guest_gone $PVH

	if [ -e /xpc/qemu-missing ]; then
		for t in $QDM_TESTS; do
			result ok "toolstack.$t # SKIP $(cat /xpc/qemu-missing)"
		done
	elif [ ! -x $QEMU_DM ]; then
		for t in $QDM_TESTS; do
			result fail "toolstack.$t" "no $QEMU_DM in this initramfs"
		done
	else
		qdm_tests
	fi
}

# The PVH domU's own results, a KTAP document of their own, once the
# toolstack's is complete (nothing, where there was no PVH domU).
pvh_domu_ktap() {
	tr -d '\r' <"$XS_LOG/guest-$PVH.log" 2>/dev/null | sed -n 's/^.*@@DOMU@@ //p' |
		grep -v '^END$' | sed "s/^\(\(not \)\{0,1\}ok [0-9]* \)/\1domu-pvh./" |
		sed "s/^/$M /"
}
