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
#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/string.h>
#else
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#endif

#include "schema.h"

#define NO_ARG XPRIVCMD_NO_ARG

/* A pointer whose object has a fixed size. */
#define PTR(_arg, _access, _size, _req) \
	{ .arg = (_arg), .count_arg = NO_ARG, .access = (_access), \
	  .size = (_size), .required = (_req) }
/* A pointer to an array whose length is another argument. */
#define ARRAY(_arg, _count_arg, _access, _elem) \
	{ .arg = (_arg), .count_arg = (_count_arg), .access = (_access), \
	  .size = (_elem), .required = true }
/* A pointer whose size depends on something we do not model. */
#define OPAQUE(_arg) PTR(_arg, XPRIVCMD_INOUT, 1, false)

#define SUBOP(_cmd, _ptr) { .cmd = (_cmd), .ptr = _ptr }
/* The sub-command does not use the pointer argument at all. */
#define NOPTR { .size = 0 }

/*
 * Bits of the command argument that carry the command; the rest is
 * continuation state (Xen: MEMOP_CMD_MASK in include/xen/hypercall.h,
 * GNTTABOP_CMD_MASK in common/grant_table.c, HVMOP_op_mask in arch/x86/hvm).
 */
#define MEMOP_CMD_MASK		0x3fULL
#define GNTTABOP_CMD_MASK	0xfffULL
#define HVMOP_OP_MASK		0xffULL

/* Sizes from Xen's public headers, 64-bit ABI. */
#define SZ_TRAP_INFO		16	/* struct trap_info */
#define SZ_MMU_UPDATE		16	/* struct mmu_update */
#define SZ_MMUEXT_OP		24	/* struct mmuext_op */
#define SZ_XEN_ULONG		8	/* xen_ulong_t, xen_pfn_t */
#define SZ_PLATFORM_OP		136	/* struct xen_platform_op */
#define SZ_MULTICALL_ENTRY	64	/* struct multicall_entry */
#define SZ_EVTCHN_OP		28	/* struct evtchn_op */
#define SZ_PHYSDEV_OP		24	/* struct physdev_op */
#define SZ_SYSCTL		136	/* struct xen_sysctl */
#define SZ_DOMCTL		144	/* struct xen_domctl */
#define SZ_DM_OP_BUF		16	/* struct xen_dm_op_buf */
#define SZ_XEN_MC		152	/* struct xen_mc */
#define SZ_MEM_RESERVATION	32	/* struct xen_memory_reservation */
#define SZ_MEM_EXCHANGE		72	/* struct xen_memory_exchange */
#define SZ_MFN_LIST		24	/* struct xen_machphys_mfn_list */
#define SZ_MEMORY_MAP		16	/* struct xen_memory_map */
#define SZ_FOREIGN_MEMORY_MAP	24	/* struct xen_foreign_memory_map */
#define SZ_E820_ENTRY		20	/* Xen's struct e820entry, packed */
#define SZ_PHYSMAP_BATCH	32	/* struct xen_add_to_physmap_batch */
#define SZ_RDM_MAP		24	/* struct xen_reserved_device_memory_map */
#define SZ_RDM			16	/* struct xen_reserved_device_memory */
#define SZ_ACQUIRE_RESOURCE	32	/* struct xen_mem_acquire_resource */
#define SZ_GNT_SETUP_TABLE	24	/* struct gnttab_setup_table */
#define SZ_GNT_STATUS_FRAMES	16	/* struct gnttab_get_status_frames */
#define SZ_VCPU_CONTEXT		5168	/* x86_64 struct vcpu_guest_context */
#define SZ_CPUID_LEAF		24	/* xen_cpuid_leaf_t */
#define SZ_MSR_ENTRY		16	/* xen_msr_entry_t, xen_domctl_vcpu_msr_t */
#define SZ_VMEMRANGE		24	/* xen_vmemrange_t */
#define SZ_SCHED_VCPU		16	/* xen_domctl_schedparam_vcpu_t */
#define SZ_MEM_PAGING_OP	24	/* struct xen_mem_paging_op */
#define SZ_MEM_ACCESS_OP	32	/* struct xen_mem_access_op */
#define SZ_MEM_SHARING_OP	48	/* struct xen_mem_sharing_op */
#define SZ_VNUMA_TOPOLOGY	40	/* struct xen_vnuma_topology_info */
#define SZ_XEN_PAGE		4096	/* Xen's PAGE_SIZE: paging_op prep's buffer */
#define SZ_PERFC_DESC		84	/* xen_sysctl_perfc_desc_t */
#define SZ_CPUINFO		8	/* xen_sysctl_cpuinfo_t */
#define SZ_PX_VAL		24	/* pm_px_val_t */
#define SZ_CPUFREQ_NAME		16	/* CPUFREQ_NAME_LEN: one governor's name */
#define SZ_LOCKPROF_DATA	80	/* xen_sysctl_lockprof_data_t */
#define SZ_CPUTOPO		12	/* xen_sysctl_cputopo_t */
#define SZ_MEMINFO		16	/* xen_sysctl_meminfo_t */
#define SZ_ARINC653_SCHEDULE	2064	/* xen_sysctl_arinc653_schedule_t */
#define SZ_PCI_DEVICE		4	/* physdev_pci_device_t */
#define SZ_LIVEPATCH_STATUS	8	/* xen_livepatch_status_t */
#define SZ_LIVEPATCH_NAME	128	/* XEN_LIVEPATCH_NAME_SIZE */
/*
 * A handle whose length Xen alone decides (perfc's counters, livepatch
 * metadata): only its start can be checked.  That suffices: a copy that
 * starts in user space meets the unmapped hole above it (non-canonical
 * on x86_64, between the TTBR0 and TTBR1 ranges on arm64) and faults in
 * Xen before it could reach the kernel.
 */
#define SZ_START		1

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
	/* XENVER_build_id: a length header, then as many bytes as it says */
	SUBOP(10, PTR(1, XPRIVCMD_INOUT, 4, true)),
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

#define OP(_name, ...) { .name = _name, __VA_ARGS__ }
#define PTRS1(_p) .nr_ptrs = 1, .ptrs = { _p }
#define PTRS2(_p, _q) .nr_ptrs = 2, .ptrs = { _p, _q }
/* Multiplexed on an int or unsigned int argument. */
#define MUX(_arg) MUXM(_arg, 0xffffffffULL)
#define MUXM(_arg, _mask) .muxed = true, .cmd_arg = (_arg), .cmd_mask = (_mask)
#define STRUCT_CMD .struct_cmd = true

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

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
	[24] = OP("vcpu_op", MUX(0), PTRS1(OPAQUE(2))),
	[25] = OP("set_segment_base", MUX(0)),
	[26] = OP("mmuext_op", PTRS2(ARRAY(0, 1, XPRIVCMD_INOUT, SZ_MMUEXT_OP),
				     PTR(2, XPRIVCMD_OUT, 4, false))),
	[27] = OP("xsm_op", PTRS1(PTR(0, XPRIVCMD_INOUT, 4, true))),
	[28] = OP("nmi_op", MUX(0), PTRS1(OPAQUE(1))),
	[29] = OP("sched_op", MUX(0), PTRS1(OPAQUE(1))),
	[30] = OP("callback_op", MUX(0), PTRS1(OPAQUE(1))),
	[31] = OP("xenoprof_op", MUX(0), PTRS1(OPAQUE(1))),
	[32] = OP("event_channel_op", MUX(0), PTRS1(OPAQUE(1)),
		   .subops = event_channel_op_subops,
		   .nr_subops = ARRAY_SIZE(event_channel_op_subops)),
	[33] = OP("physdev_op", MUX(0), PTRS1(OPAQUE(1))),
	[34] = OP("hvm_op", MUXM(0, HVMOP_OP_MASK), PTRS1(OPAQUE(1))),
	[35] = OP("sysctl", STRUCT_CMD,
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_SYSCTL, true))),
	[36] = OP("domctl", STRUCT_CMD,
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_DOMCTL, true))),
	[37] = OP("kexec_op", MUXM(0, ~0ULL), PTRS1(OPAQUE(1))),
	[38] = OP("tmem_op", PTRS1(OPAQUE(0))),
	[39] = OP("argo_op", MUX(0), PTRS2(OPAQUE(1), OPAQUE(2))),
	[40] = OP("xenpmu_op", MUX(0), PTRS1(OPAQUE(1))),
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
	{ 35, 0x15 },		/* XEN_SYSCTL_INTERFACE_VERSION */
	{ 36, 0x15 },		/* XEN_DOMCTL_INTERFACE_VERSION */
	{ 48, 0x01ecc003 },	/* XEN_MCA_INTERFACE_VERSION */
	{ 49, 0x15 },		/* paging_domctl_cont takes a domctl */
};

