// SPDX-License-Identifier: GPL-2.0-only
/*
 * The guest handles embedded in hypercall structures, and what a call's
 * structure holds: its sub-command, interface version and the user buffers
 * its handles point to.
 */
#include "schema_internal.h"
#include "xen_domctl.h"
#include "xen_guest.h"
#include "xen_misc.h"
#include "xen_platform.h"
#include "xen_sysctl.h"

/* Flags of a nested handle. */
#define N_REQUIRED	0x1	/* NULL is refused (else NULL is left to Xen) */
#define N_BITS		0x2	/* the count is in bits, rounded up to bytes */
#define N_SQUARE	0x4	/* count * count elements (a distance matrix) */
#define N_SPAN		0x8	/* a u32 pair first, last at the count: last - first + 1 */

/**
 * struct xprivcmd_nested - a guest handle inside a hypercall's structure
 * @op: hypercall number
 * @iv: interface version the layout belongs to; 0 for the stable guest ABI
 * @iv2: a second interface version with the same layout and the same use
 *	by Xen (N_ALSO()), 0 for none
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
	u32 iv2;
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
/* The handle is used when the u32 at @_off is @_val. */
#define WHEN_IS(_off, _val) WHEN(_off, ~0U, _val)
/* The row holds for interface version @_iv too. */
#define N_ALSO(_iv)	.iv2 = (_iv)

/*
 * The families' hypercalls and interface versions, by Xen's names; the
 * stable guest ABI has none (NO_IV).
 */
#define N_PLATFORM	__HYPERVISOR_platform_op
#define IV_PF		XENPF_INTERFACE_VERSION
#define N_XSM		__HYPERVISOR_xsm_op
#define IV_XSM		XEN_FLASK_INTERFACE_VERSION
#define N_SYSCTL	__HYPERVISOR_sysctl
#define IV_SYSCTL	XEN_SYSCTL_INTERFACE_VERSION
#define N_MCA		__HYPERVISOR_mca
#define IV_MCA		XEN_MCA_INTERFACE_VERSION
#define N_DOMCTL	__HYPERVISOR_domctl
#define IV_DOMCTL	XPRIVCMD_DOMCTL_IV_417
#define IV_DOMCTL_420	XPRIVCMD_DOMCTL_IV_420
/*
 * A domctl handle of Xen 4.17 that Xen 4.20 has at the same offset, with
 * the same count, and follows the same way: public/domctl.h of 4.20
 * changed only createdomain (altp2m_opts, no handle) and added
 * sub-commands; testing/unit/domctl420_test.c checks the offsets against
 * Debian 13's headers.
 */
