// SPDX-License-Identifier: GPL-2.0-only
/*
 * Restricted fds: tied to one domain for good.
 *
 * Device models and xenstored drop privilege this way, with
 * IOCTL_PRIVCMD_RESTRICT, before they start to handle guest input: after the
 * call, every ioctl that names a domain must name this one, and raw
 * hypercalls (which could name any) are refused.
 *
 * In an unprivileged guest every fd starts restricted (the in-tree driver's
 * behaviour since XSA-482): a root process there must not drive hypercalls
 * that let it defeat the guest kernel's own integrity (Secure Boot,
 * lockdown).  The domain is the guest's xenstore "target", set for a stub
 * domain serving one guest; without one it is DOMID_IDLE, which no ioctl can
 * name, so that nothing gets through.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/fs.h>
#include <linux/kstrtox.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/notifier.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <xen/interface/xen.h>
#include <xen/xen.h>
#include <xen/xenbus.h>

#include "xprivcmd.h"

static bool unrestricted;
module_param(unrestricted, bool, 0444);
MODULE_PARM_DESC(unrestricted,
		 "In an unprivileged guest, do not restrict new fds to the xenstore target domain (ignored under kernel lockdown)");

/* The domain new fds are restricted to in a domU, once xenstore told. */
static u16 domu_target = DOMID_INVALID;
static DECLARE_COMPLETION(domu_target_known);

static int xprivcmd_read_target(struct notifier_block *nb, unsigned long event,
				void *data)
{
	unsigned int dom;
	char *target;

	/* Relative to this guest's home, /local/domain/<id>. */
	target = xenbus_read(XBT_NIL, "target", "", NULL);
	if (!IS_ERR(target) && !kstrtouint(target, 10, &dom) &&
	    dom < DOMID_FIRST_RESERVED) {
		domu_target = dom;
		pr_info("unprivileged guest: new fds are restricted to target domain %u\n", dom);
	} else {
		domu_target = DOMID_IDLE;
		pr_info("unprivileged guest without a target domain: new fds are restricted, blocking all hypercalls (load with unrestricted=1 to lift this, unless the kernel is locked down)\n");
	}
	if (!IS_ERR(target))
		kfree(target);
	complete_all(&domu_target_known);
	return NOTIFY_DONE;
}

static struct notifier_block xprivcmd_xenstore_nb = {
	.notifier_call = xprivcmd_read_target,
};

/* In dom0 there is nothing to restrict to: fds start unrestricted. */
void xprivcmd_restrict_init(void)
{
	/* Called at once if xenstore is up, else when it comes up. */
	if (!xen_initial_domain())
		register_xenstore_notifier(&xprivcmd_xenstore_nb);
}

void xprivcmd_restrict_exit(void)
{
	if (!xen_initial_domain())
		unregister_xenstore_notifier(&xprivcmd_xenstore_nb);
}

/**
 * xprivcmd_restrict_open() - the restriction a new fd starts with
 * @xf: the new fd's state
 *
 * The unrestricted parameter is weighed at every open, so that locking the
 * kernel down later takes effect for every fd opened from then on.
 *
 * Return: 0, or -ERESTARTSYS when a signal came while waiting for xenstore.
 */
int xprivcmd_restrict_open(struct xprivcmd_file *xf)
{
	if (xen_initial_domain())
		return 0;
	if (unrestricted && !security_locked_down(LOCKDOWN_XEN_USER_ACTIONS))
		return 0;
	if (wait_for_completion_interruptible(&domu_target_known))
		return -ERESTARTSYS;
	xf->domid = domu_target;
	return 0;
}

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

bool xprivcmd_is_restricted(struct file *file)
{
	return xprivcmd_file_restricted(file->private_data);
}

bool xprivcmd_may_use_domain(struct file *file, u16 dom)
{
	struct xprivcmd_file *xf = file->private_data;
	u16 domid = READ_ONCE(xf->domid);

	return domid == DOMID_INVALID || domid == dom;
}
