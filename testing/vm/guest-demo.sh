#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Runs in dom0 for `make demo`: the seed's journey, through xprivcmd.
set -e
PATH=/xpc:$PATH
msg="Hello from user space through xprivcmd ($(date -u +%H:%M:%S))"
step() { printf '\n$ %s\n' "$*"; }

step hcall version
hcall version
step hcall console write "\"$msg\""
hcall console write "$msg"
echo "(returned 0: Xen took the string)"
step "hcall dmesg --tail 3   # Xen's console ring, read back with the sysctl hypercall"
hcall dmesg --tail 3
hcall dmesg | grep -qF "$msg" && echo "(found our message in Xen's console ring)"
