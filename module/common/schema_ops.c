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

#define SUBOP(_cmd, _ptr) { .cmd = (_cmd), .ptr = _ptr }
/* The sub-command does not use the pointer argument at all. */
#define NOPTR { .size = 0 }

/* xen_version sub-commands (public/version.h) and their buffers. */
static const struct xprivcmd_subop xen_version_subops[] = {
	SUBOP(0, NOPTR),					/* XENVER_version */
	SUBOP(1, PTR(1, XPRIVCMD_OUT, 16, true)),		/* XENVER_extraversion */
	SUBOP(2, PTR(1, XPRIVCMD_OUT, 144, true)),		/* XENVER_compile_info */
	SUBOP(3, PTR(1, XPRIVCMD_OUT, 1024, true)),		/* XENVER_capabilities */
	SUBOP(4, PTR(1, XPRIVCMD_OUT, 64, true)),		/* XENVER_changeset */
	SUBOP(5, PTR(1, XPRIVCMD_OUT, 8, true)),		/* XENVER_platform_parameters */
	SUBOP(6, PTR(1, XPRIVCMD_INOUT, 8, true)),		/* XENVER_get_features */
	SUBOP(7, NOPTR),					/* XENVER_pagesize */
	SUBOP(8, PTR(1, XPRIVCMD_OUT, 16, true)),		/* XENVER_guest_handle */
	SUBOP(9, PTR(1, XPRIVCMD_OUT, 1024, true)),		/* XENVER_commandline */
	/*
	 * XENVER_build_id: a length header, then as many bytes as it says
	 * (Xen writes them only when they fit); NULL asks for the size.
	 */
	SUBOP(10, PTR(1, XPRIVCMD_INOUT, 4, false)),
};

/* console_io sub-commands: the buffer is arg2, its length arg1. */
static const struct xprivcmd_subop console_io_subops[] = {
	SUBOP(0, ARRAY(2, 1, XPRIVCMD_IN, 1)),			/* CONSOLEIO_write */
	SUBOP(1, ARRAY(2, 1, XPRIVCMD_OUT, 1)),			/* CONSOLEIO_read */
};

/*
 * memory_op sub-commands (public/memory.h): the structure arg1 points to.
 * Those that carry guest handles are issued with a kernel copy of it (see
 * nested[] below).
 */
static const struct xprivcmd_subop memory_op_subops[] = {
	SUBOP(0, PTR(1, XPRIVCMD_IN, SZ_MEM_RESERVATION, true)),	/* increase_reservation */
	SUBOP(1, PTR(1, XPRIVCMD_IN, SZ_MEM_RESERVATION, true)),	/* decrease_reservation */
	SUBOP(2, NOPTR),					/* maximum_ram_page */
	SUBOP(3, PTR(1, XPRIVCMD_IN, 2, true)),			/* current_reservation */
	SUBOP(4, PTR(1, XPRIVCMD_IN, 2, true)),			/* maximum_reservation */
	SUBOP(5, PTR(1, XPRIVCMD_INOUT, SZ_MFN_LIST, true)),	/* machphys_mfn_list */
	SUBOP(6, PTR(1, XPRIVCMD_IN, SZ_MEM_RESERVATION, true)),	/* populate_physmap */
	SUBOP(7, PTR(1, XPRIVCMD_INOUT, 24, true)),		/* add_to_physmap */
	SUBOP(9, PTR(1, XPRIVCMD_INOUT, SZ_MEMORY_MAP, true)),	/* memory_map */
	SUBOP(10, PTR(1, XPRIVCMD_INOUT, SZ_MEMORY_MAP, true)),	/* machine_memory_map */
	SUBOP(11, PTR(1, XPRIVCMD_INOUT, SZ_MEM_EXCHANGE, true)),	/* exchange */
	SUBOP(12, PTR(1, XPRIVCMD_OUT, 24, true)),		/* machphys_mapping */
	SUBOP(13, PTR(1, XPRIVCMD_IN, SZ_FOREIGN_MEMORY_MAP, true)),	/* set_memory_map */
	SUBOP(14, PTR(1, XPRIVCMD_IN, 2, true)),		/* maximum_gpfn */
	SUBOP(15, PTR(1, XPRIVCMD_IN, 16, true)),		/* remove_from_physmap */
	SUBOP(16, PTR(1, XPRIVCMD_INOUT, 40, true)),		/* set_pod_target */
	SUBOP(17, PTR(1, XPRIVCMD_INOUT, 40, true)),		/* get_pod_target */
	SUBOP(23, PTR(1, XPRIVCMD_INOUT, SZ_PHYSMAP_BATCH, true)),	/* add_to_physmap_batch */
	SUBOP(24, PTR(1, XPRIVCMD_IN, SZ_MEM_RESERVATION, true)),	/* claim_pages */
	SUBOP(20, PTR(1, XPRIVCMD_INOUT, SZ_MEM_PAGING_OP, true)),	/* paging_op */
	SUBOP(21, PTR(1, XPRIVCMD_INOUT, SZ_MEM_ACCESS_OP, true)),	/* access_op */
	SUBOP(22, PTR(1, XPRIVCMD_INOUT, SZ_MEM_SHARING_OP, true)),	/* sharing_op */
	SUBOP(25, PTR(1, XPRIVCMD_INOUT, SZ_MFN_LIST, true)),	/* machphys_compat_mfn_list */
	SUBOP(26, PTR(1, XPRIVCMD_INOUT, SZ_VNUMA_TOPOLOGY, true)),	/* get_vnumainfo */
	SUBOP(27, PTR(1, XPRIVCMD_INOUT, SZ_RDM_MAP, true)),	/* reserved_device_memory_map */
	SUBOP(28, PTR(1, XPRIVCMD_INOUT, SZ_ACQUIRE_RESOURCE, true)),	/* acquire_resource */
};

