// SPDX-License-Identifier: GPL-2.0-only
/*
 * Verdicts (see verdicts.h) on domctl: Xen 4.17's
 * (XEN_DOMCTL_INTERFACE_VERSION 0x15) and Xen 4.20's (0x17).
 *
 * One row holds for both (DC_NOREF() and the like) where Xen 4.20's source was read to
 * do the same with the same structure: between the two, public/domctl.h
 * changed no structure but createdomain's (altp2m_opts inserted before
 * vmtrace_size: no handle, and the domain field of every row stays at 8),
 * and do_domctl (common/domctl.c) moved getdomaininfo, iomem_permission,
 * memory_mapping, irq_permission and set_target before the domctl lock,
 * with the same checks on current->domain.  getdomaininfo is exact in
 * 4.20 (4.17 returned the next domain from the id on).  What 4.19 and
 * 4.20 added has rows for 0x17 only, at the end.  Xen 4.19 also speaks
 * 0x17; its source was not read: the rows are claims about 4.20.
 *
 * Every row names the domain at offset 8 of struct xen_domctl, the one Xen
 * looks up and acts on (common/domctl.c: do_domctl).  It may be the caller
 * only where the row says so (SELF_OK): read-only queries, and settings
 * that are accounting or scheduling policy, which change nothing of the
 * calling kernel's memory, page tables, vCPU state, event channels,
 * interrupts or I/O access.  Several sub-commands Xen itself refuses on
 * current->domain; their rows say where, and do not allow the caller either.
 *
 * Handles embedded in the structures are in schema_nested.c; a CHECKED row
 * relies on them, a NOREF row holds none.  The frame numbers that a few
 * sub-commands carry (hypercall_init's gmfn, set_broken_page_p2m's pfn,
 * cacheflush's range, vuart_op's gfn, getpageframeinfo3's array, the vCPU
 * and HVM contexts' frames) name the target domain's memory: Xen looks them
 * up in that domain or checks that it owns them, so with the target not
 * the caller they cannot reach the caller's memory.
 *
 * The paths cited are of Xen 4.17's source tree (xen/...), and hold for
 * Xen 4.20's unless a row says otherwise.
 */
#include "verdicts.h"
#include "xen_domctl.h"

/* struct xen_domctl: cmd, interface_version, domain, _pad[3], union u */
#define DC_IV		XPRIVCMD_DOMCTL_IV_417
#define DC_IV_420	XPRIVCMD_DOMCTL_IV_420
#define DC_DOM		XPRIVCMD_DOM(8)
/*
 * The rows of both interfaces: 0x15, and 0x17 (XPRIVCMD_ALSO), whose
 * do_domctl was read for each of them (see the top of this file).  The
 * rows of 0x17 alone, at the end, use NOREF() and the like with DC_IV_420.
 */
