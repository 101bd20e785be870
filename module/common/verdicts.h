/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The classification of every hypercall and sub-command of Xen's public
 * interface: what xprivcmd knows of the references each one carries, and
 * so whether it may reach Xen.
 *
 * Fail closed: a (hypercall, interface version, sub-command) that no table
 * names is XPRIVCMD_V_UNMODELLED, and the default policy refuses it.  A row
 * is a claim about what Xen dereferences, made by reading Xen's source for
 * that interface version (not its header comments): the comment on each
 * row or group says where.
 */
#ifndef XPRIVCMD_VERDICTS_H
#define XPRIVCMD_VERDICTS_H

#include "portability.h"

/**
 * enum xprivcmd_verdict - what xprivcmd knows of a sub-command
 * @XPRIVCMD_V_UNMODELLED: not every reference it carries is known: refused
 *	unless the policy allows unmodelled calls (policy word "unmodelled",
 *	part of the "compat" preset).  The zero value: what no row names.
 * @XPRIVCMD_V_NOREF: carries no reference Xen follows beyond the top-level
 *	pointers the op's schema checks (guest handles, virtual addresses,
 *	frame numbers, PTE values); a domain it names is checked as the row
 *	says
 * @XPRIVCMD_V_CHECKED: every reference it carries is modelled and checked
 *	(embedded handles in schema_nested.c, frames and addresses in
 *	schema_frames.c), on a kernel copy where memory decides
 * @XPRIVCMD_V_REFUSED: never issued through the device, whatever the
 *	policy: it acts on the calling kernel itself; @reason says how
 */
enum xprivcmd_verdict {
	XPRIVCMD_V_UNMODELLED = 0,
	XPRIVCMD_V_NOREF,
	XPRIVCMD_V_CHECKED,
	XPRIVCMD_V_REFUSED,
};

/* The domain at @dom may be the caller itself (else it must not be). */
#define XPRIVCMD_VF_SELF_OK		0x01
/* @dom is the index of a hypercall argument, not a structure offset. */
#define XPRIVCMD_VF_DOM_ARG		0x02
/*
 * Refused (own_tables) when the caller is auto-translated (HVM, PVH, Arm):
 * there the frame numbers it carries are the caller's guest-physical
 * addresses, where Xen would map or unmap.
 */
#define XPRIVCMD_VF_NOT_TRANSLATED	0x04
/*
 * Acts on the calling domain alone (or on no domain), whatever its
 * arguments: one of the calls a restricted fd may be allowed
 * (restricted_policy).  A row with a domain field that is SELF_OK counts as
 * local when the call names the caller.
 */
#define XPRIVCMD_VF_LOCAL		0x08

/* The sub-command of a row for a hypercall that is not multiplexed. */
#define XPRIVCMD_NOT_MUXED	0

/**
 * struct xprivcmd_class - the verdict on one sub-command
 * @name: Xen's name of the sub-command (e.g. "XEN_DOMCTL_createdomain")
 * @iv: interface version the row holds for (domctl, sysctl, platform_op,
 *	mca); 0 for Xen's stable guest ABI, which has none
 * @iv2: a second interface version the row holds for, 0 for none
 *	(XPRIVCMD_ALSO()): a row whose structure and whose use by Xen were
 *	read to be the same in two releases with different versions (domctl
 *	0x15 of Xen 4.17, 0x17 of Xen 4.20).  Where they differ, each version
 *	has rows of its own.
 * @cmd: the sub-command; 0 for a hypercall that is not multiplexed
 * @verdict: &enum xprivcmd_verdict
 * @reason: for %XPRIVCMD_V_REFUSED, the &enum xprivcmd_reason to refuse with
 * @flags: XPRIVCMD_VF_*
 * @has_dom: the call names a domain Xen acts on, at @dom
 * @dom: offset in the call's structure of the domid_t naming the domain
 *	Xen acts on (or an argument index, %XPRIVCMD_VF_DOM_ARG), which must
 *	not resolve to the caller unless %XPRIVCMD_VF_SELF_OK
 * @has_sub: the row is limited to one sub-sub-command, at @sub_off.  Rows
 *	are searched in order: put the rows with a sub-sub-command before
 *	the row without one (the default for the others).
 * @sub_off: offset of the u32 sub-sub-command
 * @sub_mask: bits of that u32 compared
 * @sub: their value
 */
