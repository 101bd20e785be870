// SPDX-License-Identifier: GPL-2.0-only
/*
 * Verdicts (see verdicts.h) on sysctl (Xen 4.17: XEN_SYSCTL_INTERFACE_VERSION 0x15).
 *
 * Sources: xen/common/sysctl.c:do_sysctl() and what it calls, and for the
 * x86-only sub-commands xen/arch/x86/sysctl.c:arch_do_sysctl() (Arm's
 * answers -ENOSYS to all of them).  No sysctl names a domain except
 * cpupool_op's MOVEDOMAIN; none acts on the calling kernel's memory.  The
 * handles of the CHECKED ones are the sysctl rows of nested[]
 * (schema_nested.c).
 *
 * Xen 4.20 speaks the same version, 0x15, and these rows hold for it too,
 * with no need to know which Xen runs: reading Xen 4.20's source, no
 * sub-command of 4.17 follows a handle 4.17 does not, nor more of one.
 * get_cpufreq_para's governor fields moved into u.s, after the handles,
 * which kept their offsets and counts (4.20 skips the governors with the
 * HWP driver); get_pxstat's trans_pt is copied min(total, count)^2 now,
 * within what the start-only check covers; livepatch's pad became flags
 * (LIVEPATCH_FLAG_FORCE); the XSM checks of readconsole and
 * page_offline moved into xsm_sysctl(), which now takes the whole op.
 * What 4.18-4.20 added stays unmodelled, so refused: pm_op's
 * SET_CPUFREQ_CPPC (parameters in the structure, but unread here) and
 * Arm's dt_overlay (30), whose overlay adds device nodes whose "reg"
 * ranges domctl dt_overlay then maps into a domain.
 */
#include "verdicts.h"
#include "xen_sysctl.h"

#define IV	XEN_SYSCTL_INTERFACE_VERSION
/* The union starts after cmd and interface_version. */
#define SU	8
/* A sub-sub-command: the u32 at @off of the union. */
#define SUBCMD(off, val)	XPRIVCMD_SUB(SU + (off), ~0U, (val))

