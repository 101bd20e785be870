/* SPDX-License-Identifier: GPL-2.0-only */
/* Internal interfaces between the files of xprivcmd. */
#ifndef XPRIVCMD_H
#define XPRIVCMD_H

#include <linux/types.h>
#include <linux/compiler_types.h>
#include <linux/jump_label.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>

#include <uapi/xen/xprivcmd.h>

struct file;
struct xprivcmd_policy_rcu;

/**
 * struct xprivcmd_file - per-open state of the device
 * @lock: see below
 * @last: the last call refused on this fd, for XPRIVCMD_IOCTL_LAST_ERROR
 * @policy_lock: see below
 * @policy: the fd's narrowed policy, NULL until narrowed; read under RCU
 */
struct xprivcmd_file {
	spinlock_t lock;	/* protects @last from threads sharing the fd */
	struct xprivcmd_last_error last;
	struct mutex policy_lock;	/* serializes narrowing of @policy */
	struct xprivcmd_policy_rcu __rcu *policy;
};

/* hypercall.c */
long xprivcmd_ioctl_hypercall(struct file *file, void __user *udata);
const char *xprivcmd_reason_name(unsigned int reason);
long xprivcmd_ioctl_last_error(struct file *file, void __user *udata);

/* policy.c */
bool xprivcmd_policy_allowed(struct xprivcmd_file *xf, u64 op, u64 subop,
			     bool *known_interfaces);
long xprivcmd_ioctl_narrow(struct file *file, void __user *udata);
void xprivcmd_policy_file_exit(struct xprivcmd_file *xf);
void xprivcmd_policy_exit(void);

/* user_ops.c */
struct xprivcmd_range;
int xprivcmd_user_op_ranges(u64 op, const u64 *args,
			    struct xprivcmd_range *ranges);
void xprivcmd_user_op_name(u64 op, char *name);
void xprivcmd_user_ops_exit(void);

/* stats.c */
int xprivcmd_stats_init(void);
void xprivcmd_stats_exit(void);
void xprivcmd_stats_issued(u64 op, long ret);
void xprivcmd_stats_latency(u64 op, u64 ns);
void xprivcmd_stats_rejected(u64 op, unsigned int reason);

DECLARE_STATIC_KEY_FALSE(xprivcmd_timing_key);

/* Whether hypercalls are being timed for the latency histograms. */
static inline bool xprivcmd_stats_timing(void)
{
	return static_branch_unlikely(&xprivcmd_timing_key);
}

/* dev.c */
int xprivcmd_dev_init(const char *name);
void xprivcmd_dev_exit(void);

#endif /* XPRIVCMD_H */