#define DC420		N_ALSO(IV_DOMCTL_420)
/* paging_domctl_cont: a domctl (shadow_op) */
#define N_PAGING_CONT	__HYPERVISOR_arch_1
#define N_MEMOP		__HYPERVISOR_memory_op
#define N_GNTTABOP	__HYPERVISOR_grant_table_op
#define NO_IV		0
/* The platform_op and mca unions start after cmd and interface_version. */
#define PU		8
#define MU		8
/* Sizes of what platform_op and mca handles point to (x86_64 ABI). */
#define SZ_EDID			128	/* firmware_info VBEDDC_INFO's edid */
#define SZ_PROCESSOR_PX		48	/* struct xen_processor_px */
#define SZ_PDC			12	/* _PDC: three u32 */
#define SZ_RESOURCE_ENTRY	24	/* xenpf_resource_entry_t */
#define SZ_MC_INFO		768	/* struct mc_info */
#define SZ_MC_LOGICAL_CPU	304	/* xen_mc_logical_cpu_t */
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
 *  sysctl 0x15 get_pmstat get_pxstat   trans_pt, pt      start only (Xen's count)
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
 *  platform_op microcode_update        data              length bytes (x86)
 *  platform_op microcode_update2       data              length bytes (x86,
 *                                                        Xen 4.20)
 *  platform_op firmware_info DISK_INFO edd_params        start only (a u16
 *                                                        length in it, x86)
 *  platform_op firmware_info VBEDDC     edid              128 (x86)
 *  platform_op getidletime             cpumap_bitmap     (cpumap_nr_cpus + 7) / 8,
 *                                      idletime          cpumap_nr_cpus * 8 (x86)
 *  platform_op set_processor_pminfo PX states            state_count * 48 (x86)
 *  platform_op set_processor_pminfo PDC pdc              12 (x86)
 *  platform_op resource_op             entries           nr_entries * 24 (x86)
 *  platform_op get_symbol              name              namelen bytes (x86)
 *  mca fetch (unless XEN_MC_ACK)       data              768 (x86)
 *  mca physcpuinfo                     info              ncpus * 304 (x86)
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
 *  (every domctl 0x15 row above holds for 0x17, Xen 4.20, too)
 *  domctl 0x17 set_llc_colors          llc_colors        num_llc_colors * 4
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
 * hold no guest handles; nor do event_channel_op structures.  The domctl
 * rows are every handle Xen 4.17 follows for a domctl (its x86 and Arm
 * source, with verdicts_domctl.c): the other sub-commands hold none.
 * Each holds for Xen 4.20's domctl (0x17) too (DC420), which adds
 * set_llc_colors' colour list.
 * The platform_op and mca sub-commands not listed hold none, or are
 * unmodelled in verdicts_platform.c; physdev_op and hvm_op structures hold
 * none that verdicts_misc.c lets through.
 */
static const struct xprivcmd_nested nested[] = {
	/*
	 * xsm_op (flask_op.c): load reads the policy; context_to_sid reads
	 * and sid_to_context writes the context string (Xen writes only
	 * what fits in size); get/setbool read the name when bool_id is -1
	 * and getbool writes it back; devicetree_label reads the path.
	 */
	NARR(N_XSM, IV_XSM, FLASK_LOAD,
	     8, 16, 4, XPRIVCMD_IN, 1),
	NARR(N_XSM, IV_XSM, FLASK_CONTEXT_TO_SID,
	     16, 12, 4, XPRIVCMD_IN, 1),
	NARR(N_XSM, IV_XSM, FLASK_SID_TO_CONTEXT,
	     16, 12, 4, XPRIVCMD_OUT, 1),
	NARR(N_XSM, IV_XSM, FLASK_GETBOOL,
	     24, 16, 4, XPRIVCMD_INOUT, 1),
	NARR(N_XSM, IV_XSM, FLASK_SETBOOL,
	     24, 16, 4, XPRIVCMD_IN, 1),
	NARR(N_XSM, IV_XSM, FLASK_DEVICETREE_LABEL,
	     16, 12, 4, XPRIVCMD_IN, 1),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_readconsole,
	     16, 24, 4, XPRIVCMD_OUT, 1, .flags = N_REQUIRED),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_getdomaininfolist,
	     16, 12, 4, XPRIVCMD_OUT, 112, .flags = N_REQUIRED),
	/* XEN_SYSCTL_tbuf_op: set_cpu_mask reads a xenctl_bitmap */
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_tbuf_op,
	     SU + 8, SU + 16, 4, XPRIVCMD_IN, 1, .flags = N_BITS,
	     WHEN_IS(SU, XEN_SYSCTL_TBUFOP_set_cpu_mask)),
	/* XEN_SYSCTL_perfc_op: Xen writes as many counters as it has */
	NFIX(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_perfc_op,
	     SU + 16, XPRIVCMD_OUT, SZ_START),
	NFIX(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_perfc_op,
	     SU + 24, XPRIVCMD_OUT, SZ_START),
	/* XEN_SYSCTL_debug_keys */
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_debug_keys,
	     SU, SU + 8, 4, XPRIVCMD_IN, 1),
	/* XEN_SYSCTL_getcpuinfo */
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_getcpuinfo,
	     SU + 8, SU, 4, XPRIVCMD_OUT, SZ_CPUINFO),
	/*
	 * XEN_SYSCTL_get_pmstat: PMSTAT_get_pxstat copies Xen's own
	 * state_count^2 and state_count entries, ignoring total
	 * (drivers/acpi/pmstat.c:do_get_pm_info()): start only.
	 * PMSTAT_get_cxstat copies at most the caller's counts.
	 */
	NFIX(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_get_pmstat,
	     SU + 16, XPRIVCMD_OUT, SZ_START,
	     WHEN_IS(SU, PMSTAT_get_pxstat)),
	NFIX(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_get_pmstat,
	     SU + 24, XPRIVCMD_OUT, SZ_START,
	     WHEN_IS(SU, PMSTAT_get_pxstat)),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_get_pmstat,
	     SU + 24, SU + 8, 4, XPRIVCMD_OUT, 8,
	     WHEN_IS(SU, PMSTAT_get_cxstat)),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_get_pmstat,
	     SU + 32, SU + 8, 4, XPRIVCMD_OUT, 8,
	     WHEN_IS(SU, PMSTAT_get_cxstat)),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_get_pmstat,
	     SU + 48, SU + 40, 4, XPRIVCMD_OUT, 8,
	     WHEN_IS(SU, PMSTAT_get_cxstat)),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_get_pmstat,
	     SU + 56, SU + 44, 4, XPRIVCMD_OUT, 8,
	     WHEN_IS(SU, PMSTAT_get_cxstat)),
	/* XEN_SYSCTL_pm_op: GET_CPUFREQ_PARA */
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_pm_op,
	     SU + 24, SU + 8, 4, XPRIVCMD_OUT, 4,
	     WHEN_IS(SU, GET_CPUFREQ_PARA)),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_pm_op,
	     SU + 32, SU + 12, 4, XPRIVCMD_OUT, 4,
	     WHEN_IS(SU, GET_CPUFREQ_PARA)),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_pm_op,
	     SU + 40, SU + 16, 4, XPRIVCMD_OUT, SZ_CPUFREQ_NAME,
	     WHEN_IS(SU, GET_CPUFREQ_PARA)),
	/* XEN_SYSCTL_page_offline_op: one status per page of start..end */
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_page_offline_op,
	     SU + 16, SU + 4, 4, XPRIVCMD_OUT, 4, .flags = N_SPAN),
	/* XEN_SYSCTL_lockprof_op: XEN_SYSCTL_LOCKPROF_query */
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_lockprof_op,
	     SU + 24, SU + 4, 4, XPRIVCMD_OUT, SZ_LOCKPROF_DATA,
	     WHEN_IS(SU, XEN_SYSCTL_LOCKPROF_query)),
	/* XEN_SYSCTL_cputopoinfo, numainfo (xl info -n) */
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_cputopoinfo,
	     SU + 8, SU, 4, XPRIVCMD_OUT, SZ_CPUTOPO),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_numainfo,
	     SU + 8, SU, 4, XPRIVCMD_OUT, SZ_MEMINFO),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_numainfo,
	     SU + 16, SU, 4, XPRIVCMD_OUT, 4, .flags = N_SQUARE),
	/* XEN_SYSCTL_cpupool_op: OP_INFO and OP_FREEINFO write the cpumap */
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_cpupool_op,
	     SU + 24, SU + 32, 4, XPRIVCMD_OUT, 1, .flags = N_BITS,
	     WHEN_IS(SU, XEN_SYSCTL_CPUPOOL_OP_INFO)),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_cpupool_op,
	     SU + 24, SU + 32, 4, XPRIVCMD_OUT, 1, .flags = N_BITS,
	     WHEN_IS(SU, XEN_SYSCTL_CPUPOOL_OP_FREEINFO)),
	/* XEN_SYSCTL_scheduler_op: XEN_SCHEDULER_ARINC653's schedule */
	NFIX(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_scheduler_op,
	     SU + 16, XPRIVCMD_INOUT, SZ_ARINC653_SCHEDULE,
	     WHEN_IS(SU + 4, XEN_SCHEDULER_ARINC653)),
	/* XEN_SYSCTL_coverage_op: XEN_SYSCTL_COVERAGE_read */
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_coverage_op,
	     SU + 8, SU + 4, 4, XPRIVCMD_OUT, 1,
	     WHEN_IS(SU, XEN_SYSCTL_COVERAGE_read)),
	/* XEN_SYSCTL_pcitopoinfo */
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_pcitopoinfo,
	     SU + 8, SU, 4, XPRIVCMD_IN, SZ_PCI_DEVICE),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_pcitopoinfo,
	     SU + 16, SU, 4, XPRIVCMD_OUT, 4),
	/* XEN_SYSCTL_get_cpu_featureset */
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_get_cpu_featureset,
	     SU + 8, SU + 4, 4, XPRIVCMD_OUT, 4),
	/* XEN_SYSCTL_livepatch_op: UPLOAD, GET, LIST, ACTION */
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_livepatch_op,
	     SU + 8, SU + 16, 2, XPRIVCMD_IN, 1,
	     WHEN_IS(SU, XEN_SYSCTL_LIVEPATCH_UPLOAD)),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_livepatch_op,
	     SU + 32, SU + 24, 8, XPRIVCMD_IN, 1,
	     WHEN_IS(SU, XEN_SYSCTL_LIVEPATCH_UPLOAD)),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_livepatch_op,
	     SU + 8, SU + 16, 2, XPRIVCMD_IN, 1,
	     WHEN_IS(SU, XEN_SYSCTL_LIVEPATCH_GET)),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_livepatch_op,
	     SU + 32, SU + 16, 4, XPRIVCMD_OUT, SZ_LIVEPATCH_STATUS,
	     WHEN_IS(SU, XEN_SYSCTL_LIVEPATCH_LIST)),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_livepatch_op,
	     SU + 40, SU + 16, 4, XPRIVCMD_OUT, SZ_LIVEPATCH_NAME,
	     WHEN_IS(SU, XEN_SYSCTL_LIVEPATCH_LIST)),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_livepatch_op,
	     SU + 48, SU + 16, 4, XPRIVCMD_OUT, 4,
	     WHEN_IS(SU, XEN_SYSCTL_LIVEPATCH_LIST)),
	NFIX(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_livepatch_op,
	     SU + 56, XPRIVCMD_OUT, SZ_START,
	     WHEN_IS(SU, XEN_SYSCTL_LIVEPATCH_LIST)),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_livepatch_op,
	     SU + 64, SU + 16, 4, XPRIVCMD_OUT, 4,
	     WHEN_IS(SU, XEN_SYSCTL_LIVEPATCH_LIST)),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_livepatch_op,
	     SU + 8, SU + 16, 2, XPRIVCMD_IN, 1,
	     WHEN_IS(SU, XEN_SYSCTL_LIVEPATCH_ACTION)),
