// SPDX-License-Identifier: GPL-2.0-only
/*
 * mmap() of the device, and the ioctls that fill such a mapping with another
 * domain's frames: MMAP, MMAPBATCH, MMAPBATCH_V2 and MMAP_RESOURCE.
 *
 * A mapping starts empty and touching it raises SIGBUS.  Its first mapping
 * ioctl populates it, whole, in one go; afterwards only the holes that frames
 * reported as paged out (-ENOENT) left may be filled, by MMAPBATCH retries.
 *
 * In a PV guest the page table entries point straight at the foreign machine
 * frames.  An auto-translated guest (PVH, HVM, Arm) needs guest frames to put
 * them at: the mapping gets unpopulated pages, which Xen backs with the
 * foreign frames, and which are given back when the last VMA goes away.
 * The page of a frame that failed is never left mapped: it is a hole too.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <xen/xen.h>
#include <xen/xen-ops.h>
#include <xen/features.h>
#include <xen/page.h>
#include <xen/interface/memory.h>
#include <asm/xen/hypercall.h>

#include "xprivcmd.h"

/*
 * Frames mapped per call into the kernel's remapping helpers, so that a huge
 * batch neither overflows their int counts nor hogs the CPU.
 */
#define REMAP_CHUNK	4096

/**
 * struct xprivcmd_map - what a populated mapping holds
 * @users: VMAs sharing it: a split or a moved mapping has more than one
 * @nr_pages: pages of the VMA when it was populated
 * @pgoff: its vm_pgoff then; pages are found through vm_pgoff, which splits
 *	and mremap() keep consistent, unlike addresses
 * @pages: auto-translated guests only: the unpopulated pages behind the VMA
 * @ioreq_dom: the domain whose ioreq server MMAP_RESOURCE mapped here, if
 *	@ioreq_server, for ioeventfds
 * @ioreq_server: MMAP_RESOURCE mapped an ioreq server's pages here
 */
struct xprivcmd_map {
	refcount_t users;
	unsigned long nr_pages;
	pgoff_t pgoff;
	struct page **pages;
	u16 ioreq_dom;
	bool ioreq_server;
};

/*
 * The arrays a caller sizes (frames of a batch or a resource, entries, the
 * pages of a translated guest's mapping) are charged to its memory cgroup
 * and, when the memory is not there, fail with -ENOMEM: without
 * __GFP_RETRY_MAYFAIL, a count of 10^8 frames had the OOM killer called.
 */
#define USER_ARRAY_GFP	(GFP_KERNEL_ACCOUNT | __GFP_RETRY_MAYFAIL | __GFP_NOWARN)

static bool auto_translated(void)
{
	return xen_feature(XENFEAT_auto_translated_physmap);
}

/*
 * The policy and the domain rules, asked before a mapping ioctl does
 * anything, on the hypercall that maps the frames: mmu_update in a PV
 * guest, add_to_physmap_batch in an auto-translated one.  Neither may name
 * the caller: its frames are the kernel's.
 */
static int judge_map(struct file *file, u16 dom)
{
	/* Linux's name for Xen's XENMEM_add_to_physmap_batch (23). */
	if (auto_translated())
		return xprivcmd_judge_ioctl(file, __HYPERVISOR_memory_op,
					    XENMEM_add_to_physmap_range, dom);
	return xprivcmd_judge_ioctl(file, __HYPERVISOR_mmu_update, 0, dom);
}

/*
 * @vma may be NULL when an ioeventfd drops the last reference: unmapping
 * translated frames works on the pages alone, and the page tables that
 * pointed at them went with the VMA.
 */
static void map_free(struct vm_area_struct *vma, struct xprivcmd_map *map)
{
	if (map->pages) {
		int rc = xen_unmap_domain_gfn_range(vma, map->nr_pages,
						    map->pages);

		/* Pages Xen may still back with foreign frames must not be reused. */
		if (!rc)
			xen_free_unpopulated_pages(map->nr_pages, map->pages);
		else
			pr_crit("cannot unmap foreign frames (%d): leaking %lu pages\n",
				rc, map->nr_pages);
		kvfree(map->pages);
	}
	kfree(map);
}

