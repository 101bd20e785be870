# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The kernels of another Debian release than the host's (KCHROOT set by
# xpc_resolve_kernel): their module builds with that release's compiler and
# kbuild, in a minimal chroot of it, made once and kept in
# $BUILD/chroot/RELEASE-ARCH (the host's architecture: an arm64 kernel's
# module builds there with that release's cross compiler); their toolstack
# boot takes that release's Xen tools from it too, with their own C
# library.  The host itself never changes.  Two kernels of a release share
# its chroot, and may be prepared at once in the background (check.sh):
# whatever changes the chroot holds its lock, KCHROOT.lock.

# What debootstrap's minbase gets on top: the kernel build, sparse for the
# static checks, kmod for modpost's tools.  The headers come after, the
# exact ones of the kernel (xpc_chroot).
XPC_CHROOT_INCLUDE=build-essential,kmod,libelf-dev,sparse

# The lock on KCHROOT, on file descriptor 7 (check.sh's locks are 8 and 9),
# taken and released around each change to it.
xpc_chroot_lock() {
	mkdir -p "${KCHROOT%/*}"
	exec 7>"$KCHROOT.lock"
	flock 7
}
xpc_chroot_unlock() { flock -u 7; exec 7>&-; }

# xpc_chroot: KCHROOT, created if it is not there, with the selected
# kernel's headers installed.  What it holds is recorded in
# KCHROOT.packages (dpkg-query's list), for the logs and for cache keys.
xpc_chroot() {
	local c=$KCHROOT t0
	xpc_chroot_lock
	if [ ! -e "$c/.xpc-ready" ]; then
		t0=$(date +%s)
		log "debootstrap $KREL into $c (once; log: $c.log)"
		rm -rf "$c" "$c.tmp" && mkdir -p "${c%/*}"
		debootstrap --variant=minbase --include="$XPC_CHROOT_INCLUDE" \
			"$KREL" "$c.tmp" "$XPC_MIRROR" >"$c.log" 2>&1 ||
			die "debootstrap $KREL failed: see $c.log"
		# The same sources as our apt state of the release: the kernel
		# that resolved there may be a security or point update.
		xpc_sources_list "$KREL" >"$c.tmp/etc/apt/sources.list"
		# Packages installed here never start a service (the toolstack's
		# would try).
		printf '#!/bin/sh\nexit 101\n' >"$c.tmp/usr/sbin/policy-rc.d"
		chmod 0755 "$c.tmp/usr/sbin/policy-rc.d"
		# Only what apt asks for: the chroot stays small.
		printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
			>"$c.tmp/etc/apt/apt.conf.d/90xpc"
		xpc_chroot_no_initramfs "$c.tmp"
		# debootstrap's downloads, not needed again.
		rm -rf "$c.tmp/var/cache/apt/archives"/*.deb
		mv "$c.tmp" "$c"
		touch "$c/.xpc-ready"
		log "debootstrap $KREL: $(($(date +%s) - t0)) s"
	fi
	xpc_chroot_unlock
	if [ "$KARCH" = arm64 ]; then
		xpc_chroot_cross_headers
	else
		xpc_chroot_install "linux-headers-$KVER"
	fi
}

# xpc_chroot_cross_headers: an arm64 kernel's headers in KCHROOT (of the
# host's architecture), with what they need to build there: their kbuild
# and common headers (architecture independent, or the host's), and for
# their compiler (gcc-N, the one the kernel was built with: the headers'
# Makefile names it) that release's cross compiler of the same version.
# The arm64 headers package itself cannot be installed there (its
# dependencies are arm64's): it is unpacked, KDIR, whose scripts and tools
# point at ../../lib/linux-kbuild-*: the chroot's.
xpc_chroot_cross_headers() {
	local deps
	deps=$(xpc_apt_arch apt-cache depends "linux-headers-$KVER" |
		sed -n -e 's/^ *Depends: \(linux-\(kbuild\|headers\)-.*\)/\1/p' \
			-e 's/^ *Depends: \(gcc-[0-9]*\)$/\1-aarch64-linux-gnu/p')
	case $deps in
	*gcc-*) ;;
	*) die "linux-headers-$KVER names no gcc-N: which compiler built it?" ;;
	esac
	# shellcheck disable=SC2086 # package names, one a word
	xpc_chroot_install $deps
	[ -e "$KDIR/Makefile" ] && return 0
	local tmp
	tmp=$(mktemp -d "$KCHROOT.headers.XXXXXX")
	xpc_fetch_deb "linux-headers-$KVER" "$tmp"
	mv "$tmp/usr/src/linux-headers-$KVER" "$KDIR"
	rm -rf "$tmp"
}

# Since Debian 13 a kernel's headers depend on its image, and the image on
# an initramfs tool: initramfs-tools would bring systemd and udev into the
# chroot and build an initramfs at every kernel installed.  A package of
# nothing that provides linux-initramfs-tool stands in for it: nothing here
# boots.
xpc_chroot_no_initramfs() { # CHROOT
	local d=$1/tmp/xpc-no-initramfs
	mkdir -p "$d/DEBIAN"
	cat >"$d/DEBIAN/control" <<-EOF
	Package: xpc-no-initramfs
	Version: 1
	Architecture: all
	Maintainer: xprivcmd tests <root@localhost>
	Provides: linux-initramfs-tool
	Description: no initramfs tool: this build chroot never boots
	EOF
	dpkg-deb --build "$d" "$d.deb" >/dev/null
	chroot "$1" dpkg -i /tmp/xpc-no-initramfs.deb >/dev/null
	rm -rf "$d" "$d.deb"
}

# xpc_chroot_install PACKAGE...: those of PACKAGEs not installed in KCHROOT,
# installed there with its apt (the lists updated once per run).
chroot_updated=
xpc_chroot_install() {
	local c=$KCHROOT p missing=
	for p in "$@"; do
		chroot "$c" dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing="$missing $p"
	done
	[ -n "$missing" ] || return 0
	xpc_chroot_lock
	# Name resolution for its apt, and how the host's apt reaches the
	# mirror (a proxy; a snapshot mirror's old Release files accepted),
	# as the host has them now.
	cp -L /etc/resolv.conf "$c/etc/resolv.conf"
	apt-config dump | grep -E '^Acquire::(https?::Proxy|Check-Valid-Until|Check-Date) ' \
		>"$c/etc/apt/apt.conf.d/00xpc-host" || true
	if [ "$chroot_updated" != "$c" ]; then
		log "apt-get update in $c"
		xpc_chroot_run "" apt-get update -q >"$c.apt.log" 2>&1 ||
			{ cat "$c.apt.log"; die "apt-get update in $c failed"; }
		chroot_updated=$c
	fi
	log "apt-get install$missing in $c"
	# shellcheck disable=SC2086 # package names, one a word
	xpc_chroot_run "" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		-o DPkg::Lock::Timeout=600 $missing >"$c.apt.log" 2>&1 ||
		{ cat "$c.apt.log"; die "apt-get install$missing in $c failed"; }
	xpc_chroot_run "" apt-get clean
	chroot "$c" dpkg-query -W >"$c.packages"
	xpc_chroot_unlock
}

# xpc_chroot_run DIR COMMAND...: COMMAND in KCHROOT, with /proc mounted (sid's
# objtool reads it) and the host's directory DIR (unless empty) bind-mounted
# at the same path inside, so that paths mean the same in and out.  In a
# mount namespace of its own: nothing stays mounted when it ends, however it
# ends, and the host's mount table never sees these.
xpc_chroot_run() {
	local dir=$1
	shift
	unshare --mount --propagation private -- /bin/sh -ec '
		c=$1 dir=$2
		shift 2
		mount -t proc proc "$c/proc"
		if [ -n "$dir" ]; then
			mkdir -p "$c$dir"
			mount --bind "$dir" "$c$dir"
		fi
		exec chroot "$c" "$@"' sh "$KCHROOT" "$dir" "$@"
}

# xpc_kbuild ARGS...: Kbuild (make -C the headers ARGS) for the selected
# kernel: the host's, or in its release's chroot, where KBUILD (all that
# M= names) is seen at the same path.
xpc_kbuild() {
	if [ -n "$KCHROOT" ]; then
		xpc_chroot_run "$KBUILD" make -C "${KDIR#"$KCHROOT"}" "$@"
	else
		make -C "$KDIR" "$@"
	fi
}

# xpc_chroot_libs DIR FILE...: like xpc_copy_libs, for FILEs of KCHROOT (paths
# inside it): the chroot's libraries and loader, over any the host's
# programs put there (older: they run on the newer ones).  Each goes where
# the host's copy is, /lib/..., even where the chroot's ldd says /usr/lib/...
# (sid's does; with merged /usr both are one file): the loader looks in
# /lib first, and sid's loader with Debian 12's libc beside it crashes.
xpc_chroot_libs() {
	local dir=$1 lib
	shift
	for lib in $(chroot "$KCHROOT" ldd "$@" | grep '^[[:space:]]' | grep -o '/[^ ]*' | sort -u); do
		install -D "$KCHROOT$(chroot "$KCHROOT" readlink -f "$lib")" "$dir${lib#/usr}"
	done
}