static void fill_range(const struct xprivcmd_ptr *p, const u64 *args,
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

/* Flags of a nested handle. */
#define N_REQUIRED	0x1	/* NULL is refused (else NULL is left to Xen) */
#define N_BITS		0x2	/* the count is in bits, rounded up to bytes */
#define N_SQUARE	0x4	/* count * count elements (a distance matrix) */
#define N_SPAN		0x8	/* a u32 pair first, last at the count: last - first + 1 */

/**
 * struct xprivcmd_nested - a guest handle inside a hypercall's structure
 * @op: hypercall number
 * @iv: interface version the layout belongs to; 0 for the stable guest ABI
 * @cmd: sub-command (in the structure for struct_cmd ops, else in the
 *	op's command argument)
 * @ptr_off: offset of the 64-bit guest handle
 * @count_off: offset of the element count
 * @count_size: bytes of the count (1, 2, 4 or 8), 0 when @size is the length
 * @access: &enum xprivcmd_access
 * @flags: N_*
 * @cond_off: offset of a u32 that selects whether Xen uses the handle
 * @cond_mask: the handle is used when (u32 at @cond_off & @cond_mask) ==
 *	@cond_val; a zero mask means always
 * @cond_val: see @cond_mask
 * @size: bytes, or bytes per element when @count_size is set
 *
 * Offsets are from the start of the structure the hypercall argument
 * points to.
 */
struct xprivcmd_nested {
	u8 op;
	u32 iv;
	u32 cmd;
	u16 ptr_off;
	u16 count_off;
	u8 count_size;
	u8 access;
	u8 flags;
	u16 cond_off;
	u32 cond_mask;
	u32 cond_val;
	u32 size;
};

/* A handle to an object of fixed size. */
#define NFIX(_op, _iv, _cmd, _ptr, _acc, _size, ...) \
	{ .op = (_op), .iv = (_iv), .cmd = (_cmd), .ptr_off = (_ptr), \
	  .access = (_acc), .size = (_size), __VA_ARGS__ }
/* A handle to an array of @_elem-byte elements, counted by the field at @_cnt. */
#define NARR(_op, _iv, _cmd, _ptr, _cnt, _cw, _acc, _elem, ...) \
	{ .op = (_op), .iv = (_iv), .cmd = (_cmd), .ptr_off = (_ptr), \
	  .count_off = (_cnt), .count_size = (_cw), .access = (_acc), \
	  .size = (_elem), __VA_ARGS__ }
#define WHEN(_off, _mask, _val) \
	.cond_off = (_off), .cond_mask = (_mask), .cond_val = (_val)

#define N_SYSCTL	35
#define N_DOMCTL	36
#define N_PAGING_CONT	49	/* paging_domctl_cont: a domctl (shadow_op) */
#define N_MEMOP		12
#define N_GNTTABOP	20
#define IV_15		0x15
/* The sysctl union starts after cmd and interface_version. */
#define SU		8
/* The domctl union starts after cmd, interface_version, domain, pad. */
#define DU		16

/*
 * The guest handles embedded in hypercall structures that xprivcmd checks,
 * by (op, interface version, sub-command).  Calls that use one are issued
 * with a kernel copy of the structure, so the handle Xen follows is the
 * one that was checked; what Xen writes into the structure is copied back.
 *
 *  op / sub-command                    handle            length
 *  sysctl 0x15 readconsole             buffer            count bytes
 *  sysctl 0x15 getdomaininfolist       buffer            max_domains * 112
 *  sysctl 0x15 tbuf_op set_cpu_mask    cpu_mask          (nr_bits + 7) / 8
 *  sysctl 0x15 perfc_op                desc, val         start only (Xen's count)
 *  sysctl 0x15 debug_keys              keys              nr_keys bytes
 *  sysctl 0x15 getcpuinfo              info              max_cpus * 8
 *  sysctl 0x15 get_pmstat get_pxstat   trans_pt          total^2 * 8
 *                                      pt                total * 24
 *  sysctl 0x15 get_pmstat get_cxstat   triggers,         nr * 8
 *                                      residencies
 *                                      pc, cc            nr_pc * 8, nr_cc * 8
 *  sysctl 0x15 pm_op get_cpufreq_para  affected_cpus     cpu_num * 4
 *                                      scaling_available_frequencies
 *                                                        freq_num * 4
 *                                      scaling_available_governors
 *                                                        gov_num * 16
 *  sysctl 0x15 page_offline_op         status            (end - start + 1) * 4
 *  sysctl 0x15 lockprof_op query       data              max_elem * 80
 *  sysctl 0x15 cputopoinfo             cputopo           num_cpus * 12
 *  sysctl 0x15 numainfo                meminfo           num_nodes * 16
 *                                      distance          num_nodes^2 * 4
 *  sysctl 0x15 cpupool_op info,        cpumap            (nr_bits + 7) / 8
 *              freeinfo
 *  sysctl 0x15 scheduler_op ARINC653   schedule          2064
 *  sysctl 0x15 coverage_op read        buffer            size bytes
 *  sysctl 0x15 pcitopoinfo             devs, nodes       num_devs * 4
 *  sysctl 0x15 get_cpu_featureset      features          nr_features * 4
 *  sysctl 0x15 livepatch_op upload     name, payload     name.size, size bytes
 *  sysctl 0x15 livepatch_op get,action name              name.size bytes
 *  sysctl 0x15 livepatch_op list       status            nr * 8
 *                                      name              nr * 128
 *                                      len, metadata_len nr * 4
 *                                      metadata          start only
 *  sysctl 0x15 get_cpu_policy          leaves, msrs      nr_leaves * 24,
 *                                                        nr_msrs * 16 (x86)
 *  domctl 0x15 setvcpuaffinity,        cpumap_hard       (nr_bits + 7) / 8,
 *              getvcpuaffinity                           if flags & HARD
 *                                      cpumap_soft       same, if flags & SOFT
 *  domctl 0x15 shadow_op CLEAN, PEEK   dirty_bitmap      (pages + 7) / 8
 *  (and paging_domctl_cont, the same)
 *  domctl 0x15 set/getvcpucontext      ctxt              5168 (x86)
 *  domctl 0x15 gethvmcontext,          buffer            size bytes
 *              sethvmcontext
 *  domctl 0x15 gethvmcontext_partial   buffer            bufsz bytes
 *  domctl 0x15 assign/test_assign/     u.dt.path         u.dt.size bytes,
 *              deassign_device                           if dev == DT
 *  domctl 0x15 get_device_group        sdev_array        max_sdevs * 4
 *  domctl 0x15 getpageframeinfo3       array             num * 8
 *  domctl 0x15 set/getvcpuextstate     buffer            size bytes (x86)
 *  domctl 0x15 set/getnodeaffinity     nodemap           (nr_bits + 7) / 8
 *  domctl 0x15 get/set_vcpu_msrs       msrs              msr_count * 16 (x86)
 *  domctl 0x15 setvnumainfo            vdistance         nr_vnodes^2 * 4
 *                                      vcpu_to_vnode     nr_vcpus * 4
 *                                      vnode_to_pnode    nr_vnodes * 4
 *                                      vmemrange         nr_vmemranges * 24
 *  domctl 0x15 get/set_cpu_policy      leaves            nr_leaves * 24 (x86)
 *                                      msrs              nr_msrs * 16
 *  domctl 0x15 scheduler_op put/get-   u.v.vcpus         nr_vcpus * 16
 *              vcpuinfo
 *  domctl 0x15 gdbsx_guestmemio        uva               len bytes (x86)
 *  memory_op increase/decrease_        extent_start      nr_extents * 8
 *            reservation, populate_physmap
 *  memory_op exchange                  in.extent_start   in.nr_extents * 8
 *                                      out.extent_start  out.nr_extents * 8
 *  memory_op machphys_(compat_)mfn_list extent_start     max_extents * 8
 *  memory_op memory_map,               buffer            nr_entries * 20
 *            machine_memory_map
 *  memory_op set_memory_map            map.buffer        map.nr_entries * 20
 *  memory_op add_to_physmap_batch      idxs, gpfns       size * 8
 *                                      errs              size * 4
 *  memory_op reserved_device_memory_map buffer           nr_entries * 16
 *  memory_op acquire_resource          frame_list        nr_frames * 8
 *  memory_op paging_op prep            buffer            4096
 *  memory_op access_op                 pfn_list          nr * 8
 *            set_access_multi          access_list       nr bytes
 *  memory_op get_vnumainfo             vdistance         nr_vnodes^2 * 4
 *                                      vcpu_to_vnode     nr_vcpus * 4
 *                                      vmemrange         nr_vmemranges * 24
 *  grant_table_op setup_table          frame_list        nr_frames * 8
 *  grant_table_op get_status_frames    frame_list        nr_frames * 8
 *
 * The sysctls not listed (physinfo, sched_id, availheap, cpu_hotplug,
 * psr_cmt_op, psr_alloc, get_cpu_levelling_caps) and memory_op sharing_op
 * hold no guest handles; nor do event_channel_op structures.  Handles of
 * other domctl sub-commands are not modelled, so passed to Xen unchecked.
 */
static const struct xprivcmd_nested nested[] = {
	NARR(N_SYSCTL, IV_15, 1, 16, 24, 4, XPRIVCMD_OUT, 1, .flags = N_REQUIRED),
	NARR(N_SYSCTL, IV_15, 6, 16, 12, 4, XPRIVCMD_OUT, 112, .flags = N_REQUIRED),
	/* XEN_SYSCTL_tbuf_op: set_cpu_mask reads a xenctl_bitmap */
	NARR(N_SYSCTL, IV_15, 2, SU + 8, SU + 16, 4, XPRIVCMD_IN, 1,
	     .flags = N_BITS, WHEN(SU, ~0U, 1)),
	/* XEN_SYSCTL_perfc_op: Xen writes as many counters as it has */
	NFIX(N_SYSCTL, IV_15, 5, SU + 16, XPRIVCMD_OUT, SZ_START),
	NFIX(N_SYSCTL, IV_15, 5, SU + 24, XPRIVCMD_OUT, SZ_START),
	/* XEN_SYSCTL_debug_keys */
	NARR(N_SYSCTL, IV_15, 7, SU, SU + 8, 4, XPRIVCMD_IN, 1),
	/* XEN_SYSCTL_getcpuinfo */
	NARR(N_SYSCTL, IV_15, 8, SU + 8, SU, 4, XPRIVCMD_OUT, SZ_CPUINFO),
	/* XEN_SYSCTL_get_pmstat: PMSTAT_get_pxstat, PMSTAT_get_cxstat */
	NARR(N_SYSCTL, IV_15, 10, SU + 16, SU + 8, 1, XPRIVCMD_OUT, 8,
	     .flags = N_SQUARE, WHEN(SU, ~0U, 0x12)),
	NARR(N_SYSCTL, IV_15, 10, SU + 24, SU + 8, 1, XPRIVCMD_OUT, SZ_PX_VAL,
	     WHEN(SU, ~0U, 0x12)),
	NARR(N_SYSCTL, IV_15, 10, SU + 24, SU + 8, 4, XPRIVCMD_OUT, 8,
	     WHEN(SU, ~0U, 0x22)),
	NARR(N_SYSCTL, IV_15, 10, SU + 32, SU + 8, 4, XPRIVCMD_OUT, 8,
	     WHEN(SU, ~0U, 0x22)),
	NARR(N_SYSCTL, IV_15, 10, SU + 48, SU + 40, 4, XPRIVCMD_OUT, 8,
	     WHEN(SU, ~0U, 0x22)),
	NARR(N_SYSCTL, IV_15, 10, SU + 56, SU + 44, 4, XPRIVCMD_OUT, 8,
	     WHEN(SU, ~0U, 0x22)),
	/* XEN_SYSCTL_pm_op: GET_CPUFREQ_PARA */
	NARR(N_SYSCTL, IV_15, 12, SU + 24, SU + 8, 4, XPRIVCMD_OUT, 4,
	     WHEN(SU, ~0U, 0x11)),
	NARR(N_SYSCTL, IV_15, 12, SU + 32, SU + 12, 4, XPRIVCMD_OUT, 4,
	     WHEN(SU, ~0U, 0x11)),
	NARR(N_SYSCTL, IV_15, 12, SU + 40, SU + 16, 4, XPRIVCMD_OUT,
	     SZ_CPUFREQ_NAME, WHEN(SU, ~0U, 0x11)),
	/* XEN_SYSCTL_page_offline_op: one status per page of start..end */
	NARR(N_SYSCTL, IV_15, 14, SU + 16, SU + 4, 4, XPRIVCMD_OUT, 4,
	     .flags = N_SPAN),
	/* XEN_SYSCTL_lockprof_op: XEN_SYSCTL_LOCKPROF_query */
	NARR(N_SYSCTL, IV_15, 15, SU + 24, SU + 4, 4, XPRIVCMD_OUT,
	     SZ_LOCKPROF_DATA, WHEN(SU, ~0U, 2)),
	/* XEN_SYSCTL_cputopoinfo, numainfo (xl info -n) */
	NARR(N_SYSCTL, IV_15, 16, SU + 8, SU, 4, XPRIVCMD_OUT, SZ_CPUTOPO),
	NARR(N_SYSCTL, IV_15, 17, SU + 8, SU, 4, XPRIVCMD_OUT, SZ_MEMINFO),
	NARR(N_SYSCTL, IV_15, 17, SU + 16, SU, 4, XPRIVCMD_OUT, 4,
	     .flags = N_SQUARE),
	/* XEN_SYSCTL_cpupool_op: OP_INFO and OP_FREEINFO write the cpumap */
	NARR(N_SYSCTL, IV_15, 18, SU + 24, SU + 32, 4, XPRIVCMD_OUT, 1,
	     .flags = N_BITS, WHEN(SU, ~0U, 3)),
	NARR(N_SYSCTL, IV_15, 18, SU + 24, SU + 32, 4, XPRIVCMD_OUT, 1,
	     .flags = N_BITS, WHEN(SU, ~0U, 7)),
	/* XEN_SYSCTL_scheduler_op: XEN_SCHEDULER_ARINC653's schedule */
	NFIX(N_SYSCTL, IV_15, 19, SU + 16, XPRIVCMD_INOUT, SZ_ARINC653_SCHEDULE,
	     WHEN(SU + 4, ~0U, 7)),
	/* XEN_SYSCTL_coverage_op: XEN_SYSCTL_COVERAGE_read */
	NARR(N_SYSCTL, IV_15, 20, SU + 8, SU + 4, 4, XPRIVCMD_OUT, 1,
	     WHEN(SU, ~0U, 1)),
	/* XEN_SYSCTL_pcitopoinfo */
	NARR(N_SYSCTL, IV_15, 22, SU + 8, SU, 4, XPRIVCMD_IN, SZ_PCI_DEVICE),
	NARR(N_SYSCTL, IV_15, 22, SU + 16, SU, 4, XPRIVCMD_OUT, 4),
	/* XEN_SYSCTL_get_cpu_featureset */
	NARR(N_SYSCTL, IV_15, 26, SU + 8, SU + 4, 4, XPRIVCMD_OUT, 4),
	/* XEN_SYSCTL_livepatch_op: UPLOAD, GET, LIST, ACTION */
	NARR(N_SYSCTL, IV_15, 27, SU + 8, SU + 16, 2, XPRIVCMD_IN, 1,
	     WHEN(SU, ~0U, 0)),
	NARR(N_SYSCTL, IV_15, 27, SU + 32, SU + 24, 8, XPRIVCMD_IN, 1,
	     WHEN(SU, ~0U, 0)),
	NARR(N_SYSCTL, IV_15, 27, SU + 8, SU + 16, 2, XPRIVCMD_IN, 1,
	     WHEN(SU, ~0U, 1)),
	NARR(N_SYSCTL, IV_15, 27, SU + 32, SU + 16, 4, XPRIVCMD_OUT,
	     SZ_LIVEPATCH_STATUS, WHEN(SU, ~0U, 2)),
	NARR(N_SYSCTL, IV_15, 27, SU + 40, SU + 16, 4, XPRIVCMD_OUT,
	     SZ_LIVEPATCH_NAME, WHEN(SU, ~0U, 2)),
	NARR(N_SYSCTL, IV_15, 27, SU + 48, SU + 16, 4, XPRIVCMD_OUT, 4,
	     WHEN(SU, ~0U, 2)),
	NFIX(N_SYSCTL, IV_15, 27, SU + 56, XPRIVCMD_OUT, SZ_START,
	     WHEN(SU, ~0U, 2)),
	NARR(N_SYSCTL, IV_15, 27, SU + 64, SU + 16, 4, XPRIVCMD_OUT, 4,
	     WHEN(SU, ~0U, 2)),
	NARR(N_SYSCTL, IV_15, 27, SU + 8, SU + 16, 2, XPRIVCMD_IN, 1,
	     WHEN(SU, ~0U, 3)),
#ifdef CONFIG_X86
	/* XEN_SYSCTL_get_cpu_policy */
	NARR(N_SYSCTL, IV_15, 29, SU + 16, SU + 4, 4, XPRIVCMD_OUT, SZ_CPUID_LEAF),
	NARR(N_SYSCTL, IV_15, 29, SU + 24, SU + 8, 4, XPRIVCMD_OUT, SZ_MSR_ENTRY),
#endif

	/* XEN_DOMCTL_setvcpuaffinity, getvcpuaffinity: xenctl_bitmaps */
	NARR(N_DOMCTL, IV_15, 9, DU + 8, DU + 16, 4, XPRIVCMD_INOUT, 1,
	     .flags = N_BITS, WHEN(DU + 4, 1, 1)),
	NARR(N_DOMCTL, IV_15, 9, DU + 24, DU + 32, 4, XPRIVCMD_INOUT, 1,
	     .flags = N_BITS, WHEN(DU + 4, 2, 2)),
	NARR(N_DOMCTL, IV_15, 25, DU + 8, DU + 16, 4, XPRIVCMD_OUT, 1,
	     .flags = N_BITS, WHEN(DU + 4, 1, 1)),
	NARR(N_DOMCTL, IV_15, 25, DU + 24, DU + 32, 4, XPRIVCMD_OUT, 1,
	     .flags = N_BITS, WHEN(DU + 4, 2, 2)),
	/* XEN_DOMCTL_shadow_op: OP_CLEAN and OP_PEEK write the dirty bitmap */
	NARR(N_DOMCTL, IV_15, 10, DU + 16, DU + 24, 8, XPRIVCMD_OUT, 1,
	     .flags = N_BITS, WHEN(DU, ~0U, 11)),
	NARR(N_DOMCTL, IV_15, 10, DU + 16, DU + 24, 8, XPRIVCMD_OUT, 1,
	     .flags = N_BITS, WHEN(DU, ~0U, 12)),
	NARR(N_PAGING_CONT, IV_15, 10, DU + 16, DU + 24, 8, XPRIVCMD_OUT, 1,
	     .flags = N_BITS, WHEN(DU, ~0U, 11)),
	NARR(N_PAGING_CONT, IV_15, 10, DU + 16, DU + 24, 8, XPRIVCMD_OUT, 1,
	     .flags = N_BITS, WHEN(DU, ~0U, 12)),
	/* XEN_DOMCTL_scheduler_op putvcpuinfo, getvcpuinfo */
	NARR(N_DOMCTL, IV_15, 16, DU + 8, DU + 16, 4, XPRIVCMD_IN, SZ_SCHED_VCPU,
	     WHEN(DU + 4, ~0U, 2)),
	NARR(N_DOMCTL, IV_15, 16, DU + 8, DU + 16, 4, XPRIVCMD_INOUT, SZ_SCHED_VCPU,
	     WHEN(DU + 4, ~0U, 3)),
	/* XEN_DOMCTL_gethvmcontext, sethvmcontext */
	NARR(N_DOMCTL, IV_15, 33, DU + 8, DU, 4, XPRIVCMD_OUT, 1),
	NARR(N_DOMCTL, IV_15, 34, DU + 8, DU, 4, XPRIVCMD_IN, 1),
	/* XEN_DOMCTL_{,test_,de}assign_device of a device tree node */
	NARR(N_DOMCTL, IV_15, 37, DU + 16, DU + 8, 4, XPRIVCMD_IN, 1, WHEN(DU, ~0U, 1)),
	NARR(N_DOMCTL, IV_15, 45, DU + 16, DU + 8, 4, XPRIVCMD_IN, 1, WHEN(DU, ~0U, 1)),
	NARR(N_DOMCTL, IV_15, 47, DU + 16, DU + 8, 4, XPRIVCMD_IN, 1, WHEN(DU, ~0U, 1)),
	/* XEN_DOMCTL_get_device_group */
	NARR(N_DOMCTL, IV_15, 50, DU + 16, DU + 4, 4, XPRIVCMD_OUT, 4),
	/* XEN_DOMCTL_gethvmcontext_partial */
	NARR(N_DOMCTL, IV_15, 55, DU + 16, DU + 8, 8, XPRIVCMD_OUT, 1),
	/* XEN_DOMCTL_getpageframeinfo3 */
	NARR(N_DOMCTL, IV_15, 61, DU + 8, DU, 8, XPRIVCMD_INOUT, SZ_XEN_ULONG),
	/* XEN_DOMCTL_setnodeaffinity, getnodeaffinity */
	NARR(N_DOMCTL, IV_15, 68, DU, DU + 8, 4, XPRIVCMD_IN, 1, .flags = N_BITS),
	NARR(N_DOMCTL, IV_15, 69, DU, DU + 8, 4, XPRIVCMD_OUT, 1, .flags = N_BITS),
	/* XEN_DOMCTL_setvnumainfo */
	NARR(N_DOMCTL, IV_15, 74, DU + 16, DU, 4, XPRIVCMD_IN, 4, .flags = N_SQUARE),
	NARR(N_DOMCTL, IV_15, 74, DU + 24, DU + 8, 4, XPRIVCMD_IN, 4),
	NARR(N_DOMCTL, IV_15, 74, DU + 32, DU, 4, XPRIVCMD_IN, 4),
	NARR(N_DOMCTL, IV_15, 74, DU + 40, DU + 4, 4, XPRIVCMD_IN, SZ_VMEMRANGE),
#ifdef CONFIG_X86
	/* XEN_DOMCTL_setvcpucontext, getvcpucontext */
	NFIX(N_DOMCTL, IV_15, 12, DU + 8, XPRIVCMD_IN, SZ_VCPU_CONTEXT),
	NFIX(N_DOMCTL, IV_15, 13, DU + 8, XPRIVCMD_OUT, SZ_VCPU_CONTEXT),
	/* XEN_DOMCTL_setvcpuextstate, getvcpuextstate */
	NARR(N_DOMCTL, IV_15, 62, DU + 24, DU + 16, 8, XPRIVCMD_IN, 1),
	NARR(N_DOMCTL, IV_15, 63, DU + 24, DU + 16, 8, XPRIVCMD_OUT, 1),
	/* XEN_DOMCTL_get_vcpu_msrs, set_vcpu_msrs */
	NARR(N_DOMCTL, IV_15, 72, DU + 8, DU + 4, 4, XPRIVCMD_OUT, SZ_MSR_ENTRY),
	NARR(N_DOMCTL, IV_15, 73, DU + 8, DU + 4, 4, XPRIVCMD_IN, SZ_MSR_ENTRY),
	/* XEN_DOMCTL_get_cpu_policy, set_cpu_policy */
	NARR(N_DOMCTL, IV_15, 82, DU + 8, DU, 4, XPRIVCMD_OUT, SZ_CPUID_LEAF),
	NARR(N_DOMCTL, IV_15, 82, DU + 16, DU + 4, 4, XPRIVCMD_OUT, SZ_MSR_ENTRY),
	NARR(N_DOMCTL, IV_15, 83, DU + 8, DU, 4, XPRIVCMD_IN, SZ_CPUID_LEAF),
	NARR(N_DOMCTL, IV_15, 83, DU + 16, DU + 4, 4, XPRIVCMD_IN, SZ_MSR_ENTRY),
	/* XEN_DOMCTL_gdbsx_guestmemio: Xen copies to or from uva */
	NARR(N_DOMCTL, IV_15, 1000, DU + 16, DU + 24, 4, XPRIVCMD_INOUT, 1),
#endif

	/* memory_op: increase_reservation, decrease_reservation, populate_physmap */
	NARR(N_MEMOP, 0, 0, 0, 8, 8, XPRIVCMD_OUT, SZ_XEN_ULONG),
	NARR(N_MEMOP, 0, 1, 0, 8, 8, XPRIVCMD_IN, SZ_XEN_ULONG),
	NARR(N_MEMOP, 0, 6, 0, 8, 8, XPRIVCMD_INOUT, SZ_XEN_ULONG),
	/* machphys_mfn_list, machphys_compat_mfn_list */
	NARR(N_MEMOP, 0, 5, 8, 0, 4, XPRIVCMD_OUT, SZ_XEN_ULONG),
	NARR(N_MEMOP, 0, 25, 8, 0, 4, XPRIVCMD_OUT, SZ_XEN_ULONG),
	/* memory_map, machine_memory_map, set_memory_map */
	NARR(N_MEMOP, 0, 9, 8, 0, 4, XPRIVCMD_OUT, SZ_E820_ENTRY),
	NARR(N_MEMOP, 0, 10, 8, 0, 4, XPRIVCMD_OUT, SZ_E820_ENTRY),
	NARR(N_MEMOP, 0, 13, 16, 8, 4, XPRIVCMD_IN, SZ_E820_ENTRY),
	/* exchange: in and out reservations */
	NARR(N_MEMOP, 0, 11, 0, 8, 8, XPRIVCMD_IN, SZ_XEN_ULONG),
	NARR(N_MEMOP, 0, 11, 32, 40, 8, XPRIVCMD_INOUT, SZ_XEN_ULONG),
	/* add_to_physmap_batch: idxs, gpfns, errs, all size long */
	NARR(N_MEMOP, 0, 23, 8, 4, 2, XPRIVCMD_IN, SZ_XEN_ULONG),
	NARR(N_MEMOP, 0, 23, 16, 4, 2, XPRIVCMD_IN, SZ_XEN_ULONG),
	NARR(N_MEMOP, 0, 23, 24, 4, 2, XPRIVCMD_OUT, 4),
	/* reserved_device_memory_map */
	NARR(N_MEMOP, 0, 27, 8, 4, 4, XPRIVCMD_OUT, SZ_RDM),
	/* acquire_resource */
	NARR(N_MEMOP, 0, 28, 24, 8, 4, XPRIVCMD_INOUT, SZ_XEN_ULONG),
	/* paging_op: XENMEM_paging_op_prep reads a page (op is a u8) */
	NFIX(N_MEMOP, 0, 20, 8, XPRIVCMD_IN, SZ_XEN_PAGE, WHEN(0, 0xff, 2)),
	/* access_op: XENMEM_access_op_set_access_multi */
	NARR(N_MEMOP, 0, 21, 16, 4, 4, XPRIVCMD_IN, SZ_XEN_ULONG, WHEN(0, 0xff, 4)),
	NARR(N_MEMOP, 0, 21, 24, 4, 4, XPRIVCMD_IN, 1, WHEN(0, 0xff, 4)),
	/* get_vnumainfo */
	NARR(N_MEMOP, 0, 26, 16, 4, 4, XPRIVCMD_OUT, 4, .flags = N_SQUARE),
	NARR(N_MEMOP, 0, 26, 24, 8, 4, XPRIVCMD_OUT, 4),
	NARR(N_MEMOP, 0, 26, 32, 12, 4, XPRIVCMD_OUT, SZ_VMEMRANGE),

	/* grant_table_op: setup_table, get_status_frames */
	NARR(N_GNTTABOP, 0, 2, 16, 4, 4, XPRIVCMD_OUT, SZ_XEN_ULONG),
	NARR(N_GNTTABOP, 0, 9, 8, 0, 4, XPRIVCMD_OUT, 8),
};

static u32 get_u32(const void *buf, unsigned int off)
{
	u32 v;

	memcpy(&v, (const char *)buf + off, sizeof(v));
	return v;
}

static u64 get_u64(const void *buf, unsigned int off)
{
	u64 v;

	memcpy(&v, (const char *)buf + off, sizeof(v));
	return v;
}

static u64 get_count(const void *buf, unsigned int off, unsigned int size)
{
	u16 v16;

	switch (size) {
	case 1:
		return ((const u8 *)buf)[off];
	case 2:
		memcpy(&v16, (const char *)buf + off, sizeof(v16));
		return v16;
	case 4:
		return get_u32(buf, off);
	default:
		return get_u64(buf, off);
	}
}

/* True when every field @n reads lies inside the @len bytes copied. */
static bool nested_fits(const struct xprivcmd_nested *n, u64 len)
{
	if ((u64)n->ptr_off + 8 > len)
		return false;
	if (n->count_size && (u64)n->count_off + n->count_size > len)
		return false;
	if ((n->flags & N_SPAN) && (u64)n->count_off + 8 > len)
		return false;
	return !n->cond_mask || (u64)n->cond_off + 4 <= len;
}

/* The length of the buffer @n describes in @buf; U64_MAX on overflow. */
static u64 nested_len(const struct xprivcmd_nested *n, const void *buf)
{
	u64 count, len;

	if (!n->count_size)
		return n->size;
	count = get_count(buf, n->count_off, n->count_size);
	/* Xen refuses a last before the first with nothing touched. */
	if (n->flags & N_SPAN)
		count = get_u32(buf, n->count_off + 4) < count ? 0 :
			get_u32(buf, n->count_off + 4) - count + 1;
	if (n->flags & N_BITS)
		return count / 8 + !!(count % 8);
	/* Counts are at most 64 bits wide: an overflow is a length too. */
	if ((n->flags & N_SQUARE) && __builtin_mul_overflow(count, count, &count))
		return U64_MAX;
	if (__builtin_mul_overflow(count, (u64)n->size, &len))
		return U64_MAX;
	return len;
}

static bool has_nested(u64 op, u32 iv, u64 cmd)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nested); i++)
		if (nested[i].op == op && nested[i].iv == iv &&
		    nested[i].cmd == cmd)
			return true;
	return false;
}