static void xprivcmd_vma_open(struct vm_area_struct *vma)
{
	struct xprivcmd_map *map = vma->vm_private_data;

	if (map)
		refcount_inc(&map->users);
}

static void xprivcmd_vma_close(struct vm_area_struct *vma)
{
	struct xprivcmd_map *map = vma->vm_private_data;

	if (map && refcount_dec_and_test(&map->users))
		map_free(vma, map);
}

/* Only the mapping ioctls put pages here; anything else is a hole. */
static vm_fault_t xprivcmd_vma_fault(struct vm_fault *vmf)
{
	return VM_FAULT_SIGBUS;
}

/*
 * Page-table entries of foreign frames cannot be rewritten by the kernel in a
 * PV guest: its mmu_update names no foreign domain, so Xen takes the frame
 * for one of the caller's and refuses it (mm.c get_page_from_l1e), Linux
 * warns (xen_mc_flush) and the frame is lost to the mapping.  mprotect() and
 * mremap() moving a mapping would rewrite them, and are refused (in every
 * guest, so that a program behaves the same everywhere).
 *
 * mprotect(): the access a mapping has is the one mmap() gave it; asking for
 * it again changes nothing and is allowed.
 */
static int xprivcmd_vma_mprotect(struct vm_area_struct *vma, unsigned long start,
				 unsigned long end, unsigned long newflags)
{
	if (newflags == vma->vm_flags)
		return 0;
	pr_notice_ratelimited("%s[%d]: mprotect() of a mapping of foreign frames refused: its access is the one mmap() gave it\n",
			      current->comm, task_pid_nr(current));
	return -EACCES;
}

static const struct vm_operations_struct xprivcmd_vm_ops = {
	.open = xprivcmd_vma_open,
	.close = xprivcmd_vma_close,
	.mprotect = xprivcmd_vma_mprotect,
	.fault = xprivcmd_vma_fault,
};

/*
 * mremap(): moving a mapping asks its file where to put it, at the VMA's
 * offset (mm/mremap.c), before it moves the entries.  A mapping's offset
 * starts at XPRIVCMD_MAP_PGOFF (the one mmap() was given added), while
 * mmap() asks with the caller's offset, below it: only a move asks with more.
 */
#define XPRIVCMD_MAP_PGOFF	BIT(40)

unsigned long xprivcmd_get_unmapped_area(struct file *file, unsigned long addr,
					 unsigned long len, unsigned long pgoff,
					 unsigned long flags)
{
	if (pgoff < XPRIVCMD_MAP_PGOFF)
		return mm_get_unmapped_area(file, addr, len, pgoff, flags);
	pr_notice_ratelimited("%s[%d]: mremap() moving a mapping of foreign frames (or mmap() at an offset of 2^40 pages or more) refused: map the frames again where they are wanted\n",
			      current->comm, task_pid_nr(current));
	return -EINVAL;
}

int xprivcmd_mmap(struct file *file, struct vm_area_struct *vma)
{
	/* Foreign frames are shared with their owner, never copied on write. */
	if (!(vma->vm_flags & VM_SHARED) || vma->vm_pgoff >= XPRIVCMD_MAP_PGOFF)
		return -EINVAL;
	vma->vm_pgoff += XPRIVCMD_MAP_PGOFF;
	/*
	 * DONTCOPY: fork() could not recreate entries that point at foreign
	 * frames.  DONTEXPAND: the mapping is populated to its size, once.
	 */
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTCOPY | VM_DONTEXPAND |
		     VM_DONTDUMP);
	vma->vm_ops = &xprivcmd_vm_ops;
	vma->vm_private_data = NULL;
	return 0;
}

