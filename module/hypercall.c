// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOCTL_PRIVCMD_HYPERCALL: decide (decide.c), issue, and give the caller
 * back what Xen wrote.
 *
 * A call, or each entry of a multicall, may be issued with a kernel copy
 * of its structure or array in place of the caller's: the one the decision
 * read.  After the call, a copy of memory Xen may write goes back whole, as
 * Xen writes back a structure (the decision checked that memory writable);
 * of memory Xen only reads, and of the copies of a multicall's several
 * entries (which may overlap), what Xen changed goes back and nothing
 * else: an input Xen only reads may be in read-only memory, as with the
 * in-tree driver.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/ktime.h>
#include <linux/moduleparam.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <xen/xen-ops.h>
#include <asm/xen/hypercall.h>

#include "xprivcmd.h"
#include "call.h"
#include "decide_quick.h"
#include "quick.h"
#include "reasons.h"
#include "schema.h"

#define CREATE_TRACE_POINTS
#include "xprivcmd_trace.h"

static unsigned int multicall_max = 4096;
module_param(multicall_max, uint, 0644);
MODULE_PARM_DESC(multicall_max,
		 "Most multicall entries in one call (E2BIG beyond; default 4096)");

static int reject(struct xprivcmd_call *c, unsigned int reason, u32 entry,
		  u64 op)
{
	c->rej.reason = reason;
	c->rej.entry = entry;
	c->rej.op = op;
	c->rej.err = -xprivcmd_reason(reason)->err;
	return c->rej.err;
}

/*
 * Multicall: every entry is decided like a call of its own, on a kernel
 * copy of the list that Xen then executes, so that a refused call can
 * neither hide in the list nor be swapped in after the decision.
 */
static int prepare_multicall(struct xprivcmd_file *xf, struct xprivcmd_call *c)
{
	u64 nr = c->h.arg[1];
	u32 i;
	int ret;

	if (!nr)
		return 0;
	c->rej.arg = XPRIVCMD_ARG_NONE;
	if (nr > multicall_max) {
		c->rej.arg = 1;
		c->rej.value = nr;
		return reject(c, XPRIVCMD_REASON_TOO_MANY, XPRIVCMD_ARG_NONE,
			      c->h.op);
	}

	c->list_len = nr * XPRIVCMD_MC_ENTRY_WORDS * sizeof(u64);
	/* A list of one entry goes where a call's structure would. */
	if (c->list_len <= c->arena_len - c->arena_used) {
		c->list = c->arena + c->arena_used;
		c->arena_used += c->list_len;
	} else {
		c->list = kvmalloc(c->list_len, GFP_KERNEL);
		if (!c->list)
			return -ENOMEM;
		c->list_owned = true;
	}
	if (copy_from_user(c->list, u64_to_user_ptr(c->h.arg[0]), c->list_len)) {
		c->rej.arg = 0;
		c->rej.value = c->h.arg[0];
		return reject(c, XPRIVCMD_REASON_UNMAPPED, XPRIVCMD_ARG_NONE,
			      c->h.op);
	}
	/* One entry's copy is the call's own. */
	if (nr > 1) {
		c->copies = kvcalloc(nr, sizeof(*c->copies), GFP_KERNEL);
		if (!c->copies)
			return -ENOMEM;
		c->max_copies = nr;
	}

	for (i = 0; i < nr; i++) {
		long base = (long)i * XPRIVCMD_MC_ENTRY_WORDS;
		u64 *e = &c->list[base];

		if (e[0] == __HYPERVISOR_multicall) {
			c->rej.arg = XPRIVCMD_ARG_NONE;
			return reject(c, XPRIVCMD_REASON_NESTED_MULTICALL, i, e[0]);
		}
		ret = xprivcmd_judge(xf, c, e[0], &e[2], base, &c->rej);
		if (ret < 0)
			return ret;
		if (ret)
			return reject(c, ret, i, e[0]);
	}
	c->args[0] = (unsigned long)c->list;
	return 0;
}

