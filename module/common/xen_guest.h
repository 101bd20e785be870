/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen's names for the numbers of its stable guest ABI that the tables of
 * module/common/ use, spelled and valued as in Xen's public headers
 * (xen.h, memory.h, grant_table.h, event_channel.h, sched.h, vcpu.h,
 * version.h).  testing/unit/verdicts_test.c includes Xen's headers and
 * this one with -Werror: a value that differs from Xen's fails the build.
 */
#ifndef XPRIVCMD_XEN_GUEST_H
#define XPRIVCMD_XEN_GUEST_H

/* public/xen.h: hypercall numbers */
#define __HYPERVISOR_set_trap_table		0
#define __HYPERVISOR_mmu_update			1
#define __HYPERVISOR_set_gdt			2
#define __HYPERVISOR_stack_switch		3
#define __HYPERVISOR_set_callbacks		4
#define __HYPERVISOR_fpu_taskswitch		5
#define __HYPERVISOR_sched_op_compat		6
#define __HYPERVISOR_platform_op		7
#define __HYPERVISOR_set_debugreg		8
#define __HYPERVISOR_get_debugreg		9
#define __HYPERVISOR_update_descriptor		10
#define __HYPERVISOR_memory_op			12
#define __HYPERVISOR_multicall			13
#define __HYPERVISOR_update_va_mapping		14
#define __HYPERVISOR_set_timer_op		15
#define __HYPERVISOR_event_channel_op_compat	16
#define __HYPERVISOR_xen_version		17
#define __HYPERVISOR_console_io			18
#define __HYPERVISOR_physdev_op_compat		19
#define __HYPERVISOR_grant_table_op		20
#define __HYPERVISOR_vm_assist			21
#define __HYPERVISOR_update_va_mapping_otherdomain 22
#define __HYPERVISOR_iret			23
#define __HYPERVISOR_vcpu_op			24
#define __HYPERVISOR_set_segment_base		25
#define __HYPERVISOR_mmuext_op			26
#define __HYPERVISOR_xsm_op			27
#define __HYPERVISOR_nmi_op			28
#define __HYPERVISOR_sched_op			29
#define __HYPERVISOR_callback_op		30
#define __HYPERVISOR_xenoprof_op		31
#define __HYPERVISOR_event_channel_op		32
#define __HYPERVISOR_physdev_op			33
#define __HYPERVISOR_hvm_op			34
#define __HYPERVISOR_sysctl			35
#define __HYPERVISOR_domctl			36
#define __HYPERVISOR_kexec_op			37
#define __HYPERVISOR_tmem_op			38
#define __HYPERVISOR_argo_op			39
#define __HYPERVISOR_xenpmu_op			40
#define __HYPERVISOR_dm_op			41
#define __HYPERVISOR_hypfs_op			42
#define __HYPERVISOR_arch_0			48
#define __HYPERVISOR_arch_1			49

/* public/xen.h: mmu_update request types and mmuext_op commands */
#define MMU_NORMAL_PT_UPDATE		0
#define MMU_MACHPHYS_UPDATE		1
#define MMU_PT_UPDATE_PRESERVE_AD	2
#define MMU_PT_UPDATE_NO_TRANSLATE	3
#define MMUEXT_PIN_L1_TABLE		0
#define MMUEXT_PIN_L2_TABLE		1
#define MMUEXT_PIN_L3_TABLE		2
#define MMUEXT_PIN_L4_TABLE		3
#define MMUEXT_UNPIN_TABLE		4
#define MMUEXT_NEW_BASEPTR		5
#define MMUEXT_TLB_FLUSH_LOCAL		6
#define MMUEXT_INVLPG_LOCAL		7
#define MMUEXT_TLB_FLUSH_MULTI		8
#define MMUEXT_INVLPG_MULTI		9
#define MMUEXT_TLB_FLUSH_ALL		10
#define MMUEXT_INVLPG_ALL		11
#define MMUEXT_FLUSH_CACHE		12
#define MMUEXT_SET_LDT			13
#define MMUEXT_NEW_USER_BASEPTR		15
#define MMUEXT_CLEAR_PAGE		16
#define MMUEXT_COPY_PAGE		17
#define MMUEXT_FLUSH_CACHE_GLOBAL	18

