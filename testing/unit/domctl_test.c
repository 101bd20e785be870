// SPDX-License-Identifier: GPL-2.0-only
/*
 * The domctl verdicts (module/common/verdicts_domctl.c) against Xen's
 * public headers: built as domctl_test against Debian 12's libxen-dev
 * (Xen 4.17, domctl 0x15), and as domctl420_test, with
 * XPRIVCMD_XEN_420_NAMES, against Debian 13's (Xen 4.20, domctl 0x17).
 * Each checks the rows that hold for its headers' interface version.
 *
 * Xen's <xen/domctl.h> comes first and module/common/xen_domctl.h after
 * it: this file is built with -Werror, so a name of ours whose value is
 * written differently from Xen's is a "redefined" error, not a test that
 * could be skipped.
 */
#define __XEN_TOOLS__ 1
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <xen/xen.h>
#include <xen/domctl.h>

#include "xen_domctl.h"
#include "verdicts.h"
#include "schema.h"
#include "kselftest_harness.h"

#define OP_DOMCTL	__HYPERVISOR_domctl
/* The interface version of the headers this test is built against. */
#define IV		XEN_DOMCTL_INTERFACE_VERSION

#ifdef XPRIVCMD_XEN_420_NAMES
_Static_assert(XEN_DOMCTL_INTERFACE_VERSION == XPRIVCMD_DOMCTL_IV_420,
	       "the module's name for Xen 4.20's domctl version");
#else
_Static_assert(XEN_DOMCTL_INTERFACE_VERSION == XPRIVCMD_DOMCTL_IV_417,
	       "the module's name for Xen 4.17's domctl version");
#endif

static const struct xprivcmd_class_table *table(void)
{
	return &xprivcmd_domctl_classes;
}

/* The layout every row relies on: domain at 8, the union at 16. */
TEST(domctl_header_layout)
{
	EXPECT_EQ(8, offsetof(struct xen_domctl, domain));
	EXPECT_EQ(16, offsetof(struct xen_domctl, u));
	EXPECT_EQ(OP_DOMCTL, table()->op);
	/* Hidden from tools by Xen's header (__XEN__ only); its value. */
	EXPECT_EQ(XEN_DOMCTL_hypercall_init + 1, XEN_DOMCTL_soft_reset_cont);
}

/* Whether two rows hold for an interface version in common. */
static bool share_iv(const struct xprivcmd_class *a,
		     const struct xprivcmd_class *b)
{
	return xprivcmd_row_holds_for(b, a->iv) ||
	       (a->iv2 && xprivcmd_row_holds_for(b, a->iv2));
}

static bool same_key(const struct xprivcmd_class *a,
		     const struct xprivcmd_class *b)
{
	return share_iv(a, b) && a->cmd == b->cmd && a->sub_off == b->sub_off &&
	       a->sub_mask == b->sub_mask && a->sub == b->sub;
}

/*
 * One row per (interface version, sub-command, sub-sub-command), and the
 * row without a sub-sub-command after every row limited to one (rows are
 * searched in order: a default first would hide them).
 */
TEST(domctl_rows_unique)
{
	const struct xprivcmd_class_table *t = table();
	unsigned int i, j;

	ASSERT_LT(0, t->nr);
	for (i = 0; i < t->nr; i++) {
		const struct xprivcmd_class *r = &t->rows[i];

		/* Xen 4.17's, possibly also 4.20's; or 4.20's alone. */
		EXPECT_TRUE((r->iv == XPRIVCMD_DOMCTL_IV_417 &&
			     (!r->iv2 || r->iv2 == XPRIVCMD_DOMCTL_IV_420)) ||
			    (r->iv == XPRIVCMD_DOMCTL_IV_420 && !r->iv2))
			TH_LOG("%s", r->name);
		EXPECT_EQ(8, r->dom) TH_LOG("%s", r->name);
		EXPECT_FALSE(r->flags & ~XPRIVCMD_VF_SELF_OK) TH_LOG("%s", r->name);
		/* a reason for a refusal, and for nothing else */
		EXPECT_EQ(r->verdict == XPRIVCMD_V_REFUSED, r->reason != 0)
			TH_LOG("%s", r->name);
		EXPECT_TRUE(!r->has_sub ||
			    r->sub == (r->sub & r->sub_mask))
			TH_LOG("%s", r->name);
		for (j = i + 1; j < t->nr; j++) {
			const struct xprivcmd_class *s = &t->rows[j];

			EXPECT_FALSE(same_key(r, s))
				TH_LOG("%s: rows %u and %u", r->name, i, j);
			EXPECT_FALSE(share_iv(r, s) && r->cmd == s->cmd &&
				     !r->has_sub)
				TH_LOG("%s: default row %u before row %u",
				       r->name, i, j);
		}
	}
}

