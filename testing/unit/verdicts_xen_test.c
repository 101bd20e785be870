// SPDX-License-Identifier: GPL-2.0-only
/*
 * The sysctl, platform_op, mca and miscellaneous verdict rows against Xen's
 * public headers (libxen-dev).  Xen's headers come first, then ours: built
 * with -Werror, a name of ours valued or spelled differently from Xen's is
 * a "redefined" error.  The rows are unique per (interface version,
 * sub-command, sub-sub-command), a sub-command's default row comes after
 * its specific ones, and the offsets rows read are Xen's fields.
 */
#define __XEN_TOOLS__ 1
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <xen/xen.h>
#include <xen/sysctl.h>
#include <xen/domctl.h>
#include <xen/platform.h>
#include <xen/arch-x86/xen-mca.h>
#include <xen/physdev.h>
#include <xen/hvm/hvm_op.h>
#include <xen/kexec.h>
#include <xen/argo.h>
#include <xen/pmu.h>
#include <xen/hypfs.h>
#include <xen/xenoprof.h>

#include "xen_sysctl.h"
#include "xen_platform.h"
#include "xen_misc.h"
#include "verdicts.h"
#include "schema_internal.h"
#include "kselftest_harness.h"

static const struct xprivcmd_class_table * const mine[] = {
	&xprivcmd_sysctl_classes, &xprivcmd_platform_op_classes,
	&xprivcmd_mca_classes, &xprivcmd_physdev_op_classes,
	&xprivcmd_hvm_op_classes, &xprivcmd_xsm_op_classes,
	&xprivcmd_kexec_op_classes, &xprivcmd_argo_op_classes,
	&xprivcmd_xenpmu_op_classes, &xprivcmd_hypfs_op_classes,
	&xprivcmd_xenoprof_op_classes, &xprivcmd_tmem_op_classes,
};

#define NR(a) (sizeof(a) / sizeof((a)[0]))

static bool same_key(const struct xprivcmd_class *a, const struct xprivcmd_class *b)
{
	return a->iv == b->iv && a->cmd == b->cmd && a->sub_off == b->sub_off &&
	       a->sub_mask == b->sub_mask && a->sub == b->sub;
}

TEST(rows_unique_and_ordered)
{
	unsigned int t, i, j;

	for (t = 0; t < NR(mine); t++) {
		const struct xprivcmd_class_table *tab = mine[t];

		EXPECT_EQ(tab, xprivcmd_class_table(tab->op));
		for (i = 0; i < tab->nr; i++) {
			const struct xprivcmd_class *r = &tab->rows[i];

			ASSERT_NE(NULL, r->name);
			/* A reason exactly when refused. */
			EXPECT_EQ(r->verdict == XPRIVCMD_V_REFUSED, r->reason != 0)
				TH_LOG("%s", r->name);
			for (j = i + 1; j < tab->nr; j++) {
				const struct xprivcmd_class *s = &tab->rows[j];

				EXPECT_FALSE(same_key(r, s))
					TH_LOG("op %u: %s rows %u and %u", tab->op,
					       r->name, i, j);
				/* A default row would hide the specific one after it. */
				if (r->iv == s->iv && r->cmd == s->cmd) {
					EXPECT_TRUE(r->has_sub)
						TH_LOG("op %u: %s default before row %u",
						       tab->op, r->name, j);
				}
			}
		}
	}
}

/* A CHECKED sub-command has its handles in nested[]. */
TEST(checked_rows_have_nested_handles)
{
	unsigned int t, i;

	for (t = 0; t < NR(mine); t++)
		for (i = 0; i < mine[t]->nr; i++) {
			const struct xprivcmd_class *r = &mine[t]->rows[i];

			if (r->verdict != XPRIVCMD_V_CHECKED)
				continue;
			EXPECT_TRUE(xprivcmd_has_nested(mine[t]->op, r->iv, r->cmd))
				TH_LOG("%s", r->name);
		}
}

static const struct xprivcmd_class *sc(struct xen_sysctl *s)
{
	return xprivcmd_classify(__HYPERVISOR_sysctl, s->interface_version, s->cmd,
				 s, sizeof(*s));
}

static void init_sysctl(struct xen_sysctl *s, unsigned int cmd)
{
	memset(s, 0, sizeof(*s));
	s->cmd = cmd;
	s->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
}

