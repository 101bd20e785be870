// SPDX-License-Identifier: GPL-2.0-only
/*
 * Verdicts (see verdicts.h) on the hypercalls of Xen's stable guest ABI that
 * a PV kernel and its device models use: memory, grant tables, event
 * channels, scheduling, vCPUs, page tables, versions and the console.
 */
#include "verdicts.h"

static const struct xprivcmd_class set_trap_table_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_set_trap_table_classes = {
	.op = 0,
	.rows = set_trap_table_rows,
	.nr = ARRAY_SIZE(set_trap_table_rows),
};

static const struct xprivcmd_class mmu_update_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_mmu_update_classes = {
	.op = 1,
	.rows = mmu_update_rows,
	.nr = ARRAY_SIZE(mmu_update_rows),
};

static const struct xprivcmd_class set_gdt_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_set_gdt_classes = {
	.op = 2,
	.rows = set_gdt_rows,
	.nr = ARRAY_SIZE(set_gdt_rows),
};

static const struct xprivcmd_class stack_switch_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_stack_switch_classes = {
	.op = 3,
	.rows = stack_switch_rows,
	.nr = ARRAY_SIZE(stack_switch_rows),
};

static const struct xprivcmd_class set_callbacks_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_set_callbacks_classes = {
	.op = 4,
	.rows = set_callbacks_rows,
	.nr = ARRAY_SIZE(set_callbacks_rows),
};

static const struct xprivcmd_class fpu_taskswitch_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_fpu_taskswitch_classes = {
	.op = 5,
	.rows = fpu_taskswitch_rows,
	.nr = ARRAY_SIZE(fpu_taskswitch_rows),
};

static const struct xprivcmd_class set_debugreg_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_set_debugreg_classes = {
	.op = 8,
	.rows = set_debugreg_rows,
	.nr = ARRAY_SIZE(set_debugreg_rows),
};

static const struct xprivcmd_class get_debugreg_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_get_debugreg_classes = {
	.op = 9,
	.rows = get_debugreg_rows,
	.nr = ARRAY_SIZE(get_debugreg_rows),
};

static const struct xprivcmd_class update_descriptor_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_update_descriptor_classes = {
	.op = 10,
	.rows = update_descriptor_rows,
	.nr = ARRAY_SIZE(update_descriptor_rows),
};

static const struct xprivcmd_class memory_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_memory_op_classes = {
	.op = 12,
	.rows = memory_op_rows,
	.nr = ARRAY_SIZE(memory_op_rows),
};

static const struct xprivcmd_class multicall_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_multicall_classes = {
	.op = 13,
	.rows = multicall_rows,
	.nr = ARRAY_SIZE(multicall_rows),
};

static const struct xprivcmd_class update_va_mapping_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_update_va_mapping_classes = {
	.op = 14,
	.rows = update_va_mapping_rows,
	.nr = ARRAY_SIZE(update_va_mapping_rows),
};

static const struct xprivcmd_class set_timer_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_set_timer_op_classes = {
	.op = 15,
	.rows = set_timer_op_rows,
	.nr = ARRAY_SIZE(set_timer_op_rows),
};

static const struct xprivcmd_class xen_version_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_xen_version_classes = {
	.op = 17,
	.rows = xen_version_rows,
	.nr = ARRAY_SIZE(xen_version_rows),
};

static const struct xprivcmd_class console_io_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_console_io_classes = {
	.op = 18,
	.rows = console_io_rows,
	.nr = ARRAY_SIZE(console_io_rows),
};

static const struct xprivcmd_class grant_table_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_grant_table_op_classes = {
	.op = 20,
	.rows = grant_table_op_rows,
	.nr = ARRAY_SIZE(grant_table_op_rows),
};

static const struct xprivcmd_class vm_assist_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_vm_assist_classes = {
	.op = 21,
	.rows = vm_assist_rows,
	.nr = ARRAY_SIZE(vm_assist_rows),
};

static const struct xprivcmd_class update_va_mapping_otherdomain_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_update_va_mapping_otherdomain_classes = {
	.op = 22,
	.rows = update_va_mapping_otherdomain_rows,
	.nr = ARRAY_SIZE(update_va_mapping_otherdomain_rows),
};

static const struct xprivcmd_class iret_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_iret_classes = {
	.op = 23,
	.rows = iret_rows,
	.nr = ARRAY_SIZE(iret_rows),
};

static const struct xprivcmd_class vcpu_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_vcpu_op_classes = {
	.op = 24,
	.rows = vcpu_op_rows,
	.nr = ARRAY_SIZE(vcpu_op_rows),
};

static const struct xprivcmd_class set_segment_base_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_set_segment_base_classes = {
	.op = 25,
	.rows = set_segment_base_rows,
	.nr = ARRAY_SIZE(set_segment_base_rows),
};

static const struct xprivcmd_class mmuext_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_mmuext_op_classes = {
	.op = 26,
	.rows = mmuext_op_rows,
	.nr = ARRAY_SIZE(mmuext_op_rows),
};

static const struct xprivcmd_class nmi_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_nmi_op_classes = {
	.op = 28,
	.rows = nmi_op_rows,
	.nr = ARRAY_SIZE(nmi_op_rows),
};

static const struct xprivcmd_class sched_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_sched_op_classes = {
	.op = 29,
	.rows = sched_op_rows,
	.nr = ARRAY_SIZE(sched_op_rows),
};

static const struct xprivcmd_class callback_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_callback_op_classes = {
	.op = 30,
	.rows = callback_op_rows,
	.nr = ARRAY_SIZE(callback_op_rows),
};

static const struct xprivcmd_class event_channel_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_event_channel_op_classes = {
	.op = 32,
	.rows = event_channel_op_rows,
	.nr = ARRAY_SIZE(event_channel_op_rows),
};

static const struct xprivcmd_class dm_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_dm_op_classes = {
	.op = 41,
	.rows = dm_op_rows,
	.nr = ARRAY_SIZE(dm_op_rows),
};
