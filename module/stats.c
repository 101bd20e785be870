// SPDX-License-Identifier: GPL-2.0-only
/*
 * Per-hypercall counters and latency histograms, in debugfs under xprivcmd/.
 *
 * Counters are per CPU so that the hot path takes no lock and shares no
 * cache line; a reader sums them, and may see a call counted in one column
 * and not yet in another, which is fine for statistics.  Timing costs two
 * clock reads per call, so it is off unless the latency_stats parameter (or
 * the hypercall tracepoint) asks for it; off, it is a patched-out branch.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/log2.h>
#include <linux/moduleparam.h>
#include <linux/percpu.h>
#include <linux/seq_file.h>

#include "xprivcmd.h"
#include "schema.h"

/*
 * Bucket n counts calls that took [2^n, 2^(n+1)) ns; the last (4 s and up)
 * is open.  u32 counts keep the table at 16 KiB a CPU, under the per-CPU
 * allocator's 32 KiB limit; they wrap after 4G calls of one op on one CPU.
 */
#define LAT_BUCKETS	32
struct xprivcmd_latency {
	u32 hist[XPRIVCMD_NR_HYPERCALLS][LAT_BUCKETS];
};

struct xprivcmd_counters __percpu *xprivcmd_counters __read_mostly;
static struct xprivcmd_latency __percpu *latency;
static struct dentry *debugfs_dir;

DEFINE_STATIC_KEY_FALSE(xprivcmd_timing_key);

static int latency_param_set(const char *val, const struct kernel_param *kp)
{
	bool on;
	int ret = kstrtobool(val, &on);

	if (ret)
		return ret;
	if (on && !static_key_enabled(&xprivcmd_timing_key))
		static_branch_enable(&xprivcmd_timing_key);
	else if (!on && static_key_enabled(&xprivcmd_timing_key))
		static_branch_disable(&xprivcmd_timing_key);
	return 0;
}

static int latency_param_get(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%c\n",
		       static_key_enabled(&xprivcmd_timing_key) ? 'Y' : 'N');
}

static const struct kernel_param_ops latency_param_ops = {
	.set = latency_param_set,
	.get = latency_param_get,
};
module_param_cb(latency_stats, &latency_param_ops, NULL, 0644);
MODULE_PARM_DESC(latency_stats,
		 "Time every hypercall into per-op log2 histograms (debugfs xprivcmd/latency)");

/* A clock that did not tick during the call still timed it: bucket 0. */
void xprivcmd_stats_latency(u64 op, u64 ns)
{
	unsigned int bucket = ns ? min(ilog2(ns), LAT_BUCKETS - 1) : 0;

	this_cpu_inc(latency->hist[op][bucket]);
}

void xprivcmd_stats_rejected(u64 op, unsigned int reason)
{
	if (op < XPRIVCMD_NR_HYPERCALLS)
		this_cpu_inc(xprivcmd_counters->rejected[op]);
	else
		this_cpu_inc(xprivcmd_counters->rejected_out_of_range);
	this_cpu_inc(xprivcmd_counters->reasons[reason]);
}

static u64 sum(size_t offset)
{
	u64 total = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		total += *(u64 *)((char *)per_cpu_ptr(xprivcmd_counters, cpu) + offset);
	return total;
}

#define SUM(field) sum(offsetof(struct xprivcmd_counters, field))

/*
 * One line per hypercall that has been seen:
 *	<op> <name> issued <n> failed <n> rejected <n>
 * then one line per rejection reason and per errno Xen returned.
 */
static int stats_show(struct seq_file *m, void *v)
{
	unsigned int op, r, e;

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
	for (e = 1; e <= XPRIVCMD_NR_ERRNOS; e++) {
		u64 n = SUM(errnos[e]);

		if (n)
			seq_printf(m, "errno %u%s %llu\n", e,
				   e == XPRIVCMD_NR_ERRNOS ? "+" : "", n);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(stats);

static u64 latency_sum(unsigned int op, unsigned int bucket)
{
	u64 total = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		total += per_cpu_ptr(latency, cpu)->hist[op][bucket];
	return total;
}

/* One line per timed hypercall: <op> <name> then "<log2 ns>:<count>" pairs. */
static int latency_show(struct seq_file *m, void *v)
{
	unsigned int op, b;

	for (op = 0; op < XPRIVCMD_NR_HYPERCALLS; op++) {
		bool any = false;

		for (b = 0; b < LAT_BUCKETS; b++) {
			u64 n = latency_sum(op, b);

			if (!n)
				continue;
			if (!any)
				seq_printf(m, "%u %s", op, xprivcmd_op_name(op));
			seq_printf(m, " %u:%llu", b, n);
			any = true;
		}
		if (any)
			seq_putc(m, '\n');
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(latency);

int xprivcmd_stats_init(void)
{
	xprivcmd_counters = alloc_percpu(struct xprivcmd_counters);
	latency = alloc_percpu(struct xprivcmd_latency);
	if (!xprivcmd_counters || !latency) {
		free_percpu(xprivcmd_counters);
		free_percpu(latency);
		return -ENOMEM;
	}

	/* Statistics are optional: a failure here leaves them unreadable. */
	debugfs_dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	debugfs_create_file("stats", 0400, debugfs_dir, NULL, &stats_fops);
	debugfs_create_file("latency", 0400, debugfs_dir, NULL, &latency_fops);
	return 0;
}

void xprivcmd_stats_exit(void)
{
	debugfs_remove(debugfs_dir);
	free_percpu(latency);
	free_percpu(xprivcmd_counters);
}