static unsigned long map_index(struct vm_area_struct *vma,
			       struct xprivcmd_map *map, unsigned long addr)
{
	return vma->vm_pgoff - map->pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
}

static struct xprivcmd_map *map_alloc(struct vm_area_struct *vma)
{
	unsigned long nr = vma_pages(vma);
	struct xprivcmd_map *map;

	map = kzalloc(sizeof(*map), GFP_KERNEL);
	if (!map)
		return NULL;
	refcount_set(&map->users, 1);
	map->nr_pages = nr;
	map->pgoff = vma->vm_pgoff;
	if (!auto_translated())
		return map;

	/* The unpopulated-page allocator counts in unsigned int. */
	if (nr > UINT_MAX)
		goto err_free;
	map->pages = kvcalloc(nr, sizeof(*map->pages), USER_ARRAY_GFP);
	if (!map->pages)
		goto err_free;
	if (xen_alloc_unpopulated_pages(nr, map->pages))
		goto err_free_pages;
	return map;

err_free_pages:
	kvfree(map->pages);
err_free:
	kfree(map);
	return NULL;
}

static int pte_is_set(pte_t *pte, unsigned long addr, void *data)
{
	return pte_none(ptep_get(pte)) ? 0 : -EBUSY;
}

/* Whether any page of [@addr, @addr + @nr pages) is mapped already. */
static int range_has_frames(struct vm_area_struct *vma, unsigned long addr,
			    unsigned long nr)
{
	int rc = apply_to_page_range(vma->vm_mm, addr, nr << PAGE_SHIFT,
				     pte_is_set, NULL);

	if (rc == -EBUSY)
		return -EINVAL;
	return rc;
}

enum claim_mode {
	CLAIM_WHOLE,	/* MMAPBATCH: all of a fresh VMA, or holes of a used one */
	CLAIM_START,	/* MMAP: a fresh VMA from its start */
	CLAIM_INSIDE,	/* MMAP_RESOURCE: any part of a fresh VMA */
};

/**
 * claim() - find and check the VMA that a mapping ioctl is to populate
 * @addr: start of the range, page aligned
 * @nr: pages in the range, such that it does not wrap
 * @mode: what the ioctl may populate
 * @vmap: set to the VMA
 * @mapp: set to its populated state, allocated here on first use
 *
 * Called with the mmap lock held for writing, so that two threads cannot
 * populate the same range.
 *
 * Return: 0; -EINVAL for no VMA, another driver's VMA, or a range that the
 * rules above do not allow; -ENOMEM.
 */
static int claim(unsigned long addr, unsigned long nr, enum claim_mode mode,
		 struct vm_area_struct **vmap, struct xprivcmd_map **mapp)
{
	struct vm_area_struct *vma = vma_lookup(current->mm, addr);
	struct xprivcmd_map *map;
	int rc;

	if (!vma || vma->vm_ops != &xprivcmd_vm_ops)
		return -EINVAL;
	if (nr > (vma->vm_end - addr) >> PAGE_SHIFT)
		return -EINVAL;

	map = vma->vm_private_data;
	if (map) {
		/* Only MMAPBATCH may come back, to fill -ENOENT holes. */
		if (mode != CLAIM_WHOLE)
			return -EINVAL;
		rc = range_has_frames(vma, addr, nr);
		if (rc)
			return rc;
	} else {
		if (mode != CLAIM_INSIDE && addr != vma->vm_start)
			return -EINVAL;
		if (mode == CLAIM_WHOLE && nr != vma_pages(vma))
			return -EINVAL;
		map = map_alloc(vma);
		if (!map)
			return -ENOMEM;
		vma->vm_private_data = map;
	}
	*vmap = vma;
	*mapp = map;
	return 0;
}

/* Whether [@addr, @addr + @nr pages) is page aligned user space. */
static bool user_range_ok(u64 addr, u64 nr)
{
	if (!nr || (addr & ~PAGE_MASK) || addr >= TASK_SIZE)
		return false;
	return nr <= (TASK_SIZE - addr) >> PAGE_SHIFT;
}

