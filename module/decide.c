// SPDX-License-Identifier: GPL-2.0-only
/*
 * The decision on a hypercall, made alike for a call and for each entry of
 * a multicall, and the record of every refusal.
 *
 * Fail closed: a call reaches Xen only when the classification
 * (module/common/verdicts*.c) knows every reference its sub-command
 * carries and each has been checked: its top-level pointers, the guest
 * handles embedded in its structure, the frames and page tables it names
 * and the domain it acts on.  Whatever memory a decision reads is copied
 * into the kernel first, and Xen is given that copy: a second thread
 * rewriting the caller's memory can change nothing that was checked.
 * What is not modelled is refused unless the policy says "unmodelled".
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/moduleparam.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <xen/interface/xen.h>

#include "xprivcmd.h"
#include "call.h"
#include "decide_quick.h"
#include "quick.h"
#include "ranges.h"
#include "reasons.h"
#include "schema.h"
#include "xprivcmd_trace.h"

static unsigned int copy_max = 4 << 20;
module_param(copy_max, uint, 0644);
MODULE_PARM_DESC(copy_max,
		 "Most bytes of structures and arrays one call (a multicall's entries together) has copied into the kernel (E2BIG beyond; default 4 MiB)");

/*
 * The compat hypercalls Xen still serves, judged as the operation they
 * stand for: the policy and the verdict are those of @canon's sub-command,
 * which is in the structure at arg0 (at @inner, after its u32 cmd) when
 * @in_struct, else in arg0.  paging_domctl_cont carries a domctl.
 */
static const struct xprivcmd_alias {
	u8 op;
	u8 canon;
	bool in_struct;
	u8 inner;
} aliases[] = {
	{ __HYPERVISOR_sched_op_compat, __HYPERVISOR_sched_op, false, 0 },
	/* struct evtchn_op { u32 cmd; union { ... } u; }: 4-byte aligned */
	{ __HYPERVISOR_event_channel_op_compat, __HYPERVISOR_event_channel_op,
	  true, 4 },
	/* struct physdev_op { u32 cmd; union { ... } u; }: 8-byte aligned */
	{ __HYPERVISOR_physdev_op_compat, __HYPERVISOR_physdev_op, true, 8 },
#ifdef CONFIG_X86
	{ __HYPERVISOR_arch_1, __HYPERVISOR_domctl, false, 0 },
#endif
};

static __always_inline u32 u32_at(const void *buf, unsigned int off)
{
	u32 v;

	memcpy(&v, buf + off, sizeof(v));
	return v;
}

static const struct xprivcmd_alias *alias_of(u64 op)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(aliases); i++)
		if (aliases[i].op == op)
			return &aliases[i];
	return NULL;
}

/*
 * Whether the structure of @al's canonical sub-command @cmd runs past the
 * @len bytes of the compat structure that carries it.
 */
static bool alias_overruns(const struct xprivcmd_alias *al, u64 cmd, size_t len)
{
	u64 args[XPRIVCMD_NR_ARGS] = { cmd, 1, 1, 1, 1 };
	struct xprivcmd_range inner;

	if (!xprivcmd_schema_struct_range(al->canon, args, &inner))
		return false;
	return al->inner + inner.len > len;
}

/* The top-level pointer arguments the schema names for @op. */
static unsigned int check_args(u64 op, const u64 *args,
			       struct xprivcmd_reject *rej)
{
	struct xprivcmd_range ranges[XPRIVCMD_MAX_PTRS];

	return xprivcmd_check_ranges(ranges,
				     xprivcmd_schema_ranges(op, args, ranges), rej);
}

/* Most bytes of multicall entries' small copies one arena allocation holds. */
#define MC_ARENA_MAX	(32 << 10)

/**
 * copy_space() - room for a copy
 * @c: the call
 * @len: bytes to copy
 * @need: bytes of room: @len rounded up, twice over when the copy keeps
 *	its original
 * @owned: set when the room was allocated for this copy alone
 *
 * Small structures go into the call's arena: room on the ioctl's stack,
 * then for a multicall's entries one allocation sized for the entries
 * still to come (a multicall of 64 domctls makes one allocation, not 64).
 *
 * Return: the room; NULL when out of memory.
 */