#define DC_ROW(_cmd, _name, _verdict, ...) \
	XPRIVCMD_ROW(DC_IV, _cmd, _name, _verdict, DC_DOM, \
		     XPRIVCMD_ALSO(DC_IV_420), ##__VA_ARGS__)
#define DC_NOREF(_cmd, ...) \
	DC_ROW(_cmd, #_cmd, XPRIVCMD_V_NOREF, ##__VA_ARGS__)
#define DC_CHECKED(_cmd, ...) \
	DC_ROW(_cmd, #_cmd, XPRIVCMD_V_CHECKED, ##__VA_ARGS__)
#define DC_UNMODELLED(_cmd, ...) \
	DC_ROW(_cmd, #_cmd, XPRIVCMD_V_UNMODELLED, ##__VA_ARGS__)
#define DC_U		16
#define SELF_OK		.flags = XPRIVCMD_VF_SELF_OK

#ifdef CONFIG_ARM64
#define XPRIVCMD_DOMCTL_ARM 1
#endif

static const struct xprivcmd_class domctl_rows[] = {
	/*
	 * Domain life cycle: common/domctl.c do_domctl.  createdomain's
	 * domain is the id wanted for the new domain (0 or a reserved id:
	 * Xen picks one); an id in use, the caller's included, is -EEXIST.
	 */
	DC_NOREF(XEN_DOMCTL_createdomain, SELF_OK),
	/* common/domain.c domain_kill: -EINVAL on current->domain */
	DC_NOREF(XEN_DOMCTL_destroydomain),
	/* do_domctl: pausedomain and resumedomain refuse current->domain */
	DC_NOREF(XEN_DOMCTL_pausedomain),
	DC_NOREF(XEN_DOMCTL_resumedomain),
	/* common/domain.c domain_unpause_by_systemcontroller: a count only */
	DC_NOREF(XEN_DOMCTL_unpausedomain),
	/* do_domctl: -EINVAL on current->domain, like soft_reset_cont */
	DC_NOREF(XEN_DOMCTL_soft_reset),
	DC_NOREF(XEN_DOMCTL_soft_reset_cont),
	/* do_domctl: max_vcpus refuses current->domain (no domain_pause()) */
	DC_NOREF(XEN_DOMCTL_max_vcpus),

	/*
	 * Queries, copied back in the top-level structure only
	 * (do_domctl: getdomaininfo via getdomaininfo(), getvcpuinfo;
	 * x86 arch_do_domctl / arm64 subarch_do_domctl for the address size).
	 * getdomaininfo on the caller's own id is what xenstored, xenconsoled,
	 * xen-init-dom0 and xl list do.
	 */
	DC_NOREF(XEN_DOMCTL_getdomaininfo, SELF_OK),
	DC_NOREF(XEN_DOMCTL_getvcpuinfo, SELF_OK),
	/* common/domctl.c vm_event_domctl: GET_VERSION reads no domain at all */
	DC_NOREF(XEN_DOMCTL_vm_event_op, SELF_OK,
		 XPRIVCMD_SUB(DC_U, ~0U, XEN_VM_EVENT_GET_VERSION)),
	/*
	 * common/vm_event.c vm_event_domctl: -EINVAL on current->domain.
	 * ENABLE maps the ring at the gfn of the target's HVM param and
	 * allocates the event channel in the target, unbound to the caller.
	 */
	DC_NOREF(XEN_DOMCTL_vm_event_op),
	/* common/monitor.c monitor_domctl: -EPERM on current->domain, every op */
	DC_NOREF(XEN_DOMCTL_monitor_op),
	/* do_domctl: set_access_required refuses current->domain (-EPERM) */
	DC_NOREF(XEN_DOMCTL_set_access_required),

	/*
	 * Accounting and policy: do_domctl max_mem (d->max_pages: xl mem-max
	 * and mem-set on Domain-0), setdomainhandle (xen-init-dom0 sets
	 * Domain-0's), common/sched/core.c sched_adjust (weights, caps,
	 * periods: xl sched-credit -d 0).  scheduler_op's putvcpuinfo and
	 * getvcpuinfo follow u.v.vcpus (sched/rt.c rt_dom_cntl).
	 */
	DC_NOREF(XEN_DOMCTL_max_mem, SELF_OK),
	DC_NOREF(XEN_DOMCTL_setdomainhandle, SELF_OK),
	DC_CHECKED(XEN_DOMCTL_scheduler_op, SELF_OK,
		   XPRIVCMD_SUB(DC_U + 4, ~0U, XEN_DOMCTL_SCHEDOP_putvcpuinfo)),
	DC_CHECKED(XEN_DOMCTL_scheduler_op, SELF_OK,
		   XPRIVCMD_SUB(DC_U + 4, ~0U, XEN_DOMCTL_SCHEDOP_getvcpuinfo)),
	DC_NOREF(XEN_DOMCTL_scheduler_op, SELF_OK),
	/*
	 * common/sched/core.c vcpu_affinity_domctl: cpumap_hard and
	 * cpumap_soft, xenctl_bitmaps (common/bitmap.c), as flags select.
	 * Pinning the caller's vCPUs is scheduling policy (xl vcpu-pin 0),
	 * but XEN_VCPUAFFINITY_FORCE undoes the SCHEDOP_pin_override the
	 * calling kernel may hold for its own vCPU: not on the caller.
	 */
	DC_CHECKED(XEN_DOMCTL_setvcpuaffinity,
		   XPRIVCMD_SUB(DC_U + 4, 1U << _XEN_VCPUAFFINITY_FORCE,
				1U << _XEN_VCPUAFFINITY_FORCE)),
	DC_CHECKED(XEN_DOMCTL_setvcpuaffinity, SELF_OK),
	DC_CHECKED(XEN_DOMCTL_getvcpuaffinity, SELF_OK),
	/* do_domctl: nodemap, via xenctl_bitmap_to_nodemask and back */
	DC_CHECKED(XEN_DOMCTL_setnodeaffinity, SELF_OK),
	DC_CHECKED(XEN_DOMCTL_getnodeaffinity, SELF_OK),
	/*
	 * common/domctl.c vnuma_init: vdistance nr_vnodes^2, vmemrange
	 * nr_vmemranges, vcpu_to_vnode d->max_vcpus, which must equal
	 * nr_vcpus, vnode_to_pnode nr_vnodes.  What a guest reads back with
	 * XENMEM_get_vnumainfo; only toolstacks building a guest set it.
	 */
	DC_CHECKED(XEN_DOMCTL_setvnumainfo),

	/*
	 * Another domain's vCPU state.  do_domctl: setvcpucontext refuses
	 * current->domain, getvcpucontext the calling vCPU; NULL ctxt on set
	 * is vcpu_reset().  ctxt is x86's struct vcpu_guest_context (a 32-bit
	 * PV target's compat one is smaller); Arm's is not modelled.
	 */
#ifdef CONFIG_X86
	DC_CHECKED(XEN_DOMCTL_setvcpucontext),
	DC_CHECKED(XEN_DOMCTL_getvcpucontext, SELF_OK),
#else
	DC_UNMODELLED(XEN_DOMCTL_setvcpucontext),
	DC_UNMODELLED(XEN_DOMCTL_getvcpucontext),
#endif
	/* do_domctl: setdebugging refuses current->domain */
	DC_NOREF(XEN_DOMCTL_setdebugging),
	/* common/time.c domain_set_time_offset: the target's wallclock */
	DC_NOREF(XEN_DOMCTL_settimeoffset),
	/* do_domctl: d->suspend_evtchn, a port of the target's own */
	DC_NOREF(XEN_DOMCTL_subscribe),
	/* common/event_channel.c set_global_virq_handler: takes a global VIRQ */
	DC_NOREF(XEN_DOMCTL_set_virq_handler),
	/*
	 * do_domctl get/set_paging_mempool_size: the target's p2m pool
	 * (x86/mm/paging.c, arm/p2m.c arch_*_paging_mempool_size).
	 */
	DC_NOREF(XEN_DOMCTL_get_paging_mempool_size, SELF_OK),
	DC_NOREF(XEN_DOMCTL_set_paging_mempool_size),
	/*
	 * x86 arch_do_domctl set_address_size (pv switch_compat) and arm64
	 * subarch_do_domctl (switch_mode, only before the domain has memory).
	 */
	DC_NOREF(XEN_DOMCTL_set_address_size),

	/*
	 * I/O resources granted to or taken from the target.  do_domctl
	 * irq_permission (a pirq of the caller's, looked up in
	 * current->domain, given to the target); bind_pt_irq/unbind_pt_irq
	 * in x86 arch_do_domctl (HVM targets; msi.gtable is the target's
	 * address) and arm arch_do_domctl (SPIs).  Not on the caller: its
	 * own access.
	 */
	DC_NOREF(XEN_DOMCTL_irq_permission),
	DC_NOREF(XEN_DOMCTL_bind_pt_irq),
	DC_NOREF(XEN_DOMCTL_unbind_pt_irq),
	/*
	 * do_domctl iomem_permission and memory_mapping: first_mfn is a
	 * machine frame that Xen checks only against iomem_access_permitted()
	 * of the caller (and the target), which on x86 covers all RAM for
	 * Domain-0 (arch/x86/dom0_build.c dom0_setup_permissions).
	 * memory_mapping maps the range into the target's p2m (x86/mm/p2m.c
	 * map_mmio_regions, with no RAM check), and iomem_permission gives a
	 * stub device model the right to: the frames may be the caller's own
	 * memory.  Taking access or a mapping away (allow_access, a u8, or
	 * add_mapping zero) is harmless; granting stays unmodelled until the
	 * range is checked not to be RAM.
	 */
	DC_NOREF(XEN_DOMCTL_iomem_permission,
		 XPRIVCMD_SUB(DC_U + 16, 0xff, 0)),
	DC_UNMODELLED(XEN_DOMCTL_iomem_permission),
	DC_NOREF(XEN_DOMCTL_memory_mapping,
		 XPRIVCMD_SUB(DC_U + 24, ~0U, DPCI_REMOVE_MAPPING)),
	DC_UNMODELLED(XEN_DOMCTL_memory_mapping),
	/*
	 * do_domctl set_target: u.set_target.target, a second domain id, is
	 * made the domain the first one serves as device model, with the
	 * privilege to map its memory.  No row checks a second id: were it
	 * the caller (a PVH or Arm caller is is_hvm_domain), another domain
	 * could map the calling kernel.
	 */
	DC_UNMODELLED(XEN_DOMCTL_set_target),

	/*
	 * drivers/passthrough/iommu.c iommu_do_domctl.  PCI
	 * (passthrough/pci.c iommu_do_pci_domctl) refuses self-assignment and
	 * self-deassignment; a device tree node (passthrough/device_tree.c
	 * iommu_do_dt_domctl) does not, and its path is read through
	 * u.dt.path (common/device_tree.c dt_find_node_by_gpath).  DOMID_IO
	 * and test_assign's DOMID_INVALID are not the caller.
	 */
	DC_CHECKED(XEN_DOMCTL_assign_device,
		   XPRIVCMD_SUB(DC_U, ~0U, XEN_DOMCTL_DEV_DT)),
	DC_NOREF(XEN_DOMCTL_assign_device),
	DC_CHECKED(XEN_DOMCTL_test_assign_device,
		   XPRIVCMD_SUB(DC_U, ~0U, XEN_DOMCTL_DEV_DT)),
	DC_NOREF(XEN_DOMCTL_test_assign_device),
	DC_CHECKED(XEN_DOMCTL_deassign_device,
		   XPRIVCMD_SUB(DC_U, ~0U, XEN_DOMCTL_DEV_DT)),
	DC_NOREF(XEN_DOMCTL_deassign_device),
	/*
	 * passthrough/pci.c iommu_get_device_group: at most max_sdevs u32s to
	 * sdev_array; the domain only selects the IOMMU (a query).
	 */
	DC_CHECKED(XEN_DOMCTL_get_device_group, SELF_OK),

	/*
	 * Obsolete (PPC, IA64): Xen 4.17 has no case for them; they end in
	 * arch_do_domctl's default, -ENOSYS.
	 */
	DC_NOREF(XEN_DOMCTL_real_mode_area),
	DC_NOREF(XEN_DOMCTL_set_opt_feature),

#ifdef CONFIG_X86
	/*
	 * x86/mm/paging.c paging_domctl: -EINVAL on current->domain, every op.
	 * CLEAN and PEEK write (pages + 7) / 8 bytes of dirty_bitmap
	 * (paging_log_dirty_op); the others (shadow/common.c shadow_domctl,
	 * hap/hap.c hap_domctl) hold no handle.
	 */
	DC_CHECKED(XEN_DOMCTL_shadow_op,
		   XPRIVCMD_SUB(DC_U, ~0U, XEN_DOMCTL_SHADOW_OP_CLEAN)),
	DC_CHECKED(XEN_DOMCTL_shadow_op,
		   XPRIVCMD_SUB(DC_U, ~0U, XEN_DOMCTL_SHADOW_OP_PEEK)),
	DC_NOREF(XEN_DOMCTL_shadow_op),
	/* x86 arch_do_domctl: ioport_permission, ioport_mapping (HVM target) */
	DC_NOREF(XEN_DOMCTL_ioport_permission),
	DC_NOREF(XEN_DOMCTL_ioport_mapping),
	/*
	 * x86 arch_do_domctl hypercall_init: writes the hypercall page into
	 * gmfn, a frame the target owns (get_page_from_gfn on the target).
	 */
	DC_NOREF(XEN_DOMCTL_hypercall_init),
	/*
	 * x86 arch_do_domctl getpageframeinfo3: num (<= 1024) entries of the
	 * array, 8 bytes for a 64-bit caller, read and rewritten in place;
	 * the gfns are looked up in the target.  Read-only on it.
	 */
	DC_CHECKED(XEN_DOMCTL_getpageframeinfo3, SELF_OK),
	/*
	 * x86 arch_do_domctl: gethvmcontext (size bytes, none for a NULL
	 * buffer), sethvmcontext (size bytes), gethvmcontext_partial
	 * (hvm/save.c hvm_save_one: at most bufsz bytes), all -EINVAL on
	 * current->domain.
	 */
	DC_CHECKED(XEN_DOMCTL_gethvmcontext),
	DC_CHECKED(XEN_DOMCTL_sethvmcontext),
	DC_CHECKED(XEN_DOMCTL_gethvmcontext_partial),
	/* x86 arch_do_domctl get_address_size: a query */
	DC_NOREF(XEN_DOMCTL_get_address_size, SELF_OK),
	/* x86 arch_do_domctl sendtrigger: an NMI or ACPI button for a vCPU */
	DC_NOREF(XEN_DOMCTL_sendtrigger),
	/*
	 * x86 arch_do_domctl ext_vcpucontext: get refuses the calling vCPU
	 * (a query), set refuses current->domain.
	 */
	DC_NOREF(XEN_DOMCTL_get_ext_vcpucontext, SELF_OK),
	DC_NOREF(XEN_DOMCTL_set_ext_vcpucontext),
	/* x86 arch_do_domctl gettscinfo, settscinfo: refuse current->domain */
	DC_NOREF(XEN_DOMCTL_gettscinfo),
	DC_NOREF(XEN_DOMCTL_settscinfo),
	/* x86 arch_do_domctl debug_op: refuses the calling vCPU; HVM only */
	DC_NOREF(XEN_DOMCTL_debug_op),
	/*
	 * x86 arch_do_domctl vcpuextstate: refuses the calling vCPU.  get
	 * writes at most size bytes (none for a size query), set reads size.
	 */
	DC_CHECKED(XEN_DOMCTL_getvcpuextstate, SELF_OK),
	DC_CHECKED(XEN_DOMCTL_setvcpuextstate),
	/*
	 * x86 arch_do_domctl vcpu_msrs: refuses the calling vCPU; PV only.
	 * get writes at most msr_count entries, set reads at most msr_count.
	 */
	DC_CHECKED(XEN_DOMCTL_get_vcpu_msrs, SELF_OK),
	DC_CHECKED(XEN_DOMCTL_set_vcpu_msrs),
	/* x86/mm/mem_sharing.c mem_sharing_domctl: mem_sharing_control */
	DC_NOREF(XEN_DOMCTL_mem_sharing_op),
	/* x86 arch_do_domctl audit_p2m (P2M_AUDIT): -EPERM on current->domain */
	DC_NOREF(XEN_DOMCTL_audit_p2m),
	/* x86 arch_do_domctl set_broken_page_p2m: a gfn of an HVM target */
	DC_NOREF(XEN_DOMCTL_set_broken_page_p2m),
	/*
	 * x86 arch_do_domctl psr_cmt_op (an RMID for cache monitoring) and
	 * psr_alloc (cache and bandwidth allocation: x86/psr.c psr_set_val):
	 * accounting and partitioning only.
	 */
	DC_NOREF(XEN_DOMCTL_psr_cmt_op, SELF_OK),
	DC_NOREF(XEN_DOMCTL_psr_alloc, SELF_OK),
	/*
	 * x86 arch_do_domctl cpu_policy: get writes at most nr_leaves and
	 * nr_msrs entries (lib/x86 x86_*_copy_to_buffer; none to a NULL
	 * handle), set reads as many and refuses current->domain.
	 */
	DC_CHECKED(XEN_DOMCTL_get_cpu_policy, SELF_OK),
	DC_CHECKED(XEN_DOMCTL_set_cpu_policy),
	/* x86 domctl.c do_vmtrace_op: -EINVAL on current->domain */
	DC_NOREF(XEN_DOMCTL_vmtrace_op),
	/*
	 * x86/gdbsx.c gdbsx_guest_mem_io: uva is modelled (len bytes), but
	 * a non-zero pgd3val is taken as a machine address and walked as the
	 * target's page tables (dbg_pv_va2mfn) with no ownership check, so
	 * any frame, the caller's included, can be read or written.
	 */
	DC_UNMODELLED(XEN_DOMCTL_gdbsx_guestmemio),
	/*
	 * x86 arch_do_domctl gdbsx: pause/unpause a vCPU of a domain the
	 * controller has paused (never the caller); domstatus reads and
	 * clears the target's debug event.
	 */
	DC_NOREF(XEN_DOMCTL_gdbsx_pausevcpu),
	DC_NOREF(XEN_DOMCTL_gdbsx_unpausevcpu),
	DC_NOREF(XEN_DOMCTL_gdbsx_domstatus),
#endif

#ifdef XPRIVCMD_DOMCTL_ARM
	/*
	 * arm arch_do_domctl cacheflush: p2m_cache_flush_range over gfns of
	 * the target.
	 */
	DC_NOREF(XEN_DOMCTL_cacheflush),
	/*
	 * arm arch_do_domctl vuart_op: handle_vuart_init maps the ring at a
	 * gfn of the target and allocates the event channel in the target;
	 * console_domid, the backend, is usually the caller (xenconsoled).
	 */
	DC_NOREF(XEN_DOMCTL_vuart_op),
#endif

	/*
	 * Xen 4.20 only (0x17).  x86 arch_do_domctl gsi_permission: like
	 * irq_permission, a GSI the caller has access to is given to or
	 * taken from the target (irq_permit_access, irq_deny_access); not on
	 * the caller, its own access.
	 */
	NOREF(DC_IV_420, XEN_DOMCTL_gsi_permission, DC_DOM),
	/*
	 * common/domctl.c set_llc_colors, common/llc-coloring.c
	 * domain_set_llc_colors: the target's cache colours, read from
	 * llc_colors (num_llc_colors u32s), once (-EEXIST after); only a
	 * toolstack building a domain sets them.
	 */
	CHECKED(DC_IV_420, XEN_DOMCTL_set_llc_colors, DC_DOM),
#ifdef XPRIVCMD_DOMCTL_ARM
	/*
	 * arm arch_do_domctl dt_overlay (Xen 4.19):
	 * common/device-tree/dt-overlay.c
	 * attaches the nodes of an overlay added by sysctl dt_overlay to the
	 * target, mapping their "reg" ranges into its p2m and routing their
	 * interrupts: machine frames the caller does not check, as for
	 * memory_mapping's grant.  overlay_fdt is read too.
	 */
	UNMODELLED(DC_IV_420, XEN_DOMCTL_dt_overlay, DC_DOM),
#endif
};

const struct xprivcmd_class_table xprivcmd_domctl_classes = {
	.op = 36,
	.rows = domctl_rows,
	.nr = ARRAY_SIZE(domctl_rows),
};