/**
 * xprivcmd_mmap_entries() - IOCTL_PRIVCMD_MMAP, native or 32-bit
 * @file: the device file
 * @dom: the domain owning the frames
 * @num: number of &struct privcmd_mmap_entry at @uentries
 * @uentries: user array; its layout is the same for 32-bit programs
 *
 * Maps runs of machine frames; PV guests only.  The runs must start at the
 * VMA's start and follow each other without gaps.
 *
 * Return: 0; -ENOSYS in an auto-translated guest; -EPERM for a domain the
 * fd is not restricted to, or for the caller's own; -EACCES if the policy
 * forbids mmu_update; -EINVAL for a bad VMA or run; -EFAULT; -ENOMEM; or
 * the first error Xen gave.
 */
long xprivcmd_mmap_entries(struct file *file, u16 dom, int num,
			   const void __user *uentries)
{
	struct privcmd_mmap_entry *entries;
	struct vm_area_struct *vma;
	struct xprivcmd_map *map;
	unsigned long va;
	long ret;
	int i;

	if (auto_translated())
		return -ENOSYS;
	ret = judge_map(file, dom);
	if (ret)
		return ret;
	if (num < 0)
		return -EINVAL;
	if (!num)
		return 0;

	entries = kvmalloc_array(num, sizeof(*entries), USER_ARRAY_GFP);
	if (!entries)
		return -ENOMEM;
	/* Copied in before the mmap lock is taken: faults need it. */
	if (copy_from_user(entries, uentries, num * sizeof(*entries))) {
		ret = -EFAULT;
		goto out_free;
	}

	va = entries[0].va;
	mmap_write_lock(current->mm);
	ret = -EINVAL;
	if (!user_range_ok(va, 1))
		goto out_unlock;
	ret = claim(va, 1, CLAIM_START, &vma, &map);
	if (ret)
		goto out_unlock;

	for (i = 0; i < num; i++) {
		const struct privcmd_mmap_entry *e = &entries[i];

		/* Runs are contiguous, inside the VMA, and fit an int. */
		ret = -EINVAL;
		if (e->va != va || e->npages > INT_MAX ||
		    e->npages > (vma->vm_end - va) >> PAGE_SHIFT)
			goto out_unlock;
		ret = xen_remap_domain_gfn_range(vma, va, e->mfn, e->npages,
						 vma->vm_page_prot, dom, NULL);
		if (ret < 0)
			goto out_unlock;
		va += e->npages << PAGE_SHIFT;
	}
	ret = 0;

out_unlock:
	mmap_write_unlock(current->mm);
out_free:
	kvfree(entries);
	return ret;
}

/**
 * xprivcmd_ioctl_mmap() - IOCTL_PRIVCMD_MMAP
 * @file: the device file
 * @udata: user pointer to a &struct privcmd_mmap
 *
 * Return: see xprivcmd_mmap_entries().
 */
long xprivcmd_ioctl_mmap(struct file *file, void __user *udata)
{
	struct privcmd_mmap m;

	if (copy_from_user(&m, udata, sizeof(m)))
		return -EFAULT;
	return xprivcmd_mmap_entries(file, m.dom, m.num,
				     uapi_user_ptr(m.entry));
}

static int read_gfns(xen_pfn_t *gfns, const void __user *arr, u64 num,
		     bool compat)
{
	const u32 __user *arr32 = arr;
	u64 i;

	if (!compat)
		return copy_from_user(gfns, arr, num * sizeof(*gfns)) ? -EFAULT : 0;
	for (i = 0; i < num; i++) {
		u32 gfn;

		if (get_user(gfn, arr32 + i))
			return -EFAULT;
		gfns[i] = gfn;
	}
	return 0;
}

/*
 * Version 1 reports a frame's failure in the top bits of its own entry; the
 * entries of frames that mapped are left alone, as the in-tree driver does.
 * Its known limits: 4 bits, of a 32-bit value.
 */
