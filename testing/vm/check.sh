#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make check: the whole test suite, over every kernel of the matrix
# (KERNELS, default all: see lib/deps.sh).
#  1. static checks: checkpatch, UAPI self-containment, user space; then for
#     each kernel a W=1 build without warnings and a clean sparse run
#  2. host unit tests of the schema and the UAPI layout
#  3. for each kernel, its Debian release's Xen (Debian 12: 4.17, 13: 4.20)
#     + Debian dom0 in QEMU: module load checks,
#     then the selftests as 64- and 32-bit programs (arm64: 64-bit only,
#     cross-built), all against the real hypervisor; and the same kernel
#     without Xen: the module must refuse
#  4. for each x86_64 kernel, make install into a DESTDIR; make dkms-install (DKMS
#     build, install into the host's /lib/modules), the refusal of a kernel
#     without CONFIG_XEN, then the VM again with the module DKMS built, found
#     by kmod's modprobe with our modprobe.d file, then make dkms-uninstall
#  5. the Debian packages (xprivcmd-dkms, -utils, -dev): dpkg-buildpackage,
#     lintian, apt install (DKMS builds the module for each kernel), hcall,
#     xprivcmd-mode drop-in (DKMS builds xprivcmd_xenfs too); then for each
#     x86_64 kernel Debian's Xen toolstack on those modules in drop-in mode
#     (xenstored, xenconsoled, xl info/list/dmesg/create of a PV domU that
#     runs tests of its own); then xprivcmd-mode side-by-side, apt purge
# The boots run in the background, one at a time, beside the other stages
# (see boot_part), which keeps the two cores of a CI machine busy.
# Every part reports KTAP; build/results.ktap is one KTAP v1 document, each
# part a subtest of it (static, unit, ARCH-KERNEL/vm-xen, ..., deb), and a
# last part checks that document with TAP::Parser (prove's) and the
# kernel's KTAP parser (KUnit's kunit_parser).  Results of kernel-specific
# parts are named ARCH-KERNEL/..., e.g. x86_64-6.12/load.side_by_side.  A
# boot that dies, a missing result, or a BUG, WARNING, Oops or general
# protection fault in any console log fails the run.  The wall time of each
# stage is printed at the end, before the closing "N passed, N failed, N
# skipped".
. "$(dirname "$0")/lib.sh"

RESULTS="$BUILD/results.ktap"
PARTS="$BUILD/results.parts"
STAGES="$BUILD/stages.txt"
mkdir -p "$BUILD"
rm -rf "$PARTS" && mkdir -p "$PARTS"
: >"$RESULTS"
: >"$STAGES"

# stage NAME COMMAND...: runs COMMAND and records its wall time.
stage() {
	local name=$1 t0 t1
	shift
	t0=$(date +%s.%N)
	"$@"
	t1=$(date +%s.%N)
	awk -v n="$name" -v a="$t0" -v b="$t1" 'BEGIN { printf "%-28s %7.1f s\n", n, b - a }' >>"$STAGES"
}

# part NAME COMMAND...: the next subtest of the document, NAME: COMMAND's
# KTAP documents (kept as $PARTS/NNN.raw), nested (NNN.ktap) and shown.
nparts=0
part() {
	local name=$1 file
	shift
	nparts=$((nparts + 1))
	file=$PARTS/$(printf '%03d' "$nparts")
	"$@" >"$file.raw"
	xpc_ktap_subtest "$nparts" "$name" <"$file.raw" | tee "$file.ktap"
}

