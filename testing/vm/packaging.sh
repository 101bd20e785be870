#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Tests of the install paths, as KTAP, on the host (the VM boot of what they
# installed is check.sh's).  They install into the host's /lib/modules and
# DKMS tree, for kernels that need not be running, and undo it afterwards.
#   packaging.sh dkms NAME          make dkms-install for kernel NAME of the
#                                   matrix; the module DKMS built is left in
#                                   $KBUILD/dkms/xprivcmd.ko for the VM; DKMS
#                                   and Kbuild refuse a kernel without Xen
#   packaging.sh dkms-remove NAME   make dkms-uninstall leaves nothing behind
#   packaging.sh install NAME       make install (module, header, hcall,
#                                   manual pages) and install-side-by-side
#                                   into a DESTDIR, for kernel NAME
#   packaging.sh deb-install        the Debian packages (xprivcmd-dkms,
#                                   -utils, -dev): built with
#                                   dpkg-buildpackage, lintian clean,
#                                   installed with apt (DKMS builds the
#                                   module for each x86_64 kernel of
#                                   KERNELS), hcall run, xprivcmd-mode
#                                   drop-in (DKMS builds xprivcmd_xenfs
#                                   too); the modules are left in
#                                   $KBUILD/deb/ for the toolstack VM
#   packaging.sh deb-remove         xprivcmd-mode side-by-side (DKMS builds
#                                   without xprivcmd_xenfs), then apt purge
#                                   leaves nothing behind
#   packaging.sh deb                both, without a VM in between
#   packaging.sh deb-chroot NAME    for kernel NAME of another Debian
#                                   release: in its chroot, with its DKMS,
#                                   the packages installed (drop-in: DKMS
#                                   builds xprivcmd_xenfs, whose CRC must
#                                   be the one the release's xenfs wants),
#                                   purged; make dkms-install and
#                                   dkms-uninstall; nothing left behind
. "$(dirname "$0")/lib.sh"

VERSION=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$ROOT/dkms.conf")
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# What these tests install into the host is recorded here before it goes
# in, and the record removed with it.  check.sh holds its host lock from
# install to removal, so a record found by the next run is what a run that
# was stopped half way left (a CI run ended at its time limit, say), whatever
# clone it ran from: removed first, as the record says (the packages, the
# version registered with DKMS).
OURS=/var/lib/xprivcmd-check
DKMS_OURS=$OURS/dkms.ours
DEB_OURS=$OURS/deb.ours
DEB_PKGS="xprivcmd-dkms xprivcmd-utils xprivcmd-dev"
reclaim() {
	if [ -e "$DEB_OURS" ]; then
		echo "# purging $(cat "$DEB_OURS"), which an earlier run left installed"
		# shellcheck disable=SC2046
		DEBIAN_FRONTEND=noninteractive apt-get purge -y -q \
			-o DPkg::Lock::Timeout=600 $(cat "$DEB_OURS") >/dev/null 2>&1 || true
		rm -f "$DEB_OURS"
	fi
	if [ -e "$DKMS_OURS" ]; then
		echo "# removing xprivcmd/$(cat "$DKMS_OURS"), which an earlier run left registered with DKMS"
		make -C "$ROOT" dkms-uninstall VERSION="$(cat "$DKMS_OURS")" >/dev/null 2>&1 || true
		rm -f "$DKMS_OURS"
	fi
}
own() { mkdir -p "$OURS" && printf '%s\n' "$2" >"$1"; } # own RECORD WHAT

n=0
skip_all() { # skip_all COUNT REASON NAMES...
	local count=$1 reason=$2 t
	shift 2
	echo "1..$count"
	for t in "$@"; do
		n=$((n + 1))
		echo "ok $n $t # SKIP $reason"
	done
}

DKMS_TESTS="dkms.make_dkms_install dkms.status_installed dkms.module_built_for_kernel
	dkms.refuses_kernel_without_xen kbuild.refuses_kernel_without_xen"

