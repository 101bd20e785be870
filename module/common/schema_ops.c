// SPDX-License-Identifier: GPL-2.0-only
/*
 * The argument schema of every hypercall in Xen's public interface.
 *
 * Source of the facts: xen/include/public/xen.h (hypercall numbers, sub-command
 * numbers, structure layouts) and xen/include/hypercall-defs.c (prototypes:
 * every pointer there is a guest handle, i.e. a guest virtual address).  Sizes
 * are those of the 64-bit hypervisor ABI that a 64-bit guest kernel speaks,
 * whatever the bitness of the calling process; testing/unit/ checks them
 * against Xen's own headers.
 */
#include "schema_internal.h"
#include "xen_domctl.h"
#include "xen_guest.h"
#include "xen_misc.h"
#include "xen_platform.h"
#include "xen_sysctl.h"

#define NO_ARG XPRIVCMD_NO_ARG

/* A pointer whose object has a fixed size. */
#define PTR(_arg, _access, _size, _req) \
	{ .arg = (_arg), .count_arg = NO_ARG, .access = (_access), \
	  .size = (_size), .required = (_req) }
/* A pointer to an array whose length is another argument. */
#define ARRAY(_arg, _count_arg, _access, _elem) \
	{ .arg = (_arg), .count_arg = (_count_arg), .access = (_access), \
	  .size = (_elem), .required = true }
/*
 * A pointer whose size depends on something we do not model: only "a
 * non-NULL address is in user space" can be enforced (access 0: neither
 * read nor write is assumed).
 */
#define OPAQUE(_arg) PTR(_arg, 0, 1, false)

/*
 * A struct xen_varbuf (public/version.h): its u32 header, read and
 * written, then as many bytes as the header says.  NULL asks for the size.
 */
#define VARBUF(_arg) \
	{ .arg = (_arg), .count_arg = NO_ARG, .access = XPRIVCMD_INOUT, \
	  .size = SZ_VARBUF_HEAD, .required = false, .varbuf = true }

#define SUBOP(_cmd, _ptr) { .cmd = (_cmd), .ptr = _ptr }
/* The sub-command does not use the pointer argument at all. */
#define NOPTR { .size = 0 }

/* xen_version sub-commands (public/version.h) and their buffers. */
static const struct xprivcmd_subop xen_version_subops[] = {
	SUBOP(XENVER_version, NOPTR),
	SUBOP(XENVER_extraversion, PTR(1, XPRIVCMD_OUT, 16, true)),
	SUBOP(XENVER_compile_info, PTR(1, XPRIVCMD_OUT, 144, true)),
	SUBOP(XENVER_capabilities, PTR(1, XPRIVCMD_OUT, 1024, true)),
	SUBOP(XENVER_changeset, PTR(1, XPRIVCMD_OUT, 64, true)),
	SUBOP(XENVER_platform_parameters, PTR(1, XPRIVCMD_OUT, 8, true)),
	SUBOP(XENVER_get_features, PTR(1, XPRIVCMD_INOUT, 8, true)),
	SUBOP(XENVER_pagesize, NOPTR),
	SUBOP(XENVER_guest_handle, PTR(1, XPRIVCMD_OUT, 16, true)),
	SUBOP(XENVER_commandline, PTR(1, XPRIVCMD_OUT, 1024, true)),
	/*
	 * XENVER_build_id: struct xen_build_id is a struct xen_varbuf, a
	 * length header, then as many bytes as it says, which Xen writes only
	 * when they fit (4.17: common/kernel.c do_xen_version; 4.20:
	 * xenver_varbuf_op, shared with the *2 ops below); NULL asks for the
	 * size.
	 */
	SUBOP(XENVER_build_id, VARBUF(1)),
	/*
	 * Xen 4.19's struct xen_varbuf ops (4.20: common/kernel.c
	 * xenver_varbuf_op): a NULL handle returns the size; else Xen reads
	 * len and writes the string after it, when it fits in len bytes.
	 * Issued with a kernel copy of the whole buffer, so that the len Xen
	 * reads is the one checked.  Xen 4.17 returns -ENOSYS for them.
	 */
	SUBOP(XENVER_extraversion2, VARBUF(1)),
	SUBOP(XENVER_capabilities2, VARBUF(1)),
	SUBOP(XENVER_changeset2, VARBUF(1)),
	SUBOP(XENVER_commandline2, VARBUF(1)),
};

