// SPDX-License-Identifier: GPL-2.0-only
/*
 * The refusal reasons: errno, log text, identifier and explanation of each,
 * in one table (see reasons.h).
 */
#include "reasons.h"

const struct xprivcmd_reason_info xprivcmd_reasons[XPRIVCMD_NR_REASONS] = {
	[XPRIVCMD_REASON_NONE] = {
		"none", 0, "none", "no reason recorded",
	},
	[XPRIVCMD_REASON_OP_RANGE] = {
		"op_range", EINVAL, "hypercall number out of range",
		"the hypercall number is 128 or more, beyond any hypercall table",
	},
	[XPRIVCMD_REASON_NULL_PTR] = {
		"null_ptr", EFAULT, "NULL buffer",
		"is NULL, but this call needs a buffer there",
	},
	[XPRIVCMD_REASON_KERNEL_PTR] = {
		"kernel_ptr", EFAULT, "buffer is not in user space",
		"is not in user space (or the buffer's length runs past it)",
	},
	[XPRIVCMD_REASON_UNMAPPED] = {
		"unmapped", EFAULT, "buffer is not mapped with the access needed",
		"is not mapped with the access the call needs (unmapped, or read-only where Xen writes)",
	},
	[XPRIVCMD_REASON_POLICY] = {
		"policy", EACCES, "denied by policy",
		"xprivcmd's policy (module-wide, or narrowed on this fd) does not allow this hypercall or sub-command (`hcall policy` shows the module's)",
	},
	[XPRIVCMD_REASON_TOO_MANY] = {
		"too_many", E2BIG, "too many multicall entries",
		"the multicall has more entries than the module's multicall_max",
	},
	[XPRIVCMD_REASON_INTERFACE] = {
		"interface", EACCES,
		"unknown interface version (policy word \"unmodelled\" allows it)",
		"the structure's interface version is not one xprivcmd knows, so the pointers inside it cannot be checked; the policy word `unmodelled` (preset `compat`) lets such calls through unchecked",
	},
	[XPRIVCMD_REASON_NESTED_MULTICALL] = {
		"nested_multicall", EINVAL, "multicall inside a multicall",
		"a multicall entry is itself a multicall",
	},
	[XPRIVCMD_REASON_RESTRICTED] = {
		"restricted", EPERM, "fd is restricted to one domain",
		"this fd is restricted to one domain (by IOCTL_PRIVCMD_RESTRICT, or from the start in an unprivileged guest: see the module's unrestricted and restricted_policy parameters), which rules out raw hypercalls that could reach another",
	},
	[XPRIVCMD_REASON_KERNEL_VA] = {
		"kernel_va", EFAULT,
		"virtual address Xen would map is not in user space",
		"is a virtual address Xen would map or unmap in this process's page tables, and it is not in user space",
	},
	[XPRIVCMD_REASON_PTE_ADDR] = {
		"pte_addr", EFAULT,
		"page-table entry by machine address cannot be checked",
		"asks Xen to write a page-table entry named by machine address (GNTMAP_contains_pte), which xprivcmd cannot check belongs to this process",
	},
	[XPRIVCMD_REASON_OWN_TABLES] = {
		"own_tables", EPERM,
		"would map, edit or hand over this domain's own page tables or frames",
		"would have Xen map, write, re-type or give away this domain's own frames or edit its page tables (the kernel's): only another domain's may be named (map grants with /dev/xen/gntdev, event channels with /dev/xen/evtchn)",
	},
	[XPRIVCMD_REASON_KERNEL_STATE] = {
		"kernel_state", EPERM, "sets the calling kernel's own state",
		"is how a kernel sets up its own vCPU, event channels, grant table or I/O privilege (traps, callbacks, stacks, descriptor tables, timer, control blocks, iopl): issued through the device it would change the running kernel's",
	},
	[XPRIVCMD_REASON_UNMODELLED] = {
		"unmodelled", EACCES,
		"not modelled: its references cannot be checked (policy word \"unmodelled\" allows it)",
		"xprivcmd does not model every pointer, frame or domain this call carries, so it cannot check it (fail closed); to let it through unchecked add the policy word `unmodelled` (or use the preset `compat`, the in-tree driver's behaviour); a hypercall you added to Xen is declared with the module's user_ops parameter",
	},
	[XPRIVCMD_REASON_OWN_DOMAIN] = {
		"own_domain", EPERM, "names this domain where only another may be named",
		"names the calling domain itself (DOMID_SELF or its own id) where this call may only act on another domain",
	},
	[XPRIVCMD_REASON_TOO_LARGE] = {
		"too_large", E2BIG, "kernel copies would exceed copy_max",
		"the structures and arrays this call has xprivcmd copy into the kernel exceed the module's copy_max parameter",
	},
};

const struct xprivcmd_reason_info *xprivcmd_reason(unsigned int reason)
{
	static const struct xprivcmd_reason_info unknown = {
		"unknown", EPERM, "?",
		"was refused for a reason this program does not know (a newer module?)",
	};

	return reason < XPRIVCMD_NR_REASONS ? &xprivcmd_reasons[reason] : &unknown;
}
