// SPDX-License-Identifier: GPL-2.0-only
/*
 * Verdicts (see verdicts.h) on the hypercalls of Xen's stable guest ABI
 * that a PV kernel and the toolstack use: page tables, memory, grant
 * tables, event channels, scheduling, vCPUs, versions and the console; and
 * on those with which a PV kernel sets up itself.
 *
 * Facts from Xen 4.17's source: xen/arch/x86/pv/ (the PV kernel's own
 * state), xen/arch/x86/mm.c (page tables), xen/common/memory.c,
 * xen/common/grant_table.c, xen/common/event_channel.c,
 * xen/common/sched/core.c, xen/common/domain.c (vcpu_op), xen/common/kernel.c
 * (xen_version), xen/drivers/char/console.c.  Offsets are those of the
 * 64-bit ABI, pinned to Xen's headers by testing/unit/schema_test.c.
 */
#include "verdicts.h"
#include "reasons.h"
#include "xen_guest.h"

#define KSTATE	XPRIVCMD_REASON_KERNEL_STATE
#define OWN	XPRIVCMD_REASON_OWN_TABLES
#define SELF_OK	.flags = XPRIVCMD_VF_SELF_OK
#define LOCAL	.flags = XPRIVCMD_VF_LOCAL
#define WHOLE	XPRIVCMD_NOT_MUXED

#define TABLE(_name, _op) \
	const struct xprivcmd_class_table xprivcmd_##_name##_classes = { \
		.op = (_op), .rows = _name##_rows, \
		.nr = ARRAY_SIZE(_name##_rows), \
	}

/*
 * How a PV kernel sets up its own vCPU (arch/x86/pv/: traps.c, callback.c,
 * descriptor-tables.c, misc-hypercalls.c, iret.c; common/domain.c
 * vm_assist): issued through the device they act on the vCPU that runs
 * the caller, i.e. on the kernel.
 */
static const struct xprivcmd_class set_trap_table_rows[] = {
	REFUSED(0, WHOLE, KSTATE),
};

TABLE(set_trap_table, __HYPERVISOR_set_trap_table);

static const struct xprivcmd_class set_gdt_rows[] = {
	REFUSED(0, WHOLE, KSTATE),
};

TABLE(set_gdt, __HYPERVISOR_set_gdt);

static const struct xprivcmd_class stack_switch_rows[] = {
	REFUSED(0, WHOLE, KSTATE),
};

TABLE(stack_switch, __HYPERVISOR_stack_switch);

static const struct xprivcmd_class set_callbacks_rows[] = {
	REFUSED(0, WHOLE, KSTATE),
};

TABLE(set_callbacks, __HYPERVISOR_set_callbacks);

static const struct xprivcmd_class fpu_taskswitch_rows[] = {
	REFUSED(0, WHOLE, KSTATE),
};

TABLE(fpu_taskswitch, __HYPERVISOR_fpu_taskswitch);

static const struct xprivcmd_class set_debugreg_rows[] = {
	REFUSED(0, WHOLE, KSTATE),
};

TABLE(set_debugreg, __HYPERVISOR_set_debugreg);

/* pv/misc-hypercalls.c do_get_debugreg: reads a register, writes nothing. */
static const struct xprivcmd_class get_debugreg_rows[] = {
	NOREF(0, WHOLE),
};

TABLE(get_debugreg, __HYPERVISOR_get_debugreg);

/* mm.c do_update_descriptor: a descriptor in the caller's own GDT/LDT frame. */
static const struct xprivcmd_class update_descriptor_rows[] = {
	REFUSED(0, WHOLE, KSTATE),
};

TABLE(update_descriptor, __HYPERVISOR_update_descriptor);

static const struct xprivcmd_class set_timer_op_rows[] = {
	REFUSED(0, WHOLE, KSTATE),
};

TABLE(set_timer_op, __HYPERVISOR_set_timer_op);

static const struct xprivcmd_class vm_assist_rows[] = {
	REFUSED(0, WHOLE, KSTATE),
};

TABLE(vm_assist, __HYPERVISOR_vm_assist);

static const struct xprivcmd_class iret_rows[] = {
	REFUSED(0, WHOLE, KSTATE),
};

TABLE(iret, __HYPERVISOR_iret);

static const struct xprivcmd_class set_segment_base_rows[] = {
	REFUSED(0, WHOLE, KSTATE),
};

TABLE(set_segment_base, __HYPERVISOR_set_segment_base);

static const struct xprivcmd_class nmi_op_rows[] = {
	REFUSED(0, WHOLE, KSTATE),
};

