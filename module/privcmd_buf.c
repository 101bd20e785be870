// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hypercall buffer device (/dev/xen/hypercall by default).
 *
 * A hypervisor that reads and writes a buffer by its guest address needs the
 * buffer's pages present and staying where they are for the duration of the
 * call.  Anonymous memory gives neither guarantee: mlock()ed pages can still
 * be migrated by compaction.  Pages mapped from here are the kernel's own,
 * zeroed, unmovable, present from mmap() on, and shared with children after
 * fork(): libxencall takes its hypercall buffers from this device.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/overflow.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "xprivcmd.h"

/*
 * Enough for the largest buffer Xen's own tools ask for: since Xen 4.18,
 * xenconsoled reads every domain at once, XEN_SYSCTL_getdomaininfolist of
 * DOMID_FIRST_RESERVED - 1 entries of struct xen_domctl_getdomaininfo
 * (about 4 MiB on x86, more on Arm), bounced through one buffer.  The
 * in-tree driver of every kernel we build for has no limit at all; with a
 * smaller one, Debian 13's xenconsoled never sees a guest and xl create
 * times out waiting for its console.
 */
static unsigned int hypercall_buf_max_pages = 2048;
module_param(hypercall_buf_max_pages, uint, 0644);
MODULE_PARM_DESC(hypercall_buf_max_pages,
		 "Maximum pages mapped at once through one open hypercall buffer device (ENOMEM above)");

/**
 * struct buf_file - per-open state
 * @lock: see below
 * @allocated: pages mapped through this file and not yet freed
 */
struct buf_file {
	spinlock_t lock;	/* protects @allocated */
	unsigned long allocated;
};

/**
 * struct buf_map - the pages of one mmap()
 * @users: VMAs using them: fork() and splits add some
 * @owner: the file they count against; it outlives its mappings
 * @count: number of @pages
 * @pages: the pages
 */
struct buf_map {
	refcount_t users;
	struct buf_file *owner;
	unsigned long count;
	struct page *pages[];
};

static void buf_map_free(struct buf_map *map)
{
	unsigned long i;

	for (i = 0; i < map->count; i++)
		if (map->pages[i])
			__free_page(map->pages[i]);
	spin_lock(&map->owner->lock);
	map->owner->allocated -= map->count;
	spin_unlock(&map->owner->lock);
	kvfree(map);
}

static void buf_vma_open(struct vm_area_struct *vma)
{
	struct buf_map *map = vma->vm_private_data;

	refcount_inc(&map->users);
}

static void buf_vma_close(struct vm_area_struct *vma)
{
	struct buf_map *map = vma->vm_private_data;

	/* The page tables' own references keep pages alive until zapped. */
	if (refcount_dec_and_test(&map->users))
		buf_map_free(map);
}

/* Every page is mapped at mmap() time; nothing else may appear. */
static vm_fault_t buf_vma_fault(struct vm_fault *vmf)
{
	return VM_FAULT_SIGBUS;
}

static const struct vm_operations_struct buf_vm_ops = {
	.open = buf_vma_open,
	.close = buf_vma_close,
	.fault = buf_vma_fault,
};

static int buf_charge(struct buf_file *bf, unsigned long count)
{
	unsigned int max = READ_ONCE(hypercall_buf_max_pages);
	int ret = 0;

	spin_lock(&bf->lock);
	if (count > max || bf->allocated > max - count)
		ret = -ENOMEM;
	else
		bf->allocated += count;
	spin_unlock(&bf->lock);
	return ret;
}

static int buf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct buf_file *bf = file->private_data;
	unsigned long i, count = vma_pages(vma);
	struct buf_map *map;
	int ret;

	/* A private mapping would copy pages on write, behind Xen's back. */
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	ret = buf_charge(bf, count);
	if (ret)
		return ret;

	map = kvzalloc(struct_size(map, pages, count), GFP_KERNEL);
	if (!map) {
		spin_lock(&bf->lock);
		bf->allocated -= count;
		spin_unlock(&bf->lock);
		return -ENOMEM;
	}
	refcount_set(&map->users, 1);
	map->owner = bf;
	map->count = count;

	ret = -ENOMEM;
	for (i = 0; i < count; i++) {
		/* Zeroed: these pages may have held another process's data. */
		map->pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!map->pages[i])
			goto err_free;
	}

	/* DONTEXPAND: mremap() cannot grow it past the pages we have. */
	vm_flags_set(vma, VM_IO | VM_DONTEXPAND);
	ret = vm_map_pages_zero(vma, map->pages, count);
	if (ret)
		goto err_free;
	vma->vm_ops = &buf_vm_ops;
	vma->vm_private_data = map;
	return 0;

err_free:
	buf_map_free(map);
	return ret;
}

static int buf_open(struct inode *inode, struct file *file)
{
	struct buf_file *bf = kzalloc(sizeof(*bf), GFP_KERNEL);

	if (!bf)
		return -ENOMEM;
	spin_lock_init(&bf->lock);
	file->private_data = bf;
	return 0;
}

/* Called after the last mapping is gone: each VMA holds a file reference. */
static int buf_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations buf_fops = {
	.owner = THIS_MODULE,
	.open = buf_open,
	.release = buf_release,
	.mmap = buf_mmap,
	.llseek = noop_llseek,
};

static struct miscdevice buf_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.fops = &buf_fops,
	/* Like the privcmd node: only its users need buffers. */
	.mode = 0600,
	.groups = xprivcmd_node_groups,
};

int xprivcmd_buf_init(const char *name)
{
	int ret;

	buf_dev.name = name;
	ret = misc_register(&buf_dev);
	if (ret)
		pr_err("cannot register /dev/%s (%d): load with bufdevname=<name> to use another node\n",
		       name, ret);
	return ret;
}

void xprivcmd_buf_exit(void)
{
	misc_deregister(&buf_dev);
}
