# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The arm64 kernels of the matrix in the VM: their Debian release's Xen for
# arm64 (Debian 12: 4.17, 13: 4.20; XPC_XEN_PKGS) with the kernel as dom0
# under qemu-system-aarch64, user space cross-built.
# Sourced by lib.sh; xpc_deps_kernel and xpc_initrd call these for
# KARCH=arm64, and xpc_boot (lib/boot.sh) reads its QEMU from XPC_QEMU's
# arm64 entries, which name xpc_arm64_fits and use the addresses below.

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

# xpc_arm64_deps_vm: Xen (KXEN), the selected kernel's Image and in-tree
# xen-privcmd, and a static busybox, all arm64 Debian packages unpacked
# with dpkg-deb (never installed: see xpc_apt_init).  Each kernel of the
# matrix may be prepared in the background beside another's: each file is
# unpacked in a directory of its own and renamed into place.  Xen is
# fetched again when its package has a new version (a security update):
# KXEN.version says which it is.
xpc_arm64_deps_vm() {
	local tmp ver bb
	mkdir -p "$BUILD/vm"
	ver=$(xpc_apt_arch apt-cache policy "$KXENPKG" | sed -n 's/^ *Candidate: //p')
	[ -n "$ver" ] || die "no $KXENPKG in the $KREL arm64 lists"
	if [ ! -e "$KXEN" ] || [ "$(cat "$KXEN.version" 2>/dev/null)" != "$ver" ]; then
		tmp=$(mktemp -d "$BUILD/vm/xen-deb.XXXXXX")
		xpc_fetch_deb "$KXENPKG" "$tmp"
		# Debian's arm64 Xen is an Image that QEMU's -kernel boots as
		# is (the .efi file is the same bytes, for UEFI loaders).
		cp "$tmp/boot/xen-$KXENVER-arm64" "$KXEN.$$"
		mv "$KXEN.$$" "$KXEN"
		echo "$ver" >"$KXEN.version"
		rm -rf "$tmp"
	fi
	# Any release's: it is static, and only runs the init script.  Which
	# one xpc_deb picks depends on the releases fetched so far: Debian
	# 12's has bin/busybox, Debian 13's (merged /usr) usr/bin/busybox.
	if [ ! -e "$BUILD/vm/busybox-arm64" ]; then
		tmp=$(mktemp -d "$BUILD/vm/busybox-deb.XXXXXX")
		xpc_fetch_deb busybox-static "$tmp"
		bb=$tmp/bin/busybox
		[ -e "$bb" ] || bb=$tmp/usr/bin/busybox
		cp "$bb" "$BUILD/vm/busybox-arm64.$$"
		mv "$BUILD/vm/busybox-arm64.$$" "$BUILD/vm/busybox-arm64"
		rm -rf "$tmp"
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

# make in selftests/ for arm64, against the headers of the selected
# kernel's Xen (xpc_selftests_xen).
xpc_arm64_make_selftests() { # TARGET [VAR=VALUE...]
	local xen
	xen=$(xpc_selftests_xen)
	# shellcheck disable=SC2086 # xen: arguments, one a word
	make -s -C "$ROOT/selftests" CC=$XPC_ARM64_CC OUTPUT="$KBUILD/user/selftests" \
		TEST_GEN_PROGS_EXTENDED= $xen "$@"
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
