/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen's names for the numbers of domctl (public/domctl.h of Xen 4.17,
 * XEN_DOMCTL_INTERFACE_VERSION 0x15, and of Xen 4.20, 0x17): the
 * sub-commands and the few sub-sub-commands the verdict rows are limited
 * to.  Every number both headers name has the same value in both; the
 * names only Xen 4.20 has are marked.
 *
 * Each name is spelled, and its value written token for token, as in Xen's
 * header, so that a unit test that includes both (testing/unit/domctl_test.c
 * against Xen 4.17's, domctl420_test.c against Debian 13's Xen 4.20
 * headers, built with -Werror) fails on any value that differs.  Xen
 * defines none of the sub-command numbers only for one architecture.
 */
#ifndef XPRIVCMD_XEN_DOMCTL_H
#define XPRIVCMD_XEN_DOMCTL_H

/*
 * The one name whose value differs: the module holds both versions under
 * names of its own, and XEN_DOMCTL_INTERFACE_VERSION is Xen 4.17's unless
 * a unit test built against Xen 4.20's headers asks for that one
 * (XPRIVCMD_XEN_420_NAMES).  The tests check each against Xen's.
 */
#define XPRIVCMD_DOMCTL_IV_417	0x00000015
#define XPRIVCMD_DOMCTL_IV_420	0x00000017
#ifndef XPRIVCMD_XEN_420_NAMES
#define XEN_DOMCTL_INTERFACE_VERSION 0x00000015
#else
#define XEN_DOMCTL_INTERFACE_VERSION 0x00000017
#endif

/* Sub-commands: struct xen_domctl's cmd. */
#define XEN_DOMCTL_createdomain			1
#define XEN_DOMCTL_destroydomain		2
#define XEN_DOMCTL_pausedomain			3
#define XEN_DOMCTL_unpausedomain		4
#define XEN_DOMCTL_getdomaininfo		5
#define XEN_DOMCTL_setvcpuaffinity		9
#define XEN_DOMCTL_shadow_op			10
#define XEN_DOMCTL_max_mem			11
#define XEN_DOMCTL_setvcpucontext		12
#define XEN_DOMCTL_getvcpucontext		13
#define XEN_DOMCTL_getvcpuinfo			14
#define XEN_DOMCTL_max_vcpus			15
#define XEN_DOMCTL_scheduler_op			16
#define XEN_DOMCTL_setdomainhandle		17
#define XEN_DOMCTL_setdebugging			18
#define XEN_DOMCTL_irq_permission		19
#define XEN_DOMCTL_iomem_permission		20
#define XEN_DOMCTL_ioport_permission		21
#define XEN_DOMCTL_hypercall_init		22
/*
 * Xen's header names this one only for Xen itself (__XEN__): the command
 * its soft_reset continuation writes back, which any caller can issue.
 */
#define XEN_DOMCTL_soft_reset_cont		23
#define XEN_DOMCTL_settimeoffset		24
#define XEN_DOMCTL_getvcpuaffinity		25
#define XEN_DOMCTL_real_mode_area		26
#define XEN_DOMCTL_resumedomain			27
#define XEN_DOMCTL_sendtrigger			28
#define XEN_DOMCTL_subscribe			29
#define XEN_DOMCTL_gethvmcontext		33
#define XEN_DOMCTL_sethvmcontext		34
#define XEN_DOMCTL_set_address_size		35
#define XEN_DOMCTL_get_address_size		36
#define XEN_DOMCTL_assign_device		37
#define XEN_DOMCTL_bind_pt_irq			38
#define XEN_DOMCTL_memory_mapping		39
#define XEN_DOMCTL_ioport_mapping		40
#define XEN_DOMCTL_set_ext_vcpucontext		42
#define XEN_DOMCTL_get_ext_vcpucontext		43
#define XEN_DOMCTL_set_opt_feature		44
#define XEN_DOMCTL_test_assign_device		45
#define XEN_DOMCTL_set_target			46
#define XEN_DOMCTL_deassign_device		47
#define XEN_DOMCTL_unbind_pt_irq		48
#define XEN_DOMCTL_get_device_group		50
#define XEN_DOMCTL_debug_op			54
#define XEN_DOMCTL_gethvmcontext_partial	55
#define XEN_DOMCTL_vm_event_op			56
#define XEN_DOMCTL_mem_sharing_op		57
#define XEN_DOMCTL_gettscinfo			59
#define XEN_DOMCTL_settscinfo			60
#define XEN_DOMCTL_getpageframeinfo3		61
#define XEN_DOMCTL_setvcpuextstate		62
#define XEN_DOMCTL_getvcpuextstate		63
#define XEN_DOMCTL_set_access_required		64
#define XEN_DOMCTL_audit_p2m			65
#define XEN_DOMCTL_set_virq_handler		66
#define XEN_DOMCTL_set_broken_page_p2m		67
#define XEN_DOMCTL_setnodeaffinity		68
#define XEN_DOMCTL_getnodeaffinity		69
#define XEN_DOMCTL_cacheflush			71
#define XEN_DOMCTL_get_vcpu_msrs		72
#define XEN_DOMCTL_set_vcpu_msrs		73
#define XEN_DOMCTL_setvnumainfo			74
#define XEN_DOMCTL_psr_cmt_op			75
#define XEN_DOMCTL_monitor_op			77
#define XEN_DOMCTL_psr_alloc			78
#define XEN_DOMCTL_soft_reset			79
#define XEN_DOMCTL_vuart_op			81
#define XEN_DOMCTL_get_cpu_policy		82
#define XEN_DOMCTL_set_cpu_policy		83
#define XEN_DOMCTL_vmtrace_op			84
#define XEN_DOMCTL_get_paging_mempool_size	85
#define XEN_DOMCTL_set_paging_mempool_size	86
/* Xen 4.20 only (4.19 added dt_overlay, 4.20 the other two) */
#define XEN_DOMCTL_dt_overlay			87
#define XEN_DOMCTL_gsi_permission		88
#define XEN_DOMCTL_set_llc_colors		89
#define XEN_DOMCTL_gdbsx_guestmemio		1000
#define XEN_DOMCTL_gdbsx_pausevcpu		1001
#define XEN_DOMCTL_gdbsx_unpausevcpu		1002
#define XEN_DOMCTL_gdbsx_domstatus		1003

/*
 * struct xen_domctl_vcpuaffinity's flags, by bit number: which bitmaps
 * Xen follows, and the bit that undoes pin_override
 */
#define _XEN_VCPUAFFINITY_HARD  0
#define _XEN_VCPUAFFINITY_SOFT  1
#define _XEN_VCPUAFFINITY_FORCE 2

/* struct xen_domctl_shadow_op's op: the two that write the dirty bitmap */
#define XEN_DOMCTL_SHADOW_OP_CLEAN       11
#define XEN_DOMCTL_SHADOW_OP_PEEK        12

/* struct xen_domctl_scheduler_op's cmd: the two that follow u.v.vcpus */
#define XEN_DOMCTL_SCHEDOP_putvcpuinfo 2
#define XEN_DOMCTL_SCHEDOP_getvcpuinfo 3

/* struct xen_domctl_vm_event_op's op: the one that names no domain */
#define XEN_VM_EVENT_GET_VERSION          3

/* struct xen_domctl_memory_mapping's add_mapping: taking a range away */
#define DPCI_REMOVE_MAPPING         0

/* struct xen_domctl_assign_device's dev */
#define XEN_DOMCTL_DEV_PCI      0
#define XEN_DOMCTL_DEV_DT       1

#endif /* XPRIVCMD_XEN_DOMCTL_H */