skip_dkms() {
	mkdir -p "$KBUILD" && echo "$1" >"$KBUILD/dkms.skipped"
	# shellcheck disable=SC2086
	skip_all 5 "$1" $DKMS_TESTS
}

dkms_install() {
	echo "TAP version 13"
	rm -rf "$KBUILD/dkms" "$KBUILD/dkms.skipped"
	# A developer's own installation is not ours to replace.  The VM boot
	# of the module skips for the same reason.
	if [ "$(id -u)" != 0 ]; then
		skip_dkms "needs root"
		return
	fi
	reclaim
	if dkms status xprivcmd 2>/dev/null | grep -q .; then
		skip_dkms "xprivcmd is already registered with DKMS here"
		return
	fi
	echo "1..5"
	mkdir -p "$KBUILD/dkms"
	own "$DKMS_OURS" "$VERSION"

	rc=0; make -C "$ROOT" dkms-install KERNELRELEASE="$KVER" KDIR="$KDIR" >"$out" 2>&1 || rc=$?
	xpc_result $rc dkms.make_dkms_install "$out"

	rc=0; dkms status "xprivcmd/$VERSION" -k "$KVER" >"$out" 2>&1 || rc=$?
	grep -q ": installed" "$out" || rc=1
	xpc_result $rc dkms.status_installed "$out"

	# Where DKMS put it, compressed as the kernel's own modules are.
	local m
	m=$(find "/lib/modules/$KVER/updates/dkms" -name 'xprivcmd.ko*' 2>/dev/null | head -n 1)
	rc=1
	if [ -n "$m" ]; then
		xpc_uncompressed "$m" "$KBUILD/dkms/xprivcmd.ko"
		mkdir -p "$KBUILD/dkms/sysroot/lib/modules/$KVER/updates/dkms"
		cp "$m" "$KBUILD/dkms/sysroot/lib/modules/$KVER/updates/dkms/"
		modinfo -F vermagic "$KBUILD/dkms/xprivcmd.ko" >"$out" 2>&1 &&
			grep -q "^$KVER " "$out" && rc=0
	else
		echo "no xprivcmd.ko* in /lib/modules/$KVER/updates/dkms" >"$out"
	fi
	xpc_result $rc dkms.module_built_for_kernel "$out"

	# The kernel name is made up: DKMS must refuse before it looks for
	# an earlier build.
	xpc_noxen_kdir "$KBUILD/noxen-kdir"
	rc=0; dkms build "xprivcmd/$VERSION" -k "$KVER-noxen" \
		--kernelsourcedir "$KBUILD/noxen-kdir" >"$out" 2>&1 || rc=$?
	[ $rc = 77 ] && grep -q 'BUILD_EXCLUSIVE' "$out" && rc=0 || rc=1
	xpc_result $rc dkms.refuses_kernel_without_xen "$out"

	xpc_stage_src "$KBUILD/noxen-src"
	rc=0; make -C "$KBUILD/noxen-kdir" M="$KBUILD/noxen-src" modules >"$out" 2>&1 || rc=$?
	[ $rc != 0 ] && grep -q 'built without CONFIG_XEN' "$out" && rc=0 || rc=1
	xpc_result $rc kbuild.refuses_kernel_without_xen "$out"
	rm -rf "$KBUILD/noxen-kdir" "$KBUILD/noxen-src"
}

dkms_remove() {
	local t="dkms.make_dkms_uninstall dkms.nothing_left"
	echo "TAP version 13"
	if [ ! -e "$DKMS_OURS" ]; then
		skip_all 2 "the DKMS test did not install" $t
		return
	fi
	echo "1..2"
	rc=0; make -C "$ROOT" dkms-uninstall >"$out" 2>&1 || rc=$?
	xpc_result $rc dkms.make_dkms_uninstall "$out"
	rm -f "$DKMS_OURS"

	: >"$out"
	dkms status xprivcmd >>"$out" 2>&1
	find "/lib/modules/$KVER" /var/lib/dkms /usr/src -maxdepth 4 -name 'xprivcmd*' >>"$out" 2>&1
	rc=0; grep -q . "$out" && rc=1
	xpc_result $rc dkms.nothing_left "$out"
}