#define NAMED(cmd) { cmd, #cmd }

/*
 * Every sub-command of Xen 4.17's domctl.h, and of Xen 4.20's when built
 * against it, numbered by Xen's header.
 */
static const struct { unsigned int cmd; const char *name; } xen_cmds[] = {
	NAMED(XEN_DOMCTL_createdomain), NAMED(XEN_DOMCTL_destroydomain),
	NAMED(XEN_DOMCTL_pausedomain), NAMED(XEN_DOMCTL_unpausedomain),
	NAMED(XEN_DOMCTL_getdomaininfo), NAMED(XEN_DOMCTL_setvcpuaffinity),
	NAMED(XEN_DOMCTL_shadow_op), NAMED(XEN_DOMCTL_max_mem),
	NAMED(XEN_DOMCTL_setvcpucontext), NAMED(XEN_DOMCTL_getvcpucontext),
	NAMED(XEN_DOMCTL_getvcpuinfo), NAMED(XEN_DOMCTL_max_vcpus),
	NAMED(XEN_DOMCTL_scheduler_op), NAMED(XEN_DOMCTL_setdomainhandle),
	NAMED(XEN_DOMCTL_setdebugging), NAMED(XEN_DOMCTL_irq_permission),
	NAMED(XEN_DOMCTL_iomem_permission), NAMED(XEN_DOMCTL_ioport_permission),
	NAMED(XEN_DOMCTL_hypercall_init), NAMED(XEN_DOMCTL_soft_reset_cont),
	NAMED(XEN_DOMCTL_settimeoffset), NAMED(XEN_DOMCTL_getvcpuaffinity),
	NAMED(XEN_DOMCTL_real_mode_area), NAMED(XEN_DOMCTL_resumedomain),
	NAMED(XEN_DOMCTL_sendtrigger), NAMED(XEN_DOMCTL_subscribe),
	NAMED(XEN_DOMCTL_gethvmcontext), NAMED(XEN_DOMCTL_sethvmcontext),
	NAMED(XEN_DOMCTL_set_address_size), NAMED(XEN_DOMCTL_get_address_size),
	NAMED(XEN_DOMCTL_assign_device), NAMED(XEN_DOMCTL_bind_pt_irq),
	NAMED(XEN_DOMCTL_memory_mapping), NAMED(XEN_DOMCTL_ioport_mapping),
	NAMED(XEN_DOMCTL_set_ext_vcpucontext),
	NAMED(XEN_DOMCTL_get_ext_vcpucontext),
	NAMED(XEN_DOMCTL_set_opt_feature), NAMED(XEN_DOMCTL_test_assign_device),
	NAMED(XEN_DOMCTL_set_target), NAMED(XEN_DOMCTL_deassign_device),
	NAMED(XEN_DOMCTL_unbind_pt_irq), NAMED(XEN_DOMCTL_get_device_group),
	NAMED(XEN_DOMCTL_debug_op), NAMED(XEN_DOMCTL_gethvmcontext_partial),
	NAMED(XEN_DOMCTL_vm_event_op), NAMED(XEN_DOMCTL_mem_sharing_op),
	NAMED(XEN_DOMCTL_gettscinfo), NAMED(XEN_DOMCTL_settscinfo),
	NAMED(XEN_DOMCTL_getpageframeinfo3), NAMED(XEN_DOMCTL_setvcpuextstate),
	NAMED(XEN_DOMCTL_getvcpuextstate), NAMED(XEN_DOMCTL_set_access_required),
	NAMED(XEN_DOMCTL_audit_p2m), NAMED(XEN_DOMCTL_set_virq_handler),
	NAMED(XEN_DOMCTL_set_broken_page_p2m), NAMED(XEN_DOMCTL_setnodeaffinity),
	NAMED(XEN_DOMCTL_getnodeaffinity), NAMED(XEN_DOMCTL_cacheflush),
	NAMED(XEN_DOMCTL_get_vcpu_msrs), NAMED(XEN_DOMCTL_set_vcpu_msrs),
	NAMED(XEN_DOMCTL_setvnumainfo), NAMED(XEN_DOMCTL_psr_cmt_op),
	NAMED(XEN_DOMCTL_monitor_op), NAMED(XEN_DOMCTL_psr_alloc),
	NAMED(XEN_DOMCTL_soft_reset), NAMED(XEN_DOMCTL_vuart_op),
	NAMED(XEN_DOMCTL_get_cpu_policy), NAMED(XEN_DOMCTL_set_cpu_policy),
	NAMED(XEN_DOMCTL_vmtrace_op), NAMED(XEN_DOMCTL_get_paging_mempool_size),
	NAMED(XEN_DOMCTL_set_paging_mempool_size),
	NAMED(XEN_DOMCTL_gdbsx_guestmemio), NAMED(XEN_DOMCTL_gdbsx_pausevcpu),
	NAMED(XEN_DOMCTL_gdbsx_unpausevcpu), NAMED(XEN_DOMCTL_gdbsx_domstatus),
#ifdef XPRIVCMD_XEN_420_NAMES
	NAMED(XEN_DOMCTL_dt_overlay), NAMED(XEN_DOMCTL_gsi_permission),
	NAMED(XEN_DOMCTL_set_llc_colors),
#endif
};

