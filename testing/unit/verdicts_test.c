// SPDX-License-Identifier: GPL-2.0-only
/*
 * module/common/verdicts*.c and schema_frames.c against Xen's public
 * headers: the classification's shape (every row reachable, unique, its
 * domain field inside the structure the module copies), the names it uses
 * (xen_guest.h, pinned by including Xen's headers first: -Werror turns a
 * differing value into a "redefined" error), the frames decisions built
 * from Xen's own structures, and the reasons table.
 */
#define __XEN_TOOLS__ 1
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <xen/xen.h>
#include <xen/version.h>
#include <xen/memory.h>
#include <xen/grant_table.h>
#include <xen/event_channel.h>
#include <xen/sched.h>
#include <xen/vcpu.h>
#include <xen/xsm/flask_op.h>

#include "xen_guest.h"
#include "xen_misc.h"
#include "xen_sysctl.h"
#include "quick.h"
#include "reasons.h"
#include "schema.h"
#include "verdicts.h"
#include "kselftest_harness.h"

static const struct xprivcmd_caller dom0 = { .domid = 0 };
static const struct xprivcmd_caller dom7 = { .domid = 7 };
static const struct xprivcmd_caller unknown = { .domid = XPRIVCMD_DOMID_UNKNOWN };
static const struct xprivcmd_caller pvh0 = { .domid = 0, .translated = true };

TEST(caller_resolution)
{
	EXPECT_TRUE(xprivcmd_caller_is(&dom0, DOMID_SELF));
	EXPECT_TRUE(xprivcmd_caller_is(&dom0, 0));
	EXPECT_FALSE(xprivcmd_caller_is(&dom0, 7));
	EXPECT_FALSE(xprivcmd_caller_is(&dom0, DOMID_IO));
	EXPECT_TRUE(xprivcmd_caller_is(&dom7, 7));
	EXPECT_FALSE(xprivcmd_caller_is(&dom7, 0));
	/* Until a domU knows its id, every real id may be its own. */
	EXPECT_TRUE(xprivcmd_caller_is(&unknown, 0));
	EXPECT_TRUE(xprivcmd_caller_is(&unknown, 12));
	EXPECT_FALSE(xprivcmd_caller_is(&unknown, DOMID_IO));
	EXPECT_EQ(DOMID_SELF, XPRIVCMD_DOMID_SELF);
	EXPECT_EQ(DOMID_FIRST_RESERVED, XPRIVCMD_DOMID_FIRST_RESERVED);
	EXPECT_EQ(DOMID_INVALID, XPRIVCMD_DOMID_UNKNOWN);
}

/*
 * Hidden from tools by Xen's event_channel.h (__XEN__ only), so not pinned
 * by the redefinition: its value, the command after set_priority.
 */
TEST(hidden_names)
{
	EXPECT_EQ(EVTCHNOP_set_priority + 1, EVTCHNOP_reset_cont);
}

/* Every table is found under its op, and no (iv, cmd, sub) is named twice. */
TEST(rows_are_reachable_and_unique)
{
	unsigned int op, i, j, rows = 0;

	for (op = 0; op < XPRIVCMD_NR_HYPERCALLS; op++) {
		const struct xprivcmd_class_table *t = xprivcmd_class_table(op);

		if (!t)
			continue;
		EXPECT_EQ(op, t->op);
		for (i = 0; i < t->nr; i++) {
			const struct xprivcmd_class *a = &t->rows[i];

			rows++;
			EXPECT_TRUE(a->name && a->name[0]);
			EXPECT_TRUE(a->verdict != XPRIVCMD_V_REFUSED || a->reason)
				TH_LOG("%s: refused without a reason", a->name);
			for (j = i + 1; j < t->nr; j++) {
				const struct xprivcmd_class *b = &t->rows[j];

				EXPECT_FALSE(a->iv == b->iv && a->cmd == b->cmd &&
					     a->has_sub == b->has_sub &&
					     (!a->has_sub || (a->sub_off == b->sub_off &&
							      a->sub == b->sub)))
					TH_LOG("op %u: %s twice", op, a->name);
			}
		}
	}
	EXPECT_LT(100, rows);
}

