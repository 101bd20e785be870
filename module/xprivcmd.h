/* SPDX-License-Identifier: GPL-2.0-only */
/* Internal interfaces between the files of xprivcmd. */
#ifndef XPRIVCMD_H
#define XPRIVCMD_H

#include <linux/types.h>
#include <linux/compiler_types.h>
#include <linux/jump_label.h>
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>

#include <xen/interface/xen.h>
#include <xen/xen-ops.h>

#include <uapi/xen/xprivcmd.h>

struct attribute_group;
struct file;
struct inode;
struct xprivcmd_policy_rcu;
struct vm_area_struct;
struct xprivcmd_map;
struct page;

/*
 * The pointer fields of the privcmd ABI's structures, which the UAPI header
 * declares as plain pointers for the user programs that include it, as the
 * user pointers they are.
 */
#define uapi_user_ptr(p) ((void __user *)(uintptr_t)(p))

/**
 * struct xprivcmd_file - per-open state of the device
 * @lock: see below
 * @last: the last call refused on this fd, for XPRIVCMD_IOCTL_LAST_ERROR
 * @policy_lock: see below
 * @policy: the fd's narrowed policy, NULL until narrowed; read under RCU
 * @domid: the only domain this fd may act on, set once by
 *	IOCTL_PRIVCMD_RESTRICT; DOMID_INVALID while unrestricted
 */
struct xprivcmd_file {
	spinlock_t lock;	/* protects @last and writes of @domid */
	struct xprivcmd_last_error last;
	struct mutex policy_lock;	/* serializes narrowing of @policy */
	struct xprivcmd_policy_rcu __rcu *policy;
	u16 domid;
};

/* self.c */
struct xprivcmd_caller;
void xprivcmd_self_init(void);
void xprivcmd_self_exit(void);
bool xprivcmd_names_self(u16 dom);

/* restrict.c */
void xprivcmd_restrict_init(void);
void xprivcmd_restrict_exit(void);
int xprivcmd_restrict_open(struct xprivcmd_file *xf);
long xprivcmd_ioctl_restrict(struct file *file, void __user *udata);
bool xprivcmd_is_restricted(struct file *file);
bool xprivcmd_may_use_domain(struct file *file, u16 dom);

/* Once set, @domid never changes again: a lockless read is enough. */
static inline bool xprivcmd_file_restricted(const struct xprivcmd_file *xf)
{
	return READ_ONCE(xf->domid) != DOMID_INVALID;
}

/* dm_op.c */
long xprivcmd_ioctl_dm_op(struct file *file, void __user *udata);
long xprivcmd_dm_op(struct file *file, u16 dom, u16 num,
		    const void __user *ubufs, bool compat);
unsigned int xprivcmd_dm_op_buf_max_size(void);

/*
 * mmap.c: the device's mappings and the ioctls that populate them.  @compat
 * says the caller is a 32-bit program: its xen_pfn_t is 4 bytes wide.
 */
int xprivcmd_mmap(struct file *file, struct vm_area_struct *vma);
unsigned long xprivcmd_get_unmapped_area(struct file *file, unsigned long addr,
					 unsigned long len, unsigned long pgoff,
					 unsigned long flags);
long xprivcmd_ioctl_mmap(struct file *file, void __user *udata);
long xprivcmd_mmap_entries(struct file *file, u16 dom, int num,
			   const void __user *entries);
long xprivcmd_ioctl_mmapbatch(struct file *file, void __user *udata,
			      int version);
long xprivcmd_mmapbatch(struct file *file, int version, u16 dom, u64 num,
			u64 addr, void __user *arr, int __user *err,
			bool compat);
long xprivcmd_ioctl_mmap_resource(struct file *file, void __user *udata);
int xprivcmd_map_get_ioreq(u64 uaddr, u16 dom, struct xprivcmd_map **mapp,
			   struct page **pagep);
void xprivcmd_map_put(struct xprivcmd_map *map);

/*
 * irqfd.c and ioeventfd.c: IRQFD and IOEVENTFD.  Without eventfds the
 * kernel's privcmd answers both with -EOPNOTSUPP, and so do we.
 */
#ifdef CONFIG_EVENTFD
long xprivcmd_ioctl_irqfd(struct file *file, void __user *udata);
void xprivcmd_irqfd_release(struct xprivcmd_file *xf);
int xprivcmd_irqfd_init(void);
void xprivcmd_irqfd_exit(void);
long xprivcmd_ioctl_ioeventfd(struct file *file, void __user *udata);
void xprivcmd_ioeventfd_release(struct xprivcmd_file *xf);
#else
static inline long xprivcmd_ioctl_irqfd(struct file *file, void __user *udata)
{
	return -EOPNOTSUPP;
}

static inline long xprivcmd_ioctl_ioeventfd(struct file *file,
					    void __user *udata)
{
	return -EOPNOTSUPP;
}

static inline void xprivcmd_irqfd_release(struct xprivcmd_file *xf) {}
static inline int xprivcmd_irqfd_init(void) { return 0; }
static inline void xprivcmd_irqfd_exit(void) {}
static inline void xprivcmd_ioeventfd_release(struct xprivcmd_file *xf) {}
#endif /* CONFIG_EVENTFD */

/*
 * pcidev.c, where the kernel can look GSIs up (compat.h).  Elsewhere the
 * in-tree driver's answer; a restricted fd may not ask at all.
 */
#if XPRIVCMD_HAS_PCIDEV_GSI
long xprivcmd_ioctl_pcidev_get_gsi(struct file *file, void __user *udata);
#else
static inline long xprivcmd_ioctl_pcidev_get_gsi(struct file *file,
						 void __user *udata)
{
	return xprivcmd_is_restricted(file) ? -EPERM : -EINVAL;
}
#endif

