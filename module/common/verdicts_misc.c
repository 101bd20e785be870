// SPDX-License-Identifier: GPL-2.0-only
/*
 * Verdicts (see verdicts.h) on physdev_op, hvm_op, xsm_op, kexec_op,
 * argo_op, xenpmu_op, hypfs_op, xenoprof_op and tmem_op: Xen's stable
 * guest ABI (interface version 0), the sub-command in the first argument.
 *
 * Where a row names a domain, the offset is in the structure the second
 * argument points to, whose size schema_ops.c gives per sub-command.
 */
#include "verdicts.h"
#include "xen_misc.h"

#define KSTATE	XPRIVCMD_REASON_KERNEL_STATE
#define OWNTAB	XPRIVCMD_REASON_OWN_TABLES

/*
 * physdev_op: xen/arch/x86/physdev.c:do_physdev_op(); what it does not
 * know and Arm's xen/arch/arm/physdev.c:do_arm_physdev_op() go to
 * xen/drivers/pci/physdev.c:pci_physdev_op() (pci_device_add and _remove,
 * -ENOSYS for the rest).  Every structure is copied whole, none holds a
 * guest handle Xen follows but set_iobitmap's.
 */
static const struct xprivcmd_class physdev_op_rows[] = {
	/* pci_physdev_op(): reads the structure and optarr[0] (the PXM) */
	NOREF(0, PHYSDEVOP_pci_device_add),
	/*
	 * pci_remove_device(): drops a device, perhaps one the calling
	 * kernel drives, from Xen and from its IOMMU context
	 */
	UNMODELLED(0, PHYSDEVOP_pci_device_remove),
#ifdef CONFIG_X86
	/* the caller's own pirqs: EOI and event-channel unmask */
	REFUSED(0, PHYSDEVOP_eoi, KSTATE),
	/* pirq_guest_unmask() of the caller's own pirqs */
	REFUSED(0, PHYSDEVOP_IRQ_UNMASK_NOTIFY, KSTATE),
	/* Xen maps the caller's frame gmfn and writes its EOI bits there */
	REFUSED(0, PHYSDEVOP_pirq_eoi_gmfn_v1, OWNTAB),
	REFUSED(0, PHYSDEVOP_pirq_eoi_gmfn_v2, OWNTAB),
	/*
	 * The calling vCPU's I/O privilege: iopl 3, or a port bitmap at an
	 * address of its choosing, gives every process it runs port I/O.
	 */
	REFUSED(0, PHYSDEVOP_set_iopl, KSTATE),
	REFUSED(0, PHYSDEVOP_set_iobitmap, KSTATE),
	/* get_free_pirq() marks a pirq of the caller's own as allocated */
	REFUSED(0, PHYSDEVOP_get_free_pirq, KSTATE),
	/*
	 * ioapic_guest_write(): only the hardware domain may, and the
	 * IO-APIC it programs routes its own kernel's interrupts.
	 */
	REFUSED(0, PHYSDEVOP_apic_write, KSTATE),
	/* read-only: the caller's pirq status, an IO-APIC register */
	NOREF(0, PHYSDEVOP_irq_status_query),
	NOREF(0, PHYSDEVOP_apic_read),
	/* a dummy that echoes irq; free_irq_vector is not handled (-ENOSYS) */
	NOREF(0, PHYSDEVOP_alloc_irq_vector),
	NOREF(0, PHYSDEVOP_free_irq_vector),
	/*
	 * physdev_map_pirq(), physdev_unmap_pirq(): the pirq space of
	 * domid (rcu_lock_domain_by_any_id()); the caller's own is its
	 * kernel's.
	 */
	NOREF(0, PHYSDEVOP_map_pirq, XPRIVCMD_DOM(0)),
	NOREF(0, PHYSDEVOP_unmap_pirq, XPRIVCMD_DOM(0)),
	/* pci_add_device() of segment 0 */
	NOREF(0, PHYSDEVOP_manage_pci_add),
	NOREF(0, PHYSDEVOP_manage_pci_add_ext),
	UNMODELLED(0, PHYSDEVOP_manage_pci_remove),
	/*
	 * The interrupt and MMIO state of devices the calling kernel may
	 * drive: pci_restore_msi_state(), mp_register_gsi(),
	 * pci_prepare_msix() (MSI-X tables made read-only to it),
	 * pci_mmcfg_reserved() (and a PVH caller's own vPCI handlers),
	 * dbgp_op() (the EHCI debug port): which device is whose is not
	 * modelled.
	 */
	UNMODELLED(0, PHYSDEVOP_restore_msi),
	UNMODELLED(0, PHYSDEVOP_restore_msi_ext),
	UNMODELLED(0, PHYSDEVOP_setup_gsi),
	UNMODELLED(0, PHYSDEVOP_prepare_msix),
	UNMODELLED(0, PHYSDEVOP_release_msix),
	UNMODELLED(0, PHYSDEVOP_pci_mmcfg_reserved),
	UNMODELLED(0, PHYSDEVOP_dbgp_op),
	/*
	 * Xen 4.20 (-ENOSYS on 4.17): a reset of a PCI device by its SBDF,
	 * which may be one the calling kernel drives; not modelled.
	 */
	UNMODELLED(0, PHYSDEVOP_pci_device_reset),
#endif /* CONFIG_X86 */
};