/*
 * At load the module indexes the tables and the nested handles by op
 * (xprivcmd_verdicts_index(), xprivcmd_nested_index()): every lookup must
 * answer as the search it replaces.  The harness runs each test in a
 * process of its own, so the other tests still search.
 */
TEST(index_answers_as_the_search)
{
	static const struct xprivcmd_class_table *found[XPRIVCMD_NR_HYPERCALLS + 2];
	static bool nested_before[4096];
	unsigned int op, i, n = 0;

	for (op = 0; op < ARRAY_SIZE(found); op++) {
		const struct xprivcmd_class_table *t = xprivcmd_class_table(op);

		found[op] = t;
		for (i = 0; t && i < t->nr; i++, n++) {
			ASSERT_LT(n, ARRAY_SIZE(nested_before));
			nested_before[n] = xprivcmd_has_nested(op, t->rows[i].iv,
								t->rows[i].cmd);
		}
	}
	xprivcmd_verdicts_index();
	xprivcmd_nested_index();
	n = 0;
	for (op = 0; op < ARRAY_SIZE(found); op++) {
		const struct xprivcmd_class_table *t = xprivcmd_class_table(op);

		EXPECT_EQ(found[op], t) TH_LOG("op %u", op);
		for (i = 0; t && i < t->nr; i++, n++)
			EXPECT_EQ(nested_before[n],
				  xprivcmd_has_nested(op, t->rows[i].iv,
						      t->rows[i].cmd))
				TH_LOG("%s", t->rows[i].name);
	}
	EXPECT_LT(100, n);
}

/*
 * A row's domain field must lie inside the structure the module copies
 * for that sub-command, or the decision could not read it (and would
 * refuse the call as unmodelled).
 */
TEST(domain_fields_inside_the_copy)
{
	unsigned int op, i;

	for (op = 0; op < XPRIVCMD_NR_HYPERCALLS; op++) {
		const struct xprivcmd_class_table *t = xprivcmd_class_table(op);
		const struct xprivcmd_op *s = xprivcmd_schema_op(op);

		if (!t || !s || s->struct_cmd)
			continue;
		for (i = 0; i < t->nr; i++) {
			const struct xprivcmd_class *r = &t->rows[i];
			u64 args[XPRIVCMD_NR_ARGS] = { r->cmd, 0x1000, 1, 0x1000, 1 };
			struct xprivcmd_range whole;

			if (!r->has_dom || (r->flags & XPRIVCMD_VF_DOM_ARG) ||
			    r->verdict == XPRIVCMD_V_REFUSED)
				continue;
			ASSERT_TRUE(xprivcmd_schema_struct_range(op, args, &whole))
				TH_LOG("%s: no structure size", r->name);
			EXPECT_LE(r->dom + 2, whole.len) TH_LOG("%s", r->name);
		}
	}
}

/* The classification of a few calls, as the module looks them up. */
TEST(classify)
{
	const struct xprivcmd_class *r;

	r = xprivcmd_classify(__HYPERVISOR_memory_op, 0,
			      XENMEM_decrease_reservation, NULL, 0);
	ASSERT_NE(NULL, r);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, r->verdict);
	EXPECT_TRUE(r->has_dom);
	EXPECT_EQ(offsetof(struct xen_memory_reservation, domid), r->dom);
	EXPECT_STREQ("XENMEM_decrease_reservation", r->name);

	r = xprivcmd_classify(__HYPERVISOR_event_channel_op, 0,
			      EVTCHNOP_init_control, NULL, 0);
	ASSERT_NE(NULL, r);
	EXPECT_EQ(XPRIVCMD_V_REFUSED, r->verdict);
	EXPECT_EQ(XPRIVCMD_REASON_KERNEL_STATE, r->reason);

	r = xprivcmd_classify(__HYPERVISOR_event_channel_op, 0, EVTCHNOP_status,
			      NULL, 0);
	ASSERT_NE(NULL, r);
	EXPECT_TRUE(r->flags & XPRIVCMD_VF_SELF_OK);

	/* What no row names is unmodelled. */
	EXPECT_EQ(NULL, xprivcmd_classify(__HYPERVISOR_memory_op, 0, 63, NULL, 0));
	EXPECT_EQ(NULL, xprivcmd_classify(__HYPERVISOR_xen_version, 0,
					  XENVER_commandline2 + 1, NULL, 0));
	EXPECT_EQ(NULL, xprivcmd_classify(50, 0, 0, NULL, 0));
}