/* ioctl32.c */
#ifdef CONFIG_COMPAT
long xprivcmd_compat_ioctl(struct file *file, unsigned int cmd,
			   unsigned long arg);
#else
#define xprivcmd_compat_ioctl NULL
#endif

/* privcmd_buf.c */
int xprivcmd_buf_init(const char *name);
void xprivcmd_buf_exit(void);

/*
 * Brackets a hypercall that may run long and so may be preempted (in a PV
 * guest without CONFIG_PREEMPTION).  The kernel marks such a hypercall with
 * a per-CPU flag; were the task rescheduled onto another CPU meanwhile, the
 * end would clear the new CPU's flag and leave the old one's set, letting the
 * kernel's own hypercalls there be preempted at any point later.  Seen as
 * soft lockups in dom0 with two vCPUs.  Keeping the task on its CPU for the
 * duration closes that window; it may still be preempted.  A kernel with
 * CONFIG_PREEMPTION (Debian's, PREEMPT_DYNAMIC) keeps no such flag: the
 * brackets of <xen/xen-ops.h> are empty there in every kernel version, so
 * there is nothing to protect, and no migrate_disable() to pay for on
 * every call.
 */
#ifndef CONFIG_PREEMPTION
static inline void xprivcmd_hcall_begin(void)
{
	migrate_disable();
	xen_preemptible_hcall_begin();
}

static inline void xprivcmd_hcall_end(void)
{
	xen_preemptible_hcall_end();
	migrate_enable();
}
#else
static inline void xprivcmd_hcall_begin(void)
{
}

static inline void xprivcmd_hcall_end(void)
{
}
#endif

/* hypercall.c */
long xprivcmd_ioctl_hypercall(struct file *file, void __user *udata);

/* decide.c */
const char *xprivcmd_reason_name(unsigned int reason);
long xprivcmd_ioctl_last_error(struct file *file, void __user *udata);
int xprivcmd_judge_ioctl(struct file *file, u64 op, u64 subop, u16 dom);

/* policy.c */
DECLARE_STATIC_KEY_FALSE(xprivcmd_policy_key);

/*
 * Whether no policy has been set since the module loaded, module-wide or
 * on any fd: every call is then allowed what the default allows, without
 * asking xprivcmd_policy_allowed().  Once one is, this stays false.
 */
static inline bool xprivcmd_policy_unset(void)
{
	return !static_branch_unlikely(&xprivcmd_policy_key);
}

bool xprivcmd_policy_allowed(struct xprivcmd_file *xf, u64 op, u64 subop,
			     bool *unmodelled);
bool xprivcmd_policy_restricted(u64 op, u64 subop);
long xprivcmd_ioctl_narrow(struct file *file, void __user *udata);
void xprivcmd_policy_file_exit(struct xprivcmd_file *xf);
void xprivcmd_policy_exit(void);

/* user_ops.c */
struct xprivcmd_range;
int xprivcmd_user_op_ranges(u64 op, const u64 *args,
			    struct xprivcmd_range *ranges);
void xprivcmd_user_op_name(u64 op, char *name);
void xprivcmd_user_ops_exit(void);

/* hypercall.c */
u64 xprivcmd_account_begin(void);
void xprivcmd_account(u64 op, u64 subop, const unsigned long *args,
		      long ret, u64 start);

/* stats.c */
int xprivcmd_stats_init(void);
void xprivcmd_stats_exit(void);

/* Errno values Xen returns fit here; larger ones share the last slot. */
#define XPRIVCMD_NR_ERRNOS	135

/* Per CPU: the hot path takes no lock and shares no cache line. */
struct xprivcmd_counters {
	u64 issued[XPRIVCMD_NR_HYPERCALLS];
	u64 failed[XPRIVCMD_NR_HYPERCALLS];	/* Xen returned an error */
	u64 rejected[XPRIVCMD_NR_HYPERCALLS];	/* refused before Xen */
	u64 reasons[XPRIVCMD_NR_REASONS];
	u64 rejected_out_of_range;		/* op >= NR_HYPERCALLS */
	u64 errnos[XPRIVCMD_NR_ERRNOS + 1];
};

extern struct xprivcmd_counters __percpu *xprivcmd_counters;

/* A call that reached Xen (@op < XPRIVCMD_NR_HYPERCALLS), and its result. */
static inline void xprivcmd_stats_issued(u64 op, long ret)
{
	this_cpu_inc(xprivcmd_counters->issued[op]);
	if (ret < 0) {
		this_cpu_inc(xprivcmd_counters->failed[op]);
		this_cpu_inc(xprivcmd_counters->errnos[min_t(long, -ret, XPRIVCMD_NR_ERRNOS)]);
	}
}

void xprivcmd_stats_latency(u64 op, u64 ns);
void xprivcmd_stats_rejected(u64 op, unsigned int reason);

DECLARE_STATIC_KEY_FALSE(xprivcmd_timing_key);

/* Whether hypercalls are being timed for the latency histograms. */
static inline bool xprivcmd_stats_timing(void)
{
	return static_branch_unlikely(&xprivcmd_timing_key);
}

/* xenfs.c, in xprivcmd_xenfs.ko: what xenfs links against */
extern const struct file_operations xen_privcmd_fops;

/* dev.c */
extern const struct attribute_group *xprivcmd_node_groups[];
int xprivcmd_dev_init(const char *name);
int xprivcmd_open_foreign(struct inode *inode, struct file *file);
void xprivcmd_dev_exit(void);
long xprivcmd_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

#endif /* XPRIVCMD_H */
