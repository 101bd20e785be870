# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The fuzz boot (make fuzz, make check's vm-fuzz): the fuzzer
# (selftests/fuzz.c) and the load loop, run by the guest's init in mode
# fuzz on two vCPUs, under the kernel's allocator debugging.

# Debian's stock kernels build these in but leave them off: SLUB's
# consistency checks, red zones, poisoning and owner tracking, page
# poisoning (both kernels); KFENCE, whose sampling interval is 0 by default
# (6.12 only: 6.1's config lacks it, and ignores the switch).  List
# debugging (CONFIG_DEBUG_LIST) is always on in both.  No commas: QEMU's
# multiboot loader would split the command line there.  Set in the
# environment, it boots with others.
XPC_FUZZ_DEBUG=${XPC_FUZZ_DEBUG:-"slub_debug=FZPU page_poison=1 kfence.sample_interval=1"}

# xpc_fuzz_args ITERATIONS SEED CYCLES: the dom0 arguments of a fuzz boot
# (the init reads the xpc_* ones from its environment); SEED may be empty,
# for one the fuzzer picks and prints.
xpc_fuzz_args() {
	printf '%s xpc_fuzz_iterations=%s xpc_load_cycles=%s%s' "$XPC_FUZZ_DEBUG" \
		"$1" "$3" "${2:+ xpc_fuzz_seed=$2}"
}
