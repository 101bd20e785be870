#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Runs in dom0 for `make demo`: the seed's journey, through xprivcmd, with
# hcall.  Xen runs with console_to_ring, so dom0's own console output lands
# in the ring too; the read-back therefore looks for the exact line we wrote.
set -e
PATH=/xpc:$PATH
msg="Hello from user space through xprivcmd, pid $$"
step() { printf '\n$ %s\n' "$*"; }

step hcall version
hcall version

step hcall call xen_version XENVER_extraversion out:16
hcall call xen_version XENVER_extraversion out:16

step hcall console write "'$msg'"
hcall console write "$msg"
echo "(hcall returned 0: Xen printed the line above on its console)"

step "hcall dmesg | grep -x '$msg'"
hcall dmesg | grep -xF "$msg"
echo "(read back from Xen's console ring with the sysctl readconsole hypercall)"

# A hypercall number Xen's headers do not define: xprivcmd cannot check
# its arguments, so it refuses it, and hcall says how to declare it (the
# module's user_ops parameter) or let it through unchecked.
step hcall call 63
hcall call 63 || echo "(exit status $?)"

# The kernel's utsname as Xen's output buffer: the in-tree driver would let
# Xen overwrite it; xprivcmd refuses, and hcall says which argument and why.
uts=0x$(awk '$3 == "init_uts_ns" { print $1 }' /proc/kallsyms)
step "hcall call xen_version XENVER_extraversion $uts   # init_uts_ns, in the kernel"
hcall call xen_version XENVER_extraversion "$uts" || echo "(exit status $?)"
step uname -s
uname -s

step hcall stats
hcall stats
[ "$(uname -s)" = Linux ] && echo "DEMO-OK"