/* The domain offsets of the guest-ABI rows, from Xen's structures. */
TEST(guest_domain_offsets_match_xen_headers)
{
	static const struct { unsigned int op, cmd; size_t off; } c[] = {
		{ __HYPERVISOR_memory_op, XENMEM_increase_reservation,
		  offsetof(struct xen_memory_reservation, domid) },
		{ __HYPERVISOR_memory_op, XENMEM_populate_physmap,
		  offsetof(struct xen_memory_reservation, domid) },
		{ __HYPERVISOR_memory_op, XENMEM_claim_pages,
		  offsetof(struct xen_memory_reservation, domid) },
		{ __HYPERVISOR_memory_op, XENMEM_exchange,
		  offsetof(struct xen_memory_exchange, in.domid) },
		{ __HYPERVISOR_memory_op, XENMEM_add_to_physmap,
		  offsetof(struct xen_add_to_physmap, domid) },
		{ __HYPERVISOR_memory_op, XENMEM_set_memory_map,
		  offsetof(struct xen_foreign_memory_map, domid) },
		{ __HYPERVISOR_memory_op, XENMEM_remove_from_physmap,
		  offsetof(struct xen_remove_from_physmap, domid) },
		{ __HYPERVISOR_memory_op, XENMEM_set_pod_target,
		  offsetof(struct xen_pod_target, domid) },
		{ __HYPERVISOR_memory_op, XENMEM_paging_op,
		  offsetof(struct xen_mem_paging_op, domain) },
		{ __HYPERVISOR_memory_op, XENMEM_access_op,
		  offsetof(struct xen_mem_access_op, domid) },
		{ __HYPERVISOR_memory_op, XENMEM_add_to_physmap_batch,
		  offsetof(struct xen_add_to_physmap_batch, domid) },
		{ __HYPERVISOR_memory_op, XENMEM_get_vnumainfo,
		  offsetof(struct xen_vnuma_topology_info, domid) },
		{ __HYPERVISOR_memory_op, XENMEM_acquire_resource,
		  offsetof(struct xen_mem_acquire_resource, domid) },
		{ __HYPERVISOR_grant_table_op, GNTTABOP_setup_table,
		  offsetof(struct gnttab_setup_table, dom) },
		{ __HYPERVISOR_grant_table_op, GNTTABOP_query_size,
		  offsetof(struct gnttab_query_size, dom) },
		{ __HYPERVISOR_grant_table_op, GNTTABOP_get_status_frames,
		  offsetof(struct gnttab_get_status_frames, dom) },
		{ __HYPERVISOR_grant_table_op, GNTTABOP_get_version,
		  offsetof(struct gnttab_get_version, dom) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_status,
		  offsetof(struct evtchn_status, dom) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_alloc_unbound,
		  offsetof(struct evtchn_alloc_unbound, dom) },
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_reset,
		  offsetof(struct evtchn_reset, dom) },
		{ __HYPERVISOR_sched_op, SCHEDOP_remote_shutdown,
		  offsetof(struct sched_remote_shutdown, domain_id) },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(c); i++) {
		const struct xprivcmd_class *r =
			xprivcmd_classify(c[i].op, 0, c[i].cmd, NULL, 0);

		ASSERT_TRUE(r && r->has_dom) TH_LOG("op %u cmd %u", c[i].op, c[i].cmd);
		EXPECT_EQ(c[i].off, r->dom) TH_LOG("%s", r->name);
	}
}

static unsigned int frames(const struct xprivcmd_caller *caller, u64 op,
			   u64 cmd, const u64 *args, const void *buf, u64 len,
			   struct xprivcmd_va *out, unsigned int max)
{
	unsigned int n = 0;
	u64 pos = 0;

	while (n < max && xprivcmd_schema_next_va(caller, op, cmd, args, buf,
						  len, &pos, &out[n]))
		n++;
	return n;
}

