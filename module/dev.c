// SPDX-License-Identifier: GPL-2.0-only
/*
 * The privcmd-compatible misc device and its file operations.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/compat.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/slab.h>

#include <xen/interface/xen.h>

#include "xprivcmd.h"

static int xprivcmd_open(struct inode *inode, struct file *file)
{
	struct xprivcmd_file *xf = kzalloc(sizeof(*xf), GFP_KERNEL);
	int ret;

	if (!xf)
		return -ENOMEM;
	spin_lock_init(&xf->lock);
	mutex_init(&xf->policy_lock);
	xf->domid = DOMID_INVALID;
	ret = xprivcmd_restrict_open(xf);
	if (ret) {
		kfree(xf);
		return ret;
	}
	file->private_data = xf;
	return 0;
}

static int xprivcmd_release(struct inode *inode, struct file *file)
{
	/* Nothing the fd assigned may fire once it is gone. */
	xprivcmd_irqfd_release(file->private_data);
	xprivcmd_ioeventfd_release(file->private_data);
	xprivcmd_policy_file_exit(file->private_data);
	kfree(file->private_data);
	return 0;
}

long xprivcmd_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *udata = (void __user *)arg;

	switch (cmd) {
	case IOCTL_PRIVCMD_HYPERCALL:
		return xprivcmd_ioctl_hypercall(file, udata);
	case IOCTL_PRIVCMD_MMAP:
		return xprivcmd_ioctl_mmap(file, udata);
	case IOCTL_PRIVCMD_MMAPBATCH:
		return xprivcmd_ioctl_mmapbatch(file, udata, 1);
	case IOCTL_PRIVCMD_MMAPBATCH_V2:
		return xprivcmd_ioctl_mmapbatch(file, udata, 2);
	case IOCTL_PRIVCMD_DM_OP:
		return xprivcmd_ioctl_dm_op(file, udata);
	case IOCTL_PRIVCMD_RESTRICT:
		return xprivcmd_ioctl_restrict(file, udata);
	case IOCTL_PRIVCMD_MMAP_RESOURCE:
		return xprivcmd_ioctl_mmap_resource(file, udata);
	case IOCTL_PRIVCMD_IRQFD:
		return xprivcmd_ioctl_irqfd(file, udata);
	case IOCTL_PRIVCMD_IOEVENTFD:
		return xprivcmd_ioctl_ioeventfd(file, udata);
	case IOCTL_PRIVCMD_PCIDEV_GET_GSI:
		return xprivcmd_ioctl_pcidev_get_gsi(file, udata);
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
	/* Four privcmd structures are laid out differently by 32-bit programs. */
	.compat_ioctl = xprivcmd_compat_ioctl,
	.mmap = xprivcmd_mmap,
	.get_unmapped_area = xprivcmd_get_unmapped_area,
	.llseek = noop_llseek,
};

/**
 * xprivcmd_open_foreign() - open a file of another driver as an xprivcmd fd
 * @inode: the file's inode
 * @file: the file being opened, with its driver's file operations
 *
 * For xprivcmd_xenfs: xenfs serves /proc/xen/privcmd with the file
 * operations it links against, xen_privcmd_fops.  Switching the file to ours
 * here makes that node behave exactly like the misc device, and moves the
 * open file's module reference from the shim to this module.
 *
 * Return: 0 or a negative errno, as the device's open.
 */
int xprivcmd_open_foreign(struct inode *inode, struct file *file)
{
	/* The reference the file's fops_put() will drop when it closes. */
	if (!try_module_get(THIS_MODULE))
		return -ENODEV;
	replace_fops(file, &xprivcmd_fops);
	return xprivcmd_open(inode, file);
}
EXPORT_SYMBOL_GPL(xprivcmd_open_foreign);

static struct miscdevice xprivcmd_dev;

/*
 * /sys/class/misc/<node>/xprivcmd names what the node is.  The in-tree
 * driver's node has the same name in drop-in mode, so a udev rule granting a
 * group access (packaging/udev/70-xprivcmd.rules) matches this attribute,
 * never the name: the unchecked driver must stay root only.
 */
static ssize_t xprivcmd_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	const struct miscdevice *misc = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%s\n", misc == &xprivcmd_dev ? "privcmd" : "hypercall");
}
static DEVICE_ATTR_RO(xprivcmd);

static struct attribute *xprivcmd_node_attrs[] = {
	&dev_attr_xprivcmd.attr,
	NULL,
};

static const struct attribute_group xprivcmd_node_group = {
	.attrs = xprivcmd_node_attrs,
};

/* For the hypercall buffer node too. */
const struct attribute_group *xprivcmd_node_groups[] = {
	&xprivcmd_node_group,
	NULL,
};

static struct miscdevice xprivcmd_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.fops = &xprivcmd_fops,
	/*
	 * Root only, like the in-tree node: hypercalls act on the whole host.
	 * Wider only by the administrator's choice, through udev.
	 */
	.mode = 0600,
	.groups = xprivcmd_node_groups,
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