static int prepare_call(struct xprivcmd_file *xf, struct xprivcmd_call *c)
{
	u64 args[XPRIVCMD_NR_ARGS];
	unsigned int i;
	int ret;

	for (i = 0; i < XPRIVCMD_NR_ARGS; i++)
		args[i] = c->h.arg[i];
	c->copies = &c->one;
	c->max_copies = 1;

	ret = xprivcmd_judge(xf, c, c->h.op, args, -1, &c->rej);
	for (i = 0; i < XPRIVCMD_NR_ARGS; i++)
		c->args[i] = args[i];
	c->subop = c->rej.subop;
	if (ret < 0)
		return ret;
	if (ret)
		return reject(c, ret, XPRIVCMD_ARG_NONE, c->h.op);
	if (c->h.op == __HYPERVISOR_multicall)
		return prepare_multicall(xf, c);
	return 0;
}

/*
 * The bytes of a copy that Xen changed go back, run by run, and nothing
 * between them: in a multicall another entry may have written there since
 * the copy was taken, directly or through a copy of its own, and an
 * unchanged byte of this copy would undo that.  Inline: one caller.
 */
static __always_inline int copy_back_changed(const struct xprivcmd_copy *cp)
{
	const u8 *now = cp->kbuf, *was = cp->orig;
	size_t i = 0, start;

	if (!memcmp(now, was, cp->len))
		return 0;	/* the usual case: Xen only read it */
	while (i < cp->len) {
		if (now[i] == was[i]) {
			i++;
			continue;
		}
		for (start = i; i < cp->len && now[i] != was[i]; i++)
			;
		if (copy_to_user(u64_to_user_ptr(cp->uaddr + start), now + start, i - start))
			return -EFAULT;
	}
	return 0;
}

/*
 * After the call: a copy that goes back whole does, the others as
 * copy_back_changed() says; the list the caller gets back points to its
 * own structures again.
 */
static int finish_copies(struct xprivcmd_call *c)
{
	int ret = 0;
	u32 i;

	for (i = 0; i < c->nr_copies; i++) {
		struct xprivcmd_copy *cp = &c->copies[i];

		if (c->list && cp->word >= 0)
			c->list[cp->word] = cp->uaddr;
		if (!cp->orig) {
			if (copy_to_user(u64_to_user_ptr(cp->uaddr), cp->kbuf, cp->len))
				ret = -EFAULT;
		} else if (copy_back_changed(cp)) {
			ret = -EFAULT;
		}
	}
	if (c->list &&
	    copy_to_user(u64_to_user_ptr(c->h.arg[0]), c->list, c->list_len))
		ret = -EFAULT;
	return ret;
}

static void free_call(struct xprivcmd_call *c)
{
	u32 i;

	for (i = 0; i < c->nr_copies; i++)
		if (c->copies[i].owned)
			kvfree(c->copies[i].kbuf);
	if (c->copies != &c->one)
		kvfree(c->copies);
	if (c->arena_owned)
		kvfree(c->arena);
	if (c->list_owned)
		kvfree(c->list);
}

/*
 * Inline here: under QEMU's emulation every function call on the
 * ioctl's path shows in its cost (see xprivcmd_ioctl_hypercall()).
 */
static __always_inline u64 account_begin(void)
{
	if (xprivcmd_stats_timing() || trace_xprivcmd_hypercall_enabled())
		return ktime_get_ns();
	return 0;
}

/**
 * xprivcmd_account_begin() - the start of a call to Xen, for its duration
 *
 * Return: the time, when the latency histograms or the tracepoint want
 * it; 0 otherwise.
 */
u64 xprivcmd_account_begin(void)
{
	return account_begin();
}

/* Inline here, for the same reason. */
static __always_inline void account(u64 op, u64 subop, const unsigned long *args,
				    long ret, u64 start)
{
	u64 ns = start ? ktime_get_ns() - start : 0;

	xprivcmd_stats_issued(op, ret);
	if (xprivcmd_stats_timing())
		xprivcmd_stats_latency(op, ns);
	trace_xprivcmd_hypercall(op, subop, args, ret, ns);
}