# From a copy of the sources, as a user would from a release: the module in
# updates/ with depmod's index, the UAPI header where PREFIX says, hcall and
# the manual pages, the side-by-side modprobe.d file.
install_suite() {
	local src="$KBUILD/install-src" dest="$KBUILD/destdir" m
	echo "TAP version 13"
	echo "1..6"
	rm -rf "$dest" "$src" && mkdir -p "$src"
	if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
		(cd "$ROOT" && git ls-files -co --exclude-standard -z |
			xargs -0 cp --parents -t "$src")
	else
		tar -C "$ROOT" --exclude=./build -cf - . | tar -x -C "$src"
	fi

	rc=0; make -C "$src" install install-side-by-side DESTDIR="$dest" \
		KERNELRELEASE="$KVER" KDIR="$KDIR" >"$out" 2>&1 || rc=$?
	xpc_result $rc install.make_install "$out"

	rc=1
	m=$(cd "$dest/lib/modules/$KVER" 2>/dev/null && ls updates/xprivcmd.ko* 2>"$out")
	[ -n "$m" ] && grep -q "^$m:" "$dest/lib/modules/$KVER/modules.dep" 2>>"$out" && rc=0
	xpc_result $rc install.module_in_updates_indexed_by_depmod "$out"

	rc=0
	{ cmp "$ROOT/include/uapi/xen/xprivcmd.h" "$dest/usr/include/xen/xprivcmd.h" &&
		printf '#include <xen/xprivcmd.h>\nint main(void) { return 0; }\n' |
		gcc -x c -Wall -Werror -I"$dest/usr/include" -fsyntax-only -; } >"$out" 2>&1 || rc=1
	xpc_result $rc install.uapi_header_in_usr_include "$out"

	rc=0
	{ "$dest/usr/bin/hcall" list >/dev/null &&
		"$dest/usr/bin/hcall" --version | grep -F "$VERSION" &&
		cmp "$ROOT/tools/hcall/hcall.1" "$dest/usr/share/man/man1/hcall.1" &&
		cmp "$ROOT/tools/hcall/hcall.bash-completion" \
			"$dest/usr/share/bash-completion/completions/hcall" &&
		cmp "$ROOT/docs/xprivcmd.4" "$dest/usr/share/man/man4/xprivcmd.4"; } >"$out" 2>&1 || rc=1
	xpc_result $rc install.hcall_manual_pages_and_completion "$out"

	rc=0; make -C "$src" headers_install DESTDIR="$dest" PREFIX=/usr/local >"$out" 2>&1 &&
		[ -f "$dest/usr/local/include/xen/xprivcmd.h" ] || rc=1
	xpc_result $rc install.headers_install_honours_prefix "$out"

	rc=0; grep -qx 'options xprivcmd devname=xprivcmd' "$dest/etc/modprobe.d/xprivcmd.conf" \
		>"$out" 2>&1 || rc=1
	xpc_result $rc install.side_by_side_modprobe_config "$out"
	rm -rf "$src" "$dest"
}

# The Debian packages, in two parts around the toolstack boot (check.sh):
# deb-install builds them, installs them with apt and turns the drop-in
# mode on, leaving the modules DKMS built in $KBUILD/deb/ for the VM of each
# x86_64 kernel; deb-remove turns the side-by-side mode on, then purges.
# The kernels the packages build for: this machine's architecture only
# (cross-built kernels are not the postinst's business).
deb_kernel_tests() { # deb_kernel_tests PREFIX: PREFIX$KTAG for each
	local k
	for k in $KERNELS; do
		xpc_resolve_kernel "$k"
		[ "$KARCH" = x86_64 ] || continue
		printf ' %s%s' "$1" "$KTAG"
	done
}
# Any of them installed, or left as configuration files, or xprivcmd in DKMS.
deb_installed() {
	local p
	dkms status xprivcmd 2>/dev/null | grep -q . && return 0
	for p in $DEB_PKGS; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -qv ' not-installed$' && return 0
	done
	return 1
}
mode_is() { xprivcmd-mode status | grep -qx "mode: $1"; }