/*
 * Grant table operations whose array elements carry virtual addresses (not
 * guest handles) that Xen resolves in the caller's page tables: the
 * mapping's address, host_addr, and for unmap_and_replace new_addr.
 */
#define OP_MMU_UPDATE			1
#define OP_MMUEXT_OP			26
#define OP_UPDATE_VA_MAPPING		14
#define OP_UPDATE_VA_MAPPING_OTHERDOMAIN	22
#define GNTMAP_HOST_MAP		0x2
#define GNTMAP_CONTAINS_PTE	0x10
/* update_va_mapping flags (public/xen.h UVMF_*) */
#define UVMF_FLUSHTYPE_MASK	0x3ULL
#define UVMF_LOCAL		0x0ULL
#define UVMF_ALL		0x4ULL

static const struct {
	u32 cmd;
	u8 elem;	/* bytes per array element */
	u8 nr_vas;	/* addresses per element, at offsets 0 and 8 */
} gnt_vas[] = {
	{ 0, 32, 1 },	/* map_grant_ref: host_addr; flags at 8 */
	{ 1, 24, 1 },	/* unmap_grant_ref: host_addr */
	{ 7, 24, 2 },	/* unmap_and_replace: host_addr, new_addr */
};

static int gnt_va_index(u64 op, u64 cmd)
{
	unsigned int i;

	if (op != N_GNTTABOP)
		return -1;
	for (i = 0; i < ARRAY_SIZE(gnt_vas); i++)
		if (gnt_vas[i].cmd == cmd)
			return i;
	return -1;
}

