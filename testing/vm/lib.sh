# SPDX-License-Identifier: GPL-2.0-only
#
# Shared by the VM scripts: what to install, which kernels and hypervisor to
# boot, how to build the module for each, how to build the guest's initramfs
# and how to boot it.  Source it; it sets ROOT, BUILD and the xpc_* functions.

set -eu

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build}

# The kernel matrix.  Each kernel is named by Debian metapackages (image and
# headers), resolved to an exact ABI at run time so that a security update
# never leaves us mismatched.  NAME=ARCH:IMAGE-META:HEADERS-META
XPC_MATRIX="6.1=x86_64:linux-image-amd64:linux-headers-amd64
	6.12=x86_64:linux-image-6.12-amd64:linux-headers-6.12-amd64
	arm64-6.1=arm64:linux-image-arm64:linux-headers-arm64"
# Which of them to test: `make check KERNELS=6.12` for a quick run.  The
# arm64 kernel is cross-built and booted under qemu-system-aarch64 (see
# arm64.sh); it adds about a minute to a warm run.
KERNELS=${KERNELS:-6.1 6.12 arm64-6.1}
# arm64 packages come from apt with a configuration of our own, so that the
# host needs no foreign architecture (and apt never swaps gcc for them).
XPC_APT_ARM64=$BUILD/apt-arm64
XPC_XEN_PKG=${XPC_XEN_PKG:-xen-hypervisor-4.17-amd64}
XPC_TIMEOUT=${XPC_TIMEOUT:-300}

# gcc-12-multilib, not gcc-multilib: that one conflicts with cross
# compilers (testing/m32.mk supplies what it would have).
XPC_PACKAGES="build-essential gcc-12-multilib libxen-dev python3-pycparser qemu-system-x86
	qemu-system-arm busybox-static cpio kmod xz-utils sparse linux-source-6.1 dkms
	dpkg-dev debhelper dh-dkms lintian udev"

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

xpc_missing() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p"
	done
}

apt_updated=
xpc_apt_update() {
	[ -z "$apt_updated" ] || return 0
	[ "$(id -u)" = 0 ] || return 0
	log "apt-get update"
	apt-get update -q -o DPkg::Lock::Timeout=600 >/dev/null
	apt_updated=1
}

