#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Runs in dom0 for `make demo`: the seed's journey, through xprivcmd.
# Xen runs with console_to_ring, so dom0's own console output lands in the
# ring too; the read-back therefore looks for the exact line we wrote.
set -e
PATH=/xpc:$PATH
msg="Hello from user space through xprivcmd, pid $$"
step() { printf '\n$ %s\n' "$*"; }

step hcall version
hcall version

step hcall console write "'$msg'"
hcall console write "$msg"
echo "(hcall returned 0: Xen printed the line above on its console)"

step "hcall dmesg | grep -x '$msg'"
if hcall dmesg | grep -xF "$msg"; then
	echo "(read back from Xen's console ring with the sysctl readconsole hypercall)"
	echo "DEMO-OK"
fi