/* public/xen.h: mmu_update's request type, in the low bits of its ptr. */
#define MMU_MACHPHYS_UPDATE	1
#define MMU_REQ_TYPE_MASK	3ULL
/* mmuext_op commands that touch no page table and no frame: flushes. */
#define MMUEXT_FIRST_FLUSH	6	/* MMUEXT_TLB_FLUSH_LOCAL */
#define MMUEXT_LAST_FLUSH	12	/* MMUEXT_FLUSH_CACHE */
#define MMUEXT_FLUSH_CACHE_GLOBAL 18
#define MMU_DOMID_SELF		0x7ff0

/*
 * Whether a domain id in mmu_update's or mmuext_op's foreigndom names the
 * caller.  Domain 0 counts as the caller as well: it is, in dom0, and a
 * guest has no business with dom0's page tables either.
 */
static bool names_self(u64 domid)
{
	return (u16)domid == MMU_DOMID_SELF || (u16)domid == 0;
}

/*
 * mmu_update and mmuext_op edit the page tables and frames of the domains
 * their last argument, foreigndom, names.  Toolstacks name the guest they
 * build or restore; the caller's own are the tables the kernel runs on.
 * mmu_update: the low 16 bits name the frames' owner, the high 16 bits
 * the page tables' owner plus one (0: the caller).  These calls are issued
 * with a kernel copy of their array when they may touch the caller's own.
 */