# dkms_built_without_xenfs PREFIX: a result PREFIX$KTAG per x86_64 kernel:
# DKMS installed xprivcmd for it, and not xprivcmd_xenfs (not drop-in).
dkms_built_without_xenfs() {
	local k
	for k in $KERNELS; do
		xpc_resolve_kernel "$k"
		[ "$KARCH" = x86_64 ] || continue
		rc=0
		{ dkms status "xprivcmd/$VERSION" -k "$KVER" | grep ': installed' &&
			ls "/lib/modules/$KVER/updates/dkms/xprivcmd.ko"* &&
			! ls "/lib/modules/$KVER/updates/dkms/xprivcmd_xenfs.ko"*; } >"$out" 2>&1 || rc=1
		xpc_result $rc "$1$KTAG" "$out"
	done
}

# The identity of the sources the packages are built from: what git would
# ship, with its contents (none outside git: always built again).
deb_source_id() {
	git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1 || { date +%s.%N; return; }
	(cd "$ROOT" && git ls-files -co --exclude-standard -z | LC_ALL=C sort -z |
		xargs -0 sha256sum | sha256sum)
}

# deb_build DIR: the packages (unsigned) built in DIR, from a copy of what
# git would ship (tracked files and new ones, not ignored build products),
# so that the source package stays small.  Sets debs, the .deb files of
# DEB_PKGS; DIR/source-id says which sources they are of.
deb_build() {
	local dir=$1 t m rc=0
	rm -rf "$dir" && mkdir -p "$dir/xprivcmd"
	if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
		(cd "$ROOT" && git ls-files -co --exclude-standard -z |
			xargs -0 cp --parents -t "$dir/xprivcmd")
	else
		tar -C "$ROOT" --exclude=./build -cf - . | tar -x -C "$dir/xprivcmd"
	fi
	(cd "$dir/xprivcmd" && dpkg-buildpackage -us -uc) || rc=$?
	debs=
	for t in $DEB_PKGS; do
		m=$(ls "$dir/${t}_${VERSION}"_*.deb 2>/dev/null) ||
			{ echo "no ${t}_${VERSION}_*.deb in $dir"; rc=1; continue; }
		debs="$debs $m"
	done
	[ $rc != 0 ] || deb_source_id >"$dir/source-id"
	return $rc
}

