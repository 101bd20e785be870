# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Booting the selected kernel in QEMU, under Xen as dom0 or alone: one
# launcher, reading what differs between architectures from XPC_QEMU.

# How long a boot may take before it counts as hung: the slowest (all the
# selftests, 64- and 32-bit, on 6.12) takes about 5 minutes on a CI machine,
# more when make check's boot lane shares the machine with a build.
XPC_TIMEOUT=${XPC_TIMEOUT:-900}

# The QEMU of each architecture, as ARCH:FIELD (or ARCH-DOM0:FIELD where a
# kind of dom0, KDOM0, needs another value; xpc_qemu picks):
#   qemu     the emulator, its machine and CPU
#   image    the kernel image to boot, in VMDIR
#   xencons  Xen's console arguments
#   console  the kernel's console device when it boots without Xen
#   dom0     how dom0's kernel, its arguments and the initramfs are handed
#            to Xen: a function that adds QEMU arguments (xpc_qemu_dom0_*)
#   check    a function run with the initramfs before every boot, or empty
# Software emulation only (-accel tcg, added for every architecture).  x86:
# a /dev/kvm node may exist yet hang, and -cpu max crashes dom0.  arm64:
# Xen needs EL2 (virtualization=on), which KVM on an x86 host cannot give
# anyway; Xen 4.17 wants GICv3 or v2.
declare -gA XPC_QEMU=(
	[x86_64:qemu]="qemu-system-x86_64 -cpu qemu64"
	[x86_64:image]=vmlinuz
	[x86_64:xencons]="console=com1 com1=115200,8n1"
	[x86_64:console]=ttyS0
	[x86_64:dom0]=xpc_qemu_dom0_multiboot
	[x86_64:check]=""
	# A PVH dom0 (KDOM0=pvh): Xen needs SVM with nested paging for an
	# HVM container, and an IOMMU for a PVH dom0: QEMU emulates both.
	[x86_64-pvh:qemu]="qemu-system-x86_64 -cpu qemu64,+npt -machine q35 -device amd-iommu"
	[x86_64-pvh:xencons]="console=com1 com1=115200,8n1 dom0=pvh iommu=1"
	[arm64:qemu]="qemu-system-aarch64 -machine virt,virtualization=on,gic-version=3 -cpu cortex-a57"
	[arm64:image]=Image
	[arm64:xencons]="console=dtuart dtuart=/pl011@9000000"
	[arm64:console]=ttyAMA0
	[arm64:dom0]=xpc_qemu_dom0_guest_loader
	[arm64:check]=xpc_arm64_fits
)

# x86: Xen from -kernel is a multiboot kernel, and QEMU's multiboot loader
# takes its modules from -initrd, each with its command line.  Adds to the
# caller's qemu array.
xpc_qemu_dom0_multiboot() { # IMAGE CMDLINE INITRD
	# QEMU's multiboot loader splits modules on commas: none in CMDLINE.
	qemu+=(-initrd "$1 $2,$3")
}

# arm64: QEMU's guest-loader puts dom0's kernel and initramfs where
# lib/arm64.sh says and describes them in the DTB as Xen's boot modules.
# Adds to the caller's qemu array.
xpc_qemu_dom0_guest_loader() { # IMAGE CMDLINE INITRD
	# guest-loader's options are split on commas: none in CMDLINE.
	qemu+=(-device "guest-loader,addr=$XPC_ARM64_KERNEL_AT,kernel=$1,bootargs=$2"
		-device "guest-loader,addr=$XPC_ARM64_INITRD_AT,initrd=$3")
}

# A field of XPC_QEMU for the selected kernel: its dom0 kind's entry (e.g.
# x86_64-pvh) where there is one, else its architecture's.
xpc_qemu() { # FIELD
	local k="$KARCH-${KDOM0:-pv}:$1"
	if [ -n "${XPC_QEMU[$k]+set}" ]; then
		printf '%s' "${XPC_QEMU[$k]}"
	else
		printf '%s' "${XPC_QEMU[$KARCH:$1]}"
	fi
}

