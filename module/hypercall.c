// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOCTL_PRIVCMD_HYPERCALL: check a hypercall's arguments and the policy,
 * then issue it.
 *
 * In a PV guest the hypervisor dereferences whatever guest virtual address it
 * is handed, kernel addresses included, so every pointer argument the schema
 * knows of is checked to be user memory before the call is made.
 *
 * Where a decision depends on memory rather than registers (the sub-command
 * inside a sysctl or domctl structure, the guest handles embedded in the
 * structures of domctl, sysctl, memory_op and grant_table_op sub-commands,
 * the entries of a multicall), the memory is copied into the kernel, the
 * decision is made on the copy, and Xen is given the copy.  Another thread
 * rewriting the user buffer can then change nothing that was checked.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/ktime.h>
#include <linux/moduleparam.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <xen/xen-ops.h>
#include <asm/xen/hypercall.h>

#include "xprivcmd.h"
#include "reasons.h"
#include "verdicts.h"
#include "schema.h"

#define CREATE_TRACE_POINTS
#include "xprivcmd_trace.h"

#define OP_MULTICALL		13
/* Xen's struct multicall_entry in the 64-bit ABI: op, result, args[6]. */
#define MC_ENTRY_WORDS		8

static unsigned int multicall_max = 4096;
module_param(multicall_max, uint, 0644);
MODULE_PARM_DESC(multicall_max,
		 "Most multicall entries in one call (E2BIG beyond; default 4096)");

const char *xprivcmd_reason_name(unsigned int reason)
{
	return xprivcmd_reason(reason)->log;
}

/**
 * struct xprivcmd_copy - a multicall entry's structure, copied into the kernel
 * @kbuf: the copy Xen is given instead
 * @len: its length
 * @uaddr: the caller's structure, where results go back to
 * @word: index in the multicall list of the argument that pointed to it
 */
struct xprivcmd_copy {
	void *kbuf;
	size_t len;
	u64 uaddr;
	size_t word;
};

/**
 * struct xprivcmd_call - one hypercall on its way to Xen
 * @h: as the caller gave it
 * @args: as Xen will get them: a kernel copy may replace a user pointer
 * @subop: sub-command, for policy and tracing
 * @kbuf: kernel copy of the structure or multicall list, or NULL
 * @klen: its length
 * @karg: the argument @kbuf stands in for
 * @copies: for a multicall, the copies of its entries' structures
 * @nr_copies: entries used in @copies
 * @rej: why the call was refused, when it was
 */
struct xprivcmd_call {
	struct privcmd_hypercall h;
	unsigned long args[XPRIVCMD_NR_ARGS];
	u64 subop;
	void *kbuf;
	size_t klen;
	unsigned int karg;
	struct xprivcmd_copy *copies;
	u32 nr_copies;
	struct xprivcmd_reject {
		unsigned int reason;
		u32 arg;
		u32 entry;
		u64 op;
		u64 value;
		int err;
	} rej;
};

static int reject(struct xprivcmd_call *c, unsigned int reason, u32 arg,
		  int err)
{
	c->rej.reason = reason;
	c->rej.arg = arg;
	c->rej.entry = XPRIVCMD_ARG_NONE;
	c->rej.op = c->h.op;
	c->rej.value = arg == XPRIVCMD_ARG_NONE ? 0 : c->h.arg[arg];
	c->rej.err = err;
	return err;
}

/*
 * Faulting the buffer in proves it is mapped with the access the hypervisor
 * needs, and spares callers whose fresh malloc()ed buffer is not yet backed
 * by a page an EFAULT from Xen, which cannot fault pages in for a PV guest.
 * Writable buffers are faulted in without writing to them, as many are both
 * read and written.
 */
static bool range_is_accessible(const struct xprivcmd_range *r)
{
	const char __user *p = u64_to_user_ptr(r->addr);

	if ((r->access & XPRIVCMD_OUT) && fault_in_safe_writeable(p, r->len))
		return false;
	if (r->access == XPRIVCMD_IN && fault_in_readable(p, r->len))
		return false;
	return true;
}

