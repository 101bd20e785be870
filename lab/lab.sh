#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make lab: the seed's journey on today's Xen, in one command.
#  1. fetch Debian's Xen 4.17 source (a private apt configuration under
#     build/lab/apt: the machine's own sources are not touched)
#  2. apply lab/hello.patch (hypercall 43, "hello") and build the hypervisor
#     alone, cached under build/lab/ by the hash of the patch and the source
#  3. boot that Xen with the make check dom0, load xprivcmd and call hello
#     through it with hcall and from C (lab/hello.c; lab/guest-lab.sh)
#  4. boot Debian's stock Xen and make the same call: ENOSYS, explained
# Reports KTAP and a closing "N passed, N failed" line.
. "$(dirname "$0")/../testing/vm/lib.sh"

LAB=$BUILD/lab
# What a hypervisor build needs beyond make check's packages.
LAB_PACKAGES="bison flex python3 dpkg-dev patch"
RESULTS=$LAB/results.ktap

mkdir -p "$LAB"
: >"$RESULTS"
report() { tee -a "$RESULTS"; }

# KTAP for the host's own steps, one document.
host_n=0
host_ktap=$LAB/host.ktap
: >"$host_ktap"
host_result() { # host_result ok|fail name [diagnostic file]
	host_n=$((host_n + 1))
	if [ "$1" = ok ]; then
		echo "ok $host_n $2" >>"$host_ktap"
	else
		[ -z "${3:-}" ] || tail -n 20 "$3" | sed 's/^/# /' >>"$host_ktap"
		echo "not ok $host_n $2" >>"$host_ktap"
	fi
}
host_done() { # host_done PLANNED: prints the document, plan included
	{ echo "TAP version 13"; echo "1..$1"; cat "$host_ktap"; } | report
}

# apt_src apt-get|apt-cache ARGS...: with the private apt configuration
# (only deb-src lines, its own lists).
apt_src() {
	local tool=$1
	shift
	"$tool" -o Dir::Etc::SourceList="$LAB/apt/sources.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$LAB/apt/lists" "$@"
}

# Sets LAB_DSC to a .dsc of Debian's xen source package in $LAB/src,
# downloading it on first use.  The newest version listed is tried first;
# a security mirror may list a version it no longer serves.
lab_fetch_source() {
	LAB_DSC=$(ls "$LAB"/src/xen_4.17*.dsc 2>/dev/null | sort -V | tail -n 1)
	[ -z "$LAB_DSC" ] || return 0
	mkdir -p "$LAB/apt/lists/partial" "$LAB/src"
	cat >"$LAB/apt/sources.list" <<-EOF
	deb-src http://deb.debian.org/debian bookworm main
	deb-src http://deb.debian.org/debian-security bookworm-security main
	EOF
	log "apt-get update (deb-src for bookworm, private lists in $LAB/apt)"
	apt_src apt-get update -q >"$LAB/apt/update.log" 2>&1 || { cat "$LAB/apt/update.log"; return 1; }
	local v
	for v in $(apt_src apt-cache showsrc xen 2>/dev/null | sed -n 's/^Version: //p' |
		   grep '^4\.17' | sort -rV); do
		log "apt-get source --download-only xen=$v"
		if (cd "$LAB/src" && apt_src apt-get source --download-only -q "xen=$v") \
			>"$LAB/src/fetch.log" 2>&1; then
			LAB_DSC=$(ls "$LAB"/src/xen_"$v".dsc)
			return 0
		fi
		rm -f "$LAB"/src/xen_"$v"*
	done
	cat "$LAB/src/fetch.log" 2>/dev/null
	return 1
}

