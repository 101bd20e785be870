#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: hypercall ioctl cost through xprivcmd (plain, with latency
# histograms, with tracepoints) against the in-tree privcmd, both loaded in
# the same dom0.  Figures under QEMU's software emulation are only
# meaningful as ratios.
. "$(dirname "$0")/lib.sh"

# shellcheck disable=SC2119 # the default kernel
xpc_deps
xpc_build
log "booting Xen + Linux $KVER with both drivers loaded"
rc=0
xpc_boot bench "$BUILD/bench.log" || rc=$?
xpc_marked "$BUILD/bench.log" | grep -v '^END$'
[ $rc = 0 ] || die "the VM did not finish (status $rc); console log: $BUILD/bench.log"