/* Returns 0 or the reason the range is refused. */
static unsigned int check_range(const struct xprivcmd_range *r)
{
	if (!r->addr)
		return r->required ? XPRIVCMD_REASON_NULL_PTR : 0;
	/* Also catches lengths that would run past user space. */
	if (!access_ok(u64_to_user_ptr(r->addr), r->len))
		return XPRIVCMD_REASON_KERNEL_PTR;
	if (!range_is_accessible(r))
		return XPRIVCMD_REASON_UNMAPPED;
	return 0;
}

/* Checks the pointer arguments Xen's schema, or a user's, names for @op. */
static unsigned int check_args(u64 op, const u64 *args, u32 *bad_arg)
{
	struct xprivcmd_range ranges[XPRIVCMD_MAX_PTRS];
	unsigned int reason;
	int i, n;

	if (xprivcmd_schema_op(op))
		n = xprivcmd_schema_ranges(op, args, ranges);
	else
		n = xprivcmd_user_op_ranges(op, args, ranges);
	for (i = 0; i < n; i++) {
		reason = check_range(&ranges[i]);
		if (reason) {
			*bad_arg = ranges[i].arg;
			return reason;
		}
	}
	return 0;
}

/*
 * Copies the structure a call's argument points to into the kernel; the call
 * is then issued with the copy, and what Xen writes to it is copied back.
 */
static int copy_struct(struct xprivcmd_call *c, const struct xprivcmd_range *whole)
{
	void *kbuf;

	kbuf = memdup_user(u64_to_user_ptr(whole->addr), whole->len);
	if (IS_ERR(kbuf) && PTR_ERR(kbuf) == -EFAULT)
		return reject(c, XPRIVCMD_REASON_UNMAPPED, whole->arg, -EFAULT);
	if (IS_ERR(kbuf))
		return PTR_ERR(kbuf);
	c->kbuf = kbuf;
	c->klen = whole->len;
	c->karg = whole->arg;
	return 0;
}

/*
 * Virtual addresses Xen resolves in our page tables without a guest handle
 * (update_va_mapping, grant maps).  Xen would remap or unmap whatever page
 * they name, so they must be user addresses.  A page-table entry named by
 * machine address (GNTMAP_contains_pte) may be one of the kernel's page
 * tables as well as a user one, and nothing here can tell them apart.
 */
static unsigned int check_vas(u64 op, const u64 *args, const void *buf,
			      u64 len, struct xprivcmd_va *va)
{
	struct xprivcmd_range r = {
		.len = sizeof(u64), .access = XPRIVCMD_IN, .required = true,
	};
	unsigned int reason;
	u64 pos = 0;

	while (xprivcmd_schema_next_va(op, args, buf, len, &pos, va)) {
		switch (va->kind) {
		case XPRIVCMD_VA_PTE:
			return XPRIVCMD_REASON_PTE_ADDR;
		case XPRIVCMD_VA_OWN_TABLES:
			return XPRIVCMD_REASON_OWN_TABLES;
		case XPRIVCMD_VA_VCPUMASK:
			/* A bitmap Xen reads: a buffer like any other. */
			r.addr = va->addr;
			reason = check_range(&r);
			if (reason)
				return reason;
			break;
		default:
			if (!access_ok(u64_to_user_ptr(va->addr), 1))
				return XPRIVCMD_REASON_KERNEL_VA;
		}
	}
	return 0;
}

static int reason_errno(unsigned int reason)
{
	return -xprivcmd_reason(reason)->err;
}

/*
 * Decides on the kernel copy @kbuf of the structure of call @op: the policy
 * on the sub-command it holds (for sysctl, domctl, ...), its interface
 * version, the user buffers its guest handles point to and the virtual
 * addresses it names.  Xen is then given that copy, so what it follows is
 * what was checked.
 *
 * Return: 0, or the reason to refuse, with *@bad the offending address
 * (left alone for reasons about the structure as a whole).
 */
