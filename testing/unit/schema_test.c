// SPDX-License-Identifier: GPL-2.0-only
/*
 * module/schema.c against Xen's public headers (libxen-dev): hypercall
 * numbers and names, and the buffer lengths the schema derives.
 */
#define __XEN_TOOLS__ 1
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <xen/xen.h>
#include <xen/version.h>
#include <xen/sysctl.h>
#include <xen/domctl.h>
#include <xen/platform.h>
#include <xen/hvm/dm_op.h>
#include <xen/memory.h>
#include <xen/grant_table.h>
#include <xen/event_channel.h>
#include <xen/physdev.h>
#include <xen/pmu.h>
#include <xen/hvm/hvm_op.h>
#include <xen/arch-x86/xen-mca.h>
#include <xen/xsm/flask_op.h>
#include <xen/io/ring.h>

#include "schema.h"
#include "schema_internal.h"
#include "kselftest_harness.h"

/* Xen's xen/include/xen/hypercall.h; not in the public headers. */
#define MEMOP_EXTENT_SHIFT	6
#ifndef EVTCHNOP_reset_cont
#define EVTCHNOP_reset_cont	14
#endif

#define NAMED(op) { __HYPERVISOR_##op, #op }

/*
 * Built against Xen 4.17's headers and, as schema420_test, Debian 13's
 * Xen 4.20 ones, where the governor's fields of get_cpufreq_para moved
 * into u.s (Xen 4.18) after the handles, which stayed where they were.
 */
#ifdef XPRIVCMD_XEN_420_NAMES
#define GOVERNOR u.s.scaling_governor
#else
#define GOVERNOR scaling_governor
#endif

/* Every hypercall of Xen 4.17's xen.h that the schema must name. */
static const struct { unsigned int nr; const char *name; } xen_ops[] = {
	NAMED(set_trap_table), NAMED(mmu_update), NAMED(set_gdt),
	NAMED(stack_switch), NAMED(set_callbacks), NAMED(fpu_taskswitch),
	NAMED(sched_op_compat), NAMED(platform_op), NAMED(set_debugreg),
	NAMED(get_debugreg), NAMED(update_descriptor), NAMED(memory_op),
	NAMED(multicall), NAMED(update_va_mapping), NAMED(set_timer_op),
	NAMED(event_channel_op_compat), NAMED(xen_version), NAMED(console_io),
	NAMED(physdev_op_compat), NAMED(grant_table_op), NAMED(vm_assist),
	NAMED(update_va_mapping_otherdomain), NAMED(iret), NAMED(vcpu_op),
	NAMED(set_segment_base), NAMED(mmuext_op), NAMED(xsm_op), NAMED(nmi_op),
	NAMED(sched_op), NAMED(callback_op), NAMED(xenoprof_op),
	NAMED(event_channel_op), NAMED(physdev_op), NAMED(hvm_op), NAMED(sysctl),
	NAMED(domctl), NAMED(kexec_op), NAMED(tmem_op), NAMED(argo_op),
	NAMED(xenpmu_op), NAMED(dm_op), NAMED(hypfs_op),
};

TEST(names_match_xen_h)
{
	unsigned int i;

	for (i = 0; i < sizeof(xen_ops) / sizeof(xen_ops[0]); i++)
		EXPECT_STREQ(xen_ops[i].name, xprivcmd_op_name(xen_ops[i].nr));
	EXPECT_STREQ("mca", xprivcmd_op_name(__HYPERVISOR_arch_0));
	EXPECT_STREQ("unknown", xprivcmd_op_name(11));
	EXPECT_STREQ("unknown", xprivcmd_op_name(43));
	EXPECT_STREQ("unknown", xprivcmd_op_name(127));
	EXPECT_STREQ("unknown", xprivcmd_op_name(~0ULL));
}

/* The one range the schema gives for @op with @args. */
static struct xprivcmd_range one_range(struct __test_metadata *_metadata,
				       u64 op, u64 a0, u64 a1, u64 a2)
{
	struct xprivcmd_range r[XPRIVCMD_MAX_PTRS];
	u64 args[XPRIVCMD_NR_ARGS] = { a0, a1, a2, 0, 0 };

	memset(r, 0, sizeof(r));
	EXPECT_EQ(1, xprivcmd_schema_ranges(op, args, r));
	return r[0];
}

TEST(struct_sizes_match_xen_headers)
{
	struct xprivcmd_range r;

	r = one_range(_metadata, __HYPERVISOR_sysctl, 0x1000, 0, 0);
	EXPECT_EQ(sizeof(struct xen_sysctl), r.len);
	EXPECT_TRUE(r.required);
	r = one_range(_metadata, __HYPERVISOR_domctl, 0x1000, 0, 0);
	EXPECT_EQ(sizeof(struct xen_domctl), r.len);
	r = one_range(_metadata, __HYPERVISOR_platform_op, 0x1000, 0, 0);
	EXPECT_EQ(sizeof(struct xen_platform_op), r.len);
	r = one_range(_metadata, __HYPERVISOR_multicall, 0x1000, 3, 0);
	EXPECT_EQ(3 * sizeof(multicall_entry_t), r.len);
	r = one_range(_metadata, __HYPERVISOR_dm_op, 1, 2, 0x1000);
	EXPECT_EQ(2 * sizeof(struct xen_dm_op_buf), r.len);
	EXPECT_EQ(2, r.arg);
}

/* Xen's struct e820entry (xen/arch/x86/include/asm/e820.h): not public. */
struct e820entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
} __attribute__((packed));

/* A member's size, for the lengths Xen's headers give only as arrays. */
#define MEMBER_SIZE(type, member) sizeof(((type *)0)->member)

/* Every SZ_* of schema_internal.h is the size Xen's headers give it. */
TEST(schema_sizes_match_xen_headers)
{
	static const struct { char name[32]; size_t xen, ours; } sz[] = {
#define PIN(ours, xen) { #ours, xen, ours }
		PIN(SZ_TRAP_INFO, sizeof(struct trap_info)),
		PIN(SZ_MMU_UPDATE, sizeof(struct mmu_update)),
		PIN(SZ_MMUEXT_OP, sizeof(struct mmuext_op)),
		PIN(SZ_XEN_ULONG, sizeof(xen_ulong_t)),
		PIN(SZ_XEN_ULONG, sizeof(xen_pfn_t)),
		PIN(SZ_PLATFORM_OP, sizeof(struct xen_platform_op)),
		PIN(SZ_MULTICALL_ENTRY, sizeof(struct multicall_entry)),
		PIN(SZ_EVTCHN_OP, sizeof(struct evtchn_op)),
		PIN(SZ_PHYSDEV_OP, sizeof(struct physdev_op)),
		PIN(SZ_FLASK_OP, sizeof(struct xen_flask_op)),
		PIN(SZ_SYSCTL, sizeof(struct xen_sysctl)),
		PIN(SZ_DOMCTL, sizeof(struct xen_domctl)),
		PIN(SZ_DM_OP_BUF, sizeof(struct xen_dm_op_buf)),
		PIN(SZ_XEN_MC, sizeof(struct xen_mc)),
		PIN(SZ_MEM_RESERVATION, sizeof(struct xen_memory_reservation)),
		PIN(SZ_MEM_EXCHANGE, sizeof(struct xen_memory_exchange)),
		PIN(SZ_MFN_LIST, sizeof(struct xen_machphys_mfn_list)),
		PIN(SZ_MEMORY_MAP, sizeof(struct xen_memory_map)),
		PIN(SZ_FOREIGN_MEMORY_MAP, sizeof(struct xen_foreign_memory_map)),
		PIN(SZ_E820_ENTRY, sizeof(struct e820entry)),
		PIN(SZ_PHYSMAP_BATCH, sizeof(struct xen_add_to_physmap_batch)),
		PIN(SZ_RDM_MAP, sizeof(struct xen_reserved_device_memory_map)),
		PIN(SZ_RDM, sizeof(xen_reserved_device_memory_t)),
		PIN(SZ_ACQUIRE_RESOURCE, sizeof(struct xen_mem_acquire_resource)),
		PIN(SZ_GNT_SETUP_TABLE, sizeof(struct gnttab_setup_table)),
		PIN(SZ_GNT_STATUS_FRAMES, sizeof(struct gnttab_get_status_frames)),
		PIN(SZ_VCPU_CONTEXT, sizeof(vcpu_guest_context_t)),
		PIN(SZ_CPUID_LEAF, sizeof(xen_cpuid_leaf_t)),
		PIN(SZ_MSR_ENTRY, sizeof(xen_msr_entry_t)),
		PIN(SZ_MSR_ENTRY, sizeof(xen_domctl_vcpu_msr_t)),
		PIN(SZ_VMEMRANGE, sizeof(xen_vmemrange_t)),
		PIN(SZ_SCHED_VCPU, sizeof(xen_domctl_schedparam_vcpu_t)),
		PIN(SZ_MEM_PAGING_OP, sizeof(struct xen_mem_paging_op)),
		PIN(SZ_MEM_ACCESS_OP, sizeof(struct xen_mem_access_op)),
		PIN(SZ_MEM_SHARING_OP, sizeof(struct xen_mem_sharing_op)),
		PIN(SZ_VNUMA_TOPOLOGY, sizeof(struct xen_vnuma_topology_info)),
		/* "always 4K, regardless of the architecture" (io/ring.h) */
		PIN(SZ_XEN_PAGE, sizeof(char[1UL << XEN_PAGE_SHIFT])),
		PIN(SZ_PERFC_DESC, sizeof(xen_sysctl_perfc_desc_t)),
		PIN(SZ_CPUINFO, sizeof(xen_sysctl_cpuinfo_t)),
		PIN(SZ_PX_VAL, sizeof(pm_px_val_t)),
		/* one governor's name of scaling_available_governors */
		PIN(SZ_CPUFREQ_NAME, MEMBER_SIZE(struct xen_get_cpufreq_para, GOVERNOR)),
		PIN(SZ_LOCKPROF_DATA, sizeof(xen_sysctl_lockprof_data_t)),
		PIN(SZ_CPUTOPO, sizeof(xen_sysctl_cputopo_t)),
		PIN(SZ_MEMINFO, sizeof(xen_sysctl_meminfo_t)),
		PIN(SZ_ARINC653_SCHEDULE, sizeof(xen_sysctl_arinc653_schedule_t)),
		PIN(SZ_PCI_DEVICE, sizeof(physdev_pci_device_t)),
		PIN(SZ_LIVEPATCH_STATUS, sizeof(xen_livepatch_status_t)),
		PIN(SZ_LIVEPATCH_NAME, sizeof(char[XEN_LIVEPATCH_NAME_SIZE])),
#undef PIN
	};
	unsigned int i;

	for (i = 0; i < sizeof(sz) / sizeof(sz[0]); i++)
		EXPECT_EQ(sz[i].xen, sz[i].ours) TH_LOG("%s", sz[i].name);
	/* Not a size: a handle whose start alone is checked. */
	EXPECT_EQ(1, SZ_START);
}