/* console_io sub-commands: the buffer is arg2, its length arg1. */
static const struct xprivcmd_subop console_io_subops[] = {
	SUBOP(CONSOLEIO_write, ARRAY(2, 1, XPRIVCMD_IN, 1)),
	SUBOP(CONSOLEIO_read, ARRAY(2, 1, XPRIVCMD_OUT, 1)),
};

/*
 * memory_op sub-commands (public/memory.h): the structure arg1 points to.
 * Those that carry guest handles are issued with a kernel copy of it (see
 * nested[] below).
 */
static const struct xprivcmd_subop memory_op_subops[] = {
	SUBOP(XENMEM_increase_reservation, PTR(1, XPRIVCMD_IN, SZ_MEM_RESERVATION, true)),
	SUBOP(XENMEM_decrease_reservation, PTR(1, XPRIVCMD_IN, SZ_MEM_RESERVATION, true)),
	SUBOP(XENMEM_maximum_ram_page, NOPTR),
	SUBOP(XENMEM_current_reservation, PTR(1, XPRIVCMD_IN, 2, true)),
	SUBOP(XENMEM_maximum_reservation, PTR(1, XPRIVCMD_IN, 2, true)),
	SUBOP(XENMEM_machphys_mfn_list, PTR(1, XPRIVCMD_INOUT, SZ_MFN_LIST, true)),
	SUBOP(XENMEM_populate_physmap, PTR(1, XPRIVCMD_IN, SZ_MEM_RESERVATION, true)),
	SUBOP(XENMEM_add_to_physmap, PTR(1, XPRIVCMD_INOUT, 24, true)),
	SUBOP(XENMEM_memory_map, PTR(1, XPRIVCMD_INOUT, SZ_MEMORY_MAP, true)),
	SUBOP(XENMEM_machine_memory_map, PTR(1, XPRIVCMD_INOUT, SZ_MEMORY_MAP, true)),
	SUBOP(XENMEM_exchange, PTR(1, XPRIVCMD_INOUT, SZ_MEM_EXCHANGE, true)),
	SUBOP(XENMEM_machphys_mapping, PTR(1, XPRIVCMD_OUT, 24, true)),
	SUBOP(XENMEM_set_memory_map, PTR(1, XPRIVCMD_IN, SZ_FOREIGN_MEMORY_MAP, true)),
	SUBOP(XENMEM_maximum_gpfn, PTR(1, XPRIVCMD_IN, 2, true)),
	SUBOP(XENMEM_remove_from_physmap, PTR(1, XPRIVCMD_IN, 16, true)),
	SUBOP(XENMEM_set_pod_target, PTR(1, XPRIVCMD_INOUT, 40, true)),
	SUBOP(XENMEM_get_pod_target, PTR(1, XPRIVCMD_INOUT, 40, true)),
	SUBOP(XENMEM_add_to_physmap_batch, PTR(1, XPRIVCMD_INOUT, SZ_PHYSMAP_BATCH, true)),
	SUBOP(XENMEM_claim_pages, PTR(1, XPRIVCMD_IN, SZ_MEM_RESERVATION, true)),
	SUBOP(XENMEM_paging_op, PTR(1, XPRIVCMD_INOUT, SZ_MEM_PAGING_OP, true)),
	SUBOP(XENMEM_access_op, PTR(1, XPRIVCMD_INOUT, SZ_MEM_ACCESS_OP, true)),
	SUBOP(XENMEM_sharing_op, PTR(1, XPRIVCMD_INOUT, SZ_MEM_SHARING_OP, true)),
	SUBOP(XENMEM_machphys_compat_mfn_list, PTR(1, XPRIVCMD_INOUT, SZ_MFN_LIST, true)),
	SUBOP(XENMEM_get_vnumainfo, PTR(1, XPRIVCMD_INOUT, SZ_VNUMA_TOPOLOGY, true)),
	SUBOP(XENMEM_reserved_device_memory_map, PTR(1, XPRIVCMD_INOUT, SZ_RDM_MAP, true)),
	SUBOP(XENMEM_acquire_resource, PTR(1, XPRIVCMD_INOUT, SZ_ACQUIRE_RESOURCE, true)),
};

/*
 * grant_table_op sub-commands (public/grant_table.h): arg1 points to arg2
 * structures.  setup_table, query_size and get_status_frames process
 * exactly one (Xen refuses any other count with EINVAL before reading),
 * set_version, get_version and dump_table read one whatever the count.
 */