static unsigned int judge_copy(struct xprivcmd_file *xf, u64 op,
			       const u64 *args, const void *kbuf, size_t klen,
			       u64 *subop, u64 *bad)
{
	const struct xprivcmd_op *s = xprivcmd_schema_op(op);
	struct xprivcmd_struct_info info;
	bool known_ifaces = false;
	struct xprivcmd_va va;
	unsigned int i, reason;

	xprivcmd_schema_struct(op, args, kbuf, klen, &info);
	if (s && s->struct_cmd) {
		*subop = info.cmd;
		if (!xprivcmd_policy_allowed(xf, op, info.cmd, &known_ifaces))
			return XPRIVCMD_REASON_POLICY;
		if (known_ifaces && !info.iv_known)
			return XPRIVCMD_REASON_INTERFACE;
	}
	for (i = 0; i < info.nr_ranges; i++) {
		reason = check_range(&info.ranges[i]);
		if (reason) {
			*bad = info.ranges[i].addr;
			return reason;
		}
	}
	reason = check_vas(op, args, kbuf, klen, &va);
	if (reason)
		*bad = va.addr;
	return reason;
}

/*
 * sysctl, domctl, memory_op, grant_table_op and friends: copy the structure
 * in, decide on the copy, and have Xen read the copy.
 */
static int prepare_copy(struct xprivcmd_file *xf, struct xprivcmd_call *c,
			const struct xprivcmd_range *whole)
{
	unsigned int reason;
	u64 bad;
	int ret;

	ret = copy_struct(c, whole);
	if (ret)
		return ret;
	reason = judge_copy(xf, c->h.op, c->h.arg, c->kbuf, c->klen, &c->subop,
			    &bad);
	if (reason == XPRIVCMD_REASON_POLICY)
		return reject(c, reason, XPRIVCMD_ARG_NONE, -EACCES);
	if (reason) {
		reject(c, reason, c->karg, reason_errno(reason));
		/* Name the embedded pointer, not the structure. */
		if (reason != XPRIVCMD_REASON_INTERFACE)
			c->rej.value = bad;
		return c->rej.err;
	}
	c->args[c->karg] = (unsigned long)c->kbuf;
	return 0;
}

static int reject_entry(struct xprivcmd_call *c, unsigned int reason,
			u32 entry, const u64 *e, u32 arg, int err)
{
	c->rej.reason = reason;
	c->rej.arg = arg;
	c->rej.entry = entry;
	c->rej.op = e[0];
	c->rej.value = arg == XPRIVCMD_ARG_NONE ? 0 : e[2 + arg];
	c->rej.err = err;
	return err;
}

/*
 * A multicall entry whose structure holds its sub-command or guest handles:
 * copied into the kernel and decided on like a call of its own, the entry
 * in our list then pointing at the copy.
 */
static int copy_entry(struct xprivcmd_file *xf, struct xprivcmd_call *c,
		      u32 i, u64 *e, const struct xprivcmd_range *whole)
{
	struct xprivcmd_copy *cp = &c->copies[c->nr_copies];
	unsigned int reason;
	u64 subop, bad = 0;
	void *kbuf;

	kbuf = memdup_user(u64_to_user_ptr(whole->addr), whole->len);
	if (IS_ERR(kbuf) && PTR_ERR(kbuf) == -EFAULT)
		return reject_entry(c, XPRIVCMD_REASON_UNMAPPED, i, e,
				    whole->arg, -EFAULT);
	if (IS_ERR(kbuf))
		return PTR_ERR(kbuf);
	cp->kbuf = kbuf;
	cp->len = whole->len;
	cp->uaddr = whole->addr;
	cp->word = (size_t)i * MC_ENTRY_WORDS + 2 + whole->arg;
	c->nr_copies++;

	reason = judge_copy(xf, e[0], &e[2], kbuf, whole->len, &subop, &bad);
	if (reason == XPRIVCMD_REASON_POLICY)
		return reject_entry(c, reason, i, e, XPRIVCMD_ARG_NONE, -EACCES);
	if (reason) {
		reject_entry(c, reason, i, e, whole->arg, reason_errno(reason));
		if (reason != XPRIVCMD_REASON_INTERFACE)
			c->rej.value = bad;
		return c->rej.err;
	}
	e[2 + whole->arg] = (unsigned long)kbuf;
	return 0;
}

/*
 * Multicall: every entry is checked like a hypercall of its own, on a
 * kernel copy of the list that Xen then executes, so that a denied call can
 * neither hide in the list nor be swapped in after the check.  Entries whose
 * structure matters (the sub-command of a sysctl or domctl, the guest
 * handles of a memory_op, ...) get kernel copies of their structures too.
 */
