#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: what xprivcmd costs against the in-tree privcmd, as ratios
# (figures under QEMU's software emulation mean nothing else).  Figures
# only: it fails when a boot or a command does, never on a ratio.
#  P1-P3: hypercall ioctl cost through xprivcmd (plain, with latency
#     histograms, with tracepoints), multicall throughput and foreign
#     mapping, both drivers loaded in the same dom0 (one boot:
#     testing/bench/bench_hypercall.c).
#  P4: the wall time of Debian's unmodified xl creating, saving, restoring
#     and dumping the core of an idle PV domU (128 MB), the toolstack on
#     xprivcmd in drop-in mode against the same on the in-tree xen-privcmd:
#     boots that alternate the drivers, in-tree first, each running rounds
#     of the four commands (guest/guest-bench-toolstack.sh; the toolstack
#     and the domU as make check's toolstack boot packs them).  Per command:
#     the median time on each driver with its spread (lowest-highest), the
#     ratio of the medians, and the spread of the ratios of each round of
#     an xprivcmd boot to the same round of the in-tree boot before it.  A
#     boot of three rounds takes a minute and a half on an idle 2-core host,
#     each round about 20 s of it.
# Settings, in the environment:
#   XPC_BENCH_ONLY=p4      P4 alone: no P1-P3 boot
#   XPC_BENCH_P4=0         no P4
#   XPC_BENCH_P4_BOOTS=N   P4's boots (default 4: in-tree, xprivcmd, in-tree,
#                          xprivcmd)
#   XPC_BENCH_P4_ROUNDS=N  rounds in each P4 boot (default 3)
. "$(dirname "$0")/lib.sh"

P4_BOOTS=${XPC_BENCH_P4_BOOTS:-4}
P4_ROUNDS=${XPC_BENCH_P4_ROUNDS:-3}
case ${XPC_BENCH_ONLY:-} in
'' | p4) ;;
*) die "XPC_BENCH_ONLY is p4 or empty, not '$XPC_BENCH_ONLY'" ;;
esac

# p4_boot BOOT DRIVER: one P4 boot on DRIVER (intree, xprivcmd); its
# marked p4 lines as "BOOT DRIVER ...", its wall time as "BOOT DRIVER wall
# SECONDS", and an error line if it did not finish.
p4_boot() {
	local out=$BUILD/bench-p4-$1.log rc=0 t0
	# More rounds, more time before the boot counts as hung.
	local XPC_TIMEOUT=$((XPC_TIMEOUT + 60 * P4_ROUNDS))
	log "P4 boot $1 of $P4_BOOTS: Debian's toolstack on $2; console log: $out"
	t0=$(date +%s)
	XPC_INITRD_PACKED=1 XPC_DOM0_ARGS="xpc_p4_driver=$2 xpc_p4_rounds=$P4_ROUNDS" \
		xpc_boot bench-toolstack "$out" || rc=$?
	echo "$1 $2 wall $(($(date +%s) - t0))"
	xpc_marked "$out" | sed -n "s/^p4 /$1 /p"
	if [ $rc != 0 ] || ! xpc_marked "$out" | grep -qx END; then
		echo "$1 $2 error: the boot did not finish (QEMU status $rc); console log: $out"
	fi
}