static bool may_touch_own_tables(u64 op, const u64 *args)
{
	if (op == OP_MMU_UPDATE)
		return !((args[3] >> 16) & 0xffff) || names_self(args[3]);
	if (op == OP_MMUEXT_OP)
		return names_self(args[3]);
	return false;
}

/*
 * The first request in the copy @buf that would act on the caller's own
 * page tables or frames.  Only M2P updates of another domain's frames and
 * flushes are left to Xen then: building a PV guest needs nothing else.
 */
static bool own_tables_next(u64 op, const u64 *args, const void *buf, u64 len,
			    u64 *pos, struct xprivcmd_va *va)
{
	const u64 size = op == OP_MMU_UPDATE ? SZ_MMU_UPDATE : SZ_MMUEXT_OP;
	u64 word;
	u32 cmd;

	for (; (*pos + 1) * size <= len; (*pos)++) {
		if (op == OP_MMU_UPDATE) {
			word = get_u64(buf, *pos * size);
			if ((word & MMU_REQ_TYPE_MASK) == MMU_MACHPHYS_UPDATE &&
			    !names_self(args[3]))
				continue;
		} else {
			cmd = get_u32(buf, *pos * size);
			if ((cmd >= MMUEXT_FIRST_FLUSH && cmd <= MMUEXT_LAST_FLUSH) ||
			    cmd == MMUEXT_FLUSH_CACHE_GLOBAL)
				continue;
			word = cmd;
		}
		va->addr = word;
		va->elem = *pos;
		va->arg = 0;
		va->kind = XPRIVCMD_VA_OWN_TABLES;
		(*pos)++;
		return true;
	}
	return false;
}