/* mmu_update: both the frames' and the page tables' owner must be another. */
TEST(mmu_update_owners)
{
	struct mmu_update req[2] = {
		{ .ptr = 0x2000 | MMU_MACHPHYS_UPDATE },
		{ .ptr = 0x3000 | MMU_NORMAL_PT_UPDATE },
	};
	u64 a[XPRIVCMD_NR_ARGS] = { 0x1000, 2, 0, 7, 0 };
	struct xprivcmd_va v[4];

	ASSERT_TRUE(xprivcmd_schema_frames_copy(__HYPERVISOR_mmu_update, 0));
	/* Frames of 7, page tables (high half 0) the caller's: M2P only. */
	ASSERT_EQ(1, frames(&dom0, __HYPERVISOR_mmu_update, 0, a, req, sizeof(req), v, 4));
	EXPECT_EQ(1, v[0].elem);
	EXPECT_EQ(XPRIVCMD_VA_REFUSE, v[0].kind);
	EXPECT_EQ(XPRIVCMD_REASON_OWN_TABLES, v[0].reason);
	/* Page tables of 7 (7 + 1 in the high half), frames of 7: all pass. */
	a[3] = (7 + 1) << 16 | 7;
	EXPECT_EQ(0, frames(&dom0, __HYPERVISOR_mmu_update, 0, a, req, sizeof(req), v, 4));
	/* Page tables of dom0 (0 + 1) with frames of DOMID_IO: refused. */
	a[3] = (0 + 1) << 16 | DOMID_IO;
	EXPECT_EQ(2, frames(&dom0, __HYPERVISOR_mmu_update, 0, a, req, sizeof(req), v, 4));
	/* The caller's frames, by DOMID_SELF or by its id, never pass. */
	a[3] = (7 + 1) << 16 | DOMID_SELF;
	EXPECT_EQ(2, frames(&dom0, __HYPERVISOR_mmu_update, 0, a, req, sizeof(req), v, 4));
	a[3] = (0 + 1) << 16 | 7;
	EXPECT_EQ(2, frames(&dom7, __HYPERVISOR_mmu_update, 0, a, req, sizeof(req), v, 4));
	/* In domain 7, dom0's tables and domain 8's frames are another's. */
	a[3] = (0 + 1) << 16 | 8;
	EXPECT_EQ(0, frames(&dom7, __HYPERVISOR_mmu_update, 0, a, req, sizeof(req), v, 4));
	a[3] = (7 + 1) << 16 | 8;
	EXPECT_EQ(1, frames(&dom7, __HYPERVISOR_mmu_update, 0, a, req, sizeof(req), v, 4));
	/* Only whole elements of the copy are read. */
	EXPECT_EQ(0, frames(&dom7, __HYPERVISOR_mmu_update, 0, a, req, sizeof(req) - 1, v, 4));
}

TEST(mmuext_op_commands)
{
	struct mmuext_op ext[5] = {
		{ .cmd = MMUEXT_TLB_FLUSH_LOCAL }, { .cmd = MMUEXT_PIN_L4_TABLE },
		{ .cmd = MMUEXT_TLB_FLUSH_MULTI }, { .cmd = MMUEXT_NEW_BASEPTR },
		{ .cmd = 99 },
	};
	u64 a[XPRIVCMD_NR_ARGS] = { 0x1000, 5, 0, 7, 0 };
	struct xprivcmd_va v[8];

	set_xen_guest_handle(ext[2].arg2.vcpumask, (void *)0x9000);
	ASSERT_EQ(3, frames(&dom0, __HYPERVISOR_mmuext_op, 0, a, ext, sizeof(ext), v, 8));
	EXPECT_EQ(XPRIVCMD_VA_VCPUMASK, v[0].kind);
	EXPECT_EQ(0x9000, v[0].addr);
	EXPECT_EQ(XPRIVCMD_REASON_KERNEL_STATE, v[1].reason);
	EXPECT_EQ(3, v[1].elem);
	EXPECT_EQ(XPRIVCMD_REASON_UNMODELLED, v[2].reason);
	a[3] = DOMID_SELF;
	ASSERT_EQ(4, frames(&dom0, __HYPERVISOR_mmuext_op, 0, a, ext, sizeof(ext), v, 8));
	EXPECT_EQ(XPRIVCMD_REASON_OWN_TABLES, v[0].reason);
	EXPECT_EQ(1, v[0].elem);
}

