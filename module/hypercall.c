// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOCTL_PRIVCMD_HYPERCALL: check a hypercall's arguments, then issue it.
 *
 * In a PV guest the hypervisor dereferences whatever guest virtual address it
 * is handed, kernel addresses included, so every pointer argument the schema
 * knows of is checked to be user memory before the call is made.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/uaccess.h>

#include <xen/xen-ops.h>
#include <asm/xen/hypercall.h>

#include "xprivcmd.h"
#include "schema.h"

static const char * const reason_names[XPRIVCMD_NR_REASONS] = {
	[XPRIVCMD_REASON_NONE]		= "none",
	[XPRIVCMD_REASON_OP_RANGE]	= "hypercall number out of range",
	[XPRIVCMD_REASON_NULL_PTR]	= "NULL buffer",
	[XPRIVCMD_REASON_KERNEL_PTR]	= "buffer is not in user space",
	[XPRIVCMD_REASON_UNMAPPED]	= "buffer is not mapped with the access needed",
};

const char *xprivcmd_reason_name(unsigned int reason)
{
	return reason < XPRIVCMD_NR_REASONS ? reason_names[reason] : "?";
}

/**
 * struct xprivcmd_reject - why a call was refused
 * @reason: &enum xprivcmd_reason
 * @arg: the offending argument, or %XPRIVCMD_NO_ARG
 * @err: negative errno returned to the caller
 */
struct xprivcmd_reject {
	unsigned int reason;
	u8 arg;
	int err;
};

static int reject(struct xprivcmd_reject *rej, unsigned int reason, u8 arg,
		  int err)
{
	rej->reason = reason;
	rej->arg = arg;
	rej->err = err;
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

static int check_hypercall(const struct privcmd_hypercall *h,
			   struct xprivcmd_reject *rej)
{
	struct xprivcmd_range ranges[XPRIVCMD_MAX_PTRS];
	unsigned int i, n;

	if (h->op >= XPRIVCMD_NR_HYPERCALLS)
		return reject(rej, XPRIVCMD_REASON_OP_RANGE, XPRIVCMD_NO_ARG,
			      -EINVAL);

	n = xprivcmd_schema_ranges(h->op, h->arg, ranges);
	for (i = 0; i < n; i++) {
		const struct xprivcmd_range *r = &ranges[i];

		if (!r->addr) {
			if (!r->required)
				continue;
			return reject(rej, XPRIVCMD_REASON_NULL_PTR, r->arg,
				      -EFAULT);
		}
		/* Also catches lengths that would run past user space. */
		if (!access_ok(u64_to_user_ptr(r->addr), r->len))
			return reject(rej, XPRIVCMD_REASON_KERNEL_PTR, r->arg,
				      -EFAULT);
		if (!range_is_accessible(r))
			return reject(rej, XPRIVCMD_REASON_UNMAPPED, r->arg,
				      -EFAULT);
	}
	return 0;
}

static void record_reject(struct xprivcmd_file *xf,
			  const struct privcmd_hypercall *h,
			  const struct xprivcmd_reject *rej)
{
	bool has_arg = rej->arg != XPRIVCMD_NO_ARG;

	spin_lock(&xf->lock);
	xf->last.seq++;
	xf->last.op = h->op;
	xf->last.err = -rej->err;
	xf->last.reason = rej->reason;
	xf->last.arg = has_arg ? rej->arg : XPRIVCMD_ARG_NONE;
	xf->last.value = has_arg ? h->arg[rej->arg] : 0;
	spin_unlock(&xf->lock);
}

/**
 * xprivcmd_ioctl_last_error() - XPRIVCMD_IOCTL_LAST_ERROR
 * @file: the device file
 * @udata: user pointer to a &struct xprivcmd_last_error to fill in
 *
 * Lets a tool say why a call failed with EFAULT or EINVAL when xprivcmd, not
 * Xen, refused it.
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
	return copy_to_user(udata, &last, sizeof(last)) ? -EFAULT : 0;
}

static void log_reject(const struct privcmd_hypercall *h,
		       const struct xprivcmd_reject *rej)
{
	if (rej->arg == XPRIVCMD_NO_ARG)
		pr_warn_ratelimited("%s[%d]: refused hypercall %llu (%s): %s\n",
				    current->comm, task_pid_nr(current), h->op,
				    xprivcmd_op_name(h->op),
				    xprivcmd_reason_name(rej->reason));
	else
		pr_warn_ratelimited("%s[%d]: refused hypercall %llu (%s): arg%u=%#llx: %s\n",
				    current->comm, task_pid_nr(current), h->op,
				    xprivcmd_op_name(h->op), rej->arg,
				    h->arg[rej->arg],
				    xprivcmd_reason_name(rej->reason));
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
	struct privcmd_hypercall h;
	struct xprivcmd_reject rej;
	long ret;

	if (copy_from_user(&h, udata, sizeof(h)))
		return -EFAULT;

	ret = check_hypercall(&h, &rej);
	if (ret) {
		xprivcmd_stats_rejected(h.op, rej.reason);
		record_reject(file->private_data, &h, &rej);
		log_reject(&h, &rej);
		return ret;
	}

	/* Long-running calls (domain builds) may be preempted in a PV guest. */
	xen_preemptible_hcall_begin();
	ret = privcmd_call(h.op, h.arg[0], h.arg[1], h.arg[2], h.arg[3],
			   h.arg[4]);
	xen_preemptible_hcall_end();

	xprivcmd_stats_issued(h.op, ret);
	return ret;
}
