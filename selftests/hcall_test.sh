#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# hcall against the real device and the real hypervisor: every command, its
# --json output (parsed by json_check.awk, not by hcall), every error
# explanation produced by a call that really fails, and usage errors.
# Runs under busybox sh in the test VM, with hcall on PATH; prints KTAP.

HCALL=$(command -v hcall)
POLICY=/sys/module/xprivcmd/parameters/policy
T=$(mktemp -d /tmp/hcall_test.XXXXXX)
trap 'rm -rf "$T"' EXIT

# The JSON checker (json_check.awk, next to this script): one JSON document
# on stdin, flattened to "path=value" lines on stdout; exits 1 if invalid.
JSON_CHECK=$(cd "$(dirname "$0")" && pwd)/json_check.awk
json_flat() { awk -f "$JSON_CHECK"; }

n=0
failed=0
# t NAME: runs t_NAME in a subshell; its output becomes KTAP diagnostics.
t() {
	n=$((n + 1))
	rc=0
	(t_"$1") >"$T/log" 2>&1 || rc=$?
	if [ $rc = 0 ]; then
		echo "ok $n hcall.$1"
	elif [ $rc = 4 ]; then
		echo "ok $n hcall.$1 # SKIP $(tail -n 1 "$T/log")"
	else
		sed 's/^/# /' "$T/log"
		echo "not ok $n hcall.$1"
		failed=$((failed + 1))
	fi
}

die() { echo "$*"; exit 1; }
# skip REASON: the test does not apply here (status 4, as kselftest's).
skip() { echo "$*"; exit 4; }
# hc ARGS...: runs hcall, output in $T/out and $T/err, status in $rc.
hc() { rc=0; "$HCALL" "$@" >"$T/out" 2>"$T/err" || rc=$?; }
# expect_rc N ARGS...: hcall ARGS must exit with N.
expect_rc() {
	want=$1; shift
	hc "$@"
	[ "$rc" = "$want" ] ||
		die "hcall $(echo "$*" | cut -c 1-200): exit $rc, expected $want; stdout: $(head -c 600 "$T/out"); stderr: $(head -c 600 "$T/err")"
}
out_has() { grep -q -- "$1" "$T/out" || die "stdout lacks '$1': $(head -c 800 "$T/out")"; }
err_has() { grep -q -- "$1" "$T/err" || die "stderr lacks '$1': $(cat "$T/err")"; }
# json: $T/out must be one valid JSON document; flattened into $T/flat.
json() { json_flat <"$T/out" >"$T/flat" || die "$(cat "$T/flat"); output: $(head -c 600 "$T/out")"; }
jget() { awk -v k="$1" 'index($0, k "=") == 1 { print substr($0, length(k) + 2) }' "$T/flat"; }
jis() { # jis PATH VALUE
	v=$(jget "$1")
	[ "$v" = "$2" ] || die "JSON $1 is '$v', expected '$2'"
}
sysfs() { cat "/sys/hypervisor/$1"; }
caps() { sysfs properties/capabilities | sed 's/ *$//'; }
ring_has() { "$HCALL" dmesg | grep -qxF -e "$1"; }
# A console line no earlier run has written.
unique() { echo "hcall-test $1 $$ $(date +%s) $n"; }

t_version_text() {
	expect_rc 0 version
	line=$(head -n 1 "$T/out")
	want="Xen $(sysfs version/major).$(sysfs version/minor)$(sysfs version/extra)"
	[ "$line" = "$want" ] || die "first line '$line', expected '$want'"
	# Xen pads its capabilities with a space; hcall does not print it.
	grep -qxF "capabilities: $(caps)" "$T/out" ||
		die "capabilities differ from sysfs: $(cat "$T/out")"
	out_has "^compiled: .* by .*@.* with $(sysfs compilation/compiler)\$"
}

t_version_json() {
	expect_rc 0 version --json
	json
	jis .ok true
	jis .major "$(sysfs version/major)"
	jis .minor "$(sysfs version/minor)"
	jis .extraversion "$(sysfs version/extra)"
	jis .capabilities "$(caps)"
	jis .compile_info.compiler "$(sysfs compilation/compiler)"
	jis .compile_info.compile_by "$(sysfs compilation/compiled_by)"
	cs=$(sysfs properties/changeset)
	case "$cs" in
	"") jis .changeset null ;;
	*) jis .changeset "$cs" ;;
	esac
}

t_console_write_read_back() {
	msg=$(unique console)
	expect_rc 0 console write "$msg"
	[ ! -s "$T/out" ] || die "console write printed: $(cat "$T/out")"
	ring_has "$msg" || die "'$msg' not in hcall dmesg"
}