TEST(grant_copy_sides)
{
	struct gnttab_copy seg[2];
	struct xprivcmd_va v[4];

	memset(seg, 0, sizeof(seg));
	seg[0].source.domid = 7;
	seg[0].dest.domid = 8;
	seg[0].flags = GNTCOPY_source_gref | GNTCOPY_dest_gref;
	seg[1].source.domid = 7;
	seg[1].dest.domid = DOMID_SELF;
	ASSERT_TRUE(xprivcmd_schema_frames_copy(__HYPERVISOR_grant_table_op, GNTTABOP_copy));
	ASSERT_EQ(1, frames(&dom0, __HYPERVISOR_grant_table_op, GNTTABOP_copy, NULL,
			    seg, sizeof(seg), v, 4));
	EXPECT_EQ(1, v[0].elem);
	EXPECT_EQ(DOMID_SELF, v[0].addr);
	seg[1].dest.domid = 0;
	EXPECT_EQ(1, frames(&dom0, __HYPERVISOR_grant_table_op, GNTTABOP_copy, NULL,
			    seg, sizeof(seg), v, 4));
	/* In domain 7, its own id is the caller's. */
	EXPECT_EQ(2, frames(&dom7, __HYPERVISOR_grant_table_op, GNTTABOP_copy, NULL,
			    seg, sizeof(seg), v, 4));
}

TEST(memory_op_frames)
{
	struct xen_add_to_physmap_batch b;
	struct xen_mem_acquire_resource r;
	struct xprivcmd_va v[2];

	memset(&b, 0, sizeof(b));
	b.domid = 7;
	b.space = XENMAPSPACE_gmfn_foreign;
	b.u.foreign_domid = 0;
	ASSERT_EQ(1, frames(&dom0, __HYPERVISOR_memory_op, XENMEM_add_to_physmap_batch,
			    NULL, &b, sizeof(b), v, 2));
	EXPECT_EQ(XPRIVCMD_REASON_OWN_TABLES, v[0].reason);
	b.u.foreign_domid = 8;
	EXPECT_EQ(0, frames(&dom0, __HYPERVISOR_memory_op, XENMEM_add_to_physmap_batch,
			    NULL, &b, sizeof(b), v, 2));

	memset(&r, 0, sizeof(r));
	r.domid = 7;
	r.nr_frames = 2;
	EXPECT_EQ(0, frames(&dom0, __HYPERVISOR_memory_op, XENMEM_acquire_resource,
			    NULL, &r, sizeof(r), v, 2));
	EXPECT_EQ(1, frames(&pvh0, __HYPERVISOR_memory_op, XENMEM_acquire_resource,
			    NULL, &r, sizeof(r), v, 2));
	/* A size query maps nothing. */
	r.nr_frames = 0;
	EXPECT_EQ(0, frames(&pvh0, __HYPERVISOR_memory_op, XENMEM_acquire_resource,
			    NULL, &r, sizeof(r), v, 2));
}