/* Xen handles these on Arm only (arch/arm/domctl.c): no row on x86. */
static bool arm_only(unsigned int cmd)
{
	return cmd == XEN_DOMCTL_cacheflush || cmd == XEN_DOMCTL_vuart_op ||
	       cmd == XEN_DOMCTL_dt_overlay;
}

/* A structure whose every count, handle and flag is non-zero. */
static void fill(struct xen_domctl *d, const struct xprivcmd_class *r)
{
	u32 v;

	memset(d, 0x01, sizeof(*d));
	d->cmd = r->cmd;
	d->interface_version = IV;
	d->domain = 1;
	if (!r->has_sub)
		return;
	memcpy(&v, (char *)d + r->sub_off, sizeof(v));
	v = (v & ~r->sub_mask) | r->sub;
	memcpy((char *)d + r->sub_off, &v, sizeof(v));
}

/* Every sub-command has a row: the classification is complete. */
TEST(every_domctl_classified)
{
	struct xen_domctl d;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(xen_cmds); i++) {
		const struct xprivcmd_class *r;

		memset(&d, 0, sizeof(d));
		d.cmd = xen_cmds[i].cmd;
		d.interface_version = IV;
		r = xprivcmd_classify(OP_DOMCTL, d.interface_version, d.cmd,
				      &d, sizeof(d));
#ifdef CONFIG_X86
		if (arm_only(xen_cmds[i].cmd)) {
			EXPECT_EQ(NULL, r) TH_LOG("%s", xen_cmds[i].name);
			continue;
		}
#endif
		ASSERT_NE(NULL, r) TH_LOG("%s", xen_cmds[i].name);
		EXPECT_EQ(xen_cmds[i].cmd, r->cmd);
	}
	/* Another interface version has no rows (Xen 4.18's 0x16 neither). */
	d.interface_version = XPRIVCMD_DOMCTL_IV_417 + 1;
	d.cmd = XEN_DOMCTL_getdomaininfo;
	EXPECT_EQ(NULL, xprivcmd_classify(OP_DOMCTL, d.interface_version,
					  d.cmd, &d, sizeof(d)));
	d.interface_version = XPRIVCMD_DOMCTL_IV_420 + 1;
	d.cmd = XEN_DOMCTL_getdomaininfo;
	EXPECT_EQ(NULL, xprivcmd_classify(OP_DOMCTL, d.interface_version,
					  d.cmd, &d, sizeof(d)));
}

/*
 * A row keeps Xen's name of its sub-command (for logs and hcall): the row
 * constructors must stringify the name before it is expanded to a number.
 */
TEST(domctl_row_names_are_xen_names)
{
	const struct xprivcmd_class_table *t = table();
	unsigned int i, j;

	for (i = 0; i < t->nr; i++) {
		const struct xprivcmd_class *r = &t->rows[i];

		if (!xprivcmd_row_holds_for(r, IV))
			continue;
		for (j = 0; j < ARRAY_SIZE(xen_cmds); j++)
			if (xen_cmds[j].cmd == r->cmd)
				break;
		ASSERT_GT(ARRAY_SIZE(xen_cmds), j)
			TH_LOG("row %u: %s", i, r->name);
		EXPECT_STREQ(xen_cmds[j].name, r->name);
	}
}

