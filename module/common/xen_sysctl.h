/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen's names for the sysctl sub-commands and the sub-sub-commands the
 * verdicts tell apart, spelled and valued as in Xen 4.17's public
 * sysctl.h (interface 0x15), so that a test that includes both sees any
 * difference as a redefinition.
 */
#ifndef XPRIVCMD_XEN_SYSCTL_H
#define XPRIVCMD_XEN_SYSCTL_H

#include "portability.h"

#define XEN_SYSCTL_INTERFACE_VERSION 0x00000015

#define XEN_SYSCTL_readconsole			1
#define XEN_SYSCTL_tbuf_op			2
#define XEN_SYSCTL_physinfo			3
#define XEN_SYSCTL_sched_id			4
#define XEN_SYSCTL_perfc_op			5
#define XEN_SYSCTL_getdomaininfolist		6
#define XEN_SYSCTL_debug_keys			7
#define XEN_SYSCTL_getcpuinfo			8
#define XEN_SYSCTL_availheap			9
#define XEN_SYSCTL_get_pmstat			10
#define XEN_SYSCTL_cpu_hotplug			11
#define XEN_SYSCTL_pm_op			12
#define XEN_SYSCTL_page_offline_op		14
#define XEN_SYSCTL_lockprof_op			15
#define XEN_SYSCTL_cputopoinfo			16
#define XEN_SYSCTL_numainfo			17
#define XEN_SYSCTL_cpupool_op			18
#define XEN_SYSCTL_scheduler_op			19
#define XEN_SYSCTL_coverage_op			20
#define XEN_SYSCTL_psr_cmt_op			21
#define XEN_SYSCTL_pcitopoinfo			22
#define XEN_SYSCTL_psr_alloc			23
#define XEN_SYSCTL_get_cpu_levelling_caps	25
#define XEN_SYSCTL_get_cpu_featureset		26
#define XEN_SYSCTL_livepatch_op			27
#define XEN_SYSCTL_get_cpu_policy		29

/* XEN_SYSCTL_tbuf_op */
#define XEN_SYSCTL_TBUFOP_get_info	0
#define XEN_SYSCTL_TBUFOP_set_cpu_mask	1
#define XEN_SYSCTL_TBUFOP_set_evt_mask	2
#define XEN_SYSCTL_TBUFOP_set_size	3
#define XEN_SYSCTL_TBUFOP_enable	4
#define XEN_SYSCTL_TBUFOP_disable	5

/* XEN_SYSCTL_perfc_op */
#define XEN_SYSCTL_PERFCOP_reset	1
#define XEN_SYSCTL_PERFCOP_query	2

/* XEN_SYSCTL_get_pmstat */
#define PMSTAT_PX		0x10
#define PMSTAT_CX		0x20
#define PMSTAT_get_max_px	(PMSTAT_PX | 0x1)
#define PMSTAT_get_pxstat	(PMSTAT_PX | 0x2)
#define PMSTAT_reset_pxstat	(PMSTAT_PX | 0x3)
#define PMSTAT_get_max_cx	(PMSTAT_CX | 0x1)
#define PMSTAT_get_cxstat	(PMSTAT_CX | 0x2)
#define PMSTAT_reset_cxstat	(PMSTAT_CX | 0x3)

/* XEN_SYSCTL_pm_op */
#define CPUFREQ_PARA		0x10
#define GET_CPUFREQ_PARA	(CPUFREQ_PARA | 0x01)
#define SET_CPUFREQ_GOV		(CPUFREQ_PARA | 0x02)
#define SET_CPUFREQ_PARA	(CPUFREQ_PARA | 0x03)
#define GET_CPUFREQ_AVGFREQ	(CPUFREQ_PARA | 0x04)
#define XEN_SYSCTL_pm_op_set_sched_opt_smt		0x21
#define XEN_SYSCTL_pm_op_get_max_cstate			0x22
#define XEN_SYSCTL_pm_op_set_max_cstate			0x23
#define XEN_SYSCTL_pm_op_set_vcpu_migration_delay	0x24
#define XEN_SYSCTL_pm_op_get_vcpu_migration_delay	0x25
#define XEN_SYSCTL_pm_op_enable_turbo			0x26
#define XEN_SYSCTL_pm_op_disable_turbo			0x27

/* XEN_SYSCTL_lockprof_op */
#define XEN_SYSCTL_LOCKPROF_reset	1
#define XEN_SYSCTL_LOCKPROF_query	2

/* XEN_SYSCTL_cpupool_op */
#define XEN_SYSCTL_CPUPOOL_OP_CREATE		1
#define XEN_SYSCTL_CPUPOOL_OP_DESTROY		2
#define XEN_SYSCTL_CPUPOOL_OP_INFO		3
#define XEN_SYSCTL_CPUPOOL_OP_ADDCPU		4
#define XEN_SYSCTL_CPUPOOL_OP_RMCPU		5
#define XEN_SYSCTL_CPUPOOL_OP_MOVEDOMAIN	6
#define XEN_SYSCTL_CPUPOOL_OP_FREEINFO		7

/* XEN_SYSCTL_scheduler_op: the scheduler (public domctl.h) */
#define XEN_SCHEDULER_ARINC653	7

/* XEN_SYSCTL_coverage_op */
#define XEN_SYSCTL_COVERAGE_get_size	0
#define XEN_SYSCTL_COVERAGE_read	1
#define XEN_SYSCTL_COVERAGE_reset	2

/* XEN_SYSCTL_livepatch_op */
#define XEN_SYSCTL_LIVEPATCH_UPLOAD	0
#define XEN_SYSCTL_LIVEPATCH_GET	1
#define XEN_SYSCTL_LIVEPATCH_LIST	2
#define XEN_SYSCTL_LIVEPATCH_ACTION	3

#endif /* XPRIVCMD_XEN_SYSCTL_H */