/* xsm_op: a struct op like sysctl, its string handles from Xen's fields. */
TEST(flask_handles_match_xen_headers)
{
	struct xen_flask_op f;
	struct xprivcmd_range r[XPRIVCMD_MAX_NESTED];
	u64 a[XPRIVCMD_NR_ARGS] = { 0x1000 };
	struct xprivcmd_range whole;

	ASSERT_TRUE(xprivcmd_schema_struct_range(__HYPERVISOR_xsm_op, a, &whole));
	EXPECT_EQ(sizeof(f), whole.len);
	EXPECT_TRUE(xprivcmd_iv_known(__HYPERVISOR_xsm_op, XEN_FLASK_INTERFACE_VERSION));

	memset(&f, 0, sizeof(f));
	set_xen_guest_handle(f.u.sid_context.context, (char *)0x5000);
	f.u.sid_context.size = 77;
	ASSERT_EQ(1, xprivcmd_schema_nested(__HYPERVISOR_xsm_op, XEN_FLASK_INTERFACE_VERSION,
					    FLASK_SID_TO_CONTEXT, &f, sizeof(f), 0, r));
	EXPECT_EQ(0x5000, r[0].addr);
	EXPECT_EQ(77, r[0].len);
	EXPECT_EQ(XPRIVCMD_OUT, r[0].access);

	/* context_to_sid reads the string sid_to_context writes */
	ASSERT_EQ(1, xprivcmd_schema_nested(__HYPERVISOR_xsm_op, XEN_FLASK_INTERFACE_VERSION,
					    FLASK_CONTEXT_TO_SID, &f, sizeof(f), 0, r));
	EXPECT_EQ(0x5000, r[0].addr);
	EXPECT_EQ(77, r[0].len);
	EXPECT_EQ(XPRIVCMD_IN, r[0].access);

	memset(&f, 0, sizeof(f));
	set_xen_guest_handle(f.u.boolean.name, (char *)0x6000);
	f.u.boolean.size = 9;
	ASSERT_EQ(1, xprivcmd_schema_nested(__HYPERVISOR_xsm_op, XEN_FLASK_INTERFACE_VERSION,
					    FLASK_GETBOOL, &f, sizeof(f), 0, r));
	EXPECT_EQ(0x6000, r[0].addr);
	EXPECT_EQ(9, r[0].len);
	EXPECT_EQ(XPRIVCMD_INOUT, r[0].access);
	ASSERT_EQ(1, xprivcmd_schema_nested(__HYPERVISOR_xsm_op, XEN_FLASK_INTERFACE_VERSION,
					    FLASK_SETBOOL, &f, sizeof(f), 0, r));
	EXPECT_EQ(0x6000, r[0].addr);
	EXPECT_EQ(9, r[0].len);
	EXPECT_EQ(XPRIVCMD_IN, r[0].access);

	memset(&f, 0, sizeof(f));
	set_xen_guest_handle(f.u.load.buffer, (char *)0x7000);
	f.u.load.size = 4096;
	ASSERT_EQ(1, xprivcmd_schema_nested(__HYPERVISOR_xsm_op, XEN_FLASK_INTERFACE_VERSION,
					    FLASK_LOAD, &f, sizeof(f), 0, r));
	EXPECT_EQ(4096, r[0].len);

	memset(&f, 0, sizeof(f));
	set_xen_guest_handle(f.u.devicetree_label.path, (char *)0x8000);
	f.u.devicetree_label.length = 5;
	ASSERT_EQ(1, xprivcmd_schema_nested(__HYPERVISOR_xsm_op, XEN_FLASK_INTERFACE_VERSION,
					    FLASK_DEVICETREE_LABEL, &f, sizeof(f), 0, r));
	EXPECT_EQ(0x8000, r[0].addr);
	EXPECT_EQ(offsetof(struct xen_flask_op, u.relabel.domid),
		  xprivcmd_classify(__HYPERVISOR_xsm_op, XEN_FLASK_INTERFACE_VERSION,
				    FLASK_RELABEL_DOMAIN, NULL, 0)->dom);
}

/* Every reason has its errno, log text, identifier and explanation. */
/*
 * The register-only index (quick.c) is sound: a call of an indexed pair,
 * whatever its other arguments, is one the full decision would decide on
 * the policy and its pointer arguments alone, and those are the pointers
 * the schema gives.  Runs after the other indexes, as in the module.
 */
/* The ranges xprivcmd_quick_allows() checks, as decide_quick.h finds them. */
static unsigned int quick_ranges(const struct xprivcmd_quick *q, const u64 *args,
				 struct xprivcmd_range *ranges)
{
	unsigned int i, n = 0;

	for (i = 0; i < q->nr_ptrs; i++) {
		xprivcmd_fill_range(&q->ptrs[i], args, &ranges[n]);
		if (ranges[n].len)
			n++;
	}
	return n;
}

static void quick_args(const struct xprivcmd_op *s, u64 cmd, u64 *args)
{
	unsigned int i;

	for (i = 0; i < XPRIVCMD_NR_ARGS; i++)
		args[i] = 0x10000 + 0x1000 * i;	/* user addresses; counts */
	if (s && s->muxed)
		args[s->cmd_arg] = cmd;
}