#ifdef CONFIG_X86
	/* XEN_SYSCTL_get_cpu_policy */
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_get_cpu_policy,
	     SU + 16, SU + 4, 4, XPRIVCMD_OUT, SZ_CPUID_LEAF),
	NARR(N_SYSCTL, IV_SYSCTL, XEN_SYSCTL_get_cpu_policy,
	     SU + 24, SU + 8, 4, XPRIVCMD_OUT, SZ_MSR_ENTRY),
#endif

#ifdef CONFIG_X86
	/*
	 * platform_op (arch/x86/platform_hypercall.c:do_platform_op()).
	 * XENPF_microcode_update: cpu/microcode/core.c:microcode_update()
	 * copies length bytes.
	 */
	NARR(N_PLATFORM, IV_PF, XENPF_microcode_update,
	     PU, PU + 8, 4, XPRIVCMD_IN, 1),
	/* XENPF_microcode_update2 (Xen 4.20): flags, length, then data */
	NARR(N_PLATFORM, IV_PF, XENPF_microcode_update2,
	     PU + 8, PU + 4, 4, XPRIVCMD_IN, 1),
	/*
	 * XENPF_firmware_info XEN_FW_DISK_INFO: Xen reads a u16 length at
	 * edd_params and writes at most that many bytes upwards from it,
	 * a length in the caller's memory: start only.  XEN_FW_VBEDDC_INFO:
	 * 128 bytes of EDID.
	 */
	NFIX(N_PLATFORM, IV_PF, XENPF_firmware_info,
	     PU + 16, XPRIVCMD_INOUT, SZ_START,
	     WHEN_IS(PU, XEN_FW_DISK_INFO)),
	NFIX(N_PLATFORM, IV_PF, XENPF_firmware_info,
	     PU + 16, XPRIVCMD_OUT, SZ_EDID,
	     WHEN_IS(PU, XEN_FW_VBEDDC_INFO)),
	/*
	 * XENPF_getidletime: the cpumap is read and written back, one
	 * idle time is written per CPU in it, all below cpumap_nr_cpus.
	 */
	NARR(N_PLATFORM, IV_PF, XENPF_getidletime,
	     PU, PU + 8, 4, XPRIVCMD_INOUT, 1, .flags = N_BITS),
	NARR(N_PLATFORM, IV_PF, XENPF_getidletime,
	     PU + 16, PU + 8, 4, XPRIVCMD_OUT, 8),
	/*
	 * XENPF_set_processor_pminfo XEN_PM_PX: drivers/cpufreq/cpufreq.c:
	 * set_px_pminfo() reads state_count states (when flags has
	 * XEN_PX_PSS; checked whatever the flags).  XEN_PM_PDC:
	 * drivers/acpi/pmstat.c:acpi_set_pdc_bits() reads three u32 and
	 * writes the third.
	 */
	NARR(N_PLATFORM, IV_PF, XENPF_set_processor_pminfo,
	     PU + 56, PU + 48, 4, XPRIVCMD_IN, SZ_PROCESSOR_PX,
	     WHEN_IS(PU + 4, XEN_PM_PX)),
	NFIX(N_PLATFORM, IV_PF, XENPF_set_processor_pminfo,
	     PU + 8, XPRIVCMD_INOUT, SZ_PDC,
	     WHEN_IS(PU + 4, XEN_PM_PDC)),
	/* XENPF_resource_op: nr_entries entries, read and written back */
	NARR(N_PLATFORM, IV_PF, XENPF_resource_op,
	     PU + 8, PU, 4, XPRIVCMD_INOUT, SZ_RESOURCE_ENTRY),
	/* XENPF_get_symbol: at most namelen bytes of the name */
	NARR(N_PLATFORM, IV_PF, XENPF_get_symbol,
	     PU + 8, PU, 4, XPRIVCMD_OUT, 1),

	/*
	 * mca (cpu/mcheck/mce.c:do_mca()).  XEN_MC_fetch writes one
	 * struct mc_info unless the flags acknowledge; XEN_MC_physcpuinfo
	 * at most ncpus entries.
	 */
	NFIX(N_MCA, IV_MCA, XEN_MC_fetch,
	     MU + 16, XPRIVCMD_OUT, SZ_MC_INFO,
	     WHEN(MU, XEN_MC_ACK, 0)),
	NARR(N_MCA, IV_MCA, XEN_MC_physcpuinfo,
	     MU + 8, MU, 4, XPRIVCMD_OUT, SZ_MC_LOGICAL_CPU),
