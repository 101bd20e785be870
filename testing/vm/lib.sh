# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Shared by the VM scripts: source it; it sets ROOT, BUILD and the xpc_*
# functions, from the files of lib/, each named for its job:
#   deps.sh       apt, the kernel matrix and its resolution, what is fetched
#   build.sh      the module and user programs, the guest's initramfs
#   boot.sh       QEMU, one launcher over a table of each architecture's
#   ktap.sh       KTAP: results, the judgement of a boot, make check's document
#   arm64.sh      what differs for arm64 kernels (fetched, built, where in RAM)
#   toolstack.sh  Debian's Xen toolstack and a PV domU in the test dom0
#   chroot.sh     another Debian release's kernels: built in its chroot
#   debugkernel.sh  the debug kernel: built here, with KASAN, lockdep, ...
# What runs inside the VM is in guest/.

set -eu

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build}
XPC_GUEST=$ROOT/testing/vm/guest

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# shellcheck source-path=SCRIPTDIR
{
	. "$ROOT/testing/vm/lib/deps.sh"
	. "$ROOT/testing/vm/lib/build.sh"
	. "$ROOT/testing/vm/lib/boot.sh"
	. "$ROOT/testing/vm/lib/ktap.sh"
	. "$ROOT/testing/vm/lib/fuzz.sh"
	. "$ROOT/testing/vm/lib/arm64.sh"
	. "$ROOT/testing/vm/lib/toolstack.sh"
	. "$ROOT/testing/vm/lib/chroot.sh"
	. "$ROOT/testing/vm/lib/debugkernel.sh"
}