/*
 * grant_table_op sub-commands (public/grant_table.h): arg1 points to arg2
 * structures.  setup_table, query_size and get_status_frames process
 * exactly one (Xen refuses any other count with EINVAL before reading),
 * set_version, get_version and dump_table read one whatever the count.
 */
static const struct xprivcmd_subop grant_table_op_subops[] = {
	SUBOP(0, ARRAY(1, 2, XPRIVCMD_INOUT, 32)),		/* map_grant_ref */
	SUBOP(1, ARRAY(1, 2, XPRIVCMD_INOUT, 24)),		/* unmap_grant_ref */
	SUBOP(2, PTR(1, XPRIVCMD_INOUT, SZ_GNT_SETUP_TABLE, true)),	/* setup_table */
	SUBOP(3, PTR(1, XPRIVCMD_INOUT, 4, true)),		/* dump_table */
	SUBOP(4, ARRAY(1, 2, XPRIVCMD_INOUT, 24)),		/* transfer */
	SUBOP(5, ARRAY(1, 2, XPRIVCMD_INOUT, 40)),		/* copy */
	SUBOP(6, PTR(1, XPRIVCMD_INOUT, 16, true)),		/* query_size */
	SUBOP(7, ARRAY(1, 2, XPRIVCMD_INOUT, 24)),		/* unmap_and_replace */
	SUBOP(8, PTR(1, XPRIVCMD_INOUT, 4, true)),		/* set_version */
	SUBOP(9, PTR(1, XPRIVCMD_INOUT, SZ_GNT_STATUS_FRAMES, true)),	/* get_status_frames */
	SUBOP(10, PTR(1, XPRIVCMD_INOUT, 8, true)),		/* get_version */
	SUBOP(11, ARRAY(1, 2, XPRIVCMD_INOUT, 12)),		/* swap_grant_ref */
	SUBOP(12, ARRAY(1, 2, XPRIVCMD_INOUT, 16)),		/* cache_flush */
};

/*
 * event_channel_op sub-commands (public/event_channel.h).  None of their
 * structures holds a guest virtual address (init_control and expand_array
 * name frames by number), so only their sizes are checked.
 */
static const struct xprivcmd_subop event_channel_op_subops[] = {
	SUBOP(0, PTR(1, XPRIVCMD_INOUT, 12, true)),		/* bind_interdomain */
	SUBOP(1, PTR(1, XPRIVCMD_INOUT, 12, true)),		/* bind_virq */
	SUBOP(2, PTR(1, XPRIVCMD_INOUT, 12, true)),		/* bind_pirq */
	SUBOP(3, PTR(1, XPRIVCMD_IN, 4, true)),			/* close */
	SUBOP(4, PTR(1, XPRIVCMD_IN, 4, true)),			/* send */
	SUBOP(5, PTR(1, XPRIVCMD_INOUT, 24, true)),		/* status */
	SUBOP(6, PTR(1, XPRIVCMD_INOUT, 8, true)),		/* alloc_unbound */
	SUBOP(7, PTR(1, XPRIVCMD_INOUT, 8, true)),		/* bind_ipi */
	SUBOP(8, PTR(1, XPRIVCMD_IN, 8, true)),			/* bind_vcpu */
	SUBOP(9, PTR(1, XPRIVCMD_IN, 4, true)),			/* unmask */
	SUBOP(10, PTR(1, XPRIVCMD_IN, 2, true)),		/* reset */
	SUBOP(11, PTR(1, XPRIVCMD_INOUT, 24, true)),		/* init_control */
	SUBOP(12, PTR(1, XPRIVCMD_IN, 8, true)),		/* expand_array */
	SUBOP(13, PTR(1, XPRIVCMD_IN, 8, true)),		/* set_priority */
	SUBOP(14, PTR(1, XPRIVCMD_IN, 2, true)),		/* reset_cont */
};