#endif

	/* XEN_DOMCTL_setvcpuaffinity, getvcpuaffinity: xenctl_bitmaps */
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_setvcpuaffinity,
	     DU + 8, DU + 16, 4, XPRIVCMD_INOUT, 1, .flags = N_BITS,
	     WHEN(DU + 4, 1U << _XEN_VCPUAFFINITY_HARD, 1U << _XEN_VCPUAFFINITY_HARD),
	     DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_setvcpuaffinity,
	     DU + 24, DU + 32, 4, XPRIVCMD_INOUT, 1, .flags = N_BITS,
	     WHEN(DU + 4, 1U << _XEN_VCPUAFFINITY_SOFT, 1U << _XEN_VCPUAFFINITY_SOFT),
	     DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_getvcpuaffinity,
	     DU + 8, DU + 16, 4, XPRIVCMD_OUT, 1, .flags = N_BITS,
	     WHEN(DU + 4, 1U << _XEN_VCPUAFFINITY_HARD, 1U << _XEN_VCPUAFFINITY_HARD),
	     DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_getvcpuaffinity,
	     DU + 24, DU + 32, 4, XPRIVCMD_OUT, 1, .flags = N_BITS,
	     WHEN(DU + 4, 1U << _XEN_VCPUAFFINITY_SOFT, 1U << _XEN_VCPUAFFINITY_SOFT),
	     DC420),
	/* XEN_DOMCTL_shadow_op: OP_CLEAN and OP_PEEK write the dirty bitmap */
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_shadow_op,
	     DU + 16, DU + 24, 8, XPRIVCMD_OUT, 1, .flags = N_BITS,
	     WHEN_IS(DU, XEN_DOMCTL_SHADOW_OP_CLEAN), DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_shadow_op,
	     DU + 16, DU + 24, 8, XPRIVCMD_OUT, 1, .flags = N_BITS,
	     WHEN_IS(DU, XEN_DOMCTL_SHADOW_OP_PEEK), DC420),
	NARR(N_PAGING_CONT, IV_DOMCTL, XEN_DOMCTL_shadow_op,
	     DU + 16, DU + 24, 8, XPRIVCMD_OUT, 1, .flags = N_BITS,
	     WHEN_IS(DU, XEN_DOMCTL_SHADOW_OP_CLEAN), DC420),
	NARR(N_PAGING_CONT, IV_DOMCTL, XEN_DOMCTL_shadow_op,
	     DU + 16, DU + 24, 8, XPRIVCMD_OUT, 1, .flags = N_BITS,
	     WHEN_IS(DU, XEN_DOMCTL_SHADOW_OP_PEEK), DC420),
	/* XEN_DOMCTL_scheduler_op putvcpuinfo, getvcpuinfo */
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_scheduler_op,
	     DU + 8, DU + 16, 4, XPRIVCMD_IN, SZ_SCHED_VCPU,
	     WHEN_IS(DU + 4, XEN_DOMCTL_SCHEDOP_putvcpuinfo), DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_scheduler_op,
	     DU + 8, DU + 16, 4, XPRIVCMD_INOUT, SZ_SCHED_VCPU,
	     WHEN_IS(DU + 4, XEN_DOMCTL_SCHEDOP_getvcpuinfo), DC420),
	/* XEN_DOMCTL_gethvmcontext, sethvmcontext */
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_gethvmcontext,
	     DU + 8, DU, 4, XPRIVCMD_OUT, 1, DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_sethvmcontext,
	     DU + 8, DU, 4, XPRIVCMD_IN, 1, DC420),
	/* XEN_DOMCTL_{,test_,de}assign_device of a device tree node */
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_assign_device,
	     DU + 16, DU + 8, 4, XPRIVCMD_IN, 1,
	     WHEN_IS(DU, XEN_DOMCTL_DEV_DT), DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_test_assign_device,
	     DU + 16, DU + 8, 4, XPRIVCMD_IN, 1,
	     WHEN_IS(DU, XEN_DOMCTL_DEV_DT), DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_deassign_device,
	     DU + 16, DU + 8, 4, XPRIVCMD_IN, 1,
	     WHEN_IS(DU, XEN_DOMCTL_DEV_DT), DC420),
	/* XEN_DOMCTL_get_device_group */
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_get_device_group,
	     DU + 16, DU + 4, 4, XPRIVCMD_OUT, 4, DC420),
	/* XEN_DOMCTL_gethvmcontext_partial */
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_gethvmcontext_partial,
	     DU + 16, DU + 8, 8, XPRIVCMD_OUT, 1, DC420),
	/* XEN_DOMCTL_getpageframeinfo3 */
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_getpageframeinfo3,
	     DU + 8, DU, 8, XPRIVCMD_INOUT, SZ_XEN_ULONG, DC420),
	/* XEN_DOMCTL_setnodeaffinity, getnodeaffinity */
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_setnodeaffinity,
	     DU, DU + 8, 4, XPRIVCMD_IN, 1, .flags = N_BITS, DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_getnodeaffinity,
	     DU, DU + 8, 4, XPRIVCMD_OUT, 1, .flags = N_BITS, DC420),
	/* XEN_DOMCTL_setvnumainfo */
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_setvnumainfo,
	     DU + 16, DU, 4, XPRIVCMD_IN, 4, .flags = N_SQUARE, DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_setvnumainfo,
	     DU + 24, DU + 8, 4, XPRIVCMD_IN, 4, DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_setvnumainfo,
	     DU + 32, DU, 4, XPRIVCMD_IN, 4, DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_setvnumainfo,
	     DU + 40, DU + 4, 4, XPRIVCMD_IN, SZ_VMEMRANGE, DC420),
