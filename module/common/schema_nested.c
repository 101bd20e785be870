// SPDX-License-Identifier: GPL-2.0-only
/*
 * The guest handles embedded in hypercall structures, and what a call's
 * structure holds: its sub-command, interface version and the user buffers
 * its handles point to.
 */
#include "schema_internal.h"

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

#define N_PLATFORM	7
#define N_XSM		27
#define N_SYSCTL	35
#define N_MCA		48
#define IV_PF		0x03000001	/* XENPF_INTERFACE_VERSION */
#define IV_MCA		0x01ecc003	/* XEN_MCA_INTERFACE_VERSION */
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
	NARR(N_XSM, 1, 1, 8, 16, 4, XPRIVCMD_IN, 1),
	NARR(N_XSM, 1, 4, 16, 12, 4, XPRIVCMD_IN, 1),
	NARR(N_XSM, 1, 5, 16, 12, 4, XPRIVCMD_OUT, 1),
	NARR(N_XSM, 1, 11, 24, 16, 4, XPRIVCMD_INOUT, 1),
	NARR(N_XSM, 1, 12, 24, 16, 4, XPRIVCMD_IN, 1),
	NARR(N_XSM, 1, 25, 16, 12, 4, XPRIVCMD_IN, 1),
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
	/*
	 * XEN_SYSCTL_get_pmstat: PMSTAT_get_pxstat copies Xen's own
	 * state_count^2 and state_count entries, ignoring total
	 * (drivers/acpi/pmstat.c:do_get_pm_info()): start only.
	 * PMSTAT_get_cxstat copies at most the caller's counts.
	 */
	NFIX(N_SYSCTL, IV_15, 10, SU + 16, XPRIVCMD_OUT, SZ_START,
	     WHEN(SU, ~0U, 0x12)),
	NFIX(N_SYSCTL, IV_15, 10, SU + 24, XPRIVCMD_OUT, SZ_START,
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

#ifdef CONFIG_X86
	/*
	 * platform_op (arch/x86/platform_hypercall.c:do_platform_op()).
	 * XENPF_microcode_update: cpu/microcode/core.c:microcode_update()
	 * copies length bytes.
	 */
	NARR(N_PLATFORM, IV_PF, 35, PU, PU + 8, 4, XPRIVCMD_IN, 1),
	/*
	 * XENPF_firmware_info XEN_FW_DISK_INFO: Xen reads a u16 length at
	 * edd_params and writes at most that many bytes upwards from it,
	 * a length in the caller's memory: start only.  XEN_FW_VBEDDC_INFO:
	 * 128 bytes of EDID.
	 */
	NFIX(N_PLATFORM, IV_PF, 50, PU + 16, XPRIVCMD_INOUT, SZ_START,
	     WHEN(PU, ~0U, 1)),
	NFIX(N_PLATFORM, IV_PF, 50, PU + 16, XPRIVCMD_OUT, SZ_EDID,
	     WHEN(PU, ~0U, 3)),
	/*
	 * XENPF_getidletime: the cpumap is read and written back, one
	 * idle time is written per CPU in it, all below cpumap_nr_cpus.
	 */
	NARR(N_PLATFORM, IV_PF, 53, PU, PU + 8, 4, XPRIVCMD_INOUT, 1,
	     .flags = N_BITS),
	NARR(N_PLATFORM, IV_PF, 53, PU + 16, PU + 8, 4, XPRIVCMD_OUT, 8),
	/*
	 * XENPF_set_processor_pminfo XEN_PM_PX: drivers/cpufreq/cpufreq.c:
	 * set_px_pminfo() reads state_count states (when flags has
	 * XEN_PX_PSS; checked whatever the flags).  XEN_PM_PDC:
	 * drivers/acpi/pmstat.c:acpi_set_pdc_bits() reads three u32 and
	 * writes the third.
	 */
	NARR(N_PLATFORM, IV_PF, 54, PU + 56, PU + 48, 4, XPRIVCMD_IN,
	     SZ_PROCESSOR_PX, WHEN(PU + 4, ~0U, 1)),
	NFIX(N_PLATFORM, IV_PF, 54, PU + 8, XPRIVCMD_INOUT, SZ_PDC,
	     WHEN(PU + 4, ~0U, 3)),
	/* XENPF_resource_op: nr_entries entries, read and written back */
	NARR(N_PLATFORM, IV_PF, 61, PU + 8, PU, 4, XPRIVCMD_INOUT,
	     SZ_RESOURCE_ENTRY),
	/* XENPF_get_symbol: at most namelen bytes of the name */
	NARR(N_PLATFORM, IV_PF, 63, PU + 8, PU, 4, XPRIVCMD_OUT, 1),

	/*
	 * mca (cpu/mcheck/mce.c:do_mca()).  XEN_MC_fetch writes one
	 * struct mc_info unless the flags acknowledge; XEN_MC_physcpuinfo
	 * at most ncpus entries.
	 */
	NFIX(N_MCA, IV_MCA, 1, MU + 16, XPRIVCMD_OUT, SZ_MC_INFO,
	     WHEN(MU, 0x4, 0)),
	NARR(N_MCA, IV_MCA, 3, MU + 8, MU, 4, XPRIVCMD_OUT, SZ_MC_LOGICAL_CPU),
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
	/*
	 * XEN_DOMCTL_gdbsx_guestmemio: Xen copies to or from uva; its
	 * pgd3val, a machine address, leaves the sub-command unmodelled.
	 */
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

bool xprivcmd_has_nested(u64 op, u32 iv, u64 cmd)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nested); i++)
		if (nested[i].op == op && nested[i].iv == iv &&
		    nested[i].cmd == cmd)
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
	unsigned int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(nested) && n < XPRIVCMD_MAX_NESTED; i++) {
		const struct xprivcmd_nested *h = &nested[i];
		struct xprivcmd_range *r = &ranges[n];

		if (h->op != op || h->iv != iv || h->cmd != cmd ||
		    !nested_fits(h, len))
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
