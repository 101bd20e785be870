# SPDX-License-Identifier: GPL-2.0-only
#
# Sourced by init (xpc_mode=bench-toolstack) in dom0: make bench's P4, the
# wall time of Debian's unmodified xl creating, saving, restoring and
# dumping the core of an idle PV domU, on the driver that the kernel's
# command line names (XPC_DOM0_ARGS, see testing/vm/bench.sh):
#   xpc_p4_driver=intree    the kernel's xen-privcmd, as on a Debian dom0
#                           where xprivcmd was never installed
#   xpc_p4_driver=xprivcmd  xprivcmd in drop-in mode, as guest-toolstack.sh
#                           loads it
#   xpc_p4_rounds=N         rounds of create, save, restore, dump-core and
#                           destroy (default 3)
# One marked line a measurement, "p4 DRIVER OP SECONDS" (OP: create, save,
# restore, dump-core), one "p4 DRIVER driver: ..." saying which driver
# served the toolstack, and "p4 DRIVER error ..." for whatever failed.
# Figures only: nothing here is a test.  Uses init's say.

# Paths, daemons, the domU configuration and the idle domU's helpers.
# shellcheck source=guest-xl.sh
. /xpc/guest-xl.sh
P4_DRIVER=${xpc_p4_driver:-xprivcmd}
P4_ROUNDS=${xpc_p4_rounds:-3}
p4_failed=

# p4_step NAME COMMAND...: COMMAND, its output kept back; what it said, on
# one marked line, when it fails.  A runner for guest-xl.sh's steps.
p4_step() {
	local t=$1
	shift
	"$@" >/tmp/p4.out 2>&1 && return 0
	say "p4 $P4_DRIVER error $t: $(tr '\n' '|' </tmp/p4.out)"
	p4_failed=1
	return 1
}

# The kernel's own xen-privcmd and xenfs, loaded by kmod as on a Debian
# dom0 without xprivcmd: our modprobe.d file and modules gone, and depmod's
# index made again (it resolved xenfs's privcmd symbol to xprivcmd_xenfs).
xenfs_on_intree() {
	rm -f /etc/modprobe.d/xprivcmd-drop-in.conf
	rm -rf "/lib/modules/$(uname -r)/updates"
	/sbin/depmod -a && /sbin/modprobe xenfs && /sbin/modprobe xen-privcmd &&
		mods_loaded xenfs xen_privcmd && ! mods_loaded xprivcmd && [ -c /dev/xen/privcmd ]
}

# Which driver served the toolstack: the Xen modules lsmod lists, and what
# xprivcmd's counters say, where it is loaded.
p4_driver() {
	local mods calls="xprivcmd not loaded"
	mods=$(lsmod | awk '$1 ~ /^(xen_privcmd|xprivcmd|xprivcmd_xenfs|xenfs)$/ { printf " %s", $1 }')
	[ ! -e "$STATS" ] ||
		calls="xprivcmd issued $(issued) hypercalls ($(issued domctl) domctls), refused $(rejected)"
	say "p4 $P4_DRIVER driver: lsmod:$mods; $calls"
}

# p4_op OP HELPER: one of the idle domU's helpers (guest-xl.sh), and the
# time its xl command took.
p4_op() {
	p4_step "$1" "$2" || return 1
	say "p4 $P4_DRIVER $1 $XL_SECS"
}
# A round, the domU destroyed at its end whatever happened, and its save
# file and core (its memory, in dom0's RAM) gone.
p4_round() {
	p4_op create xl_create_idle && p4_op save xl_save_idle &&
		p4_op restore xl_restore_idle && p4_op dump-core dump_core_idle
	! xl domid "$IDLE" >/dev/null 2>&1 || p4_step destroy xl destroy "$IDLE"
	rm -f "/tmp/$IDLE.save" "/tmp/$IDLE.core"
}

case $P4_DRIVER in
intree)
	p4_step modprobe_xenfs_intree xenfs_on_intree &&
		p4_step mount_xenfs mount -t xenfs xenfs /proc/xen
	;;
xprivcmd)
	xprivcmd_drop_in p4_step
	;;
*)
	say "p4 $P4_DRIVER error: xpc_p4_driver is intree or xprivcmd"
	p4_failed=1
	;;
esac
p4_step modprobe_evtchn_gntdev_gntalloc xen_devices_up
toolstack_daemons p4_step
if [ -z "$p4_failed" ]; then
	r=0
	while [ $r -lt "$P4_ROUNDS" ]; do
		p4_round
		r=$((r + 1))
	done
fi
p4_driver