const struct xprivcmd_class_table xprivcmd_physdev_op_classes = {
	.op = 33,
	.rows = physdev_op_rows,
	.nr = ARRAY_SIZE(physdev_op_rows),
};

/*
 * hvm_op: xen/arch/x86/hvm/hvm.c:do_hvm_op(), xen/arch/arm/hvm.c:do_hvm_op()
 * (set_param, get_param and guest_request_vm_event only).  The domain is a
 * domid_t at offset 0, resolved with rcu_lock_domain_by_any_id().
 */
static const struct xprivcmd_class hvm_op_rows[] = {
	/*
	 * hvmop_set_param(): on the caller itself, e.g. its own
	 * HVM_PARAM_CALLBACK_IRQ, the event delivery of its kernel
	 */
	NOREF(0, HVMOP_set_param, XPRIVCMD_DOM(0)),
	/* hvmop_get_param(): reads a parameter, its own ones included */
	NOREF(0, HVMOP_get_param, XPRIVCMD_DOM(0), .flags = XPRIVCMD_VF_SELF_OK),
	/* monitor_guest_request(): reports (and may pause) the calling vCPU */
	REFUSED(0, HVMOP_guest_request_vm_event, KSTATE),
#ifdef CONFIG_X86
	/* hvmop_flush_tlb_all(): the caller's own TLBs; a NULL argument */
	NOREF(0, HVMOP_flush_tlbs),
	/* shadow code told that a page table of the caller's is dying */
	REFUSED(0, HVMOP_pagetable_dying, OWNTAB),
	/* NOW() to the structure; a trace record from the structure */
	NOREF(0, HVMOP_get_time),
	NOREF(0, HVMOP_xentrace),
	/* hvmop_get_mem_type(): reads a p2m type */
	NOREF(0, HVMOP_get_mem_type, XPRIVCMD_DOM(0), .flags = XPRIVCMD_VF_SELF_OK),
	/* the calling vCPU's event-channel upcall vector */
	REFUSED(0, HVMOP_set_evtchn_upcall_vector, KSTATE),
	/*
	 * hvm/hvm.c:do_altp2m_op(): views of a domain's p2m (the caller's
	 * own page tables if it is auto-translated) and, for
	 * set_mem_access_multi, handles in its union: not modelled.
	 */
	UNMODELLED(0, HVMOP_altp2m),
#endif
};

const struct xprivcmd_class_table xprivcmd_hvm_op_classes = {
	.op = 34,
	.rows = hvm_op_rows,
	.nr = ARRAY_SIZE(hvm_op_rows),
};

/*
 * xsm_op (xen/xsm/flask/flask_op.c do_flask_op): the command and
 * XEN_FLASK_INTERFACE_VERSION lead the structure, like a sysctl's.  The
 * string commands follow one handle each, of the length a field gives
 * (schema_nested.c); relabel_domain acts on the domain it names.  Under the
 * dummy XSM module (no FLASK) every command is -ENOSYS.  libxl asks
 * sid_to_context for every domain it lists (libxl__xcinfo2xlinfo).
 */
