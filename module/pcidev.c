// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOCTL_PRIVCMD_PCIDEV_GET_GSI: the GSI of a host PCI device, which a
 * toolstack needs to pass the device through to a guest of a PVH dom0.
 * pciback answers, for the devices it holds.  Built only for kernels that
 * have the lookup (see module/compat/Kbuild.include).
 *
 * The in-tree driver hands on what the kernel's lookup returns, and so do
 * we, unchanged: whatever the running kernel's pciback answers is the
 * in-tree driver's answer on that kernel, with no probe of ours to keep in
 * step.  Through Linux 7.2 pciback keeps -1 for a device it holds without a
 * GSI (every device of a PV dom0), which reaches the caller as -EPERM; the
 * -ENOENT that Xen's tools expect there (proposed in 2025, "xen/pciback:
 * Make missing GSI non-fatal") passes through the same way on a kernel that
 * has it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/uaccess.h>

#include <xen/acpi.h>

#include "xprivcmd.h"

/**
 * xprivcmd_ioctl_pcidev_get_gsi() - IOCTL_PRIVCMD_PCIDEV_GET_GSI
 * @file: the device file
 * @udata: user pointer to a &struct privcmd_pcidev_get_gsi, whose @gsi is
 *	written; the same layout for 32-bit programs
 *
 * Return: 0; -EPERM on a restricted fd, which the in-tree driver does not
 * check: such an fd serves one guest, and the host's devices are not its
 * business; -EFAULT; or the kernel's answer: -EOPNOTSUPP without pciback,
 * -ENODEV for a device pciback does not hold, and for one it holds without
 * a GSI pciback's "none" (-1, read as -EPERM, or -ENOENT, see above).
 */
long xprivcmd_ioctl_pcidev_get_gsi(struct file *file, void __user *udata)
{
	struct privcmd_pcidev_get_gsi req;
	int gsi;

	if (xprivcmd_is_restricted(file))
		return -EPERM;
	if (copy_from_user(&req, udata, sizeof(req)))
		return -EFAULT;
	gsi = xen_acpi_get_gsi_from_sbdf(req.sbdf);
	if (gsi < 0)
		return gsi;
	req.gsi = gsi;
	return copy_to_user(udata, &req, sizeof(req)) ? -EFAULT : 0;
}
