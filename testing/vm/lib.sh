# SPDX-License-Identifier: GPL-2.0-only
#
# Shared by the VM scripts: what to install, which kernel and hypervisor to
# boot, how to build the guest's initramfs and how to boot it.
# Source it; it sets ROOT, BUILD and the xpc_* functions.

set -eu

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build}
# The kernel that boots as dom0, by Debian metapackage, resolved to an exact
# ABI at run time so that a security update never leaves us mismatched.
XPC_KERNEL_META=${XPC_KERNEL_META:-linux-image-amd64}
XPC_XEN_PKG=${XPC_XEN_PKG:-xen-hypervisor-4.17-amd64}
XPC_TIMEOUT=${XPC_TIMEOUT:-300}

# gcc-12-multilib, not gcc-multilib: that one conflicts with cross
# compilers (testing/m32.mk supplies what it would have).
XPC_PACKAGES="build-essential gcc-12-multilib libxen-dev qemu-system-x86
	busybox-static cpio kmod xz-utils sparse linux-source-6.1"

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

xpc_missing() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p"
	done
}

apt_updated=
xpc_apt_install() {
	[ $# -gt 0 ] || return 0
	[ "$(id -u)" = 0 ] || die "missing packages: $* (run as root, or install them)"
	if [ -z "$apt_updated" ]; then
		log "apt-get update"
		apt-get update -q >/dev/null
		apt_updated=1
	fi
	log "apt-get install $*"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

# Sets KVER, e.g. 6.1.0-56-amd64, from the metapackage's dependency.
xpc_resolve_kernel() {
	KVER=$(apt-cache depends "$XPC_KERNEL_META" 2>/dev/null |
		sed -n 's/^ *Depends: linux-image-//p' | head -n 1)
	if [ -z "$KVER" ] && [ -z "$apt_updated" ] && [ "$(id -u)" = 0 ]; then
		apt-get update -q >/dev/null
		apt_updated=1
		KVER=$(apt-cache depends "$XPC_KERNEL_META" |
			sed -n 's/^ *Depends: linux-image-//p' | head -n 1)
	fi
	[ -n "$KVER" ] || die "cannot resolve $XPC_KERNEL_META to a kernel version"
	KDIR=/usr/src/linux-headers-$KVER
	VMDIR=$BUILD/vm/$KVER
}

# Installs build and VM dependencies; fetches the kernel image, the
# hypervisor and the kselftest harness headers into $BUILD.
xpc_deps() {
	# shellcheck disable=SC2086
	xpc_apt_install $(xpc_missing $XPC_PACKAGES)
	xpc_resolve_kernel
	xpc_apt_install $(xpc_missing "linux-headers-$KVER")

	mkdir -p "$BUILD/debs" "$VMDIR"
	if [ ! -e "$VMDIR/vmlinuz" ] || [ ! -e "$BUILD/vm/xen" ] ||
	   [ ! -e "$VMDIR/root/lib/modules/$KVER/kernel/drivers/xen/xen-privcmd.ko" ]; then
		log "fetching linux-image-$KVER and $XPC_XEN_PKG"
		(cd "$BUILD/debs" && apt-get download -q "linux-image-$KVER" "$XPC_XEN_PKG" >/dev/null 2>&1) ||
			die "apt-get download linux-image-$KVER $XPC_XEN_PKG failed"
		rm -rf "$VMDIR/root" && mkdir -p "$VMDIR/root"
		dpkg-deb -x "$BUILD"/debs/linux-image-"$KVER"_*.deb "$VMDIR/root"
		cp "$VMDIR/root/boot/vmlinuz-$KVER" "$VMDIR/vmlinuz.tmp"
		mv "$VMDIR/vmlinuz.tmp" "$VMDIR/vmlinuz"
		mkdir -p "$BUILD/xen-deb"
		dpkg-deb -x "$BUILD"/debs/"$XPC_XEN_PKG"_*.deb "$BUILD/xen-deb"
		gunzip -c "$BUILD"/xen-deb/boot/xen-*-amd64.gz >"$BUILD/vm/xen"
	fi

	# The harness headers and checkpatch are GPL kernel code: taken from
	# Debian's kernel source at build time, never committed.
	if [ ! -e "$BUILD/ksrc/tools/testing/selftests/kselftest_harness.h" ]; then
		log "extracting kselftest headers and checkpatch from linux-source-6.1"
		mkdir -p "$BUILD/ksrc"
		tar -xJf /usr/src/linux-source-6.1.tar.xz -C "$BUILD/ksrc" --strip-components=1 \
			linux-source-6.1/tools/testing/selftests/kselftest_harness.h \
			linux-source-6.1/tools/testing/selftests/kselftest.h \
			linux-source-6.1/scripts/checkpatch.pl \
			linux-source-6.1/scripts/spelling.txt \
			linux-source-6.1/scripts/const_structs.checkpatch
	fi
}

xpc_build() {
	log "building xprivcmd.ko for $KVER, selftests and hcall"
	make -s -C "$ROOT" module KDIR="$KDIR" >"$BUILD/module-build.log" 2>&1 ||
		{ cat "$BUILD/module-build.log"; die "module build failed"; }
	make -s -C "$ROOT/selftests" >/dev/null
	make -s -C "$ROOT/tools/hcall" >/dev/null
	make -s -C "$ROOT/testing/bench" >/dev/null
}

# xpc_initrd OUT: packs the test programs, the module and the in-tree
# xen-privcmd (for side-by-side checks) with a static busybox.
# XPC_EXTRA: more files for /xpc, space-separated.
xpc_initrd() {
	local out=$1 dir
	dir=$(mktemp -d "$BUILD/initrd.XXXXXX")
	# mktemp's 0700 would become the guest's /: unreachable for non-root.
	chmod 0755 "$dir"
	mkdir -p "$dir"/{bin,dev,proc,sys,tmp,xpc}
	cp /bin/busybox "$dir/bin/"
	cp "$ROOT/testing/vm/init" "$dir/init"
	cp "$ROOT/testing/vm/guest-demo.sh" "$ROOT/xprivcmd.ko" "$ROOT/tools/hcall/hcall" \
		"$ROOT/testing/bench/bench_hypercall" "$dir/xpc/"
	make -s -C "$ROOT/selftests" install INSTALL_PATH="$dir/xpc/selftests" >/dev/null
	[ -z "${XPC_SCRIPT:-}" ] || cp "$XPC_SCRIPT" "$dir/xpc/script.sh"
	# shellcheck disable=SC2086
	[ -z "${XPC_EXTRA:-}" ] || cp $XPC_EXTRA "$dir/xpc/"
	mkdir -p "$dir/lib/modules/$KVER"
	cp "$VMDIR/root/lib/modules/$KVER/kernel/drivers/xen/xen-privcmd.ko" \
		"$dir/lib/modules/$KVER/"
	(cd "$dir" && find . | cpio -o -H newc -R 0:0 --quiet | gzip -1 >"$out")
	rm -rf "$dir"
}

# xpc_boot MODE LOG [xen|bare]: boots the VM in MODE (check, demo, noxen),
# console to LOG.  Returns QEMU's status (124 on timeout).  XPC_XEN, if
# set, is the hypervisor to boot instead of Debian's.
xpc_boot() {
	local mode=$1 out=$2 how=${3:-xen} initrd="$BUILD/initrd-$1.gz" rc=0
	xpc_initrd "$initrd"
	local args="loglevel=3 xpc_mode=$mode"
	# Software emulation only: a /dev/kvm node may exist yet hang, and
	# -cpu max crashes dom0.
	local qemu=(timeout --foreground "$XPC_TIMEOUT" qemu-system-x86_64 -accel tcg
		-cpu qemu64 -nographic -no-reboot -monitor none)
	if [ "$how" = xen ]; then
		# QEMU's multiboot loader splits modules on commas: none in args.
		# Two CPUs, so that selftests can race threads for real.
		"${qemu[@]}" -m 1024 -smp 2 -kernel "${XPC_XEN:-$BUILD/vm/xen}" \
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
xpc_marked() {
	tr -d '\r' <"$1" | sed -n 's/^.*@@XPC@@ //p'
}
