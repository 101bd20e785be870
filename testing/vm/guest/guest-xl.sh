# SPDX-License-Identifier: GPL-2.0-only
#
# Sourced first by guest-toolstack.sh and guest-bench-toolstack.sh, in dom0:
# what both do with Debian's Xen toolstack (lib/toolstack.sh packs it): its
# paths and directories, xprivcmd loaded in drop-in mode, the toolstack's
# daemons, a domU's configuration, and the idle PV domU that xl saves,
# restores and dumps.  The steps the two scripts report in their own ways
# take a runner, called as "RUN NAME COMMAND..." (init's expect, for one).

# The Xen whose tools these are (lib/toolstack.sh): 4.17 for Debian 12.
XEN_VER=$(cat /xpc/xen-version 2>/dev/null || echo 4.17)
export PATH=/xpc:/bin:/usr/bin:/usr/lib/xen-$XEN_VER/bin
XS_LOG=/var/log/xen/console
STATS=/sys/kernel/debug/xprivcmd/stats

# Hypercalls xprivcmd issued to Xen: all, or those of one op.
issued() { # issued [OP-NAME]
	awk -v op="${1:-}" '$3 == "issued" && (op == "" || $2 == op) { n += $4 } END { print n + 0 }' $STATS
}
# Counts of xprivcmd's own refusals, all ops.
rejected() { awk '$7 == "rejected" { n += $8 } END { print n + 0 }' $STATS; }
mods_loaded() { for m in "$@"; do grep -q "^$m " /proc/modules || return 1; done; }
intree_absent() { ! grep -q '^xen_privcmd ' /proc/modules; }
wait_for() { # wait_for SECONDS COMMAND...: until COMMAND succeeds
	local left=$1
	shift
	while ! "$@" 2>/dev/null; do
		left=$((left - 1))
		[ $left -gt 0 ] || return 1
		sleep 1
	done
}
daemon_up() { # daemon_up SOCKET-OR-PIDFILE COMMAND...
	local f=$1
	shift
	"$@" && wait_for 30 test -e "$f"
}

# xenconsoled gives each guest console a pty.
mkdir -p /dev/pts && mount -t devpts devpts /dev/pts
# xl create takes a lock in /var/lock (4.20's failed for want of it).
mkdir -p /var/run/xen /var/run/xenstored /var/lib/xen /var/lib/xenstored $XS_LOG /var/log/xen \
	/var/lock
ln -s /var/run /run 2>/dev/null

xenfs_on_xprivcmd() {
	/sbin/modprobe xenfs && mods_loaded xenfs xprivcmd_xenfs xprivcmd && intree_absent
}
xen_privcmd_is_xprivcmd() {
	/sbin/modprobe xen-privcmd && intree_absent && [ -c /dev/xen/privcmd ]
}
# xprivcmd_drop_in RUN: xenfs and xen-privcmd loaded by kmod's modprobe,
# which our modprobe.d file and depmod turn into xprivcmd; xenfs mounted.
xprivcmd_drop_in() {
	"$1" toolstack.modprobe_xenfs_loads_xprivcmd xenfs_on_xprivcmd
	"$1" toolstack.modprobe_xen_privcmd_resolves_to_xprivcmd xen_privcmd_is_xprivcmd
	"$1" toolstack.mount_xenfs mount -t xenfs xenfs /proc/xen
}
# The kernel's other Xen devices the toolstack opens.
xen_devices_up() { /sbin/modprobe -a xen-evtchn xen-gntdev xen-gntalloc; }
# toolstack_daemons RUN: xenstored, dom0 in xenstore, xenconsoled.
toolstack_daemons() {
	"$1" toolstack.xenstored \
		daemon_up /var/run/xenstored/socket xenstored --pid-file=/var/run/xenstored.pid
	"$1" toolstack.xen_init_dom0 xen-init-dom0
	"$1" toolstack.xenconsoled daemon_up /var/run/xenconsoled.pid \
		xenconsoled --pid-file=/var/run/xenconsoled.pid --log=guest --log-dir=$XS_LOG
}

# domu_cfg NAME TYPE ARGS MEMORY: /tmp/NAME.cfg, a domU of TYPE (pv, pvh)
# booting the domU kernel and domu-init, ARGS on its command line.
domu_cfg() {
	cat >"/tmp/$1.cfg" <<-EOC
	name = "$1"
	type = "$2"
	kernel = "/xpc/domu/vmlinuz"
	ramdisk = "/xpc/domu/initrd.gz"
	extra = "console=hvc0 loglevel=3 $3"
	memory = $4
	vcpus = 1
	on_poweroff = "destroy"
	on_crash = "destroy"
	EOC
}

# xl_timed ARGS...: xl ARGS; its wall time, in seconds to the hundredth
# (/proc/uptime's; busybox's date has no nanoseconds), in XL_SECS.
uptime_s() { cut -d ' ' -f 1 /proc/uptime; }
xl_timed() {
	local t0 rc
	t0=$(uptime_s)
	xl "$@"
	rc=$?
	# shellcheck disable=SC2034 # read by guest-bench-toolstack.sh
	XL_SECS=$(awk -v a="$t0" -v b="$(uptime_s)" 'BEGIN { printf "%.2f", b - a }')
	return $rc
}

# The clients that work with a guest's frames, on a PV domU that idles
# (domu-init, xpc_idle): xl save (suspend, foreign mappings of all its
# memory), xl restore (a domain built again: populate_physmap, mmu_update
# and mmuext_op on its frames), dump-core.  Each xl command is timed
# (xl_timed), the waits for the guest's ticks are not.
IDLE=xpcidle
idle_ticks() { tr -d '\r' <"$XS_LOG/guest-$IDLE.log" 2>/dev/null | grep -c '@@IDLE@@ tick'; }
ticks_above() { test "$(idle_ticks)" -gt "$1"; }
idle_ticking() { # idle_ticking: its console grows within 60 s
	wait_for 60 ticks_above "$(idle_ticks)"
}
xl_create_idle() {
	domu_cfg $IDLE pv xpc_idle 128
	xl_timed create /tmp/$IDLE.cfg && idle_ticking
}
xl_save_idle() { xl_timed save $IDLE /tmp/$IDLE.save && test -s /tmp/$IDLE.save && ! xl domid $IDLE; }
# The save file and the core are the guest's memory, in dom0's RAM: gone
# once checked, or the rest of the boot runs out of room.
xl_restore_idle() {
	xl_timed restore /tmp/$IDLE.save
	local rc=$?
	rm -f /tmp/$IDLE.save
	[ $rc = 0 ] && xl domid $IDLE && idle_ticking
}
dump_core_idle() {
	xl_timed dump-core $IDLE /tmp/$IDLE.core
	echo "xl dump-core: $?, $(ls -l /tmp/$IDLE.core 2>&1)"
	test -s /tmp/$IDLE.core
	local rc=$?
	rm -f /tmp/$IDLE.core
	return $rc
}