static int write_v1_errors(void __user *arr, const xen_pfn_t *gfns,
			   const int *errs, u64 num, bool compat)
{
	xen_pfn_t __user *arr64 = arr;
	u32 __user *arr32 = arr;
	u64 i;

	for (i = 0; i < num; i++) {
		xen_pfn_t gfn;
		int rc;

		if (!errs[i])
			continue;
		gfn = gfns[i] | (errs[i] == -ENOENT ?
				 PRIVCMD_MMAPBATCH_PAGED_ERROR :
				 PRIVCMD_MMAPBATCH_MFN_ERROR);
		if (compat)
			rc = put_user((u32)gfn, arr32 + i);
		else
			rc = put_user(gfn, arr64 + i);
		if (rc)
			return -EFAULT;
	}
	return 0;
}

static void remap_gfns(struct vm_area_struct *vma, struct xprivcmd_map *map,
		       unsigned long addr, xen_pfn_t *gfns, int *errs, u64 num,
		       u16 dom)
{
	/*
	 * One kernel page per Xen frame, assumed below: true of 4 KiB pages,
	 * on x86 and arm64 alike; a kernel with larger pages fails to build.
	 */
	BUILD_BUG_ON(XEN_PFN_PER_PAGE != 1);

	while (num) {
		int n = min_t(u64, num, REMAP_CHUNK);
		struct page **pages = NULL;
		int rc;

		if (map->pages)
			pages = map->pages + map_index(vma, map, addr);
		rc = xen_remap_domain_gfn_array(vma, addr, gfns, n, errs,
						vma->vm_page_prot, dom, pages);
		/*
		 * The per-frame errors are what counts: the helpers return
		 * the last batch's error even though they carried on.  Only
		 * if none was recorded does a failure apply to the lot.
		 */
		if (rc < 0 && !memchr_inv(errs, 0, n * sizeof(*errs)))
			memset32((u32 *)errs, (u32)rc, n);
		addr += (unsigned long)n << PAGE_SHIFT;
		gfns += n;
		errs += n;
		num -= n;
		cond_resched();
	}
}

/*
 * In an auto-translated guest, xen_remap_domain_gfn_array() sets the entry
 * of every page whose batch the hypercall took, failed frames included:
 * those point at an unpopulated page that Xen backs with nothing, which an
 * x86 PVH dom0 reads as all ones and Arm takes an abort on.  Clear them:
 * a failed frame is a hole that raises SIGBUS, as in a PV guest, and that
 * a retry of a paged-out frame finds empty.
 */
static void clear_failed(struct vm_area_struct *vma, unsigned long addr,
			 const int *errs, u64 num)
{
	u64 i = 0;

	while (i < num) {
		u64 run = 0;

		while (i + run < num && errs[i + run])
			run++;
		if (run)
			zap_special_vma_range(vma,
					      addr + ((unsigned long)i << PAGE_SHIFT),
					      (unsigned long)run << PAGE_SHIFT);
		i += run + 1;
	}
}

/**
 * xprivcmd_mmapbatch() - IOCTL_PRIVCMD_MMAPBATCH and _V2, native or 32-bit
 * @file: the device file
 * @version: 1 (errors in the top bits of @arr) or 2 (errors in @uerr)
 * @dom: the domain owning the frames
 * @num: number of frames
 * @addr: where to map them, in a VMA of this device
 * @arr: user array of @num frame numbers (xen_pfn_t, 4 bytes if @compat)
 * @uerr: version 2: user array of @num ints for the per-frame results
 * @compat: the caller is a 32-bit program
 *
 * Frames that fail leave a hole and a per-frame error; the call itself only
 * fails with -EINVAL for arguments that are wrong whatever the frames, as
 * the tools take -EINVAL from version 2 to mean it is not implemented.  The
 * arrays are written only if a frame failed (@uerr was zeroed first), as
 * the in-tree driver does.
 *
 * Return: 0; -ENOENT if a frame is paged out (retry its hole later); -EPERM
 * for a domain the fd is not restricted to, or for the caller's own;
 * -EACCES if the policy forbids the mapping hypercall; -EINVAL; -EFAULT;
 * -ENOMEM.
 */
