# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The debug kernel: Debian 12's 6.1, built from Debian's own source package
# (linux-source-6.1) and Debian's configuration of it, with the checks of
# testing/vm/debug-kernel.config (KASAN, KFENCE, kmemleak, lockdep, ...)
# and only the modules the VM loads.  The matrix names it debug-pvh-6.1
# (deps.sh): KASAN runs in a PVH dom0 only (debug-kernel.config says why).
# Built once into $BUILD/debug-kernel/linux and kept while its inputs stay
# the same: the source's version, Debian's configuration, the switches,
# the patch, the modules and the compiler (their hash is the tree's xpc-key
# file).  About 40 minutes on two cores; a tree moved elsewhere is built
# again (its objects' command lines hold its path).

XPC_DEBUG_CONFIG=$ROOT/testing/vm/debug-kernel.config
# What it changes in Debian's source: the PVH entry's C code, which runs
# before KASAN's shadow exists, built without KASAN's checks.
XPC_DEBUG_PATCH=$ROOT/testing/vm/debug-kernel.patch
XPC_DEBUG_TREE=$BUILD/debug-kernel/linux
# The modules built, as lsmod names them (make localmodconfig keeps these
# and what they need, and drops every other module of Debian's
# configuration): the Xen devices the tests and the toolstack load.
XPC_DEBUG_MODS="xen_privcmd xen_evtchn xenfs xen_gntdev xen_gntalloc xen_pciback
	xen_blkback xen_netback"
# What building a kernel needs beyond the module's build dependencies.
XPC_DEBUG_PACKAGES="bc bison flex libelf-dev libssl-dev patch"

# The source's version (6.1.192-3), as apt would install it.
xpc_debug_srcver() {
	apt-cache policy linux-source-6.1 | sed -n 's/^ *Candidate: //p'
}

# The debug kernel's release string, e.g. 6.1.192-xpcdebug: its source's
# upstream version and debug-kernel.config's LOCALVERSION.
xpc_debug_release() {
	local v
	v=$(xpc_debug_srcver)
	[ -n "$v" ] || die "apt knows no linux-source-6.1"
	echo "${v%%-*}$(sed -n 's/^--set-str LOCALVERSION //p' "$XPC_DEBUG_CONFIG")"
}

# Debian's configuration of the same source: that of the image whose
# headers package has the source's version (linux-headers-amd64 of
# Debian 12), which it installs.
xpc_debug_base_config() {
	local hver
	hver=$(xpc_meta_target linux-headers-amd64 linux-headers-)
	[ -n "$hver" ] || die "cannot resolve linux-headers-amd64"
	# shellcheck disable=SC2046 # package names, one a word
	xpc_apt_install $(xpc_missing "linux-headers-$hver")
	[ "$(dpkg-query -W -f='${Version}' "linux-headers-$hver")" = "$(xpc_debug_srcver)" ] ||
		die "linux-headers-$hver and linux-source-6.1 are not the same version: apt-get upgrade?"
	echo "/usr/src/linux-headers-$hver/.config"
}

# The hash of the debug kernel's inputs, given Debian's configuration BASE.
xpc_debug_key() { # BASE
	{
		xpc_debug_srcver
		cat "$1" "$XPC_DEBUG_CONFIG" "$XPC_DEBUG_PATCH"
		# shellcheck disable=SC2086 # one line, one space between names
		echo $XPC_DEBUG_MODS
		gcc --version | head -n 1
	} | sha256sum | cut -c 1-16
}

# xpc_debug_kernel: the debug kernel built in XPC_DEBUG_TREE (KDIR), unless
# it is there already with the same inputs; a new build empties VMDIR, so
# that xpc_deps_kernel takes its image and modules again.
xpc_debug_kernel() {
	local base key tree=$XPC_DEBUG_TREE t0 o
	# shellcheck disable=SC2046,SC2086 # package names, one a word
	xpc_apt_install $(xpc_missing $XPC_DEBUG_PACKAGES)
	base=$(xpc_debug_base_config)
	key=$(xpc_debug_key "$base")
	[ "$(cat "$tree/xpc-key" 2>/dev/null)" = "$key" ] && return 0

	t0=$(date +%s)
	log "building the debug kernel $KVER (once; log: $tree.log)"
	rm -rf "$tree" "$VMDIR" && mkdir -p "$tree"
	tar -xJf "$XPC_KSRC_TAR" -C "$tree" --strip-components=1
	patch -s -d "$tree" -p1 <"$XPC_DEBUG_PATCH"
	cp "$base" "$tree/.config"
	{
		echo "Module Size Used by"
		# shellcheck disable=SC2086 # module names, one a word
		printf '%s 0 0\n' $XPC_DEBUG_MODS
	} >"$tree.lsmod"
	{
		make -C "$tree" LSMOD="$tree.lsmod" localmodconfig </dev/null &&
			sed -e '/^#/d' -e '/^$/d' "$XPC_DEBUG_CONFIG" |
			xargs "$tree/scripts/config" --file "$tree/.config" &&
			make -C "$tree" olddefconfig
	} >"$tree.log" 2>&1 || { cat "$tree.log"; die "configuring the debug kernel failed"; }
	# Every switch that enables something must have held: Kconfig drops
	# what a dependency forbids, silently.
	# shellcheck disable=SC2013 # option names, one a word
	for o in $(sed -n 's/^-e //p' "$XPC_DEBUG_CONFIG"); do
		grep -qx "CONFIG_$o=y" "$tree/.config" ||
			die "the debug kernel's configuration lost CONFIG_$o (see $tree.log)"
	done
	make -C "$tree" -j"$(nproc)" bzImage modules >>"$tree.log" 2>&1 ||
		{ tail -n 40 "$tree.log"; die "building the debug kernel failed (log: $tree.log)"; }
	[ "$(make -s -C "$tree" kernelrelease)" = "$KVER" ] ||
		die "the debug kernel is $(make -s -C "$tree" kernelrelease), not $KVER"
	echo "$key" >"$tree/xpc-key"
	log "debug kernel built: $(($(date +%s) - t0)) s"
}

# xpc_debug_install DIR: the debug kernel as its package would unpack:
# boot/vmlinuz-KVER and lib/modules/KVER (what xpc_unpack_image gives).
xpc_debug_install() {
	install -D -m 0644 "$XPC_DEBUG_TREE/arch/x86/boot/bzImage" "$1/boot/vmlinuz-$KVER"
	make -s -C "$XPC_DEBUG_TREE" INSTALL_MOD_PATH="$1" modules_install >/dev/null
}