/* sched_op sub-commands (public/sched.h): the structure arg1 points to. */
static const struct xprivcmd_subop sched_op_subops[] = {
	SUBOP(0, NOPTR),					/* SCHEDOP_yield */
	SUBOP(1, NOPTR),					/* SCHEDOP_block */
	SUBOP(2, PTR(1, XPRIVCMD_IN, 4, true)),			/* SCHEDOP_shutdown */
	SUBOP(3, PTR(1, XPRIVCMD_IN, 24, true)),		/* SCHEDOP_poll */
	SUBOP(4, PTR(1, XPRIVCMD_IN, 8, true)),			/* SCHEDOP_remote_shutdown */
	SUBOP(5, PTR(1, XPRIVCMD_IN, 4, true)),			/* SCHEDOP_shutdown_code */
	SUBOP(6, PTR(1, XPRIVCMD_INOUT, 8, true)),		/* SCHEDOP_watchdog */
	SUBOP(7, PTR(1, XPRIVCMD_IN, 4, true)),			/* SCHEDOP_pin_override */
};

/* vcpu_op (cmd, vcpuid, arg): the queries' structures at arg2. */
static const struct xprivcmd_subop vcpu_op_subops[] = {
	SUBOP(3, NOPTR),					/* VCPUOP_is_up */
	SUBOP(4, PTR(2, XPRIVCMD_OUT, 48, true)),		/* VCPUOP_get_runstate_info */
	SUBOP(12, PTR(2, XPRIVCMD_OUT, 8, true)),		/* VCPUOP_get_physid */
};

/*
 * physdev_op sub-commands (public/physdev.h): the structure arg1 points to,
 * which xen/arch/x86/physdev.c and xen/drivers/pci/physdev.c copy whole;
 * IN when Xen only reads it.
 */
static const struct xprivcmd_subop physdev_op_subops[] = {
	SUBOP(4, NOPTR),				/* IRQ_UNMASK_NOTIFY */
	SUBOP(5, PTR(1, XPRIVCMD_INOUT, 8, true)),	/* irq_status_query */
	SUBOP(6, PTR(1, XPRIVCMD_IN, 4, true)),		/* set_iopl */
	SUBOP(7, PTR(1, XPRIVCMD_IN, 16, true)),	/* set_iobitmap */
	SUBOP(8, PTR(1, XPRIVCMD_INOUT, 16, true)),	/* apic_read */
	SUBOP(9, PTR(1, XPRIVCMD_IN, 16, true)),	/* apic_write */
	SUBOP(10, PTR(1, XPRIVCMD_INOUT, 8, true)),	/* alloc_irq_vector */
	SUBOP(11, NOPTR),				/* free_irq_vector: -ENOSYS */
	SUBOP(12, PTR(1, XPRIVCMD_IN, 4, true)),	/* eoi */
	SUBOP(13, PTR(1, XPRIVCMD_INOUT, 40, true)),	/* map_pirq */
	SUBOP(14, PTR(1, XPRIVCMD_IN, 8, true)),	/* unmap_pirq */
	SUBOP(15, PTR(1, XPRIVCMD_IN, 2, true)),	/* manage_pci_add */
	SUBOP(16, PTR(1, XPRIVCMD_IN, 2, true)),	/* manage_pci_remove */
	SUBOP(17, PTR(1, XPRIVCMD_IN, 8, true)),	/* pirq_eoi_gmfn_v1 */
	SUBOP(19, PTR(1, XPRIVCMD_IN, 2, true)),	/* restore_msi */
	SUBOP(20, PTR(1, XPRIVCMD_IN, 16, true)),	/* manage_pci_add_ext */
	SUBOP(21, PTR(1, XPRIVCMD_IN, 8, true)),	/* setup_gsi */
	SUBOP(23, PTR(1, XPRIVCMD_INOUT, 8, true)),	/* get_free_pirq */
	SUBOP(24, PTR(1, XPRIVCMD_IN, 16, true)),	/* pci_mmcfg_reserved */
	/* pci_device_add: 12 bytes, then optarr[0] when flags has PXM */
	SUBOP(25, PTR(1, XPRIVCMD_IN, 16, true)),
	SUBOP(26, PTR(1, XPRIVCMD_IN, 4, true)),	/* pci_device_remove */
	SUBOP(27, PTR(1, XPRIVCMD_IN, 4, true)),	/* restore_msi_ext */
	SUBOP(28, PTR(1, XPRIVCMD_IN, 8, true)),	/* pirq_eoi_gmfn_v2 */
	SUBOP(29, PTR(1, XPRIVCMD_IN, 6, true)),	/* dbgp_op */
	SUBOP(30, PTR(1, XPRIVCMD_IN, 4, true)),	/* prepare_msix */
	SUBOP(31, PTR(1, XPRIVCMD_IN, 4, true)),	/* release_msix */
};

