// SPDX-License-Identifier: GPL-2.0-only
/*
 * Verdicts (see verdicts.h) on platform_op and mca (x86 machine checks).
 *
 * Sources: xen/arch/x86/platform_hypercall.c:do_platform_op() (Arm's
 * xen/arch/arm/platform_hypercall.c knows settime64 alone and answers
 * -ENOSYS to the rest) and xen/arch/x86/cpu/mcheck/mce.c:do_mca().  The
 * handles of the CHECKED ones are the platform_op and mca rows of nested[]
 * (schema_nested.c).  No sub-command names a domain but msrinject.
 */
#include "verdicts.h"
#include "xen_platform.h"

#define IV	XENPF_INTERFACE_VERSION
/* The union starts after cmd and interface_version. */
#define PU	8
/* A sub-sub-command: the u32 at @off of the union. */
#define SUBCMD(off, val)	XPRIVCMD_SUB(PU + (off), ~0U, (val))

static const struct xprivcmd_class platform_op_rows[] = {
	/* arm/platform_hypercall.c, x86: do_settime() of the wallclock */
	NOREF(IV, XENPF_settime64),
#ifdef CONFIG_X86
	NOREF(IV, XENPF_settime32),

	/*
	 * mtrr_add_page() and mtrr_del_page(): the memory type of machine
	 * frames of Xen's and the caller's choosing (its own RAM included),
	 * which nothing here checks.
	 */
	UNMODELLED(IV, XENPF_add_memtype),
	UNMODELLED(IV, XENPF_del_memtype),
	/* mtrr_get() into the structure */
	NOREF(IV, XENPF_read_memtype),

	/* cpu/microcode/core.c:microcode_update(): length bytes from data */
	CHECKED(IV, XENPF_microcode_update),

	/* setup_ioapic_dest() or a log line */
	NOREF(IV, XENPF_platform_quirk),

	/*
	 * common/efi/runtime.c:efi_runtime_call(): the time, wakeup,
	 * counter and query_variable_info calls use the structure alone
	 * (the capsule ones end in -EOPNOTSUPP or -ENOSYS); the variable
	 * calls take the name's length from the name itself (gwstrlen()
	 * reads until a NUL in the caller's memory): not modelled.
	 */
	NOREF(IV, XENPF_efi_runtime_call, SUBCMD(0, XEN_EFI_get_time)),
	NOREF(IV, XENPF_efi_runtime_call, SUBCMD(0, XEN_EFI_set_time)),
	NOREF(IV, XENPF_efi_runtime_call, SUBCMD(0, XEN_EFI_get_wakeup_time)),
	NOREF(IV, XENPF_efi_runtime_call, SUBCMD(0, XEN_EFI_set_wakeup_time)),
	NOREF(IV, XENPF_efi_runtime_call,
	      SUBCMD(0, XEN_EFI_get_next_high_monotonic_count)),
	NOREF(IV, XENPF_efi_runtime_call, SUBCMD(0, XEN_EFI_query_variable_info)),
	NOREF(IV, XENPF_efi_runtime_call,
	      SUBCMD(0, XEN_EFI_query_capsule_capabilities)),
	NOREF(IV, XENPF_efi_runtime_call, SUBCMD(0, XEN_EFI_update_capsule)),
	UNMODELLED(IV, XENPF_efi_runtime_call, SUBCMD(0, XEN_EFI_get_variable)),
	UNMODELLED(IV, XENPF_efi_runtime_call, SUBCMD(0, XEN_EFI_set_variable)),
	UNMODELLED(IV, XENPF_efi_runtime_call,
		   SUBCMD(0, XEN_EFI_get_next_variable_name)),

	/*
	 * firmware_info: DISK_INFO reads a u16 length at edd_params and
	 * writes as much (at most Xen's), upwards from its start: start
	 * only; VBEDDC_INFO writes 128 bytes of EDID.  EFI_INFO's
	 * common/efi/runtime.c:efi_get_info() writes the vendor name for
	 * index XEN_FW_EFI_VENDOR alone, a condition on two fields that
	 * nested[] cannot state: not modelled.
	 */
	CHECKED(IV, XENPF_firmware_info, SUBCMD(0, XEN_FW_DISK_INFO)),
	CHECKED(IV, XENPF_firmware_info, SUBCMD(0, XEN_FW_VBEDDC_INFO)),
	NOREF(IV, XENPF_firmware_info, SUBCMD(0, XEN_FW_DISK_MBR_SIGNATURE)),
	NOREF(IV, XENPF_firmware_info, SUBCMD(0, XEN_FW_KBD_SHIFT_FLAGS)),
	UNMODELLED(IV, XENPF_firmware_info, SUBCMD(0, XEN_FW_EFI_INFO)),

	/*
	 * acpi/power.c:acpi_enter_sleep(): the host enters S3 under the
	 * running kernel, which alone knows how to prepare for it
	 * (drivers/xen/acpi.c); what that does to its devices is not
	 * modelled.
	 */
	UNMODELLED(IV, XENPF_enter_acpi_sleep),

	/* cpu_frequency_change_helper() */
	NOREF(IV, XENPF_change_freq),

	/*
	 * getidletime: the cpumap (cpumap_nr_cpus bits, read and written)
	 * and one idle time per CPU of it, all below cpumap_nr_cpus
	 */
	CHECKED(IV, XENPF_getidletime),

	/*
	 * set_processor_pminfo: PX reads state_count entries of states
	 * (drivers/cpufreq/cpufreq.c:set_px_pminfo()), PDC three u32 of
	 * which it writes the third (drivers/acpi/pmstat.c:
	 * acpi_set_pdc_bits()), TX reads nothing.  CX
	 * (acpi/cpu_idle.c:set_cx_pminfo()) follows the dp handles inside
	 * each state of the caller's array: not modelled.
	 */
	CHECKED(IV, XENPF_set_processor_pminfo, SUBCMD(4, XEN_PM_PX)),
	CHECKED(IV, XENPF_set_processor_pminfo, SUBCMD(4, XEN_PM_PDC)),
	NOREF(IV, XENPF_set_processor_pminfo, SUBCMD(4, XEN_PM_TX)),
	UNMODELLED(IV, XENPF_set_processor_pminfo, SUBCMD(4, XEN_PM_CX)),

	/* the structure only */
	NOREF(IV, XENPF_get_cpuinfo),
	NOREF(IV, XENPF_get_cpu_version),
	NOREF(IV, XENPF_cpu_online),
	NOREF(IV, XENPF_cpu_offline),
	NOREF(IV, XENPF_cpu_hotadd),
	NOREF(IV, XENPF_core_parking),

	/*
	 * x86_64/mm.c:memory_add(): machine frames spfn..epfn; that they
	 * cannot be RAM the caller already owns is Xen's check, not one
	 * modelled here.
	 */
	UNMODELLED(IV, XENPF_mem_hotadd),

	/* resource_op: nr_entries entries of entries, read and written */
	CHECKED(IV, XENPF_resource_op),

	/* get_symbol: at most namelen bytes to name */
	CHECKED(IV, XENPF_get_symbol),

	/*
	 * Added by Xen 4.19-4.20 at the same interface version (Xen 4.17
	 * ends them in do_platform_op's default, -ENOSYS).  Xen 4.20's
	 * platform_hypercall.c: get_dom0_console fills u.dom0_console,
	 * get_ucode_revision u.ucode_revision; microcode_update2 is
	 * microcode_update with flags (XENPF_UCODE_FORCE skips the revision
	 * check): length bytes from data.
	 */
	NOREF(IV, XENPF_get_dom0_console),
	NOREF(IV, XENPF_get_ucode_revision),
	CHECKED(IV, XENPF_microcode_update2),
#endif /* CONFIG_X86 */
};