static const struct xprivcmd_subop grant_table_op_subops[] = {
	SUBOP(GNTTABOP_map_grant_ref, ARRAY(1, 2, XPRIVCMD_INOUT, 32)),
	SUBOP(GNTTABOP_unmap_grant_ref, ARRAY(1, 2, XPRIVCMD_INOUT, 24)),
	SUBOP(GNTTABOP_setup_table, PTR(1, XPRIVCMD_INOUT, SZ_GNT_SETUP_TABLE, true)),
	SUBOP(GNTTABOP_dump_table, PTR(1, XPRIVCMD_INOUT, 4, true)),
	SUBOP(GNTTABOP_transfer, ARRAY(1, 2, XPRIVCMD_INOUT, 24)),
	SUBOP(GNTTABOP_copy, ARRAY(1, 2, XPRIVCMD_INOUT, 40)),
	SUBOP(GNTTABOP_query_size, PTR(1, XPRIVCMD_INOUT, 16, true)),
	SUBOP(GNTTABOP_unmap_and_replace, ARRAY(1, 2, XPRIVCMD_INOUT, 24)),
	SUBOP(GNTTABOP_set_version, PTR(1, XPRIVCMD_INOUT, 4, true)),
	SUBOP(GNTTABOP_get_status_frames, PTR(1, XPRIVCMD_INOUT, SZ_GNT_STATUS_FRAMES, true)),
	SUBOP(GNTTABOP_get_version, PTR(1, XPRIVCMD_INOUT, 8, true)),
	SUBOP(GNTTABOP_swap_grant_ref, ARRAY(1, 2, XPRIVCMD_INOUT, 12)),
	SUBOP(GNTTABOP_cache_flush, ARRAY(1, 2, XPRIVCMD_INOUT, 16)),
};

/*
 * event_channel_op sub-commands (public/event_channel.h).  None of their
 * structures holds a guest virtual address (init_control and expand_array
 * name frames by number), so only their sizes are checked.
 */
static const struct xprivcmd_subop event_channel_op_subops[] = {
	SUBOP(EVTCHNOP_bind_interdomain, PTR(1, XPRIVCMD_INOUT, 12, true)),
	SUBOP(EVTCHNOP_bind_virq, PTR(1, XPRIVCMD_INOUT, 12, true)),
	SUBOP(EVTCHNOP_bind_pirq, PTR(1, XPRIVCMD_INOUT, 12, true)),
	SUBOP(EVTCHNOP_close, PTR(1, XPRIVCMD_IN, 4, true)),
	SUBOP(EVTCHNOP_send, PTR(1, XPRIVCMD_IN, 4, true)),
	SUBOP(EVTCHNOP_status, PTR(1, XPRIVCMD_INOUT, 24, true)),
	SUBOP(EVTCHNOP_alloc_unbound, PTR(1, XPRIVCMD_INOUT, 8, true)),
	SUBOP(EVTCHNOP_bind_ipi, PTR(1, XPRIVCMD_INOUT, 8, true)),
	SUBOP(EVTCHNOP_bind_vcpu, PTR(1, XPRIVCMD_IN, 8, true)),
	SUBOP(EVTCHNOP_unmask, PTR(1, XPRIVCMD_IN, 4, true)),
	SUBOP(EVTCHNOP_reset, PTR(1, XPRIVCMD_IN, 2, true)),
	SUBOP(EVTCHNOP_init_control, PTR(1, XPRIVCMD_INOUT, 24, true)),
	SUBOP(EVTCHNOP_expand_array, PTR(1, XPRIVCMD_IN, 8, true)),
	SUBOP(EVTCHNOP_set_priority, PTR(1, XPRIVCMD_IN, 8, true)),
	SUBOP(EVTCHNOP_reset_cont, PTR(1, XPRIVCMD_IN, 2, true)),
};

/* sched_op sub-commands (public/sched.h): the structure arg1 points to. */
static const struct xprivcmd_subop sched_op_subops[] = {
	SUBOP(SCHEDOP_yield, NOPTR),
	SUBOP(SCHEDOP_block, NOPTR),
	SUBOP(SCHEDOP_shutdown, PTR(1, XPRIVCMD_IN, 4, true)),
	SUBOP(SCHEDOP_poll, PTR(1, XPRIVCMD_IN, 24, true)),
	SUBOP(SCHEDOP_remote_shutdown, PTR(1, XPRIVCMD_IN, 8, true)),
	SUBOP(SCHEDOP_shutdown_code, PTR(1, XPRIVCMD_IN, 4, true)),
	SUBOP(SCHEDOP_watchdog, PTR(1, XPRIVCMD_INOUT, 8, true)),
	SUBOP(SCHEDOP_pin_override, PTR(1, XPRIVCMD_IN, 4, true)),
};