deb_install() {
	local dir=$BUILD/deb tests t k m debs
	tests="deb.version_matches_dkms_conf deb.dpkg_buildpackage deb.lintian_clean deb.apt_install
		$(deb_kernel_tests deb.postinst_built_for_) deb.hcall_dynamic_hardened deb.utils_test
		deb.mode_drop_in $(deb_kernel_tests deb.drop_in_built_for_)"
	echo "TAP version 13"
	for k in $KERNELS; do xpc_resolve_kernel "$k"; rm -rf "$KBUILD/deb"; done
	if [ "$(id -u)" != 0 ]; then
		skip_all "$(echo $tests | wc -w)" "needs root" $tests
		return
	fi
	reclaim
	if deb_installed; then
		skip_all "$(echo $tests | wc -w)" "xprivcmd is already installed here" $tests
		return
	fi
	echo "1..$(echo $tests | wc -w)"

	rc=0
	t=$(cd "$ROOT" && dpkg-parsechangelog -S Version 2>"$out") || rc=1
	[ "$t" = "$VERSION" ] || { echo "debian/changelog: $t, dkms.conf: $VERSION" >>"$out"; rc=1; }
	xpc_result $rc deb.version_matches_dkms_conf "$out"

	rc=0; deb_build "$dir" >"$out" 2>&1 || rc=$?
	xpc_result $rc deb.dpkg_buildpackage "$out"

	# Errors and warnings fail; informational and pedantic tags are shown.
	rc=0; lintian --fail-on error,warning -I --pedantic \
		"$dir"/xprivcmd_"$VERSION"_*.changes >"$out" 2>&1 || rc=$?
	grep -v 'running with root privileges' "$out" | sed 's/^/# /'
	xpc_result $rc deb.lintian_clean "$out"

	own "$DEB_OURS" "$DEB_PKGS"
	# shellcheck disable=SC2086
	rc=0; DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		-o DPkg::Lock::Timeout=600 $debs >"$out" 2>&1 || rc=$?
	xpc_result $rc deb.apt_install "$out"

	dkms_built_without_xenfs deb.postinst_built_for_

	# hcall from the package: a PIE, linked with libc, read-only
	# relocations bound at once (dpkg-buildflags' hardening=+all).
	rc=0
	{ readelf -hd /usr/bin/hcall | tee /dev/stderr | grep -q 'Type: *DYN' &&
		readelf -d /usr/bin/hcall | grep -q 'NEEDED.*libc\.so' &&
		readelf -d /usr/bin/hcall | grep -q 'FLAGS.*BIND_NOW' &&
		readelf -lW /usr/bin/hcall | grep -q GNU_RELRO; } >"$out" 2>&1 || rc=1
	xpc_result $rc deb.hcall_dynamic_hardened "$out"

	# The package's own autopkgtest: hcall runs, a program builds against
	# the installed header.
	rc=0; AUTOPKGTEST_TMP=$(mktemp -d) sh "$ROOT/debian/tests/utils" >"$out" 2>&1 || rc=$?
	xpc_result $rc deb.utils_test "$out"

	# The drop-in mode from the package: its modprobe.d file (the one the
	# toolstack VM boots with), and DKMS builds xprivcmd_xenfs too.
	rc=0
	{ xprivcmd-mode drop-in && mode_is drop-in &&
		cmp /etc/modprobe.d/xprivcmd-drop-in.conf "$ROOT/packaging/modprobe.d/xprivcmd-drop-in.conf"
	} >"$out" 2>&1 || rc=1
	sed 's/^/# /' "$out"
	xpc_result $rc deb.mode_drop_in "$out"

	for k in $KERNELS; do
		xpc_resolve_kernel "$k"
		[ "$KARCH" = x86_64 ] || continue
		rc=0
		mkdir -p "$KBUILD/deb"
		(dkms status "xprivcmd/$VERSION" -k "$KVER" | grep ': installed' || exit 1
			for t in xprivcmd xprivcmd_xenfs; do
				m=$(ls "/lib/modules/$KVER/updates/dkms/$t.ko"*) &&
					modinfo -F vermagic "$m" | grep "^$KVER " &&
					xpc_uncompressed "$m" "$KBUILD/deb/$t.ko" || exit 1
			done
		) >"$out" 2>&1 || { rc=1; rm -rf "$KBUILD/deb"; }
		xpc_result $rc "deb.drop_in_built_for_$KTAG" "$out"
	done
}

