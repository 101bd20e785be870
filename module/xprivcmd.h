/* SPDX-License-Identifier: GPL-2.0-only */
/* Internal interfaces between the files of xprivcmd. */
#ifndef XPRIVCMD_H
#define XPRIVCMD_H

#include <linux/types.h>
#include <linux/compiler_types.h>

#include <uapi/xen/xprivcmd.h>

struct file;

/* hypercall.c */
long xprivcmd_ioctl_hypercall(struct file *file, void __user *udata);
const char *xprivcmd_reason_name(unsigned int reason);

/* stats.c */
int xprivcmd_stats_init(void);
void xprivcmd_stats_exit(void);
void xprivcmd_stats_issued(u64 op, long ret);
void xprivcmd_stats_rejected(u64 op, unsigned int reason);

/* dev.c */
int xprivcmd_dev_init(const char *name);
void xprivcmd_dev_exit(void);

#endif /* XPRIVCMD_H */