static __always_inline void *copy_space(struct xprivcmd_call *c, size_t len,
					size_t need, bool *owned)
{
	void *p;

	*owned = false;
	if (len <= XPRIVCMD_SMALL_COPY && c->list && !c->arena_owned &&
	    need > c->arena_len - c->arena_used) {
		size_t size = min_t(size_t, MC_ARENA_MAX,
				    (size_t)(c->max_copies - c->nr_copies) *
				    2 * XPRIVCMD_SMALL_COPY);
		p = kvmalloc(size, GFP_KERNEL);
		if (p) {
			c->arena = p;
			c->arena_len = size;
			c->arena_used = 0;
			c->arena_owned = true;
		}
	}
	if (need <= c->arena_len - c->arena_used) {
		p = c->arena + c->arena_used;
		c->arena_used += need;
		return p;
	}
	*owned = true;
	return kvmalloc(need, GFP_KERNEL);
}

/*
 * Copies the memory @whole describes into the kernel; the call will be
 * issued with the copy (args[@whole->arg] pointing at it), and what Xen
 * changes in it goes back to the caller (hypercall.c).  The copy of memory
 * Xen may write, which the decision checked writable, goes back whole, as
 * Xen writes back a structure; except in a multicall of several entries,
 * whose copies may overlap in the caller's memory, and must not undo each
 * other's results.  Any other copy keeps its original, and only a copy
 * Xen changed goes back.  Inline: it is on every structure's path.
 */
static __always_inline int copy_in(struct xprivcmd_call *c,
				   const struct xprivcmd_range *whole,
				   long list_base, struct xprivcmd_copy **cpp,
				   unsigned int *reason)
{
	bool whole_back = (whole->access & XPRIVCMD_OUT) && c->max_copies == 1;
	size_t need = ALIGN(whole->len, sizeof(u64));
	struct xprivcmd_copy *cp;
	bool owned;
	void *kbuf;

	if (c->nr_copies == c->max_copies)
		return -EINVAL;	/* one copy per call or entry: cannot happen */
	if (whole->len > copy_max || c->copied + whole->len > copy_max) {
		*reason = XPRIVCMD_REASON_TOO_LARGE;
		return 0;
	}
	kbuf = copy_space(c, whole->len, whole_back ? need : 2 * need, &owned);
	if (!kbuf)
		return -ENOMEM;
	if (copy_from_user(kbuf, u64_to_user_ptr(whole->addr), whole->len)) {
		if (owned)
			kvfree(kbuf);
		*reason = XPRIVCMD_REASON_UNMAPPED;
		return 0;
	}
	cp = &c->copies[c->nr_copies++];
	cp->kbuf = kbuf;
	cp->owned = owned;
	cp->orig = NULL;
	if (!whole_back) {
		cp->orig = kbuf + whole->len;
		memcpy(cp->orig, kbuf, whole->len);
	}
	cp->len = whole->len;
	cp->uaddr = whole->addr;
	cp->word = list_base < 0 ? -1 : list_base + 2 + whole->arg;
	c->copied += whole->len;
	*cpp = cp;
	return 0;
}

/*
 * A struct xen_varbuf (xen_version's build_id and *2 sub-commands) at
 * @whole's address: its header says how many bytes follow, which Xen
 * writes.  The whole is checked, then copied, and Xen is given the copy:
 * the count it reads is the one checked, and what it writes stays inside
 * the copy.  Returns 0, a positive reason, or a negative errno.
 */
static int copy_varbuf(struct xprivcmd_call *c, struct xprivcmd_range *whole,
		       long list_base, struct xprivcmd_copy **cpp,
		       struct xprivcmd_reject *rej)
{
	unsigned int reason = 0;
	u32 count;
	int ret;

	if (get_user(count, (u32 __user *)u64_to_user_ptr(whole->addr))) {
		rej->arg = whole->arg;
		rej->value = whole->addr;
		return XPRIVCMD_REASON_UNMAPPED;
	}
	whole->len = xprivcmd_varbuf_len(whole, count);
	reason = xprivcmd_check_whole(whole, rej);
	if (reason)
		return reason;
	ret = copy_in(c, whole, list_base, cpp, &reason);
	return ret ? ret : reason;
}

