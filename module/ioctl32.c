// SPDX-License-Identifier: GPL-2.0-only
/*
 * ioctls from 32-bit programs on a 64-bit kernel.
 *
 * i386 aligns 64-bit fields to 4 bytes and has 4-byte pointers, so four
 * privcmd structures have another size there, hence other ioctl numbers, and
 * MMAPBATCH's frame arrays hold 4-byte xen_pfn_t.  Those are translated here;
 * every other structure is the same for both and goes to the native handler.
 * (The in-tree driver has no compat ioctl: 32-bit programs get ENOTTY.)
 *
 * Those layouts are i386's.  Other 32-bit ABIs (AArch32 on arm64) align
 * 64-bit fields to 8 bytes, so their structures differ again; until they are
 * translated too, those four ioctls fail with ENOTTY there, as they do with
 * the in-tree driver.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/compat.h>
#include <linux/fs.h>
#include <linux/uaccess.h>

#include "xprivcmd.h"

#ifdef CONFIG_X86

struct privcmd_mmap32 {
	int num;
	u16 dom;
	compat_uptr_t entry;
};

struct privcmd_mmapbatch32 {
	int num;
	u16 dom;
	compat_u64 addr;
	compat_uptr_t arr;
};

struct privcmd_mmapbatch_v2_32 {
	unsigned int num;
	u16 dom;
	compat_u64 addr;
	compat_uptr_t arr;
	compat_uptr_t err;
};

struct privcmd_dm_op32 {
	u16 dom;
	u16 num;
	compat_uptr_t ubufs;
};

#define IOCTL_PRIVCMD_MMAP32 \
	_IOC(_IOC_NONE, 'P', 2, sizeof(struct privcmd_mmap32))
#define IOCTL_PRIVCMD_MMAPBATCH32 \
	_IOC(_IOC_NONE, 'P', 3, sizeof(struct privcmd_mmapbatch32))
#define IOCTL_PRIVCMD_MMAPBATCH_V2_32 \
	_IOC(_IOC_NONE, 'P', 4, sizeof(struct privcmd_mmapbatch_v2_32))
#define IOCTL_PRIVCMD_DM_OP32 \
	_IOC(_IOC_NONE, 'P', 5, sizeof(struct privcmd_dm_op32))

static long mmap32(struct file *file, void __user *udata)
{
	struct privcmd_mmap32 m;

	if (copy_from_user(&m, udata, sizeof(m)))
		return -EFAULT;
	return xprivcmd_mmap_entries(file, m.dom, m.num, compat_ptr(m.entry));
}

static long mmapbatch32(struct file *file, void __user *udata)
{
	struct privcmd_mmapbatch32 m;

	if (copy_from_user(&m, udata, sizeof(m)))
		return -EFAULT;
	return xprivcmd_mmapbatch(file, 1, m.dom, m.num > 0 ? m.num : 0,
				  m.addr, compat_ptr(m.arr), NULL, true);
}

static long mmapbatch_v2_32(struct file *file, void __user *udata)
{
	struct privcmd_mmapbatch_v2_32 m;

	if (copy_from_user(&m, udata, sizeof(m)))
		return -EFAULT;
	return xprivcmd_mmapbatch(file, 2, m.dom, m.num, m.addr,
				  compat_ptr(m.arr), compat_ptr(m.err), true);
}

static long dm_op32(struct file *file, void __user *udata)
{
	struct privcmd_dm_op32 op;

	if (copy_from_user(&op, udata, sizeof(op)))
		return -EFAULT;
	return xprivcmd_dm_op(file, op.dom, op.num, compat_ptr(op.ubufs),
			      true);
}

/* Returns -ENOIOCTLCMD for ioctls that need no translation. */
static long translate(struct file *file, unsigned int cmd, void __user *udata)
{
	/* The sizes i386 gives them: see the UAPI notes. */
	BUILD_BUG_ON(sizeof(struct privcmd_mmap32) != 12);
	BUILD_BUG_ON(sizeof(struct privcmd_mmapbatch32) != 20);
	BUILD_BUG_ON(sizeof(struct privcmd_mmapbatch_v2_32) != 24);
	BUILD_BUG_ON(sizeof(struct privcmd_dm_op32) != 8);

	switch (cmd) {
	case IOCTL_PRIVCMD_MMAP32:
		return mmap32(file, udata);
	case IOCTL_PRIVCMD_MMAPBATCH32:
		return mmapbatch32(file, udata);
	case IOCTL_PRIVCMD_MMAPBATCH_V2_32:
		return mmapbatch_v2_32(file, udata);
	case IOCTL_PRIVCMD_DM_OP32:
		return dm_op32(file, udata);
	default:
		return -ENOIOCTLCMD;
	}
}

#else /* CONFIG_X86 */

static long translate(struct file *file, unsigned int cmd, void __user *udata)
{
	return -ENOIOCTLCMD;
}

#endif /* CONFIG_X86 */

long xprivcmd_compat_ioctl(struct file *file, unsigned int cmd,
			   unsigned long arg)
{
	void __user *udata = compat_ptr(arg);
	long ret = translate(file, cmd, udata);

	if (ret != -ENOIOCTLCMD)
		return ret;
	switch (cmd) {
	case IOCTL_PRIVCMD_MMAP:
	case IOCTL_PRIVCMD_MMAPBATCH:
	case IOCTL_PRIVCMD_MMAPBATCH_V2:
	case IOCTL_PRIVCMD_DM_OP:
		/* 64-bit layouts, which a 32-bit program cannot mean. */
		return -ENOTTY;
	default:
		return xprivcmd_ioctl(file, cmd, (unsigned long)udata);
	}
}