# Sets LAB_XEN to the patched hypervisor, building it unless a build of
# this patch on this source is cached.
lab_build_xen() {
	local key tree
	# Bump the recipe's number when the build commands below change.
	key=$({ echo recipe 1; cat "$ROOT/lab/hello.patch" "$LAB_DSC"; } | sha256sum | cut -c1-16)
	LAB_XEN=$LAB/xen-hello-$key
	[ -e "$LAB_XEN" ] && { log "patched Xen cached: $LAB_XEN"; return 0; }
	tree=$LAB/tree
	rm -rf "$tree"
	log "unpacking $(basename "$LAB_DSC")"
	dpkg-source --no-check --no-copy -x "$LAB_DSC" "$tree" >"$LAB/build.log" 2>&1 || return 1
	log "applying lab/hello.patch"
	patch -d "$tree" -p1 <"$ROOT/lab/hello.patch" >>"$LAB/build.log" 2>&1 || return 2
	log "building the hypervisor (defconfig, $(nproc) jobs; about 2 minutes)"
	# XEN_VENDORVERSION makes `hcall version` say which Xen is running;
	# DEB_VERSION is what Debian's packaging patch prints at boot.
	{ make -C "$tree/xen" defconfig &&
	  make -C "$tree/xen" -j"$(nproc)" XEN_VENDORVERSION=-hello \
		DEB_VERSION="$(basename "$LAB_DSC" .dsc | sed 's/^xen_//')+hello"
	} >>"$LAB/build.log" 2>&1 || return 3
	cp "$tree/xen/xen" "$LAB_XEN.tmp"
	mv "$LAB_XEN.tmp" "$LAB_XEN"
	rm -rf "$tree"
}

# lab_boot NAME XEN WHICH: boots XEN with guest-lab.sh told WHICH Xen it
# is, relays its KTAP and judges the boot.
lab_boot() {
	local name=$1 xen=$2 which=$3 out=$LAB/$1.log rc=0
	local script=$LAB/guest-$which.sh
	{ echo "LAB_XEN=$which"; cat "$ROOT/lab/guest-lab.sh"; } >"$script"
	log "booting $name; console log: $out"
	XPC_XEN=$xen XPC_SCRIPT=$script xpc_boot script "$out" || rc=$?
	xpc_marked "$out" | grep -v '^END$' | grep -v '^DEMO ' | report
	xpc_judge_boot "$name" "$rc" "$out" | report
}

# The transcript a reader wants to see, out of the patched boot's log.
lab_show() {
	echo
	tr -d '\r' <"$1" | sed -n 's/^.*@@XPC@@ DEMO //p'
	echo
}

start=$(date +%s)
xpc_deps
# shellcheck disable=SC2046,SC2086
xpc_apt_install $(xpc_missing $LAB_PACKAGES)

if lab_fetch_source; then
	host_result ok lab.source_fetched
	rc=0
	lab_build_xen || rc=$?
	if [ $rc = 1 ] || [ $rc = 2 ]; then host_result fail lab.patch_applies "$LAB/build.log"; else
		host_result ok lab.patch_applies; fi
	if [ $rc = 0 ]; then host_result ok lab.xen_built; else
		host_result fail lab.xen_built "$LAB/build.log"; fi
else
	host_result fail lab.source_fetched "$LAB/src/fetch.log"
	rc=1
fi
xpc_build
# The tutorial's C example, as a 64- and a 32-bit program.
if gcc -static -O2 -Wall -Werror -I"$ROOT/include/uapi" "$ROOT/lab/hello.c" \
	-o "$LAB/hello" >"$LAB/hello-build.log" 2>&1 &&
   gcc -m32 -idirafter "$ROOT/build/include32" -static -O2 -Wall -Werror \
	-I"$ROOT/include/uapi" "$ROOT/lab/hello.c" \
	-o "$LAB/hello_32" >>"$LAB/hello-build.log" 2>&1; then
	host_result ok lab.c_example_built
else
	host_result fail lab.c_example_built "$LAB/hello-build.log"
fi
export XPC_EXTRA="$LAB/hello $LAB/hello_32"
host_done 4

if [ $rc = 0 ]; then
	lab_boot lab-patched "$LAB_XEN" patched
	lab_show "$LAB/lab-patched.log"
fi
lab_boot lab-stock "$BUILD/vm/xen" stock
lab_show "$LAB/lab-stock.log"

log "lab wall time: $(($(date +%s) - start)) s"
"$ROOT/testing/vm/ktap-summary.sh" <"$RESULTS"