static int prepare_multicall(struct xprivcmd_file *xf, struct xprivcmd_call *c)
{
	u64 nr = c->h.arg[1], *list;
	struct xprivcmd_range whole;
	struct xprivcmd_va va;
	unsigned int reason;
	u32 i, bad_arg;
	int ret;

	if (!nr)
		return 0;
	if (nr > multicall_max)
		return reject(c, XPRIVCMD_REASON_TOO_MANY, 1, -E2BIG);

	c->klen = nr * MC_ENTRY_WORDS * sizeof(u64);
	list = kvmalloc(c->klen, GFP_KERNEL);
	if (!list)
		return -ENOMEM;
	c->kbuf = list;
	c->karg = 0;
	if (copy_from_user(list, u64_to_user_ptr(c->h.arg[0]), c->klen))
		return reject(c, XPRIVCMD_REASON_UNMAPPED, 0, -EFAULT);
	c->copies = kvcalloc(nr, sizeof(*c->copies), GFP_KERNEL);
	if (!c->copies)
		return -ENOMEM;

	for (i = 0; i < nr; i++) {
		u64 *e = &list[i * MC_ENTRY_WORDS];
		const u64 *args = &e[2];
		const struct xprivcmd_op *s;

		if (e[0] >= XPRIVCMD_NR_HYPERCALLS)
			return reject_entry(c, XPRIVCMD_REASON_OP_RANGE, i, e,
					    XPRIVCMD_ARG_NONE, -EINVAL);
		if (e[0] == OP_MULTICALL)
			return reject_entry(c, XPRIVCMD_REASON_NESTED_MULTICALL,
					    i, e, XPRIVCMD_ARG_NONE, -EINVAL);
		/* Sub-commands in memory are decided on their copy below. */
		s = xprivcmd_schema_op(e[0]);
		if ((!s || !s->struct_cmd) &&
		    !xprivcmd_policy_allowed(xf, e[0],
					     xprivcmd_schema_subop(e[0], args),
					     NULL))
			return reject_entry(c, XPRIVCMD_REASON_POLICY, i, e,
					    XPRIVCMD_ARG_NONE, -EACCES);
		if (xprivcmd_schema_kernel_state(e[0], args))
			return reject_entry(c, XPRIVCMD_REASON_KERNEL_STATE, i, e,
					    XPRIVCMD_ARG_NONE, -EPERM);
		reason = check_args(e[0], args, &bad_arg);
		if (reason)
			return reject_entry(c, reason, i, e, bad_arg, -EFAULT);
		reason = check_vas(e[0], args, NULL, 0, &va);
		if (reason) {
			reject_entry(c, reason, i, e, va.arg, -EFAULT);
			c->rej.value = va.addr;
			return -EFAULT;
		}
		if (xprivcmd_schema_copy(e[0], args, &whole)) {
			ret = copy_entry(xf, c, i, e, &whole);
			if (ret)
				return ret;
		}
	}
	c->args[0] = (unsigned long)list;
	return 0;
}

static int prepare_call(struct xprivcmd_file *xf, struct xprivcmd_call *c)
{
	const struct xprivcmd_op *s;
	struct xprivcmd_range whole;
	struct xprivcmd_va va;
	unsigned int i, reason;
	u32 bad_arg;

	for (i = 0; i < XPRIVCMD_NR_ARGS; i++)
		c->args[i] = c->h.arg[i];

	if (c->h.op >= XPRIVCMD_NR_HYPERCALLS)
		return reject(c, XPRIVCMD_REASON_OP_RANGE, XPRIVCMD_ARG_NONE,
			      -EINVAL);

	s = xprivcmd_schema_op(c->h.op);
	if (!s || !s->struct_cmd) {
		/* A denied call is refused as such, whatever its arguments. */
		c->subop = xprivcmd_schema_subop(c->h.op, c->h.arg);
		if (!xprivcmd_policy_allowed(xf, c->h.op, c->subop, NULL))
			return reject(c, XPRIVCMD_REASON_POLICY,
				      XPRIVCMD_ARG_NONE, -EACCES);
	}

	if (xprivcmd_schema_kernel_state(c->h.op, c->h.arg))
		return reject(c, XPRIVCMD_REASON_KERNEL_STATE, XPRIVCMD_ARG_NONE,
			      -EPERM);
	reason = check_args(c->h.op, c->h.arg, &bad_arg);
	if (reason)
		return reject(c, reason, bad_arg, -EFAULT);
	reason = check_vas(c->h.op, c->h.arg, NULL, 0, &va);
	if (reason) {
		reject(c, reason, va.arg, -EFAULT);
		c->rej.value = va.addr;
		return -EFAULT;
	}

	if (c->h.op == OP_MULTICALL)
		return prepare_multicall(xf, c);
	if (xprivcmd_schema_copy(c->h.op, c->h.arg, &whole))
		return prepare_copy(xf, c, &whole);
	return 0;
}