/*
 * Sub-commands that would be CHECKED with no embedded handle at all, none
 * today: such a one has to be listed here, with the Xen source that says
 * it follows none, to pass checked_rows_have_handles.
 */
static const unsigned int handle_free[] = {
	0,	/* not a sub-command: the list is empty */
};

static bool is_handle_free(unsigned int cmd)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(handle_free); i++)
		if (handle_free[i] && handle_free[i] == cmd)
			return true;
	return false;
}

static unsigned int handles(const struct xen_domctl *d)
{
	u64 args[XPRIVCMD_NR_ARGS] = { 0x1000, 0, 0, 0, 0 };
	struct xprivcmd_struct_info info;

	memset(&info, 0, sizeof(info));
	xprivcmd_schema_struct(OP_DOMCTL, args, d, sizeof(*d), &info);
	return info.nr_ranges;
}

/*
 * Each row is the one a call meant for it finds (no earlier row hides
 * it); a CHECKED row's call has schema_nested.c handles to check, a NOREF
 * row's has none.
 */
TEST(checked_rows_have_handles)
{
	const struct xprivcmd_class_table *t = table();
	struct xen_domctl d;
	unsigned int i;

	for (i = 0; i < t->nr; i++) {
		const struct xprivcmd_class *r = &t->rows[i];

		if (!xprivcmd_row_holds_for(r, IV))
			continue;
		fill(&d, r);
		EXPECT_EQ(r, xprivcmd_classify(OP_DOMCTL, IV, r->cmd, &d,
					       sizeof(d)))
			TH_LOG("row %u, %s, is hidden", i, r->name);
		EXPECT_FALSE(r->verdict == XPRIVCMD_V_CHECKED &&
			     !is_handle_free(r->cmd) && !handles(&d))
			TH_LOG("%s: CHECKED without a handle", r->name);
		EXPECT_FALSE(r->verdict == XPRIVCMD_V_NOREF && handles(&d))
			TH_LOG("%s: NOREF with a handle", r->name);
	}
}

/* The field each sub-sub-command row reads, by Xen's structure. */
static const struct {
	unsigned int cmd;
	size_t off;
	u32 mask;
} sub_fields[] = {
	{ XEN_DOMCTL_shadow_op, offsetof(struct xen_domctl, u.shadow_op.op), ~0U },
	{ XEN_DOMCTL_scheduler_op, offsetof(struct xen_domctl, u.scheduler_op.cmd),
	  ~0U },
	{ XEN_DOMCTL_setvcpuaffinity,
	  offsetof(struct xen_domctl, u.vcpuaffinity.flags), XEN_VCPUAFFINITY_FORCE },
	{ XEN_DOMCTL_vm_event_op, offsetof(struct xen_domctl, u.vm_event_op.op),
	  ~0U },
	{ XEN_DOMCTL_iomem_permission,
	  offsetof(struct xen_domctl, u.iomem_permission.allow_access), 0xff },
	{ XEN_DOMCTL_memory_mapping,
	  offsetof(struct xen_domctl, u.memory_mapping.add_mapping), ~0U },
	{ XEN_DOMCTL_assign_device,
	  offsetof(struct xen_domctl, u.assign_device.dev), ~0U },
	{ XEN_DOMCTL_test_assign_device,
	  offsetof(struct xen_domctl, u.assign_device.dev), ~0U },
	{ XEN_DOMCTL_deassign_device,
	  offsetof(struct xen_domctl, u.assign_device.dev), ~0U },
};

TEST(sub_fields_match_xen_headers)
{
	const struct xprivcmd_class_table *t = table();
	unsigned int i, j, found;

	/* allow_access is a u8: the mask keeps the u32 read to it. */
	EXPECT_EQ(1, sizeof(((struct xen_domctl *)0)->u.iomem_permission.allow_access));
	for (i = 0; i < t->nr; i++) {
		const struct xprivcmd_class *r = &t->rows[i];

		if (!r->has_sub || !xprivcmd_row_holds_for(r, IV))
			continue;
		found = 0;
		for (j = 0; j < ARRAY_SIZE(sub_fields); j++) {
			if (sub_fields[j].cmd != r->cmd)
				continue;
			found++;
			EXPECT_EQ(sub_fields[j].off, r->sub_off) TH_LOG("%s", r->name);
			EXPECT_EQ(sub_fields[j].mask, r->sub_mask) TH_LOG("%s", r->name);
		}
		EXPECT_EQ(1, found) TH_LOG("%s", r->name);
	}
}