deb_remove() {
	local tests k left
	tests="deb.mode_side_by_side $(deb_kernel_tests deb.side_by_side_built_for_)
		deb.purge_leaves_nothing"
	echo "TAP version 13"
	if [ ! -e "$DEB_OURS" ]; then
		skip_all "$(echo $tests | wc -w)" "the package test did not install" $tests
		return
	fi
	echo "1..$(echo $tests | wc -w)"

	rc=0
	{ xprivcmd-mode side-by-side && mode_is side-by-side &&
		[ ! -e /etc/modprobe.d/xprivcmd-drop-in.conf ] &&
		grep -qx 'options xprivcmd devname=xprivcmd' /etc/modprobe.d/xprivcmd.conf
	} >"$out" 2>&1 || rc=1
	sed 's/^/# /' "$out"
	xpc_result $rc deb.mode_side_by_side "$out"

	dkms_built_without_xenfs deb.side_by_side_built_for_

	# shellcheck disable=SC2086
	rc=0; DEBIAN_FRONTEND=noninteractive apt-get purge -y -q \
		-o DPkg::Lock::Timeout=600 $DEB_PKGS >"$out" 2>&1 || rc=$?
	rm -f "$DEB_OURS"
	# shellcheck disable=SC2086
	left=$({
		dkms status xprivcmd
		dpkg-query -W -f='${Package} ${Status}\n' $DEB_PKGS
		find /lib/modules /var/lib/dkms /usr/src -maxdepth 4 -name 'xprivcmd*'
		find /etc/modprobe.d /usr/share /usr/include /usr/bin /usr/sbin -maxdepth 3 \
			\( -name 'xprivcmd*' -o -name 'hcall*' \)
		find /usr/share/man /usr/share/bash-completion -name 'xprivcmd*' -o -name 'hcall*'
	} 2>/dev/null || true)
	[ -z "$left" ] || { echo "left behind: $left" >>"$out"; rc=1; }
	xpc_result $rc deb.purge_leaves_nothing "$out"
}

