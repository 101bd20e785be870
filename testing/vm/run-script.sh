#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# For debugging: boot the test VM, load xprivcmd, run a shell script in dom0
# and print its output.  Usage: testing/vm/run-script.sh SCRIPT
. "$(dirname "$0")/lib.sh"

[ $# = 1 ] || die "usage: $0 SCRIPT"
XPC_SCRIPT=$(realpath "$1")
# shellcheck disable=SC2119 # the default kernel
xpc_deps
xpc_build
rc=0
xpc_boot script "$BUILD/script.log" || rc=$?
xpc_marked "$BUILD/script.log" | grep -v '^END$'
exit $rc