/*
 * hvm_op sub-commands (public/hvm/hvm_op.h), xen/arch/x86/hvm/hvm.c:
 * flush_tlbs and guest_request_vm_event want a NULL argument.
 */
static const struct xprivcmd_subop hvm_op_subops[] = {
	SUBOP(0, PTR(1, XPRIVCMD_IN, 16, true)),	/* set_param */
	SUBOP(1, PTR(1, XPRIVCMD_INOUT, 16, true)),	/* get_param */
	SUBOP(5, NOPTR),				/* flush_tlbs */
	SUBOP(9, PTR(1, XPRIVCMD_IN, 16, true)),	/* pagetable_dying */
	SUBOP(10, PTR(1, XPRIVCMD_OUT, 8, true)),	/* get_time */
	SUBOP(11, PTR(1, XPRIVCMD_IN, 32, true)),	/* xentrace */
	SUBOP(15, PTR(1, XPRIVCMD_INOUT, 16, true)),	/* get_mem_type */
	SUBOP(23, PTR(1, XPRIVCMD_IN, 8, true)),	/* set_evtchn_upcall_vector */
	SUBOP(24, NOPTR),				/* guest_request_vm_event */
	SUBOP(25, PTR(1, XPRIVCMD_INOUT, 80, true)),	/* altp2m */
};

/*
 * xenpmu_op sub-commands (public/pmu.h): struct xen_pmu_params, read by
 * xen/arch/x86/cpu/vpmu.c:do_xenpmu_op() for the setters, init and finish,
 * written by the getters; lvtpc_set and flush ignore the argument.
 */
static const struct xprivcmd_subop xenpmu_op_subops[] = {
	SUBOP(0, PTR(1, XPRIVCMD_OUT, 24, true)),	/* mode_get */
	SUBOP(1, PTR(1, XPRIVCMD_IN, 24, true)),	/* mode_set */
	SUBOP(2, PTR(1, XPRIVCMD_OUT, 24, true)),	/* feature_get: val only */
	SUBOP(3, PTR(1, XPRIVCMD_IN, 24, true)),	/* feature_set */
	SUBOP(4, PTR(1, XPRIVCMD_IN, 24, true)),	/* init */
	SUBOP(5, PTR(1, XPRIVCMD_IN, 24, true)),	/* finish */
	SUBOP(6, NOPTR),				/* lvtpc_set */
	SUBOP(7, NOPTR),				/* flush */
};

#define OP(_name, ...) { .name = _name, __VA_ARGS__ }
#define PTRS1(_p) .nr_ptrs = 1, .ptrs = { _p }
#define PTRS2(_p, _q) .nr_ptrs = 2, .ptrs = { _p, _q }
/* Multiplexed on an int or unsigned int argument. */
#define MUX(_arg) MUXM(_arg, 0xffffffffULL)
#define MUXM(_arg, _mask) .muxed = true, .cmd_arg = (_arg), .cmd_mask = (_mask)
#define STRUCT_CMD .struct_cmd = true

