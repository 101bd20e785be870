/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The first step of every decision (decide.c), inline: a call that is
 * register-only (module/common/quick.c) and passes it is decided.
 */
#ifndef XPRIVCMD_DECIDE_QUICK_H
#define XPRIVCMD_DECIDE_QUICK_H

#include "xprivcmd.h"
#include "quick.h"
#include "ranges.h"

/**
 * xprivcmd_quick_allows() - may a register-only call be issued as it is?
 * @xf: the fd's state; the fd is not restricted
 * @q: xprivcmd_quick()'s answer for the call, not NULL
 * @op: hypercall number
 * @cmd: its sub-command, as xprivcmd_quick() found it
 * @args: its five arguments
 *
 * What the full decision would still do with such a call once it knows the
 * op and sub-command: ask the policy, and check the pointers.  It allows
 * only what xprivcmd_judge() would allow, and refuses nothing itself: a
 * call it does not allow is decided in full, which says why it is refused
 * (the verdict is the same: the index holds only calls whose full decision
 * is these steps).  The hypercall ioctl asks it first, so that such a call
 * is issued without the state a call with kernel copies needs; inline, as
 * all it runs, since under QEMU's emulation, where make bench compares the
 * ioctl with the in-tree driver's, each function call on this path shows.
 *
 * Return: true to issue the call as it is.
 */
static __always_inline bool
xprivcmd_quick_allows(struct xprivcmd_file *xf, const struct xprivcmd_quick *q,
		      u64 op, u64 cmd, const u64 *args)
{
	struct xprivcmd_range r;
	unsigned int i;

	if (!xprivcmd_policy_unset() && !xprivcmd_policy_allowed(xf, op, cmd, NULL))
		return false;
	for (i = 0; i < q->nr_ptrs; i++) {
		xprivcmd_fill_range(&q->ptrs[i], args, &r);
		if (r.len && xprivcmd_check_range(&r))
			return false;
	}
	return true;
}

#endif /* XPRIVCMD_DECIDE_QUICK_H */
