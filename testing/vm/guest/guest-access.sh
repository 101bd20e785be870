# SPDX-License-Identifier: GPL-2.0-only
#
# Sourced by init (xpc_mode=toolstack) after guest-toolstack.sh, in dom0:
# the opt-in group access of "make install-group-access", applied by the
# host's own systemd-udevd to xprivcmd's nodes.  xprivcmd is loaded (drop-in
# mode), so are the kernel's evtchn and gntdev, whose nodes must stay root
# only.  Uses init's say/result/expect.

MEMBER=xpcuser		# in group xprivcmd (the initramfs's /etc/group)
as() { # as USER COMMAND...: busybox su, as root it asks for no password
	local u=$1
	shift
	su -s /bin/sh "$u" -c "$*"
}
mode_is() { # mode_is NODE "GROUP OCTAL"
	[ "$(stat -c '%G %a' "$1")" = "$2" ] || { stat -c '%n %U %G %a' "$1"; return 1; }
}
udev_applied() {
	/lib/systemd/systemd-udevd --daemon &&
		udevadm trigger --action=add --subsystem-match=misc &&
		udevadm settle --timeout=60
}
# XEN_VER: set by guest-toolstack.sh, sourced before this.
member_calls_xen() {
	as $MEMBER hcall version | grep -q "^Xen $XEN_VER"
}
member_gets_buffers() {
	as $MEMBER hcall call xen_version XENVER_extraversion out:16 | grep -q '= 0$'
}
nobody_refused() {
	as nobody hcall version >/tmp/nobody 2>&1
	[ $? = 3 ] && grep -q 'EACCES' /tmp/nobody
}
member_cannot_set_policy() {
	as $MEMBER hcall policy set none >/tmp/member 2>&1
	[ $? = 4 ] && grep -q 'root only' /tmp/member
}

n=0
say "TAP version 13"
say "1..9"
expect access.root_only_until_udev mode_is /dev/xen/privcmd "root 600"
expect access.udevd_applies_the_rule udev_applied
expect access.privcmd_node_group_rw mode_is /dev/xen/privcmd "xprivcmd 660"
expect access.hypercall_node_group_rw mode_is /dev/xen/hypercall "xprivcmd 660"
# Matched by xprivcmd's attribute, not by name: other Xen nodes keep theirs.
expect access.other_xen_nodes_untouched mode_is /dev/xen/evtchn "root 600"
expect access.member_makes_hypercalls member_calls_xen
expect access.member_hypercall_with_buffer member_gets_buffers
expect access.nonmember_still_refused nobody_refused
expect access.policy_stays_root_only member_cannot_set_policy