/* vcpu_op (cmd, vcpuid, arg): the queries' structures at arg2. */
static const struct xprivcmd_subop vcpu_op_subops[] = {
	SUBOP(VCPUOP_is_up, NOPTR),
	SUBOP(VCPUOP_get_runstate_info, PTR(2, XPRIVCMD_OUT, 48, true)),
	SUBOP(VCPUOP_get_physid, PTR(2, XPRIVCMD_OUT, 8, true)),
};

/*
 * physdev_op sub-commands (public/physdev.h): the structure arg1 points to,
 * which xen/arch/x86/physdev.c and xen/drivers/pci/physdev.c copy whole;
 * IN when Xen only reads it.
 */
static const struct xprivcmd_subop physdev_op_subops[] = {
	SUBOP(PHYSDEVOP_IRQ_UNMASK_NOTIFY, NOPTR),
	SUBOP(PHYSDEVOP_irq_status_query, PTR(1, XPRIVCMD_INOUT, 8, true)),
	SUBOP(PHYSDEVOP_set_iopl, PTR(1, XPRIVCMD_IN, 4, true)),
	SUBOP(PHYSDEVOP_set_iobitmap, PTR(1, XPRIVCMD_IN, 16, true)),
	SUBOP(PHYSDEVOP_apic_read, PTR(1, XPRIVCMD_INOUT, 16, true)),
	SUBOP(PHYSDEVOP_apic_write, PTR(1, XPRIVCMD_IN, 16, true)),
	SUBOP(PHYSDEVOP_alloc_irq_vector, PTR(1, XPRIVCMD_INOUT, 8, true)),
	SUBOP(PHYSDEVOP_free_irq_vector, NOPTR),	/* Xen answers -ENOSYS */
	SUBOP(PHYSDEVOP_eoi, PTR(1, XPRIVCMD_IN, 4, true)),
	SUBOP(PHYSDEVOP_map_pirq, PTR(1, XPRIVCMD_INOUT, 40, true)),
	SUBOP(PHYSDEVOP_unmap_pirq, PTR(1, XPRIVCMD_IN, 8, true)),
	SUBOP(PHYSDEVOP_manage_pci_add, PTR(1, XPRIVCMD_IN, 2, true)),
	SUBOP(PHYSDEVOP_manage_pci_remove, PTR(1, XPRIVCMD_IN, 2, true)),
	SUBOP(PHYSDEVOP_pirq_eoi_gmfn_v1, PTR(1, XPRIVCMD_IN, 8, true)),
	SUBOP(PHYSDEVOP_restore_msi, PTR(1, XPRIVCMD_IN, 2, true)),
	SUBOP(PHYSDEVOP_manage_pci_add_ext, PTR(1, XPRIVCMD_IN, 16, true)),
	SUBOP(PHYSDEVOP_setup_gsi, PTR(1, XPRIVCMD_IN, 8, true)),
	SUBOP(PHYSDEVOP_get_free_pirq, PTR(1, XPRIVCMD_INOUT, 8, true)),
	SUBOP(PHYSDEVOP_pci_mmcfg_reserved, PTR(1, XPRIVCMD_IN, 16, true)),
	/* pci_device_add: 12 bytes, then optarr[0] when flags has PXM */
	SUBOP(PHYSDEVOP_pci_device_add, PTR(1, XPRIVCMD_IN, 16, true)),
	SUBOP(PHYSDEVOP_pci_device_remove, PTR(1, XPRIVCMD_IN, 4, true)),
	SUBOP(PHYSDEVOP_restore_msi_ext, PTR(1, XPRIVCMD_IN, 4, true)),
	SUBOP(PHYSDEVOP_pirq_eoi_gmfn_v2, PTR(1, XPRIVCMD_IN, 8, true)),
	SUBOP(PHYSDEVOP_dbgp_op, PTR(1, XPRIVCMD_IN, 6, true)),
	SUBOP(PHYSDEVOP_prepare_msix, PTR(1, XPRIVCMD_IN, 4, true)),
	SUBOP(PHYSDEVOP_release_msix, PTR(1, XPRIVCMD_IN, 4, true)),
};

/*
 * hvm_op sub-commands (public/hvm/hvm_op.h), xen/arch/x86/hvm/hvm.c:
 * flush_tlbs and guest_request_vm_event want a NULL argument.
 */
#ifndef CONFIG_X86
/*
 * Xen names this one for x86 only; the row is the same everywhere (Arm's
 * Xen answers ENOSYS before reading the argument).
 */