/* Sub-sub-commands and domains at Xen's offsets, set through its names. */
TEST(sysctl_rows_read_xen_fields)
{
	const struct xprivcmd_class *c;
	struct xen_sysctl s;

	init_sysctl(&s, XEN_SYSCTL_get_pmstat);
	s.u.get_pmstat.type = PMSTAT_get_pxstat;
	c = sc(&s);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, c->verdict);
	s.u.get_pmstat.type = PMSTAT_get_max_px;
	c = sc(&s);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_NOREF, c->verdict);
	s.u.get_pmstat.type = 0x99;
	EXPECT_EQ(NULL, sc(&s));

	init_sysctl(&s, XEN_SYSCTL_cpupool_op);
	s.u.cpupool_op.op = XEN_SYSCTL_CPUPOOL_OP_MOVEDOMAIN;
	c = sc(&s);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(offsetof(struct xen_sysctl, u.cpupool_op.domid), c->dom);
	EXPECT_FALSE(c->flags & XPRIVCMD_VF_SELF_OK);
	s.u.cpupool_op.op = XEN_SYSCTL_CPUPOOL_OP_INFO;
	c = sc(&s);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, c->verdict);
	EXPECT_FALSE(c->has_dom);

	init_sysctl(&s, XEN_SYSCTL_scheduler_op);
	s.u.scheduler_op.sched_id = XEN_SCHEDULER_ARINC653;
	c = sc(&s);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, c->verdict);
	s.u.scheduler_op.sched_id = XEN_SCHEDULER_CREDIT2;
	c = sc(&s);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_NOREF, c->verdict);

	init_sysctl(&s, XEN_SYSCTL_pm_op);
	s.u.pm_op.cmd = GET_CPUFREQ_PARA;
	c = sc(&s);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, c->verdict);
	init_sysctl(&s, XEN_SYSCTL_livepatch_op);
	s.u.livepatch.cmd = XEN_SYSCTL_LIVEPATCH_LIST;
	c = sc(&s);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, c->verdict);

	/* Another interface version has no rows. */
	init_sysctl(&s, XEN_SYSCTL_physinfo);
	EXPECT_NE(NULL, sc(&s));
	s.interface_version++;
	EXPECT_EQ(NULL, sc(&s));
}

static const struct xprivcmd_class *pf(struct xen_platform_op *p)
{
	return xprivcmd_classify(__HYPERVISOR_platform_op, p->interface_version,
				 p->cmd, p, sizeof(*p));
}

TEST(platform_and_mca_rows_read_xen_fields)
{
	const struct xprivcmd_class *c;
	struct xen_platform_op p;
	struct xen_mc m;

	memset(&p, 0, sizeof(p));
	p.interface_version = XENPF_INTERFACE_VERSION;
	p.cmd = XENPF_firmware_info;
	p.u.firmware_info.type = XEN_FW_EFI_INFO;
	c = pf(&p);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_UNMODELLED, c->verdict);
	p.u.firmware_info.type = XEN_FW_DISK_INFO;
	c = pf(&p);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, c->verdict);

	p.cmd = XENPF_efi_runtime_call;
	p.u.efi_runtime_call.function = XEN_EFI_get_variable;
	c = pf(&p);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_UNMODELLED, c->verdict);
	p.u.efi_runtime_call.function = XEN_EFI_get_time;
	c = pf(&p);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_NOREF, c->verdict);

	memset(&p, 0, sizeof(p));
	p.interface_version = XENPF_INTERFACE_VERSION;
	p.cmd = XENPF_set_processor_pminfo;
	p.u.set_pminfo.type = XEN_PM_CX;
	c = pf(&p);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_UNMODELLED, c->verdict);
	p.u.set_pminfo.type = XEN_PM_PX;
	c = pf(&p);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, c->verdict);

	p.cmd = XENPF_get_symbol;
	c = pf(&p);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, c->verdict);

	memset(&m, 0, sizeof(m));
	m.cmd = XEN_MC_msrinject;
	m.interface_version = XEN_MCA_INTERFACE_VERSION;
	c = xprivcmd_classify(__HYPERVISOR_mca, m.interface_version, m.cmd, &m, sizeof(m));
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_UNMODELLED, c->verdict);
	m.cmd = XEN_MC_fetch;
	c = xprivcmd_classify(__HYPERVISOR_mca, m.interface_version, m.cmd, &m, sizeof(m));
	ASSERT_NE(NULL, c);
	EXPECT_EQ(XPRIVCMD_V_CHECKED, c->verdict);
}

