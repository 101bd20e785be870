# SPDX-License-Identifier: GPL-2.0-only
# Runs in dom0 for `make lab` (as /xpc/script.sh, xprivcmd already loaded),
# after a first line LAB_XEN=patched|stock written by lab/lab.sh.
# Prints KTAP; lines starting "DEMO " are the transcript lab.sh shows.
PATH=/xpc:$PATH
HELLO=43

n=0
result() { # result ok|fail|skip NAME [diagnostic]
	n=$((n + 1))
	[ -z "$3" ] || echo "$3" | sed 's/^/# /'
	case $1 in
	ok) echo "ok $n $2" ;;
	skip) echo "ok $n $2 # SKIP" ;;
	*) echo "not ok $n $2" ;;
	esac
}

# show CMD...: runs CMD, keeps its output in /tmp/out and its status in
# $st, and prints both for the transcript.  show_sh 'PIPELINE' likewise.
show() {
	echo "DEMO \$ $*"
	st=0
	"$@" >/tmp/out 2>&1 || st=$?
	shown
}
show_sh() {
	echo "DEMO \$ $1"
	st=0
	sh -c "$1" >/tmp/out 2>&1 || st=$?
	shown
}
shown() {
	sed 's/^/DEMO /' /tmp/out
	[ $st = 0 ] || echo "DEMO (exit status $st)"
}
has() { grep -q -- "$1" /tmp/out; }

# stat_of FIELD: hypercall 43's counter in xprivcmd's stats (issued,
# failed, rejected), 0 before its first call.
stat_of() {
	awk -v f="$1" -v op=$HELLO '$1 == op {
		for (i = 3; i < NF; i += 2) if ($i == f) print $(i + 1); found = 1 }
		END { if (!found) print 0 }' /sys/kernel/debug/xprivcmd/stats
}

long=$(printf '%065d' 0 | tr 0 x)
max=$(printf '%064d' 0 | tr 0 y)

UOPS=/sys/module/xprivcmd/parameters/user_ops

# undeclared: the first call of hypercall 43.  xprivcmd does not know it,
# so it cannot check its arguments: it refuses it (fail closed) before Xen
# sees it, and hcall prints the declaration to make.  Then the journey
# declares it, as the explanation says.
undeclared() {
	issued=$(stat_of issued)
	rejected=$(stat_of rejected)
	show hcall call $HELLO str:world 5
	if [ $st != 0 ] && has EACCES && has 'refused by xprivcmd before Xen saw it' &&
	   [ "$(stat_of issued)" = "$issued" ] &&
	   [ "$(stat_of rejected)" = $((rejected + 1)) ]; then
		result ok lab.undeclared.refused_unmodelled
	else
		result fail lab.undeclared.refused_unmodelled "$(cat /tmp/out)"
	fi
	if has "echo 'NAME=$HELLO:arg0=in\*arg1' > $UOPS" && has unmodelled; then
		result ok lab.undeclared.explanation_says_what_to_declare
	else
		result fail lab.undeclared.explanation_says_what_to_declare "$(cat /tmp/out)"
	fi
	# What the explanation says to do, with the name the patch gives it.
	show_sh "echo 'hello=$HELLO:arg0=in*arg1' > $UOPS"
	if [ $st = 0 ] && [ "$(cat $UOPS)" = "hello=$HELLO:arg0=in*arg1" ]; then
		result ok lab.undeclared.declared_at_run_time
	else
		result fail lab.undeclared.declared_at_run_time "$(cat /tmp/out; cat $UOPS)"
	fi
}

patched() {
	echo "TAP version 13"
	echo "1..16"

	show hcall version
	if [ $st = 0 ] && has -hello; then result ok lab.patched.running_the_xen_built
	else result fail lab.patched.running_the_xen_built "$(cat /tmp/out)"; fi

	undeclared

	show hcall call $HELLO str:world 5
	if [ $st = 0 ] && has '= 5$'; then result ok lab.patched.hello_returns_length
	else result fail lab.patched.hello_returns_length "$(cat /tmp/out)"; fi

	show_sh "hcall dmesg | grep 'Hello, world'"
	if [ $st = 0 ]; then result ok lab.patched.greeting_in_console_ring
	else result fail lab.patched.greeting_in_console_ring "$(hcall dmesg 2>&1 | tail -n 5)"; fi

	show hcall call $HELLO "str:$max" 64
	if [ $st = 0 ] && has '= 64 '; then result ok lab.patched.longest_name_accepted
	else result fail lab.patched.longest_name_accepted "$(cat /tmp/out)"; fi

	show hcall call $HELLO "str:$long" 65
	if [ $st != 0 ] && has E2BIG; then result ok lab.patched.overlong_name_e2big
	else result fail lab.patched.overlong_name_e2big "$(cat /tmp/out)"; fi

	# Let through unchecked (the policy word unmodelled, with the
	# declaration out of the way), hypercall 43 reaches Xen, which finds
	# itself that the page is not mapped.
	echo " " >$UOPS
	policy=$(cat /sys/module/xprivcmd/parameters/policy)
	issued=$(stat_of issued)
	show hcall policy set "$policy" unmodelled
	show hcall call $HELLO 0x1000 5
	if [ $st != 0 ] && has EFAULT && ! has 'refused by xprivcmd' &&
	   [ "$(stat_of issued)" = $((issued + 1)) ]; then
		result ok lab.patched.unmapped_pointer_efault_from_xen
	else
		result fail lab.patched.unmapped_pointer_efault_from_xen "$(cat /tmp/out)"
	fi
	hcall policy set "$policy" >/dev/null
	echo "hello=$HELLO:arg0=in*arg1" >$UOPS

	# The tutorial's C program; a 32-bit one passes a zero-extended
	# address near 4 GiB (its stack), through the compat ioctl.
	show /xpc/hello world
	if [ $st = 0 ] && has ') = 5$'; then result ok lab.patched.c_hello
	else result fail lab.patched.c_hello "$(cat /tmp/out)"; fi
	show /xpc/hello_32 world
	if [ $st = 0 ] && has '^hello(0x[0-9a-f]\{1,8\}, 5) = 5$'; then
		result ok lab.patched.c_hello_32
	else
		result fail lab.patched.c_hello_32 "$(cat /tmp/out)"
	fi

	declared
}