TABLE(nmi_op, __HYPERVISOR_nmi_op);

static const struct xprivcmd_class callback_op_rows[] = {
	REFUSED(0, WHOLE, KSTATE),
};

TABLE(callback_op, __HYPERVISOR_callback_op);

/*
 * mm.c do_mmu_update and do_mmuext_op: decided request by request on a
 * kernel copy of the array (schema_frames.c): page tables and frames of
 * another domain only, flushes, no vCPU state.
 */
static const struct xprivcmd_class mmu_update_rows[] = {
	CHECKED(0, WHOLE),
};

TABLE(mmu_update, __HYPERVISOR_mmu_update);

static const struct xprivcmd_class mmuext_op_rows[] = {
	CHECKED(0, WHOLE),
};

TABLE(mmuext_op, __HYPERVISOR_mmuext_op);

/*
 * mm.c do_update_va_mapping(_otherdomain): rewrites a PTE of the caller's
 * own page tables (its pg_owner is the caller, or a foreign domain's frame
 * behind mm's back): the kernel's page tables.  Mappings are made with
 * IOCTL_PRIVCMD_MMAPBATCH, which the kernel tracks.
 */
static const struct xprivcmd_class update_va_mapping_rows[] = {
	REFUSED(0, WHOLE, OWN),
};

TABLE(update_va_mapping, __HYPERVISOR_update_va_mapping);

static const struct xprivcmd_class update_va_mapping_otherdomain_rows[] = {
	REFUSED(0, WHOLE, OWN),
};

TABLE(update_va_mapping_otherdomain, __HYPERVISOR_update_va_mapping_otherdomain);

/* Every entry is decided like a call of its own (hypercall.c). */
static const struct xprivcmd_class multicall_rows[] = {
	CHECKED(0, WHOLE),
};

TABLE(multicall, __HYPERVISOR_multicall);

/*
 * dm_op as a raw hypercall: its buffers are a list of guest handles (and
 * the sub-command is in the first).  IOCTL_PRIVCMD_DM_OP is the checked
 * way in, and libxendevicemodel's; the raw call is not modelled.
 */
static const struct xprivcmd_class dm_op_rows[] = {
	UNMODELLED(0, WHOLE),
};

TABLE(dm_op, __HYPERVISOR_dm_op);

/*
 * common/memory.c do_memory_op.  The domain of a reservation is at 24 of
 * struct xen_memory_reservation; on the caller it would give away, take
 * or exchange the kernel's own frames (decrease_reservation of a frame in
 * use is a use-after-free), which is the balloon driver's business.
 */
static const struct xprivcmd_class memory_op_rows[] = {
	CHECKED(0, XENMEM_increase_reservation, XPRIVCMD_DOM(24)),
	CHECKED(0, XENMEM_decrease_reservation, XPRIVCMD_DOM(24)),
	NOREF(0, XENMEM_maximum_ram_page),
	NOREF(0, XENMEM_current_reservation, XPRIVCMD_DOM(0), SELF_OK),
	NOREF(0, XENMEM_maximum_reservation, XPRIVCMD_DOM(0), SELF_OK),
	CHECKED(0, XENMEM_machphys_mfn_list),
	CHECKED(0, XENMEM_populate_physmap, XPRIVCMD_DOM(24)),
	/* idx and gpfn are frames of the domain whose physmap changes */
	NOREF(0, XENMEM_add_to_physmap, XPRIVCMD_DOM(0)),
	CHECKED(0, XENMEM_memory_map),
	CHECKED(0, XENMEM_machine_memory_map),
	/* in.domid; Xen requires out.domid to be the same domain */
	CHECKED(0, XENMEM_exchange, XPRIVCMD_DOM(24)),
	NOREF(0, XENMEM_machphys_mapping),
	CHECKED(0, XENMEM_set_memory_map, XPRIVCMD_DOM(0)),
	NOREF(0, XENMEM_maximum_gpfn, XPRIVCMD_DOM(0), SELF_OK),
	NOREF(0, XENMEM_remove_from_physmap, XPRIVCMD_DOM(0)),
	NOREF(0, XENMEM_set_pod_target, XPRIVCMD_DOM(32)),
	NOREF(0, XENMEM_get_pod_target, XPRIVCMD_DOM(32), SELF_OK),
	NOREF(0, XENMEM_get_sharing_freed_pages),
	NOREF(0, XENMEM_get_sharing_shared_pages),
	/* mem_paging.c: prep reads a page from buffer (schema_nested.c) */
	CHECKED(0, XENMEM_paging_op, XPRIVCMD_DOM(2)),
	/* mem_access.c: set_access_multi's lists (schema_nested.c) */
	CHECKED(0, XENMEM_access_op, XPRIVCMD_DOM(2)),
	/*
	 * mem_sharing.c: gfns, grant refs and a second domain per
	 * sub-command (nominate, share, add_physmap, range, fork), not
	 * modelled.
	 */
	UNMODELLED(0, XENMEM_sharing_op),
	/* gmfn_foreign's source domain is checked too (schema_frames.c) */
	CHECKED(0, XENMEM_add_to_physmap_batch, XPRIVCMD_DOM(0)),
	NOREF(0, XENMEM_claim_pages, XPRIVCMD_DOM(24)),
	CHECKED(0, XENMEM_machphys_compat_mfn_list),
	CHECKED(0, XENMEM_get_vnumainfo, XPRIVCMD_DOM(0), SELF_OK),
	CHECKED(0, XENMEM_reserved_device_memory_map),
	/*
	 * An auto-translated caller's frame_list names its own gfns, where
	 * Xen maps the resource (schema_frames.c); a PV caller's gets MFNs.
	 */
	CHECKED(0, XENMEM_acquire_resource, XPRIVCMD_DOM(0)),
};