static const struct xprivcmd_class *misc(unsigned int op, unsigned int cmd)
{
	return xprivcmd_classify(op, 0, cmd, NULL, 0);
}

TEST(misc_rows)
{
	static const struct { unsigned int op, cmd, verdict, reason; } want[] = {
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, XPRIVCMD_V_REFUSED,
		  XPRIVCMD_REASON_KERNEL_STATE },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_set_iobitmap, XPRIVCMD_V_REFUSED,
		  XPRIVCMD_REASON_KERNEL_STATE },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_pirq_eoi_gmfn_v1, XPRIVCMD_V_REFUSED,
		  XPRIVCMD_REASON_OWN_TABLES },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_pirq_eoi_gmfn_v2, XPRIVCMD_V_REFUSED,
		  XPRIVCMD_REASON_OWN_TABLES },
		{ __HYPERVISOR_physdev_op, PHYSDEVOP_map_pirq, XPRIVCMD_V_NOREF, 0 },
		{ __HYPERVISOR_hvm_op, HVMOP_pagetable_dying, XPRIVCMD_V_REFUSED,
		  XPRIVCMD_REASON_OWN_TABLES },
		{ __HYPERVISOR_hvm_op, HVMOP_set_evtchn_upcall_vector, XPRIVCMD_V_REFUSED,
		  XPRIVCMD_REASON_KERNEL_STATE },
		{ __HYPERVISOR_hvm_op, HVMOP_altp2m, XPRIVCMD_V_UNMODELLED, 0 },
		{ __HYPERVISOR_xenpmu_op, XENPMU_init, XPRIVCMD_V_REFUSED,
		  XPRIVCMD_REASON_OWN_TABLES },
		{ __HYPERVISOR_argo_op, XEN_ARGO_OP_register_ring, XPRIVCMD_V_REFUSED,
		  XPRIVCMD_REASON_OWN_TABLES },
		{ __HYPERVISOR_hypfs_op, XEN_HYPFS_OP_read, XPRIVCMD_V_NOREF, 0 },
		{ __HYPERVISOR_kexec_op, KEXEC_CMD_kexec_load, XPRIVCMD_V_UNMODELLED, 0 },
	};
	const struct xprivcmd_class *c;
	unsigned int i;

	for (i = 0; i < NR(want); i++) {
		c = misc(want[i].op, want[i].cmd);
		ASSERT_NE(NULL, c) TH_LOG("op %u cmd %u", want[i].op, want[i].cmd);
		EXPECT_EQ(want[i].verdict, c->verdict) TH_LOG("%s", c->name);
		EXPECT_EQ(want[i].reason, c->reason) TH_LOG("%s", c->name);
	}

	/* Domains in the structure arg1 points to, at Xen's offsets. */
	c = misc(__HYPERVISOR_physdev_op, PHYSDEVOP_map_pirq);
	EXPECT_EQ(offsetof(struct physdev_map_pirq, domid), c->dom);
	EXPECT_FALSE(c->flags & XPRIVCMD_VF_SELF_OK);
	c = misc(__HYPERVISOR_physdev_op, PHYSDEVOP_unmap_pirq);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(offsetof(struct physdev_unmap_pirq, domid), c->dom);
	c = misc(__HYPERVISOR_hvm_op, HVMOP_set_param);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(offsetof(struct xen_hvm_param, domid), c->dom);
	EXPECT_FALSE(c->flags & XPRIVCMD_VF_SELF_OK);
	c = misc(__HYPERVISOR_hvm_op, HVMOP_get_param);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(offsetof(struct xen_hvm_param, domid), c->dom);
	EXPECT_TRUE(c->flags & XPRIVCMD_VF_SELF_OK);
	c = misc(__HYPERVISOR_hvm_op, HVMOP_get_mem_type);
	ASSERT_NE(NULL, c);
	EXPECT_EQ(offsetof(struct xen_hvm_get_mem_type, domid), c->dom);

	/* No rows: unmodelled. */
	EXPECT_EQ(NULL, misc(__HYPERVISOR_xsm_op, 0));
	EXPECT_EQ(NULL, misc(__HYPERVISOR_tmem_op, 0));
	EXPECT_EQ(NULL, misc(__HYPERVISOR_physdev_op, 18));
}

TEST_HARNESS_MAIN