long xprivcmd_mmapbatch(struct file *file, int version, u16 dom, u64 num,
			u64 addr, void __user *arr, int __user *uerr,
			bool compat)
{
	size_t esz = compat ? sizeof(u32) : sizeof(xen_pfn_t);
	bool enoent = false, failed = false;
	struct vm_area_struct *vma;
	struct xprivcmd_map *map;
	xen_pfn_t *gfns;
	int *errs;
	long ret;
	u64 i;

	/* The in-tree driver's order: the array it writes, then the domain. */
	if (version == 1 ? !access_ok(arr, num * esz) :
			   !access_ok(uerr, num * sizeof(*uerr)))
		return -EFAULT;
	ret = judge_map(file, dom);
	if (ret)
		return ret;
	if (!user_range_ok(addr, num))
		return -EINVAL;
	if (!access_ok(arr, num * esz))
		return -EFAULT;
	/* Frames that map leave 0 in err[]. */
	if (version == 2 && clear_user(uerr, num * sizeof(*uerr)))
		return -EFAULT;

	gfns = kvmalloc_array(num, sizeof(*gfns), USER_ARRAY_GFP);
	errs = kvcalloc(num, sizeof(*errs), USER_ARRAY_GFP);
	ret = -ENOMEM;
	if (!gfns || !errs)
		goto out_free;
	ret = read_gfns(gfns, arr, num, compat);
	if (ret)
		goto out_free;

	mmap_write_lock(current->mm);
	ret = claim(addr, num, CLAIM_WHOLE, &vma, &map);
	if (!ret) {
		remap_gfns(vma, map, addr, gfns, errs, num, dom);
		if (map->pages)
			clear_failed(vma, addr, errs, num);
	}
	mmap_write_unlock(current->mm);
	if (ret)
		goto out_free;

	for (i = 0; i < num; i++) {
		if (!errs[i])
			continue;
		failed = true;
		if (errs[i] == -ENOENT)
			enoent = true;
	}
	if (!failed)
		goto out_free;
	if (version == 1)
		ret = write_v1_errors(arr, gfns, errs, num, compat);
	else if (copy_to_user(uerr, errs, num * sizeof(*errs)))
		ret = -EFAULT;
	if (!ret && enoent)
		ret = -ENOENT;

out_free:
	kvfree(errs);
	kvfree(gfns);
	return ret;
}

/**
 * xprivcmd_ioctl_mmapbatch() - IOCTL_PRIVCMD_MMAPBATCH and _V2
 * @file: the device file
 * @udata: user pointer to a &struct privcmd_mmapbatch or _v2
 * @version: 1 or 2
 *
 * Return: see xprivcmd_mmapbatch().
 */
long xprivcmd_ioctl_mmapbatch(struct file *file, void __user *udata,
			      int version)
{
	if (version == 1) {
		struct privcmd_mmapbatch m;

		if (copy_from_user(&m, udata, sizeof(m)))
			return -EFAULT;
		return xprivcmd_mmapbatch(file, 1, m.dom, m.num > 0 ? m.num : 0,
					  m.addr,
					  uapi_user_ptr(m.arr),
					  NULL, false);
	} else {
		struct privcmd_mmapbatch_v2 m;

		if (copy_from_user(&m, udata, sizeof(m)))
			return -EFAULT;
		return xprivcmd_mmapbatch(file, 2, m.dom, m.num, m.addr,
					  uapi_user_ptr(m.arr),
					  uapi_user_ptr(m.err),
					  false);
	}
}

struct remap_pages {
	struct page **pages;
	pgprot_t prot;
};