TEST(quick_pairs_decide_on_registers_alone)
{
	struct xprivcmd_range want[XPRIVCMD_MAX_PTRS], got[XPRIVCMD_MAX_PTRS], head;
	unsigned int op, cmd, i, n, pairs = 0;
	u64 args[XPRIVCMD_NR_ARGS], c;

	xprivcmd_verdicts_index();
	xprivcmd_nested_index();
	xprivcmd_quick_index();
	for (op = 0; op < XPRIVCMD_NR_HYPERCALLS + 2; op++) {
		const struct xprivcmd_op *s = xprivcmd_schema_op(op);

		for (cmd = 0; cmd < 2 * XPRIVCMD_QUICK_CMDS; cmd++) {
			const struct xprivcmd_quick *q;
			const struct xprivcmd_class *row;

			quick_args(s, cmd, args);
			q = xprivcmd_quick(op, args, &c);
			if (!q)
				continue;
			pairs++;
			ASSERT_TRUE(s && !s->struct_cmd) TH_LOG("op %u", op);
			EXPECT_NE(__HYPERVISOR_multicall, op);
			EXPECT_EQ(c, xprivcmd_schema_subop(op, args)) TH_LOG("op %u", op);
			EXPECT_LT(c, XPRIVCMD_QUICK_CMDS);
			row = xprivcmd_classify(op, 0, c, NULL, 0);
			ASSERT_NE(NULL, row) TH_LOG("op %u cmd %u", op, cmd);
			EXPECT_TRUE(row->verdict == XPRIVCMD_V_NOREF ||
				    row->verdict == XPRIVCMD_V_CHECKED) TH_LOG("%s", row->name);
			EXPECT_FALSE(row->has_dom) TH_LOG("%s", row->name);
			EXPECT_FALSE(row->flags & XPRIVCMD_VF_NOT_TRANSLATED);
			EXPECT_FALSE(xprivcmd_needs_copy(row, op, c)) TH_LOG("%s", row->name);
			EXPECT_FALSE(xprivcmd_schema_varbuf(op, args, &head)) TH_LOG("%s", row->name);
			n = xprivcmd_schema_ranges(op, args, want);
			ASSERT_EQ(n, quick_ranges(q, args, got)) TH_LOG("%s", row->name);
			for (i = 0; i < n; i++) {
				EXPECT_TRUE(want[i].addr == got[i].addr &&
					    want[i].len == got[i].len &&
					    want[i].arg == got[i].arg &&
					    want[i].access == got[i].access &&
					    want[i].required == got[i].required)
					TH_LOG("%s: pointer %u", row->name, i);
			}
		}
	}
	EXPECT_LT(20, pairs);
}

/* What the index holds, and what it must leave to the full decision. */
TEST(quick_pairs_examples)
{
	static const struct {
		u64 op, cmd;
		int nr_ranges;	/* -1: not indexed */
	} pairs[] = {
		{ __HYPERVISOR_xen_version, XENVER_version, 0 },
		{ __HYPERVISOR_xen_version, XENVER_extraversion, 1 },
		{ __HYPERVISOR_xen_version, XENVER_build_id, -1 },	/* varbuf */
		{ __HYPERVISOR_sched_op, SCHEDOP_yield, 0 },
		{ __HYPERVISOR_sysctl, 0, -1 },				/* in memory */
		{ __HYPERVISOR_domctl, 0, -1 },
		{ __HYPERVISOR_sched_op_compat, SCHEDOP_yield, -1 },	/* alias */
		{ __HYPERVISOR_mmu_update, 0, -1 },			/* frames */
		{ __HYPERVISOR_multicall, 0, -1 },			/* its list */
		{ __HYPERVISOR_memory_op, XENMEM_add_to_physmap_batch, -1 },
		{ __HYPERVISOR_memory_op, XENMEM_populate_physmap, -1 },	/* domain */
		{ __HYPERVISOR_event_channel_op, EVTCHNOP_alloc_unbound, -1 },
		{ XPRIVCMD_NR_HYPERCALLS, 0, -1 },
	};
	struct xprivcmd_range r[XPRIVCMD_MAX_PTRS];
	u64 args[XPRIVCMD_NR_ARGS], c;
	unsigned int i;

	xprivcmd_verdicts_index();
	xprivcmd_nested_index();
	xprivcmd_quick_index();
	for (i = 0; i < ARRAY_SIZE(pairs); i++) {
		const struct xprivcmd_quick *q;

		quick_args(xprivcmd_schema_op(pairs[i].op), pairs[i].cmd, args);
		q = xprivcmd_quick(pairs[i].op, args, &c);
		if (pairs[i].nr_ranges < 0) {
			EXPECT_EQ(NULL, q) TH_LOG("op %llu cmd %llu", pairs[i].op, pairs[i].cmd);
			continue;
		}
		ASSERT_NE(NULL, q) TH_LOG("op %llu cmd %llu", pairs[i].op, pairs[i].cmd);
		EXPECT_EQ(pairs[i].nr_ranges, quick_ranges(q, args, r));
	}
	/* XENVER_extraversion: Xen writes its 16 bytes at arg1. */
	quick_args(xprivcmd_schema_op(__HYPERVISOR_xen_version), XENVER_extraversion, args);
	ASSERT_EQ(1, quick_ranges(xprivcmd_quick(__HYPERVISOR_xen_version, args, &c),
					   args, r));
	EXPECT_EQ(1, r[0].arg);
	EXPECT_EQ(sizeof(xen_extraversion_t), r[0].len);
	EXPECT_EQ(XPRIVCMD_OUT, r[0].access);
}