struct xprivcmd_class {
	const char *name;
	u32 iv;
	u32 iv2;
	u32 cmd;
	u8 verdict;
	u8 reason;
	u8 flags;
	bool has_dom;
	bool has_sub;
	u16 dom;
	u16 sub_off;
	u32 sub_mask;
	u32 sub;
};

/**
 * struct xprivcmd_class_table - the rows of one hypercall
 * @op: hypercall number
 * @rows: its rows, in the order they are searched
 * @nr: how many
 */
struct xprivcmd_class_table {
	u8 op;
	const struct xprivcmd_class *rows;
	unsigned int nr;
};

/*
 * Row constructors.  @_cmd is Xen's macro for the sub-command, whose name
 * the row keeps.  Optional arguments: XPRIVCMD_DOM(off), XPRIVCMD_SUB(off,
 * mask, value), XPRIVCMD_ALSO(iv), .flags = ...
 */
#define XPRIVCMD_ROW(_iv, _cmd, _name, _verdict, ...) \
	{ .name = _name, .iv = (_iv), .cmd = (_cmd), .verdict = (_verdict), \
	  __VA_ARGS__ }
#define XPRIVCMD_DOM(_off)	.has_dom = true, .dom = (_off)
#define XPRIVCMD_ALSO(_iv)	.iv2 = (_iv)
#define XPRIVCMD_SUB(_off, _mask, _val) \
	.has_sub = true, .sub_off = (_off), .sub_mask = (_mask), .sub = (_val)
