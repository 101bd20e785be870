# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Building: the module for the selected kernel, the user programs, the
# guest's initramfs, and kernel headers configured without Xen.

# xpc_stage_src DIR: a copy of the module's sources in DIR, so that each
# kernel of the matrix builds in a tree of its own; the same files as DKMS
# gets.
xpc_stage_src() {
	make -s -C "$ROOT" dkms-src DKMS_SRC="$1"
}

# xpc_build_module: builds xprivcmd.ko for the selected kernel, in
# $KBUILD/src; sets KO.
xpc_build_module() {
	log "building xprivcmd.ko for $KVER"
	mkdir -p "$KBUILD"
	xpc_stage_src "$KBUILD/src"
	# shellcheck disable=SC2086
	xpc_kbuild -s M="$KBUILD/src" $KMAKE W=1 modules \
		>"$KBUILD/module-build.log" 2>&1 ||
		{ cat "$KBUILD/module-build.log"; die "module build failed"; }
	KO=$KBUILD/src/xprivcmd.ko
}

# xpc_build_user: the selftests, hcall and the benchmark, for the host's
# architecture.
xpc_build_user() {
	log "building the selftests and hcall"
	make -s -C "$ROOT/selftests" >/dev/null
	make -s -C "$ROOT/tools/hcall" STATIC=1 >/dev/null
	make -s -C "$ROOT/testing/bench" >/dev/null
}

# xpc_selftests_xen: the make arguments that build selftests/ against the
# selected kernel's Xen's headers, as a toolstack of that release would
# build (xpc_xen_headers unpacks Debian 13's for Xen 4.20), one a word;
# nothing when the host's libxen-dev is of that Xen.
xpc_selftests_xen() {
	local host
	host=$(dpkg-query -W -f='${Version}' libxen-dev | cut -d. -f1,2)
	[ -n "${KXENVER:-}" ] && [ "$KXENVER" != "$host" ] || return 0
	[ -e "$BUILD/xen-$KXENVER/include/xen/domctl.h" ] ||
		die "no Xen $KXENVER headers in $BUILD/xen-$KXENVER/include (xpc_xen_headers)"
	echo "XEN_INCLUDE=$BUILD/xen-$KXENVER/include XEN_VERSION=$KXENVER"
}

# xpc_selftests_make ARGS...: make in selftests/ for the selected kernel's
# Xen (x86_64): against the host's libxen-dev when that is the same Xen,
# else against that Xen's headers, into a directory of its own.
xpc_selftests_make() {
	local xen
	xen=$(xpc_selftests_xen)
	if [ -z "$xen" ]; then
		make -s -C "$ROOT/selftests" "$@"
		return
	fi
	mkdir -p "$BUILD/selftests-$KXENVER"
	# shellcheck disable=SC2086 # xen: arguments, one a word
	make -s -C "$ROOT/selftests" OUTPUT="$BUILD/selftests-$KXENVER" $xen "$@"
}

# xpc_build: the module for the selected kernel, and the user programs.
xpc_build() {
	xpc_build_module
	xpc_build_user
}

# xpc_initrd OUT [MODE]: packs the test programs, the module ($KO) and the
# in-tree xen-privcmd with its dependencies (for side-by-side checks) with a
# static busybox; for MODE toolstack and bench-toolstack, Xen's tools too
# (lib/toolstack.sh).
# XPC_EXTRA: more files for /xpc, space-separated.
xpc_initrd() {
	local out=$1 mode=${2:-} dir m
	dir=$(mktemp -d "$BUILD/initrd.XXXXXX")
	# mktemp's 0700 would become the guest's /: unreachable for non-root.
	chmod 0755 "$dir"
	mkdir -p "$dir"/{bin,dev,proc,sys,tmp,xpc}
	cp "$XPC_GUEST/init" "$dir/init"
	cp "$XPC_GUEST/guest-demo.sh" "$dir/xpc/"
	if [ "$KARCH" = arm64 ]; then
		xpc_arm64_initrd_user "$dir"
	else
		cp /bin/busybox "$dir/bin/"
		cp "$ROOT/tools/hcall/hcall" "$ROOT/testing/bench/bench_hypercall" "$dir/xpc/"
		xpc_selftests_make install INSTALL_PATH="$dir/xpc/selftests" >/dev/null
	fi
	cp "${KO:-$KBUILD/src/xprivcmd.ko}" "$dir/xpc/xprivcmd.ko"
	[ -z "${XPC_SCRIPT:-}" ] || cp "$XPC_SCRIPT" "$dir/xpc/script.sh"
	# shellcheck disable=SC2086
	[ -z "${XPC_EXTRA:-}" ] || cp $XPC_EXTRA "$dir/xpc/"
	mkdir -p "$dir/lib/modules/$KVER"
	: >"$dir/xpc/intree.list"
	# shellcheck disable=SC2013 # module file names, one a word
	for m in $(cat "$VMDIR/intree.list"); do
		cp "$VMDIR/modules/$m" "$dir/lib/modules/$KVER/"
		echo "/lib/modules/$KVER/$m" >>"$dir/xpc/intree.list"
	done
	: >"$dir/xpc/xendevs.list"
	# shellcheck disable=SC2013 # as above
	for m in $(cat "$VMDIR/xendevs.list" 2>/dev/null); do
		cp "$VMDIR/modules/$m" "$dir/lib/modules/$KVER/"
		echo "/lib/modules/$KVER/$m" >>"$dir/xpc/xendevs.list"
	done
	: >"$dir/xpc/pciback.list"
	# shellcheck disable=SC2013 # as above
	for m in $(cat "$VMDIR/pciback.list" 2>/dev/null); do
		cp "$VMDIR/modules/$m" "$dir/lib/modules/$KVER/"
		echo "/lib/modules/$KVER/$m" >>"$dir/xpc/pciback.list"
	done
	[ -z "${XPC_SYSROOT:-}" ] || xpc_initrd_installed "$dir"
	case $mode in toolstack | bench-toolstack) xpc_initrd_toolstack "$dir" ;; esac
	(cd "$dir" && find . | cpio -o -H newc -R 0:0 --quiet | gzip -1 >"$out")
	rm -rf "$dir"
}

# For the boot of an installed module: XPC_SYSROOT (what an install path
# put in /lib/modules) over the initramfs, our side-by-side modprobe.d file,
# and kmod (depmod, modprobe, modinfo) with its libraries.
xpc_initrd_installed() { # DIR
	local dir=$1
	cp -a "$XPC_SYSROOT"/. "$dir/"
	install -D -m 0644 "$ROOT/packaging/modprobe.d/xprivcmd-side-by-side.conf" \
		"$dir/etc/modprobe.d/xprivcmd.conf"
	xpc_initrd_kmod "$dir"
}

# xpc_noxen_kdir DIR: the selected kernel's headers as seen through DIR, but
# configured without CONFIG_XEN, for the tests of the refusal to build.
xpc_noxen_kdir() {
	local dir=$1 e
	rm -rf "$dir" && mkdir -p "$dir/include/config"
	for e in "$KDIR"/* "$KDIR"/.kernelvariables; do
		[ -e "$e" ] && [ "${e##*/}" != include ] && ln -s "$e" "$dir/"
	done
	for e in "$KDIR"/include/*; do
		[ "${e##*/}" != config ] && ln -s "$e" "$dir/include/"
	done
	grep -v '^CONFIG_XEN=' "$KDIR/include/config/auto.conf" >"$dir/include/config/auto.conf"
	grep -v '^CONFIG_XEN=' "$KDIR/.config" >"$dir/.config"
}
