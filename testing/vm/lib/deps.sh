# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
#
# What make check installs, which kernels and hypervisor it boots, and
# fetching them: apt (the host's, and a private state for arm64 packages),
# the kernel matrix and its resolution to exact versions, the hypervisor and
# kernel images unpacked for the VM, the kernel source files the tests use.

# The kernel matrix.  Each kernel is named by Debian metapackages (image and
# headers), resolved to an exact ABI at run time so that a security update
# never leaves us mismatched.  NAME=ARCH:IMAGE-META:HEADERS-META
XPC_MATRIX="6.1=x86_64:linux-image-amd64:linux-headers-amd64
	6.12=x86_64:linux-image-6.12-amd64:linux-headers-6.12-amd64
	arm64-6.1=arm64:linux-image-arm64:linux-headers-arm64"
# Which of them to test: `make check KERNELS=6.12` for a quick run.  The
# arm64 kernel is cross-built and booted under qemu-system-aarch64 (see
# lib/arm64.sh); it adds about a minute to a warm run.
KERNELS=${KERNELS:-6.1 6.12 arm64-6.1}
# arm64 packages come from apt with a configuration of our own, so that the
# host needs no foreign architecture (and apt never swaps gcc for them).
# shellcheck disable=SC2153 # BUILD: set by lib.sh
XPC_APT_ARM64=$BUILD/apt-arm64
XPC_XEN_PKG=${XPC_XEN_PKG:-xen-hypervisor-4.17-amd64}

# gcc-12-multilib, not gcc-multilib: that one conflicts with cross
# compilers (testing/m32.mk supplies what it would have).
XPC_PACKAGES="build-essential gcc-12-multilib libxen-dev python3-pycparser qemu-system-x86
	qemu-system-arm busybox-static cpio kmod xz-utils sparse linux-source-6.1 dkms
	dpkg-dev debhelper dh-dkms lintian udev"

# The packages of those named that are not installed, one a line.
xpc_missing() { # PACKAGE...
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p"
	done
}

# apt-get update, once per run, as root only.
apt_updated=
xpc_apt_update() {
	[ -z "$apt_updated" ] || return 0
	[ "$(id -u)" = 0 ] || return 0
	log "apt-get update"
	apt-get update -q -o DPkg::Lock::Timeout=600 >/dev/null
	apt_updated=1
}