TABLE(memory_op, __HYPERVISOR_memory_op);

/*
 * common/grant_table.c do_grant_table_op.  Maps and unmaps edit the
 * caller's page tables at host_addr (its IOMMU for device maps): grants are
 * mapped through /dev/xen/gntdev.  transfer gives a frame of the caller
 * away, set_version and swap_grant_ref change the kernel's own grant
 * table, cache_flush acts on the caller's frames.
 */
static const struct xprivcmd_class grant_table_op_rows[] = {
	REFUSED(0, GNTTABOP_map_grant_ref, OWN),
	REFUSED(0, GNTTABOP_unmap_grant_ref, OWN),
	CHECKED(0, GNTTABOP_setup_table, XPRIVCMD_DOM(0)),
	NOREF(0, GNTTABOP_dump_table, XPRIVCMD_DOM(0), SELF_OK),
	REFUSED(0, GNTTABOP_transfer, OWN),
	/* each segment's frames are checked (schema_frames.c) */
	CHECKED(0, GNTTABOP_copy),
	NOREF(0, GNTTABOP_query_size, XPRIVCMD_DOM(0), SELF_OK),
	REFUSED(0, GNTTABOP_unmap_and_replace, OWN),
	REFUSED(0, GNTTABOP_set_version, KSTATE),
	CHECKED(0, GNTTABOP_get_status_frames, XPRIVCMD_DOM(4)),
	NOREF(0, GNTTABOP_get_version, XPRIVCMD_DOM(0), SELF_OK),
	REFUSED(0, GNTTABOP_swap_grant_ref, KSTATE),
	REFUSED(0, GNTTABOP_cache_flush, OWN),
};

TABLE(grant_table_op, __HYPERVISOR_grant_table_op);

/*
 * common/event_channel.c do_event_channel_op.  The binds, close, send,
 * unmask, bind_vcpu and set_priority act on the caller's own ports: the
 * kernel's event channels (user space has /dev/xen/evtchn); init_control
 * and expand_array hand Xen frames of the caller for its control blocks.
 * status only reads; alloc_unbound and reset act on the domain named.
 */
static const struct xprivcmd_class event_channel_op_rows[] = {
	REFUSED(0, EVTCHNOP_bind_interdomain, KSTATE),
	REFUSED(0, EVTCHNOP_bind_virq, KSTATE),
	REFUSED(0, EVTCHNOP_bind_pirq, KSTATE),
	REFUSED(0, EVTCHNOP_close, KSTATE),
	REFUSED(0, EVTCHNOP_send, KSTATE),
	NOREF(0, EVTCHNOP_status, XPRIVCMD_DOM(0), SELF_OK),
	NOREF(0, EVTCHNOP_alloc_unbound, XPRIVCMD_DOM(0)),
	REFUSED(0, EVTCHNOP_bind_ipi, KSTATE),
	REFUSED(0, EVTCHNOP_bind_vcpu, KSTATE),
	REFUSED(0, EVTCHNOP_unmask, KSTATE),
	NOREF(0, EVTCHNOP_reset, XPRIVCMD_DOM(0)),
	REFUSED(0, EVTCHNOP_init_control, KSTATE),
	REFUSED(0, EVTCHNOP_expand_array, KSTATE),
	REFUSED(0, EVTCHNOP_set_priority, KSTATE),
	NOREF(0, EVTCHNOP_reset_cont, XPRIVCMD_DOM(0)),
};