#ifdef CONFIG_X86
	/* XEN_DOMCTL_setvcpucontext, getvcpucontext */
	NFIX(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_setvcpucontext,
	     DU + 8, XPRIVCMD_IN, SZ_VCPU_CONTEXT, DC420),
	NFIX(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_getvcpucontext,
	     DU + 8, XPRIVCMD_OUT, SZ_VCPU_CONTEXT, DC420),
	/* XEN_DOMCTL_setvcpuextstate, getvcpuextstate */
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_setvcpuextstate,
	     DU + 24, DU + 16, 8, XPRIVCMD_IN, 1, DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_getvcpuextstate,
	     DU + 24, DU + 16, 8, XPRIVCMD_OUT, 1, DC420),
	/* XEN_DOMCTL_get_vcpu_msrs, set_vcpu_msrs */
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_get_vcpu_msrs,
	     DU + 8, DU + 4, 4, XPRIVCMD_OUT, SZ_MSR_ENTRY, DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_set_vcpu_msrs,
	     DU + 8, DU + 4, 4, XPRIVCMD_IN, SZ_MSR_ENTRY, DC420),
	/* XEN_DOMCTL_get_cpu_policy, set_cpu_policy */
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_get_cpu_policy,
	     DU + 8, DU, 4, XPRIVCMD_OUT, SZ_CPUID_LEAF, DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_get_cpu_policy,
	     DU + 16, DU + 4, 4, XPRIVCMD_OUT, SZ_MSR_ENTRY, DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_set_cpu_policy,
	     DU + 8, DU, 4, XPRIVCMD_IN, SZ_CPUID_LEAF, DC420),
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_set_cpu_policy,
	     DU + 16, DU + 4, 4, XPRIVCMD_IN, SZ_MSR_ENTRY, DC420),
	/*
	 * XEN_DOMCTL_gdbsx_guestmemio: Xen copies to or from uva; its
	 * pgd3val, a machine address, leaves the sub-command unmodelled.
	 */
	NARR(N_DOMCTL, IV_DOMCTL, XEN_DOMCTL_gdbsx_guestmemio,
	     DU + 16, DU + 24, 4, XPRIVCMD_INOUT, 1, DC420),