/* A hypercall Xen's public headers do not define: declared, or not modelled. */
static unsigned int judge_user_op(struct xprivcmd_file *xf, u64 op,
				  const u64 *args, struct xprivcmd_reject *rej)
{
	struct xprivcmd_range ranges[XPRIVCMD_MAX_PTRS];
	bool unmodelled;
	int n;

	if (!xprivcmd_policy_allowed(xf, op, 0, &unmodelled))
		return XPRIVCMD_REASON_POLICY;
	n = xprivcmd_user_op_ranges(op, args, ranges);
	if (n >= 0)
		return xprivcmd_check_ranges(ranges, n, rej);
	return unmodelled ? 0 : XPRIVCMD_REASON_UNMODELLED;
}

/*
 * Steps 4 to 7 of xprivcmd_judge(), for a call whose verdict allows it:
 * the domain it acts on, then what its copy holds.
 */
static __always_inline unsigned int
judge_refs(struct xprivcmd_call *c, const struct xprivcmd_class *row, u64 op,
	   u32 iv, u64 cmd, const u64 *args, const struct xprivcmd_copy *cp,
	   u8 karg, unsigned int inner, struct xprivcmd_reject *rej)
{
	struct xprivcmd_range ranges[XPRIVCMD_MAX_NESTED], mask = {
		.len = sizeof(u64), .access = XPRIVCMD_IN, .required = true,
		.arg = karg,
	};
	const void *buf = cp ? cp->kbuf + inner : NULL;
	u64 len = cp ? cp->len - inner : 0, pos = 0;
	struct xprivcmd_va va;
	unsigned int reason, n;
	u16 dom;

	if (row->has_dom) {
		if (row->flags & XPRIVCMD_VF_DOM_ARG)
			dom = args[row->dom];
		else if (buf && row->dom + sizeof(dom) <= len)
			memcpy(&dom, buf + row->dom, sizeof(dom));
		else
			return XPRIVCMD_REASON_UNMODELLED;
		if (!(row->flags & XPRIVCMD_VF_SELF_OK) &&
		    xprivcmd_caller_is(&c->caller, dom)) {
			rej->value = dom;
			return XPRIVCMD_REASON_OWN_DOMAIN;
		}
		/*
		 * A restricted fd: only the calling domain itself, by
		 * DOMID_SELF or by its id once known (never "possibly").
		 */
		if (c->restricted && dom != XPRIVCMD_DOMID_SELF &&
		    dom != c->caller.domid) {
			rej->value = dom;
			return XPRIVCMD_REASON_RESTRICTED;
		}
	} else if (c->restricted && !(row->flags & XPRIVCMD_VF_LOCAL)) {
		return XPRIVCMD_REASON_RESTRICTED;
	}
	if ((row->flags & XPRIVCMD_VF_NOT_TRANSLATED) && c->caller.translated)
		return XPRIVCMD_REASON_OWN_TABLES;
	if (!buf || xprivcmd_quick_bare(op, cmd))
		return 0;

	n = xprivcmd_schema_nested(op, iv, cmd, buf, len, karg, ranges);
	reason = xprivcmd_check_ranges(ranges, n, rej);
	if (reason)
		return reason;
	while (xprivcmd_schema_next_va(&c->caller, op, cmd, args, buf, len,
				       &pos, &va)) {
		rej->arg = karg;
		rej->value = va.addr;
		if (va.kind == XPRIVCMD_VA_REFUSE)
			return va.reason;
		mask.addr = va.addr;
		reason = xprivcmd_check_range(&mask);
		if (reason)
			return reason;
	}
	return 0;
}

/**
 * xprivcmd_judge() - may this call, or this multicall entry, reach Xen?
 * @xf: the fd's state (its narrowed policy)
 * @c: the call: its caller, and where kernel copies are kept
 * @op: hypercall number
 * @args: its five arguments; on success a pointer the decision read
 *	through is replaced by the kernel copy Xen is to be given
 * @list_base: for a multicall entry, the index of its first word in the
 *	list; -1 for a call
 * @rej: filled in on refusal (arg, value, subop; the caller adds the rest)
 *
 * A call whose decision reads registers only (quick.c) and that its
 * policy and pointers allow is allowed at once; one they do not is decided
 * in full, which refuses it and says why.  In order: the sub-command (from a
 * register, or from a kernel copy of the structure that holds it); the
 * policy, on the operation Xen runs (compat aliases judged as the op they
 * stand for); the verdict of the classification (unmodelled, refused, or
 * known); the top-level pointers; the domain it acts on; the guest handles
 * in its structure; the frames and page tables it names.
 *
 * Return: 0 to issue it; a positive &enum xprivcmd_reason to refuse it; or
 * a negative errno (-ENOMEM) when the decision could not be made.
 */
