// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOCTL_PRIVCMD_RESTRICT: tie an fd to one domain for good.
 *
 * Device models and xenstored drop privilege this way before they start to
 * handle guest input: after the call, every ioctl that names a domain must
 * name this one, and raw hypercalls (which could name any) are refused.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/uaccess.h>

#include <xen/interface/xen.h>

#include "xprivcmd.h"

/**
 * xprivcmd_ioctl_restrict() - IOCTL_PRIVCMD_RESTRICT
 * @file: the device file
 * @udata: user pointer to the domid
 *
 * The first call sets the domain; repeating it with the same domain is a
 * no-op, so that libraries restricting every handle they know of need not
 * care which ones were restricted already.
 *
 * Return: 0, -EFAULT, or -EINVAL when the fd is restricted to another domain.
 */
long xprivcmd_ioctl_restrict(struct file *file, void __user *udata)
{
	struct xprivcmd_file *xf = file->private_data;
	long ret = 0;
	u16 dom;

	if (copy_from_user(&dom, udata, sizeof(dom)))
		return -EFAULT;

	spin_lock(&xf->lock);
	if (xf->domid == DOMID_INVALID)
		WRITE_ONCE(xf->domid, dom);
	else if (xf->domid != dom)
		ret = -EINVAL;
	spin_unlock(&xf->lock);
	return ret;
}

/* Once set, @domid never changes again: a lockless read is enough. */
bool xprivcmd_is_restricted(struct file *file)
{
	struct xprivcmd_file *xf = file->private_data;

	return READ_ONCE(xf->domid) != DOMID_INVALID;
}

bool xprivcmd_may_use_domain(struct file *file, u16 dom)
{
	struct xprivcmd_file *xf = file->private_data;
	u16 domid = READ_ONCE(xf->domid);

	return domid == DOMID_INVALID || domid == dom;
}
