/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the schema_*.c files share and nothing else needs: sizes and masks
 * from Xen's public headers (64-bit ABI), and readers of structure copies.
 */
#ifndef XPRIVCMD_SCHEMA_INTERNAL_H
#define XPRIVCMD_SCHEMA_INTERNAL_H

#include "portability.h"
#include "schema.h"

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
#define SZ_FLASK_OP		40	/* struct xen_flask_op */
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
#define SZ_VARBUF_HEAD		4	/* struct xen_varbuf, without buf[] */
/*
 * A handle whose length Xen alone decides (perfc's counters, livepatch
 * metadata): only its start can be checked.  That suffices: a copy that
 * starts in user space meets the unmapped hole above it (non-canonical
 * on x86_64, between the TTBR0 and TTBR1 ranges on arm64) and faults in
 * Xen before it could reach the kernel.
 */
#define SZ_START		1

static inline u32 xprivcmd_get_u32(const void *buf, unsigned int off)
{
	u32 v;

	memcpy(&v, (const char *)buf + off, sizeof(v));
	return v;
}

static inline u64 xprivcmd_get_u64(const void *buf, unsigned int off)
{
	u64 v;

	memcpy(&v, (const char *)buf + off, sizeof(v));
	return v;
}

#endif /* XPRIVCMD_SCHEMA_INTERNAL_H */