/*
 * A bare structure (xprivcmd_quick_bare()) is one whose decision would find
 * nothing in it to check: no guest handle in the layout of any interface
 * version a row names, no frame.
 */
TEST(quick_bare_structures_hold_no_reference)
{
	unsigned int op, i, bare = 0;

	xprivcmd_verdicts_index();
	xprivcmd_nested_index();
	xprivcmd_quick_index();
	for (op = 0; op < XPRIVCMD_NR_HYPERCALLS + 2; op++) {
		const struct xprivcmd_class_table *t = xprivcmd_class_table(op);

		for (i = 0; t && i < t->nr; i++) {
			const struct xprivcmd_class *row = &t->rows[i];

			if (!xprivcmd_quick_bare(op, row->cmd))
				continue;
			bare++;
			EXPECT_FALSE(xprivcmd_has_nested(op, row->iv, row->cmd)) TH_LOG("%s", row->name);
			EXPECT_FALSE(row->iv2 && xprivcmd_has_nested(op, row->iv2, row->cmd))
				TH_LOG("%s", row->name);
			EXPECT_FALSE(xprivcmd_schema_frames_copy(op, row->cmd)) TH_LOG("%s", row->name);
		}
	}
	EXPECT_LT(50, bare);
	EXPECT_TRUE(xprivcmd_quick_bare(__HYPERVISOR_sysctl, XEN_SYSCTL_physinfo));
	EXPECT_FALSE(xprivcmd_quick_bare(__HYPERVISOR_sysctl, XEN_SYSCTL_readconsole));
	EXPECT_FALSE(xprivcmd_quick_bare(__HYPERVISOR_mmu_update, 0));
	EXPECT_FALSE(xprivcmd_quick_bare(__HYPERVISOR_memory_op, XENMEM_acquire_resource));
	EXPECT_FALSE(xprivcmd_quick_bare(__HYPERVISOR_sysctl, XPRIVCMD_QUICK_CMDS));
	EXPECT_FALSE(xprivcmd_quick_bare(XPRIVCMD_NR_HYPERCALLS, 0));
}

TEST(reasons_complete)
{
	unsigned int r, s;

	for (r = 1; r < XPRIVCMD_NR_REASONS; r++) {
		const struct xprivcmd_reason_info *i = xprivcmd_reason(r);

		ASSERT_TRUE(i->id && i->log && i->explain) TH_LOG("reason %u", r);
		EXPECT_NE(0, i->err) TH_LOG("%s", i->id);
		for (s = 1; s < r; s++)
			EXPECT_STRNE(i->id, xprivcmd_reason(s)->id);
	}
	EXPECT_EQ(EACCES, xprivcmd_reason(XPRIVCMD_REASON_UNMODELLED)->err);
	EXPECT_EQ(EPERM, xprivcmd_reason(XPRIVCMD_REASON_OWN_DOMAIN)->err);
	EXPECT_STREQ("unknown", xprivcmd_reason(XPRIVCMD_NR_REASONS)->id);
}

TEST_HARNESS_MAIN