static int set_page_pte(pte_t *pte, unsigned long addr, void *data)
{
	struct remap_pages *r = data;

	set_pte_at(current->mm, addr, pte,
		   pte_mkspecial(pfn_pte(page_to_pfn(*r->pages++), r->prot)));
	return 0;
}

/*
 * Auto-translated: Xen has put the resource's frames behind our unpopulated
 * pages; map those pages.
 */
static int map_resource_pages(struct vm_area_struct *vma,
			      struct xprivcmd_map *map, unsigned long addr,
			      unsigned long nr)
{
	struct remap_pages r = {
		.pages = map->pages + map_index(vma, map, addr),
		.prot = vma->vm_page_prot,
	};

	return apply_to_page_range(vma->vm_mm, addr, nr << PAGE_SHIFT,
				   set_page_pte, &r);
}

static int acquire_resource(struct xen_mem_acquire_resource *xr)
{
	unsigned long args[5] = { XENMEM_acquire_resource, (unsigned long)xr };
	u64 start = xprivcmd_account_begin();
	int rc;

	xprivcmd_hcall_begin();
	rc = HYPERVISOR_memory_op(XENMEM_acquire_resource, xr);
	xprivcmd_hcall_end();
	xprivcmd_account(__HYPERVISOR_memory_op, XENMEM_acquire_resource, args,
			 rc, start);
	return rc;
}

static long resource_nr_frames(void __user *udata, struct privcmd_mmap_resource *r)
{
	struct xen_mem_acquire_resource xr = {
		.domid = r->dom,
		.type = r->type,
		.id = r->id,
	};
	long ret = acquire_resource(&xr);

	if (ret)
		return ret;
	r->num = xr.nr_frames;
	return copy_to_user(udata, r, sizeof(*r)) ? -EFAULT : 0;
}

/**
 * xprivcmd_ioctl_mmap_resource() - IOCTL_PRIVCMD_MMAP_RESOURCE
 * @file: the device file
 * @udata: user pointer to a &struct privcmd_mmap_resource; the layout is the
 *	same for 32-bit programs
 *
 * With @addr and @num both 0, asks Xen how many frames the resource has and
 * writes that to @num.  Otherwise maps frames @idx.. of it at @addr.
 *
 * Return: 0; -EPERM for a domain the fd is not restricted to, or for the
 * caller's own; -EACCES if the policy forbids acquire_resource; -EINVAL for
 * only one of @addr and @num zero, a bad range or VMA; -EOPNOTSUPP if Xen
 * handed the frames to the caller (see below); -EFAULT; -ENOMEM; Xen's
 * error, or the first frame's that failed to map.
 */