#define NOREF(_iv, _cmd, ...) \
	XPRIVCMD_ROW(_iv, _cmd, #_cmd, XPRIVCMD_V_NOREF, __VA_ARGS__)
#define CHECKED(_iv, _cmd, ...) \
	XPRIVCMD_ROW(_iv, _cmd, #_cmd, XPRIVCMD_V_CHECKED, __VA_ARGS__)
#define UNMODELLED(_iv, _cmd, ...) \
	XPRIVCMD_ROW(_iv, _cmd, #_cmd, XPRIVCMD_V_UNMODELLED, __VA_ARGS__)
#define REFUSED(_iv, _cmd, _reason, ...) \
	XPRIVCMD_ROW(_iv, _cmd, #_cmd, XPRIVCMD_V_REFUSED, \
		     .reason = (_reason), __VA_ARGS__)

/* Each hypercall's rows, in the verdicts_*.c file of its family. */
extern const struct xprivcmd_class_table xprivcmd_domctl_classes;
extern const struct xprivcmd_class_table xprivcmd_sysctl_classes;
extern const struct xprivcmd_class_table xprivcmd_platform_op_classes;
extern const struct xprivcmd_class_table xprivcmd_mca_classes;
extern const struct xprivcmd_class_table xprivcmd_physdev_op_classes;
extern const struct xprivcmd_class_table xprivcmd_hvm_op_classes;
extern const struct xprivcmd_class_table xprivcmd_xsm_op_classes;
extern const struct xprivcmd_class_table xprivcmd_kexec_op_classes;
extern const struct xprivcmd_class_table xprivcmd_argo_op_classes;
extern const struct xprivcmd_class_table xprivcmd_xenpmu_op_classes;
extern const struct xprivcmd_class_table xprivcmd_hypfs_op_classes;
extern const struct xprivcmd_class_table xprivcmd_xenoprof_op_classes;
extern const struct xprivcmd_class_table xprivcmd_tmem_op_classes;
extern const struct xprivcmd_class_table xprivcmd_set_trap_table_classes;
extern const struct xprivcmd_class_table xprivcmd_mmu_update_classes;
extern const struct xprivcmd_class_table xprivcmd_set_gdt_classes;
extern const struct xprivcmd_class_table xprivcmd_stack_switch_classes;
extern const struct xprivcmd_class_table xprivcmd_set_callbacks_classes;
extern const struct xprivcmd_class_table xprivcmd_fpu_taskswitch_classes;
extern const struct xprivcmd_class_table xprivcmd_set_debugreg_classes;
extern const struct xprivcmd_class_table xprivcmd_get_debugreg_classes;
extern const struct xprivcmd_class_table xprivcmd_update_descriptor_classes;
extern const struct xprivcmd_class_table xprivcmd_memory_op_classes;
extern const struct xprivcmd_class_table xprivcmd_multicall_classes;
extern const struct xprivcmd_class_table xprivcmd_update_va_mapping_classes;
extern const struct xprivcmd_class_table xprivcmd_set_timer_op_classes;
extern const struct xprivcmd_class_table xprivcmd_xen_version_classes;
extern const struct xprivcmd_class_table xprivcmd_console_io_classes;
extern const struct xprivcmd_class_table xprivcmd_grant_table_op_classes;
extern const struct xprivcmd_class_table xprivcmd_vm_assist_classes;
extern const struct xprivcmd_class_table xprivcmd_update_va_mapping_otherdomain_classes;
extern const struct xprivcmd_class_table xprivcmd_iret_classes;
extern const struct xprivcmd_class_table xprivcmd_vcpu_op_classes;
extern const struct xprivcmd_class_table xprivcmd_set_segment_base_classes;
extern const struct xprivcmd_class_table xprivcmd_mmuext_op_classes;
extern const struct xprivcmd_class_table xprivcmd_nmi_op_classes;
extern const struct xprivcmd_class_table xprivcmd_sched_op_classes;
extern const struct xprivcmd_class_table xprivcmd_callback_op_classes;
extern const struct xprivcmd_class_table xprivcmd_event_channel_op_classes;
extern const struct xprivcmd_class_table xprivcmd_dm_op_classes;

const struct xprivcmd_class_table *xprivcmd_class_table(u64 op);
void xprivcmd_verdicts_index(void);

/**
 * struct xprivcmd_caller - the domain that issues the call
 * @domid: its id as Xen knows it; %XPRIVCMD_DOMID_UNKNOWN while unknown,
 *	when every real id counts as possibly its own
 * @translated: it is auto-translated (HVM, PVH, Arm): the frame numbers it
 *	hands Xen are its guest-physical addresses
 */
struct xprivcmd_caller {
	u16 domid;
	bool translated;
};

/* public/xen.h: the domain ids that are not domains of their own. */
#define XPRIVCMD_DOMID_FIRST_RESERVED	0x7ff0
#define XPRIVCMD_DOMID_SELF		0x7ff0
#define XPRIVCMD_DOMID_UNKNOWN		0x7ff4	/* DOMID_INVALID */

/**
 * xprivcmd_caller_is() - does a domain id a call names resolve to the caller?
 * @caller: the caller
 * @dom: the id
 *
 * Inline: the decision asks it of every call that names a domain.
 *
 * Return: true for DOMID_SELF and the caller's own id; for every real id
 * while the caller's own is unknown (fail closed).
 */
static inline bool xprivcmd_caller_is(const struct xprivcmd_caller *caller, u16 dom)
{
	if (dom == XPRIVCMD_DOMID_SELF || dom == caller->domid)
		return true;
	return caller->domid == XPRIVCMD_DOMID_UNKNOWN &&
	       dom < XPRIVCMD_DOMID_FIRST_RESERVED;
}

bool xprivcmd_row_holds_for(const struct xprivcmd_class *row, u32 iv);
const struct xprivcmd_class *xprivcmd_classify(u64 op, u32 iv, u64 cmd,
					       const void *buf, u64 len);

#endif /* XPRIVCMD_VERDICTS_H */
