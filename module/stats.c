// SPDX-License-Identifier: GPL-2.0-only
/*
 * Per-hypercall counters, in debugfs as xprivcmd/stats.
 *
 * Counters are per CPU so that the hot path takes no lock and shares no
 * cache line; a reader sums them, and may see a call counted in one column
 * and not yet in another, which is fine for statistics.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/percpu.h>
#include <linux/seq_file.h>

#include "xprivcmd.h"
#include "schema.h"

struct xprivcmd_counters {
	u64 issued[XPRIVCMD_NR_HYPERCALLS];
	u64 failed[XPRIVCMD_NR_HYPERCALLS];	/* Xen returned an error */
	u64 rejected[XPRIVCMD_NR_HYPERCALLS];	/* refused before Xen */
	u64 reasons[XPRIVCMD_NR_REASONS];
	u64 rejected_out_of_range;		/* op >= NR_HYPERCALLS */
};

static struct xprivcmd_counters __percpu *counters;
static struct dentry *debugfs_dir;

void xprivcmd_stats_issued(u64 op, long ret)
{
	/* Only ops below XPRIVCMD_NR_HYPERCALLS are ever issued. */
	this_cpu_inc(counters->issued[op]);
	if (ret < 0)
		this_cpu_inc(counters->failed[op]);
}

void xprivcmd_stats_rejected(u64 op, unsigned int reason)
{
	if (op < XPRIVCMD_NR_HYPERCALLS)
		this_cpu_inc(counters->rejected[op]);
	else
		this_cpu_inc(counters->rejected_out_of_range);
	this_cpu_inc(counters->reasons[reason]);
}

static u64 sum(size_t offset)
{
	u64 total = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		total += *(u64 *)((char *)per_cpu_ptr(counters, cpu) + offset);
	return total;
}

#define SUM(field) sum(offsetof(struct xprivcmd_counters, field))

/*
 * One line per hypercall that has been seen:
 *	<op> <name> issued <n> failed <n> rejected <n>
 * then one line per rejection reason.
 */
static int stats_show(struct seq_file *m, void *v)
{
	unsigned int op, r;

	for (op = 0; op < XPRIVCMD_NR_HYPERCALLS; op++) {
		u64 issued = SUM(issued[op]);
		u64 rejected = SUM(rejected[op]);

		if (!issued && !rejected)
			continue;
		seq_printf(m, "%u %s issued %llu failed %llu rejected %llu\n",
			   op, xprivcmd_op_name(op), issued, SUM(failed[op]),
			   rejected);
	}
	seq_printf(m, "out-of-range rejected %llu\n",
		   SUM(rejected_out_of_range));
	for (r = 1; r < XPRIVCMD_NR_REASONS; r++)
		seq_printf(m, "reason %u %llu %s\n", r, SUM(reasons[r]),
			   xprivcmd_reason_name(r));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(stats);

int xprivcmd_stats_init(void)
{
	counters = alloc_percpu(struct xprivcmd_counters);
	if (!counters)
		return -ENOMEM;

	/* Statistics are optional: a failure here leaves them unreadable. */
	debugfs_dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	debugfs_create_file("stats", 0400, debugfs_dir, NULL, &stats_fops);
	return 0;
}

void xprivcmd_stats_exit(void)
{
	debugfs_remove(debugfs_dir);
	free_percpu(counters);
}