const struct xprivcmd_class_table xprivcmd_platform_op_classes = {
	.op = 7,
	.rows = platform_op_rows,
	.nr = ARRAY_SIZE(platform_op_rows),
};

static const struct xprivcmd_class mca_rows[] = {
#ifdef CONFIG_X86
	/*
	 * cpu/mcheck/mce.c:do_mca(): fetch writes one struct mc_info unless
	 * acknowledging; physcpuinfo at most ncpus entries; notifydomain
	 * is refused with -EINVAL.
	 */
	CHECKED(XEN_MCA_INTERFACE_VERSION, XEN_MC_fetch),
	NOREF(XEN_MCA_INTERFACE_VERSION, XEN_MC_notifydomain),
	CHECKED(XEN_MCA_INTERFACE_VERSION, XEN_MC_physcpuinfo),
	/*
	 * Error injection: msrinject translates guest-physical addresses of
	 * any domain, the caller included (rcu_lock_domain_by_any_id()),
	 * and the #MC or CMCI that mceinject and inject_v2 raise then
	 * reaches whatever owns the interposed address (vMCE, page
	 * offlining, domain crash): not modelled.
	 */
	UNMODELLED(XEN_MCA_INTERFACE_VERSION, XEN_MC_msrinject),
	UNMODELLED(XEN_MCA_INTERFACE_VERSION, XEN_MC_mceinject),
	UNMODELLED(XEN_MCA_INTERFACE_VERSION, XEN_MC_inject_v2),
#endif
};

const struct xprivcmd_class_table xprivcmd_mca_classes = {
	.op = 48,
	.rows = mca_rows,
	.nr = ARRAY_SIZE(mca_rows),
};
