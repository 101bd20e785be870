# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
#
# What make check installs, which kernels and hypervisor it boots, and
# fetching them: apt (the host's, and a private state for arm64 packages),
# the kernel matrix and its resolution to exact versions, the hypervisor and
# kernel images unpacked for the VM, the kernel source files the tests use.

# The kernel matrix.  Each kernel is named by Debian metapackages (image and
# headers) of a Debian release, resolved to an exact ABI at run time so that
# a security update never leaves us mismatched.  The release also says which
# Xen boots it (XPC_XEN_PKGS) and, if it is not the host's, where its module
# is built: in a chroot of that release (xpc_chroot), with its compiler and
# kbuild.  NAME=ARCH:RELEASE:IMAGE-META:HEADERS-META[:DOM0]; DOM0 is how
# Xen runs the kernel as dom0: pv (the default), or pvh, an auto-translated
# dom0 in an HVM container (x86: SVM with nested paging and an IOMMU, both
# emulated; see lib/boot.sh).
XPC_MATRIX="6.1=x86_64:bookworm:linux-image-amd64:linux-headers-amd64
	pvh-6.1=x86_64:bookworm:linux-image-amd64:linux-headers-amd64:pvh
	6.12=x86_64:bookworm:linux-image-6.12-amd64:linux-headers-6.12-amd64
	pvh-6.12=x86_64:bookworm:linux-image-6.12-amd64:linux-headers-6.12-amd64:pvh
	arm64-6.1=arm64:bookworm:linux-image-arm64:linux-headers-arm64
	trixie-6.12=x86_64:trixie:linux-image-amd64:linux-headers-amd64
	pvh-trixie-6.12=x86_64:trixie:linux-image-amd64:linux-headers-amd64:pvh
	trixie-arm64-6.12=arm64:trixie:linux-image-arm64:linux-headers-arm64
	sid-7.x=x86_64:sid:linux-image-amd64:linux-headers-amd64
	debug-pvh-6.1=x86_64:bookworm:xpc-debug:xpc-debug:pvh"
# Which of them to test: `make check KERNELS=6.12` for a quick run.  The
# arm64 kernels are cross-built and booted under qemu-system-aarch64 (see
# lib/arm64.sh); each adds a minute or two to a warm run.  sid-7.x is
# unstable's newest kernel, built with its compiler: a kernel API it drops
# (7.x's zap_vma_ptes()) breaks the build before any stable kernel has it.
# debug-pvh-6.1 is no package: Debian 12's 6.1 built here with KASAN,
# kmemleak, lockdep and more (lib/debugkernel.sh), which make check-debug
# boots; its IMAGE-META and HEADERS-META are xpc-debug.
XPC_DEFAULT_KERNELS="6.1 pvh-6.1 6.12 pvh-6.12 arm64-6.1 trixie-6.12 pvh-trixie-6.12
	trixie-arm64-6.12 sid-7.x"