/**
 * xprivcmd_account() - counts, times and traces one call that reached Xen
 * @op: hypercall number
 * @subop: its sub-command, as the tracepoint shows it
 * @args: its arguments, as the tracepoint shows them
 * @ret: Xen's result
 * @start: xprivcmd_account_begin()'s time
 *
 * Every path that calls Xen for a program (the hypercall ioctl, DM_OP,
 * MMAP_RESOURCE, an irqfd's injection) goes through here, so that the
 * counters and the tracepoint show each call that reached Xen.
 */
void xprivcmd_account(u64 op, u64 subop, const unsigned long *args,
		      long ret, u64 start)
{
	account(op, subop, args, ret, start);
}

static __always_inline long issue(u64 op, u64 subop, const unsigned long *args)
{
	u64 start = account_begin();
	long ret;

	/* Long-running calls (domain builds) may be preempted in a PV guest. */
	xprivcmd_hcall_begin();
	ret = privcmd_call(op, args[0], args[1], args[2], args[3], args[4]);
	xprivcmd_hcall_end();
	account(op, subop, args, ret, start);
	return ret;
}

/*
 * A call whose decision prepared kernel copies, or may: decided by
 * xprivcmd_judge(), issued, and what Xen wrote given back.
 */
static long hypercall_in_full(struct xprivcmd_file *xf, bool restricted,
			      const struct privcmd_hypercall *h)
{
	/*
	 * Not zeroed, even where the kernel zeroes every stack variable
	 * (INIT_STACK_ALL_ZERO, as Debian's): only the bytes of the copies made
	 * into it are ever read, and 384 bytes cleared on every call show in
	 * the cost under QEMU's emulation.
	 */
	u64 small[XPRIVCMD_ARENA_BYTES / sizeof(u64)] __uninitialized;
	struct xprivcmd_call c = {
		.h = *h, .restricted = restricted,
		.arena = small, .arena_len = sizeof(small),
	};
	long ret;

	xprivcmd_self(&c.caller);
	ret = prepare_call(xf, &c);
	if (ret) {
		if (c.rej.reason)
			xprivcmd_refused(xf, &c.rej);
		goto out;
	}

	ret = issue(c.h.op, c.subop, c.args);
	if (finish_copies(&c))
		ret = -EFAULT;
out:
	free_call(&c);
	return ret;
}

/**
 * xprivcmd_ioctl_hypercall() - IOCTL_PRIVCMD_HYPERCALL
 * @file: the device file
 * @udata: user pointer to a &struct privcmd_hypercall
 *
 * A call that xprivcmd_quick_allows() is issued as the caller gave it, from
 * here: no copy, so none of the state of hypercall_in_full(), which
 * decides (and refuses, saying why) every other call.  Under QEMU's
 * emulation, where make bench measures the ioctl against the in-tree
 * driver's, each function call on this path shows in its cost.
 *
 * Return: the hypervisor's result unchanged (Xen's errno values are Linux's;
 * -EFAULT if what Xen wrote cannot be given back), or a negative errno if
 * the call was refused before reaching Xen.
 */
long xprivcmd_ioctl_hypercall(struct file *file, void __user *udata)
{
	struct xprivcmd_file *xf = file->private_data;
	unsigned long args[XPRIVCMD_NR_ARGS];
	const struct xprivcmd_quick *q;
	struct privcmd_hypercall h;
	bool restricted;
	unsigned int i;
	u64 cmd;

	if (copy_from_user(&h, udata, sizeof(h)))
		return -EFAULT;
	/*
	 * A restricted fd acts on one domain; a raw hypercall may name any,
	 * but for the calls restricted_policy allows that act on the caller
	 * alone.
	 */
	restricted = xprivcmd_file_restricted(xf);
	q = restricted ? NULL : xprivcmd_quick(h.op, h.arg, &cmd);
	if (!q || !xprivcmd_quick_allows(xf, q, h.op, cmd, h.arg))
		return hypercall_in_full(xf, restricted, &h);
	for (i = 0; i < XPRIVCMD_NR_ARGS; i++)
		args[i] = h.arg[i];
	return issue(h.op, cmd, args);
}