#define HVMOP_set_evtchn_upcall_vector	23
#endif
static const struct xprivcmd_subop hvm_op_subops[] = {
	SUBOP(HVMOP_set_param, PTR(1, XPRIVCMD_IN, 16, true)),
	SUBOP(HVMOP_get_param, PTR(1, XPRIVCMD_INOUT, 16, true)),
	SUBOP(HVMOP_flush_tlbs, NOPTR),
	SUBOP(HVMOP_pagetable_dying, PTR(1, XPRIVCMD_IN, 16, true)),
	SUBOP(HVMOP_get_time, PTR(1, XPRIVCMD_OUT, 8, true)),
	SUBOP(HVMOP_xentrace, PTR(1, XPRIVCMD_IN, 32, true)),
	SUBOP(HVMOP_get_mem_type, PTR(1, XPRIVCMD_INOUT, 16, true)),
	SUBOP(HVMOP_set_evtchn_upcall_vector, PTR(1, XPRIVCMD_IN, 8, true)),
	SUBOP(HVMOP_guest_request_vm_event, NOPTR),
	SUBOP(HVMOP_altp2m, PTR(1, XPRIVCMD_INOUT, 80, true)),
};

/*
 * xenpmu_op sub-commands (public/pmu.h): struct xen_pmu_params, read by
 * xen/arch/x86/cpu/vpmu.c:do_xenpmu_op() for the setters, init and finish,
 * written by the getters; lvtpc_set and flush ignore the argument.
 */
static const struct xprivcmd_subop xenpmu_op_subops[] = {
	SUBOP(XENPMU_mode_get, PTR(1, XPRIVCMD_OUT, 24, true)),
	SUBOP(XENPMU_mode_set, PTR(1, XPRIVCMD_IN, 24, true)),
	SUBOP(XENPMU_feature_get, PTR(1, XPRIVCMD_OUT, 24, true)),	/* Xen writes val only */
	SUBOP(XENPMU_feature_set, PTR(1, XPRIVCMD_IN, 24, true)),
	SUBOP(XENPMU_init, PTR(1, XPRIVCMD_IN, 24, true)),
	SUBOP(XENPMU_finish, PTR(1, XPRIVCMD_IN, 24, true)),
	SUBOP(XENPMU_lvtpc_set, NOPTR),
	SUBOP(XENPMU_flush, NOPTR),
};

#define OP(_name, ...) { .name = _name, __VA_ARGS__ }
#define PTRS1(_p) .nr_ptrs = 1, .ptrs = { _p }
#define PTRS2(_p, _q) .nr_ptrs = 2, .ptrs = { _p, _q }
/* Multiplexed on an int or unsigned int argument. */
#define MUX(_arg) MUXM(_arg, 0xffffffffULL)
#define MUXM(_arg, _mask) .muxed = true, .cmd_arg = (_arg), .cmd_mask = (_mask)
#define STRUCT_CMD .struct_cmd = true

/*
 * Indexed by Xen's hypercall numbers; each name is Xen's without the
 * __HYPERVISOR_ prefix (policies and hcall use it).
 */
