// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOCTL_PRIVCMD_DM_OP: a device model's operation on the domain it serves.
 *
 * The buffers are user memory that Xen reads and writes while the call runs.
 * They are pinned for its duration, so that they are present (Xen cannot
 * fault pages in) and cannot be migrated under the hypervisor.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <xen/xen-ops.h>
#include <xen/interface/xen.h>
#include <xen/interface/hvm/dm_op.h>
#include <asm/xen/hypercall.h>

#include "xprivcmd.h"

static unsigned int dm_op_max_nr_bufs = 16;
module_param(dm_op_max_nr_bufs, uint, 0644);
MODULE_PARM_DESC(dm_op_max_nr_bufs,
		 "Maximum number of buffers per DM_OP ioctl (E2BIG above)");

static unsigned int dm_op_buf_max_size = 4096;
module_param(dm_op_buf_max_size, uint, 0644);
MODULE_PARM_DESC(dm_op_buf_max_size,
		 "Maximum size in bytes of one DM_OP buffer (E2BIG above)");

/* The limit of one dm_op buffer, for irqfds too. */
unsigned int xprivcmd_dm_op_buf_max_size(void)
{
	return READ_ONCE(dm_op_buf_max_size);
}

/* A 32-bit program's struct privcmd_dm_op_buf. */
struct dm_op_buf32 {
	u32 uptr;
	u32 size;
};

struct dm_op_buf {
	void __user *uptr;
	size_t size;
};

static int copy_bufs_in(struct dm_op_buf *bufs, const void __user *ubufs,
			unsigned int num, bool compat)
{
	unsigned int i;

	for (i = 0; i < num; i++) {
		if (compat) {
			struct dm_op_buf32 b;

			if (copy_from_user(&b, (const struct dm_op_buf32 __user *)ubufs + i,
					   sizeof(b)))
				return -EFAULT;
			bufs[i].uptr = u64_to_user_ptr((u64)b.uptr);
			bufs[i].size = b.size;
		} else {
			struct privcmd_dm_op_buf b;

			if (copy_from_user(&b, (const struct privcmd_dm_op_buf __user *)ubufs + i,
					   sizeof(b)))
				return -EFAULT;
			bufs[i].uptr = uapi_user_ptr(b.uptr);
			bufs[i].size = b.size;
		}
	}
	return 0;
}

static unsigned int buf_nr_pages(const struct dm_op_buf *b)
{
	/* In 64 bits: a 32-bit size_t could wrap near a size of 4 GiB. */
	u64 end = (u64)offset_in_page(b->uptr) + b->size;

	if (!b->size)
		return 0;
	return DIV_ROUND_UP_ULL(end, PAGE_SIZE);
}

/*
 * pin_user_pages_fast() may pin fewer pages than asked for; it is called
 * again for the rest, and a call that pins nothing means a hole: -EFAULT.
 * On error, what was pinned is left in *@pinned for the caller to release.
 */
static int pin_buf(const struct dm_op_buf *b, struct page **pages,
		   unsigned int *pinned)
{
	unsigned long start = (unsigned long)b->uptr & PAGE_MASK;
	unsigned int left = buf_nr_pages(b);

	while (left) {
		int n = pin_user_pages_fast(start, left, FOLL_WRITE,
					    pages + *pinned);

		if (n < 0)
			return n;
		if (!n)
			return -EFAULT;
		*pinned += n;
		left -= n;
		start += (unsigned long)n << PAGE_SHIFT;
	}
	return 0;
}

/**
 * xprivcmd_dm_op() - issue a dm_op for the native or the 32-bit ioctl
 * @file: the device file
 * @dom: target domain
 * @num: number of buffers at @ubufs
 * @ubufs: user array of struct privcmd_dm_op_buf, 32-bit layout if @compat
 * @compat: the caller is a 32-bit program
 *
 * Return: Xen's result, 0 without a call when @num is 0 (libxendevicemodel
 * probes the ioctl that way), -EPERM for a domain the fd is not restricted
 * to or for the caller's own, -EACCES if the policy forbids dm_op, -E2BIG
 * beyond the module's limits or for more pages than one array can list,
 * -EFAULT or -ENOMEM.
 */