long xprivcmd_ioctl_mmap_resource(struct file *file, void __user *udata)
{
	struct xen_mem_acquire_resource xr = {};
	struct privcmd_mmap_resource r;
	struct vm_area_struct *vma;
	struct xprivcmd_map *map;
	xen_pfn_t *pfns;
	int *errs;
	long ret;
	u64 i;

	if (copy_from_user(&r, udata, sizeof(r)))
		return -EFAULT;
	ret = xprivcmd_judge_ioctl(file, __HYPERVISOR_memory_op,
				   XENMEM_acquire_resource, r.dom);
	if (ret)
		return ret;
	if (!r.addr != !r.num || r.type > U16_MAX)
		return -EINVAL;
	if (!r.addr)
		return resource_nr_frames(udata, &r);
	/* Xen counts frames in 32 bits, the remapping helpers in int. */
	if (!user_range_ok(r.addr, r.num) || r.num > INT_MAX)
		return -EINVAL;

	pfns = kvcalloc(r.num, sizeof(*pfns), USER_ARRAY_GFP);
	errs = kvcalloc(r.num, sizeof(*errs), USER_ARRAY_GFP);
	ret = -ENOMEM;
	if (!pfns || !errs)
		goto out_free;

	mmap_write_lock(current->mm);
	ret = claim(r.addr, r.num, CLAIM_INSIDE, &vma, &map);
	if (ret)
		goto out_unlock;

	if (map->pages) {
		struct page **pages = map->pages + map_index(vma, map, r.addr);

		/* Xen puts the frames at these guest frames of ours. */
		for (i = 0; i < r.num; i++)
			pfns[i] = page_to_xen_pfn(pages[i]);
	}
	xr.domid = r.dom;
	xr.type = r.type;
	xr.id = r.id;
	xr.frame = r.idx;
	xr.nr_frames = r.num;
	set_xen_guest_handle(xr.frame_list, pfns);
	ret = acquire_resource(&xr);
	if (ret)
		goto out_unlock;

	if (map->pages) {
		ret = map_resource_pages(vma, map, r.addr, r.num);
	} else if (xr.flags & XENMEM_rsrc_acq_caller_owned) {
		/*
		 * Xen 4.11 and 4.12 could hand a resource's frames to the
		 * caller, to be mapped as its own (DOMID_SELF).  Nothing
		 * here maps the caller's frames: refused, and the mapping
		 * stays empty.
		 */
		pr_warn_ratelimited("MMAP_RESOURCE: Xen gave domain %u's resource %u frames to the caller: not mapped\n",
				    r.dom, r.type);
		ret = -EOPNOTSUPP;
	} else {
		int n = xen_remap_domain_mfn_array(vma, r.addr, pfns, r.num,
						   errs, vma->vm_page_prot,
						   r.dom);

		ret = n < 0 ? n : 0;
		for (i = 0; !ret && i < r.num; i++)
			ret = errs[i];
	}
	if (!ret && r.type == XENMEM_resource_ioreq_server) {
		map->ioreq_server = true;
		map->ioreq_dom = r.dom;
	}

out_unlock:
	mmap_write_unlock(current->mm);
out_free:
	kvfree(errs);
	kvfree(pfns);
	return ret;
}

/**
 * xprivcmd_map_get_ioreq() - the page of an ioreq server mapped at @uaddr
 * @uaddr: a user address in the calling process
 * @dom: the domain the server must be of
 * @mapp: set to the mapping, referenced: release with xprivcmd_map_put()
 * @pagep: set to the page at @uaddr, which the kernel can read
 *
 * For ioeventfds, whose interrupt handlers read the page: the reference
 * keeps it Xen's after the VMA is gone.
 *
 * Return: 0; -EFAULT if nothing is mapped at @uaddr; -EINVAL for a mapping
 * of another driver, or one that MMAP_RESOURCE did not fill with @dom's
 * ioreq server; -EOPNOTSUPP in a PV guest, whose mappings hold machine
 * frames that the kernel has no address for.
 */
int xprivcmd_map_get_ioreq(u64 uaddr, u16 dom, struct xprivcmd_map **mapp,
			   struct page **pagep)
{
	struct vm_area_struct *vma;
	struct xprivcmd_map *map;
	int ret = -EFAULT;

	if (uaddr >= TASK_SIZE)
		return -EFAULT;
	mmap_read_lock(current->mm);
	vma = vma_lookup(current->mm, uaddr);
	if (!vma)
		goto out_unlock;
	ret = -EINVAL;
	if (vma->vm_ops != &xprivcmd_vm_ops)
		goto out_unlock;
	map = vma->vm_private_data;
	if (!map || !map->ioreq_server || map->ioreq_dom != dom)
		goto out_unlock;
	ret = -EOPNOTSUPP;
	if (!map->pages)
		goto out_unlock;
	*pagep = map->pages[map_index(vma, map, uaddr)];
	refcount_inc(&map->users);
	*mapp = map;
	ret = 0;
out_unlock:
	mmap_read_unlock(current->mm);
	return ret;
}

/**
 * xprivcmd_map_put() - drop a reference taken by xprivcmd_map_get_ioreq()
 * @map: the mapping
 */
void xprivcmd_map_put(struct xprivcmd_map *map)
{
	if (refcount_dec_and_test(&map->users))
		map_free(NULL, map);
}