const struct xprivcmd_op xprivcmd_ops[XPRIVCMD_NR_HYPERCALLS] = {
	[__HYPERVISOR_set_trap_table] = OP("set_trap_table",
		PTRS1(PTR(0, XPRIVCMD_IN, SZ_TRAP_INFO, false))),
	[__HYPERVISOR_mmu_update] = OP("mmu_update",
		PTRS2(ARRAY(0, 1, XPRIVCMD_IN, SZ_MMU_UPDATE),
		      PTR(2, XPRIVCMD_OUT, 4, false))),
	[__HYPERVISOR_set_gdt] = OP("set_gdt",
		PTRS1(PTR(0, XPRIVCMD_IN, SZ_XEN_ULONG, true))),
	[__HYPERVISOR_stack_switch] = OP("stack_switch"),
	[__HYPERVISOR_set_callbacks] = OP("set_callbacks"),
	[__HYPERVISOR_fpu_taskswitch] = OP("fpu_taskswitch"),
	[__HYPERVISOR_sched_op_compat] = OP("sched_op_compat", MUX(0)),
	[__HYPERVISOR_platform_op] = OP("platform_op", STRUCT_CMD,
		PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_PLATFORM_OP, true))),
	[__HYPERVISOR_set_debugreg] = OP("set_debugreg"),
	[__HYPERVISOR_get_debugreg] = OP("get_debugreg"),
	[__HYPERVISOR_update_descriptor] = OP("update_descriptor"),
	[__HYPERVISOR_memory_op] = OP("memory_op",
		MUXM(0, MEMOP_CMD_MASK), PTRS1(OPAQUE(1)),
		.subops = memory_op_subops,
		.nr_subops = ARRAY_SIZE(memory_op_subops)),
	[__HYPERVISOR_multicall] = OP("multicall",
		PTRS1(ARRAY(0, 1, XPRIVCMD_INOUT, SZ_MULTICALL_ENTRY))),
	[__HYPERVISOR_update_va_mapping] = OP("update_va_mapping"),
	[__HYPERVISOR_set_timer_op] = OP("set_timer_op"),
	[__HYPERVISOR_event_channel_op_compat] = OP("event_channel_op_compat",
		PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_EVTCHN_OP, true))),
	[__HYPERVISOR_xen_version] = OP("xen_version",
		MUX(0), PTRS1(OPAQUE(1)),
		.subops = xen_version_subops,
		.nr_subops = ARRAY_SIZE(xen_version_subops)),
	[__HYPERVISOR_console_io] = OP("console_io",
		MUX(0), PTRS1(OPAQUE(2)),
		.subops = console_io_subops,
		.nr_subops = ARRAY_SIZE(console_io_subops)),
	[__HYPERVISOR_physdev_op_compat] = OP("physdev_op_compat",
		PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_PHYSDEV_OP, true))),
	[__HYPERVISOR_grant_table_op] = OP("grant_table_op",
		MUXM(0, GNTTABOP_CMD_MASK), PTRS1(OPAQUE(1)),
		.subops = grant_table_op_subops,
		.nr_subops = ARRAY_SIZE(grant_table_op_subops)),
	[__HYPERVISOR_vm_assist] = OP("vm_assist", MUX(0)),
	[__HYPERVISOR_update_va_mapping_otherdomain] =
		OP("update_va_mapping_otherdomain"),
	[__HYPERVISOR_iret] = OP("iret"),
	[__HYPERVISOR_vcpu_op] = OP("vcpu_op",
		MUX(0), PTRS1(OPAQUE(2)),
		.subops = vcpu_op_subops,
		.nr_subops = ARRAY_SIZE(vcpu_op_subops)),
	[__HYPERVISOR_set_segment_base] = OP("set_segment_base", MUX(0)),
	[__HYPERVISOR_mmuext_op] = OP("mmuext_op",
		PTRS2(ARRAY(0, 1, XPRIVCMD_INOUT, SZ_MMUEXT_OP),
		      PTR(2, XPRIVCMD_OUT, 4, false))),
	/* struct xen_flask_op: cmd, interface_version, a union */
	[__HYPERVISOR_xsm_op] = OP("xsm_op", STRUCT_CMD,
		PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_FLASK_OP, true))),
	[__HYPERVISOR_nmi_op] = OP("nmi_op", MUX(0), PTRS1(OPAQUE(1))),
	[__HYPERVISOR_sched_op] = OP("sched_op",
		MUX(0), PTRS1(OPAQUE(1)),
		.subops = sched_op_subops,
		.nr_subops = ARRAY_SIZE(sched_op_subops)),
	[__HYPERVISOR_callback_op] = OP("callback_op", MUX(0), PTRS1(OPAQUE(1))),
	[__HYPERVISOR_xenoprof_op] = OP("xenoprof_op", MUX(0), PTRS1(OPAQUE(1))),
	[__HYPERVISOR_event_channel_op] = OP("event_channel_op",
		MUX(0), PTRS1(OPAQUE(1)),
		.subops = event_channel_op_subops,
		.nr_subops = ARRAY_SIZE(event_channel_op_subops)),
	[__HYPERVISOR_physdev_op] = OP("physdev_op",
		MUX(0), PTRS1(OPAQUE(1)),
		.subops = physdev_op_subops,
		.nr_subops = ARRAY_SIZE(physdev_op_subops)),
	[__HYPERVISOR_hvm_op] = OP("hvm_op",
		MUXM(0, HVMOP_OP_MASK), PTRS1(OPAQUE(1)),
		.subops = hvm_op_subops,
		.nr_subops = ARRAY_SIZE(hvm_op_subops)),
	[__HYPERVISOR_sysctl] = OP("sysctl", STRUCT_CMD,
		PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_SYSCTL, true))),
	[__HYPERVISOR_domctl] = OP("domctl", STRUCT_CMD,
		PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_DOMCTL, true))),
	[__HYPERVISOR_kexec_op] = OP("kexec_op", MUXM(0, ~0ULL), PTRS1(OPAQUE(1))),
	[__HYPERVISOR_tmem_op] = OP("tmem_op", PTRS1(OPAQUE(0))),
	[__HYPERVISOR_argo_op] = OP("argo_op",
		MUX(0), PTRS2(OPAQUE(1), OPAQUE(2))),
	[__HYPERVISOR_xenpmu_op] = OP("xenpmu_op",
		MUX(0), PTRS1(OPAQUE(1)),
		.subops = xenpmu_op_subops,
		.nr_subops = ARRAY_SIZE(xenpmu_op_subops)),
	[__HYPERVISOR_dm_op] = OP("dm_op",
		PTRS1(ARRAY(2, 1, XPRIVCMD_IN, SZ_DM_OP_BUF))),
	[__HYPERVISOR_hypfs_op] = OP("hypfs_op", MUX(0),
		PTRS2(ARRAY(1, 2, XPRIVCMD_IN, 1), ARRAY(3, 4, XPRIVCMD_INOUT, 1))),