# The packages on another Debian release than the host's (a kernel of the
# matrix with a chroot, lib/chroot.sh): in that chroot, with that release's
# DKMS, compiler and kbuild, against its kernel's headers and modules.  The
# packages are the host test's, or built here for these sources.  They go
# in with the drop-in mode already chosen (as an upgrade keeps it), so that
# the one DKMS build makes xprivcmd_xenfs too, whose CRC of
# xen_privcmd_fops must be the one the release's xenfs.ko asks for.  Then
# make dkms-install from the tree, in the side-by-side mode: xprivcmd only.
# Each leaves nothing behind in the chroot, which the toolstack boot of the
# kernel takes its Xen tools from.
deb_chroot() {
	local c=$KCHROOT dir=$BUILD/deb src=$KBUILD/dkms-tree tests t m ko cc v
	local mods=/lib/modules/$KVER/updates/dkms
	tests="deb.dkms_of_the_release deb.packages_of_these_sources deb.apt_install_drop_in
		deb.dkms_built_xprivcmd_and_xenfs deb.modules_for_the_kernel_and_compiler
		deb.xenfs_crc_matches_the_kernels_xenfs deb.hcall_runs deb.purge_leaves_nothing
		dkms.make_dkms_install dkms.built_without_xenfs dkms.make_dkms_uninstall
		dkms.nothing_left"
	echo "TAP version 13"
	if [ "$(id -u)" != 0 ]; then
		skip_all "$(echo $tests | wc -w)" "needs root" $tests
		return
	elif [ -z "$c" ] || [ ! -e "$c/.xpc-ready" ]; then
		skip_all "$(echo $tests | wc -w)" "$KNAME has no chroot of its release" $tests
		return
	fi
	echo "1..$(echo $tests | wc -w)"
	mkdir -p "$KBUILD"
	# What an earlier run that stopped half way left: the chroot is ours.
	# shellcheck disable=SC2086
	{
		xpc_chroot_run "" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q \
			$DEB_PKGS || true
		xpc_chroot_run "" sh -c 'dkms remove xprivcmd --all; rm -rf /usr/src/xprivcmd-*' || true
		rm -f "$c/etc/modprobe.d/xprivcmd"*
	} >/dev/null 2>&1

	# The release's own DKMS, kept in the chroot; installed again when its
	# apt lists (updated when a new kernel comes) offer another version.
	rc=0
	{
		v=$(chroot "$c" apt-cache policy dkms | sed -n 's/^ *Candidate: //p')
		if [ "$(chroot "$c" dpkg-query -W -f='${Version}' dkms 2>/dev/null)" != "$v" ]; then
			chroot "$c" dpkg -r dkms || true
			(xpc_chroot_install dkms)
		fi
		chroot "$c" dpkg-query -W dkms
	} >"$out" 2>&1 || rc=1
	sed 's/^/# /' "$out"
	xpc_result $rc deb.dkms_of_the_release "$out"

	# Those of the host's test when they are of these sources.
	rc=0; debs=
	if [ "$(cat "$dir/source-id" 2>/dev/null)" = "$(deb_source_id)" ]; then
		for t in $DEB_PKGS; do
			m=$(ls "$dir/${t}_${VERSION}"_*.deb 2>/dev/null) || { rc=1; break; }
			debs="$debs $m"
		done
		echo "# from the host's package test"
	else
		rc=1
	fi
	[ $rc = 0 ] || { rc=0; deb_build "$dir" >"$out" 2>&1 || rc=$?; }
	xpc_result $rc deb.packages_of_these_sources "$out"

	install -D -m 0644 "$ROOT/packaging/modprobe.d/xprivcmd-drop-in.conf" \
		"$c/etc/modprobe.d/xprivcmd-drop-in.conf"
	# shellcheck disable=SC2086
	rc=0; xpc_chroot_run "$dir" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		$debs >"$out" 2>&1 || rc=$?
	xpc_result $rc deb.apt_install_drop_in "$out"

	rc=0
	{ chroot "$c" dkms status "xprivcmd/$VERSION" -k "$KVER" | grep ': installed' &&
		chroot "$c" xprivcmd-mode status | grep -x 'mode: drop-in' &&
		ls "$c$mods/xprivcmd.ko"* "$c$mods/xprivcmd_xenfs.ko"*; } >"$out" 2>&1 || rc=1
	xpc_result $rc deb.dkms_built_xprivcmd_and_xenfs "$out"

	# The release's modinfo: built for its kernel, by the compiler that
	# built that kernel (the headers' CONFIG_CC_VERSION_TEXT).
	rc=0
	# (GCC's .comment: "GCC: (Debian ...) VERSION", after the driver's name.)
	cc=$(sed -n 's/^CONFIG_CC_VERSION_TEXT="[^ ]* \(.*\)"$/GCC: \1/p' "$KDIR/.config")
	for t in xprivcmd xprivcmd_xenfs; do
		m=$(cd "$c$mods" && ls "$t.ko"* 2>/dev/null | head -n 1)
		ko=$KBUILD/deb-$t.ko
		{ [ -n "$m" ] && chroot "$c" modinfo -F vermagic "$mods/$m" | tee /dev/stderr |
			grep -q "^$KVER " && xpc_uncompressed "$c$mods/$m" "$ko" &&
			readelf -p .comment "$ko" | tee /dev/stderr | grep -qF "$cc"; } >>"$out" 2>&1 ||
			rc=1
	done
	echo "the kernel's compiler: ${cc:-none in its .config}" >>"$out"
	[ -n "$cc" ] || rc=1
	xpc_result $rc deb.modules_for_the_kernel_and_compiler "$out"

	# xenfs refuses an xen_privcmd_fops whose CRC differs from the one it
	# recorded: ours (the module's __kcrctab_gpl, its one export) against
	# the one in the release's xenfs.ko.  A kernel without
	# CONFIG_MODVERSIONS (sid's 7.x) records and checks none: its xenfs.ko
	# must then ask for none.
	# xenfs.ko is the chroot's where the headers brought the image (Debian
	# 13), else the one unpacked for the VM (unstable's headers do not).
	rc=0
	{
		t=$(find "$c/lib/modules/$KVER/kernel" "$VMDIR/xenmods/lib/modules/$KVER" \
			-name 'xenfs.ko*' 2>/dev/null | head -n 1)
		[ -n "$t" ] || { echo "no xenfs.ko of $KVER"; false; }
		xpc_uncompressed "$t" "$KBUILD/deb-xenfs.ko"
		m=$(modprobe --dump-modversions "$KBUILD/deb-xenfs.ko" 2>/dev/null |
			awk '$2 == "xen_privcmd_fops" { print $1 }')
		if ! grep -qx 'CONFIG_MODVERSIONS=y' "$KDIR/.config"; then
			echo "$KVER is built without CONFIG_MODVERSIONS: xenfs checks no CRC"
			echo "${t#"$BUILD/"} wants ${m:-none}"
			[ -z "$m" ]
		else
			objcopy -O binary --only-section=__kcrctab_gpl \
				"$KBUILD/deb-xprivcmd_xenfs.ko" "$KBUILD/deb-kcrctab"
			v=0x$(od -An -tx4 "$KBUILD/deb-kcrctab" | tr -d ' ')
			echo "ours $v, ${t#"$BUILD/"} wants ${m:-nothing}"
			[ -n "$m" ] && [ $((v)) = $((m)) ]
		fi
	} >"$out" 2>&1 || rc=1
	sed 's/^/# /' "$out"
	xpc_result $rc deb.xenfs_crc_matches_the_kernels_xenfs "$out"
	rm -f "$KBUILD/deb-xprivcmd.ko" "$KBUILD/deb-xprivcmd_xenfs.ko" "$KBUILD/deb-kcrctab" \
		"$KBUILD/deb-xenfs.ko"

	# hcall as built on the host, on the release's C library.
	rc=0
	{ chroot "$c" hcall --version | grep -F "$VERSION" && chroot "$c" hcall list >/dev/null; } \
		>"$out" 2>&1 || rc=1
	xpc_result $rc deb.hcall_runs "$out"

	# shellcheck disable=SC2086
	rc=0; xpc_chroot_run "" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q \
		$DEB_PKGS >"$out" 2>&1 || rc=$?
	deb_chroot_left >>"$out" || rc=1
	xpc_result $rc deb.purge_leaves_nothing "$out"

	xpc_stage_src "$src"
	rc=0; xpc_chroot_run "$src" make -C "$src" dkms-install KERNELRELEASE="$KVER" \
		KDIR="/usr/src/linux-headers-$KVER" >"$out" 2>&1 || rc=$?
	xpc_result $rc dkms.make_dkms_install "$out"

	rc=0
	{ chroot "$c" dkms status "xprivcmd/$VERSION" -k "$KVER" | grep ': installed' &&
		m=$(cd "$c$mods" && ls xprivcmd.ko*) &&
		chroot "$c" modinfo -F vermagic "$mods/$m" | grep "^$KVER " &&
		! ls "$c$mods/xprivcmd_xenfs.ko"*; } >"$out" 2>&1 || rc=1
	xpc_result $rc dkms.built_without_xenfs "$out"

	rc=0; xpc_chroot_run "$src" make -C "$src" dkms-uninstall >"$out" 2>&1 || rc=$?
	xpc_result $rc dkms.make_dkms_uninstall "$out"
	rm -rf "$src"

	rc=0; deb_chroot_left >"$out" || rc=1
	xpc_result $rc dkms.nothing_left "$out"
}