/* public/memory.h */
#define XENMEM_increase_reservation	0
#define XENMEM_decrease_reservation	1
#define XENMEM_maximum_ram_page		2
#define XENMEM_current_reservation	3
#define XENMEM_maximum_reservation	4
#define XENMEM_machphys_mfn_list	5
#define XENMEM_populate_physmap		6
#define XENMEM_add_to_physmap		7
#define XENMEM_memory_map		9
#define XENMEM_machine_memory_map	10
#define XENMEM_exchange			11
#define XENMEM_machphys_mapping		12
#define XENMEM_set_memory_map		13
#define XENMEM_maximum_gpfn		14
#define XENMEM_remove_from_physmap	15
#define XENMEM_set_pod_target		16
#define XENMEM_get_pod_target		17
#define XENMEM_get_sharing_freed_pages	18
#define XENMEM_get_sharing_shared_pages	19
#define XENMEM_paging_op		20
#define XENMEM_access_op		21
#define XENMEM_sharing_op		22
#define XENMEM_add_to_physmap_batch	23
#define XENMEM_claim_pages		24
#define XENMEM_machphys_compat_mfn_list	25
#define XENMEM_get_vnumainfo		26
#define XENMEM_reserved_device_memory_map 27
#define XENMEM_acquire_resource		28
#define XENMAPSPACE_gmfn_foreign	4
/* XENMEM_paging_op's op, XENMEM_access_op's op: the ones with a handle */
#define XENMEM_paging_op_prep		2
#define XENMEM_access_op_set_access_multi 4

/* public/grant_table.h */
#define GNTTABOP_map_grant_ref		0
#define GNTTABOP_unmap_grant_ref	1
#define GNTTABOP_setup_table		2
#define GNTTABOP_dump_table		3
#define GNTTABOP_transfer		4
#define GNTTABOP_copy			5
#define GNTTABOP_query_size		6
#define GNTTABOP_unmap_and_replace	7
#define GNTTABOP_set_version		8
#define GNTTABOP_get_status_frames	9
#define GNTTABOP_get_version		10
#define GNTTABOP_swap_grant_ref		11
#define GNTTABOP_cache_flush		12

/* public/event_channel.h */
#define EVTCHNOP_bind_interdomain	0
#define EVTCHNOP_bind_virq		1
#define EVTCHNOP_bind_pirq		2
#define EVTCHNOP_close			3
#define EVTCHNOP_send			4
#define EVTCHNOP_status			5
#define EVTCHNOP_alloc_unbound		6
#define EVTCHNOP_bind_ipi		7
#define EVTCHNOP_bind_vcpu		8
#define EVTCHNOP_unmask			9
#define EVTCHNOP_reset			10
#define EVTCHNOP_init_control		11
#define EVTCHNOP_expand_array		12
#define EVTCHNOP_set_priority		13
/*
 * Xen's header names this one only for Xen itself (__XEN__): the command
 * EVTCHNOP_reset's continuation writes back, which any caller can issue.
 */
#define EVTCHNOP_reset_cont		14

/* public/sched.h */
#define SCHEDOP_yield			0
#define SCHEDOP_block			1
#define SCHEDOP_shutdown		2
#define SCHEDOP_poll			3
#define SCHEDOP_remote_shutdown		4
#define SCHEDOP_shutdown_code		5
#define SCHEDOP_watchdog		6
#define SCHEDOP_pin_override		7

/* public/vcpu.h */
#define VCPUOP_initialise		0
#define VCPUOP_up			1
#define VCPUOP_down			2
#define VCPUOP_is_up			3
#define VCPUOP_get_runstate_info	4
#define VCPUOP_register_runstate_memory_area 5
#define VCPUOP_set_periodic_timer	6
#define VCPUOP_stop_periodic_timer	7
#define VCPUOP_set_singleshot_timer	8
#define VCPUOP_stop_singleshot_timer	9
#define VCPUOP_register_vcpu_info	10
#define VCPUOP_send_nmi			11
#define VCPUOP_get_physid		12
#define VCPUOP_register_vcpu_time_memory_area 13
/* Xen 4.18 and later; earlier Xen returns -ENOSYS */
#define VCPUOP_register_runstate_phys_area      14
#define VCPUOP_register_vcpu_time_phys_area     15

/* public/version.h */
#define XENVER_version			0
#define XENVER_extraversion		1
#define XENVER_compile_info		2
#define XENVER_capabilities		3
#define XENVER_changeset		4
#define XENVER_platform_parameters	5
#define XENVER_get_features		6
#define XENVER_pagesize			7
#define XENVER_guest_handle		8
#define XENVER_commandline		9
#define XENVER_build_id			10
/* Xen 4.19 and later: struct xen_varbuf; earlier Xen returns -ENOSYS */
#define XENVER_extraversion2		11
#define XENVER_capabilities2		12
#define XENVER_changeset2		13
#define XENVER_commandline2		14

/* public/xen.h: console_io */
#define CONSOLEIO_write			0
#define CONSOLEIO_read			1

#endif /* XPRIVCMD_XEN_GUEST_H */