/* mmu_update: the request array, then the optional "done" counter. */
TEST(mmu_update_array_and_done_count)
{
	u64 args[XPRIVCMD_NR_ARGS] = { 0x1000, 5, 0, DOMID_SELF };
	struct xprivcmd_range r[XPRIVCMD_MAX_PTRS];

	ASSERT_EQ(2, xprivcmd_schema_ranges(__HYPERVISOR_mmu_update, args, r));
	EXPECT_EQ(5 * sizeof(struct mmu_update), r[0].len);
	EXPECT_TRUE(r[0].required);
	EXPECT_EQ(2, r[1].arg);
	EXPECT_EQ(sizeof(unsigned int), r[1].len);
	EXPECT_FALSE(r[1].required);
}

TEST(xen_version_subops)
{
	static const struct { unsigned int cmd; size_t len; } sub[] = {
		{ XENVER_extraversion, sizeof(xen_extraversion_t) },
		{ XENVER_compile_info, sizeof(xen_compile_info_t) },
		{ XENVER_capabilities, sizeof(xen_capabilities_info_t) },
		{ XENVER_changeset, sizeof(xen_changeset_info_t) },
		{ XENVER_platform_parameters, sizeof(xen_platform_parameters_t) },
		{ XENVER_get_features, sizeof(xen_feature_info_t) },
		{ XENVER_guest_handle, sizeof(xen_domain_handle_t) },
		{ XENVER_commandline, sizeof(xen_commandline_t) },
	};
	struct xprivcmd_range r[XPRIVCMD_MAX_PTRS];
	u64 args[XPRIVCMD_NR_ARGS] = { 0 };
	unsigned int i;

	for (i = 0; i < sizeof(sub) / sizeof(sub[0]); i++) {
		struct xprivcmd_range one = one_range(_metadata, __HYPERVISOR_xen_version,
						      sub[i].cmd, 0x1000, 0);

		EXPECT_EQ(sub[i].len, one.len) TH_LOG("XENVER %u", sub[i].cmd);
		EXPECT_EQ(1, one.arg);
		EXPECT_TRUE(one.required);
	}
	/* XENVER_version and XENVER_pagesize take no buffer at all. */
	args[0] = XENVER_version;
	EXPECT_EQ(0, xprivcmd_schema_ranges(__HYPERVISOR_xen_version, args, r));
	args[0] = XENVER_pagesize;
	EXPECT_EQ(0, xprivcmd_schema_ranges(__HYPERVISOR_xen_version, args, r));
}

/*
 * XENVER_*2 (Xen 4.19): a struct xen_varbuf, whose header is checked with
 * the call's pointers and whose whole length is the header's count more.
 * Xen 4.17's headers have neither the numbers nor the structure: the
 * numbers are ours there (xen_guest.h), and the header's size is pinned
 * only against Xen 4.20's.
 */
#ifndef XENVER_extraversion2
#include "xen_guest.h"
#endif
TEST(xen_version_varbuf)
{
	static const unsigned int cmds[] = {
		XENVER_build_id, XENVER_extraversion2, XENVER_capabilities2,
		XENVER_changeset2, XENVER_commandline2,
	};
	struct xprivcmd_range r[XPRIVCMD_MAX_PTRS], head;
	u64 args[XPRIVCMD_NR_ARGS] = { 0 };
	unsigned int i;

#ifdef XPRIVCMD_XEN_420_NAMES
	EXPECT_EQ(sizeof(xen_varbuf_t), SZ_VARBUF_HEAD);
	EXPECT_EQ(offsetof(xen_varbuf_t, buf), SZ_VARBUF_HEAD);
#endif
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		args[0] = cmds[i];
		args[1] = 0x1000;
		ASSERT_EQ(1, xprivcmd_schema_ranges(__HYPERVISOR_xen_version, args, r));
		EXPECT_EQ(0x1000, r[0].addr);
		EXPECT_EQ(SZ_VARBUF_HEAD, r[0].len);
		EXPECT_EQ(XPRIVCMD_INOUT, r[0].access);
		/* NULL asks for the size: allowed, nothing to copy */
		EXPECT_FALSE(r[0].required);
		ASSERT_TRUE(xprivcmd_schema_varbuf(__HYPERVISOR_xen_version, args,
						   &head));
		EXPECT_EQ(1, head.arg);
		EXPECT_EQ(SZ_VARBUF_HEAD + 100, xprivcmd_varbuf_len(&head, 100));
		EXPECT_EQ(SZ_VARBUF_HEAD + 0xffffffffULL,
			  xprivcmd_varbuf_len(&head, 0xffffffff));
		args[1] = 0;
		EXPECT_FALSE(xprivcmd_schema_varbuf(__HYPERVISOR_xen_version, args,
						    &head));
	}
	/* Not the older fixed-size sub-commands */
	args[0] = XENVER_commandline;
	args[1] = 0x1000;
	EXPECT_FALSE(xprivcmd_schema_varbuf(__HYPERVISOR_xen_version, args, &head));
	args[0] = XENVER_commandline2 + 1;
	EXPECT_FALSE(xprivcmd_schema_varbuf(__HYPERVISOR_xen_version, args, &head));
	EXPECT_FALSE(xprivcmd_schema_varbuf(__HYPERVISOR_memory_op, args, &head));
}

TEST(console_io_length_from_count)
{
	struct xprivcmd_range r;

	r = one_range(_metadata, __HYPERVISOR_console_io, CONSOLEIO_write, 77, 0x1000);
	EXPECT_EQ(77, r.len);
	EXPECT_EQ(2, r.arg);
	EXPECT_EQ(XPRIVCMD_IN, r.access);
	r = one_range(_metadata, __HYPERVISOR_console_io, CONSOLEIO_read, 9, 0x1000);
	EXPECT_EQ(9, r.len);
	EXPECT_EQ(XPRIVCMD_OUT, r.access);
}

TEST(zero_count_means_no_range)
{
	struct xprivcmd_range r[XPRIVCMD_MAX_PTRS];
	u64 args[XPRIVCMD_NR_ARGS] = { CONSOLEIO_write, 0, 0x1000 };

	EXPECT_EQ(0, xprivcmd_schema_ranges(__HYPERVISOR_console_io, args, r));
}

TEST(overflowing_length_saturates)
{
	struct xprivcmd_range r = one_range(_metadata, __HYPERVISOR_multicall,
					    0x1000, ~0ULL, 0);

	EXPECT_EQ(UINT64_MAX, r.len);
}

/* Sub-commands the schema does not know: only "non-NULL is user" applies. */
TEST(unknown_subop_is_optional)
{
	struct xprivcmd_range r = one_range(_metadata, __HYPERVISOR_xen_version,
					    0x7fff, 0x1000, 0);

	EXPECT_FALSE(r.required);
	EXPECT_EQ(1, r.len);
	r = one_range(_metadata, __HYPERVISOR_memory_op, 8, 0x1000, 0);
	EXPECT_FALSE(r.required);
}

TEST(ops_without_pointers)
{
	static const unsigned int ops[] = { 3, 4, 5, 6, 8, 9, 10, 11, 14, 15, 21,
					    22, 23, 25, 43, 50, 63, 127 };
	u64 args[XPRIVCMD_NR_ARGS] = { 1, 0x1000, 0x1000, 0x1000, 0x1000 };
	struct xprivcmd_range r[XPRIVCMD_MAX_PTRS];
	unsigned int i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		EXPECT_EQ(0, xprivcmd_schema_ranges(ops[i], args, r)) TH_LOG("op %u", ops[i]);
}

/*
 * An op whose sub-command is in its structure (and the compat ops that
 * carry one) has that structure as its one pointer: the decision checks
 * the structure's range for all its pointers (decide.c, step 1).
 */
TEST(structure_ops_have_one_pointer)
{
	static const unsigned int compat_in_struct[] = {
		__HYPERVISOR_event_channel_op_compat, __HYPERVISOR_physdev_op_compat,
	};
	u64 args[XPRIVCMD_NR_ARGS] = { 0x1000, 0x2000, 0x3000, 0x4000, 0x5000 };
	struct xprivcmd_range r[XPRIVCMD_MAX_PTRS], whole;
	unsigned int op, i, n = 0;

	for (op = 0; op < XPRIVCMD_NR_HYPERCALLS; op++) {
		const struct xprivcmd_op *s = xprivcmd_schema_op(op);
		bool compat = false;

		for (i = 0; i < ARRAY_SIZE(compat_in_struct); i++)
			compat |= op == compat_in_struct[i];
		if (!s || !(s->struct_cmd || compat))
			continue;
		n++;
		EXPECT_EQ(1, s->nr_ptrs) TH_LOG("%s", s->name);
		EXPECT_EQ(NULL, s->subops) TH_LOG("%s", s->name);
		ASSERT_TRUE(xprivcmd_schema_struct_range(op, args, &whole)) TH_LOG("%s", s->name);
		ASSERT_EQ(1, xprivcmd_schema_ranges(op, args, r)) TH_LOG("%s", s->name);
		EXPECT_TRUE(r[0].addr == whole.addr && r[0].len == whole.len &&
			    r[0].arg == whole.arg && r[0].access == whole.access &&
			    r[0].required == whole.required) TH_LOG("%s", s->name);
	}
	EXPECT_LE(6, n);
}