#ifdef CONFIG_X86
	[__HYPERVISOR_mca] = OP("mca", STRUCT_CMD,
		PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_XEN_MC, true))),
	/* Xen's own name, paging_domctl_cont, is not in its public headers. */
	[__HYPERVISOR_arch_1] = OP("paging_domctl_cont", STRUCT_CMD,
		PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_DOMCTL, true))),
#endif
};

/*
 * Interface versions whose structure layouts the table below describes:
 * Xen 4.17's, and Xen 4.20's domctl (its sysctl, platform_op, xsm_op and
 * mca versions are 4.17's).  Xen refuses any other version with EACCES, so an unknown one
 * is either a newer Xen or a bug; strict policies refuse to guess.
 */
static const struct {
	u8 op;
	u32 iv;
} known_ivs[] = {
	{ __HYPERVISOR_platform_op, XENPF_INTERFACE_VERSION },
	{ __HYPERVISOR_xsm_op, XEN_FLASK_INTERFACE_VERSION },
	{ __HYPERVISOR_sysctl, XEN_SYSCTL_INTERFACE_VERSION },
	{ __HYPERVISOR_domctl, XPRIVCMD_DOMCTL_IV_417 },
	{ __HYPERVISOR_domctl, XPRIVCMD_DOMCTL_IV_420 },
#ifdef CONFIG_X86
	{ __HYPERVISOR_mca, XEN_MCA_INTERFACE_VERSION },
#endif
	/* paging_domctl_cont takes a domctl */
	{ __HYPERVISOR_arch_1, XPRIVCMD_DOMCTL_IV_417 },
	{ __HYPERVISOR_arch_1, XPRIVCMD_DOMCTL_IV_420 },
};

static u64 cmd_of(const struct xprivcmd_op *s, const u64 *args)
{
	return args[s->cmd_arg] & s->cmd_mask;
}

/**
 * xprivcmd_schema_subop() - the sub-command of a call, when it is in an argument
 * @op: hypercall number
 * @args: its arguments
 *
 * Return: the sub-command; 0 for hypercalls that are not multiplexed (and
 * for ones the schema does not know); %XPRIVCMD_SUBOP_ANY for struct_cmd
 * hypercalls, whose sub-command is in memory (see xprivcmd_schema_struct()).
 */
u64 xprivcmd_schema_subop(u64 op, const u64 *args)
{
	const struct xprivcmd_op *s = xprivcmd_schema_op(op);

	if (!s)
		return 0;
	if (s->struct_cmd)
		return XPRIVCMD_SUBOP_ANY;
	return s->muxed ? cmd_of(s, args) : 0;
}

const char *xprivcmd_op_name(u64 op)
{
	const struct xprivcmd_op *s = xprivcmd_schema_op(op);

	return s ? s->name : "unknown";
}

/* The sub-command's own pointer, when the schema lists @cmd; else NULL. */
static const struct xprivcmd_ptr *subop_ptr(const struct xprivcmd_op *s, u64 cmd)
{
	unsigned int i;

	for (i = 0; i < s->nr_subops; i++)
		if (s->subops[i].cmd == cmd)
			return &s->subops[i].ptr;
	return NULL;
}

/**
 * xprivcmd_schema_ptr() - what a hypercall's pointer argument points to
 * @s: the hypercall's schema
 * @i: which of its pointers, below @s->nr_ptrs
 * @cmd: its sub-command
 *
 * Return: the sub-command's own description for the first pointer of an op
 * whose sub-commands the schema lists, else the op's.
 */
