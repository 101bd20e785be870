# SPDX-License-Identifier: GPL-2.0-only
#
# Sourced by guest-toolstack.sh, last: the success paths of
# IOCTL_PRIVCMD_IOEVENTFD and IOCTL_PRIVCMD_IRQFD against the ioreq server
# of a real HVM guest.  xl creates the guest (selftests/ioreq_guest.S as its
# firmware), paused, with a stand-in device model (ioreq-dm); the
# guest's real device model is selftests/ioreq_hvm, which serves it through
# xprivcmd and reports each step.  xl rather than a domain of our own making
# with libxenctrl: the HVM build (memory, paging pool, firmware load, vCPU
# state) is the toolstack's own, through xprivcmd too, and no code of ours
# to get wrong.  A KTAP document of its own, then the program's.
# Uses init's say/result/expect and guest-toolstack.sh's helpers.
#
# Only where Xen has HVM with nested paging (the pvh configurations: QEMU's
# +npt) and dom0 is auto-translated; the IOEVENTFD results where the evtchn
# device shares its interrupts too (Linux 6.7 on: pvh-6.12).  The PV-dom0
# configurations have neither: Xen offers HVM on shadow paging there, but a
# PV dom0's mappings of the ioreq page have no kernel address for the
# module (IOCTL_PRIVCMD_IOEVENTFD answers EOPNOTSUPP), and each emulated
# exit would cost far more under TCG.

HVM=xpchvm
HVM_BIN=/xpc/selftests/xprivcmd

hvm_caps() { xl info | sed -n 's/^virt_caps *: //p'; }
# Why this Xen and this dom0 cannot run the test; nothing if they can.
hvm_missing() {
	local caps
	caps=$(hvm_caps)
	echo " $caps " | grep -q ' hvm ' && echo " $caps " | grep -q ' hap ' ||
		echo "Xen has no HVM with HAP here (virt_caps: $caps)"
	[ "$(cat /sys/hypervisor/guest_type 2>/dev/null)" != PV ] ||
		echo "dom0 is PV: xprivcmd maps no ioreq page for the kernel there"
}
hvm_gone() { ! xl list | grep -q "^$HVM "; }
hvm_destroy() { xl destroy $HVM && wait_for 30 hvm_gone; }
# Its firmware's progress lines, when Xen's guest_loglvl shows them.
hvm_console() { xl dmesg | grep -a 'xpc-ioreq' | tail -n 5; }
hvm_device_model() {
	local id
	id=$(xl domid $HVM) || return 1
	XPC_HVM=$id "$HVM_BIN/ioreq_hvm" >/tmp/ioreq_hvm 2>&1
}

# init's result counter: this document numbers its results from 1.
# shellcheck disable=SC2034
n=0
say "TAP version 13"
why=$(hvm_missing | head -n 1)
if [ -n "$why" ]; then
	say "1..1"
	result ok "ioreq.hvm_guest # SKIP $why"
	return 0
fi
say "1..3"
cat >/tmp/$HVM.cfg <<EOC
name = "$HVM"
type = "hvm"
firmware_override = "$HVM_BIN/ioreq_guest.elf"
device_model_version = "qemu-xen-traditional"
device_model_override = "/xpc/ioreq-dm"
memory = 32
vcpus = 1
vnc = 0
on_poweroff = "destroy"
on_crash = "destroy"
on_reboot = "destroy"
EOC
t0=$(date +%s)
expect ioreq.xl_create_hvm_guest xl create -p /tmp/$HVM.cfg
rc=0
hvm_device_model || rc=$?
if [ $rc = 0 ]; then
	result ok ioreq.device_model_on_xprivcmd
else
	result fail ioreq.device_model_on_xprivcmd "ioreq_hvm: exit $rc; guest: $(hvm_console)"
fi
expect ioreq.xl_destroy_hvm_guest hvm_destroy
say "# the HVM guest's steps took $(($(date +%s) - t0)) s"
sed "s/^/$M /" /tmp/ioreq_hvm