#endif
	/*
	 * Xen 4.20 only.  XEN_DOMCTL_set_llc_colors: common/llc-coloring.c
	 * domain_set_llc_colors() reads num_llc_colors u32s (none when it
	 * is 0).
	 */
	NARR(N_DOMCTL, IV_DOMCTL_420, XEN_DOMCTL_set_llc_colors,
	     DU + 8, DU, 4, XPRIVCMD_IN, 4),

	/* memory_op: increase_reservation, decrease_reservation, populate_physmap */
	NARR(N_MEMOP, NO_IV, XENMEM_increase_reservation,
	     0, 8, 8, XPRIVCMD_OUT, SZ_XEN_ULONG),
	NARR(N_MEMOP, NO_IV, XENMEM_decrease_reservation,
	     0, 8, 8, XPRIVCMD_IN, SZ_XEN_ULONG),
	NARR(N_MEMOP, NO_IV, XENMEM_populate_physmap,
	     0, 8, 8, XPRIVCMD_INOUT, SZ_XEN_ULONG),
	/* machphys_mfn_list, machphys_compat_mfn_list */
	NARR(N_MEMOP, NO_IV, XENMEM_machphys_mfn_list,
	     8, 0, 4, XPRIVCMD_OUT, SZ_XEN_ULONG),
	NARR(N_MEMOP, NO_IV, XENMEM_machphys_compat_mfn_list,
	     8, 0, 4, XPRIVCMD_OUT, SZ_XEN_ULONG),
	/* memory_map, machine_memory_map, set_memory_map */
	NARR(N_MEMOP, NO_IV, XENMEM_memory_map,
	     8, 0, 4, XPRIVCMD_OUT, SZ_E820_ENTRY),
	NARR(N_MEMOP, NO_IV, XENMEM_machine_memory_map,
	     8, 0, 4, XPRIVCMD_OUT, SZ_E820_ENTRY),
	NARR(N_MEMOP, NO_IV, XENMEM_set_memory_map,
	     16, 8, 4, XPRIVCMD_IN, SZ_E820_ENTRY),
	/* exchange: in and out reservations */
	NARR(N_MEMOP, NO_IV, XENMEM_exchange,
	     0, 8, 8, XPRIVCMD_IN, SZ_XEN_ULONG),
	NARR(N_MEMOP, NO_IV, XENMEM_exchange,
	     32, 40, 8, XPRIVCMD_INOUT, SZ_XEN_ULONG),
	/* add_to_physmap_batch: idxs, gpfns, errs, all size long */
	NARR(N_MEMOP, NO_IV, XENMEM_add_to_physmap_batch,
	     8, 4, 2, XPRIVCMD_IN, SZ_XEN_ULONG),
	NARR(N_MEMOP, NO_IV, XENMEM_add_to_physmap_batch,
	     16, 4, 2, XPRIVCMD_IN, SZ_XEN_ULONG),
	NARR(N_MEMOP, NO_IV, XENMEM_add_to_physmap_batch,
	     24, 4, 2, XPRIVCMD_OUT, 4),
	/* reserved_device_memory_map */
	NARR(N_MEMOP, NO_IV, XENMEM_reserved_device_memory_map,
	     8, 4, 4, XPRIVCMD_OUT, SZ_RDM),
	/* acquire_resource */
	NARR(N_MEMOP, NO_IV, XENMEM_acquire_resource,
	     24, 8, 4, XPRIVCMD_INOUT, SZ_XEN_ULONG),
	/* paging_op: XENMEM_paging_op_prep reads a page (op is a u8) */
	NFIX(N_MEMOP, NO_IV, XENMEM_paging_op,
	     8, XPRIVCMD_IN, SZ_XEN_PAGE,
	     WHEN(0, 0xff, XENMEM_paging_op_prep)),
	/* access_op: XENMEM_access_op_set_access_multi */
	NARR(N_MEMOP, NO_IV, XENMEM_access_op,
	     16, 4, 4, XPRIVCMD_IN, SZ_XEN_ULONG,
	     WHEN(0, 0xff, XENMEM_access_op_set_access_multi)),
	NARR(N_MEMOP, NO_IV, XENMEM_access_op,
	     24, 4, 4, XPRIVCMD_IN, 1,
	     WHEN(0, 0xff, XENMEM_access_op_set_access_multi)),
	/* get_vnumainfo */
	NARR(N_MEMOP, NO_IV, XENMEM_get_vnumainfo,
	     16, 4, 4, XPRIVCMD_OUT, 4, .flags = N_SQUARE),
	NARR(N_MEMOP, NO_IV, XENMEM_get_vnumainfo,
	     24, 8, 4, XPRIVCMD_OUT, 4),
	NARR(N_MEMOP, NO_IV, XENMEM_get_vnumainfo,
	     32, 12, 4, XPRIVCMD_OUT, SZ_VMEMRANGE),

	/* grant_table_op: setup_table, get_status_frames */
	NARR(N_GNTTABOP, NO_IV, GNTTABOP_setup_table,
	     16, 4, 4, XPRIVCMD_OUT, SZ_XEN_ULONG),
	NARR(N_GNTTABOP, NO_IV, GNTTABOP_get_status_frames,
	     8, 0, 4, XPRIVCMD_OUT, 8),
};

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
		return xprivcmd_get_u32(buf, off);
	default:
		return xprivcmd_get_u64(buf, off);
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
		count = xprivcmd_get_u32(buf, n->count_off + 4) < count ? 0 :
			xprivcmd_get_u32(buf, n->count_off + 4) - count + 1;
	if (n->flags & N_BITS)
		return count / 8 + !!(count % 8);
	/* Counts are at most 64 bits wide: an overflow is a length too. */
	if ((n->flags & N_SQUARE) && __builtin_mul_overflow(count, count, &count))
		return U64_MAX;
	if (__builtin_mul_overflow(count, (u64)n->size, &len))
		return U64_MAX;
	return len;
}

