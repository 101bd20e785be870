#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Static checks, as KTAP.
#   static.sh                checkpatch --strict is clean, the UAPI header
#                            compiles as C and C++ on its own, user space
#                            builds without warnings: kernel independent
#   static.sh kernel NAME    the module builds against kernel NAME of the
#                            matrix with W=1 and without warnings, and sparse
#                            is clean there
#   static.sh checkpatch     only checkpatch, verbosely
. "$(dirname "$0")/lib.sh"

CHECKPATCH="$BUILD/ksrc/scripts/checkpatch.pl"
FILES=$(cd "$ROOT" && ls module/*.[ch] module/common/*.[ch] module/compat/*.h include/uapi/xen/*.h)

# ENOSYS: privcmd's ABI answers IOCTL_PRIVCMD_MMAP with it in an
# auto-translated guest, and its clients test for it.
checkpatch() {
	# shellcheck disable=SC2086
	(cd "$ROOT" && perl "$CHECKPATCH" --no-tree --strict --terse --show-types \
		--ignore ENOSYS --max-line-length=100 -f $FILES)
}

n=0

out=$(mktemp)
trap 'rm -f "$out"' EXIT

static_common() {
	echo "TAP version 13"
	echo "1..4"

	rc=0; checkpatch >"$out" 2>&1 || rc=$?
	xpc_result $rc "static.checkpatch_strict_clean" "$out"

	rc=0; : >"$out"
	for lang in c c++; do
		printf '#include <xen/xprivcmd.h>\nint main(void) { return sizeof(struct privcmd_hypercall) != 48; }\n' |
			gcc -x "$lang" -Wall -Wextra -Werror -pedantic -I"$ROOT/include/uapi" -fsyntax-only - \
			>>"$out" 2>&1 || rc=1
	done
	xpc_result $rc "static.uapi_header_self_contained_c_and_cxx" "$out"

	rc=0
	{ make -C "$ROOT/selftests" clean all && make -C "$ROOT/tools/hcall" clean hcall; } >"$out" 2>&1 || rc=$?
	[ $rc = 0 ] && grep -q 'warning:' "$out" && rc=1
	xpc_result $rc "static.userspace_builds_without_warnings" "$out"

	rc=0; reference_page >"$out" 2>&1 || rc=$?
	xpc_result $rc "static.reference_page_names_every_parameter_and_reason" "$out"
}

# docs/xprivcmd.4 names every module parameter (from the sources) and every
# refusal reason's id (from the reasons' table), and man finds nothing wrong
# in it.
reference_page() {
	local page="$ROOT/docs/xprivcmd.4" name missing=0
	for name in $(cd "$ROOT" && sed -n 's/.*module_param[a-z_]*(\([a-z_]*\),.*/\1/p' module/*.c) \
		$(awk '/\[XPRIVCMD_REASON_[A-Z_0-9]*\] = \{/ { getline; split($0, f, "\""); print f[2] }' \
			"$ROOT/module/common/reasons.c"); do
		grep -q -w -- "$name" "$page" || { echo "not in $page: $name"; missing=1; }
	done
	LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null | grep . && missing=1
	return $missing
}

# In a fresh copy of the sources, so that every warning shows and the
# kernels of the matrix do not share objects.
static_kernel() {
	xpc_resolve_kernel "$1"
	local src="$KBUILD/static"
	echo "TAP version 13"
	echo "1..3"

	xpc_stage_src "$src"
	rc=0
	# shellcheck disable=SC2086 # KMAKE: arguments, one a word
	xpc_kbuild M="$src" $KMAKE W=1 modules >"$out" 2>&1 || rc=$?
	[ $rc = 0 ] && grep -q 'warning:' "$out" && rc=1
	xpc_result $rc "static.module_builds_with_w1_without_warnings" "$out"

	rc=0
	# shellcheck disable=SC2086 # KMAKE: arguments, one a word
	xpc_kbuild M="$src" $KMAKE W=1 C=2 CHECK=sparse modules >"$out" 2>&1 || rc=$?
	[ $rc = 0 ] && grep -E -q '(warning|error):' "$out" && rc=1
	xpc_result $rc "static.sparse_clean" "$out"

	# xenfs refuses a xen_privcmd_fops whose CRC is not the one it was
	# built against: the in-tree module's, in the kernel's Module.symvers.
	rc=0
	crc_of() { awk '$2 == "xen_privcmd_fops" { print $1 }' "$1/Module.symvers" 2>/dev/null; }
	echo "ours $(crc_of "$src"), the kernel's $(crc_of "$KDIR")" >"$out"
	grep -qx 'CONFIG_MODVERSIONS=y' "$KDIR/.config" ||
		echo "$KVER is built without CONFIG_MODVERSIONS: xenfs checks no CRC" >>"$out"
	[ -n "$(crc_of "$KDIR")" ] && [ "$(crc_of "$src")" = "$(crc_of "$KDIR")" ] || rc=1
	xpc_result $rc "static.xen_privcmd_fops_crc_matches_the_kernels" "$out"
}

case "${1:-}" in
checkpatch) checkpatch ;;
kernel) static_kernel "$2" ;;
"") static_common ;;
*) die "usage: static.sh [checkpatch | kernel NAME]" ;;
esac