int xprivcmd_judge(struct xprivcmd_file *xf, struct xprivcmd_call *c, u64 op,
		   u64 *args, long list_base, struct xprivcmd_reject *rej)
{
	const struct xprivcmd_quick *q;
	const struct xprivcmd_op *s;
	const struct xprivcmd_alias *al;
	const struct xprivcmd_class *row;
	struct xprivcmd_copy *cp = NULL;
	struct xprivcmd_range whole;
	unsigned int reason = 0, inner = 0;
	bool unmodelled, inner_overrun = false;
	u64 canon, cmd = 0;
	u32 iv = 0;
	int ret;

	rej->arg = XPRIVCMD_ARG_NONE;
	rej->value = 0;
	rej->subop = 0;
	if (op >= XPRIVCMD_NR_HYPERCALLS)
		return XPRIVCMD_REASON_OP_RANGE;
	/*
	 * 0. A register-only call on an fd that is not restricted.  The
	 * hypercall ioctl asked this of a call already: only a multicall's
	 * entries are asked here.
	 */
	q = c->restricted || list_base < 0 ? NULL : xprivcmd_quick(op, args, &cmd);
	if (q && xprivcmd_quick_allows(xf, q, op, cmd, args)) {
		rej->subop = cmd;
		return 0;
	}

	s = xprivcmd_schema_op(op);
	al = alias_of(op);
	canon = al ? al->canon : op;
	if (!s)
		return c->restricted ? XPRIVCMD_REASON_RESTRICTED :
		       judge_user_op(xf, op, args, rej);

	/* 1. The sub-command: in memory, read from a kernel copy. */
	if (s->struct_cmd || (al && al->in_struct)) {
		/* Its one pointer argument is the structure (schema_test). */
		if (!xprivcmd_schema_struct_range(op, args, &whole))
			return XPRIVCMD_REASON_NULL_PTR;
		reason = xprivcmd_check_whole(&whole, rej);
		if (reason)
			return reason;
		ret = copy_in(c, &whole, list_base, &cp, &reason);
		if (ret || reason)
			return ret ? ret : reason;
		cmd = u32_at(cp->kbuf, 0);
		if (s->struct_cmd)
			iv = u32_at(cp->kbuf, 4);
		inner = al ? al->inner : 0;
		/*
		 * Xen reads a compat alias's inner structure at @inner of
		 * what it is given, as long as the canonical sub-command's
		 * structure is: one longer than the compat union is not
		 * modelled (and is never given the copy, which it would
		 * overrun).
		 */
		if (al && al->in_struct && alias_overruns(al, cmd, cp->len))
			inner_overrun = true;
	} else {
		cmd = al ? (u32)args[0] : xprivcmd_schema_subop(op, args);
	}
	rej->subop = cmd;

	/* 2. The policy, on the operation Xen runs. */
	if (c->restricted && !xprivcmd_policy_restricted(canon, cmd))
		return XPRIVCMD_REASON_RESTRICTED;
	if (xprivcmd_policy_unset())
		unmodelled = false;
	else if (!xprivcmd_policy_allowed(xf, canon, cmd, &unmodelled))
		return XPRIVCMD_REASON_POLICY;

	/* 3. The verdict. */
	row = xprivcmd_classify(canon, iv, cmd, cp ? cp->kbuf + inner : NULL,
				cp ? cp->len - inner : 0);
	if (c->restricted && (!row || row->verdict == XPRIVCMD_V_UNMODELLED))
		return XPRIVCMD_REASON_RESTRICTED;
	if (!row || row->verdict == XPRIVCMD_V_UNMODELLED || inner_overrun) {
		if (s->struct_cmd && !xprivcmd_iv_known(op, iv))
			reason = XPRIVCMD_REASON_INTERFACE;
		else
			reason = XPRIVCMD_REASON_UNMODELLED;
		if (!unmodelled)
			return reason;
		/*
		 * Let through as the in-tree driver would: pointers only.  An
		 * inner structure larger than the copy is read from the
		 * caller's memory, as there, and nothing of the copy, which Xen
		 * is not given, goes back.
		 */
		if (inner_overrun) {
			cp->len = 0;
			return 0;
		}
		reason = cp ? 0 : check_args(op, args, rej);
		goto issue_copy;
	}
	if (row->verdict == XPRIVCMD_V_REFUSED)
		return row->reason;

	/* 4. The top-level pointers, and the copy the decision reads. */
	if (!cp) {
		reason = check_args(op, args, rej);
		if (reason)
			return reason;
		if (xprivcmd_schema_varbuf(op, args, &whole)) {
			ret = copy_varbuf(c, &whole, list_base, &cp, rej);
			if (ret)
				return ret;
		} else if (xprivcmd_needs_copy(row, canon, cmd)) {
			if (!xprivcmd_schema_struct_range(op, args, &whole))
				return row->has_dom ? XPRIVCMD_REASON_UNMODELLED : 0;
			ret = copy_in(c, &whole, list_base, &cp, &reason);
			if (ret || reason)
				return ret ? ret : reason;
		}
	}

	/* 5.-7. The domain, the embedded handles, the frames. */
	reason = judge_refs(c, row, canon, iv, cmd, args, cp,
			    cp ? whole.arg : XPRIVCMD_NO_ARG, inner, rej);
issue_copy:
	if (!reason && cp)
		args[whole.arg] = (unsigned long)cp->kbuf;
	return reason;
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

static void log_reject(const struct xprivcmd_reject *rej)
{
	char name[XPRIVCMD_USER_NAME_MAX] = "unknown";
	const struct xprivcmd_op *s = xprivcmd_schema_op(rej->op);
	char where[48] = "", sub[32] = "", at[40] = "";

	if (s)
		strscpy(name, s->name, sizeof(name));
	else
		xprivcmd_user_op_name(rej->op, name);
	if (s && (s->muxed || s->struct_cmd))
		snprintf(sub, sizeof(sub), " sub-command %llu", rej->subop);
	if (rej->entry != XPRIVCMD_ARG_NONE)
		snprintf(where, sizeof(where), " in multicall entry %u", rej->entry);
	if (rej->arg != XPRIVCMD_ARG_NONE)
		snprintf(at, sizeof(at), ": arg%u=%#llx", rej->arg, rej->value);
	pr_warn_ratelimited("%s[%d]: refused hypercall %llu (%s)%s%s%s: %s\n",
			    current->comm, task_pid_nr(current), rej->op, name,
			    sub, where, at, xprivcmd_reason_name(rej->reason));
}

/**
 * xprivcmd_refused() - account for a refusal: the fd's last error, the
 *	counters, the tracepoint and the (rate-limited) log
 * @xf: the fd's state
 * @rej: the refusal
 */
void xprivcmd_refused(struct xprivcmd_file *xf,
		      const struct xprivcmd_reject *rej)
{
	xprivcmd_stats_rejected(rej->op, rej->reason);
	record_reject(xf, rej);
	trace_xprivcmd_refused(rej->op, rej->reason, rej->arg, rej->entry,
			       rej->err);
	log_reject(rej);
}

const char *xprivcmd_reason_name(unsigned int reason)
{
	return xprivcmd_reason(reason)->log;
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
	struct xprivcmd_reject rej = {
		.op = op, .subop = subop, .arg = XPRIVCMD_ARG_NONE,
		.entry = XPRIVCMD_ARG_NONE, .value = dom,
	};

	if (!xprivcmd_may_use_domain(file, dom))
		rej.reason = XPRIVCMD_REASON_RESTRICTED;
	else if (!xprivcmd_policy_allowed(xf, op, subop, NULL))
		rej.reason = XPRIVCMD_REASON_POLICY;
	else if (xprivcmd_names_self(dom))
		rej.reason = XPRIVCMD_REASON_OWN_DOMAIN;
	if (!rej.reason)
		return 0;
	rej.err = -xprivcmd_reason(rej.reason)->err;
	xprivcmd_refused(xf, &rej);
	return rej.err;
}