static const struct xprivcmd_class sysctl_rows[] = {
	/* common/sysctl.c: read_console_ring(): count bytes to buffer */
	CHECKED(IV, XEN_SYSCTL_readconsole),

	/* common/trace.c:tb_control(): only set_cpu_mask reads a handle */
	CHECKED(IV, XEN_SYSCTL_tbuf_op, SUBCMD(0, XEN_SYSCTL_TBUFOP_set_cpu_mask)),
	NOREF(IV, XEN_SYSCTL_tbuf_op, SUBCMD(0, XEN_SYSCTL_TBUFOP_get_info)),
	NOREF(IV, XEN_SYSCTL_tbuf_op, SUBCMD(0, XEN_SYSCTL_TBUFOP_set_evt_mask)),
	NOREF(IV, XEN_SYSCTL_tbuf_op, SUBCMD(0, XEN_SYSCTL_TBUFOP_set_size)),
	NOREF(IV, XEN_SYSCTL_tbuf_op, SUBCMD(0, XEN_SYSCTL_TBUFOP_enable)),
	NOREF(IV, XEN_SYSCTL_tbuf_op, SUBCMD(0, XEN_SYSCTL_TBUFOP_disable)),

	/* common/sysctl.c:do_sysctl(): fills the structure only */
	NOREF(IV, XEN_SYSCTL_physinfo),
	NOREF(IV, XEN_SYSCTL_sched_id),
	NOREF(IV, XEN_SYSCTL_availheap),

	/* common/perfc.c:perfc_control(): reset and query both copy out */
	CHECKED(IV, XEN_SYSCTL_perfc_op),

	/* common/sysctl.c:do_sysctl(): max_domains entries to buffer */
	CHECKED(IV, XEN_SYSCTL_getdomaininfolist),

	/* common/sysctl.c:do_sysctl(): nr_keys bytes from keys */
	CHECKED(IV, XEN_SYSCTL_debug_keys),

	/* common/sysctl.c:do_sysctl(): at most max_cpus entries to info */
	CHECKED(IV, XEN_SYSCTL_getcpuinfo),

	/*
	 * drivers/acpi/pmstat.c:do_get_pm_info(): get_pxstat copies Xen's
	 * own state_count (squared) entries, whatever total says: only the
	 * start of its handles is checked (SZ_START in nested[]);
	 * arch/x86/acpi/cpu_idle.c:pmstat_get_cx_stat() copies at most the
	 * caller's nr, nr_pc and nr_cc entries.
	 */
	CHECKED(IV, XEN_SYSCTL_get_pmstat, SUBCMD(0, PMSTAT_get_pxstat)),
	CHECKED(IV, XEN_SYSCTL_get_pmstat, SUBCMD(0, PMSTAT_get_cxstat)),
	NOREF(IV, XEN_SYSCTL_get_pmstat, SUBCMD(0, PMSTAT_get_max_px)),
	NOREF(IV, XEN_SYSCTL_get_pmstat, SUBCMD(0, PMSTAT_reset_pxstat)),
	NOREF(IV, XEN_SYSCTL_get_pmstat, SUBCMD(0, PMSTAT_get_max_cx)),
	NOREF(IV, XEN_SYSCTL_get_pmstat, SUBCMD(0, PMSTAT_reset_cxstat)),

	/*
	 * drivers/acpi/pmstat.c:do_pm_op(): get_cpufreq_para() copies out
	 * exactly the caller's counts (-EAGAIN with Xen's when they differ);
	 * the others use the structure only (the migration delay ones end
	 * in -ENOSYS).
	 */
	CHECKED(IV, XEN_SYSCTL_pm_op, SUBCMD(0, GET_CPUFREQ_PARA)),
	NOREF(IV, XEN_SYSCTL_pm_op, SUBCMD(0, SET_CPUFREQ_GOV)),
	NOREF(IV, XEN_SYSCTL_pm_op, SUBCMD(0, SET_CPUFREQ_PARA)),
	NOREF(IV, XEN_SYSCTL_pm_op, SUBCMD(0, GET_CPUFREQ_AVGFREQ)),
	NOREF(IV, XEN_SYSCTL_pm_op, SUBCMD(0, XEN_SYSCTL_pm_op_set_sched_opt_smt)),
	NOREF(IV, XEN_SYSCTL_pm_op, SUBCMD(0, XEN_SYSCTL_pm_op_get_max_cstate)),
	NOREF(IV, XEN_SYSCTL_pm_op, SUBCMD(0, XEN_SYSCTL_pm_op_set_max_cstate)),
	NOREF(IV, XEN_SYSCTL_pm_op,
	      SUBCMD(0, XEN_SYSCTL_pm_op_set_vcpu_migration_delay)),
	NOREF(IV, XEN_SYSCTL_pm_op,
	      SUBCMD(0, XEN_SYSCTL_pm_op_get_vcpu_migration_delay)),
	NOREF(IV, XEN_SYSCTL_pm_op, SUBCMD(0, XEN_SYSCTL_pm_op_enable_turbo)),
	NOREF(IV, XEN_SYSCTL_pm_op, SUBCMD(0, XEN_SYSCTL_pm_op_disable_turbo)),

	/*
	 * common/sysctl.c:do_sysctl(): end - start + 1 statuses to status.
	 * Offlining marks machine frames, the caller's included, to be
	 * dropped once freed: their contents and mappings stay as they are
	 * (common/page_alloc.c:offline_page()).
	 */
	CHECKED(IV, XEN_SYSCTL_page_offline_op),

	/* common/spinlock.c:spinlock_profile_control(): query copies out */
	CHECKED(IV, XEN_SYSCTL_lockprof_op, SUBCMD(0, XEN_SYSCTL_LOCKPROF_query)),
	NOREF(IV, XEN_SYSCTL_lockprof_op, SUBCMD(0, XEN_SYSCTL_LOCKPROF_reset)),

	/* common/sysctl.c:do_sysctl(): at most num_cpus / num_nodes entries */
	CHECKED(IV, XEN_SYSCTL_cputopoinfo),
	CHECKED(IV, XEN_SYSCTL_numainfo),

	/*
	 * common/sched/cpupool.c:cpupool_do_sysctl(): INFO and FREEINFO
	 * write the cpumap; MOVEDOMAIN takes the domain with
	 * rcu_lock_remote_domain_by_id() (never the caller: -EPERM), its
	 * domid a u32 of which Xen keeps the low 16 bits.
	 */
	CHECKED(IV, XEN_SYSCTL_cpupool_op, SUBCMD(0, XEN_SYSCTL_CPUPOOL_OP_INFO)),
	CHECKED(IV, XEN_SYSCTL_cpupool_op, SUBCMD(0, XEN_SYSCTL_CPUPOOL_OP_FREEINFO)),
	NOREF(IV, XEN_SYSCTL_cpupool_op, SUBCMD(0, XEN_SYSCTL_CPUPOOL_OP_MOVEDOMAIN),
	      XPRIVCMD_DOM(SU + 12)),
	NOREF(IV, XEN_SYSCTL_cpupool_op, SUBCMD(0, XEN_SYSCTL_CPUPOOL_OP_CREATE)),
	NOREF(IV, XEN_SYSCTL_cpupool_op, SUBCMD(0, XEN_SYSCTL_CPUPOOL_OP_DESTROY)),
	NOREF(IV, XEN_SYSCTL_cpupool_op, SUBCMD(0, XEN_SYSCTL_CPUPOOL_OP_ADDCPU)),
	NOREF(IV, XEN_SYSCTL_cpupool_op, SUBCMD(0, XEN_SYSCTL_CPUPOOL_OP_RMCPU)),

	/*
	 * common/sched/core.c:sched_adjust_global(): only ARINC 653's
	 * a653sched_adjust_global() follows a handle (Xen calls it only
	 * when sched_id is the pool's scheduler); credit and credit2
	 * read and write the structure.
	 */
	CHECKED(IV, XEN_SYSCTL_scheduler_op, SUBCMD(4, XEN_SCHEDULER_ARINC653)),
	NOREF(IV, XEN_SYSCTL_scheduler_op),

	/*
	 * common/coverage/coverage.c:sysctl_cov_op(): read writes at most
	 * size bytes (gcov_dump_all() refuses a smaller buffer).
	 */
	CHECKED(IV, XEN_SYSCTL_coverage_op, SUBCMD(0, XEN_SYSCTL_COVERAGE_read)),
	NOREF(IV, XEN_SYSCTL_coverage_op, SUBCMD(0, XEN_SYSCTL_COVERAGE_get_size)),
	NOREF(IV, XEN_SYSCTL_coverage_op, SUBCMD(0, XEN_SYSCTL_COVERAGE_reset)),

	/* common/sysctl.c:do_sysctl(): num_devs entries from devs, to nodes */
	CHECKED(IV, XEN_SYSCTL_pcitopoinfo),

	/*
	 * common/livepatch.c:livepatch_op(): names of at most 128 bytes,
	 * the payload's size bytes, list's nr entries (metadata: Xen's
	 * length, start only).
	 */
	CHECKED(IV, XEN_SYSCTL_livepatch_op, SUBCMD(0, XEN_SYSCTL_LIVEPATCH_UPLOAD)),
	CHECKED(IV, XEN_SYSCTL_livepatch_op, SUBCMD(0, XEN_SYSCTL_LIVEPATCH_GET)),
	CHECKED(IV, XEN_SYSCTL_livepatch_op, SUBCMD(0, XEN_SYSCTL_LIVEPATCH_LIST)),
	CHECKED(IV, XEN_SYSCTL_livepatch_op, SUBCMD(0, XEN_SYSCTL_LIVEPATCH_ACTION)),

#ifdef CONFIG_X86
	/*
	 * arch/x86/sysctl.c:arch_do_sysctl(): CPU hotplug and the PSR and
	 * levelling queries use the structure only; the featureset and
	 * the policy copy out at most the caller's counts.
	 */
	NOREF(IV, XEN_SYSCTL_cpu_hotplug),
	NOREF(IV, XEN_SYSCTL_psr_cmt_op),
	NOREF(IV, XEN_SYSCTL_psr_alloc),
	NOREF(IV, XEN_SYSCTL_get_cpu_levelling_caps),
	CHECKED(IV, XEN_SYSCTL_get_cpu_featureset),
	CHECKED(IV, XEN_SYSCTL_get_cpu_policy),
#endif
};

const struct xprivcmd_class_table xprivcmd_sysctl_classes = {
	.op = 35,
	.rows = sysctl_rows,
	.nr = ARRAY_SIZE(sysctl_rows),
};