TEST(two_pointer_ops)
{
	u64 args[XPRIVCMD_NR_ARGS] = { 0, 0x1000, 10, 0x2000, 20 };
	struct xprivcmd_range r[XPRIVCMD_MAX_PTRS];

	ASSERT_EQ(2, xprivcmd_schema_ranges(__HYPERVISOR_hypfs_op, args, r));
	EXPECT_EQ(0x1000, r[0].addr);
	EXPECT_EQ(10, r[0].len);
	EXPECT_EQ(0x2000, r[1].addr);
	EXPECT_EQ(20, r[1].len);
}

TEST(user_ops_parse_and_format)
{
	struct xprivcmd_user_ops u;
	struct xprivcmd_range r[XPRIVCMD_MAX_PTRS];
	u64 args[XPRIVCMD_NR_ARGS] = { 0x1000, 12, 0x2000, 0, 0 };
	const struct xprivcmd_user_op *d;
	char buf[256];

	ASSERT_EQ(0, xprivcmd_user_ops_parse(&u, "hello=43:arg0=in*arg1; probe=44 "
					      "get=45:arg2=out16,arg0=inout*arg1"));
	ASSERT_EQ(3, u.count);
	d = xprivcmd_user_ops_find(&u, 43);
	ASSERT_TRUE(d != NULL);
	EXPECT_STREQ("hello", d->name);
	ASSERT_EQ(1, xprivcmd_schema_op_ranges(&d->op, args, r));
	EXPECT_EQ(0x1000, r[0].addr);
	EXPECT_EQ(12, r[0].len);
	EXPECT_EQ(XPRIVCMD_IN, r[0].access);
	EXPECT_TRUE(r[0].required);
	EXPECT_EQ(0, xprivcmd_schema_op_ranges(&xprivcmd_user_ops_find(&u, 44)->op,
					       args, r));
	ASSERT_EQ(2, xprivcmd_schema_op_ranges(&xprivcmd_user_ops_find(&u, 45)->op,
					       args, r));
	EXPECT_EQ(16, r[0].len);
	EXPECT_EQ(XPRIVCMD_OUT, r[0].access);
	EXPECT_TRUE(xprivcmd_user_ops_find(&u, 46) == NULL);

	ASSERT_LT(0, xprivcmd_user_ops_format(&u, buf, sizeof(buf)));
	EXPECT_STREQ("hello=43:arg0=in*arg1 probe=44 get=45:arg2=out16,arg0=inout*arg1", buf);
	EXPECT_EQ(-ENOSPC, xprivcmd_user_ops_format(&u, buf, 10));
	ASSERT_EQ(0, xprivcmd_user_ops_parse(&u, ""));
	EXPECT_EQ(0, u.count);
}

TEST(user_ops_refused)
{
	static const struct { const char *text; int err; } bad[] = {
		{ "x=17", -EEXIST },		/* xen_version is Xen's */
		{ "a=43 b=43", -EEXIST },
		{ "x=64", -ERANGE },
		{ "=43", -EINVAL },
		{ "x", -EINVAL },
		{ "x=43:arg5=in4", -EINVAL },
		{ "x=43:arg0=in*arg0", -EINVAL },
		{ "x=43:arg0=rw4", -EINVAL },
		{ "x=43:arg0=in0", -EINVAL },
		{ "x=43:arg0=in4,arg1=in4,arg2=in4", -E2BIG },
		{ "x=43:arg0=in4junk", -EINVAL },
		{ "averyveryveryveryverylongname_over32=43", -EINVAL },
	};
	struct xprivcmd_user_ops u;
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		EXPECT_EQ(bad[i].err, xprivcmd_user_ops_parse(&u, bad[i].text))
			TH_LOG("case %u", i);
}

/* Top-level structure sizes of the stable guest ABI ops. */
TEST(memory_grant_evtchn_struct_sizes)
{
	static const struct { unsigned int op, cmd; size_t len; } sub[] = {
		{ __HYPERVISOR_memory_op, XENMEM_increase_reservation, sizeof(struct xen_memory_reservation) },
		{ __HYPERVISOR_memory_op, XENMEM_decrease_reservation, sizeof(struct xen_memory_reservation) },
		{ __HYPERVISOR_memory_op, XENMEM_populate_physmap, sizeof(struct xen_memory_reservation) },
		{ __HYPERVISOR_memory_op, XENMEM_claim_pages, sizeof(struct xen_memory_reservation) },
		{ __HYPERVISOR_memory_op, XENMEM_current_reservation, sizeof(domid_t) },
		{ __HYPERVISOR_memory_op, XENMEM_maximum_reservation, sizeof(domid_t) },
		{ __HYPERVISOR_memory_op, XENMEM_maximum_gpfn, sizeof(domid_t) },
		{ __HYPERVISOR_memory_op, XENMEM_machphys_mfn_list, sizeof(struct xen_machphys_mfn_list) },
		{ __HYPERVISOR_memory_op, XENMEM_machphys_compat_mfn_list, sizeof(struct xen_machphys_mfn_list) },
		{ __HYPERVISOR_memory_op, XENMEM_add_to_physmap, sizeof(struct xen_add_to_physmap) },
		{ __HYPERVISOR_memory_op, XENMEM_memory_map, sizeof(struct xen_memory_map) },
		{ __HYPERVISOR_memory_op, XENMEM_machine_memory_map, sizeof(struct xen_memory_map) },
		{ __HYPERVISOR_memory_op, XENMEM_exchange, sizeof(struct xen_memory_exchange) },
		{ __HYPERVISOR_memory_op, XENMEM_machphys_mapping, sizeof(struct xen_machphys_mapping) },
		{ __HYPERVISOR_memory_op, XENMEM_set_memory_map, sizeof(struct xen_foreign_memory_map) },
		{ __HYPERVISOR_memory_op, XENMEM_remove_from_physmap, sizeof(struct xen_remove_from_physmap) },
		{ __HYPERVISOR_memory_op, XENMEM_set_pod_target, sizeof(struct xen_pod_target) },
		{ __HYPERVISOR_memory_op, XENMEM_get_pod_target, sizeof(struct xen_pod_target) },
		{ __HYPERVISOR_memory_op, XENMEM_add_to_physmap_batch, sizeof(struct xen_add_to_physmap_batch) },
		{ __HYPERVISOR_memory_op, XENMEM_reserved_device_memory_map, sizeof(struct xen_reserved_device_memory_map) },
		{ __HYPERVISOR_memory_op, XENMEM_acquire_resource, sizeof(struct xen_mem_acquire_resource) },
		{ __HYPERVISOR_memory_op, XENMEM_paging_op, sizeof(struct xen_mem_paging_op) },
		{ __HYPERVISOR_memory_op, XENMEM_access_op, sizeof(struct xen_mem_access_op) },
		{ __HYPERVISOR_memory_op, XENMEM_sharing_op, sizeof(struct xen_mem_sharing_op) },
		{ __HYPERVISOR_memory_op, XENMEM_get_vnumainfo, sizeof(struct xen_vnuma_topology_info) },
		{ __HYPERVISOR_grant_table_op, GNTTABOP_setup_table, sizeof(struct gnttab_setup_table) },
		{ __HYPERVISOR_grant_table_op, GNTTABOP_dump_table, sizeof(struct gnttab_dump_table) },
		{ __HYPERVISOR_grant_table_op, GNTTABOP_query_size, sizeof(struct gnttab_query_size) },
		{ __HYPERVISOR_grant_table_op, GNTTABOP_set_version, sizeof(struct gnttab_set_version) },
		{ __HYPERVISOR_grant_table_op, GNTTABOP_get_status_frames, sizeof(struct gnttab_get_status_frames) },
		{ __HYPERVISOR_grant_table_op, GNTTABOP_get_version, sizeof(struct gnttab_get_version) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_bind_interdomain, sizeof(struct evtchn_bind_interdomain) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_bind_virq, sizeof(struct evtchn_bind_virq) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_bind_pirq, sizeof(struct evtchn_bind_pirq) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_close, sizeof(struct evtchn_close) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_send, sizeof(struct evtchn_send) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_status, sizeof(struct evtchn_status) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_alloc_unbound, sizeof(struct evtchn_alloc_unbound) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_bind_ipi, sizeof(struct evtchn_bind_ipi) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_bind_vcpu, sizeof(struct evtchn_bind_vcpu) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_unmask, sizeof(struct evtchn_unmask) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_reset, sizeof(struct evtchn_reset) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_init_control, sizeof(struct evtchn_init_control) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_expand_array, sizeof(struct evtchn_expand_array) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_set_priority, sizeof(struct evtchn_set_priority) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_reset_cont, sizeof(struct evtchn_reset) },
	};
	static const struct { unsigned int cmd; size_t elem; } arrays[] = {
		{ GNTTABOP_map_grant_ref, sizeof(struct gnttab_map_grant_ref) },
		{ GNTTABOP_unmap_grant_ref, sizeof(struct gnttab_unmap_grant_ref) },
		{ GNTTABOP_transfer, sizeof(struct gnttab_transfer) },
		{ GNTTABOP_copy, sizeof(struct gnttab_copy) },
		{ GNTTABOP_unmap_and_replace, sizeof(struct gnttab_unmap_and_replace) },
		{ GNTTABOP_swap_grant_ref, sizeof(struct gnttab_swap_grant_ref) },
		{ GNTTABOP_cache_flush, sizeof(struct gnttab_cache_flush) },
	};
	unsigned int i;

	for (i = 0; i < sizeof(sub) / sizeof(sub[0]); i++) {
		struct xprivcmd_range r = one_range(_metadata, sub[i].op, sub[i].cmd,
						    0x1000, 1);

		EXPECT_EQ(sub[i].len, r.len) TH_LOG("op %u cmd %u", sub[i].op, sub[i].cmd);
		EXPECT_EQ(1, r.arg);
		EXPECT_TRUE(r.required);
	}
	for (i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++) {
		struct xprivcmd_range r = one_range(_metadata, __HYPERVISOR_grant_table_op,
						    arrays[i].cmd, 0x1000, 3);

		EXPECT_EQ(3 * arrays[i].elem, r.len) TH_LOG("GNTTABOP %u", arrays[i].cmd);
	}
}

