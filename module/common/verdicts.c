// SPDX-License-Identifier: GPL-2.0-only
/*
 * Looking up the verdict on a call (see verdicts.h); the rows are in the
 * verdicts_*.c files, one per family of hypercalls.
 */
#include "verdicts.h"
#include "schema_internal.h"

/*
 * Every hypercall that has rows, by number; an op missing here (paging
 * cont, the compat aliases) is decided on the op it stands for.
 */
static const struct xprivcmd_class_table * const tables[] = {
	&xprivcmd_set_trap_table_classes,
	&xprivcmd_mmu_update_classes,
	&xprivcmd_set_gdt_classes,
	&xprivcmd_stack_switch_classes,
	&xprivcmd_set_callbacks_classes,
	&xprivcmd_fpu_taskswitch_classes,
	&xprivcmd_platform_op_classes,
	&xprivcmd_set_debugreg_classes,
	&xprivcmd_get_debugreg_classes,
	&xprivcmd_update_descriptor_classes,
	&xprivcmd_memory_op_classes,
	&xprivcmd_multicall_classes,
	&xprivcmd_update_va_mapping_classes,
	&xprivcmd_set_timer_op_classes,
	&xprivcmd_xen_version_classes,
	&xprivcmd_console_io_classes,
	&xprivcmd_grant_table_op_classes,
	&xprivcmd_vm_assist_classes,
	&xprivcmd_update_va_mapping_otherdomain_classes,
	&xprivcmd_iret_classes,
	&xprivcmd_vcpu_op_classes,
	&xprivcmd_set_segment_base_classes,
	&xprivcmd_mmuext_op_classes,
	&xprivcmd_xsm_op_classes,
	&xprivcmd_nmi_op_classes,
	&xprivcmd_sched_op_classes,
	&xprivcmd_callback_op_classes,
	&xprivcmd_xenoprof_op_classes,
	&xprivcmd_event_channel_op_classes,
	&xprivcmd_physdev_op_classes,
	&xprivcmd_hvm_op_classes,
	&xprivcmd_sysctl_classes,
	&xprivcmd_domctl_classes,
	&xprivcmd_kexec_op_classes,
	&xprivcmd_tmem_op_classes,
	&xprivcmd_argo_op_classes,
	&xprivcmd_xenpmu_op_classes,
	&xprivcmd_dm_op_classes,
	&xprivcmd_hypfs_op_classes,
	&xprivcmd_mca_classes,
};

/*
 * tables[] by op, once xprivcmd_verdicts_index() has run: a lookup is then
 * one load.  Before that (hcall, most unit tests) tables[] is searched.
 */
static const struct xprivcmd_class_table *by_op[XPRIVCMD_NR_HYPERCALLS] __read_mostly;
static bool by_op_ready __read_mostly;

/**
 * xprivcmd_verdicts_index() - index the tables by op
 *
 * For the module's load, before any call is decided.  The first table of
 * an op wins, as in a search.
 */
void xprivcmd_verdicts_index(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(tables); i++)
		if (tables[i]->op >= ARRAY_SIZE(by_op))
			return;	/* the index cannot hold it: keep searching */
	for (i = ARRAY_SIZE(tables); i-- > 0; )
		by_op[tables[i]->op] = tables[i];
	by_op_ready = true;
}

/**
 * xprivcmd_class_table() - the rows of a hypercall
 * @op: hypercall number
 *
 * Return: its table, or NULL when it has none (every call of it is then
 * unmodelled).
 */
const struct xprivcmd_class_table *xprivcmd_class_table(u64 op)
{
	unsigned int i;

	if (by_op_ready)
		return op < ARRAY_SIZE(by_op) ? by_op[op] : NULL;
	for (i = 0; i < ARRAY_SIZE(tables); i++)
		if (tables[i]->op == op)
			return tables[i];
	return NULL;
}

/**
 * xprivcmd_row_holds_for() - does a row hold for an interface version?
 * @row: the row
 * @iv: the interface version a call carries
 *
 * Return: true for the row's @iv, and for its @iv2 when it has one.
 */
bool xprivcmd_row_holds_for(const struct xprivcmd_class *row, u32 iv)
{
	return row->iv == iv || (row->iv2 && row->iv2 == iv);
}

static bool row_matches(const struct xprivcmd_class *row, u32 iv, u64 cmd,
			const void *buf, u64 len)
{
	if (!xprivcmd_row_holds_for(row, iv) || row->cmd != cmd)
		return false;
	if (!row->has_sub)
		return true;
	/* A sub-sub-command outside the copy cannot be told: no match. */
	if (!buf || (u64)row->sub_off + 4 > len)
		return false;
	return (xprivcmd_get_u32(buf, row->sub_off) & row->sub_mask) == row->sub;
}

/**
 * xprivcmd_classify() - the verdict on one call
 * @op: hypercall number (an alias already replaced by the op it stands for)
 * @iv: the interface version its structure carries, 0 for the stable ABI
 * @cmd: its sub-command, 0 for an op that is not multiplexed
 * @buf: the kernel copy of its structure, for rows limited to a
 *	sub-sub-command; may be NULL
 * @len: bytes in @buf
 *
 * Return: the first row that matches, or NULL: unmodelled.
 */
const struct xprivcmd_class *xprivcmd_classify(u64 op, u32 iv, u64 cmd,
					       const void *buf, u64 len)
{
	const struct xprivcmd_class_table *t = xprivcmd_class_table(op);
	unsigned int i;

	if (!t)
		return NULL;
	for (i = 0; i < t->nr; i++)
		if (row_matches(&t->rows[i], iv, cmd, buf, len))
			return &t->rows[i];
	return NULL;
}