#define FL_IV	XEN_FLASK_INTERFACE_VERSION

static const struct xprivcmd_class xsm_op_rows[] = {
	CHECKED(FL_IV, FLASK_LOAD),
	NOREF(FL_IV, FLASK_GETENFORCE),
	NOREF(FL_IV, FLASK_SETENFORCE),
	CHECKED(FL_IV, FLASK_CONTEXT_TO_SID),
	CHECKED(FL_IV, FLASK_SID_TO_CONTEXT),
	NOREF(FL_IV, FLASK_ACCESS),
	NOREF(FL_IV, FLASK_CREATE),
	NOREF(FL_IV, FLASK_RELABEL),
	NOREF(FL_IV, FLASK_POLICYVERS),
	CHECKED(FL_IV, FLASK_GETBOOL),
	CHECKED(FL_IV, FLASK_SETBOOL),
	NOREF(FL_IV, FLASK_COMMITBOOLS),
	NOREF(FL_IV, FLASK_MLS),
	NOREF(FL_IV, FLASK_GETAVC_THRESHOLD),
	NOREF(FL_IV, FLASK_SETAVC_THRESHOLD),
	NOREF(FL_IV, FLASK_AVC_HASHSTATS),
	NOREF(FL_IV, FLASK_AVC_CACHESTATS),
	NOREF(FL_IV, FLASK_MEMBER),
	NOREF(FL_IV, FLASK_ADD_OCONTEXT),
	NOREF(FL_IV, FLASK_DEL_OCONTEXT),
	NOREF(FL_IV, FLASK_GET_PEER_SID),
	NOREF(FL_IV, FLASK_RELABEL_DOMAIN, XPRIVCMD_DOM(8)),
	CHECKED(FL_IV, FLASK_DEVICETREE_LABEL),
};

const struct xprivcmd_class_table xprivcmd_xsm_op_classes = {
	.op = 27,
	.rows = xsm_op_rows,
	.nr = ARRAY_SIZE(xsm_op_rows),
};

/*
 * kexec_op: xen/common/kexec.c:do_kexec_op_internal(), for x86 PV callers
 * only (xen/include/hypercall-defs.c).
 */
static const struct xprivcmd_class kexec_op_rows[] = {
#ifdef CONFIG_X86
	/* kexec_exec(): reboots the host into the loaded image */
	NOREF(0, KEXEC_CMD_kexec),
	/* kexec_get_range(), kexec_unload*(), kexec_status(): the structure */
	NOREF(0, KEXEC_CMD_kexec_get_range),
	NOREF(0, KEXEC_CMD_kexec_unload_v1),
	NOREF(0, KEXEC_CMD_kexec_unload),
	NOREF(0, KEXEC_CMD_kexec_status),
	/*
	 * kexec_load_v1() maps machine frames named by the caller (the
	 * indirection pages); kexec_load() follows the buf handle of each
	 * segment of its segments array: not modelled.
	 */
	UNMODELLED(0, KEXEC_CMD_kexec_load_v1),
	UNMODELLED(0, KEXEC_CMD_kexec_load),
#endif
};

const struct xprivcmd_class_table xprivcmd_kexec_op_classes = {
	.op = 37,
	.rows = kexec_op_rows,
	.nr = ARRAY_SIZE(kexec_op_rows),
};

/* argo_op: xen/common/argo.c:do_argo_op(), on the calling domain's rings. */
static const struct xprivcmd_class argo_op_rows[] = {
	/* register_ring(): Xen keeps writing into the caller's gfns */
	REFUSED(0, XEN_ARGO_OP_register_ring, OWNTAB),
	/* unregister_ring(): a ring of the caller's, its kernel's */
	REFUSED(0, XEN_ARGO_OP_unregister_ring, KSTATE),
	/*
	 * sendv() follows the iov handles inside the arg2 array; notify()
	 * reads and writes the entries after ring_data's header, nent of
	 * them by a count in the caller's memory: not modelled.
	 */
	UNMODELLED(0, XEN_ARGO_OP_sendv),
	UNMODELLED(0, XEN_ARGO_OP_notify),
};

const struct xprivcmd_class_table xprivcmd_argo_op_classes = {
	.op = 39,
	.rows = argo_op_rows,
	.nr = ARRAY_SIZE(argo_op_rows),
};