xpc_apt_install() {
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
	entry=$(printf '%s\n' $XPC_MATRIX | sed -n "s/^$(printf '%s' "$name" | sed 's/\./\\./g')=//p")
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
xpc_deb() {
	ls -v "$BUILD"/debs/"$1"_*.deb 2>/dev/null | tail -n 1
}

# xpc_deps_common: build and VM dependencies, the hypervisor and the
# kselftest harness headers; kernel independent.
xpc_deps_common() {
	# shellcheck disable=SC2086
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

	# The harness headers, its runner and checkpatch are GPL kernel code: taken from
	# Debian's kernel source at build time, never committed.
	if [ ! -e "$BUILD/ksrc/tools/testing/selftests/kselftest/runner.sh" ]; then
		log "extracting kselftest headers, runner and checkpatch from linux-source-6.1"
		mkdir -p "$BUILD/ksrc"
		tar -xJf /usr/src/linux-source-6.1.tar.xz -C "$BUILD/ksrc" --strip-components=1 \
			linux-source-6.1/tools/testing/selftests/kselftest_harness.h \
			linux-source-6.1/tools/testing/selftests/kselftest.h \
			linux-source-6.1/tools/testing/selftests/run_kselftest.sh \
			linux-source-6.1/tools/testing/selftests/kselftest/runner.sh \
			linux-source-6.1/tools/testing/selftests/kselftest/prefix.pl \
			linux-source-6.1/scripts/checkpatch.pl \
			linux-source-6.1/scripts/spelling.txt \
			linux-source-6.1/scripts/const_structs.checkpatch
	fi
}

# xpc_deps_kernel: the selected kernel's headers (installed) and image
# (unpacked into VMDIR, for the VM).
xpc_deps_kernel() {
	if [ "$KARCH" = arm64 ]; then
		xpc_deps_kernel_cross
		xpc_arm64_deps_vm
		return
	fi
	xpc_apt_install $(xpc_missing "linux-headers-$KVER")
	[ -e "$VMDIR/vmlinuz" ] && [ -e "$VMDIR/intree.list" ] &&
		[ -e "$VMDIR/xendevs.list" ] && return 0

	log "fetching linux-image-$KVER"
	mkdir -p "$BUILD/debs"
	(cd "$BUILD/debs" && apt-get download -q "linux-image-$KVER" >/dev/null 2>&1) ||
		die "apt-get download linux-image-$KVER failed"
	rm -rf "$VMDIR" && mkdir -p "$VMDIR/root"
	dpkg-deb -x "$(xpc_deb "linux-image-$KVER")" "$VMDIR/root"
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
	# shellcheck disable=SC2086
	xpc_apt_install $(xpc_missing gcc-aarch64-linux-gnu libc6-dev-arm64-cross $deps)
	[ -e "$KDIR/Makefile" ] && return 0
	log "fetching linux-headers-$KVER (arm64)"
	mkdir -p "$BUILD/debs"
	(cd "$BUILD/debs" && xpc_apt_arch apt-get download -q "linux-headers-$KVER" >/dev/null 2>&1) ||
		die "apt-get download linux-headers-$KVER (arm64) failed"
	rm -rf "$VMDIR/headers" && mkdir -p "$VMDIR/headers"
	dpkg-deb -x "$(xpc_deb "linux-headers-$KVER")" "$VMDIR/headers"
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
	make -s -C "$KDIR" M="$KBUILD/src" $KMAKE W=1 modules \
		>"$KBUILD/module-build.log" 2>&1 ||
		{ cat "$KBUILD/module-build.log"; die "module build failed"; }
	KO=$KBUILD/src/xprivcmd.ko
}

xpc_build_user() {
	log "building the selftests and hcall"
	make -s -C "$ROOT/selftests" >/dev/null
	make -s -C "$ROOT/tools/hcall" STATIC=1 >/dev/null
	make -s -C "$ROOT/testing/bench" >/dev/null
}

xpc_build() {
	xpc_build_module
	xpc_build_user
}

# xpc_initrd OUT [MODE]: packs the test programs, the module ($KO) and the
# in-tree xen-privcmd with its dependencies (for side-by-side checks) with a
# static busybox; for MODE toolstack, Xen's tools too (toolstack.sh).
# XPC_EXTRA: more files for /xpc, space-separated.
xpc_initrd() {
	local out=$1 mode=${2:-} dir m
	dir=$(mktemp -d "$BUILD/initrd.XXXXXX")
	# mktemp's 0700 would become the guest's /: unreachable for non-root.
	chmod 0755 "$dir"
	mkdir -p "$dir"/{bin,dev,proc,sys,tmp,xpc}
	cp "$ROOT/testing/vm/init" "$dir/init"
	cp "$ROOT/testing/vm/guest-demo.sh" "$dir/xpc/"
	if [ "$KARCH" = arm64 ]; then
		xpc_arm64_initrd_user "$dir"
	else
		cp /bin/busybox "$dir/bin/"
		cp "$ROOT/tools/hcall/hcall" "$ROOT/testing/bench/bench_hypercall" "$dir/xpc/"
		make -s -C "$ROOT/selftests" install INSTALL_PATH="$dir/xpc/selftests" >/dev/null
	fi
	cp "${KO:-$KBUILD/src/xprivcmd.ko}" "$dir/xpc/xprivcmd.ko"
	[ -z "${XPC_SCRIPT:-}" ] || cp "$XPC_SCRIPT" "$dir/xpc/script.sh"
	# shellcheck disable=SC2086
	[ -z "${XPC_EXTRA:-}" ] || cp $XPC_EXTRA "$dir/xpc/"
	mkdir -p "$dir/lib/modules/$KVER"
	: >"$dir/xpc/intree.list"
	for m in $(cat "$VMDIR/intree.list"); do
		cp "$VMDIR/modules/$m" "$dir/lib/modules/$KVER/"
		echo "/lib/modules/$KVER/$m" >>"$dir/xpc/intree.list"
	done
	: >"$dir/xpc/xendevs.list"
	for m in $(cat "$VMDIR/xendevs.list" 2>/dev/null); do
		cp "$VMDIR/modules/$m" "$dir/lib/modules/$KVER/"
		echo "/lib/modules/$KVER/$m" >>"$dir/xpc/xendevs.list"
	done
	[ -z "${XPC_SYSROOT:-}" ] || xpc_initrd_installed "$dir"
	[ "$mode" != toolstack ] || xpc_initrd_toolstack "$dir"
	(cd "$dir" && find . | cpio -o -H newc -R 0:0 --quiet | gzip -1 >"$out")
	rm -rf "$dir"
}

# For the boot of an installed module: XPC_SYSROOT (what an install path
# put in /lib/modules) over the initramfs, our side-by-side modprobe.d file,
# and kmod (depmod, modprobe, modinfo) with its libraries.
xpc_initrd_installed() {
	local dir=$1
	cp -a "$XPC_SYSROOT"/. "$dir/"
	install -D -m 0644 "$ROOT/packaging/modprobe.d/xprivcmd-side-by-side.conf" \
		"$dir/etc/modprobe.d/xprivcmd.conf"
	xpc_initrd_kmod "$dir"
}

# xpc_boot MODE LOG [xen|bare]: boots the selected kernel in MODE (check,
# demo, noxen), console to LOG.  Returns QEMU's status (124 on timeout).
# XPC_XEN, if set, is the hypervisor to boot instead of Debian's.
xpc_boot() {
	local mode=$1 out=$2 how=${3:-xen} initrd rc=0
	initrd="$KBUILD/initrd-$mode.gz"
	mkdir -p "$KBUILD"
	xpc_initrd "$initrd" "$mode"
	local args="loglevel=3 xpc_mode=$mode"
	if [ "$KARCH" = arm64 ]; then
		xpc_arm64_qemu "$how" "$initrd" "$args" "$out" || rc=$?
		return $rc
	fi
	# Software emulation only: a /dev/kvm node may exist yet hang, and
	# -cpu max crashes dom0.
	local qemu=(timeout --foreground "$XPC_TIMEOUT" qemu-system-x86_64 -accel tcg
		-cpu qemu64 -nographic -no-reboot -monitor none)
	if [ "$how" = xen ]; then
		# QEMU's multiboot loader splits modules on commas: none in args.
		# One CPU: with two, a PV dom0 under TCG intermittently crashed
		# in the kernel's own text patching (int3 Oops in the scheduler)
		# or soft-locked; XPC_SMP=2 for the race tests that need them.
		"${qemu[@]}" -m 1024 -smp "${XPC_SMP:-1}" -kernel "${XPC_XEN:-$BUILD/vm/xen}" \
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

# xpc_result STATUS NAME OUTPUT-FILE: the next KTAP result (counted in n),
# with the command's output as diagnostics when STATUS is not 0: its first
# and last 20 lines, where both the cause and the verdict tend to be.
xpc_result() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n $2"
		return
	fi
	if [ "$(wc -l <"$3")" -gt 40 ]; then
		{ head -n 20 "$3"; echo "[...]"; tail -n 20 "$3"; } | sed 's/^/# /'
	else
		sed 's/^/# /' "$3"
	fi
	echo "not ok $n $2"
}

# xpc_judge_boot NAME QEMU-STATUS LOG: the KTAP document that judges a boot:
# it reached its END marker, and neither Xen nor the kernel printed a BUG,
# WARNING, Oops or general protection fault.  A user program's own fault,
# which the kernel reports as "traps: PROG[PID] general protection fault
# ... in PROG" when it sends SIGSEGV (the selftests provoke one on purpose:
# a port read without I/O privilege), is not the kernel's.
xpc_judge_boot() {
	local name=$1 rc=$2 out=$3 ok=ok
	echo "TAP version 13"
	echo "1..2"
	if [ "$rc" = 0 ] && xpc_marked "$out" | grep -qx END; then
		echo "ok 1 $name.boot_completed"
	else
		echo "# QEMU status $rc; last lines of the console:"
		tr -d '\r' <"$out" | tail -n 15 | sed 's/^/# /'
		echo "not ok 1 $name.boot_completed"
	fi
	if tr -d '\r' <"$out" | grep -E 'BUG:|WARNING:|Oops|general protection' |
		grep -vE '\] traps: [^ ]+\[[0-9]+\] general protection fault ip:[0-9a-f]+ sp:[0-9a-f]+ error:[0-9a-f]+ in ' \
		>"$out.bad"; then
		sed 's/^/# /' "$out.bad" | head -n 20
		ok="not ok"
	fi
	echo "$ok 2 $name.console_free_of_bug_warning_oops"
}

# Prefixes the name of every top-level KTAP result read on stdin, so that the
# same test on two kernels has two names.
xpc_ktap_prefix() { # PREFIX
	sed -E "s#^((not )?ok [0-9]+ )#\\1$1#"
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

# What differs for arm64 kernels: xpc_arm64_* (the VM, cross-built user space).
. "$ROOT/testing/vm/arm64.sh"

# xpc_uncompressed MODULE OUT: a module file, decompressed if need be.
xpc_uncompressed() {
	case "$1" in
	*.xz) xz -dc "$1" >"$2" ;;
	*.zst) zstd -qdc "$1" >"$2" ;;
	*.gz) gzip -dc "$1" >"$2" ;;
	*) cp "$1" "$2" ;;
	esac
}

. "$ROOT/testing/vm/toolstack.sh"