static bool nested_holds_for(const struct xprivcmd_nested *n, u64 op, u32 iv,
			     u64 cmd)
{
	return n->op == op && n->cmd == cmd &&
	       (n->iv == iv || (n->iv2 && n->iv2 == iv));
}

/*
 * Where each op's rows of nested[] lie, [first, end), once
 * xprivcmd_nested_index() has run: a call's search then skips every other
 * op's rows.  Before that (hcall, most unit tests) all rows are searched.
 */
static struct {
	u16 first;
	u16 end;
} spans[XPRIVCMD_NR_HYPERCALLS];
static bool spans_ready;

/**
 * xprivcmd_nested_index() - index nested[] by op
 *
 * For the module's load, before any call is decided; the rows stay in
 * nested[], in their order.
 */
void xprivcmd_nested_index(void)
{
	unsigned int i, op;

	for (i = 0; i < ARRAY_SIZE(nested); i++) {
		op = nested[i].op;
		/* A row the index cannot hold: keep searching them all. */
		if (op >= ARRAY_SIZE(spans) || i + 1 > 0xffff)
			return;
		if (!spans[op].end)
			spans[op].first = i;
		spans[op].end = i + 1;
	}
	spans_ready = true;
}

/* The rows of nested[] to search for @op: [*@first, *@end). */
static void nested_span(u64 op, unsigned int *first, unsigned int *end)
{
	*first = 0;
	*end = ARRAY_SIZE(nested);
	if (!spans_ready)
		return;
	if (op >= ARRAY_SIZE(spans)) {
		*end = 0;
		return;
	}
	*first = spans[op].first;
	*end = spans[op].end;
}