t_console_write_json() {
	msg=$(unique json)
	expect_rc 0 --json console write "$msg"
	json
	jis .ok true
	jis .bytes $((${#msg} + 1))
	ring_has "$msg" || die "'$msg' not in hcall dmesg"
}

t_console_write_dashes_after_separator() {
	expect_rc 0 console write -- --json
	[ ! -s "$T/out" ] || die "printed JSON for a message: $(cat "$T/out")"
	ring_has "--json" || die "'--json' not written"
}

t_dmesg_tail() {
	"$HCALL" console write "$(unique tail)" || die "console write failed"
	expect_rc 0 dmesg --tail 3
	[ "$(wc -l <"$T/out")" = 3 ] || die "--tail 3 printed $(wc -l <"$T/out") lines"
	expect_rc 0 dmesg --tail=0
	[ ! -s "$T/out" ] || die "--tail 0 printed: $(cat "$T/out")"
}

t_dmesg_json() {
	msg=$(unique dmesgjson)
	"$HCALL" console write "$msg" || die "console write failed"
	expect_rc 0 dmesg --json
	json
	jis .ok true
	jis .cleared false
	[ "$(jget .lines.length)" -gt 0 ] || die "no lines"
	grep -q "^\.lines\[[0-9]*\]=$msg\$" "$T/flat" || die "'$msg' not among .lines"
}

t_dmesg_clear() {
	msg=$(unique clear)
	"$HCALL" console write "$msg" || die "console write failed"
	expect_rc 0 dmesg -c
	grep -qxF "$msg" "$T/out" || die "dmesg -c did not print '$msg'"
	! ring_has "$msg" || die "'$msg' still in the ring after dmesg -c"
}

t_call_by_name_and_number() {
	v=$(( $(sysfs version/major) << 16 | $(sysfs version/minor) ))
	expect_rc 0 call xen_version 0
	out_has "^xen_version(0) = $v ($(printf '%#x' $v))\$"
	expect_rc 0 call 17 XENVER_version
	out_has "^xen_version(XENVER_version) = $v "
	expect_rc 0 call __HYPERVISOR_xen_version 0x0
	out_has " = $v "
}

t_call_out_buffer() {
	extra=$(sysfs version/extra)
	expect_rc 0 call xen_version XENVER_extraversion out:16
	out_has "^xen_version(XENVER_extraversion, out:16) = 0\$"
	out_has "^arg1 out:16:\$"
	out_has "^  0000 .*|$extra\.*|\$"
	expect_rc 0 --json call xen_version 1 out:16
	json
	jis .ok true
	jis .op 17
	jis .name xen_version
	jis .ret 0
	jis .buffers.length 1
	jis '.buffers[0].arg' 1
	jis '.buffers[0].kind' out
	jis '.buffers[0].size' 16
	jis '.buffers[0].changed' true
	jis '.buffers[0].string' "$extra"
	hex=$(printf %s "$extra" | od -An -v -tx1 | tr -d ' \n')
	case "$(jget '.buffers[0].hex')" in
	"$hex"00*) ;;
	*) die "hex $(jget '.buffers[0].hex') does not start with $hex" ;;
	esac
}

t_call_str_buffer() {
	msg=$(unique str)
	expect_rc 0 call console_io CONSOLEIO_write ${#msg} "str:$msg"
	out_has "= 0\$"
	# Xen wrote no newline: the next line ends ours.
	"$HCALL" console write "" || die "console write failed"
	ring_has "$msg" || die "'$msg' not in the ring"
}

t_call_hex_buffer() {
	msg=$(unique hex)
	hex=$(printf '%s\n' "$msg" | od -An -v -tx1 | tr -d ' \n')
	expect_rc 0 call console_io 0 $((${#msg} + 1)) "hex:$hex"
	ring_has "$msg" || die "'$msg' not in the ring"
}

# with_policy WORDS CMD...: runs CMD with the module-wide policy WORDS,
# then puts the old one back.
with_policy() {
	old=$(cat "$POLICY") || die "no $POLICY"
	echo "$1" >"$POLICY" || die "policy $1 refused"
	shift
	wrc=0
	("$@") || wrc=$?
	echo "$old" >"$POLICY"
	return $wrc
}

# enosys_63 [NAME]: Xen answers 63, declared as NAME, with ENOSYS.
enosys_63() {
	expect_rc 1 call 63
	if [ -n "${1:-}" ]; then
		err_has "^hcall: $1(): ENOSYS"
		err_has "no handler for hypercall 63 ($1)"
	else
		err_has "^hcall: hypercall 63(): ENOSYS"
		err_has "no handler for hypercall 63"
	fi
	err_has "booted into the Xen you built"
	expect_rc 1 --json call 63
	json
	jis .ok false
	jis .error hypercall
	jis .errno_name ENOSYS
	jis .refused_by xen
}

t_enosys_explained() {
	# Undeclared, 63 is refused by xprivcmd, which says how to declare
	# it, or how to let it through unchecked.
	expect_rc 1 call 63
	err_has "^hcall: hypercall 63(): EACCES"
	err_has "refused by xprivcmd before Xen saw it: hypercall 63 is none of Xen's and has not been declared"
	err_has "^hcall:   echo 'NAME=63' > /sys/module/xprivcmd/parameters/user_ops\$"
	err_has "policy word .unmodelled."
	err_has "^hcall:   hcall policy set .* unmodelled\$"
	expect_rc 1 --json call 63
	json
	jis .ok false
	jis .errno_name EACCES
	jis .refused_by xprivcmd
	jis .reason unmodelled
	[ -z "$(jget .arg)" ] || die "an argument was blamed: $(jget .arg)"
	# With buffers, the declaration spells their layout out.
	expect_rc 1 call 63 str:world 5 out:16
	err_has "^hcall:   echo 'NAME=63:arg0=in\*arg1,arg2=out16' > "
	# Beyond Xen's table a number cannot be declared.
	expect_rc 1 call 100
	err_has "cannot be declared"
	# Let through, Xen answers ENOSYS, explained as before.
	with_policy "all unmodelled" enosys_63 || exit 1
	# Declared (no pointers), likewise.
	uops=/sys/module/xprivcmd/parameters/user_ops
	saved=$(cat "$uops")
	echo "$saved mine=63" >"$uops" || die "user_ops refused mine=63"
	rc=0
	(enosys_63 mine) || rc=$?
	echo "${saved:- }" >"$uops"
	[ $rc = 0 ] || exit $rc
	# A sub-command Xen's headers name but with no handler in Xen
	# (x86's PHYSDEVOP_free_irq_vector): Xen's ENOSYS, for that op.
	[ "$(uname -m)" != aarch64 ] || return 0
	expect_rc 1 call physdev_op 11
	err_has "ENOSYS"
	err_has "no handler for hypercall 33 (physdev_op), or not for this sub-command"
}

t_efault_kernel_address_explained() {
	# Without CONFIG_KALLSYMS_ALL (Debian's arm64) only code is listed:
	# the kernel's first instruction is as much the kernel's.
	addr=$(awk '$3 == "init_uts_ns" { print $1; exit }' /proc/kallsyms)
	[ -n "$addr" ] || addr=$(awk '$3 == "_stext" { print $1; exit }' /proc/kallsyms)
	[ -n "$addr" ] || die "neither init_uts_ns nor _stext in /proc/kallsyms"
	expect_rc 1 call xen_version 1 "0x$addr"
	err_has "EFAULT"
	err_has "refused by xprivcmd before Xen saw it: arg1 (0x$addr) is not in user space"
	[ "$(uname -s)" = Linux ] || die "uname -s is now '$(uname -s)'"
	expect_rc 1 --json call xen_version 1 "0x$addr"
	json
	jis .errno_name EFAULT
	jis .refused_by xprivcmd
	jis .reason kernel_ptr
	jis .arg 1
	jis .value "0x$addr"
}

t_efault_null_explained() {
	expect_rc 1 call xen_version XENVER_capabilities 0
	err_has "arg1 (0) is NULL, but this call needs a buffer"
	expect_rc 1 --json call xen_version 3 0
	json
	jis .reason null_ptr
	jis .arg 1
}

t_efault_from_xen_explained() {
	# XEN_SYSCTL_getcpuinfo (8) for one CPU with a NULL info handle:
	# xprivcmd leaves NULL handles to Xen (many mean "just tell me the
	# size"), and it is Xen that fails the copy to address 0.  cmd,
	# interface_version 0x15, max_cpus = 1, info = NULL.
	topo=08000000150000000100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
	expect_rc 1 call sysctl "hex:$topo"
	err_has "EFAULT"
	err_has "Xen could not access a buffer argument"
	expect_rc 1 --json call sysctl "hex:$topo"
	json
	jis .errno_name EFAULT
	jis .refused_by xen
}

t_efault_embedded_handle_explained() {
	# XENMEM_machphys_mfn_list (5): max_extents = 1, extent_start = 0x1000
	# (unmapped), nr_extents = 0 (64-bit layout).  xprivcmd models this
	# handle and refuses the call before Xen sees it, naming the handle.
	mfn_list=010000000000000000100000000000000000000000000000
	expect_rc 1 call memory_op 5 "hex:$mfn_list"
	err_has "refused by xprivcmd before Xen saw it: arg1 (0x1000)"
	expect_rc 1 --json call memory_op 5 "hex:$mfn_list"
	json
	jis .refused_by xprivcmd
	jis .reason unmapped
	jis .value "0x1000"
}

t_einval_op_range_explained() {
	expect_rc 1 call 128
	err_has "^hcall: hypercall 128(): EINVAL"
	err_has "refused by xprivcmd before Xen saw it: the hypercall number is 128 or more"
	expect_rc 1 --json call -- -1
	json
	jis .op 18446744073709551615
	jis .errno_name EINVAL
	jis .refused_by xprivcmd
	jis .reason op_range
	[ -z "$(jget .arg)" ] || die "an argument was blamed: $(jget .arg)"
}

eacces_from_xen() {
	expect_rc 1 call sysctl out:136
	err_has "EACCES"
	err_has "interface_version"
	expect_rc 1 --json call sysctl out:136
	json
	jis .refused_by xen
}

t_eacces_from_xen_explained() {
	# A sysctl whose interface_version is 0: xprivcmd does not know the
	# layout, and refuses it before Xen sees it.
	expect_rc 1 call sysctl out:136
	err_has "EACCES"
	err_has "refused by xprivcmd before Xen saw it: the structure's interface version is not one xprivcmd knows"
	err_has "^hcall:   hcall policy set .* unmodelled\$"
	expect_rc 1 --json call sysctl out:136
	json
	jis .refused_by xprivcmd
	jis .reason interface
	# Let through unchecked, Xen refuses the version with EACCES.
	with_policy "all unmodelled" eacces_from_xen
}

t_eperm_from_xen_explained() {
	# Debian's Xen on Arm is built without dm_op (it needs the experimental
	# IOREQ server), and nothing else dom0 may harmlessly call fails with
	# EPERM there.
	[ "$(uname -m)" != aarch64 ] || skip "no dm_op in Xen on Arm"
	# A raw dm_op's buffers are not modelled (IOCTL_PRIVCMD_DM_OP is the
	# checked way): refused, and the explanation names the policy word.
	expect_rc 1 call dm_op 0 1 hex:00000000000000000000000000000000
	err_has "EACCES"
	err_has "refused by xprivcmd before Xen saw it: xprivcmd does not model every pointer, frame or domain that dm_op carries, so it cannot check this call"
	err_has "policy word .unmodelled."
	expect_rc 1 --json call dm_op 0 1 hex:00000000000000000000000000000000
	json
	jis .refused_by xprivcmd
	jis .reason unmodelled
	# Let through, dm_op may not target the calling domain (dom0) itself.
	with_policy "all unmodelled" eperm_from_xen
}

eperm_from_xen() {
	expect_rc 1 call dm_op 0 1 hex:00000000000000000000000000000000
	err_has "EPERM"
	err_has "not permitted"
	expect_rc 1 --json call dm_op 0 1 hex:00000000000000000000000000000000
	json
	jis .errno_name EPERM
	jis .refused_by xen
}

t_own_domain_explained() {
	# getdomaininfo is fine on dom0 itself; pausing it is not.  A domctl
	# (144 bytes):
	# cmd 3 (pausedomain), interface_version 0x15, domain 0.
	dc=03000000150000000000
	dc=$dc$(printf '%0268d' 0)
	expect_rc 1 call domctl "hex:$dc"
	err_has "EPERM"
	err_has "refused by xprivcmd before Xen saw it: it names domain 0, this domain's own id, where only another domain may be named"
	expect_rc 1 --json call domctl "hex:$dc"
	json
	jis .refused_by xprivcmd
	jis .reason own_domain
	# DOMID_SELF (0x7ff0) is the same domain.
	dc=0300000015000000f07f
	dc=$dc$(printf '%0268d' 0)
	expect_rc 1 call domctl "hex:$dc"
	err_has "it names DOMID_SELF (0x7ff0), this domain itself"
}

t_device_option() {
	expect_rc 0 --device /dev/xen/privcmd version
	expect_rc 0 version --device=/dev/xen/privcmd
	expect_rc 3 --device /nonexistent version
	err_has "/nonexistent: No such file or directory (ENOENT)"
	expect_rc 3 --json --device /nonexistent call 17 0
	json
	jis .error device
	jis .errno_name ENOENT
}

t_list() {
	expect_rc 0 list
	out_has "^ 17 xen_version  *sub-command in arg0"
	out_has "^ *1 XENVER_extraversion  *arg1: 16 bytes, out\$"
	out_has "^ 35 sysctl  *arg0: 136 bytes, inout\$"
	# 42 in every Xen, and x86's own two (mca, paging_domctl_cont).
	want=42
	[ "$(uname -m)" = aarch64 ] || want=44
	[ "$(grep -c '^ *[0-9][0-9]* [a-z_]* ' "$T/out")" -ge $want ] || die "too few hypercalls listed"
	expect_rc 0 list --json
	json
	jis .ok true
	jis .nr_hypercalls 128
	# Names match the module's own, as its statistics print them.
	"$HCALL" call sysctl out:136 2>/dev/null
	stat=$(awk '$1 == 35 { print $2 }' /sys/kernel/debug/xprivcmd/stats)
	i=$(grep '^\.ops\[[0-9]*\]\.nr=35$' "$T/flat" | sed 's/^\.ops\[\([0-9]*\)\].*/\1/')
	jis ".ops[$i].name" "$stat"
	jis ".ops[$i].pointers[0].size" 136
	expect_rc 0 list console_io --json
	json
	jis .ops.length 1
	jis '.ops[0].subop_arg' 0
	jis '.ops[0].subops[1].name' CONSOLEIO_read
	jis '.ops[0].subops[1].pointer.count_arg' 1
	expect_rc 0 list 63
	out_has "passed to Xen with no argument checks"
}

t_stats_match_debugfs() {
	"$HCALL" call 63 2>/dev/null
	"$HCALL" call 200 2>/dev/null
	expect_rc 0 stats
	raw=/sys/kernel/debug/xprivcmd/stats
	awk '$3 == "issued" { print $1, $2, $4, $6, $8 }' "$raw" >"$T/want"
	awk '$1 ~ /^[0-9]+$/ && NF == 5 { print $1, $2, $3, $4, $5 }' "$T/out" >"$T/got"
	cmp -s "$T/want" "$T/got" || die "hcall stats: $(cat "$T/got"); debugfs: $(cat "$T/want")"
	grep -q '^ 63 unknown ' "$T/out" || die "no line for hypercall 63"
	expect_rc 0 stats --json
	json
	jis .out_of_range_rejected "$(awk '$1 == "out-of-range" { print $3 }' "$raw")"
	jis '.reasons[2].id' kernel_ptr
	[ "$(jget .ops.length)" = "$(wc -l <"$T/want")" ] || die "ops count differs"
}

t_stats_count_hcall_calls() {
	before=$(awk '$1 == 17 { print $4 }' /sys/kernel/debug/xprivcmd/stats)
	expect_rc 0 call xen_version 0
	after=$(awk '$1 == 17 { print $4 }' /sys/kernel/debug/xprivcmd/stats)
	[ "$after" = $((${before:-0} + 1)) ] || die "issued went from $before to $after"
}

policy_body() {
	expect_rc 0 policy
	[ "$(cat "$T/out")" = "$(cat "$POLICY")" ] ||
		die "hcall policy: $(cat "$T/out"); module: $(cat "$POLICY")"
	expect_rc 0 policy set none +xen_version +console_io +sysctl
	[ "$(cat "$T/out")" = "$(cat "$POLICY")" ] || die "shows $(cat "$T/out")"
	expect_rc 0 --json policy
	json
	jis .policy "$(cat "$POLICY")"
	expect_rc 0 call xen_version 0
	expect_rc 1 call 63
	err_has "EACCES"
	err_has "refused by xprivcmd before Xen saw it: xprivcmd's policy"
	expect_rc 1 --json call 63
	json
	jis .refused_by xprivcmd
	jis .reason policy
	before=$(cat "$POLICY")
	expect_rc 2 policy set +nosuchop
	err_has "cannot parse"
	[ "$(cat "$POLICY")" = "$before" ] || die "a refused policy changed it"
	expect_rc 2 policy get
}

t_policy_show_and_set() {
	orig=$(cat "$POLICY") || die "no $POLICY"
	rc=0
	(policy_body) || rc=$?
	echo "$orig" >"$POLICY"
	return $rc
}

# trace_while CMDS...: `hcall trace` for 4 s in the background (its options
# in $TRACE_ARGS) while the commands run; its output in $T/out.
trace_while() {
	# shellcheck disable=SC2086
	"$HCALL" $TRACE_ARGS >"$T/out" 2>"$T/err" &
	pid=$!
	# Until its instance's tracepoints are on (not a fixed second: on a
	# loaded machine that was too short); 20 s at most.
	on=/sys/kernel/tracing/instances/hcall-$pid/events/xprivcmd/enable
	i=0
	while [ "$(cat "$on" 2>/dev/null)" != 1 ] && [ $i -lt 200 ] &&
		kill -0 $pid 2>/dev/null; do
		i=$((i + 1))
		sleep 0.1
	done
	"$@"
	wait $pid || die "hcall $TRACE_ARGS failed: $(cat "$T/err")"
}

calls_to_trace() {
	"$HCALL" call xen_version 0 5958 >/dev/null
	"$HCALL" call 200 2>/dev/null
	return 0
}

t_trace_shows_calls() {
	TRACE_ARGS="trace 0 4" trace_while calls_to_trace
	out_has "xprivcmd_hypercall: op=17 op_name=xen_version subop=0 args=0x0,0x1746,"
	out_has "xprivcmd_refused: op=200 op_name=unknown reason=1 reason_id=op_range "
	[ "$(cat /sys/kernel/tracing/events/xprivcmd/enable)" = 0 ] ||
		die "hcall trace left the tracepoints on"
	TRACE_ARGS="--json trace 0 4" trace_while calls_to_trace
	json
	jis .ok true
	grep -q '^\.events\[[0-9]*\]\.event=xprivcmd_hypercall$' "$T/flat" ||
		die "no hypercall event: $(head -c 600 "$T/flat")"
	grep -q '^\.events\[[0-9]*\]\.reason=1$' "$T/flat" ||
		die "no refusal event: $(head -c 600 "$T/flat")"
	# Numbers are JSON numbers.
	grep -q '"op":17[,}]' "$T/out" || die "op is not a number: $(head -c 600 "$T/out")"
	# --json prints when done, so it needs a limit.
	expect_rc 2 --json trace
	expect_rc 2 trace 1 2 3
	expect_rc 2 trace many
}

t_trace_own_instance() {
	events=/sys/kernel/tracing/events/xprivcmd/enable
	# Tracing someone else turned on stays on, and hcall's instance goes.
	echo 1 >"$events" || die "cannot enable $events"
	rc=0
	TRACE_ARGS="trace 0 2" trace_while true || rc=$?
	on=$(cat "$events")
	echo 0 >"$events"
	[ $rc = 0 ] || exit $rc
	[ "$on" = 1 ] || die "hcall trace turned the global tracepoints off"
	for d in /sys/kernel/tracing/instances/hcall-*; do
		[ ! -e "$d" ] || die "hcall trace left $d"
	done
}

t_help_lists_exit_codes() {
	expect_rc 0 --help
	for c in 0 1 2 3 4; do
		out_has "^  $c  "
	done
}

# Each line: arguments for hcall that must give a usage error.
usage_cases() {
	cat <<-'EOF'

	bogus
	version extra
	console
	console read x
	console write
	console write a b
	dmesg --tail -1
	dmesg --tail x
	dmesg --tail 99999999999
	dmesg -x
	call
	call nosuchop
	call 17 1x
	call 17 0x
	call 17 --1
	call 17 18446744073709551616
	call 17 -9223372036854775809
	call 17 hex:abc
	call 17 hex:zz
	call 17 hex:
	call 17 out:0
	call 17 out:65537
	call 17 out:-1
	call 17 out:x
	call 17 foo:1
	call 17 1 2 3 4 5 6
	list nosuchop
	list 1 2
	stats x
	--device
	EOF
}

t_usage_errors_exit_2() {
	usage_cases | while read -r args; do
		# shellcheck disable=SC2086
		expect_rc 2 $args
		[ -s "$T/err" ] || die "hcall $args: no message"
		[ ! -s "$T/out" ] || die "hcall $args: printed $(cat "$T/out")"
	done || exit 1
}

t_usage_errors_json() {
	usage_cases | while read -r args; do
		# shellcheck disable=SC2086
		expect_rc 2 --json $args
		json
		jis .ok false
		jis .error usage
	done || exit 1
}

t_oversized_buffers_refused() {
	big=$(head -c 65536 /dev/zero | tr '\0' a)
	expect_rc 2 call 17 "str:$big"
	err_has "over the limit of 65536"
	# (A hex: argument over the limit does not fit in one argv string.)
	expect_rc 2 console write "$big"
	err_has "over the limit"
	# The largest allowed buffer works.
	expect_rc 0 call xen_version 0 out:65536
}

t_help_per_command() {
	expect_rc 0 help
	out_has "^usage: hcall "
	out_has "^  trace "
	"$HCALL" __complete -- "" >"$T/cmds" || die "no command list"
	[ "$(wc -l <"$T/cmds")" -ge 9 ] || die "commands: $(cat "$T/cmds")"
	while read -r c; do
		expect_rc 0 help "$c"
		out_has "^usage: hcall \[OPTIONS\] $c"
		mv "$T/out" "$T/help"
		expect_rc 0 "$c" --help
		cmp -s "$T/out" "$T/help" || die "hcall $c --help differs from hcall help $c"
	done <"$T/cmds"
	out_has "^usage: hcall \[OPTIONS\] help \[COMMAND\]"
	expect_rc 0 help dmesg
	out_has "^  --tail N "
	expect_rc 2 help bogus
	err_has "unknown command 'bogus'"
	expect_rc 2 help call list
}

t_version_option() {
	mod=unknown
	[ ! -r /sys/module/xprivcmd/version ] || mod=$(cat /sys/module/xprivcmd/version)
	expect_rc 0 --version
	out_has "^hcall [0-9][0-9.]*[0-9a-z~+.-]*\$"
	out_has "^xprivcmd module: $mod\$"
	expect_rc 0 --json --version
	json
	jis .ok true
	jis .module "$mod"
	case "$(jget .hcall)" in
	[0-9]*) ;;
	*) die "hcall's version is '$(jget .hcall)'" ;;
	esac
}

t_device_is_xprivcmds() {
	# Drop-in here: xprivcmd's attribute is on /dev/xen/privcmd's node.
	node=$(stat -c '%t %T' /dev/xen/privcmd) || die "no /dev/xen/privcmd"
	attr=/sys/dev/char/$((0x${node% *})):$((0x${node#* }))/xprivcmd
	[ "$(cat "$attr")" = privcmd ] || die "$attr: '$(cat "$attr")'"
	expect_rc 0 version
	[ ! -s "$T/err" ] || die "stderr: $(cat "$T/err")"
	# HCALL_DEVICE overrides, and --device overrides HCALL_DEVICE.
	rc=0
	HCALL_DEVICE=/nonexistent "$HCALL" version >"$T/out" 2>"$T/err" || rc=$?
	[ $rc = 3 ] || die "HCALL_DEVICE=/nonexistent: exit $rc"
	err_has "/nonexistent: No such file or directory (ENOENT)"
	rc=0
	HCALL_DEVICE=/nonexistent "$HCALL" --device /dev/xen/privcmd version >"$T/out" 2>"$T/err" ||
		rc=$?
	[ $rc = 0 ] || die "--device after HCALL_DEVICE: exit $rc: $(cat "$T/err")"
	# A node that is not xprivcmd's is used, with a warning.
	expect_rc 1 --device /dev/null version
	err_has "warning: /dev/null is not xprivcmd's device"
	err_has "ENOTTY"
}

t_list_subcommands() {
	expect_rc 0 list sysctl
	out_has "^ *1 XEN_SYSCTL_readconsole  *checked, interface version 0x"
	expect_rc 0 list sched_op
	out_has "^ *0 SCHEDOP_yield  *noref\$"
	out_has "^ *1 SCHEDOP_block  *refused (kernel_state)\$"
	# Sub-commands with a pointer are named in the schema's list too.
	out_has "^ *7 SCHEDOP_pin_override  *arg1: 4 bytes, in\$"
	expect_rc 0 --json list sched_op
	json
	jis '.ops[0].classes[0].name' SCHEDOP_yield
	jis '.ops[0].classes[0].verdict' noref
	jis '.ops[0].classes[1].reason' kernel_state
	# The names are what `hcall call` takes for the sub-command.
	expect_rc 0 call sched_op SCHEDOP_yield
	out_has "^sched_op(SCHEDOP_yield) = 0\$"
	# A domctl row that holds for Xen 4.17's and Xen 4.20's versions.
	expect_rc 0 list domctl
	out_has "^ *5 XEN_DOMCTL_getdomaininfo  *noref, interface versions 0x15 and 0x17\$"
	expect_rc 0 --json list domctl
	json
	i=$(grep '^\.ops\[0\]\.classes\[[0-9]*\]\.name=XEN_DOMCTL_getdomaininfo$' "$T/flat" |
		sed 's/^\.ops\[0\]\.classes\[\([0-9]*\)\].*/\1/')
	[ -n "$i" ] || die "no XEN_DOMCTL_getdomaininfo in: $(head -c 600 "$T/out")"
	jis ".ops[0].classes[$i].interface_version" 21
	jis ".ops[0].classes[$i].interface_version2" 23
	expect_rc 0 --json list sysctl
	json
	jis '.ops[0].classes[0].interface_version2' null
	# xen_version's struct xen_varbuf sub-commands (Xen 4.19).
	expect_rc 0 list xen_version
	out_has "^ *11 XENVER_extraversion2  *arg1: 4-byte length + that many bytes, inout, may be NULL (length query)\$"
	out_has "^ *14 XENVER_commandline2  *noref\$"
	expect_rc 0 --json list xen_version
	json
	jis '.ops[0].subops[11].name' XENVER_extraversion2
	jis '.ops[0].subops[11].pointer.varbuf' true
	jis '.ops[0].subops[1].pointer.varbuf' false
}

# A varbuf sub-command by name: Xen 4.19 and later answer the length
# query with the string's length; older Xen has no handler, and hcall
# says which Xen added it.
t_varbuf_subop_by_name() {
	major=$(sysfs version/major)
	minor=$(sysfs version/minor)
	if [ "$major" -lt 4 ] || { [ "$major" = 4 ] && [ "$minor" -lt 19 ]; }; then
		expect_rc 1 call xen_version XENVER_commandline2 0
		err_has "^hcall: xen_version(XENVER_commandline2, 0): ENOSYS"
		err_has "no handler for xen_version XENVER_commandline2: it came with Xen 4.19"
		return
	fi
	expect_rc 0 call xen_version XENVER_commandline2 0
	len=$(sed -n 's/^xen_version(XENVER_commandline2, 0) = \([0-9]*\).*/\1/p' "$T/out")
	[ -n "$len" ] && [ "$len" -gt 0 ] || die "length query: $(cat "$T/out")"
	# len = 1: too small for any command line, Xen's -ENOBUFS.
	expect_rc 1 call xen_version XENVER_commandline2 hex:0100000000
	err_has ": ENOBUFS"
}

# completes EXPECTED WORD...: `hcall __complete -- WORD...` offers EXPECTED.
completes() {
	want=$1
	shift
	hc __complete -- "$@"
	grep -qxF -- "$want" "$T/out" || die "__complete $*: $(cat "$T/out"), expected '$want'"
}

t_completion() {
	completes trace ""
	completes help ""
	hc __complete -- ""
	! grep -q __complete "$T/out" || die "the hidden command is offered"
	hc __complete -- ver
	[ "$(cat "$T/out")" = version ] || die "ver: $(cat "$T/out")"
	completes --json --js
	completes xen_version --json call xen_v
	completes XENVER_extraversion call xen_version XENVER_ext
	completes SCHEDOP_yield call sched_op SCHEDOP_y
	completes console_io list console_
	completes write console ""
	completes --tail dmesg --t
	completes policy help po
	hc __complete -- --device ""
	[ ! -s "$T/out" ] || die "--device: $(cat "$T/out")"
}

t_console_to_ring_known() {
	# The VM's Xen runs with console_to_ring: no note, and JSON says so.
	expect_rc 0 console write "$(unique ring)"
	! grep -q console_to_ring "$T/err" || die "console write: $(cat "$T/err")"
	expect_rc 0 dmesg --tail 1
	! grep -q console_to_ring "$T/err" || die "dmesg: $(cat "$T/err")"
	expect_rc 0 --json dmesg --tail 1
	json
	jis .console_to_ring true
}

TESTS="version_text version_json console_write_read_back console_write_json
	console_write_dashes_after_separator dmesg_tail dmesg_json dmesg_clear
	call_by_name_and_number call_out_buffer call_str_buffer call_hex_buffer
	enosys_explained efault_kernel_address_explained efault_null_explained
	efault_from_xen_explained efault_embedded_handle_explained
	einval_op_range_explained
	eacces_from_xen_explained eperm_from_xen_explained own_domain_explained
	device_option list stats_match_debugfs
	stats_count_hcall_calls policy_show_and_set trace_shows_calls help_lists_exit_codes
	usage_errors_exit_2 usage_errors_json oversized_buffers_refused
	trace_own_instance help_per_command version_option device_is_xprivcmds
	list_subcommands varbuf_subop_by_name completion console_to_ring_known"

echo "TAP version 13"
echo "1..$(echo $TESTS | wc -w)"
if [ -z "$HCALL" ]; then
	echo "Bail out! hcall is not on PATH"
	exit 1
fi
for test in $TESTS; do
	t "$test"
done
echo "# $((n - failed)) passed, $failed failed"
[ "$failed" = 0 ]
