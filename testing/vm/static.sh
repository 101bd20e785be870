#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Static checks, as KTAP: the module builds with W=1 and without warnings,
# checkpatch --strict and sparse are clean, the UAPI header compiles as C and
# C++ on its own.  "static.sh checkpatch" runs only checkpatch, verbosely.
. "$(dirname "$0")/lib.sh"

xpc_resolve_kernel
CHECKPATCH="$BUILD/ksrc/scripts/checkpatch.pl"
FILES=$(cd "$ROOT" && ls module/*.[ch] module/compat/*.h include/uapi/xen/*.h)

# ENOSYS: privcmd's ABI answers IOCTL_PRIVCMD_MMAP with it in an
# auto-translated guest, and its clients test for it.
checkpatch() {
	(cd "$ROOT" && perl "$CHECKPATCH" --no-tree --strict --terse --show-types \
		--ignore ENOSYS --max-line-length=100 -f $FILES)
}

if [ "${1:-}" = checkpatch ]; then
	checkpatch
	exit
fi

n=0
result() { # result STATUS NAME OUTPUT-FILE
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n $2"
	else
		sed 's/^/# /' "$3" | head -n 40
		echo "not ok $n $2"
	fi
}

out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "TAP version 13"
echo "1..5"

# Rebuild from scratch so that every warning shows.  (Not kbuild's clean: it
# deletes every *.ko below the tree, the cached in-tree modules included.)
rm -f "$ROOT"/module/*.o "$ROOT"/xprivcmd.o "$ROOT"/xprivcmd.ko
rc=0; make -C "$ROOT" module KDIR="$KDIR" >"$out" 2>&1 || rc=$?
[ $rc = 0 ] && grep -q 'warning:' "$out" && rc=1
result $rc "static.module_builds_with_w1_without_warnings" "$out"

rc=0; make -C "$ROOT" sparse KDIR="$KDIR" >"$out" 2>&1 || rc=$?
[ $rc = 0 ] && grep -E -q '(warning|error):' "$out" && rc=1
result $rc "static.sparse_clean" "$out"

rc=0; checkpatch >"$out" 2>&1 || rc=$?
result $rc "static.checkpatch_strict_clean" "$out"

rc=0
for lang in c c++; do
	printf '#include <xen/xprivcmd.h>\nint main(void) { return sizeof(struct privcmd_hypercall) != 48; }\n' |
		gcc -x "$lang" -Wall -Wextra -Werror -pedantic -I"$ROOT/include/uapi" -fsyntax-only - \
		>>"$out" 2>&1 || rc=1
done
result $rc "static.uapi_header_self_contained_c_and_cxx" "$out"

rc=0
{ make -C "$ROOT/selftests" clean all && make -C "$ROOT/tools/hcall" clean hcall; } >"$out" 2>&1 || rc=$?
[ $rc = 0 ] && grep -q 'warning:' "$out" && rc=1
result $rc "static.userspace_builds_without_warnings" "$out"