/* xenpmu_op: xen/arch/x86/cpu/vpmu.c:do_xenpmu_op(); not on Arm. */
static const struct xprivcmd_class xenpmu_op_rows[] = {
#ifdef CONFIG_X86
	/* the host's vPMU mode and features: the structure only */
	NOREF(0, XENPMU_mode_get),
	NOREF(0, XENPMU_mode_set),
	NOREF(0, XENPMU_feature_get),
	NOREF(0, XENPMU_feature_set),
	/* pvpmu_init(): Xen maps and writes the caller's frame val */
	REFUSED(0, XENPMU_init, OWNTAB),
	/* the calling vCPU's PMU state: unmapped, LVTPC set, MSRs flushed */
	REFUSED(0, XENPMU_finish, KSTATE),
	REFUSED(0, XENPMU_lvtpc_set, KSTATE),
	REFUSED(0, XENPMU_flush, KSTATE),
#endif
};

const struct xprivcmd_class_table xprivcmd_xenpmu_op_classes = {
	.op = 40,
	.rows = xenpmu_op_rows,
	.nr = ARRAY_SIZE(xenpmu_op_rows),
};

/*
 * hypfs_op: xen/common/hypfs.c:do_hypfs_op(): the path (arg1, arg2 bytes)
 * and the buffer (arg3, at most arg4 bytes) are the op's top-level
 * pointers, which schema_ops.c checks; nothing else is followed.
 */
static const struct xprivcmd_class hypfs_op_rows[] = {
	NOREF(0, XEN_HYPFS_OP_get_version),
	NOREF(0, XEN_HYPFS_OP_read),
	NOREF(0, XEN_HYPFS_OP_write_contents),
};

const struct xprivcmd_class_table xprivcmd_hypfs_op_classes = {
	.op = 42,
	.rows = hypfs_op_rows,
	.nr = ARRAY_SIZE(hypfs_op_rows),
};

/* xenoprof_op: xen/common/xenoprof.c:do_xenoprof_op(), x86 PV only. */
static const struct xprivcmd_class xenoprof_op_rows[] = {
#ifdef CONFIG_X86
	/* counters and lists: the structure, an int or nothing */
	NOREF(0, XENOPROF_reset_active_list),
	NOREF(0, XENOPROF_reset_passive_list),
	NOREF(0, XENOPROF_reserve_counters),
	NOREF(0, XENOPROF_counter),
	NOREF(0, XENOPROF_setup_events),
	NOREF(0, XENOPROF_start),
	NOREF(0, XENOPROF_stop),
	NOREF(0, XENOPROF_release_counters),
	NOREF(0, XENOPROF_shutdown),
	NOREF(0, XENOPROF_set_backtrace),
	NOREF(0, XENOPROF_get_ibs_caps),
	NOREF(0, XENOPROF_ibs_counter),
	/*
	 * Sample buffers shared with the caller or a passive domain
	 * (init, get_buffer, set_passive), the caller's own VIRQ and
	 * buffers (enable_virq, disable_virq), and the domains whose
	 * state is sampled (set_active): not modelled.
	 */
	UNMODELLED(0, XENOPROF_init),
	UNMODELLED(0, XENOPROF_get_buffer),
	UNMODELLED(0, XENOPROF_set_passive),
	UNMODELLED(0, XENOPROF_enable_virq),
	UNMODELLED(0, XENOPROF_disable_virq),
	UNMODELLED(0, XENOPROF_set_active),
#endif
};

const struct xprivcmd_class_table xprivcmd_xenoprof_op_classes = {
	.op = 31,
	.rows = xenoprof_op_rows,
	.nr = ARRAY_SIZE(xenoprof_op_rows),
};

/*
 * tmem_op: no rows, so unmodelled.  Xen 4.17 has no handler for it
 * (xen/include/hypercall-defs.c: "-" for every guest type), so it answers
 * -ENOSYS without reading anything; its command is in the structure.
 */
static const struct xprivcmd_class tmem_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_tmem_op_classes = {
	.op = 38,
	.rows = tmem_op_rows,
	.nr = ARRAY_SIZE(tmem_op_rows),
};