/*
 * After the call: what Xen wrote into the entries' structures goes back to
 * the caller's, and the list the caller gets back points to those again.
 */
static int finish_copies(struct xprivcmd_call *c)
{
	u64 *list = c->kbuf;
	int ret = 0;
	u32 i;

	for (i = 0; i < c->nr_copies; i++) {
		struct xprivcmd_copy *cp = &c->copies[i];

		if (copy_to_user(u64_to_user_ptr(cp->uaddr), cp->kbuf, cp->len))
			ret = -EFAULT;
		if (list)
			list[cp->word] = cp->uaddr;
	}
	return ret;
}

static void free_copies(struct xprivcmd_call *c)
{
	u32 i;

	for (i = 0; i < c->nr_copies; i++)
		kfree(c->copies[i].kbuf);
	kvfree(c->copies);
}

static void record_reject(struct xprivcmd_file *xf,
			  const struct xprivcmd_reject *rej)
{
	spin_lock(&xf->lock);
	xf->last.seq++;
	xf->last.op = rej->op;
	xf->last.err = -rej->err;
	xf->last.reason = rej->reason;
	xf->last.arg = rej->arg;
	xf->last.entry = rej->entry;
	xf->last.value = rej->value;
	spin_unlock(&xf->lock);
}

/**
 * xprivcmd_ioctl_last_error() - XPRIVCMD_IOCTL_LAST_ERROR
 * @file: the device file
 * @udata: user pointer to a &struct xprivcmd_last_error to fill in
 *
 * Lets a tool say why a call failed when xprivcmd, not Xen, refused it.
 *
 * Return: 0, or -EFAULT.
 */
long xprivcmd_ioctl_last_error(struct file *file, void __user *udata)
{
	struct xprivcmd_file *xf = file->private_data;
	struct xprivcmd_last_error last;

	spin_lock(&xf->lock);
	last = xf->last;
	spin_unlock(&xf->lock);
	if (!last.seq) {
		last.arg = XPRIVCMD_ARG_NONE;
		last.entry = XPRIVCMD_ARG_NONE;
	}
	return copy_to_user(udata, &last, sizeof(last)) ? -EFAULT : 0;
}

static void log_reject(const struct xprivcmd_reject *rej)
{
	char name[XPRIVCMD_USER_NAME_MAX] = "unknown";
	char where[48] = "";

	if (xprivcmd_schema_op(rej->op))
		strscpy(name, xprivcmd_op_name(rej->op), sizeof(name));
	else
		xprivcmd_user_op_name(rej->op, name);

	if (rej->entry != XPRIVCMD_ARG_NONE)
		snprintf(where, sizeof(where), " in multicall entry %u", rej->entry);
	if (rej->arg == XPRIVCMD_ARG_NONE)
		pr_warn_ratelimited("%s[%d]: refused hypercall %llu (%s)%s: %s\n",
				    current->comm, task_pid_nr(current), rej->op,
				    name, where, xprivcmd_reason_name(rej->reason));
	else
		pr_warn_ratelimited("%s[%d]: refused hypercall %llu (%s)%s: arg%u=%#llx: %s\n",
				    current->comm, task_pid_nr(current), rej->op,
				    name, where, rej->arg, rej->value,
				    xprivcmd_reason_name(rej->reason));
}

static long issue(const struct xprivcmd_call *c)
{
	bool timed = xprivcmd_stats_timing() ||
		     trace_xprivcmd_hypercall_enabled();
	u64 start = 0, ns = 0;
	long ret;

	if (timed)
		start = ktime_get_ns();
	/* Long-running calls (domain builds) may be preempted in a PV guest. */
	xprivcmd_hcall_begin();
	ret = privcmd_call(c->h.op, c->args[0], c->args[1], c->args[2],
			   c->args[3], c->args[4]);
	xprivcmd_hcall_end();
	if (timed)
		ns = ktime_get_ns() - start;

	xprivcmd_stats_issued(c->h.op, ret);
	if (xprivcmd_stats_timing())
		xprivcmd_stats_latency(c->h.op, ns);
	trace_xprivcmd_hypercall(c->h.op, c->subop, c->args, ret, ns);
	return ret;
}