/**
 * xprivcmd_schema_copy() - must this call be issued with a kernel copy?
 * @op: hypercall number
 * @args: its arguments
 * @whole: set to the structure to copy when the answer is yes
 *
 * struct_cmd hypercalls always are (their sub-command is in memory).
 * Others are when their sub-command's structure holds guest handles the
 * schema models: the handles must be checked on a copy that Xen then reads.
 *
 * Return: true if the call is to be issued with a kernel copy of @whole.
 */
bool xprivcmd_schema_copy(u64 op, const u64 *args, struct xprivcmd_range *whole)
{
	const struct xprivcmd_op *s = xprivcmd_schema_op(op);
	const struct xprivcmd_ptr *p;
	unsigned int i;
	u64 cmd;

	if (!s)
		return false;
	if (s->struct_cmd) {
		fill_range(&s->ptrs[0], args, whole);
		return true;
	}
	if (may_touch_own_tables(op, args)) {
		fill_range(&s->ptrs[0], args, whole);
		return whole->len != 0;
	}
	if (!s->muxed || !s->subops)
		return false;
	cmd = args[s->cmd_arg] & s->cmd_mask;
	if (!has_nested(op, 0, cmd) && gnt_va_index(op, cmd) < 0)
		return false;
	for (i = 0; i < s->nr_subops; i++) {
		p = &s->subops[i].ptr;
		if (s->subops[i].cmd == cmd && p->size) {
			fill_range(p, args, whole);
			return whole->len != 0;
		}
	}
	return false;
}