# The document of the parts so far, to FILE, with a plan for PLANNED parts.
document() { # FILE PLANNED
	{
		echo "KTAP version 1"
		echo "1..$2"
		cat "$PARTS"/*.ktap
	} >"$1"
}
T0=$(date +%s.%N)

# The boot lane.  A boot keeps one core busy for minutes (QEMU's software
# emulation), the other stages (static checks, builds, DKMS, dpkg) mostly
# one core too: on a CI machine's two cores the boots run in the
# background, one at a time (BOOT_LOCK), while the foreground goes on with
# the next stages.  Each boot's initramfs is packed in the foreground when
# the boot is queued, so that it holds what the host had then: the DKMS and
# package stages remove their modules from the host right after queueing
# the boots that use them.  A boot's part keeps the number it was queued
# with, so the document's order does not depend on which boot ends first.
BOOT_LOCK=$BUILD/boot.lock
XPC_PHASE=
boot_pids=()

# boot_part NAME STAGE FUNCTION...: part NAME, FUNCTION (a boot_suite
# caller) run in the boot lane; its wall time, from the moment it has the
# lane, recorded as STAGE.
boot_part() {
	local name=$1 stage_name=$2 file
	shift 2
	nparts=$((nparts + 1))
	file=$PARTS/$(printf '%03d' "$nparts")
	XPC_PHASE=pack "$@"
	(
		# Not the host's lock: only the foreground installs there.
		exec 9>&-
		exec 8>"$BOOT_LOCK"
		flock 8
		t0=$(date +%s.%N)
		XPC_PHASE=boot "$@" >"$file.raw"
		xpc_ktap_subtest "$nparts" "$name" <"$file.raw" >"$file.ktap"
		awk -v n="$stage_name" -v a="$t0" -v b="$(date +%s.%N)" \
			'BEGIN { printf "%-28s %7.1f s (boot lane)\n", n, b - a }' >"$file.stage"
	) &
	boot_pids+=("$!")
}

# Waits for the boot lane to empty, then shows its parts and their times.
boot_lane_wait() {
	local p f
	# A pid already reused (see deps_kernel) was a boot that had ended.
	for p in "${boot_pids[@]}"; do
		wait "$p" 2>/dev/null || true
	done
	boot_pids=()
	for f in "$PARTS"/*.stage; do
		[ -e "$f" ] || continue
		cat "${f%.stage}.ktap"
		cat "$f" >>"$STAGES"
		rm -f "$f"
	done
}

# A part's exit status is not its verdict, its KTAP is: the scripts' go
# through a pipe (a filter, or cat), as into the document.
static_common() { "$ROOT/testing/vm/static.sh" | cat; }
static_kernel() { "$ROOT/testing/vm/static.sh" kernel "$KNAME" | xpc_ktap_prefix "$KTAG/"; }
unit() {
	make -s -C "$ROOT/testing/unit" clean >/dev/null
	# The runs report their own KTAP; this result catches a build or run
	# that failed before it could.
	local rc=0
	make -s -C "$ROOT/testing/unit" run XEN420_INCLUDE="$BUILD/xen-4.20/include" \
		>"$BUILD/unit.out" 2>&1 || rc=$?
	cat "$BUILD/unit.out"
	echo "TAP version 13"
	echo "1..1"
	if [ $rc = 0 ]; then echo "ok 1 unit.all_built_and_ran"; else
		grep -E 'error|Error' "$BUILD/unit.out" | head -n 10 | sed 's/^/# /'
		echo "not ok 1 unit.all_built_and_ran"
	fi
}

# boot_suite NAME MODE HOW [PREFIX]: boots, relays the KTAP, then judges
# the boot.  Test names get PREFIX, by default the kernel's tag.  Run by
# boot_part twice: with XPC_PHASE=pack in the foreground, where it only packs
# the initramfs, then with XPC_PHASE=boot in the boot lane.
boot_suite() {
	local name=$1 mode=$2 how=$3 prefix=${4:-$KTAG/} out="$KBUILD/$1.log" rc=0
	local initrd=$KBUILD/initrd-$2.gz
	if [ "$XPC_PHASE" = pack ]; then
		rm -f "$initrd"
		[ ! -e "$KO" ] || { mkdir -p "$KBUILD" && xpc_initrd "$initrd" "$mode"; }
		return
	fi
	if [ ! -e "$initrd" ]; then
		printf 'TAP version 13\n1..1\nnot ok 1 %s%s.module_to_boot_with # %s missing\n' \
			"$prefix" "$name" "$KO"
		return
	fi
	log "booting $name ($how, $KVER, $KO); console log: $out"
	XPC_INITRD_PACKED=1 xpc_boot "$mode" "$out" "$how" || rc=$?
	{
		xpc_marked "$out" | grep -v '^END$'
		xpc_judge_boot "$name" "$rc" "$out"
	} | xpc_ktap_prefix "$prefix"
}

race_boot() {
	local XPC_SMP=2
	boot_suite vm-race race xen
}

# The fuzzer and the load loop (lib/fuzz.sh), a slice sized for about a
# minute of the boot lane; make fuzz runs longer ones, with the racer.
# Here the seed is fixed and the racer off, so that the calls are the
# same on every run: a racer's interleavings differ between runs, and one
# found in a million calls (see README) would make make check flaky.
fuzz_boot() {
	local XPC_SMP=2 XPC_DOM0_ARGS
	XPC_DOM0_ARGS="$(xpc_fuzz_args "${XPC_FUZZ_CALLS:-200000}" "${XPC_FUZZ_SEED:-0x5eed}" \
		"${XPC_FUZZ_CYCLES:-8}") xpc_fuzz_racers=${XPC_FUZZ_RACERS:-0}"
	boot_suite vm-fuzz fuzz xen
}

# The DKMS and Debian package tests install into the host (DKMS tree,
# /lib/modules, dpkg): two checkouts running make check at once must take
# turns there, from install to removal.
HOST_LOCK=/run/lock/xprivcmd-check-host.lock
host_lock() {
	exec 9>"$HOST_LOCK"
	flock -n 9 && return 0
	log "waiting for another make check to finish with the host's DKMS and dpkg"
	flock 9
}
host_unlock() { flock -u 9; exec 9>&-; }

# The module as DKMS builds and installs it, in the VM: the load checks and
# a selftest program of each kind, named ARCH-KERNEL/dkms/...
dkms_install() { "$ROOT/testing/vm/packaging.sh" dkms "$KNAME" | xpc_ktap_prefix "$KTAG/"; }
dkms_boot() {
	local KO=$KBUILD/dkms/xprivcmd.ko XPC_SYSROOT=$KBUILD/dkms/sysroot
	# Nothing to boot when the install was skipped, for its reason.
	if [ -e "$KBUILD/dkms.skipped" ]; then
		[ "$XPC_PHASE" = pack ] ||
			printf 'TAP version 13\n1..1\nok 1 %s.module_to_boot_with # SKIP %s\n' \
				"$KTAG/dkms/vm-dkms" "$(cat "$KBUILD/dkms.skipped")"
		return
	fi
	boot_suite vm-dkms dkms xen "$KTAG/dkms/"
}
install_suite() { "$ROOT/testing/vm/packaging.sh" install "$KNAME" | xpc_ktap_prefix "$KTAG/"; }
# The packages install into this host, and DKMS builds them for its own
# release's kernels only: without one of those in KERNELS, no package test.
HOST_KERNELS=$(xpc_host_kernels)
deb_install() { KERNELS=$HOST_KERNELS "$ROOT/testing/vm/packaging.sh" deb-install | cat; }
deb_remove() { KERNELS=$HOST_KERNELS "$ROOT/testing/vm/packaging.sh" deb-remove | cat; }
# Debian's toolstack on the modules DKMS built from the package in drop-in
# mode (deb_install leaves them in $KBUILD/deb); on the tree's when the
# package test could not install (it says why).
toolstack_boot() {
	local KO=$KBUILD/deb/xprivcmd.ko
	[ -e "$KO" ] || KO=$KBUILD/src/xprivcmd.ko
	boot_suite vm-toolstack toolstack xen
}
dkms_remove() { "$ROOT/testing/vm/packaging.sh" dkms-remove "$KNAME" | xpc_ktap_prefix "$KTAG/"; }
# The packages and make dkms-install on another Debian release's kernel, in
# its chroot with its DKMS (the host's DKMS and dpkg are not involved).
deb_chroot() { "$ROOT/testing/vm/packaging.sh" deb-chroot "$KNAME" | xpc_ktap_prefix "$KTAG/"; }

# The document so far (every part but this one), as parsers see it.
ktap_parse() {
	document "$BUILD/results-parsed.ktap" "$((nparts - 1))"
	"$ROOT/testing/vm/ktap-parse.sh" "$BUILD/results-parsed.ktap"
}

stage "deps (common)" xpc_deps_common
# Another release's kernel needs a chroot of that release (debootstrap:
# minutes on a fresh machine), its image, its Xen and, for the toolstack
# boot (x86_64's), its Xen tools installed there: prepared in the
# background from the start, beside the stages before its own, whose deps
# stage waits for it.
declare -A prep_pids=() prep_of=()
prepare_kernel() { # NAME
	xpc_resolve_kernel "$1"
	xpc_deps_kernel
	[ "$KARCH" = x86_64 ] || return 0
	# shellcheck disable=SC2086 # package names, one a word
	xpc_chroot_install "xen-utils-$KXENVER" $XPC_TOOLSTACK_CHROOT_PKGS
}
for k in $KERNELS; do
	xpc_resolve_kernel "$k"
	[ -n "$KCHROOT" ] || continue
	# A PVH dom0's kernel, Xen and tools are its PV twin's, prepared once:
	# two preparations would unpack the same image at the same time.
	twin=
	[ "$KDOM0" = pv ] || twin=$(xpc_pv_twin "$k")
	if [ -n "$twin" ]; then
		prep_of[$k]=$twin
		continue
	fi
	log "preparing $k in the background (log: $BUILD/prepare-$k.log)"
	rm -f "$BUILD/prepare-$k.rc"
	(
		exec 9>&-
		trap 'echo $? >"$BUILD/prepare-$k.rc"' EXIT
		prepare_kernel "$k"
	) >"$BUILD/prepare-$k.log" 2>&1 &
	prep_pids[$k]=$!
done
# The preparation's status is the one its .rc file holds, not wait's: by
# the time the last kernel's deps stage waits, tens of minutes of forks
# may have wrapped the pids around (pid_max is 32768 on Debian 12), and
# bash forgets an ended child's status when a new child takes its pid
# ("not a child of this shell").  Such a wait returns at once; the
# preparation had ended, and written its status, before its pid was free.
deps_kernel() {
	local name=${prep_of[$KNAME]:-$KNAME}
	local p=${prep_pids[$name]:-}
	if [ -n "$p" ]; then
		wait "$p" 2>/dev/null || true
		[ "$(cat "$BUILD/prepare-$name.rc" 2>/dev/null)" = 0 ] ||
			{ cat "$BUILD/prepare-$name.log"; die "preparing $name failed"; }
		# Waited for once: a twin's deps stage finds it done.
		unset "prep_pids[$name]"
	fi
	xpc_deps_kernel
}
stage "static (common)" part static static_common
stage "unit" part unit unit
stage "build user space" xpc_build_user
for k in $KERNELS; do
	xpc_resolve_kernel "$k"
	stage "$KTAG deps" deps_kernel
	# A kernel booted as a PVH dom0 builds the module its PV twin builds:
	# the static checks are the twin's, when KERNELS has it.
	if [ "$KDOM0" = pv ] || [ -z "$(xpc_pv_twin "$KNAME")" ]; then
		stage "$KTAG static" part "$KTAG/static" static_kernel
	fi
	stage "$KTAG build" xpc_build_module
	if [ "$KARCH" = arm64 ]; then
		stage "$KTAG build user space" xpc_arm64_build_user
	fi
	boot_part "$KTAG/vm-xen" "$KTAG vm-xen" boot_suite vm-xen check xen
	# Two vCPUs, so that the race selftests really race (with one they
	# skip); once, on the oldest kernel, to keep make check short, and
	# under the debug kernel, whose checks are what finds a race's harm.
	if [ "$KTAG" = x86_64-6.1 ] || [ -n "$KDEBUG" ]; then
		boot_part "$KTAG/vm-race" "$KTAG vm-race" race_boot
		boot_part "$KTAG/vm-fuzz" "$KTAG vm-fuzz" fuzz_boot
	fi
	# Without Xen, a kernel is the same whatever kind of dom0 it would be.
	if [ "$KDOM0" = pv ]; then
		boot_part "$KTAG/vm-noxen" "$KTAG vm-noxen" boot_suite vm-noxen noxen bare
	fi
	# The install paths (into this host): x86_64 only; the toolstack boot
	# comes with the packages, below.
	[ "$KARCH" = x86_64 ] || continue
	# Nor for another Debian release's kernel: its headers are in its
	# chroot, and DKMS and dpkg are the host's.
	[ -z "$KCHROOT" ] || continue
	# Nor again for a kernel of the matrix booted as another kind of dom0.
	[ "$KDOM0" = pv ] || continue
	stage "$KTAG make install" part "$KTAG/make-install" install_suite
	host_lock
	stage "$KTAG dkms install" part "$KTAG/dkms-install" dkms_install
	boot_part "$KTAG/vm-dkms" "$KTAG vm-dkms" dkms_boot
	stage "$KTAG dkms remove" part "$KTAG/dkms-remove" dkms_remove
	host_unlock
done
# The host's DKMS and dpkg are only touched with a host kernel to test.
[ -z "$HOST_KERNELS" ] || host_lock
[ -z "$HOST_KERNELS" ] || stage "deb install" part deb-install deb_install
for k in $KERNELS; do
	xpc_resolve_kernel "$k"
	[ "$KARCH" = x86_64 ] || continue
	# Its PV domU boots dom0's kernel, which KASAN keeps from booting
	# as a PV guest: no toolstack boot under the debug kernel, yet.
	[ -z "$KDEBUG" ] || continue
	boot_part "$KTAG/vm-toolstack" "$KTAG vm-toolstack" toolstack_boot
done
[ -z "$HOST_KERNELS" ] || stage "deb remove" part deb-remove deb_remove
[ -z "$HOST_KERNELS" ] || host_unlock
for k in $KERNELS; do
	xpc_resolve_kernel "$k"
	[ "$KARCH" = x86_64 ] && [ -n "$KCHROOT" ] && [ "$KDOM0" = pv ] || continue
	stage "$KTAG deb" part "$KTAG/deb" deb_chroot
done
boot_lane_wait
stage "ktap" part ktap ktap_parse
document "$RESULTS" "$nparts"
# The final document is the parsed one, its plan one more and the ktap part
# added: read again, it must pass the same checks.
final_ok=0
"$ROOT/testing/vm/ktap-parse.sh" "$RESULTS" >"$BUILD/results-final-parse.ktap"
grep -q '^not ok' "$BUILD/results-final-parse.ktap" && final_ok=1

echo
echo "wall time per stage:"
cat "$STAGES"
awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%-28s %7.1f s\n", "total", b - a }'
echo
echo "results: $RESULTS (one KTAP document)"
if [ $final_ok != 0 ]; then
	echo "FAILED: the parsers reject $RESULTS: see $BUILD/results-final-parse.ktap"
fi
"$ROOT/testing/vm/ktap-summary.sh" <"$RESULTS"
[ $final_ok = 0 ]