/**
 * xprivcmd_ioctl_hypercall() - IOCTL_PRIVCMD_HYPERCALL
 * @file: the device file
 * @udata: user pointer to a &struct privcmd_hypercall
 *
 * Return: the hypervisor's result unchanged (Xen's errno values are Linux's),
 * or a negative errno if the call was refused before reaching Xen.
 */
long xprivcmd_ioctl_hypercall(struct file *file, void __user *udata)
{
	struct xprivcmd_file *xf = file->private_data;
	struct xprivcmd_call c = { };
	long ret;

	if (copy_from_user(&c.h, udata, sizeof(c.h)))
		return -EFAULT;

	/* A restricted fd acts on one domain; a raw hypercall may name any. */
	if (xprivcmd_is_restricted(file))
		ret = reject(&c, XPRIVCMD_REASON_RESTRICTED, XPRIVCMD_ARG_NONE,
			     -EPERM);
	else
		ret = prepare_call(xf, &c);
	if (ret) {
		if (c.rej.reason) {
			xprivcmd_stats_rejected(c.h.op, c.rej.reason);
			record_reject(xf, &c.rej);
			trace_xprivcmd_refused(c.rej.op, c.rej.reason, c.rej.arg,
					       c.rej.entry, c.rej.err);
			log_reject(&c.rej);
		}
		goto out;
	}

	ret = issue(&c);
	/* Xen wrote its results (sysctl output, multicall results) to our copy. */
	if (finish_copies(&c))
		ret = -EFAULT;
	if (c.kbuf &&
	    copy_to_user(u64_to_user_ptr(c.h.arg[c.karg]), c.kbuf, c.klen))
		ret = -EFAULT;
out:
	free_copies(&c);
	kvfree(c.kbuf);
	return ret;
}

/**
 * xprivcmd_judge_ioctl() - may an ioctl issue hypercalls on the caller's behalf?
 * @file: the device file
 * @op: the hypercall the ioctl issues (the map ioctls: mmu_update on a PV
 *	caller, memory_op add_to_physmap_batch on an auto-translated one;
 *	MMAP_RESOURCE: memory_op acquire_resource; DM_OP, IRQFD, IOEVENTFD:
 *	dm_op)
 * @subop: its sub-command, 0 for an op that is not multiplexed
 * @dom: the domain it acts on
 *
 * The policy that rules raw hypercalls rules these too, judged on the
 * hypercall Xen runs; a restricted fd may name its own domain only; and no
 * ioctl may act on the calling domain itself, whose frames are the
 * kernel's.  A refusal is recorded, counted, traced and logged like a
 * refused hypercall.
 *
 * Return: 0, or -EPERM (restricted, own_domain), -EACCES (policy).
 */
int xprivcmd_judge_ioctl(struct file *file, u64 op, u64 subop, u16 dom)
{
	struct xprivcmd_file *xf = file->private_data;
	struct xprivcmd_call c = { .h.op = op };
	unsigned int reason = 0;

	if (!xprivcmd_may_use_domain(file, dom))
		reason = XPRIVCMD_REASON_RESTRICTED;
	else if (!xprivcmd_policy_allowed(xf, op, subop, NULL))
		reason = XPRIVCMD_REASON_POLICY;
	else if (xprivcmd_names_self(dom))
		reason = XPRIVCMD_REASON_OWN_DOMAIN;
	if (!reason)
		return 0;
	reject(&c, reason, XPRIVCMD_ARG_NONE, reason_errno(reason));
	c.rej.value = dom;
	xprivcmd_stats_rejected(op, reason);
	record_reject(xf, &c.rej);
	trace_xprivcmd_refused(op, reason, XPRIVCMD_ARG_NONE, XPRIVCMD_ARG_NONE,
			       c.rej.err);
	log_reject(&c.rej);
	return c.rej.err;
}