# Ours in the chroot: DKMS's registration, packages, any file named after
# them; says what, and fails, if there is any.
deb_chroot_left() {
	local c=$KCHROOT left
	# shellcheck disable=SC2086
	left=$({
		chroot "$c" dkms status xprivcmd
		chroot "$c" dpkg-query -W -f='${Package} ${Status}\n' $DEB_PKGS
		find "$c/lib/modules" "$c/usr" "$c/etc" "$c/var/lib/dkms" \
			\( -name 'xprivcmd*' -o -name 'hcall*' \) -printf '/%P\n'
	} 2>/dev/null || true)
	[ -z "$left" ] || { echo "left behind: $left"; return 1; }
}

case "${1:-}" in
deb) deb_install; deb_remove; exit ;;
deb-install) deb_install; exit ;;
deb-remove) deb_remove; exit ;;
esac
[ $# = 2 ] || die "usage: packaging.sh dkms|dkms-remove|install|deb-chroot NAME | deb|deb-install|deb-remove"
xpc_resolve_kernel "$2"
case "$1" in
deb-chroot) deb_chroot ;;
dkms) dkms_install ;;
dkms-remove) dkms_remove ;;
install) install_suite ;;
*) die "usage: packaging.sh dkms|dkms-remove|install|deb-chroot NAME" ;;
esac