/* The ranges the schema finds in @buf, a structure of @op. */
static unsigned int nested(u64 op, u64 cmd, const void *buf, size_t len,
			   struct xprivcmd_struct_info *info)
{
	u64 args[XPRIVCMD_NR_ARGS] = { cmd, 0x1000, 1, 0, 0 };

	memset(info, 0, sizeof(*info));
	xprivcmd_schema_struct(op, args, buf, len, info);
	return info->nr_ranges;
}

#define EXPECT_RANGE(_r, _addr, _len, _access) do {	\
	EXPECT_EQ((u64)(_addr), (_r).addr);		\
	EXPECT_EQ((u64)(_len), (_r).len);		\
	EXPECT_EQ(_access, (_r).access);		\
} while (0)

static void init_domctl(struct xen_domctl *d, unsigned int cmd)
{
	memset(d, 0, sizeof(*d));
	d->cmd = cmd;
	d->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
}

#define DC(op) __HYPERVISOR_domctl, 0, &d, sizeof(d), &info

/*
 * Each modelled domctl handle, set through the field names of Xen's own
 * header: the schema must find it at the same place with the same length.
 */
TEST(domctl_handles_match_xen_headers)
{
	struct xprivcmd_struct_info info;
	struct xen_domctl d;

	init_domctl(&d, XEN_DOMCTL_getvcpuaffinity);
	d.u.vcpuaffinity.flags = XEN_VCPUAFFINITY_HARD | XEN_VCPUAFFINITY_SOFT;
	set_xen_guest_handle(d.u.vcpuaffinity.cpumap_hard.bitmap, (uint8_t *)0x1000);
	d.u.vcpuaffinity.cpumap_hard.nr_bits = 65;
	set_xen_guest_handle(d.u.vcpuaffinity.cpumap_soft.bitmap, (uint8_t *)0x2000);
	d.u.vcpuaffinity.cpumap_soft.nr_bits = 8;
	ASSERT_EQ(2, nested(DC(0)));
	EXPECT_TRUE(info.iv_known);
	EXPECT_EQ(XEN_DOMCTL_getvcpuaffinity, info.cmd);
	EXPECT_RANGE(info.ranges[0], 0x1000, 9, XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[1], 0x2000, 1, XPRIVCMD_OUT);
	EXPECT_EQ(0, info.ranges[0].arg);
	EXPECT_FALSE(info.ranges[0].required);
	/* Xen ignores a bitmap whose flag is clear. */
	d.u.vcpuaffinity.flags = XEN_VCPUAFFINITY_SOFT;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x2000, 1, XPRIVCMD_OUT);
	d.cmd = XEN_DOMCTL_setvcpuaffinity;
	d.u.vcpuaffinity.flags = XEN_VCPUAFFINITY_HARD;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x1000, 9, XPRIVCMD_INOUT);
	d.u.vcpuaffinity.flags = XEN_VCPUAFFINITY_SOFT;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x2000, 1, XPRIVCMD_INOUT);

	init_domctl(&d, XEN_DOMCTL_getnodeaffinity);
	set_xen_guest_handle(d.u.nodeaffinity.nodemap.bitmap, (uint8_t *)0x3000);
	d.u.nodeaffinity.nodemap.nr_bits = 16;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x3000, 2, XPRIVCMD_OUT);
	d.cmd = XEN_DOMCTL_setnodeaffinity;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x3000, 2, XPRIVCMD_IN);

	init_domctl(&d, XEN_DOMCTL_shadow_op);
	d.u.shadow_op.op = XEN_DOMCTL_SHADOW_OP_PEEK;
	set_xen_guest_handle(d.u.shadow_op.dirty_bitmap, (uint8_t *)0x4000);
	d.u.shadow_op.pages = 100;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x4000, 13, XPRIVCMD_OUT);
	d.u.shadow_op.op = XEN_DOMCTL_SHADOW_OP_CLEAN;
	ASSERT_EQ(1, nested(DC(0)));
	ASSERT_EQ(1, nested(__HYPERVISOR_arch_1, 0, &d, sizeof(d), &info));
	EXPECT_RANGE(info.ranges[0], 0x4000, 13, XPRIVCMD_OUT);
	/* paging_domctl_cont: the same domctl, the same handle */
	d.u.shadow_op.op = XEN_DOMCTL_SHADOW_OP_PEEK;
	ASSERT_EQ(1, nested(__HYPERVISOR_arch_1, 0, &d, sizeof(d), &info));
	EXPECT_RANGE(info.ranges[0], 0x4000, 13, XPRIVCMD_OUT);
	d.u.shadow_op.op = XEN_DOMCTL_SHADOW_OP_CLEAN;
	d.u.shadow_op.op = XEN_DOMCTL_SHADOW_OP_GET_ALLOCATION;
	EXPECT_EQ(0, nested(DC(0)));

	init_domctl(&d, XEN_DOMCTL_getvcpucontext);
	set_xen_guest_handle(d.u.vcpucontext.ctxt, (vcpu_guest_context_t *)0x5000);
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x5000, sizeof(vcpu_guest_context_t), XPRIVCMD_OUT);
	d.cmd = XEN_DOMCTL_setvcpucontext;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x5000, sizeof(vcpu_guest_context_t), XPRIVCMD_IN);

	init_domctl(&d, XEN_DOMCTL_gethvmcontext);
	set_xen_guest_handle(d.u.hvmcontext.buffer, (uint8_t *)0x6000);
	d.u.hvmcontext.size = 777;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x6000, 777, XPRIVCMD_OUT);
	d.cmd = XEN_DOMCTL_sethvmcontext;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x6000, 777, XPRIVCMD_IN);

	init_domctl(&d, XEN_DOMCTL_gethvmcontext_partial);
	set_xen_guest_handle(d.u.hvmcontext_partial.buffer, (uint8_t *)0x7000);
	d.u.hvmcontext_partial.bufsz = 5;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x7000, 5, XPRIVCMD_OUT);

	init_domctl(&d, XEN_DOMCTL_getpageframeinfo3);
	set_xen_guest_handle(d.u.getpageframeinfo3.array, (xen_pfn_t *)0x8000);
	d.u.getpageframeinfo3.num = 3;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x8000, 3 * sizeof(xen_pfn_t), XPRIVCMD_INOUT);

	init_domctl(&d, XEN_DOMCTL_get_device_group);
	set_xen_guest_handle(d.u.get_device_group.sdev_array, (uint32_t *)0x9000);
	d.u.get_device_group.max_sdevs = 4;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x9000, 16, XPRIVCMD_OUT);

	init_domctl(&d, XEN_DOMCTL_assign_device);
	d.u.assign_device.dev = XEN_DOMCTL_DEV_DT;
	set_xen_guest_handle(d.u.assign_device.u.dt.path, (char *)0xa000);
	d.u.assign_device.u.dt.size = 20;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0xa000, 20, XPRIVCMD_IN);
	/* A PCI device's union member holds no handle. */
	d.u.assign_device.dev = XEN_DOMCTL_DEV_PCI;
	EXPECT_EQ(0, nested(DC(0)));

	init_domctl(&d, XEN_DOMCTL_getvcpuextstate);
	set_xen_guest_handle(d.u.vcpuextstate.buffer, (uint64_t *)0xb000);
	d.u.vcpuextstate.size = 832;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0xb000, 832, XPRIVCMD_OUT);

	init_domctl(&d, XEN_DOMCTL_set_vcpu_msrs);
	set_xen_guest_handle(d.u.vcpu_msrs.msrs, (xen_domctl_vcpu_msr_t *)0xc000);
	d.u.vcpu_msrs.msr_count = 2;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0xc000, 2 * sizeof(xen_domctl_vcpu_msr_t), XPRIVCMD_IN);

	init_domctl(&d, XEN_DOMCTL_get_cpu_policy);
	set_xen_guest_handle(d.u.cpu_policy.leaves, (xen_cpuid_leaf_t *)0xd000);
	set_xen_guest_handle(d.u.cpu_policy.msrs, (xen_msr_entry_t *)0xe000);
	d.u.cpu_policy.nr_leaves = 3;
	d.u.cpu_policy.nr_msrs = 5;
	ASSERT_EQ(2, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0xd000, 3 * sizeof(xen_cpuid_leaf_t), XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[1], 0xe000, 5 * sizeof(xen_msr_entry_t), XPRIVCMD_OUT);

	init_domctl(&d, XEN_DOMCTL_setvnumainfo);
	d.u.vnuma.nr_vnodes = 3;
	d.u.vnuma.nr_vcpus = 4;
	d.u.vnuma.nr_vmemranges = 2;
	set_xen_guest_handle(d.u.vnuma.vdistance, (unsigned int *)0x1000);
	set_xen_guest_handle(d.u.vnuma.vcpu_to_vnode, (unsigned int *)0x2000);
	set_xen_guest_handle(d.u.vnuma.vnode_to_pnode, (unsigned int *)0x3000);
	set_xen_guest_handle(d.u.vnuma.vmemrange, (xen_vmemrange_t *)0x4000);
	ASSERT_EQ(4, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x1000, 9 * sizeof(unsigned int), XPRIVCMD_IN);
	EXPECT_RANGE(info.ranges[1], 0x2000, 4 * sizeof(unsigned int), XPRIVCMD_IN);
	EXPECT_RANGE(info.ranges[2], 0x3000, 3 * sizeof(unsigned int), XPRIVCMD_IN);
	EXPECT_RANGE(info.ranges[3], 0x4000, 2 * sizeof(xen_vmemrange_t), XPRIVCMD_IN);

	init_domctl(&d, XEN_DOMCTL_scheduler_op);
	d.u.scheduler_op.cmd = XEN_DOMCTL_SCHEDOP_getvcpuinfo;
	set_xen_guest_handle(d.u.scheduler_op.u.v.vcpus, (xen_domctl_schedparam_vcpu_t *)0x5000);
	d.u.scheduler_op.u.v.nr_vcpus = 2;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x5000, 2 * sizeof(xen_domctl_schedparam_vcpu_t),
		     XPRIVCMD_INOUT);
	d.u.scheduler_op.cmd = XEN_DOMCTL_SCHEDOP_putinfo;
	EXPECT_EQ(0, nested(DC(0)));

	init_domctl(&d, XEN_DOMCTL_gdbsx_guestmemio);
	d.u.gdbsx_guest_memio.uva = 0x6000;
	d.u.gdbsx_guest_memio.len = 10;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x6000, 10, XPRIVCMD_INOUT);