# With hello's layout declared (arg0 points to arg1 bytes), xprivcmd
# checks the pointer itself and Xen is never called with a bad one.
declared() {
	if [ ! -e /sys/module/xprivcmd/parameters/user_ops ]; then
		for t in reload_with_user_ops call_by_name kernel_pointer_refused \
			 unmapped_pointer_refused c_sign_extended_pointer_refused; do
			result skip "lab.declared.$t" "xprivcmd has no user_ops parameter"
		done
		return
	fi
	rmmod xprivcmd
	show insmod /xpc/xprivcmd.ko "user_ops=hello=$HELLO:arg0=in*arg1"
	if [ $st = 0 ]; then result ok lab.declared.reload_with_user_ops
	else result fail lab.declared.reload_with_user_ops "$(cat /tmp/out)"; fi

	# hcall reads the declarations back from the module to know the name.
	show hcall call hello str:world 5
	if [ $st = 0 ] && has '= 5$'; then
		result ok lab.declared.call_by_name
	else
		result fail lab.declared.call_by_name "$(cat /tmp/out)"
	fi

	issued=$(stat_of issued)
	rejected=$(stat_of rejected)
	show hcall call $HELLO 0xffffffff81000000 5
	if [ $st != 0 ] && has EFAULT && has 'refused by xprivcmd' &&
	   [ "$(stat_of issued)" = "$issued" ] &&
	   [ "$(stat_of rejected)" = $((rejected + 1)) ]; then
		result ok lab.declared.kernel_pointer_refused
	else
		result fail lab.declared.kernel_pointer_refused "$(cat /tmp/out; cat /sys/kernel/debug/xprivcmd/stats)"
	fi

	show hcall call $HELLO 0x1000 5
	if [ $st != 0 ] && has EFAULT && has 'refused by xprivcmd' &&
	   [ "$(stat_of issued)" = "$issued" ]; then
		result ok lab.declared.unmapped_pointer_refused
	else
		result fail lab.declared.unmapped_pointer_refused "$(cat /tmp/out)"
	fi

	# (__u64)(long) in a 32-bit program: 0xffffd... becomes a kernel
	# address.  Only run declared: undeclared, Xen would read it.
	show /xpc/hello_32 --bad-cast world
	if [ $st != 0 ] && has '^hello(0xffffffff' && has 'refused by xprivcmd'; then
		result ok lab.declared.c_sign_extended_pointer_refused
	else
		result fail lab.declared.c_sign_extended_pointer_refused "$(cat /tmp/out)"
	fi
}

stock() {
	echo "TAP version 13"
	echo "1..4"

	show hcall version
	if [ $st = 0 ] && ! has -hello; then result ok lab.stock.running_debians_xen
	else result fail lab.stock.running_debians_xen "$(cat /tmp/out)"; fi

	# Declared, as on the patched Xen, so that the call reaches Xen.
	show_sh "echo 'hello=$HELLO:arg0=in*arg1' > $UOPS"
	if [ $st = 0 ]; then result ok lab.stock.declared
	else result fail lab.stock.declared "$(cat /tmp/out)"; fi

	show hcall call $HELLO str:world 5
	if [ $st != 0 ] && has ENOSYS; then result ok lab.stock.hello_enosys
	else result fail lab.stock.hello_enosys "$(cat /tmp/out)"; fi
	if has 'no handler' && has 'Xen you built'; then
		result ok lab.stock.enosys_explained
	else
		result fail lab.stock.enosys_explained "$(cat /tmp/out)"
	fi
}

case $LAB_XEN in
patched) patched ;;
stock) stock ;;
esac
