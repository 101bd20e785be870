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

#include "schema.h"
#include "kselftest_harness.h"

#define NAMED(op) { __HYPERVISOR_##op, #op }

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
	r = one_range(_metadata, __HYPERVISOR_memory_op, 0, 0x1000, 0);
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

TEST_HARNESS_MAIN
