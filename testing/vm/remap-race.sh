#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# testing/vm/remap-race.sh [KERNEL [SECONDS [RUNS]]]: the PVH dom0 triple
# fault without xprivcmd.  Boots KERNEL (pvh-6.1 by default) as dom0 on two
# vCPUs with the fuzz boot's allocator debugging, unloads the module and
# runs remap_race (remap_race/remap_race.c) RUNS times for SECONDS each.
# Status 0 when dom0 survived; Xen's triple-fault report is printed if not.
. "$(dirname "$0")/lib.sh"

KERNEL=${1:-pvh-6.1}
SECONDS_EACH=${2:-40}
RUNS=${3:-5}

xpc_deps "$KERNEL"
[ "$KARCH" = x86_64 ] || die "remap_race is built for x86_64 only, not $KARCH"
xpc_build
mkdir -p "$KBUILD"
cc -O2 -Wall -static -pthread "$ROOT/testing/vm/remap_race/remap_race.c" \
	-o "$KBUILD/remap_race"
guest=$KBUILD/remap-race-guest.sh
cat >"$guest" <<SCRIPT
rmmod xprivcmd
lsmod | grep -q '^xprivcmd ' && echo 'xprivcmd still loaded'
i=0
while [ \$i -lt $RUNS ]; do /xpc/remap_race $SECONDS_EACH; i=\$((i + 1)); done
SCRIPT
out=$KBUILD/remap-race.log
log "remap_race: Xen + Linux $KVER ($KERNEL), $RUNS runs of $SECONDS_EACH s; console log: $out"
rc=0
XPC_SCRIPT=$guest XPC_EXTRA=$KBUILD/remap_race XPC_SMP=2 XPC_DOM0_ARGS="$XPC_FUZZ_DEBUG" \
	xpc_boot script "$out" || rc=$?
xpc_marked "$out" | grep -v '^END$'
if tr -d '\r' <"$out" | grep -a -A 16 'Triple fault'; then
	exit 1
fi
exit $rc