TABLE(event_channel_op, __HYPERVISOR_event_channel_op);

/*
 * common/sched/core.c do_sched_op (and do_sched_op_compat, judged as
 * this): yield gives up the rest of a time slice; block, poll, shutdown,
 * shutdown_code, watchdog and pin_override act on the calling vCPU or
 * domain, i.e. the kernel.
 */
static const struct xprivcmd_class sched_op_rows[] = {
	NOREF(0, SCHEDOP_yield, LOCAL),
	REFUSED(0, SCHEDOP_block, KSTATE),
	REFUSED(0, SCHEDOP_shutdown, KSTATE),
	REFUSED(0, SCHEDOP_poll, KSTATE),
	NOREF(0, SCHEDOP_remote_shutdown, XPRIVCMD_DOM(0)),
	REFUSED(0, SCHEDOP_shutdown_code, KSTATE),
	REFUSED(0, SCHEDOP_watchdog, KSTATE),
	REFUSED(0, SCHEDOP_pin_override, KSTATE),
};

TABLE(sched_op, __HYPERVISOR_sched_op);

/*
 * common/domain.c do_vcpu_op: on the caller's own vCPUs, i.e. the kernel's;
 * only the queries are harmless.
 */
static const struct xprivcmd_class vcpu_op_rows[] = {
	REFUSED(0, VCPUOP_initialise, KSTATE),
	REFUSED(0, VCPUOP_up, KSTATE),
	REFUSED(0, VCPUOP_down, KSTATE),
	NOREF(0, VCPUOP_is_up, LOCAL),
	NOREF(0, VCPUOP_get_runstate_info, LOCAL),
	REFUSED(0, VCPUOP_register_runstate_memory_area, KSTATE),
	REFUSED(0, VCPUOP_set_periodic_timer, KSTATE),
	REFUSED(0, VCPUOP_stop_periodic_timer, KSTATE),
	REFUSED(0, VCPUOP_set_singleshot_timer, KSTATE),
	REFUSED(0, VCPUOP_stop_singleshot_timer, KSTATE),
	REFUSED(0, VCPUOP_register_vcpu_info, KSTATE),
	REFUSED(0, VCPUOP_send_nmi, KSTATE),
	NOREF(0, VCPUOP_get_physid, LOCAL),
	REFUSED(0, VCPUOP_register_vcpu_time_memory_area, KSTATE),
	/*
	 * Xen 4.18 (4.20: common/domain.c, arch/x86/domain.c
	 * map_guest_area): the same areas of the caller's vCPU, named by a
	 * guest physical address of the caller; -ENOSYS on Xen 4.17.
	 */
	REFUSED(0, VCPUOP_register_runstate_phys_area, KSTATE),
	REFUSED(0, VCPUOP_register_vcpu_time_phys_area, KSTATE),
};

TABLE(vcpu_op, __HYPERVISOR_vcpu_op);

/* common/kernel.c do_xen_version: each writes at most its own buffer. */
static const struct xprivcmd_class xen_version_rows[] = {
	NOREF(0, XENVER_version, LOCAL),
	NOREF(0, XENVER_extraversion, LOCAL),
	NOREF(0, XENVER_compile_info, LOCAL),
	NOREF(0, XENVER_capabilities, LOCAL),
	NOREF(0, XENVER_changeset, LOCAL),
	NOREF(0, XENVER_platform_parameters, LOCAL),
	NOREF(0, XENVER_get_features, LOCAL),
	NOREF(0, XENVER_pagesize, LOCAL),
	NOREF(0, XENVER_guest_handle, LOCAL),
	NOREF(0, XENVER_commandline, LOCAL),
	NOREF(0, XENVER_build_id, LOCAL),
	/*
	 * Xen 4.19 (4.20: xenver_varbuf_op): the buffer is the op's pointer,
	 * checked whole (schema_ops.c); -ENOSYS on Xen 4.17.
	 */
	NOREF(0, XENVER_extraversion2, LOCAL),
	NOREF(0, XENVER_capabilities2, LOCAL),
	NOREF(0, XENVER_changeset2, LOCAL),
	NOREF(0, XENVER_commandline2, LOCAL),
};

TABLE(xen_version, __HYPERVISOR_xen_version);

/* drivers/char/console.c do_console_io: the buffer of arg2, arg1 bytes. */
static const struct xprivcmd_class console_io_rows[] = {
	NOREF(0, CONSOLEIO_write),
	NOREF(0, CONSOLEIO_read),
};

TABLE(console_io, __HYPERVISOR_console_io);
