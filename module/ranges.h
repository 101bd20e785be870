/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The checks of the user memory a call names: in user space, and mapped
 * with the access Xen needs.  Inline: every call's decision runs them,
 * the register-only ones (call.h) from the hypercall ioctl itself.
 */
#ifndef XPRIVCMD_RANGES_H
#define XPRIVCMD_RANGES_H

#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/uaccess.h>
#ifdef CONFIG_X86
#include <asm/futex.h>
#endif

#include "call.h"
#include "reasons.h"
#include "schema.h"

#ifdef CONFIG_X86
/**
 * xprivcmd_writable_early() - make sure Xen can write a user range, cheaply
 * @start: user address (access_ok() holds for the range)
 * @len: bytes, not 0
 *
 * One atomic add of zero to an aligned word of each page: a write access,
 * so a page that is not present, or present but read-only where the
 * mapping allows writing (copy on write), is faulted in as a write would
 * be, and a mapping without write permission fails; but no byte changes,
 * and being atomic it cannot lose what another thread writes at the same
 * time.  A buffer in use costs one instruction a page: no page-table walk
 * of its own, no page references, no mmap_lock.  The word may lie before
 * @start, in the same page: it is not changed either.  On x86 Xen's walk
 * of the caller's page tables sets the accessed and dirty bits itself, so
 * present and writable is all it needs.
 *
 * Return: true when every page could be written; false is no verdict (the
 * caller then asks the fault handler, which has the last word).
 */
static __always_inline bool xprivcmd_writable_early(unsigned long start, size_t len)
{
	unsigned long end = start + len, p = ALIGN_DOWN(start, sizeof(u32));
	int old;

	while (p < end) {
		if (arch_futex_atomic_op_inuser(FUTEX_OP_ADD, 0, &old,
						(u32 __user *)p))
			return false;
		p = (p & PAGE_MASK) + PAGE_SIZE;
	}
	return true;
}
#else
/*
 * Elsewhere (arm64 on a CPU without hardware access-flag and dirty-bit
 * management, as QEMU's cortex-a57) a page may be mapped old, or writable
 * but clean, until a fault of the kernel's marks it: Xen's stage-1
 * translation of the address then fails with EFAULT, so the fault must be
 * taken, by fault_in_safe_writeable().
 */
static inline bool xprivcmd_writable_early(unsigned long start, size_t len)
{
	return false;
}
#endif

/*
 * Faulting the buffer in proves it is mapped with the access the hypervisor
 * needs, and spares callers whose fresh malloc()ed buffer is not yet backed
 * by a page an EFAULT from Xen, which cannot fault pages in for a PV guest.
 * Writable buffers are faulted in without changing them, as many are both
 * read and written: on x86 by xprivcmd_writable_early(), which costs a buffer in
 * use one instruction a page, else (and when that fails, to be sure) by
 * the fault handler.  Access 0 is a pointer whose use is not modelled:
 * only "in user space" can be enforced.
 */
static __always_inline bool xprivcmd_range_is_accessible(const struct xprivcmd_range *r)
{
	const char __user *p = u64_to_user_ptr(r->addr);

	if ((r->access & XPRIVCMD_OUT) && !xprivcmd_writable_early(r->addr, r->len) &&
	    fault_in_safe_writeable(p, r->len))
		return false;
	if (r->access == XPRIVCMD_IN && fault_in_readable(p, r->len))
		return false;
	return true;
}

/* Returns 0 or the reason the range is refused. */
static __always_inline unsigned int xprivcmd_check_range(const struct xprivcmd_range *r)
{
	if (!r->addr)
		return r->required ? XPRIVCMD_REASON_NULL_PTR : 0;
	/* Also catches lengths that would run past user space. */
	if (!access_ok(u64_to_user_ptr(r->addr), r->len))
		return XPRIVCMD_REASON_KERNEL_PTR;
	if (!xprivcmd_range_is_accessible(r))
		return XPRIVCMD_REASON_UNMAPPED;
	return 0;
}

/* Returns 0 or the reason @r is refused, which @rej is told the place of. */
static __always_inline unsigned int
xprivcmd_check_whole(const struct xprivcmd_range *r, struct xprivcmd_reject *rej)
{
	unsigned int reason = xprivcmd_check_range(r);

	if (reason) {
		rej->arg = r->arg;
		rej->value = r->addr;
	}
	return reason;
}

static inline unsigned int
xprivcmd_check_ranges(const struct xprivcmd_range *r, unsigned int n,
		      struct xprivcmd_reject *rej)
{
	unsigned int i, reason;

	for (i = 0; i < n; i++) {
		reason = xprivcmd_check_whole(&r[i], rej);
		if (reason)
			return reason;
	}
	return 0;
}

#endif /* XPRIVCMD_RANGES_H */