#ifdef XPRIVCMD_XEN_420_NAMES
	/* Xen 4.20 only: the colour list, num_llc_colors u32s */
	init_domctl(&d, XEN_DOMCTL_set_llc_colors);
	set_xen_guest_handle(d.u.set_llc_colors.llc_colors, (uint32_t *)0x7000);
	d.u.set_llc_colors.num_llc_colors = 6;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_RANGE(info.ranges[0], 0x7000, 6 * sizeof(uint32_t), XPRIVCMD_IN);
	init_domctl(&d, XEN_DOMCTL_gsi_permission);
	EXPECT_EQ(0, nested(DC(0)));
#endif

	/* Sub-commands without handles, and a NULL handle's zero length. */
	init_domctl(&d, XEN_DOMCTL_getdomaininfo);
	EXPECT_EQ(0, nested(DC(0)));
	init_domctl(&d, XEN_DOMCTL_gethvmcontext);
	set_xen_guest_handle(d.u.hvmcontext.buffer, (uint8_t *)0x6000);
	EXPECT_EQ(0, nested(DC(0)));
}

/* Only the layout of the interface version Xen 4.17 speaks is known. */
TEST(unknown_interface_version_has_no_layout)
{
	struct xprivcmd_struct_info info;
	struct xen_domctl d;

	init_domctl(&d, XEN_DOMCTL_gethvmcontext);
	set_xen_guest_handle(d.u.hvmcontext.buffer, (uint8_t *)0x6000);
	d.u.hvmcontext.size = 8;
	d.interface_version = XEN_DOMCTL_INTERFACE_VERSION - 1;
	EXPECT_EQ(0, nested(DC(0)));
	EXPECT_FALSE(info.iv_known);
	d.interface_version = XEN_DOMCTL_INTERFACE_VERSION + 1;
	EXPECT_EQ(0, nested(DC(0)));
	EXPECT_FALSE(info.iv_known);
}

/* Counts are caller-controlled: a length that overflows must saturate. */
TEST(nested_lengths_never_wrap)
{
	struct xprivcmd_struct_info info;
	struct xen_domctl d;

	init_domctl(&d, XEN_DOMCTL_getpageframeinfo3);
	set_xen_guest_handle(d.u.getpageframeinfo3.array, (xen_pfn_t *)0x8000);
	d.u.getpageframeinfo3.num = 1ULL << 61;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_EQ(UINT64_MAX, info.ranges[0].len);
	d.u.getpageframeinfo3.num = (1ULL << 61) - 1;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_EQ(((1ULL << 61) - 1) * 8, info.ranges[0].len);

	init_domctl(&d, XEN_DOMCTL_setvnumainfo);
	d.u.vnuma.nr_vnodes = UINT32_MAX;
	set_xen_guest_handle(d.u.vnuma.vdistance, (unsigned int *)0x1000);
	ASSERT_LE(1, nested(DC(0)));
	EXPECT_EQ(UINT64_MAX, info.ranges[0].len);

	init_domctl(&d, XEN_DOMCTL_shadow_op);
	d.u.shadow_op.op = XEN_DOMCTL_SHADOW_OP_CLEAN;
	set_xen_guest_handle(d.u.shadow_op.dirty_bitmap, (uint8_t *)0x4000);
	d.u.shadow_op.pages = UINT64_MAX;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_EQ(UINT64_MAX / 8 + 1, info.ranges[0].len);

	init_domctl(&d, XEN_DOMCTL_get_cpu_policy);
	set_xen_guest_handle(d.u.cpu_policy.leaves, (xen_cpuid_leaf_t *)0xd000);
	d.u.cpu_policy.nr_leaves = UINT32_MAX;
	ASSERT_EQ(1, nested(DC(0)));
	EXPECT_EQ((u64)UINT32_MAX * sizeof(xen_cpuid_leaf_t), info.ranges[0].len);
}

/* A copy too short for a field is never read past its end. */
TEST(nested_fields_inside_the_copy)
{
	struct xprivcmd_struct_info info;
	struct xen_domctl d;

	init_domctl(&d, XEN_DOMCTL_gethvmcontext);
	set_xen_guest_handle(d.u.hvmcontext.buffer, (uint8_t *)0x6000);
	d.u.hvmcontext.size = 8;
	EXPECT_EQ(0, nested(__HYPERVISOR_domctl, 0, &d, 24, &info));
	EXPECT_EQ(0, nested(__HYPERVISOR_domctl, 0, &d, 4, &info));
	EXPECT_EQ(1, nested(__HYPERVISOR_domctl, 0, &d, 32, &info));
}

TEST(sysctl_handles_match_xen_headers)
{
	struct xprivcmd_struct_info info;
	struct xen_sysctl sc;

	memset(&sc, 0, sizeof(sc));
	sc.cmd = XEN_SYSCTL_readconsole;
	sc.interface_version = XEN_SYSCTL_INTERFACE_VERSION;
	set_xen_guest_handle(sc.u.readconsole.buffer, (char *)0x1000);
	sc.u.readconsole.count = 64;
	ASSERT_EQ(1, nested(__HYPERVISOR_sysctl, 0, &sc, sizeof(sc), &info));
	EXPECT_RANGE(info.ranges[0], 0x1000, 64, XPRIVCMD_OUT);
	EXPECT_TRUE(info.ranges[0].required);

	memset(&sc, 0, sizeof(sc));
	sc.cmd = XEN_SYSCTL_getdomaininfolist;
	sc.interface_version = XEN_SYSCTL_INTERFACE_VERSION;
	set_xen_guest_handle(sc.u.getdomaininfolist.buffer, (xen_domctl_getdomaininfo_t *)0x2000);
	sc.u.getdomaininfolist.max_domains = 3;
	ASSERT_EQ(1, nested(__HYPERVISOR_sysctl, 0, &sc, sizeof(sc), &info));
	EXPECT_RANGE(info.ranges[0], 0x2000, 3 * sizeof(xen_domctl_getdomaininfo_t),
		     XPRIVCMD_OUT);
}

static void init_sysctl(struct xen_sysctl *sc, unsigned int cmd)
{
	memset(sc, 0, sizeof(*sc));
	sc->cmd = cmd;
	sc->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
}

#define SC(n) ASSERT_EQ(n, nested(__HYPERVISOR_sysctl, 0, &sc, sizeof(sc), &info))
#define H(field, addr) set_xen_guest_handle(sc.u.field, (void *)(addr))

