// SPDX-License-Identifier: GPL-2.0-only
/*
 * The privcmd-compatible misc device and its file operations.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/compat.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/slab.h>

#include "xprivcmd.h"

static int xprivcmd_open(struct inode *inode, struct file *file)
{
	struct xprivcmd_file *xf = kzalloc(sizeof(*xf), GFP_KERNEL);

	if (!xf)
		return -ENOMEM;
	spin_lock_init(&xf->lock);
	mutex_init(&xf->policy_lock);
	file->private_data = xf;
	return 0;
}

static int xprivcmd_release(struct inode *inode, struct file *file)
{
	xprivcmd_policy_file_exit(file->private_data);
	kfree(file->private_data);
	return 0;
}

static long xprivcmd_ioctl(struct file *file, unsigned int cmd,
			   unsigned long arg)
{
	void __user *udata = (void __user *)arg;

	switch (cmd) {
	case IOCTL_PRIVCMD_HYPERCALL:
		return xprivcmd_ioctl_hypercall(file, udata);
	case XPRIVCMD_IOCTL_LAST_ERROR:
		return xprivcmd_ioctl_last_error(file, udata);
	case XPRIVCMD_IOCTL_NARROW:
		return xprivcmd_ioctl_narrow(file, udata);
	default:
		/* Xen's tools probe with IOCTL_PRIVCMD_UNIMPLEMENTED for this. */
		return -ENOTTY;
	}
}

static const struct file_operations xprivcmd_fops = {
	.owner = THIS_MODULE,
	.open = xprivcmd_open,
	.release = xprivcmd_release,
	.unlocked_ioctl = xprivcmd_ioctl,
	/* Our ioctls' structures have the same layout for 32-bit callers. */
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice xprivcmd_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.fops = &xprivcmd_fops,
	/* Root only, like the in-tree node: hypercalls act on the whole host. */
	.mode = 0600,
};

int xprivcmd_dev_init(const char *name)
{
	int ret;

	xprivcmd_dev.name = name;
	ret = misc_register(&xprivcmd_dev);
	if (ret)
		pr_err("cannot register /dev/%s (%d): if another driver owns that name, unload it (modprobe -r xen-privcmd) or load with devname=xprivcmd to run side by side\n",
		       name, ret);
	return ret;
}

void xprivcmd_dev_exit(void)
{
	misc_deregister(&xprivcmd_dev);
}
