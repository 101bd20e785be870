/* SPDX-License-Identifier: GPL-2.0-only */
/* Internal interfaces between the files of xprivcmd. */
#ifndef XPRIVCMD_H
#define XPRIVCMD_H

#include <linux/types.h>
#include <linux/compiler_types.h>
#include <linux/spinlock.h>

#include <uapi/xen/xprivcmd.h>

struct file;

/**
 * struct xprivcmd_file - per-open state of the device
 * @lock: see below
 * @last: the last call refused on this fd, for XPRIVCMD_IOCTL_LAST_ERROR
 */
struct xprivcmd_file {
	spinlock_t lock;	/* protects @last from threads sharing the fd */
	struct xprivcmd_last_error last;
};

/* hypercall.c */
long xprivcmd_ioctl_hypercall(struct file *file, void __user *udata);
const char *xprivcmd_reason_name(unsigned int reason);
long xprivcmd_ioctl_last_error(struct file *file, void __user *udata);

/* stats.c */
int xprivcmd_stats_init(void);
void xprivcmd_stats_exit(void);
void xprivcmd_stats_issued(u64 op, long ret);
void xprivcmd_stats_rejected(u64 op, unsigned int reason);

/* dev.c */
int xprivcmd_dev_init(const char *name);
void xprivcmd_dev_exit(void);

#endif /* XPRIVCMD_H */