static const struct xprivcmd_class *row_of(unsigned int cmd, u32 sub_val,
					   size_t sub_off)
{
	struct xen_domctl d;

	memset(&d, 0, sizeof(d));
	d.cmd = cmd;
	d.interface_version = IV;
	if (sub_off)
		memcpy((char *)&d + sub_off, &sub_val, sizeof(sub_val));
	return xprivcmd_classify(OP_DOMCTL, d.interface_version, cmd, &d,
				 sizeof(d));
}

#define ROW(cmd) row_of(cmd, 0, 0)

/*
 * What Domain-0's own toolstack does to Domain-0 (xen-init-dom0's handle,
 * xl list / vcpu-list / vcpu-pin / sched-credit / mem-max on Domain-0,
 * xenstored's and xenconsoled's getdomaininfo) stays allowed on the
 * caller; what would change the calling kernel does not.
 */
TEST(self_on_what_the_toolstack_does_to_dom0)
{
	static const unsigned int self_ok[] = {
		XEN_DOMCTL_getdomaininfo, XEN_DOMCTL_setdomainhandle,
		XEN_DOMCTL_max_mem, XEN_DOMCTL_getvcpuinfo,
		XEN_DOMCTL_getvcpuaffinity, XEN_DOMCTL_setvcpuaffinity,
		XEN_DOMCTL_scheduler_op, XEN_DOMCTL_getnodeaffinity,
		XEN_DOMCTL_get_cpu_policy, XEN_DOMCTL_createdomain,
	};
	static const unsigned int not_self[] = {
		XEN_DOMCTL_destroydomain, XEN_DOMCTL_setvcpucontext,
		XEN_DOMCTL_shadow_op, XEN_DOMCTL_hypercall_init,
		XEN_DOMCTL_irq_permission, XEN_DOMCTL_ioport_permission,
		XEN_DOMCTL_set_vcpu_msrs, XEN_DOMCTL_settimeoffset,
		XEN_DOMCTL_set_virq_handler, XEN_DOMCTL_bind_pt_irq,
	};
	const struct xprivcmd_class *r;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(self_ok); i++) {
		r = ROW(self_ok[i]);
		ASSERT_NE(NULL, r);
		EXPECT_TRUE(r->flags & XPRIVCMD_VF_SELF_OK) TH_LOG("%s", r->name);
	}
	for (i = 0; i < ARRAY_SIZE(not_self); i++) {
		r = ROW(not_self[i]);
		ASSERT_NE(NULL, r);
		EXPECT_FALSE(r->flags & XPRIVCMD_VF_SELF_OK) TH_LOG("%s", r->name);
	}

	/* Undoing the caller's own pin_override is not scheduling policy. */
	r = row_of(XEN_DOMCTL_setvcpuaffinity, XEN_VCPUAFFINITY_FORCE |
		   XEN_VCPUAFFINITY_HARD,
		   offsetof(struct xen_domctl, u.vcpuaffinity.flags));
	ASSERT_NE(NULL, r);
	EXPECT_FALSE(r->flags & XPRIVCMD_VF_SELF_OK);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, r->verdict);

	/* vm_event's version query names no domain; its other ops do. */
	r = row_of(XEN_DOMCTL_vm_event_op, XEN_VM_EVENT_GET_VERSION,
		   offsetof(struct xen_domctl, u.vm_event_op.op));
	ASSERT_NE(NULL, r);
	EXPECT_TRUE(r->flags & XPRIVCMD_VF_SELF_OK);
	r = row_of(XEN_DOMCTL_vm_event_op, XEN_VM_EVENT_ENABLE,
		   offsetof(struct xen_domctl, u.vm_event_op.op));
	ASSERT_NE(NULL, r);
	EXPECT_FALSE(r->flags & XPRIVCMD_VF_SELF_OK);
}

