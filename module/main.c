// SPDX-License-Identifier: GPL-2.0-only
/*
 * xprivcmd: a privcmd-compatible hypercall device that checks every argument
 * before the hypervisor sees it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

#include <xen/xen.h>

#include "xprivcmd.h"

#define INTREE_NAME "xen/privcmd"

static char *devname = INTREE_NAME;
module_param(devname, charp, 0444);
MODULE_PARM_DESC(devname,
		 "Device node under /dev (default " INTREE_NAME
		 ", the in-tree driver's: a drop-in replacement)");

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

	ret = xprivcmd_stats_init();
	if (ret)
		goto err_policy;

	ret = xprivcmd_dev_init(devname);
	if (ret)
		goto err_stats;

	pr_info("/dev/%s ready\n", devname);
	return 0;

err_stats:
	xprivcmd_stats_exit();
err_policy:
	/* Parameters given at load were set before init ran. */
	xprivcmd_user_ops_exit();
	xprivcmd_policy_exit();
	return ret;
}

static void __exit xprivcmd_exit(void)
{
	xprivcmd_dev_exit();
	xprivcmd_stats_exit();
	xprivcmd_user_ops_exit();
	xprivcmd_policy_exit();
}

module_init(xprivcmd_init);
module_exit(xprivcmd_exit);

MODULE_DESCRIPTION("privcmd-compatible Xen hypercall device with argument validation");
MODULE_LICENSE("GPL");