/**
 * xprivcmd_schema_struct() - look inside a hypercall's structure
 * @op: hypercall number; xprivcmd_schema_copy() said yes for the call
 * @args: its arguments (for ops whose sub-command is an argument)
 * @buf: a kernel copy of the structure
 * @len: bytes in @buf
 * @info: filled in: sub-command, interface version and the user buffers
 *	the structure's guest handles point to
 */
void xprivcmd_schema_struct(u64 op, const u64 *args, const void *buf,
			    u64 len, struct xprivcmd_struct_info *info)
{
	const struct xprivcmd_op *s = xprivcmd_schema_op(op);
	unsigned int i;

	info->nr_ranges = 0;
	info->iv_known = false;
	if (!s)
		return;
	if (s->struct_cmd) {
		if (len < 8)
			return;
		info->cmd = get_u32(buf, 0);
		info->iv = get_u32(buf, 4);
		for (i = 0; i < ARRAY_SIZE(known_ivs); i++)
			if (known_ivs[i].op == op && known_ivs[i].iv == info->iv)
				info->iv_known = true;
	} else {
		/* Xen's stable guest ABI: one layout, no version. */
		info->cmd = args[s->cmd_arg] & s->cmd_mask;
		info->iv = 0;
		info->iv_known = true;
	}
	if (!info->iv_known)
		return;

	for (i = 0; i < ARRAY_SIZE(nested); i++) {
		const struct xprivcmd_nested *n = &nested[i];
		struct xprivcmd_range *r = &info->ranges[info->nr_ranges];

		if (n->op != op || n->iv != info->iv || n->cmd != info->cmd ||
		    !nested_fits(n, len) ||
		    info->nr_ranges == XPRIVCMD_MAX_NESTED)
			continue;
		if (n->cond_mask &&
		    (get_u32(buf, n->cond_off) & n->cond_mask) != n->cond_val)
			continue;
		r->addr = get_u64(buf, n->ptr_off);
		r->len = nested_len(n, buf);
		r->arg = s->ptrs[0].arg;
		r->access = n->access;
		r->required = n->flags & N_REQUIRED;
		/* Xen touches nothing behind a handle with nothing to copy. */
		if (r->len)
			info->nr_ranges++;
	}
}

/* update_va_mapping(_otherdomain): (va, val, flags[, domid]). */
static bool uvm_next_va(const u64 *args, u64 *pos, struct xprivcmd_va *va)
{
	u64 mask = args[2] & ~UVMF_FLUSHTYPE_MASK;

	va->elem = 0;
	if (*pos == 0) {
		/* The page whose entry Xen rewrites in our page tables. */
		*pos = 1;
		va->addr = args[0];
		va->arg = 0;
		va->kind = XPRIVCMD_VA_MAPPING;
		return true;
	}
	/*
	 * A flush of some vCPUs only: the flags, less the flush type, are
	 * the address of the vCPU bitmap Xen reads.
	 */
	if (*pos == 1 && (args[2] & UVMF_FLUSHTYPE_MASK) &&
	    mask != UVMF_LOCAL && mask != UVMF_ALL) {
		*pos = 2;
		va->addr = mask;
		va->arg = 2;
		va->kind = XPRIVCMD_VA_VCPUMASK;
		return true;
	}
	return false;
}

/* @pos counts (element, address) pairs over the array in @buf. */
static bool gnt_next_va(int g, const void *buf, u64 len, u64 *pos,
			struct xprivcmd_va *va)
{
	const u8 per = gnt_vas[g].nr_vas, size = gnt_vas[g].elem;
	u64 elem, addr;
	u32 flags;

	for (; (*pos / per + 1) * size <= len; (*pos)++) {
		elem = *pos / per;
		addr = get_u64(buf, elem * size + (*pos % per) * 8);
		va->kind = XPRIVCMD_VA_MAPPING;
		if (gnt_vas[g].cmd == 0) {
			/* Only a host mapping has an address; device maps don't. */
			flags = get_u32(buf, elem * size + 8);
			if (!(flags & GNTMAP_HOST_MAP))
				continue;
			if (flags & GNTMAP_CONTAINS_PTE)
				va->kind = XPRIVCMD_VA_PTE;
		} else if (!addr) {
			/* An unmap without address leaves the page tables alone. */
			continue;
		}
		va->addr = addr;
		va->elem = elem;
		va->arg = 1;
		(*pos)++;
		return true;
	}
	return false;
}

/**
 * xprivcmd_schema_next_va() - the next virtual address a call hands Xen
 *	outside any guest handle
 * @op: hypercall number
 * @args: its arguments
 * @buf: the kernel copy of its structure, if xprivcmd_schema_copy() asked
 *	for one, else NULL
 * @len: bytes in @buf
 * @pos: iterator, 0 to start
 * @va: filled in with the address and what it stands for
 *
 * update_va_mapping and the grant table's map and unmap operations name
 * pages of the caller's address space by virtual address; Xen edits the
 * page-table entries behind them.  A kernel address there would have Xen
 * remap or unmap the kernel's own memory.
 *
 * Return: true when @va was filled in.
 */
bool xprivcmd_schema_next_va(u64 op, const u64 *args, const void *buf,
			     u64 len, u64 *pos, struct xprivcmd_va *va)
{
	int g;

	if (op == OP_UPDATE_VA_MAPPING || op == OP_UPDATE_VA_MAPPING_OTHERDOMAIN)
		return uvm_next_va(args, pos, va);
	if (may_touch_own_tables(op, args))
		return buf && own_tables_next(op, args, buf, len, pos, va);
	g = gnt_va_index(op, args[0] & GNTTABOP_CMD_MASK);
	if (g < 0 || !buf)
		return false;
	return gnt_next_va(g, buf, len, pos, va);
}

/* public/vcpu.h: the vcpu_op sub-commands that only read. */
#define VCPUOP_IS_UP			3
#define VCPUOP_GET_RUNSTATE_INFO	4
#define VCPUOP_GET_PHYSID		12

/**
 * xprivcmd_schema_kernel_state() - does the call set state of the kernel
 *	that issues it?
 * @op: hypercall number
 * @args: its arguments
 *
 * A PV kernel hands Xen its trap table, callbacks, kernel stack, descriptor
 * tables, timer and per-vCPU areas with these hypercalls.  Issued through
 * the device they act on the same vCPU, as if the kernel had issued them:
 * a trap table or callback pointing anywhere, a runstate area Xen keeps
 * writing to after the process is gone.  No privcmd client issues them.
 *
 * Return: true for such a call.
 */