/* Sub-sub-commands with verdicts of their own. */
TEST(sub_sub_commands)
{
	const struct xprivcmd_class *r;

	r = row_of(XEN_DOMCTL_shadow_op, XEN_DOMCTL_SHADOW_OP_PEEK,
		   offsetof(struct xen_domctl, u.shadow_op.op));
	ASSERT_NE(NULL, r);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, r->verdict);
	r = row_of(XEN_DOMCTL_shadow_op, XEN_DOMCTL_SHADOW_OP_ENABLE_LOGDIRTY,
		   offsetof(struct xen_domctl, u.shadow_op.op));
	ASSERT_NE(NULL, r);
	EXPECT_EQ(XPRIVCMD_V_NOREF, r->verdict);

	r = row_of(XEN_DOMCTL_assign_device, XEN_DOMCTL_DEV_DT,
		   offsetof(struct xen_domctl, u.assign_device.dev));
	ASSERT_NE(NULL, r);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, r->verdict);
	r = row_of(XEN_DOMCTL_assign_device, XEN_DOMCTL_DEV_PCI,
		   offsetof(struct xen_domctl, u.assign_device.dev));
	ASSERT_NE(NULL, r);
	EXPECT_EQ(XPRIVCMD_V_NOREF, r->verdict);

	r = row_of(XEN_DOMCTL_scheduler_op, XEN_DOMCTL_SCHEDOP_getvcpuinfo,
		   offsetof(struct xen_domctl, u.scheduler_op.cmd));
	ASSERT_NE(NULL, r);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, r->verdict);
	r = row_of(XEN_DOMCTL_scheduler_op, XEN_DOMCTL_SCHEDOP_putinfo,
		   offsetof(struct xen_domctl, u.scheduler_op.cmd));
	ASSERT_NE(NULL, r);
	EXPECT_EQ(XPRIVCMD_V_NOREF, r->verdict);

	/* Taking access or a mapping away is harmless, granting is not known. */
	r = row_of(XEN_DOMCTL_memory_mapping, DPCI_REMOVE_MAPPING,
		   offsetof(struct xen_domctl, u.memory_mapping.add_mapping));
	ASSERT_NE(NULL, r);
	EXPECT_EQ(XPRIVCMD_V_NOREF, r->verdict);
	r = row_of(XEN_DOMCTL_memory_mapping, DPCI_ADD_MAPPING,
		   offsetof(struct xen_domctl, u.memory_mapping.add_mapping));
	ASSERT_NE(NULL, r);
	EXPECT_EQ(XPRIVCMD_V_UNMODELLED, r->verdict);
	r = row_of(XEN_DOMCTL_iomem_permission, 0,
		   offsetof(struct xen_domctl, u.iomem_permission.allow_access));
	ASSERT_NE(NULL, r);
	EXPECT_EQ(XPRIVCMD_V_NOREF, r->verdict);
	r = row_of(XEN_DOMCTL_iomem_permission, 1,
		   offsetof(struct xen_domctl, u.iomem_permission.allow_access));
	ASSERT_NE(NULL, r);
	EXPECT_EQ(XPRIVCMD_V_UNMODELLED, r->verdict);
}

#ifdef XPRIVCMD_XEN_420_NAMES
/*
 * What Xen 4.20 added: a GSI given to another domain, and another
 * domain's cache colours, never the caller's; a device tree overlay
 * attached to a domain is not modelled (and has no row on x86).
 */
TEST(domctl_420_additions)
{
	const struct xprivcmd_class *r;

	r = ROW(XEN_DOMCTL_gsi_permission);
	ASSERT_NE(NULL, r);
	EXPECT_EQ(XPRIVCMD_V_NOREF, r->verdict);
	EXPECT_FALSE(r->flags & XPRIVCMD_VF_SELF_OK);
	r = ROW(XEN_DOMCTL_set_llc_colors);
	ASSERT_NE(NULL, r);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, r->verdict);
	EXPECT_FALSE(r->flags & XPRIVCMD_VF_SELF_OK);
	r = ROW(XEN_DOMCTL_dt_overlay);
	EXPECT_TRUE(!r || r->verdict == XPRIVCMD_V_UNMODELLED);
	/* Not at Xen 4.17's version, which has no such sub-commands. */
	EXPECT_EQ(NULL, xprivcmd_classify(OP_DOMCTL, XPRIVCMD_DOMCTL_IV_417,
					  XEN_DOMCTL_set_llc_colors, NULL, 0));
}
#endif

TEST_HARNESS_MAIN