/* The sysctls of interface 0x15 beyond readconsole and getdomaininfolist. */
TEST(more_sysctl_handles_match_xen_headers)
{
	struct xprivcmd_struct_info info;
	struct xen_sysctl sc;

	init_sysctl(&sc, XEN_SYSCTL_tbuf_op);
	sc.u.tbuf_op.cmd = XEN_SYSCTL_TBUFOP_get_info;
	H(tbuf_op.cpu_mask.bitmap, 0x1000);
	sc.u.tbuf_op.cpu_mask.nr_bits = 9;
	SC(0);
	sc.u.tbuf_op.cmd = XEN_SYSCTL_TBUFOP_set_cpu_mask;
	SC(1);
	EXPECT_RANGE(info.ranges[0], 0x1000, 2, XPRIVCMD_IN);

	init_sysctl(&sc, XEN_SYSCTL_perfc_op);
	H(perfc_op.desc, 0x1000);
	H(perfc_op.val, 0x2000);
	SC(2);
	EXPECT_RANGE(info.ranges[0], 0x1000, 1, XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[1], 0x2000, 1, XPRIVCMD_OUT);

	init_sysctl(&sc, XEN_SYSCTL_debug_keys);
	H(debug_keys.keys, 0x1000);
	sc.u.debug_keys.nr_keys = 3;
	SC(1);
	EXPECT_RANGE(info.ranges[0], 0x1000, 3, XPRIVCMD_IN);

	init_sysctl(&sc, XEN_SYSCTL_getcpuinfo);
	H(getcpuinfo.info, 0x1000);
	sc.u.getcpuinfo.max_cpus = 3;
	SC(1);
	EXPECT_RANGE(info.ranges[0], 0x1000, 3 * sizeof(xen_sysctl_cpuinfo_t), XPRIVCMD_OUT);

	init_sysctl(&sc, XEN_SYSCTL_get_pmstat);
	sc.u.get_pmstat.type = PMSTAT_get_pxstat;
	sc.u.get_pmstat.u.getpx.total = 3;
	H(get_pmstat.u.getpx.trans_pt, 0x1000);
	H(get_pmstat.u.getpx.pt, 0x2000);
	/* Xen copies its own state_count entries, whatever total says. */
	SC(2);
	EXPECT_RANGE(info.ranges[0], 0x1000, 1, XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[1], 0x2000, 1, XPRIVCMD_OUT);
	sc.u.get_pmstat.u.getpx.total = 0;
	SC(2);
	init_sysctl(&sc, XEN_SYSCTL_get_pmstat);
	sc.u.get_pmstat.type = PMSTAT_get_cxstat;
	sc.u.get_pmstat.u.getcx.nr = 2;
	sc.u.get_pmstat.u.getcx.nr_pc = 3;
	sc.u.get_pmstat.u.getcx.nr_cc = 4;
	H(get_pmstat.u.getcx.triggers, 0x1000);
	H(get_pmstat.u.getcx.residencies, 0x2000);
	H(get_pmstat.u.getcx.pc, 0x3000);
	H(get_pmstat.u.getcx.cc, 0x4000);
	SC(4);
	EXPECT_RANGE(info.ranges[0], 0x1000, 16, XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[1], 0x2000, 16, XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[2], 0x3000, 24, XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[3], 0x4000, 32, XPRIVCMD_OUT);

	init_sysctl(&sc, XEN_SYSCTL_pm_op);
	sc.u.pm_op.cmd = GET_CPUFREQ_PARA;
	sc.u.pm_op.u.get_para.cpu_num = 2;
	sc.u.pm_op.u.get_para.freq_num = 3;
	sc.u.pm_op.u.get_para.gov_num = 4;
	H(pm_op.u.get_para.affected_cpus, 0x1000);
	H(pm_op.u.get_para.scaling_available_frequencies, 0x2000);
	H(pm_op.u.get_para.scaling_available_governors, 0x3000);
	SC(3);
	EXPECT_RANGE(info.ranges[0], 0x1000, 8, XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[1], 0x2000, 12, XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[2], 0x3000, 4 * CPUFREQ_NAME_LEN, XPRIVCMD_OUT);
	sc.u.pm_op.cmd = SET_CPUFREQ_GOV;
	SC(0);

	init_sysctl(&sc, XEN_SYSCTL_page_offline_op);
	sc.u.page_offline.start = 10;
	sc.u.page_offline.end = 12;
	H(page_offline.status, 0x1000);
	SC(1);
	EXPECT_RANGE(info.ranges[0], 0x1000, 12, XPRIVCMD_OUT);
	sc.u.page_offline.end = 9;
	SC(0);

	init_sysctl(&sc, XEN_SYSCTL_lockprof_op);
	sc.u.lockprof_op.cmd = XEN_SYSCTL_LOCKPROF_query;
	sc.u.lockprof_op.max_elem = 2;
	H(lockprof_op.data, 0x1000);
	SC(1);
	EXPECT_RANGE(info.ranges[0], 0x1000, 2 * sizeof(xen_sysctl_lockprof_data_t),
		     XPRIVCMD_OUT);

	init_sysctl(&sc, XEN_SYSCTL_cputopoinfo);
	sc.u.cputopoinfo.num_cpus = 4;
	H(cputopoinfo.cputopo, 0x1000);
	SC(1);
	EXPECT_RANGE(info.ranges[0], 0x1000, 4 * sizeof(xen_sysctl_cputopo_t), XPRIVCMD_OUT);

	init_sysctl(&sc, XEN_SYSCTL_numainfo);
	sc.u.numainfo.num_nodes = 3;
	H(numainfo.meminfo, 0x1000);
	H(numainfo.distance, 0x2000);
	SC(2);
	EXPECT_RANGE(info.ranges[0], 0x1000, 3 * sizeof(xen_sysctl_meminfo_t), XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[1], 0x2000, 9 * sizeof(uint32_t), XPRIVCMD_OUT);

	init_sysctl(&sc, XEN_SYSCTL_cpupool_op);
	sc.u.cpupool_op.op = XEN_SYSCTL_CPUPOOL_OP_INFO;
	H(cpupool_op.cpumap.bitmap, 0x1000);
	sc.u.cpupool_op.cpumap.nr_bits = 16;
	SC(1);
	EXPECT_RANGE(info.ranges[0], 0x1000, 2, XPRIVCMD_OUT);
	sc.u.cpupool_op.op = XEN_SYSCTL_CPUPOOL_OP_FREEINFO;
	SC(1);
	sc.u.cpupool_op.op = XEN_SYSCTL_CPUPOOL_OP_CREATE;
	SC(0);

	init_sysctl(&sc, XEN_SYSCTL_scheduler_op);
	sc.u.scheduler_op.sched_id = XEN_SCHEDULER_ARINC653;
	H(scheduler_op.u.sched_arinc653.schedule, 0x1000);
	SC(1);
	EXPECT_RANGE(info.ranges[0], 0x1000, sizeof(xen_sysctl_arinc653_schedule_t),
		     XPRIVCMD_INOUT);
	sc.u.scheduler_op.sched_id = XEN_SCHEDULER_CREDIT;
	SC(0);

	init_sysctl(&sc, XEN_SYSCTL_coverage_op);
	sc.u.coverage_op.cmd = XEN_SYSCTL_COVERAGE_read;
	sc.u.coverage_op.size = 100;
	H(coverage_op.buffer, 0x1000);
	SC(1);
	EXPECT_RANGE(info.ranges[0], 0x1000, 100, XPRIVCMD_OUT);

	init_sysctl(&sc, XEN_SYSCTL_pcitopoinfo);
	sc.u.pcitopoinfo.num_devs = 5;
	H(pcitopoinfo.devs, 0x1000);
	H(pcitopoinfo.nodes, 0x2000);
	SC(2);
	EXPECT_RANGE(info.ranges[0], 0x1000, 5 * sizeof(physdev_pci_device_t), XPRIVCMD_IN);
	EXPECT_RANGE(info.ranges[1], 0x2000, 5 * sizeof(uint32_t), XPRIVCMD_OUT);

	init_sysctl(&sc, XEN_SYSCTL_get_cpu_featureset);
	sc.u.cpu_featureset.nr_features = 6;
	H(cpu_featureset.features, 0x1000);
	SC(1);
	EXPECT_RANGE(info.ranges[0], 0x1000, 24, XPRIVCMD_OUT);

	init_sysctl(&sc, XEN_SYSCTL_livepatch_op);
	sc.u.livepatch.cmd = XEN_SYSCTL_LIVEPATCH_UPLOAD;
	H(livepatch.u.upload.name.name, 0x1000);
	sc.u.livepatch.u.upload.name.size = 7;
	H(livepatch.u.upload.payload, 0x2000);
	sc.u.livepatch.u.upload.size = 4096;
	SC(2);
	EXPECT_RANGE(info.ranges[0], 0x1000, 7, XPRIVCMD_IN);
	EXPECT_RANGE(info.ranges[1], 0x2000, 4096, XPRIVCMD_IN);
	init_sysctl(&sc, XEN_SYSCTL_livepatch_op);
	sc.u.livepatch.cmd = XEN_SYSCTL_LIVEPATCH_GET;
	H(livepatch.u.get.name.name, 0x1000);
	sc.u.livepatch.u.get.name.size = 5;
	SC(1);
	EXPECT_RANGE(info.ranges[0], 0x1000, 5, XPRIVCMD_IN);
	init_sysctl(&sc, XEN_SYSCTL_livepatch_op);
	sc.u.livepatch.cmd = XEN_SYSCTL_LIVEPATCH_ACTION;
	H(livepatch.u.action.name.name, 0x1000);
	sc.u.livepatch.u.action.name.size = 6;
	SC(1);
	EXPECT_RANGE(info.ranges[0], 0x1000, 6, XPRIVCMD_IN);
	init_sysctl(&sc, XEN_SYSCTL_livepatch_op);
	sc.u.livepatch.cmd = XEN_SYSCTL_LIVEPATCH_LIST;
	sc.u.livepatch.u.list.nr = 2;
	H(livepatch.u.list.status, 0x1000);
	H(livepatch.u.list.name, 0x2000);
	H(livepatch.u.list.len, 0x3000);
	H(livepatch.u.list.metadata, 0x4000);
	H(livepatch.u.list.metadata_len, 0x5000);
	SC(5);
	EXPECT_RANGE(info.ranges[0], 0x1000, 2 * sizeof(xen_livepatch_status_t), XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[1], 0x2000, 2 * XEN_LIVEPATCH_NAME_SIZE, XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[2], 0x3000, 8, XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[3], 0x4000, 1, XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[4], 0x5000, 8, XPRIVCMD_OUT);

	init_sysctl(&sc, XEN_SYSCTL_get_cpu_policy);
	sc.u.cpu_policy.nr_leaves = 2;
	sc.u.cpu_policy.nr_msrs = 3;
	H(cpu_policy.leaves, 0x1000);
	H(cpu_policy.msrs, 0x2000);
	SC(2);
	EXPECT_RANGE(info.ranges[0], 0x1000, 2 * sizeof(xen_cpuid_leaf_t), XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[1], 0x2000, 3 * sizeof(xen_msr_entry_t), XPRIVCMD_OUT);

	/* No handles at all. */
	init_sysctl(&sc, XEN_SYSCTL_physinfo);
	SC(0);
}

static void init_platform(struct xen_platform_op *pf, unsigned int cmd)
{
	memset(pf, 0, sizeof(*pf));
	pf->cmd = cmd;
	pf->interface_version = XENPF_INTERFACE_VERSION;
}

#define PF(n) ASSERT_EQ(n, nested(__HYPERVISOR_platform_op, 0, &pf, sizeof(pf), &info))
#define PH(field, addr) set_xen_guest_handle(pf.u.field, (void *)(addr))