bool xprivcmd_schema_kernel_state(u64 op, const u64 *args)
{
	u32 cmd;

	switch (op) {
	case 0:		/* set_trap_table */
	case 2:		/* set_gdt */
	case 3:		/* stack_switch */
	case 4:		/* set_callbacks */
	case 5:		/* fpu_taskswitch */
	case 8:		/* set_debugreg */
	case 10:	/* update_descriptor */
	case 15:	/* set_timer_op */
	case 21:	/* vm_assist */
	case 23:	/* iret */
	case 25:	/* set_segment_base */
	case 28:	/* nmi_op */
	case 30:	/* callback_op */
		return true;
	case 24:	/* vcpu_op: (cmd, vcpu, arg) on our own domain's vCPUs */
		cmd = (u32)args[0];
		return cmd != VCPUOP_IS_UP && cmd != VCPUOP_GET_RUNSTATE_INFO &&
		       cmd != VCPUOP_GET_PHYSID;
	default:
		return false;
	}
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
		fill_range(p, args, &ranges[n]);
		if (ranges[n].len)
			n++;
	}
	return n;
}

/*
 * Declarations of user hypercalls, whitespace- or ';'-separated:
 *
 *	NAME=NR[:argI=ACCESS LEN[,argI=ACCESS LEN]]
 *
 * ACCESS is in, out or inout; LEN is a byte count, or *argJ for "as many
 * bytes as argument J says".  "hello=43:arg0=in*arg1" declares hypercall 43,
 * named hello, whose argument 0 points to argument 1 bytes that Xen reads.
 * Only numbers below 64 that Xen's public interface leaves free can be
 * declared.
 */

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

static int take_uint(const char **sp, u64 max, u64 *out)
{
	const char *s = *sp;
	u64 v = 0;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (*s++ - '0');
		if (v > max)
			return -ERANGE;
	}
	*sp = s;
	*out = v;
	return 0;
}

static bool take(const char **sp, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*sp, word, n))
		return false;
	*sp += n;
	return true;
}

static int parse_ptr(const char **sp, struct xprivcmd_ptr *p)
{
	u64 arg, v;

	if (!take(sp, "arg") || take_uint(sp, XPRIVCMD_NR_ARGS - 1, &arg) ||
	    !take(sp, "="))
		return -EINVAL;
	p->arg = arg;
	p->required = true;
	if (take(sp, "inout"))
		p->access = XPRIVCMD_INOUT;
	else if (take(sp, "in"))
		p->access = XPRIVCMD_IN;
	else if (take(sp, "out"))
		p->access = XPRIVCMD_OUT;
	else
		return -EINVAL;
	if (take(sp, "*arg")) {
		if (take_uint(sp, XPRIVCMD_NR_ARGS - 1, &v) || v == arg)
			return -EINVAL;
		p->count_arg = v;
		p->size = 1;
	} else {
		if (take_uint(sp, 1 << 20, &v) || !v)
			return -EINVAL;
		p->count_arg = XPRIVCMD_NO_ARG;
		p->size = v;
	}
	return 0;
}

static int parse_user_op(const char **sp, struct xprivcmd_user_ops *u)
{
	struct xprivcmd_user_op *d;
	const char *s = *sp;
	size_t len = 0;
	u64 nr;
	int ret;

	if (u->count == XPRIVCMD_MAX_USER_OPS)
		return -ENOSPC;
	d = &u->ops[u->count];
	memset(d, 0, sizeof(*d));
	while (name_char(s[len]))
		len++;
	if (!len || len >= XPRIVCMD_USER_NAME_MAX || s[len] != '=')
		return -EINVAL;
	memcpy(d->name, s, len);
	s += len + 1;
	ret = take_uint(&s, 63, &nr);
	if (ret)
		return ret;
	/* Xen's own hypercalls keep the schema xprivcmd knows for them. */
	if (xprivcmd_schema_op(nr) || xprivcmd_user_ops_find(u, nr))
		return -EEXIST;
	d->nr = nr;
	if (take(&s, ":")) {
		do {
			if (d->op.nr_ptrs == XPRIVCMD_MAX_PTRS)
				return -E2BIG;
			ret = parse_ptr(&s, &d->op.ptrs[d->op.nr_ptrs]);
			if (ret)
				return ret;
			d->op.nr_ptrs++;
		} while (take(&s, ","));
	}
	if (*s && *s != ' ' && *s != ';' && *s != '\n' && *s != '\t')
		return -EINVAL;
	u->count++;
	*sp = s;
	return 0;
}

/**
 * xprivcmd_user_ops_parse() - read declarations of user hypercalls
 * @u: filled in; emptied first
 * @text: NUL-terminated declarations
 *
 * Return: 0; -EINVAL for malformed text; -ERANGE for a number above 63;
 * -EEXIST for a number Xen's interface defines or declared twice; -E2BIG
 * for more than %XPRIVCMD_MAX_PTRS pointers; -ENOSPC for more than
 * %XPRIVCMD_MAX_USER_OPS declarations.
 */
int xprivcmd_user_ops_parse(struct xprivcmd_user_ops *u, const char *text)
{
	int ret;

	u->count = 0;
	for (;;) {
		while (*text == ' ' || *text == ';' || *text == '\n' || *text == '\t')
			text++;
		if (!*text)
			return 0;
		ret = parse_user_op(&text, u);
		if (ret)
			return ret;
	}
}

const struct xprivcmd_user_op *
xprivcmd_user_ops_find(const struct xprivcmd_user_ops *u, u64 op)
{
	unsigned int i;

	for (i = 0; i < u->count; i++)
		if (u->ops[i].nr == op)
			return &u->ops[i];
	return NULL;
}

static const char * const access_names[] = {
	[XPRIVCMD_IN] = "in", [XPRIVCMD_OUT] = "out", [XPRIVCMD_INOUT] = "inout",
};

/**
 * xprivcmd_append() - snprintf() at *@pos in @buf, advancing *@pos
 * @buf: output
 * @size: size of @buf
 * @pos: where to write; advanced past what was written
 * @fmt: format
 *
 * Return: 0, or -ENOSPC when the text did not fit.
 */
int xprivcmd_append(char *buf, unsigned int size, unsigned int *pos,
		    const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*pos >= size)
		return -ENOSPC;
	va_start(ap, fmt);
	n = vsnprintf(buf + *pos, size - *pos, fmt, ap);
	va_end(ap);
	if (n < 0 || (unsigned int)n >= size - *pos)
		return -ENOSPC;
	*pos += n;
	return 0;
}

/**
 * xprivcmd_user_ops_format() - write declarations back in their language
 * @u: the declarations
 * @buf: output
 * @size: size of @buf
 *
 * Return: the length written, or -ENOSPC.
 */
int xprivcmd_user_ops_format(const struct xprivcmd_user_ops *u, char *buf,
			     unsigned int size)
{
	unsigned int i, j, pos = 0;
	int ret = size ? 0 : -ENOSPC;

	if (!ret)
		buf[0] = '\0';
	for (i = 0; !ret && i < u->count; i++) {
		const struct xprivcmd_user_op *d = &u->ops[i];

		ret = xprivcmd_append(buf, size, &pos, "%s%s=%u", i ? " " : "",
				      d->name, d->nr);
		for (j = 0; !ret && j < d->op.nr_ptrs; j++) {
			const struct xprivcmd_ptr *p = &d->op.ptrs[j];

			ret = xprivcmd_append(buf, size, &pos, "%sarg%u=%s",
					      j ? "," : ":", p->arg,
					      access_names[p->access]);
			if (!ret && p->count_arg == NO_ARG)
				ret = xprivcmd_append(buf, size, &pos, "%u", p->size);
			else if (!ret)
				ret = xprivcmd_append(buf, size, &pos, "*arg%u",
						      p->count_arg);
		}
	}
	return ret ? ret : (int)pos;
}