# xpc_boot MODE LOG [xen|bare]: boots the selected kernel in MODE (check,
# demo, noxen), console to LOG.  Returns QEMU's status (124 on timeout).
# The hypervisor is the kernel's release's (KXEN, see xpc_resolve_kernel);
# XPC_XEN, if set, is the hypervisor to boot instead of Debian's.
xpc_boot() {
	local mode=$1 out=$2 how=${3:-xen} initrd rc=0 image args check qemu
	initrd="$KBUILD/initrd-$mode.gz"
	mkdir -p "$KBUILD"
	# Packed already when the caller says so (make check's boot lane).
	[ -n "${XPC_INITRD_PACKED:-}" ] || xpc_initrd "$initrd" "$mode"
	image=$VMDIR/$(xpc_qemu image)
	# XPC_DOM0_ARGS: more arguments for the kernel (a boot mode's debug
	# switches, or settings its init reads from its environment).
	# xpc_watchdog: when the guest's init shows its blocked tasks, before
	# the timeout, which counts Xen's boot too.
	args="loglevel=3 xpc_mode=$mode xpc_watchdog=$((XPC_TIMEOUT * 9 / 10 - 30))"
	args="$args${XPC_DOM0_ARGS:+ $XPC_DOM0_ARGS}"
	check=$(xpc_qemu check)
	[ -z "$check" ] || "$check" "$initrd"
	# The debug kernel's checks take memory of their own: KASAN's shadow
	# an eighth of it, kmemleak's and the page owner's records more.
	local mem=1024 dom0_mem=512M
	[ -z "${KDEBUG:-}" ] || { mem=2048; dom0_mem=1024M; }
	read -r -a qemu <<<"$(xpc_qemu qemu)"
	qemu=(timeout --foreground "$XPC_TIMEOUT" "${qemu[@]}" -accel tcg
		-nographic -no-reboot -monitor none)
	if [ "$how" = xen ]; then
		# One CPU: with two, a PV dom0 under TCG intermittently crashed
		# in the kernel's own text patching (int3 Oops in the scheduler)
		# or soft-locked; XPC_SMP=2 for the race tests that need them.
		qemu+=(-m "$mem" -smp "${XPC_SMP:-1}" -kernel "${XPC_XEN:-$KXEN}"
			-append "$(xpc_qemu xencons) dom0_mem=$dom0_mem noreboot console_to_ring")
		"$(xpc_qemu dom0)" "$image" "console=hvc0 $args" "$initrd"
	else
		qemu+=(-m 512 -kernel "$image" -initrd "$initrd"
			-append "console=$(xpc_qemu console) panic=-1 $args")
	fi
	if [ "$how" = xen ]; then
		xpc_qemu_xen_keys "$out" || rc=$?
	else
		"${qemu[@]}" </dev/null >"$out" 2>&1 || rc=$?
	fi
	return $rc
}

# A boot about to be stopped as hung first has Xen show, on its console,
# where dom0's vCPUs are: its debug key 0 (their registers, and a PV dom0's
# stack), which the guest's own watchdog (guest/init) cannot show when its
# kernel is stuck, in a hypercall say.  Xen takes the serial input after
# three CTRL-a (QEMU passes them on: with -monitor none it multiplexes
# nothing on the console).  The keys come through a FIFO on QEMU's standard input from
# a writer that waits until 20 s before the timeout; it is killed when QEMU
# ends, and holds no descriptor of the caller's but the FIFO (and its input).
# A boot whose dom0 crashed is over: Xen, told not to reboot, would idle
# until the timeout (15 min for make check's, an hour for the debug
# kernel's), so a watcher stops QEMU a few seconds after Xen says so.
xpc_qemu_xen_keys() { # LOG; runs the caller's qemu array
	local out=$1 fifo writer watcher qpid rc=0
	local crashed='(XEN) Hardware Dom0 crashed'
	fifo=$(mktemp -u "$BUILD/qemu-keys.XXXXXX")
	mkfifo "$fifo"
	(
		exec 2>/dev/null 7>&- 8>&- 9>&-
		# Its sleeps end with it: nothing stays behind.
		trap 'kill "$s"; exit 0' TERM
		sleep $((XPC_TIMEOUT > 40 ? XPC_TIMEOUT - 20 : XPC_TIMEOUT / 2)) &
		s=$!
		wait "$s"
		printf '\001\001\001'
		sleep 2
		printf '0'
		sleep 30 &
		s=$!
		wait "$s"
	) >"$fifo" &
	writer=$!
	"${qemu[@]}" <"$fifo" >"$out" 2>&1 &
	qpid=$!
	(
		exec 2>/dev/null 7>&- 8>&- 9>&-
		until grep -aqF "$crashed" "$out"; do
			sleep 2
		done
		sleep 5
		kill -TERM "$qpid"
	) </dev/null >/dev/null &
	watcher=$!
	wait "$qpid" || rc=$?
	# QEMU ends with status 0 on the watcher's signal: not a success.
	if [ "$rc" = 0 ] && grep -aqF "$crashed" "$out"; then
		rc=1
	fi
	kill "$writer" "$watcher" 2>/dev/null || true
	wait "$writer" "$watcher" 2>/dev/null || true
	rm -f "$fifo"
	return $rc
}

# The marked lines of a console log, marker and carriage returns removed.
xpc_marked() { # LOG
	tr -d '\r' <"$1" | sed -n 's/^.*@@XPC@@ //p'
}