static const struct xprivcmd_op xprivcmd_ops[] = {
	[0] = OP("set_trap_table", PTRS1(PTR(0, XPRIVCMD_IN, SZ_TRAP_INFO, false))),
	[1] = OP("mmu_update", PTRS2(ARRAY(0, 1, XPRIVCMD_IN, SZ_MMU_UPDATE),
				     PTR(2, XPRIVCMD_OUT, 4, false))),
	[2] = OP("set_gdt", PTRS1(PTR(0, XPRIVCMD_IN, SZ_XEN_ULONG, true))),
	[3] = OP("stack_switch"),
	[4] = OP("set_callbacks"),
	[5] = OP("fpu_taskswitch"),
	[6] = OP("sched_op_compat", MUX(0)),
	[7] = OP("platform_op", STRUCT_CMD,
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_PLATFORM_OP, true))),
	[8] = OP("set_debugreg"),
	[9] = OP("get_debugreg"),
	[10] = OP("update_descriptor"),
	[12] = OP("memory_op", MUXM(0, MEMOP_CMD_MASK), PTRS1(OPAQUE(1)),
		   .subops = memory_op_subops,
		   .nr_subops = ARRAY_SIZE(memory_op_subops)),
	[13] = OP("multicall", PTRS1(ARRAY(0, 1, XPRIVCMD_INOUT, SZ_MULTICALL_ENTRY))),
	[14] = OP("update_va_mapping"),
	[15] = OP("set_timer_op"),
	[16] = OP("event_channel_op_compat",
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_EVTCHN_OP, true))),
	[17] = OP("xen_version", MUX(0), PTRS1(OPAQUE(1)),
		   .subops = xen_version_subops,
		   .nr_subops = ARRAY_SIZE(xen_version_subops)),
	[18] = OP("console_io", MUX(0), PTRS1(OPAQUE(2)),
		   .subops = console_io_subops,
		   .nr_subops = ARRAY_SIZE(console_io_subops)),
	[19] = OP("physdev_op_compat",
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_PHYSDEV_OP, true))),
	[20] = OP("grant_table_op", MUXM(0, GNTTABOP_CMD_MASK), PTRS1(OPAQUE(1)),
		   .subops = grant_table_op_subops,
		   .nr_subops = ARRAY_SIZE(grant_table_op_subops)),
	[21] = OP("vm_assist", MUX(0)),
	[22] = OP("update_va_mapping_otherdomain"),
	[23] = OP("iret"),
	[24] = OP("vcpu_op", MUX(0), PTRS1(OPAQUE(2)),
		   .subops = vcpu_op_subops,
		   .nr_subops = ARRAY_SIZE(vcpu_op_subops)),
	[25] = OP("set_segment_base", MUX(0)),
	[26] = OP("mmuext_op", PTRS2(ARRAY(0, 1, XPRIVCMD_INOUT, SZ_MMUEXT_OP),
				     PTR(2, XPRIVCMD_OUT, 4, false))),
	/* struct xen_flask_op: cmd, interface_version, a union */
	[27] = OP("xsm_op", STRUCT_CMD,
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_FLASK_OP, true))),
	[28] = OP("nmi_op", MUX(0), PTRS1(OPAQUE(1))),
	[29] = OP("sched_op", MUX(0), PTRS1(OPAQUE(1)),
		   .subops = sched_op_subops,
		   .nr_subops = ARRAY_SIZE(sched_op_subops)),
	[30] = OP("callback_op", MUX(0), PTRS1(OPAQUE(1))),
	[31] = OP("xenoprof_op", MUX(0), PTRS1(OPAQUE(1))),
	[32] = OP("event_channel_op", MUX(0), PTRS1(OPAQUE(1)),
		   .subops = event_channel_op_subops,
		   .nr_subops = ARRAY_SIZE(event_channel_op_subops)),
	[33] = OP("physdev_op", MUX(0), PTRS1(OPAQUE(1)),
		   .subops = physdev_op_subops,
		   .nr_subops = ARRAY_SIZE(physdev_op_subops)),
	[34] = OP("hvm_op", MUXM(0, HVMOP_OP_MASK), PTRS1(OPAQUE(1)),
		   .subops = hvm_op_subops,
		   .nr_subops = ARRAY_SIZE(hvm_op_subops)),
	[35] = OP("sysctl", STRUCT_CMD,
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_SYSCTL, true))),
	[36] = OP("domctl", STRUCT_CMD,
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_DOMCTL, true))),
	[37] = OP("kexec_op", MUXM(0, ~0ULL), PTRS1(OPAQUE(1))),
	[38] = OP("tmem_op", PTRS1(OPAQUE(0))),
	[39] = OP("argo_op", MUX(0), PTRS2(OPAQUE(1), OPAQUE(2))),
	[40] = OP("xenpmu_op", MUX(0), PTRS1(OPAQUE(1)),
		   .subops = xenpmu_op_subops,
		   .nr_subops = ARRAY_SIZE(xenpmu_op_subops)),
	[41] = OP("dm_op", PTRS1(ARRAY(2, 1, XPRIVCMD_IN, SZ_DM_OP_BUF))),
	[42] = OP("hypfs_op", MUX(0),
		   PTRS2(ARRAY(1, 2, XPRIVCMD_IN, 1), ARRAY(3, 4, XPRIVCMD_INOUT, 1))),
