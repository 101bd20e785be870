# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
#
# For xpc_initrd's MODE toolstack (and make bench's bench-toolstack, which
# boots the same on either driver): Debian's own Xen toolstack (xen-utils-4.17,
# run from the packages' binaries and the host's libxen* libraries, which are
# the same Debian build; for another release's kernel, that release's
# xen-utils installed in its chroot, run with the chroot's libraries and C
# library: see lib/chroot.sh) in the test dom0, in drop-in mode: kmod's modprobe with
# our modprobe.d file and the in-tree Xen modules, so that xenfs, evtchn and
# gntdev come from the kernel and privcmd from us.  Plus a PV domU for xl
# to create: the same kernel, with a busybox initramfs of its own.

XPC_TOOLSTACK_PKGS="xen-utils-4.17 xen-utils-common xenstore-utils"
# Another release's, installed into its chroot: xen-utils-VERSION and these.
XPC_TOOLSTACK_CHROOT_PKGS="xenstore-utils"
XPC_TOOLSTACK=$BUILD/toolstack
# What the guest runs, below /usr/lib/xen-VERSION/bin and /usr/bin: the
# toolstack, xl's save helper, and Xen's own tools and test programs that
# work with frames and fds.
XPC_XEN_BINS="xl xenstored xenconsoled xen-init-dom0 libxl-save-helper
	xen-mfndump test-resource test-xenstore test-paging-mempool depriv-fd-checker"
XPC_XS_BINS="xenstore-ls xenstore-read xenstore-write"
# The in-tree modules the toolstack needs (xen-privcmd too: present, so
# that its absence from lsmod means something).
XPC_XEN_MODS="xenfs xen-evtchn xen-gntdev xen-gntalloc xen-privcmd"

# The tools' packages, unpacked once: never installed on the host, where
# their init scripts would try to start a toolstack.
xpc_toolstack_deps() {
	local p
	[ -e "$XPC_TOOLSTACK/root/etc/xen/xl.conf" ] && return 0
	log "fetching $XPC_TOOLSTACK_PKGS"
	mkdir -p "$BUILD/debs"
	# shellcheck disable=SC2086
	(cd "$BUILD/debs" && apt-get download -q $XPC_TOOLSTACK_PKGS >/dev/null 2>&1) ||
		die "apt-get download $XPC_TOOLSTACK_PKGS failed"
	rm -rf "$XPC_TOOLSTACK/root" && mkdir -p "$XPC_TOOLSTACK/root"
	for p in $XPC_TOOLSTACK_PKGS; do
		dpkg-deb -x "$(xpc_deb "$p")" "$XPC_TOOLSTACK/root"
	done
}