/* The platform_op and mca handles, set through Xen's own field names. */
TEST(platform_op_mca_handles_match_xen_headers)
{
	struct xprivcmd_struct_info info;
	struct xen_platform_op pf;
	struct xen_mc mc;

	init_platform(&pf, XENPF_microcode_update);
	PH(microcode.data, 0x1000);
	pf.u.microcode.length = 300;
	PF(1);
	EXPECT_TRUE(info.iv_known);
	EXPECT_RANGE(info.ranges[0], 0x1000, 300, XPRIVCMD_IN);
#ifdef XPRIVCMD_XEN_420_NAMES
	/* Xen 4.20: flags before the length */
	init_platform(&pf, XENPF_microcode_update2);
	PH(microcode2.data, 0x1000);
	pf.u.microcode2.length = 301;
	pf.u.microcode2.flags = XENPF_UCODE_FORCE;
	PF(1);
	EXPECT_RANGE(info.ranges[0], 0x1000, 301, XPRIVCMD_IN);
	init_platform(&pf, XENPF_get_ucode_revision);
	PF(0);
	init_platform(&pf, XENPF_get_dom0_console);
	PF(0);
#endif

	init_platform(&pf, XENPF_firmware_info);
	pf.u.firmware_info.type = XEN_FW_DISK_INFO;
	PH(firmware_info.u.disk_info.edd_params, 0x2000);
	PF(1);
	EXPECT_RANGE(info.ranges[0], 0x2000, 1, XPRIVCMD_INOUT);
	init_platform(&pf, XENPF_firmware_info);
	pf.u.firmware_info.type = XEN_FW_VBEDDC_INFO;
	PH(firmware_info.u.vbeddc_info.edid, 0x3000);
	PF(1);
	EXPECT_RANGE(info.ranges[0], 0x3000, 128, XPRIVCMD_OUT);
	pf.u.firmware_info.type = XEN_FW_DISK_MBR_SIGNATURE;
	PF(0);

	init_platform(&pf, XENPF_getidletime);
	PH(getidletime.cpumap_bitmap, 0x1000);
	PH(getidletime.idletime, 0x2000);
	pf.u.getidletime.cpumap_nr_cpus = 12;
	PF(2);
	EXPECT_RANGE(info.ranges[0], 0x1000, 2, XPRIVCMD_INOUT);
	EXPECT_RANGE(info.ranges[1], 0x2000, 12 * sizeof(uint64_t), XPRIVCMD_OUT);

	init_platform(&pf, XENPF_set_processor_pminfo);
	pf.u.set_pminfo.type = XEN_PM_PX;
	pf.u.set_pminfo.u.perf.state_count = 5;
	PH(set_pminfo.u.perf.states, 0x4000);
	PF(1);
	EXPECT_RANGE(info.ranges[0], 0x4000, 5 * sizeof(struct xen_processor_px),
		     XPRIVCMD_IN);
	init_platform(&pf, XENPF_set_processor_pminfo);
	pf.u.set_pminfo.type = XEN_PM_PDC;
	PH(set_pminfo.u.pdc, 0x5000);
	PF(1);
	EXPECT_RANGE(info.ranges[0], 0x5000, 3 * sizeof(uint32_t), XPRIVCMD_INOUT);
	pf.u.set_pminfo.type = XEN_PM_TX;
	PF(0);

	init_platform(&pf, XENPF_resource_op);
	pf.u.resource_op.nr_entries = 3;
	PH(resource_op.entries, 0x6000);
	PF(1);
	EXPECT_RANGE(info.ranges[0], 0x6000, 3 * sizeof(xenpf_resource_entry_t),
		     XPRIVCMD_INOUT);

	init_platform(&pf, XENPF_get_symbol);
	pf.u.symdata.namelen = 40;
	PH(symdata.name, 0x7000);
	PF(1);
	EXPECT_RANGE(info.ranges[0], 0x7000, 40, XPRIVCMD_OUT);

	init_platform(&pf, XENPF_settime64);
	PF(0);

	memset(&mc, 0, sizeof(mc));
	mc.cmd = XEN_MC_fetch;
	mc.interface_version = XEN_MCA_INTERFACE_VERSION;
	mc.u.mc_fetch.flags = XEN_MC_NONURGENT;
	set_xen_guest_handle(mc.u.mc_fetch.data, (mc_info_t *)0x1000);
	ASSERT_EQ(1, nested(__HYPERVISOR_mca, 0, &mc, sizeof(mc), &info));
	EXPECT_TRUE(info.iv_known);
	EXPECT_RANGE(info.ranges[0], 0x1000, sizeof(struct mc_info), XPRIVCMD_OUT);
	mc.u.mc_fetch.flags = XEN_MC_NONURGENT | XEN_MC_ACK;
	EXPECT_EQ(0, nested(__HYPERVISOR_mca, 0, &mc, sizeof(mc), &info));
	memset(&mc, 0, sizeof(mc));
	mc.cmd = XEN_MC_physcpuinfo;
	mc.interface_version = XEN_MCA_INTERFACE_VERSION;
	mc.u.mc_physcpuinfo.ncpus = 4;
	set_xen_guest_handle(mc.u.mc_physcpuinfo.info, (xen_mc_logical_cpu_t *)0x2000);
	ASSERT_EQ(1, nested(__HYPERVISOR_mca, 0, &mc, sizeof(mc), &info));
	EXPECT_RANGE(info.ranges[0], 0x2000, 4 * sizeof(xen_mc_logical_cpu_t),
		     XPRIVCMD_OUT);
}

/* physdev_op, hvm_op and xenpmu_op: the structure each sub-command reads. */
TEST(physdev_hvm_pmu_struct_sizes)
{
	static const struct { unsigned int op, cmd; size_t len; int access; } sub[] = {
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_irq_status_query,
		  sizeof(struct physdev_irq_status_query), XPRIVCMD_INOUT },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, sizeof(struct physdev_set_iopl),
		  XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_set_iobitmap,
		  sizeof(struct physdev_set_iobitmap), XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_apic_read, sizeof(struct physdev_apic),
		  XPRIVCMD_INOUT },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_apic_write, sizeof(struct physdev_apic),
		  XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_alloc_irq_vector, sizeof(struct physdev_irq),
		  XPRIVCMD_INOUT },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_eoi, sizeof(struct physdev_eoi), XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_map_pirq, sizeof(struct physdev_map_pirq),
		  XPRIVCMD_INOUT },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_unmap_pirq, sizeof(struct physdev_unmap_pirq),
		  XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_manage_pci_add,
		  sizeof(struct physdev_manage_pci), XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_manage_pci_remove,
		  sizeof(struct physdev_manage_pci), XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_pirq_eoi_gmfn_v1,
		  sizeof(struct physdev_pirq_eoi_gmfn), XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_restore_msi,
		  sizeof(struct physdev_restore_msi), XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_manage_pci_add_ext,
		  sizeof(struct physdev_manage_pci_ext), XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_setup_gsi, sizeof(struct physdev_setup_gsi),
		  XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_get_free_pirq,
		  sizeof(struct physdev_get_free_pirq), XPRIVCMD_INOUT },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_pci_mmcfg_reserved,
		  sizeof(struct physdev_pci_mmcfg_reserved), XPRIVCMD_IN },
		/* and optarr[0], the PXM */
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_pci_device_add,
		  offsetof(struct physdev_pci_device_add, optarr) + sizeof(uint32_t),
		  XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_pci_device_remove,
		  sizeof(struct physdev_pci_device), XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_restore_msi_ext,
		  sizeof(struct physdev_pci_device), XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_pirq_eoi_gmfn_v2,
		  sizeof(struct physdev_pirq_eoi_gmfn), XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_dbgp_op, sizeof(struct physdev_dbgp_op),
		  XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_prepare_msix,
		  sizeof(struct physdev_pci_device), XPRIVCMD_IN },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_release_msix,
		  sizeof(struct physdev_pci_device), XPRIVCMD_IN },
		{ __HYPERVISOR_hvm_op, HVMOP_set_param, sizeof(struct xen_hvm_param), XPRIVCMD_IN },
		{ __HYPERVISOR_hvm_op, HVMOP_get_param, sizeof(struct xen_hvm_param),
		  XPRIVCMD_INOUT },
		{ __HYPERVISOR_hvm_op, HVMOP_pagetable_dying,
		  sizeof(struct xen_hvm_pagetable_dying), XPRIVCMD_IN },
		{ __HYPERVISOR_hvm_op, HVMOP_get_time, sizeof(struct xen_hvm_get_time),
		  XPRIVCMD_OUT },
		{ __HYPERVISOR_hvm_op, HVMOP_xentrace, sizeof(struct xen_hvm_xentrace),
		  XPRIVCMD_IN },
		{ __HYPERVISOR_hvm_op, HVMOP_get_mem_type, sizeof(struct xen_hvm_get_mem_type),
		  XPRIVCMD_INOUT },
		{ __HYPERVISOR_hvm_op, HVMOP_set_evtchn_upcall_vector,
		  sizeof(struct xen_hvm_evtchn_upcall_vector), XPRIVCMD_IN },
		{ __HYPERVISOR_hvm_op, HVMOP_altp2m, sizeof(struct xen_hvm_altp2m_op),
		  XPRIVCMD_INOUT },
		{ __HYPERVISOR_xenpmu_op, XENPMU_mode_get, sizeof(struct xen_pmu_params),
		  XPRIVCMD_OUT },
		{ __HYPERVISOR_xenpmu_op, XENPMU_mode_set, sizeof(struct xen_pmu_params),
		  XPRIVCMD_IN },
		{ __HYPERVISOR_xenpmu_op, XENPMU_feature_get, sizeof(struct xen_pmu_params),
		  XPRIVCMD_OUT },
		{ __HYPERVISOR_xenpmu_op, XENPMU_feature_set, sizeof(struct xen_pmu_params),
		  XPRIVCMD_IN },
		{ __HYPERVISOR_xenpmu_op, XENPMU_init, sizeof(struct xen_pmu_params), XPRIVCMD_IN },
		{ __HYPERVISOR_xenpmu_op, XENPMU_finish, sizeof(struct xen_pmu_params),
		  XPRIVCMD_IN },
	};
	/* Sub-commands that ignore the pointer (or want it NULL). */
	static const struct { unsigned int op, cmd; } none[] = {
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_IRQ_UNMASK_NOTIFY },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_free_irq_vector },
		{ __HYPERVISOR_hvm_op, HVMOP_flush_tlbs },
		{ __HYPERVISOR_hvm_op, HVMOP_guest_request_vm_event },
		{ __HYPERVISOR_xenpmu_op, XENPMU_lvtpc_set },
		{ __HYPERVISOR_xenpmu_op, XENPMU_flush },
	};
	struct xprivcmd_range r[XPRIVCMD_MAX_PTRS];
	unsigned int i;

	for (i = 0; i < sizeof(sub) / sizeof(sub[0]); i++) {
		struct xprivcmd_range one = one_range(_metadata, sub[i].op, sub[i].cmd,
						      0x1000, 1);

		EXPECT_EQ(sub[i].len, one.len) TH_LOG("op %u cmd %u", sub[i].op, sub[i].cmd);
		EXPECT_EQ(sub[i].access, one.access)
			TH_LOG("op %u cmd %u", sub[i].op, sub[i].cmd);
		EXPECT_EQ(1, one.arg);
		EXPECT_TRUE(one.required);
	}
	for (i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		u64 args[XPRIVCMD_NR_ARGS] = { none[i].cmd, 0x1000, 0, 0, 0 };

		EXPECT_EQ(0, xprivcmd_schema_ranges(none[i].op, args, r))
			TH_LOG("op %u cmd %u", none[i].op, none[i].cmd);
	}
}

