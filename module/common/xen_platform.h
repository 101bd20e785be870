/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen's names for the platform_op sub-commands (public platform.h,
 * XENPF_INTERFACE_VERSION 0x03000001) and the mca ones (public
 * arch-x86/xen-mca.h), with the sub-sub-commands the verdicts tell apart,
 * spelled and valued as in Xen 4.17's headers.
 */
#ifndef XPRIVCMD_XEN_PLATFORM_H
#define XPRIVCMD_XEN_PLATFORM_H

#include "portability.h"
#include "xen_guest.h"

#define XENPF_INTERFACE_VERSION 0x03000001

#define XENPF_settime32			17
#define XENPF_add_memtype		31
#define XENPF_del_memtype		32
#define XENPF_read_memtype		33
#define XENPF_microcode_update		35
#define XENPF_platform_quirk		39
#define XENPF_get_cpu_version		48
#define XENPF_efi_runtime_call		49
#define XENPF_firmware_info		50
#define XENPF_enter_acpi_sleep		51
#define XENPF_change_freq		52
#define XENPF_getidletime		53
#define XENPF_set_processor_pminfo	54
#define XENPF_get_cpuinfo		55
#define XENPF_cpu_online		56
#define XENPF_cpu_offline		57
#define XENPF_cpu_hotadd		58
#define XENPF_mem_hotadd		59
#define XENPF_core_parking		60
#define XENPF_resource_op		61
#define XENPF_settime64			62
#define XENPF_get_symbol		63
/* Xen 4.19 and 4.20, same interface version */
#define XENPF_get_dom0_console		64
#define XENPF_get_ucode_revision	65
#define XENPF_microcode_update2		66

/* XENPF_efi_runtime_call: function */
#define XEN_EFI_get_time			1
#define XEN_EFI_set_time			2
#define XEN_EFI_get_wakeup_time			3
#define XEN_EFI_set_wakeup_time			4
#define XEN_EFI_get_next_high_monotonic_count	5
#define XEN_EFI_get_variable			6
#define XEN_EFI_set_variable			7
#define XEN_EFI_get_next_variable_name		8
#define XEN_EFI_query_variable_info		9
#define XEN_EFI_query_capsule_capabilities	10
#define XEN_EFI_update_capsule			11

/* XENPF_firmware_info: type */
#define XEN_FW_DISK_INFO		1
#define XEN_FW_DISK_MBR_SIGNATURE	2
#define XEN_FW_VBEDDC_INFO		3
#define XEN_FW_EFI_INFO			4
#define XEN_FW_KBD_SHIFT_FLAGS		5

/* XENPF_set_processor_pminfo: type */
#define XEN_PM_CX	0
#define XEN_PM_PX	1
#define XEN_PM_TX	2
#define XEN_PM_PDC	3

#ifdef CONFIG_X86
/* public/arch-x86/xen-mca.h */
#define __HYPERVISOR_mca __HYPERVISOR_arch_0

#define XEN_MCA_INTERFACE_VERSION 0x01ecc003

#define XEN_MC_ACK		0x0004

#define XEN_MC_fetch		1
#define XEN_MC_notifydomain	2
#define XEN_MC_physcpuinfo	3
#define XEN_MC_msrinject	4
#define XEN_MC_mceinject	5
#define XEN_MC_inject_v2	6
#endif /* CONFIG_X86 */

#endif /* XPRIVCMD_XEN_PLATFORM_H */