#ifdef CONFIG_X86
	[48] = OP("mca", STRUCT_CMD,
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_XEN_MC, true))),
	[49] = OP("paging_domctl_cont", STRUCT_CMD,
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_DOMCTL, true))),
#endif
};

/**
 * xprivcmd_schema_op() - look up the schema of a hypercall
 * @op: hypercall number
 *
 * Return: the schema, or NULL when Xen's public interface defines no such
 * hypercall (it may still be one a user added to their own Xen).
 */
const struct xprivcmd_op *xprivcmd_schema_op(u64 op)
{
	if (op >= ARRAY_SIZE(xprivcmd_ops) || !xprivcmd_ops[op].name)
		return NULL;
	return &xprivcmd_ops[op];
}

/*
 * Interface versions whose structure layouts the table below describes:
 * Xen 4.17's.  Xen refuses any other version with EACCES, so an unknown one
 * is either a newer Xen or a bug; strict policies refuse to guess.
 */
static const struct {
	u8 op;
	u32 iv;
} known_ivs[] = {
	{ 7, 0x03000001 },	/* XENPF_INTERFACE_VERSION */
	{ 27, 1 },		/* XEN_FLASK_INTERFACE_VERSION */
	{ 35, 0x15 },		/* XEN_SYSCTL_INTERFACE_VERSION */
	{ 36, 0x15 },		/* XEN_DOMCTL_INTERFACE_VERSION */
	{ 48, 0x01ecc003 },	/* XEN_MCA_INTERFACE_VERSION */
	{ 49, 0x15 },		/* paging_domctl_cont takes a domctl */
};

void xprivcmd_fill_range(const struct xprivcmd_ptr *p, const u64 *args,
			 struct xprivcmd_range *r)
{
	u64 count = p->count_arg == NO_ARG ? 1 : args[p->count_arg];

	r->addr = args[p->arg];
	r->arg = p->arg;
	r->access = p->access;
	r->required = p->required;
	/* An overflowing length can only describe memory the caller lacks. */
	if (__builtin_mul_overflow(count, (u64)p->size, &r->len))
		r->len = U64_MAX;
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
	return s->muxed ? args[s->cmd_arg] & s->cmd_mask : 0;
}

const char *xprivcmd_op_name(u64 op)
{
	const struct xprivcmd_op *s = xprivcmd_schema_op(op);

	return s ? s->name : "unknown";
}

static const struct xprivcmd_ptr *subop_ptr(const struct xprivcmd_op *s,
					    const u64 *args)
{
	unsigned int i;

	u64 cmd = args[s->cmd_arg] & s->cmd_mask;

	for (i = 0; i < s->nr_subops; i++)
		if (s->subops[i].cmd == cmd)
			return &s->subops[i].ptr;
	return NULL;
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
		p = &s->ptrs[i];
		if (i == 0 && s->subops) {
			const struct xprivcmd_ptr *sp = subop_ptr(s, args);

			if (sp)
				p = sp;
		}
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
 * xprivcmd_schema_struct_range() - the structure or array a call hands Xen
 * @op: hypercall number
 * @args: its arguments
 * @whole: set to the memory its sub-command's pointer names, by the schema
 *
 * Return: true when the schema knows that memory's size (so that it can be
 * copied into the kernel and decided on there) and it is not empty.
 */
bool xprivcmd_schema_struct_range(u64 op, const u64 *args,
				  struct xprivcmd_range *whole)
{
	const struct xprivcmd_op *s = xprivcmd_schema_op(op);
	const struct xprivcmd_ptr *p;

	if (!s || !s->nr_ptrs)
		return false;
	p = &s->ptrs[0];
	if (s->muxed && s->subops) {
		p = subop_ptr(s, args);
		if (!p || !p->size)
			return false;
	}
	if (!p->access)
		return false;
	xprivcmd_fill_range(p, args, whole);
	return whole->len != 0;
}