TEST(memory_op_handles_match_xen_headers)
{
	struct xprivcmd_struct_info info;
	struct xen_memory_reservation res;
	struct xen_memory_exchange ex;
	struct xen_machphys_mfn_list ml;
	struct xen_memory_map mm;
	struct xen_foreign_memory_map fm;
	struct xen_add_to_physmap_batch b;
	struct xen_reserved_device_memory_map rdm;
	struct xen_mem_acquire_resource ar;

	memset(&res, 0, sizeof(res));
	set_xen_guest_handle(res.extent_start, (xen_pfn_t *)0x1000);
	res.nr_extents = 7;
	ASSERT_EQ(1, nested(__HYPERVISOR_memory_op, XENMEM_increase_reservation,
			    &res, sizeof(res), &info));
	EXPECT_TRUE(info.iv_known);
	EXPECT_EQ(0, info.iv);
	EXPECT_RANGE(info.ranges[0], 0x1000, 7 * sizeof(xen_pfn_t), XPRIVCMD_OUT);
	EXPECT_EQ(1, info.ranges[0].arg);
	ASSERT_EQ(1, nested(__HYPERVISOR_memory_op, XENMEM_decrease_reservation,
			    &res, sizeof(res), &info));
	EXPECT_RANGE(info.ranges[0], 0x1000, 7 * sizeof(xen_pfn_t), XPRIVCMD_IN);
	ASSERT_EQ(1, nested(__HYPERVISOR_memory_op,
			    XENMEM_populate_physmap | (3 << MEMOP_EXTENT_SHIFT),
			    &res, sizeof(res), &info));
	EXPECT_RANGE(info.ranges[0], 0x1000, 7 * sizeof(xen_pfn_t), XPRIVCMD_INOUT);
	res.nr_extents = UINT64_MAX;
	ASSERT_EQ(1, nested(__HYPERVISOR_memory_op, XENMEM_populate_physmap,
			    &res, sizeof(res), &info));
	EXPECT_EQ(UINT64_MAX, info.ranges[0].len);

	memset(&ex, 0, sizeof(ex));
	set_xen_guest_handle(ex.in.extent_start, (xen_pfn_t *)0x1000);
	ex.in.nr_extents = 2;
	set_xen_guest_handle(ex.out.extent_start, (xen_pfn_t *)0x2000);
	ex.out.nr_extents = 4;
	ASSERT_EQ(2, nested(__HYPERVISOR_memory_op, XENMEM_exchange, &ex, sizeof(ex), &info));
	EXPECT_RANGE(info.ranges[0], 0x1000, 16, XPRIVCMD_IN);
	EXPECT_RANGE(info.ranges[1], 0x2000, 32, XPRIVCMD_INOUT);

	memset(&ml, 0, sizeof(ml));
	set_xen_guest_handle(ml.extent_start, (xen_pfn_t *)0x3000);
	ml.max_extents = 5;
	ASSERT_EQ(1, nested(__HYPERVISOR_memory_op, XENMEM_machphys_mfn_list,
			    &ml, sizeof(ml), &info));
	EXPECT_RANGE(info.ranges[0], 0x3000, 40, XPRIVCMD_OUT);
	ASSERT_EQ(1, nested(__HYPERVISOR_memory_op, XENMEM_machphys_compat_mfn_list,
			    &ml, sizeof(ml), &info));
	EXPECT_RANGE(info.ranges[0], 0x3000, 5 * sizeof(xen_pfn_t), XPRIVCMD_OUT);

	memset(&mm, 0, sizeof(mm));
	set_xen_guest_handle(mm.buffer, (void *)0x4000);
	mm.nr_entries = 3;
	ASSERT_EQ(1, nested(__HYPERVISOR_memory_op, XENMEM_machine_memory_map,
			    &mm, sizeof(mm), &info));
	EXPECT_RANGE(info.ranges[0], 0x4000, 60, XPRIVCMD_OUT);
	ASSERT_EQ(1, nested(__HYPERVISOR_memory_op, XENMEM_memory_map,
			    &mm, sizeof(mm), &info));

	memset(&fm, 0, sizeof(fm));
	set_xen_guest_handle(fm.map.buffer, (void *)0x5000);
	fm.map.nr_entries = 2;
	ASSERT_EQ(1, nested(__HYPERVISOR_memory_op, XENMEM_set_memory_map,
			    &fm, sizeof(fm), &info));
	EXPECT_RANGE(info.ranges[0], 0x5000, 40, XPRIVCMD_IN);

	memset(&b, 0, sizeof(b));
	b.size = 3;
	set_xen_guest_handle(b.idxs, (xen_ulong_t *)0x1000);
	set_xen_guest_handle(b.gpfns, (xen_pfn_t *)0x2000);
	set_xen_guest_handle(b.errs, (int *)0x3000);
	ASSERT_EQ(3, nested(__HYPERVISOR_memory_op, XENMEM_add_to_physmap_batch,
			    &b, sizeof(b), &info));
	EXPECT_RANGE(info.ranges[0], 0x1000, 3 * sizeof(xen_ulong_t), XPRIVCMD_IN);
	EXPECT_RANGE(info.ranges[1], 0x2000, 3 * sizeof(xen_pfn_t), XPRIVCMD_IN);
	EXPECT_RANGE(info.ranges[2], 0x3000, 3 * sizeof(int), XPRIVCMD_OUT);

	memset(&rdm, 0, sizeof(rdm));
	set_xen_guest_handle(rdm.buffer, (xen_reserved_device_memory_t *)0x4000);
	rdm.nr_entries = 2;
	ASSERT_EQ(1, nested(__HYPERVISOR_memory_op, XENMEM_reserved_device_memory_map,
			    &rdm, sizeof(rdm), &info));
	EXPECT_RANGE(info.ranges[0], 0x4000, 2 * sizeof(xen_reserved_device_memory_t),
		     XPRIVCMD_OUT);

	memset(&ar, 0, sizeof(ar));
	set_xen_guest_handle(ar.frame_list, (xen_pfn_t *)0x5000);
	ar.nr_frames = 4;
	ASSERT_EQ(1, nested(__HYPERVISOR_memory_op, XENMEM_acquire_resource,
			    &ar, sizeof(ar), &info));
	EXPECT_RANGE(info.ranges[0], 0x5000, 32, XPRIVCMD_INOUT);
}

TEST(more_memory_op_handles_match_xen_headers)
{
	struct xprivcmd_struct_info info;
	struct xen_mem_paging_op po;
	struct xen_mem_access_op ao;
	struct xen_vnuma_topology_info vt;

	memset(&po, 0, sizeof(po));
	po.op = XENMEM_paging_op_prep;
	set_xen_guest_handle(po.buffer, (uint8_t *)0x1000);
	ASSERT_EQ(1, nested(__HYPERVISOR_memory_op, XENMEM_paging_op, &po, sizeof(po), &info));
	EXPECT_RANGE(info.ranges[0], 0x1000, 4096, XPRIVCMD_IN);
	po.op = XENMEM_paging_op_evict;
	EXPECT_EQ(0, nested(__HYPERVISOR_memory_op, XENMEM_paging_op, &po, sizeof(po), &info));

	memset(&ao, 0, sizeof(ao));
	ao.op = XENMEM_access_op_set_access_multi;
	ao.nr = 3;
	set_xen_guest_handle(ao.pfn_list, (uint64_t *)0x1000);
	set_xen_guest_handle(ao.access_list, (uint8_t *)0x2000);
	ASSERT_EQ(2, nested(__HYPERVISOR_memory_op, XENMEM_access_op, &ao, sizeof(ao), &info));
	EXPECT_RANGE(info.ranges[0], 0x1000, 24, XPRIVCMD_IN);
	EXPECT_RANGE(info.ranges[1], 0x2000, 3, XPRIVCMD_IN);
	ao.op = XENMEM_access_op_set_access;
	EXPECT_EQ(0, nested(__HYPERVISOR_memory_op, XENMEM_access_op, &ao, sizeof(ao), &info));

	memset(&vt, 0, sizeof(vt));
	vt.nr_vnodes = 2;
	vt.nr_vcpus = 3;
	vt.nr_vmemranges = 4;
	set_xen_guest_handle(vt.vdistance.h, (unsigned int *)0x1000);
	set_xen_guest_handle(vt.vcpu_to_vnode.h, (unsigned int *)0x2000);
	set_xen_guest_handle(vt.vmemrange.h, (xen_vmemrange_t *)0x3000);
	ASSERT_EQ(3, nested(__HYPERVISOR_memory_op, XENMEM_get_vnumainfo, &vt, sizeof(vt), &info));
	EXPECT_RANGE(info.ranges[0], 0x1000, 16, XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[1], 0x2000, 12, XPRIVCMD_OUT);
	EXPECT_RANGE(info.ranges[2], 0x3000, 4 * sizeof(xen_vmemrange_t), XPRIVCMD_OUT);
}

TEST(grant_table_op_handles_match_xen_headers)
{
	struct xprivcmd_struct_info info;
	struct gnttab_setup_table st;
	struct gnttab_get_status_frames gs;

	memset(&st, 0, sizeof(st));
	set_xen_guest_handle(st.frame_list, (xen_pfn_t *)0x1000);
	st.nr_frames = 4;
	ASSERT_EQ(1, nested(__HYPERVISOR_grant_table_op, GNTTABOP_setup_table,
			    &st, sizeof(st), &info));
	EXPECT_RANGE(info.ranges[0], 0x1000, 4 * sizeof(xen_pfn_t), XPRIVCMD_OUT);

	memset(&gs, 0, sizeof(gs));
	set_xen_guest_handle(gs.frame_list, (uint64_t *)0x2000);
	gs.nr_frames = 2;
	ASSERT_EQ(1, nested(__HYPERVISOR_grant_table_op, GNTTABOP_get_status_frames,
			    &gs, sizeof(gs), &info));
	EXPECT_RANGE(info.ranges[0], 0x2000, 16, XPRIVCMD_OUT);
}

TEST_HARNESS_MAIN
