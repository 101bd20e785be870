# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Booting the selected kernel in QEMU, under Xen as dom0 or alone.

XPC_TIMEOUT=${XPC_TIMEOUT:-300}

# xpc_boot MODE LOG [xen|bare]: boots the selected kernel in MODE (check,
# demo, noxen), console to LOG.  Returns QEMU's status (124 on timeout).
# XPC_XEN, if set, is the hypervisor to boot instead of Debian's.
xpc_boot() {
	local mode=$1 out=$2 how=${3:-xen} initrd rc=0
	initrd="$KBUILD/initrd-$mode.gz"
	mkdir -p "$KBUILD"
	xpc_initrd "$initrd" "$mode"
	local args="loglevel=3 xpc_mode=$mode"
	if [ "$KARCH" = arm64 ]; then
		xpc_arm64_qemu "$how" "$initrd" "$args" "$out" || rc=$?
		return $rc
	fi
	# Software emulation only: a /dev/kvm node may exist yet hang, and
	# -cpu max crashes dom0.
	local qemu=(timeout --foreground "$XPC_TIMEOUT" qemu-system-x86_64 -accel tcg
		-cpu qemu64 -nographic -no-reboot -monitor none)
	if [ "$how" = xen ]; then
		# QEMU's multiboot loader splits modules on commas: none in args.
		# One CPU: with two, a PV dom0 under TCG intermittently crashed
		# in the kernel's own text patching (int3 Oops in the scheduler)
		# or soft-locked; XPC_SMP=2 for the race tests that need them.
		"${qemu[@]}" -m 1024 -smp "${XPC_SMP:-1}" -kernel "${XPC_XEN:-$BUILD/vm/xen}" \
			-append "console=com1 com1=115200,8n1 dom0_mem=512M noreboot console_to_ring" \
			-initrd "$VMDIR/vmlinuz console=hvc0 $args,$initrd" \
			</dev/null >"$out" 2>&1 || rc=$?
	else
		"${qemu[@]}" -m 512 -kernel "$VMDIR/vmlinuz" -initrd "$initrd" \
			-append "console=ttyS0 panic=-1 $args" \
			</dev/null >"$out" 2>&1 || rc=$?
	fi
	return $rc
}

# The marked lines of a console log, marker and carriage returns removed.
xpc_marked() { # LOG
	tr -d '\r' <"$1" | sed -n 's/^.*@@XPC@@ //p'
}