# apt-get install PACKAGEs, as root; dies if not root.
xpc_apt_install() { # PACKAGE...
	[ $# -gt 0 ] || return 0
	[ "$(id -u)" = 0 ] || die "missing packages: $* (run as root, or install them)"
	xpc_apt_update
	log "apt-get install $*"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		-o DPkg::Lock::Timeout=600 "$@" >/dev/null
}

# apt-cache/apt-get for the selected kernel's architecture.
xpc_apt_arch() { # apt-cache|apt-get ARGS...
	if [ "${KARCH:-x86_64}" = arm64 ]; then
		APT_CONFIG=$XPC_APT_ARM64/apt.conf "$@"
	else
		"$@"
	fi
}

# A private apt state for arm64 packages: lists and status of our own.
xpc_apt_arm64_init() {
	local d=$XPC_APT_ARM64
	mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
	touch "$d/status"
	# Written every time: a build directory copied from another checkout
	# would otherwise use (and download into) that checkout's state.
	cat >"$d/apt.conf" <<-EOC
	APT::Architecture "arm64";
	APT::Architectures { "arm64"; };
	Dir::State::Lists "$d/lists";
	Dir::Cache "$d/cache";
	Dir::State::status "$d/status";
	EOC
	# shellcheck disable=SC2010,SC2143 # apt's own file names
	[ -e "$d/lists/lock" ] && [ -n "$(ls "$d/lists" | grep -v -e lock -e partial)" ] && return 0
	log "apt-get update (arm64, private lists in $d)"
	APT_CONFIG=$d/apt.conf apt-get update -q >/dev/null
}

# The package a metapackage depends on, without its "linux-image-" prefix.
xpc_meta_target() { # META PREFIX
	xpc_apt_arch apt-cache depends "$1" 2>/dev/null | sed -n "s/^ *Depends: $2//p" | head -n 1
}

# xpc_resolve_kernel [NAME]: selects a kernel of the matrix (default: the
# first of KERNELS) and sets KNAME, KARCH, KVER (e.g. 6.1.0-56-amd64), KDIR
# (its headers), VMDIR (its unpacked image), KTAG (the prefix of its test
# names, e.g. x86_64-6.1) and KBUILD (its build directory).
xpc_resolve_kernel() {
	local name=${1:-${KERNELS%% *}} entry meta hmeta hver
	# shellcheck disable=SC2086 # XPC_MATRIX: one kernel a word
	entry=$(printf '%s\n' $XPC_MATRIX | sed -n "s/^$(printf '%s' "$name" | sed 's/\./\\./g')=//p")
	# shellcheck disable=SC2086 # as above
	[ -n "$entry" ] || die "unknown kernel '$name' (known: $(printf '%s\n' $XPC_MATRIX | sed 's/=.*//' | tr '\n' ' '))"
	KNAME=$name
	KARCH=${entry%%:*}
	[ "$KARCH" != arm64 ] || xpc_apt_arm64_init
	meta=${entry#*:}
	hmeta=${meta#*:}
	meta=${meta%%:*}
	KVER=$(xpc_meta_target "$meta" linux-image-)
	if [ -z "$KVER" ]; then
		xpc_apt_update
		KVER=$(xpc_meta_target "$meta" linux-image-)
	fi
	[ -n "$KVER" ] || die "cannot resolve $meta to a kernel version"
	hver=$(xpc_meta_target "$hmeta" linux-headers-)
	[ "$hver" = "$KVER" ] ||
		die "$meta ($KVER) and $hmeta (${hver:-nothing}) disagree: apt-get update?"
	KDIR=/usr/src/linux-headers-$KVER
	VMDIR=$BUILD/vm/$KVER
	KTAG=$KARCH-${KNAME#"$KARCH"-}
	# shellcheck disable=SC2034 # read by the other files of lib/
	KBUILD=$BUILD/$KTAG
	# Arguments for every Kbuild run against this kernel: the tests build
	# (and check) the drop-in mode's xprivcmd_xenfs too.
	KMAKE=XPRIVCMD_DROP_IN=y
	if [ "$KARCH" = arm64 ]; then
		KDIR=$VMDIR/headers/usr/src/linux-headers-$KVER
		KMAKE="$KMAKE ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-"
	fi
}

# The newest of the .debs of a package in $BUILD/debs.
xpc_deb() { # PACKAGE
	# shellcheck disable=SC2012 # Debian's file names; ls -v sorts versions
	ls -v "$BUILD"/debs/"$1"_*.deb 2>/dev/null | tail -n 1
}

# xpc_deps_common: build and VM dependencies, the hypervisor and the
# kselftest harness headers; kernel independent.
xpc_deps_common() {
	# shellcheck disable=SC2046,SC2086 # package names, one a word
	xpc_apt_install $(xpc_missing $XPC_PACKAGES)
	mkdir -p "$BUILD/debs" "$BUILD/vm"
	if [ ! -e "$BUILD/vm/xen" ]; then
		log "fetching $XPC_XEN_PKG"
		(cd "$BUILD/debs" && apt-get download -q "$XPC_XEN_PKG" >/dev/null 2>&1) ||
			die "apt-get download $XPC_XEN_PKG failed"
		rm -rf "$BUILD/xen-deb" && mkdir -p "$BUILD/xen-deb"
		dpkg-deb -x "$(xpc_deb "$XPC_XEN_PKG")" "$BUILD/xen-deb"
		gunzip -c "$BUILD"/xen-deb/boot/xen-*-amd64.gz >"$BUILD/vm/xen.tmp"
		mv "$BUILD/vm/xen.tmp" "$BUILD/vm/xen"
	fi

	xpc_ksrc
}

# The kernel source files the tests use, from Debian's kernel source: the
# kselftest harness headers (testing/unit builds with them too, and can
# extract them itself), its runner, checkpatch, and KUnit's KTAP parser.
# They are GPL kernel code: taken at build time, never committed.
XPC_KSRC_TAR=/usr/src/linux-source-6.1.tar.xz
XPC_KSRC_FILES="tools/testing/selftests/kselftest_harness.h
	tools/testing/selftests/kselftest.h
	tools/testing/selftests/run_kselftest.sh
	tools/testing/selftests/kselftest/runner.sh
	tools/testing/selftests/kselftest/prefix.pl
	tools/testing/kunit/kunit_parser.py
	tools/testing/kunit/kunit_printer.py
	scripts/checkpatch.pl
	scripts/spelling.txt
	scripts/const_structs.checkpatch"

# xpc_ksrc: XPC_KSRC_FILES into $BUILD/ksrc, unless all are there.
xpc_ksrc() {
	local f missing=
	for f in $XPC_KSRC_FILES; do
		[ -e "$BUILD/ksrc/$f" ] || missing=1
	done
	[ -n "$missing" ] || return 0
	[ -r "$XPC_KSRC_TAR" ] || die "no $XPC_KSRC_TAR: apt-get install linux-source-6.1"
	log "extracting the kselftest harness, KUnit's parser and checkpatch from linux-source-6.1"
	mkdir -p "$BUILD/ksrc"
	# shellcheck disable=SC2046
	tar -xJf "$XPC_KSRC_TAR" -C "$BUILD/ksrc" --strip-components=1 \
		$(for f in $XPC_KSRC_FILES; do echo "linux-source-6.1/$f"; done)
}

# xpc_fetch_deb PACKAGE DIR: PACKAGE, downloaded for the selected kernel's
# architecture into $BUILD/debs, unpacked into DIR (emptied first).
xpc_fetch_deb() {
	log "fetching $1 ($KARCH)"
	mkdir -p "$BUILD/debs"
	(cd "$BUILD/debs" && xpc_apt_arch apt-get download -q "$1" >/dev/null 2>&1) ||
		die "apt-get download $1 ($KARCH) failed"
	rm -rf "$2" && mkdir -p "$2"
	dpkg-deb -x "$(xpc_deb "$1")" "$2"
}

# xpc_fetch_image: the selected kernel's image, unpacked into $VMDIR/root.
xpc_fetch_image() { xpc_fetch_deb "linux-image-$KVER" "$VMDIR/root"; }

# xpc_deps_kernel: the selected kernel's headers (installed) and image
# (unpacked into VMDIR, for the VM).
xpc_deps_kernel() {
	if [ "$KARCH" = arm64 ]; then
		xpc_deps_kernel_cross
		xpc_arm64_deps_vm
		return
	fi
	# shellcheck disable=SC2046 # package names, one a word
	xpc_apt_install $(xpc_missing "linux-headers-$KVER")
	[ -e "$VMDIR/vmlinuz" ] && [ -e "$VMDIR/intree.list" ] &&
		[ -e "$VMDIR/xendevs.list" ] && return 0

	rm -rf "$VMDIR"
	xpc_fetch_image
	cp "$VMDIR/root/boot/vmlinuz-$KVER" "$VMDIR/vmlinuz.tmp"
	xpc_intree_modules
	mv "$VMDIR/vmlinuz.tmp" "$VMDIR/vmlinuz"
}

# A foreign kernel's headers, unpacked (installing them with apt would
# replace the host's gcc), run by the host's linux-kbuild and the
# architecture-independent headers of the same version, which apt installs.
xpc_deps_kernel_cross() {
	local deps
	deps=$(xpc_apt_arch apt-cache depends "linux-headers-$KVER" |
		sed -n 's/^ *Depends: \(linux-\(kbuild\|headers\)-.*\)/\1/p')
	# shellcheck disable=SC2046,SC2086 # package names, one a word
	xpc_apt_install $(xpc_missing gcc-aarch64-linux-gnu libc6-dev-arm64-cross $deps)
	[ -e "$KDIR/Makefile" ] && return 0
	xpc_fetch_deb "linux-headers-$KVER" "$VMDIR/headers"
	# Its scripts and tools point at ../../lib/linux-kbuild-*: the host's.
	local l t
	for l in scripts tools; do
		t=$(readlink "$KDIR/$l")
		ln -sfn "/usr/lib/${t#../../lib/}" "$KDIR/$l"
	done
}

# xpc_keep_modules NAME LIST: the in-tree module NAME (drivers/xen) and what
# it depends on, in load order, as paths below lib/modules/$KVER, into LIST,
# uncompressed into $VMDIR/modules: busybox's insmod cannot read a
# compressed module (Debian compresses them with xz since 6.12).
xpc_keep_modules() {
	local mdir="$VMDIR/root/lib/modules/$KVER" keep="$VMDIR/modules" m list
	# modules.dep: "module: deps...", a dependency listed before what
	# it depends on, so load order is the list reversed, then the module.
	list=$(sed -n "s#^\(kernel/drivers/xen/$1\.ko[.a-z]*\):\(.*\)\$#\2 \1#p" \
		"$mdir/modules.dep" | tr ' ' '\n' | sed '/^$/d' | tac)
	[ -n "$list" ] || die "no $1 module in linux-image-$KVER"
	# The module itself came last in the line, so it is now first: move it.
	list=$(printf '%s\n' "$list" | sed -n '2,$p'; printf '%s\n' "$list" | head -n 1)
	: >"$2.tmp"
	for m in $list; do
		xpc_uncompressed "$mdir/$m" "$keep/$(basename "${m%.ko*}").ko"
		m=$(basename "$m")
		echo "${m%.ko*}.ko" >>"$2.tmp"
	done
	mv "$2.tmp" "$2"
}

# The in-tree xen-privcmd and what it depends on (intree.list), and the
# kernel's evtchn device, which the selftests bind event channels with
# (xendevs.list).  Only these are kept of the unpacked image's modules.
xpc_intree_modules() {
	rm -rf "$VMDIR/modules" && mkdir -p "$VMDIR/modules"
	depmod -b "$VMDIR/root" "$KVER"
	xpc_keep_modules xen-evtchn "$VMDIR/xendevs.list"
	xpc_keep_modules xen-privcmd "$VMDIR/intree.list.new"
	# The rest of the image is not needed again.
	rm -rf "$VMDIR/root"
	mv "$VMDIR/intree.list.new" "$VMDIR/intree.list"
}

# xpc_deps [NAME]: everything needed to build for and boot one kernel.
xpc_deps() {
	xpc_deps_common
	xpc_resolve_kernel "${1:-}"
	xpc_deps_kernel
}

# xpc_uncompressed MODULE OUT: a module file, decompressed if need be.
xpc_uncompressed() {
	case "$1" in
	*.xz) xz -dc "$1" >"$2" ;;
	*.zst) zstd -qdc "$1" >"$2" ;;
	*.gz) gzip -dc "$1" >"$2" ;;
	*) cp "$1" "$2" ;;
	esac
}