# Debian's QEMU for Xen, an HVM guest's device model, for the dom0s whose
# Xen has HVM (KDOM0 pvh: lib/boot.sh gives Xen SVM with nested paging):
# the binary libxl runs, unpacked into $BUILD/toolstack/qemu-VERSION (the
# candidate's version, so that an update is fetched once), and the host's
# libraries it loads (the same Debian build; installed if missing), and
# the one data file it opens: the keymap of the VNC server that libxl always
# asks for, as "-vnc none", which loads it all the same.  No firmware: the
# guest (selftests/qemu_dm_guest.S) replaces hvmloader and SeaBIOS, and
# QEMU, with no display, disk or network, loads no ROM.  Where there is no
# QEMU for this dom0, the reason goes to /xpc/qemu-missing, and the guest's
# QEMU tests skip with it.
XPC_QEMU_PKG=qemu-system-xen
XPC_QEMU_DM=usr/libexec/xen-qemu-system-i386
XPC_QEMU_KEYMAP=/usr/share/qemu/keymaps/en-us
xpc_toolstack_qemu() { # DIR
	local dir=$1 ver out deps
	# The host's release's QEMU, whose libraries are the host's: another
	# release's dom0 (a chroot's tools) would need its own.
	if [ -n "$KCHROOT" ]; then
		echo "no QEMU for this release's dom0 here" >"$dir/xpc/qemu-missing"
		return 0
	fi
	ver=$(apt-cache show --no-all-versions $XPC_QEMU_PKG 2>/dev/null | sed -n 's/^Version: //p')
	[ -n "$ver" ] || die "no $XPC_QEMU_PKG known to apt: apt-get update?"
	out=$XPC_TOOLSTACK/qemu-${ver#*:}
	if [ ! -e "$out/$XPC_QEMU_DM" ]; then
		log "fetching $XPC_QEMU_PKG $ver"
		mkdir -p "$BUILD/debs"
		(cd "$BUILD/debs" && apt-get download -q "$XPC_QEMU_PKG=$ver" >/dev/null 2>&1) ||
			die "apt-get download $XPC_QEMU_PKG failed"
		rm -rf "$out" "$out.tmp"
		dpkg-deb -x "$(xpc_deb $XPC_QEMU_PKG)" "$out.tmp"
		# Its libraries' packages and the keymap's, not the firmware
		# ones (seabios, ipxe-qemu).
		dpkg-deb -f "$(xpc_deb $XPC_QEMU_PKG)" Depends | tr ',' '\n' |
			sed 's/([^)]*)//; s/ //g' | grep -E '^(lib|qemu-system-data$)' \
			>"$out.tmp/depends"
		mv "$out.tmp" "$out"
	fi
	deps=$(cat "$out/depends")
	# shellcheck disable=SC2046,SC2086 # package names, one a word
	xpc_apt_install $(xpc_missing $deps)
	install -D "$out/$XPC_QEMU_DM" "$dir/$XPC_QEMU_DM"
	xpc_copy_libs "$dir" "$dir/$XPC_QEMU_DM"
	install -D -m 0644 $XPC_QEMU_KEYMAP "$dir$XPC_QEMU_KEYMAP"
}

# The selected kernel's Xen modules with their dependencies, at their paths
# below lib/modules, compressed as Debian ships them (kmod reads them).
xpc_toolstack_modules() {
	local out=$VMDIR/xenmods tmp mdir m f deps
	[ -e "$out/done" ] && return 0
	tmp=$(mktemp -d "$BUILD/image.XXXXXX")
	xpc_unpack_image "$tmp"
	mdir=$tmp/lib/modules/$KVER
	depmod -b "$tmp" "$KVER"
	rm -rf "$out" && mkdir -p "$out/lib/modules/$KVER"
	cp "$mdir"/modules.order "$mdir"/modules.builtin* "$out/lib/modules/$KVER/"
	for m in $XPC_XEN_MODS; do
		deps=$(sed -n "s#^\([^:]*/$m\.ko[.a-z]*\):\(.*\)#\1 \2#p" "$mdir/modules.dep")
		[ -n "$deps" ] || die "no $m in linux-image-$KVER"
		for f in $deps; do
			install -D -m 0644 "$mdir/$f" "$out/lib/modules/$KVER/$f"
		done
	done
	rm -rf "$tmp"
	touch "$out/done"
}

# xpc_copy_libs DIR FILE...: the shared libraries that FILEs load into DIR,
# at their host paths (the loader among them).
xpc_copy_libs() {
	local dir=$1 f lib
	shift
	for f in "$@"; do
		for lib in $(ldd "$f" | grep -o '/[^ ]*'); do
			[ -e "$dir$lib" ] || install -D "$(readlink -f "$lib")" "$dir$lib"
		done
	done
}

# kmod (depmod, modprobe, modinfo, lsmod) and its libraries into an
# initramfs DIR.
xpc_initrd_kmod() {
	local dir=$1 l
	install -D /usr/bin/kmod "$dir/sbin/kmod"
	xpc_copy_libs "$dir" /usr/bin/kmod
	for l in depmod modprobe modinfo lsmod; do ln -sf kmod "$dir/sbin/$l"; done
}

# The domU's initramfs: busybox, its /init, and what it tests with.
xpc_toolstack_domu_initrd() {
	local out=$1 dir
	dir=$(mktemp -d "$BUILD/domu.XXXXXX")
	chmod 0755 "$dir"
	mkdir -p "$dir"/{bin,dev,proc,sys,tmp,xpc}
	cp /bin/busybox "$dir/bin/"
	cp "$XPC_GUEST/domu-init" "$dir/init"
	cp "$ROOT/tools/hcall/hcall" "$(dirname "$KO")/xprivcmd.ko" "$dir/xpc/"
	(cd "$dir" && find . | cpio -o -H newc -R 0:0 --quiet | gzip -1 >"$out")
	rm -rf "$dir"
}

# xpc_initrd_toolstack DIR: everything above into the dom0 initramfs DIR.
xpc_initrd_toolstack() {
	local dir=$1 b l mods=lib/modules/$KVER/updates root=$XPC_TOOLSTACK/root
	local xbin=usr/lib/xen-$KXENVER/bin
	if [ -n "$KCHROOT" ]; then
		# shellcheck disable=SC2086 # package names, one a word
		xpc_chroot_install "xen-utils-$KXENVER" $XPC_TOOLSTACK_CHROOT_PKGS
		root=$KCHROOT
	else
		xpc_toolstack_deps
	fi
	xpc_toolstack_modules
	cp -a "$VMDIR/xenmods/lib" "$dir/"
	install -D -m 0644 "$KO" "$dir/$mods/xprivcmd.ko"
	install -D -m 0644 "$(dirname "$KO")/xprivcmd_xenfs.ko" "$dir/$mods/xprivcmd_xenfs.ko"
	install -D -m 0644 "$ROOT/packaging/modprobe.d/xprivcmd-drop-in.conf" \
		"$dir/etc/modprobe.d/xprivcmd-drop-in.conf"
	depmod -b "$dir" "$KVER"
	xpc_initrd_kmod "$dir"
	# hcall as the xprivcmd-utils package installed it, while it is.
	if dpkg-query -W -f='${Status}' xprivcmd-utils 2>/dev/null | grep -q 'ok installed'; then
		install -D /usr/bin/hcall "$dir/usr/bin/hcall"
		xpc_copy_libs "$dir" /usr/bin/hcall
	fi
	for b in $XPC_XEN_BINS; do
		install -D "$root/$xbin/$b" "$dir/$xbin/$b"
	done
	# The guest's PATH and its checks of xl's output name this version.
	echo "$KXENVER" >"$dir/xpc/xen-version"
	# xl refuses to run without its configuration file: Debian's.
	install -D -m 0644 "$root/etc/xen/xl.conf" "$dir/etc/xen/xl.conf"
	for b in $XPC_XS_BINS; do
		install -D "$root/usr/bin/$b" "$dir/usr/bin/$b"
	done
	# glibc loads libgcc_s itself, for pthread_cancel(), which xl calls.
	l=/lib/x86_64-linux-gnu/libgcc_s.so.1
	if [ -n "$KCHROOT" ]; then
		# The chroot's libraries, C library included: those the
		# binaries were built against.
		# shellcheck disable=SC2046,SC2086 # program names, one a word
		xpc_chroot_libs "$dir" $(printf "/$xbin/%s " $XPC_XEN_BINS) \
			$(printf "/usr/bin/%s " $XPC_XS_BINS)
		install -D "$KCHROOT$(chroot "$KCHROOT" readlink -f "$l")" "$dir$l"
	else
		# The libraries the packages depend on, from the host: Debian's
		# same build of them (libxen-dev and its dependencies).
		# shellcheck disable=SC2046,SC2086 # program names, one a word
		xpc_copy_libs "$dir" $(printf "$dir/$xbin/%s " $XPC_XEN_BINS) \
			$(printf "$dir/usr/bin/%s " $XPC_XS_BINS)
		install -D "$(readlink -f "$l")" "$dir$l"
	fi
	mkdir -p "$dir/xpc/domu"
	cp "$VMDIR/vmlinuz" "$dir/xpc/domu/vmlinuz"
	xpc_toolstack_domu_initrd "$dir/xpc/domu/initrd.gz"
	[ "$KDOM0" != pvh ] || xpc_toolstack_qemu "$dir"
	cp "$XPC_GUEST/guest-xl.sh" "$XPC_GUEST/guest-toolstack.sh" \
		"$XPC_GUEST/guest-toolstack-hvm.sh" "$XPC_GUEST/guest-bench-toolstack.sh" "$dir/xpc/"
	xpc_initrd_group_access "$dir"
	xpc_initrd_ioreq "$dir"
}

# The HVM guest's script and its stand-in device model (guest/guest-ioreq.sh);
# the guest and its device model proper come with the selftests.
xpc_initrd_ioreq() {
	cp "$XPC_GUEST/guest-ioreq.sh" "$1/xpc/"
	install -m 0755 "$XPC_GUEST/ioreq-dm" "$1/xpc/ioreq-dm"
}

# The opt-in group access as "make install-group-access" leaves it, users
# in and out of the group, and the host's systemd-udevd to apply it
# (guest/guest-access.sh).
xpc_initrd_group_access() {
	local dir=$1
	make -s -C "$ROOT" install-group-access DESTDIR="$dir" >/dev/null
	install -D /bin/udevadm "$dir/usr/bin/udevadm"
	mkdir -p "$dir/lib/systemd"
	ln -sf /usr/bin/udevadm "$dir/lib/systemd/systemd-udevd"
	xpc_copy_libs "$dir" /bin/udevadm
	cat >"$dir/etc/passwd" <<-EOF
		root:x:0:0:root:/:/bin/sh
		xpcuser:x:1000:1000::/tmp:/bin/sh
		nobody:x:65534:65534::/nonexistent:/bin/sh
	EOF
	cat >"$dir/etc/group" <<-EOF
		root:x:0:
		xprivcmd:x:990:xpcuser
		xpcuser:x:1000:
		nogroup:x:65534:
	EOF
	printf 'passwd: files\ngroup: files\n' >"$dir/etc/nsswitch.conf"
	cp "$XPC_GUEST/guest-access.sh" "$dir/xpc/"
}