# shellcheck disable=SC2086,SC2116 # one line, one space between names
KERNELS=${KERNELS:-$(echo $XPC_DEFAULT_KERNELS)}
# The release this host runs: its kernels build with the host's compiler.
XPC_HOST_RELEASE=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
# Each release's Xen, as [RELEASE:]PACKAGE: from another release if one is
# named; keyed by release for x86_64, by arm64:RELEASE for arm64.  Unstable's
# newest kernel boots on Debian 13's Xen: a released hypervisor, so that a
# failure is the kernel's or ours.
declare -gA XPC_XEN_PKGS=(
	[bookworm]=xen-hypervisor-4.17-amd64
	[trixie]=xen-hypervisor-4.20-amd64
	[sid]=trixie:xen-hypervisor-4.20-amd64
	[arm64:bookworm]=xen-hypervisor-4.17-arm64
	[arm64:trixie]=xen-hypervisor-4.20-arm64
)
# The apt mirror of the releases that are not the host's.
XPC_MIRROR=${XPC_MIRROR:-http://deb.debian.org/debian}
XPC_SECURITY_MIRROR=${XPC_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

# gcc-12-multilib, not gcc-multilib: that one conflicts with cross
# compilers (testing/m32.mk supplies what it would have).  The arm64 cross
# compiler and C library build the arm64 kernels' user space (static), and
# Debian 12's arm64 module; installed here, before any kernel is prepared
# in the background, so that only the foreground ever runs the host's apt.
XPC_PACKAGES="build-essential gcc-12-multilib libxen-dev python3-pycparser qemu-system-x86
	qemu-system-arm busybox-static cpio kmod xz-utils sparse linux-source-6.1 dkms
	dpkg-dev debhelper dh-dkms lintian udev gcc-aarch64-linux-gnu libc6-dev-arm64-cross
	debootstrap"

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

# apt-cache/apt-get for the selected kernel's release and architecture.
xpc_apt_arch() { # apt-cache|apt-get ARGS...
	if [ -n "${KAPT:-}" ]; then
		APT_CONFIG=$KAPT/apt.conf "$@"
	else
		"$@"
	fi
}

# xpc_apt_init RELEASE DEBARCH: sets KAPT to a private apt state for
# packages of another release or architecture than the host's (empty for
# the host's own): lists and status of our own, in $BUILD/apt-RELEASE-ARCH,
# so that the host needs no foreign architecture nor another release's
# sources (and apt never swaps its gcc for them).  The host's release keeps
# the host's sources; another gets a sources list of its own.
xpc_apt_init() {
	local rel=$1 arch=$2 d
	KAPT=
	[ "$rel" != "$XPC_HOST_RELEASE" ] || [ "$arch" != "$(dpkg --print-architecture)" ] || return 0
	d=$BUILD/apt-$rel-$arch
	KAPT=$d
	mkdir -p "$d/lists/partial" "$d/cache/archives/partial" "$d/etc"
	touch "$d/status"
	# Written every time: a build directory copied from another checkout
	# would otherwise use (and download into) that checkout's state.
	cat >"$d/apt.conf" <<-EOC
	APT::Architecture "$arch";
	APT::Architectures { "$arch"; };
	Dir::State::Lists "$d/lists";
	Dir::Cache "$d/cache";
	Dir::State::status "$d/status";
	EOC
	if [ "$rel" != "$XPC_HOST_RELEASE" ]; then
		xpc_sources_list "$rel" >"$d/etc/sources.list"
		cat >>"$d/apt.conf" <<-EOC
		Dir::Etc::SourceList "$d/etc/sources.list";
		Dir::Etc::SourceParts "/nonexistent";
		EOC
	fi
	# shellcheck disable=SC2010,SC2143 # apt's own file names
	[ -e "$d/lists/lock" ] && [ -n "$(ls "$d/lists" | grep -v -e lock -e partial)" ] && return 0
	log "apt-get update ($rel $arch, private lists in $d)"
	APT_CONFIG=$d/apt.conf apt-get update -q >/dev/null
}

# The apt sources of a Debian release: main, its security and point updates
# (unstable has neither).
xpc_sources_list() { # RELEASE
	echo "deb $XPC_MIRROR $1 main"
	case $1 in sid | unstable) return ;; esac
	echo "deb $XPC_SECURITY_MIRROR $1-security main"
	echo "deb $XPC_MIRROR $1-updates main"
}

# The package a metapackage depends on, without its "linux-image-" prefix.
xpc_meta_target() { # META PREFIX
	xpc_apt_arch apt-cache depends "$1" 2>/dev/null | sed -n "s/^ *Depends: $2//p" | head -n 1
}

# xpc_resolve_kernel [NAME]: selects a kernel of the matrix (default: the
# first of KERNELS) and sets KNAME, KARCH, KVER (e.g. 6.1.0-56-amd64), KDIR
# (its headers), VMDIR (its unpacked image), KTAG (the prefix of its test
# names, e.g. x86_64-6.1), KBUILD (its build directory) and KDOM0 (pv or
# pvh: how Xen runs it as dom0).
xpc_resolve_kernel() {
	local name=${1:-${KERNELS%% *}} entry meta hmeta hver darch
	# shellcheck disable=SC2086 # XPC_MATRIX: one kernel a word
	entry=$(printf '%s\n' $XPC_MATRIX | sed -n "s/^$(printf '%s' "$name" | sed 's/\./\\./g')=//p")
	# shellcheck disable=SC2086 # as above
	[ -n "$entry" ] || die "unknown kernel '$name' (known: $(printf '%s\n' $XPC_MATRIX | sed 's/=.*//' | tr '\n' ' '))"
	KNAME=$name
	KARCH=${entry%%:*}
	entry=${entry#*:}
	KREL=${entry%%:*}
	darch=amd64
	[ "$KARCH" != arm64 ] || darch=arm64
	xpc_apt_init "$KREL" "$darch"
	meta=${entry#*:}
	hmeta=${meta#*:}
	meta=${meta%%:*}
	KDOM0=pv
	if [ "${hmeta#*:}" != "$hmeta" ]; then
		KDOM0=${hmeta#*:}
		hmeta=${hmeta%%:*}
	fi
	# shellcheck disable=SC2034 # read by the other files of lib/
	KDEBUG=
	if [ "$meta" = xpc-debug ]; then
		KDEBUG=y
		KVER=$(xpc_debug_release)
		KDIR=$XPC_DEBUG_TREE
	else
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
	fi
	# Another release's kernel builds in a chroot of that release
	# (lib/chroot.sh), of the host's architecture, where its compiler
	# runs (an arm64 kernel's is a cross compiler); KDIR is its headers as
	# the host sees them.
	KCHROOT=
	if [ "$KREL" != "$XPC_HOST_RELEASE" ]; then
		# shellcheck disable=SC2153 # BUILD: set by lib.sh
		KCHROOT=$BUILD/chroot/$KREL-$(dpkg --print-architecture)
		KDIR=$KCHROOT$KDIR
	fi
	# The hypervisor it boots on: KXENPKG of KXENREL, unpacked to KXEN.
	if [ "$KARCH" = arm64 ]; then
		KXENPKG=${XPC_XEN_PKGS[arm64:$KREL]:-}
	else
		KXENPKG=${XPC_XEN_PKGS[$KREL]:-}
	fi
	KXENREL=$KREL
	if [ "${KXENPKG#*:}" != "$KXENPKG" ]; then
		KXENREL=${KXENPKG%%:*}
		KXENPKG=${KXENPKG#*:}
	fi
	[ -n "$KXENPKG" ] || die "no Xen for $KARCH $KREL in XPC_XEN_PKGS"
	KXENVER=${KXENPKG#xen-hypervisor-}
	KXENVER=${KXENVER%-"$darch"}
	KXEN=$BUILD/vm/xen-$KXENVER
	[ "$KARCH" != arm64 ] || KXEN=$KXEN-arm64
	VMDIR=$BUILD/vm/$KVER
	# e.g. x86_64-6.1, arm64-6.1, arm64-trixie-6.12: the architecture
	# once, whether or not the kernel's name starts with it.
	KTAG=${KNAME#"$KARCH"-}
	KTAG=$KARCH-${KTAG/-"$KARCH"-/-}
	# shellcheck disable=SC2034 # read by the other files of lib/
	KBUILD=$BUILD/$KTAG
	# Arguments for every Kbuild run against this kernel: the tests build
	# (and check) the drop-in mode's xprivcmd_xenfs too.
	KMAKE=XPRIVCMD_DROP_IN=y
	if [ "$KARCH" = arm64 ]; then
		# The host's own release's are unpacked beside the image
		# (xpc_deps_kernel_cross); another's, in its chroot (KDIR as set).
		[ -n "$KCHROOT" ] || KDIR=$VMDIR/headers/usr/src/linux-headers-$KVER
		KMAKE="$KMAKE ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-"
	fi
}

# The kernels of KERNELS that build and install on this host (of its
# release; arm64 ones too), one a word: those DKMS and dpkg can take.  A
# kernel booted as another kind of dom0 is one of them already.
xpc_host_kernels() {
	local k
	for k in $KERNELS; do
		# shellcheck disable=SC2086 # XPC_MATRIX: one kernel a word
		printf '%s\n' $XPC_MATRIX |
			grep "^$(printf '%s' "$k" | sed 's/\./\\./g')=[^:]*:$XPC_HOST_RELEASE:" |
			grep -qv ':pvh$' && printf '%s ' "$k"
	done
	echo
}

# The kernel of KERNELS booted as a PV dom0 whose packages are those of
# NAME, a kernel booted as another kind of dom0 (pvh-6.12's is 6.12);
# nothing if KERNELS has none.  Its module is the same.
xpc_pv_twin() { # NAME
	local entry k
	# shellcheck disable=SC2086 # XPC_MATRIX: one kernel a word
	entry=$(printf '%s\n' $XPC_MATRIX | grep "^$(printf '%s' "$1" | sed 's/\./\\./g')=" |
		sed 's/^[^=]*=//; s/:[^:]*$//')
	for k in $KERNELS; do
		# shellcheck disable=SC2086 # as above
		printf '%s\n' $XPC_MATRIX | grep -qx "$(printf '%s' "$k" | sed 's/\./\\./g')=$entry" &&
			{ echo "$k"; return; }
	done
}

# The newest of the .debs of a package in $BUILD/debs, of the selected
# kernel's architecture (or of all): a package of the same name may be
# there for the other.
xpc_deb() { # PACKAGE
	local a=amd64
	[ "${KARCH:-}" != arm64 ] || a=arm64
	# shellcheck disable=SC2012 # Debian's file names; ls -v sorts versions
	ls -v "$BUILD"/debs/"$1"_*_"$a".deb "$BUILD"/debs/"$1"_*_all.deb 2>/dev/null | tail -n 1
}

# xpc_deps_common: build and VM dependencies, the hypervisor and the
# kselftest harness headers; kernel independent.
xpc_deps_common() {
	# shellcheck disable=SC2046,SC2086 # package names, one a word
	xpc_apt_install $(xpc_missing $XPC_PACKAGES)
	# Debian 13's Xen headers, for the host unit tests of the 4.20 schema.
	xpc_xen_headers trixie 4.20
	xpc_ksrc
}

# xpc_xen_headers RELEASE VERSION: the Xen public headers of RELEASE's
# libxen-dev (which must be Xen VERSION's) in $BUILD/xen-VERSION/include, so
# that the host's tests can check a schema against another Xen than the
# host's.  Only unpacked, in a subshell: the apt state is the release's.
xpc_xen_headers() {
	local out=$BUILD/xen-$2/include
	[ -e "$out/xen/domctl.h" ] && return 0
	(
		KARCH=x86_64
		xpc_apt_init "$1" amd64
		rm -rf "$BUILD/xen-$2"
		xpc_fetch_deb libxen-dev "$BUILD/xen-$2/deb"
		[ -e "$BUILD/xen-$2/deb/usr/include/xen/domctl.h" ] ||
			die "$1's libxen-dev has no xen/domctl.h"
		case $(dpkg-deb -f "$(xpc_deb libxen-dev)" Version) in
		"$2".*) ;;
		*) die "$1's libxen-dev is not Xen $2's" ;;
		esac
		mv "$BUILD/xen-$2/deb/usr/include" "$out"
		rm -rf "$BUILD/xen-$2/deb"
	)
}

# xpc_fetch_xen: the selected kernel's hypervisor (x86_64), unpacked to KXEN.
xpc_fetch_xen() {
	local tmp=$BUILD/xen-deb-$KXENVER
	[ -e "$KXEN" ] && return 0
	mkdir -p "$BUILD/vm"
	# From the apt state of its release, which may not be the kernel's.
	(
		xpc_apt_init "$KXENREL" amd64
		xpc_fetch_deb "$KXENPKG" "$tmp"
	)
	gunzip -c "$tmp/boot/xen-$KXENVER-amd64.gz" >"$KXEN.tmp"
	rm -rf "$tmp"
	mv "$KXEN.tmp" "$KXEN"
	# lab/lab.sh boots Debian 12's as $BUILD/vm/xen, its name before
	# there were two.
	[ "$KXENVER" != 4.17 ] || ln -sfn "xen-$KXENVER" "$BUILD/vm/xen"
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
xpc_fetch_image() { xpc_unpack_image "$VMDIR/root"; }

# xpc_unpack_image DIR: the selected kernel's image package, downloaded and
# unpacked into DIR (emptied first).  Unstable's (7.x) holds nothing itself:
# it depends on linux-binary-KVER (the kernel), linux-modules-KVER and
# linux-base-KVER (modules.order, modules.builtin), unpacked into DIR too
# when it names them.
xpc_unpack_image() {
	local p
	if [ -n "${KDEBUG:-}" ]; then
		xpc_debug_install "$1"
		return
	fi
	xpc_fetch_deb "linux-image-$KVER" "$1"
	for p in "linux-binary-$KVER" "linux-modules-$KVER" "linux-base-$KVER"; do
		dpkg-deb -f "$(xpc_deb "linux-image-$KVER")" Depends | grep -q "$p " || continue
		xpc_fetch_deb "$p" "$1.part"
		cp -a "$1.part"/. "$1/"
		rm -rf "$1.part"
	done
	xpc_usrmerge "$1"
}

# xpc_usrmerge DIR: Debian 13's packages put the modules in /usr/lib/modules
# (merged /usr): /lib becomes a link to usr/lib in DIR, an unpacked package,
# as on a system, for depmod -b and for the paths below lib/modules.
xpc_usrmerge() {
	[ -d "$1/usr/lib/modules" ] && [ ! -e "$1/lib" ] && ln -s usr/lib "$1/lib"
	return 0
}

# xpc_deps_kernel: the selected kernel's headers (installed) and image
# (unpacked into VMDIR, for the VM).
xpc_deps_kernel() {
	if [ "$KARCH" = arm64 ]; then
		if [ -n "$KCHROOT" ]; then
			xpc_chroot
		else
			xpc_deps_kernel_cross
		fi
		xpc_arm64_deps_vm
		return
	fi
	xpc_fetch_xen
	if [ -n "${KDEBUG:-}" ]; then
		xpc_debug_kernel
	elif [ -n "$KCHROOT" ]; then
		xpc_chroot
	else
		# shellcheck disable=SC2046 # package names, one a word
		xpc_apt_install $(xpc_missing "linux-headers-$KVER")
	fi
	[ -e "$VMDIR/vmlinuz" ] && [ -e "$VMDIR/intree.list" ] &&
		[ -e "$VMDIR/xendevs.list" ] && [ -e "$VMDIR/pciback.list" ] && return 0

	rm -rf "$VMDIR"
	xpc_fetch_image
	# Unstable's kernel is in its modules' directory, not in /boot.
	local k=$VMDIR/root/boot/vmlinuz-$KVER
	[ -e "$k" ] || k=$VMDIR/root/lib/modules/$KVER/vmlinuz
	cp "$k" "$VMDIR/vmlinuz.tmp"
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

# The in-tree xen-privcmd and what it depends on (intree.list), the
# kernel's evtchn device, which the selftests bind event channels with
# (xendevs.list), and pciback, which selftests/pcidev loads itself to hold a
# device (pciback.list; x86 only, none elsewhere).  Only these are kept of
# the unpacked image's modules.
xpc_intree_modules() {
	rm -rf "$VMDIR/modules" && mkdir -p "$VMDIR/modules"
	depmod -b "$VMDIR/root" "$KVER"
	xpc_keep_modules xen-evtchn "$VMDIR/xendevs.list"
	if grep -q '^kernel/drivers/xen/xen-pciback/' "$VMDIR/root/lib/modules/$KVER/modules.dep"; then
		xpc_keep_modules xen-pciback/xen-pciback "$VMDIR/pciback.list"
	else
		: >"$VMDIR/pciback.list"
	fi
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
