# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The arm64 kernels of the matrix in the VM: Debian's Xen 4.17 for arm64
# with the kernel as dom0 under qemu-system-aarch64, user space cross-built.
# Sourced by lib.sh; xpc_deps_kernel and xpc_initrd call these for
# KARCH=arm64, and xpc_boot (lib/boot.sh) reads its QEMU from XPC_QEMU's
# arm64 entries, which name xpc_arm64_fits and use the addresses below.

XPC_ARM64_XEN_PKG=${XPC_ARM64_XEN_PKG:-xen-hypervisor-4.17-arm64}
XPC_ARM64_CC=aarch64-linux-gnu-gcc

# Where the blobs go in the guest's physical memory (QEMU's virt board:
# RAM from 0x40000000).  -kernel loads Xen near the start of RAM; QEMU puts
# its DTB at RAM + min(RAM / 2, 128 MiB) = 0x48000000 for -m 1024 and up,
# and fails to start if a blob overlaps it.  That leaves 48 MiB for the
# kernel (Debian's Image wants 32 MiB with its BSS) and 48 MiB for the
# initramfs (about 5 MiB): xpc_arm64_fits checks both, so that growth shows
# as a clear error rather than as QEMU's "rom: requested regions overlap".
# Xen copies them into dom0's own memory, so these addresses only need to
# be clear of each other.
XPC_ARM64_KERNEL_AT=0x42000000
XPC_ARM64_INITRD_AT=0x45000000
XPC_ARM64_DTB_AT=0x48000000

# xpc_arm64_deps_vm: Xen, the selected kernel's Image and in-tree
# xen-privcmd, and a static busybox, all arm64 Debian packages unpacked
# with dpkg-deb (never installed: see xpc_apt_init).
xpc_arm64_deps_vm() {
	mkdir -p "$BUILD/debs" "$BUILD/vm"
	if [ ! -e "$BUILD/vm/xen-arm64" ] || [ ! -e "$BUILD/vm/busybox-arm64" ]; then
		log "fetching $XPC_ARM64_XEN_PKG and busybox-static (arm64)"
		(cd "$BUILD/debs" && xpc_apt_arch apt-get download -q \
			"$XPC_ARM64_XEN_PKG" busybox-static >/dev/null 2>&1) ||
			die "apt-get download $XPC_ARM64_XEN_PKG busybox-static (arm64) failed"
		rm -rf "$BUILD/arm64-debs" && mkdir -p "$BUILD/arm64-debs"
		# shellcheck disable=SC2012 # Debian's file names; ls -v sorts versions
		dpkg-deb -x "$(ls -v "$BUILD"/debs/"$XPC_ARM64_XEN_PKG"_*_arm64.deb | tail -n 1)" \
			"$BUILD/arm64-debs"
		# shellcheck disable=SC2012 # as above
		dpkg-deb -x "$(ls -v "$BUILD"/debs/busybox-static_*_arm64.deb | tail -n 1)" \
			"$BUILD/arm64-debs"
		# Debian's arm64 Xen is an Image that QEMU's -kernel boots as is
		# (the .efi file is the same bytes, for UEFI loaders).
		cp "$BUILD/arm64-debs/boot/xen-4.17-arm64" "$BUILD/vm/xen-arm64"
		cp "$BUILD/arm64-debs/bin/busybox" "$BUILD/vm/busybox-arm64"
		rm -rf "$BUILD/arm64-debs"
	fi

	[ -e "$VMDIR/Image" ] && [ -e "$VMDIR/intree.list" ] && return 0
	xpc_fetch_image
	# QEMU's guest-loader copies the file verbatim and Xen boots only a
	# raw Image: vmlinuz is one in Debian's 6.1, but may be compressed.
	xpc_uncompressed_image "$VMDIR/root/boot/vmlinuz-$KVER" "$VMDIR/Image.tmp"
	xpc_intree_modules
	mv "$VMDIR/Image.tmp" "$VMDIR/Image"
}

# A kernel image as a raw Image: decompressed if gzip can.
xpc_uncompressed_image() { # IN OUT
	if gzip -t "$1" 2>/dev/null; then
		gzip -dc "$1" >"$2"
	else
		cp "$1" "$2"
	fi
}

# xpc_arm64_build_user: the selftests and hcall for arm64, static, in
# $KBUILD/user.  No 32-bit selftests: the compat translation is i386's
# (see module/ioctl32.c).  No bench either: it counts x86's TSC.
xpc_arm64_build_user() {
	log "building the selftests and hcall for arm64"
	mkdir -p "$KBUILD/user/selftests"
	xpc_arm64_make_selftests all >/dev/null
	make -s -C "$ROOT/tools/hcall" STATIC=1 CC=$XPC_ARM64_CC OUTPUT="$KBUILD/user" \
		"$KBUILD/user/hcall" >/dev/null
}

xpc_arm64_make_selftests() { # TARGET [VAR=VALUE...]
	make -s -C "$ROOT/selftests" CC=$XPC_ARM64_CC OUTPUT="$KBUILD/user/selftests" \
		TEST_GEN_PROGS_EXTENDED= "$@"
}

# xpc_arm64_initrd_user DIR: the initramfs's arm64 programs.
xpc_arm64_initrd_user() {
	local dir=$1
	cp "$BUILD/vm/busybox-arm64" "$dir/bin/busybox"
	cp "$KBUILD/user/hcall" "$dir/xpc/"
	xpc_arm64_make_selftests install INSTALL_PATH="$dir/xpc/selftests" >/dev/null
}

# The little-endian 64-bit number at byte OFFSET of FILE.
xpc_le64() { # FILE OFFSET
	od -A n -t u8 -j "$2" -N 8 "$1" | tr -d ' '
}

# xpc_arm64_fits INITRD: dies unless the kernel (its image_size, at byte 16
# of the arm64 Image header, counts the BSS) and INITRD fit where they go.
xpc_arm64_fits() {
	local ksize isize
	ksize=$(xpc_le64 "$VMDIR/Image" 16)
	isize=$(stat -c %s "$1")
	[ $((XPC_ARM64_KERNEL_AT + ksize)) -le $((XPC_ARM64_INITRD_AT)) ] ||
		die "the arm64 Image ($ksize bytes) runs into the initramfs at $XPC_ARM64_INITRD_AT: move XPC_ARM64_INITRD_AT"
	[ $((XPC_ARM64_INITRD_AT + isize)) -le $((XPC_ARM64_DTB_AT)) ] ||
		die "the arm64 initramfs ($isize bytes) runs into QEMU's DTB at $XPC_ARM64_DTB_AT"
}