# The figures of p4_boot's lines (stdin): each boot's driver and errors,
# then per command the medians, the ratio and the spreads.
p4_report() {
	awk -v boots="$P4_BOOTS" -v rounds="$P4_ROUNDS" '
	function sort(a, n,   i, j, v) {
		for (i = 2; i <= n; i++) {
			v = a[i]
			for (j = i - 1; j >= 1 && a[j] > v; j--)
				a[j + 1] = a[j]
			a[j + 1] = v
		}
	}
	function median(a, n) { return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
	# The times of driver d for op, sorted into v; their number.
	function times(d, op,   b, r, n) {
		n = 0
		for (b = 1; b <= boots; b++)
			for (r = 1; drv[b] == d && (b, op, r) in t; r++)
				v[++n] = t[b, op, r]
		sort(v, n)
		return n
	}
	$3 == "wall" { drv[$1] = $2; wall[$1] = $4; next }
	$3 ~ /^(create|save|restore|dump-core)$/ && $4 ~ /^[0-9.]+$/ {
		t[$1, $3, ++nt[$1, $3]] = $4
		next
	}
	{
		line = $0
		sub(/^[^ ]+ [^ ]+ /, "", line)
		note[$1] = note[$1] "\n    " line
	}
	END {
		printf "\nP4: Debian'"'"'s xl on an idle PV domU (128 MB), wall time of each command,\n"
		printf "    xprivcmd / in-tree (target <= 1.00), medians (lowest-highest); %d boots,\n", boots
		printf "    in-tree first, alternating, of %d round%s each\n", rounds, rounds == 1 ? "" : "s"
		for (b = 1; b <= boots; b++)
			printf "  boot %d, %s (%d s):%s\n", b, drv[b], wall[b], note[b]
		n = split("create save restore dump-core", ops, " ")
		for (o = 1; o <= n; o++) {
			op = ops[o]
			ni = times("intree", op)
			if (ni) { mi = median(v, ni); lo_i = v[1]; hi_i = v[ni] }
			nx = times("xprivcmd", op)
			if (nx) { mx = median(v, nx); lo_x = v[1]; hi_x = v[nx] }
			if (!ni || !nx || mi == 0) {
				printf "  %-10s no figures (in-tree %d, xprivcmd %d)\n", op, ni, nx
				continue
			}
			# Each round of an xprivcmd boot against the same round
			# of the in-tree boot before it.
			nr = 0
			for (b = 2; b <= boots; b++)
				for (r = 1; drv[b] == "xprivcmd" && drv[b - 1] == "intree" &&
				     (b, op, r) in t && (b - 1, op, r) in t; r++)
					if (t[b - 1, op, r] > 0)
						v[++nr] = t[b, op, r] / t[b - 1, op, r]
			sort(v, nr)
			printf "  %-10s in-tree %6.2f s (%.2f-%.2f)  xprivcmd %6.2f s (%.2f-%.2f)  ratio %.2f",
				op, mi, lo_i, hi_i, mx, lo_x, hi_x, mx / mi
			if (nr)
				printf "  (rounds %.2f-%.2f)", v[1], v[nr]
			printf "\n"
		}
	}'
}

# P4: the toolstack's initramfs packed once, for every boot; the boots;
# their figures.  Fails when a boot or a command failed.
p4() {
	local b drv lines=$BUILD/bench-p4.txt
	log "packing Debian's toolstack and the domU for P4"
	# shellcheck disable=SC2153 # KBUILD: set by xpc_resolve_kernel
	mkdir -p "$KBUILD"
	xpc_initrd "$KBUILD/initrd-bench-toolstack.gz" bench-toolstack
	: >"$lines"
	for ((b = 1; b <= P4_BOOTS; b++)); do
		drv=intree
		[ $((b % 2)) = 1 ] || drv=xprivcmd
		p4_boot "$b" "$drv" >>"$lines"
	done
	p4_report <"$lines"
	! grep -q '^[0-9]* [a-z]* error' "$lines" ||
		die "P4: a boot or a command failed (see above; lines in $lines)"
}

# shellcheck disable=SC2119 # the default kernel
xpc_deps
xpc_build
if [ -z "${XPC_BENCH_ONLY:-}" ]; then
	log "booting Xen + Linux $KVER with both drivers loaded"
	rc=0
	xpc_boot bench "$BUILD/bench.log" || rc=$?
	xpc_marked "$BUILD/bench.log" | grep -v '^END$'
	[ $rc = 0 ] || die "the VM did not finish (status $rc); console log: $BUILD/bench.log"
fi
[ "${XPC_BENCH_P4:-1}" = 0 ] || p4