const struct xprivcmd_ptr *xprivcmd_schema_ptr(const struct xprivcmd_op *s,
					       unsigned int i, u64 cmd)
{
	const struct xprivcmd_ptr *sp;

	if (i == 0 && s->subops) {
		sp = subop_ptr(s, cmd);
		if (sp)
			return sp;
	}
	return &s->ptrs[i];
}

/**
 * xprivcmd_schema_ranges() - the guest memory a hypercall will be given
 * @op: hypercall number
 * @args: its five arguments
 * @ranges: room for %XPRIVCMD_MAX_PTRS entries
 *
 * Sub-commands the schema knows give exact lengths.  For unknown ones, and
 * for ops multiplexed on structures we do not model, a pointer argument gets
 * length 1 and may be NULL: all that can be enforced is that a non-NULL
 * address is a user address.  Zero-length ranges are left out, as the
 * hypervisor does not touch them.
 *
 * Return: the number of ranges filled in.
 */
unsigned int xprivcmd_schema_ranges(u64 op, const u64 *args,
				    struct xprivcmd_range *ranges)
{
	const struct xprivcmd_op *s = xprivcmd_schema_op(op);

	return s ? xprivcmd_schema_op_ranges(s, args, ranges) : 0;
}

/**
 * xprivcmd_schema_op_ranges() - xprivcmd_schema_ranges() for a given schema
 * @s: the hypercall's schema, built in or declared by a user
 * @args: its five arguments
 * @ranges: room for %XPRIVCMD_MAX_PTRS entries
 *
 * Return: the number of ranges filled in.
 */
unsigned int xprivcmd_schema_op_ranges(const struct xprivcmd_op *s,
				       const u64 *args,
				       struct xprivcmd_range *ranges)
{
	const struct xprivcmd_ptr *p;
	unsigned int i, n = 0;

	for (i = 0; i < s->nr_ptrs; i++) {
		p = xprivcmd_schema_ptr(s, i, s->subops ? cmd_of(s, args) : 0);
		if (!p->size)
			continue;
		xprivcmd_fill_range(p, args, &ranges[n]);
		if (ranges[n].len)
			n++;
	}
	return n;
}

/* Whether the structure layouts of @op's interface version @iv are known. */
bool xprivcmd_iv_known(u64 op, u32 iv)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(known_ivs); i++)
		if (known_ivs[i].op == op && known_ivs[i].iv == iv)
			return true;
	return false;
}

/**
 * xprivcmd_schema_varbuf() - is a call's buffer a struct xen_varbuf?
 * @op: hypercall number
 * @args: its arguments
 * @head: set to the buffer's u32 header when it is one
 *
 * The whole buffer is the header and the count of bytes it holds
 * (xprivcmd_varbuf_len()), a count in the caller's memory: the call is to
 * be issued with a kernel copy of it, so that Xen reads the count checked.
 *
 * Return: true when the sub-command's pointer is a varbuf and not NULL (a
 * NULL one is a size query: nothing to copy).
 */
bool xprivcmd_schema_varbuf(u64 op, const u64 *args,
			    struct xprivcmd_range *head)
{
	const struct xprivcmd_op *s = xprivcmd_schema_op(op);
	const struct xprivcmd_ptr *p;

	if (!s || !s->muxed || !s->subops)
		return false;
	p = subop_ptr(s, cmd_of(s, args));
	if (!p || !p->varbuf)
		return false;
	xprivcmd_fill_range(p, args, head);
	return head->addr != 0;
}

/**
 * xprivcmd_varbuf_len() - the length of a struct xen_varbuf
 * @head: its header, from xprivcmd_schema_varbuf()
 * @count: the u32 the header holds
 *
 * Return: header and @count bytes.
 */
u64 xprivcmd_varbuf_len(const struct xprivcmd_range *head, u32 count)
{
	return head->len + count;
}

/**
 * xprivcmd_schema_subop_range() - xprivcmd_schema_struct_range() for an op
 *	whose pointer depends on its sub-command
 * @s: the op's schema (muxed, with @subops)
 * @args: its arguments
 * @whole: set to the memory its sub-command's pointer names
 *
 * Return: as xprivcmd_schema_struct_range().
 */
bool xprivcmd_schema_subop_range(const struct xprivcmd_op *s, const u64 *args,
				 struct xprivcmd_range *whole)
{
	const struct xprivcmd_ptr *p = subop_ptr(s, cmd_of(s, args));

	if (!p || !p->size || !p->access)
		return false;
	xprivcmd_fill_range(p, args, whole);
	return whole->len != 0;
}
