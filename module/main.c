// SPDX-License-Identifier: GPL-2.0-only
/*
 * xprivcmd: a privcmd-compatible hypercall device that checks every argument
 * before the hypervisor sees it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <xen/xen.h>

#include "xprivcmd.h"
#include "quick.h"
#include "schema.h"
#include "verdicts.h"

#define INTREE_NAME "xen/privcmd"
#define INTREE_BUF_NAME "xen/hypercall"

static char *devname = INTREE_NAME;
module_param(devname, charp, 0444);
MODULE_PARM_DESC(devname,
		 "Device node under /dev (default " INTREE_NAME
		 ", the in-tree driver's: a drop-in replacement)");

static char *bufdevname;
module_param(bufdevname, charp, 0444);
MODULE_PARM_DESC(bufdevname,
		 "Hypercall buffer device node under /dev (default " INTREE_BUF_NAME
		 " with the default devname, else <devname>-hypercall)");

/* The buffer device's node name, kmalloc()ed. */
static char *bufname;

/*
 * The in-tree xen-privcmd exports its file operations; finding them means it
 * is loaded and owns the node name, which misc_register() would only report
 * with a sysfs duplicate-name splat.
 */
static bool intree_privcmd_loaded(void)
{
	if (!__symbol_get("xen_privcmd_fops"))
		return false;
	__symbol_put("xen_privcmd_fops");
	return true;
}

static int __init xprivcmd_init(void)
{
	int ret;

	if (!xen_domain()) {
		pr_err("not running in a Xen domain: there is no hypervisor to call\n");
		ret = -ENODEV;
		goto err_policy;
	}

	if (!strcmp(devname, INTREE_NAME) && intree_privcmd_loaded()) {
		pr_err("/dev/%s belongs to the in-tree xen-privcmd module: unload it (modprobe -r xen-privcmd) or load with devname=xprivcmd to run side by side\n",
		       INTREE_NAME);
		ret = -EBUSY;
		goto err_policy;
	}

	/* Side by side, the buffer node follows the privcmd node's name. */
	if (bufdevname)
		bufname = kstrdup(bufdevname, GFP_KERNEL);
	else if (!strcmp(devname, INTREE_NAME))
		bufname = kstrdup(INTREE_BUF_NAME, GFP_KERNEL);
	else
		bufname = kasprintf(GFP_KERNEL, "%s-hypercall", devname);
	ret = -ENOMEM;
	if (!bufname)
		goto err_policy;

	ret = -EBUSY;
	if (!strcmp(bufname, INTREE_BUF_NAME) && intree_privcmd_loaded()) {
		pr_err("/dev/%s belongs to the in-tree xen-privcmd module: unload it (modprobe -r xen-privcmd) or load with bufdevname=<name>\n",
		       INTREE_BUF_NAME);
		goto err_name;
	}

	/* Before the device exists: no call is decided while they are built. */
	xprivcmd_verdicts_index();
	xprivcmd_nested_index();
	xprivcmd_quick_index();

	ret = xprivcmd_stats_init();
	if (ret)
		goto err_name;

	ret = xprivcmd_irqfd_init();
	if (ret)
		goto err_stats;

	xprivcmd_self_init();
	xprivcmd_restrict_init();
	ret = xprivcmd_dev_init(devname);
	if (ret)
		goto err_restrict;

	ret = xprivcmd_buf_init(bufname);
	if (ret)
		goto err_dev;

	pr_info("/dev/%s and /dev/%s ready\n", devname, bufname);
	return 0;

err_dev:
	xprivcmd_dev_exit();
err_restrict:
	xprivcmd_restrict_exit();
	xprivcmd_self_exit();
	xprivcmd_ioeventfd_release(NULL);
	xprivcmd_irqfd_exit();
err_stats:
	xprivcmd_stats_exit();
err_name:
	kfree(bufname);
err_policy:
	/* Parameters given at load were set before init ran. */
	xprivcmd_user_ops_exit();
	xprivcmd_policy_exit();
	return ret;
}

static void __exit xprivcmd_exit(void)
{
	xprivcmd_buf_exit();
	xprivcmd_dev_exit();
	xprivcmd_restrict_exit();
	xprivcmd_self_exit();
	xprivcmd_ioeventfd_release(NULL);
	xprivcmd_irqfd_exit();
	xprivcmd_stats_exit();
	xprivcmd_user_ops_exit();
	xprivcmd_policy_exit();
	kfree(bufname);
}

module_init(xprivcmd_init);
module_exit(xprivcmd_exit);

MODULE_DESCRIPTION("privcmd-compatible Xen hypercall device with argument validation");
MODULE_LICENSE("GPL");
MODULE_VERSION(XPRIVCMD_VERSION);
