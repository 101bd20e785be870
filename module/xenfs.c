// SPDX-License-Identifier: GPL-2.0-only
/*
 * xprivcmd_xenfs: the symbol xenfs links against, served by xprivcmd.
 *
 * xenfs (needed by xenstored for /proc/xen/xsd_kva) serves /proc/xen/privcmd
 * with the file operations the in-tree xen-privcmd exports as
 * xen_privcmd_fops, so loading xenfs pulls that module in.  This module
 * exports the same symbol and hands every file opened through it to
 * xprivcmd, so that the whole toolstack runs on xprivcmd with the in-tree
 * driver never loaded.  It is a module of its own because a symbol can have
 * one owner only: xprivcmd itself must keep loading next to the in-tree
 * driver (side by side), which exports this symbol too.
 *
 * With CONFIG_MODVERSIONS, xenfs records a CRC of xen_privcmd_fops and
 * refuses to load against a different one.  genksyms computes it from the
 * declaration expanded through every type definition the exporting file can
 * see: struct file_operations reaches struct file, inode, device, the memory
 * management and cgroup types and more, each folded in as a full definition
 * when its header was included and as an opaque name when not.  Our CRC
 * equals the in-tree one only if this file sees the same definitions as the
 * kernel's drivers/xen/privcmd.c, hence the includes below, which are the
 * ones that change it (dropping any one of them changes the CRC on Debian's
 * 6.1 or 6.12).  Kernels with the irqfd ioctl have a privcmd.c that also
 * includes xen/events.h, whose interrupt and MSI definitions are reachable
 * through struct device: that is why 6.12 needs more than 6.1.  make check
 * compares our CRC with the kernel's Module.symvers on every kernel built.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/module.h>
#include <linux/security.h>
#include <linux/swap.h>

#include <asm/xen/hypercall.h>
#include <xen/xen-ops.h>
#ifdef COMPAT_PRIVCMD_HAS_IRQFD
#include <xen/events.h>
#endif

#include "xprivcmd.h"

/*
 * Only open is ours: it swaps in xprivcmd's file operations, so every later
 * call on the file, and the module reference it holds, are xprivcmd's.
 */
const struct file_operations xen_privcmd_fops = {
	.owner = THIS_MODULE,
	.open = xprivcmd_open_foreign,
};
EXPORT_SYMBOL_GPL(xen_privcmd_fops);

MODULE_DESCRIPTION("xen_privcmd_fops for xenfs, served by xprivcmd");
MODULE_LICENSE("GPL");