long xprivcmd_dm_op(struct file *file, u16 dom, u16 num,
		    const void __user *ubufs, bool compat)
{
	unsigned int max_nr = READ_ONCE(dm_op_max_nr_bufs);
	unsigned int max_size = READ_ONCE(dm_op_buf_max_size);
	struct xen_dm_op_buf *xbufs = NULL;
	unsigned int i, pinned = 0;
	struct page **pages = NULL;
	unsigned long args[5] = { 0 };
	struct dm_op_buf *bufs;
	u64 nr_pages = 0, start;
	u32 subop;
	long ret;

	ret = xprivcmd_judge_ioctl(file, __HYPERVISOR_dm_op, 0, dom);
	if (ret)
		return ret;
	if (!num)
		return 0;
	if (num > max_nr)
		return -E2BIG;

	bufs = kcalloc(num, sizeof(*bufs), GFP_KERNEL);
	if (!bufs)
		return -ENOMEM;
	ret = copy_bufs_in(bufs, ubufs, num, compat);
	if (ret)
		goto out_free_bufs;

	/* Every limit and range is checked before anything is pinned. */
	for (i = 0; i < num; i++) {
		if (bufs[i].size > max_size) {
			ret = -E2BIG;
			goto out_free_bufs;
		}
		if (!access_ok(bufs[i].uptr, bufs[i].size)) {
			ret = -EFAULT;
			goto out_free_bufs;
		}
		/*
		 * At most 65535 buffers of 2^20 pages each: 64 bits hold the
		 * sum whatever the administrator set the limits to.
		 */
		nr_pages += buf_nr_pages(&bufs[i]);
	}
	/* The array of pinned pages is one allocation. */
	if (nr_pages > KMALLOC_MAX_SIZE / sizeof(*pages)) {
		ret = -E2BIG;
		goto out_free_bufs;
	}

	ret = -ENOMEM;
	xbufs = kcalloc(num, sizeof(*xbufs), GFP_KERNEL);
	if (!xbufs)
		goto out_free_bufs;
	if (nr_pages) {
		pages = kcalloc(nr_pages, sizeof(*pages), GFP_KERNEL);
		if (!pages)
			goto out_free_xbufs;
	}

	for (i = 0; i < num; i++) {
		ret = pin_buf(&bufs[i], pages, &pinned);
		if (ret)
			goto out_unpin;
		set_xen_guest_handle(xbufs[i].h, (void __force *)bufs[i].uptr);
		xbufs[i].size = bufs[i].size;
	}

	/* The sub-command, for the tracepoint: the op field of every dm_op. */
	if (bufs[0].size < sizeof(u32) ||
	    get_user(subop, (const u32 __user *)bufs[0].uptr))
		subop = 0;
	start = xprivcmd_account_begin();
	/* Device model calls can be long: let a PV kernel preempt them. */
	xprivcmd_hcall_begin();
	ret = HYPERVISOR_dm_op(dom, num, xbufs);
	xprivcmd_hcall_end();
	args[0] = dom;
	args[1] = num;
	args[2] = (unsigned long)ubufs;
	xprivcmd_account(__HYPERVISOR_dm_op, subop, args, ret, start);

out_unpin:
	/* Xen may have written to any of them. */
	unpin_user_pages_dirty_lock(pages, pinned, true);
	kfree(pages);
out_free_xbufs:
	kfree(xbufs);
out_free_bufs:
	kfree(bufs);
	return ret;
}

/**
 * xprivcmd_ioctl_dm_op() - IOCTL_PRIVCMD_DM_OP
 * @file: the device file
 * @udata: user pointer to a &struct privcmd_dm_op
 *
 * Return: see xprivcmd_dm_op().
 */
long xprivcmd_ioctl_dm_op(struct file *file, void __user *udata)
{
	struct privcmd_dm_op op;

	if (copy_from_user(&op, udata, sizeof(op)))
		return -EFAULT;
	return xprivcmd_dm_op(file, op.dom, op.num,
			      uapi_user_ptr(op.ubufs), false);
}
