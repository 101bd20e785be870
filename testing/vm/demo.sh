#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make demo: build xprivcmd, boot Xen with a Debian dom0 in QEMU, load the
# module and walk the seed's journey with hcall: read the Xen version, write
# to Xen's console, read the message back from Xen's console ring.
. "$(dirname "$0")/lib.sh"

# shellcheck disable=SC2119 # the default kernel
xpc_deps
xpc_build
log "booting Xen 4.17 + Linux $KVER (dom0) in QEMU (about 15 s)"
rc=0
xpc_boot demo "$BUILD/demo.log" || rc=$?
tr -d '\r' <"$BUILD/demo.log" | sed -n '/^\$ hcall/,/^DEMO-OK/p' | grep -v '^DEMO-OK'
[ $rc = 0 ] || die "the VM did not finish (status $rc); console log: $BUILD/demo.log"
grep -q "^DEMO-OK" "$BUILD/demo.log" ||
	die "the demo did not complete; console log: $BUILD/demo.log"