/**
 * xprivcmd_has_nested_any() - may a structure of @op/@cmd hold guest handles?
 * @op: hypercall number (the op an alias stands for)
 * @cmd: its sub-command
 *
 * Return: true when the structure holds one in any interface version's
 * layout.
 */
bool xprivcmd_has_nested_any(u64 op, u64 cmd)
{
	unsigned int i, end;

	nested_span(op, &i, &end);
	for (; i < end; i++)
		if (nested[i].op == op && nested[i].cmd == cmd)
			return true;
	return false;
}

bool xprivcmd_has_nested(u64 op, u32 iv, u64 cmd)
{
	unsigned int i, end;

	nested_span(op, &i, &end);
	for (; i < end; i++)
		if (nested_holds_for(&nested[i], op, iv, cmd))
			return true;
	return false;
}

/**
 * xprivcmd_schema_nested() - the user buffers a structure's guest handles
 *	point to
 * @op: hypercall number (the op an alias stands for)
 * @iv: the structure's interface version, 0 for the stable guest ABI
 * @cmd: its sub-command
 * @buf: a kernel copy of the structure
 * @len: bytes in @buf
 * @arg: the hypercall argument that held the structure, for the ranges
 * @ranges: filled in, at most %XPRIVCMD_MAX_NESTED
 *
 * Return: the number of ranges; handles with nothing to copy are left out,
 * as Xen touches nothing behind them.
 */
unsigned int xprivcmd_schema_nested(u64 op, u32 iv, u64 cmd, const void *buf,
				    u64 len, u8 arg,
				    struct xprivcmd_range *ranges)
{
	unsigned int i, end, n = 0;

	nested_span(op, &i, &end);
	for (; i < end && n < XPRIVCMD_MAX_NESTED; i++) {
		const struct xprivcmd_nested *h = &nested[i];
		struct xprivcmd_range *r = &ranges[n];

		if (!nested_holds_for(h, op, iv, cmd) || !nested_fits(h, len))
			continue;
		if (h->cond_mask &&
		    (xprivcmd_get_u32(buf, h->cond_off) & h->cond_mask) != h->cond_val)
			continue;
		r->addr = xprivcmd_get_u64(buf, h->ptr_off);
		r->len = nested_len(h, buf);
		r->arg = arg;
		r->access = h->access;
		r->required = h->flags & N_REQUIRED;
		if (r->len)
			n++;
	}
	return n;
}

/**
 * xprivcmd_schema_struct() - look inside a hypercall's structure
 * @op: hypercall number
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

	info->nr_ranges = 0;
	info->iv_known = false;
	if (!s)
		return;
	if (s->struct_cmd) {
		if (len < 8)
			return;
		info->cmd = xprivcmd_get_u32(buf, 0);
		info->iv = xprivcmd_get_u32(buf, 4);
		info->iv_known = xprivcmd_iv_known(op, info->iv);
	} else {
		/* Xen's stable guest ABI: one layout, no version. */
		info->cmd = args[s->cmd_arg] & s->cmd_mask;
		info->iv = 0;
		info->iv_known = true;
	}
	if (info->iv_known)
		info->nr_ranges = xprivcmd_schema_nested(op, info->iv, info->cmd,
							 buf, len,
							 s->ptrs[0].arg,
							 info->ranges);
}
