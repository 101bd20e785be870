/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen's names for the sub-commands of physdev_op, hvm_op, kexec_op,
 * argo_op, xenpmu_op, hypfs_op, xenoprof_op and xsm_op, spelled and valued
 * as in Xen 4.17's public headers (physdev.h, hvm/hvm_op.h, kexec.h,
 * argo.h, pmu.h, hypfs.h, xenoprof.h, xsm/flask_op.h).  Pinned by
 * testing/unit/verdicts_xen_test.c and verdicts_test.c (flask).
 */
#ifndef XPRIVCMD_XEN_MISC_H
#define XPRIVCMD_XEN_MISC_H

#include "portability.h"

/* physdev_op */
#define PHYSDEVOP_IRQ_UNMASK_NOTIFY	4
#define PHYSDEVOP_irq_status_query	5
#define PHYSDEVOP_set_iopl		6
#define PHYSDEVOP_set_iobitmap		7
#define PHYSDEVOP_apic_read		8
#define PHYSDEVOP_apic_write		9
#define PHYSDEVOP_alloc_irq_vector	10
#define PHYSDEVOP_free_irq_vector	11
#define PHYSDEVOP_eoi			12
#define PHYSDEVOP_map_pirq		13
#define PHYSDEVOP_unmap_pirq		14
#define PHYSDEVOP_manage_pci_add	15
#define PHYSDEVOP_manage_pci_remove	16
#define PHYSDEVOP_pirq_eoi_gmfn_v1	17
#define PHYSDEVOP_restore_msi		19
#define PHYSDEVOP_manage_pci_add_ext	20
#define PHYSDEVOP_setup_gsi		21
#define PHYSDEVOP_get_free_pirq		23
#define PHYSDEVOP_pci_mmcfg_reserved	24
#define PHYSDEVOP_pci_device_add	25
#define PHYSDEVOP_pci_device_remove	26
#define PHYSDEVOP_restore_msi_ext	27
#define PHYSDEVOP_pirq_eoi_gmfn_v2	28
#define PHYSDEVOP_dbgp_op		29
/* Xen 4.20 */
#define PHYSDEVOP_pci_device_reset      32
#define PHYSDEVOP_prepare_msix		30
#define PHYSDEVOP_release_msix		31

/* hvm_op */
#define HVMOP_set_param			0
#define HVMOP_get_param			1
#define HVMOP_flush_tlbs		5
#define HVMOP_pagetable_dying		9
#define HVMOP_get_time			10
#define HVMOP_xentrace			11
#define HVMOP_get_mem_type		15
#ifdef CONFIG_X86
#define HVMOP_set_evtchn_upcall_vector	23
#endif
#define HVMOP_guest_request_vm_event	24
#define HVMOP_altp2m			25

/* kexec_op */
#define KEXEC_CMD_kexec			0
#define KEXEC_CMD_kexec_load_v1		1
#define KEXEC_CMD_kexec_unload_v1	2
#define KEXEC_CMD_kexec_get_range	3
#define KEXEC_CMD_kexec_load		4
#define KEXEC_CMD_kexec_unload		5
#define KEXEC_CMD_kexec_status		6

/* argo_op */
#define XEN_ARGO_OP_register_ring	1
#define XEN_ARGO_OP_unregister_ring	2
#define XEN_ARGO_OP_sendv		3
#define XEN_ARGO_OP_notify		4

/* xenpmu_op */
#define XENPMU_mode_get		0
#define XENPMU_mode_set		1
#define XENPMU_feature_get	2
#define XENPMU_feature_set	3
#define XENPMU_init		4
#define XENPMU_finish		5
#define XENPMU_lvtpc_set	6
#define XENPMU_flush		7

/* hypfs_op */
#define XEN_HYPFS_OP_get_version	0
#define XEN_HYPFS_OP_read		1
#define XEN_HYPFS_OP_write_contents	2

/* xenoprof_op */
#define XENOPROF_init			0
#define XENOPROF_reset_active_list	1
#define XENOPROF_reset_passive_list	2
#define XENOPROF_set_active		3
#define XENOPROF_set_passive		4
#define XENOPROF_reserve_counters	5
#define XENOPROF_counter		6
#define XENOPROF_setup_events		7
#define XENOPROF_enable_virq		8
#define XENOPROF_start			9
#define XENOPROF_stop			10
#define XENOPROF_disable_virq		11
#define XENOPROF_release_counters	12
#define XENOPROF_shutdown		13
#define XENOPROF_get_buffer		14
#define XENOPROF_set_backtrace		15
#define XENOPROF_get_ibs_caps		16
#define XENOPROF_ibs_counter		17

/* public/xsm/flask_op.h */
#define XEN_FLASK_INTERFACE_VERSION 1
#define FLASK_LOAD              1
#define FLASK_GETENFORCE        2
#define FLASK_SETENFORCE        3
#define FLASK_CONTEXT_TO_SID    4
#define FLASK_SID_TO_CONTEXT    5
#define FLASK_ACCESS            6
#define FLASK_CREATE            7
#define FLASK_RELABEL           8
#define FLASK_POLICYVERS        10
#define FLASK_GETBOOL           11
#define FLASK_SETBOOL           12
#define FLASK_COMMITBOOLS       13
#define FLASK_MLS               14
#define FLASK_GETAVC_THRESHOLD  16
#define FLASK_SETAVC_THRESHOLD  17
#define FLASK_AVC_HASHSTATS     18
#define FLASK_AVC_CACHESTATS    19
#define FLASK_MEMBER            20
#define FLASK_ADD_OCONTEXT      21
#define FLASK_DEL_OCONTEXT      22
#define FLASK_GET_PEER_SID      23
#define FLASK_RELABEL_DOMAIN    24
#define FLASK_DEVICETREE_LABEL  25

#endif /* XPRIVCMD_XEN_MISC_H */
