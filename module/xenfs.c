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
 * kernel's drivers/xen/privcmd.c: hence its headers, below.  Which of them
 * matter differs between architectures (on x86 6.1, swap.h,
 * asm/xen/hypercall.h and xen/xen-ops.h alone would do; not on arm64).
 * Kernels with the irqfd ioctl have a privcmd.c that includes more, among
 * them xen/events.h, whose interrupt and MSI definitions are reachable
 * through struct device: that is why 6.12's CRC differs from 6.1's.  make
 * check compares our CRC with the kernel's Module.symvers on every kernel.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/notifier.h>
#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/swap.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#include <asm/xen/hypercall.h>
#include <asm/xen/hypervisor.h>

#include <xen/balloon.h>
#include <xen/features.h>
#include <xen/interface/hvm/dm_op.h>
#include <xen/interface/memory.h>
#include <xen/interface/xen.h>
#include <xen/page.h>
#include <xen/privcmd.h>
#include <xen/xen-ops.h>
#include <xen/xen.h>
#include <xen/xenbus.h>

#ifdef COMPAT_PRIVCMD_HAS_IRQFD
#include <linux/eventfd.h>
#include <linux/file.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/srcu.h>
#include <linux/virtio_mmio.h>
#include <linux/workqueue.h>
#include <xen/events.h>
#include <xen/interface/hvm/ioreq.h>
#ifdef CONFIG_XEN_ACPI
#include <xen/acpi.h>
#endif
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
MODULE_VERSION(XPRIVCMD_VERSION);
