#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make fuzz [ITERATIONS=N] [SEED=S] [LOAD_CYCLES=M] [KERNEL=6.1] [RACERS=0]
# [RACER_OPS=MASK]:
# boots Xen and the kernel on two vCPUs with the allocator's debug switches
# (lib/fuzz.sh), runs the fuzzer (selftests/fuzz.c) for N calls, then M
# insmod/rmmod cycles of the module (guest/init, mode fuzz), and prints the
# figures.  RACERS=0 leaves out the thread that races the calls against
# close, munmap, mremap, fork and policy changes.  The status says whether
# every check passed.
. "$(dirname "$0")/lib.sh"

ITERATIONS=${ITERATIONS:-200000}
SEED=${SEED:-}
LOAD_CYCLES=${LOAD_CYCLES:-100}
KERNEL=${KERNEL:-6.1}
RACERS=${RACERS:-1}
# RACER_OPS=MASK: only the racer's operations whose bits are set (fuzz.c).
RACER_OPS=${RACER_OPS:-}

xpc_deps "$KERNEL"
[ "$KARCH" = x86_64 ] || die "the fuzzer builds for x86_64 only, not $KARCH"
xpc_build
out=$BUILD/fuzz.log
log "fuzzing: Xen + Linux $KVER, $ITERATIONS calls, $LOAD_CYCLES load cycles; console log: $out"
t0=$(date +%s)
rc=0
XPC_SMP=2 XPC_DOM0_ARGS="$(xpc_fuzz_args "$ITERATIONS" "$SEED" "$LOAD_CYCLES") xpc_fuzz_racers=$RACERS${RACER_OPS:+ xpc_fuzz_racer_ops=$RACER_OPS}" \
	xpc_boot fuzz "$out" || rc=$?
t1=$(date +%s)
{
	xpc_marked "$out" | grep -v '^END$'
	xpc_judge_boot fuzz "$rc" "$out"
} >"$BUILD/fuzz.ktap"
grep -vE '^(ok|not ok|TAP|1\.\.)' "$BUILD/fuzz.ktap" | grep -E '^# (fuzz|load|kernel report|T[0-9])' || true
grep -E '^not ok|^Bail out' "$BUILD/fuzz.ktap" | sed 's/^/FAILED: /'
reports=$(grep -c . "$out.bad" 2>/dev/null) || true
printf 'kernel reports on the console: %s\nwall time: %s s (QEMU status %s)\nKTAP: %s\n' \
	"$reports" "$((t1 - t0))" "$rc" "$BUILD/fuzz.ktap"
! grep -qE '^not ok|^Bail out' "$BUILD/fuzz.ktap"
