// SPDX-License-Identifier: GPL-2.0-only
/*
 * The module-wide policy (parameter "policy", root-writable at run time in
 * /sys/module/xprivcmd/parameters/policy) and the per-fd narrowed policies.
 *
 * Readers on the hypercall path take no lock: policies are immutable once
 * published and replaced under RCU.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "xprivcmd.h"
#include "policy.h"
#include "schema.h"

/**
 * struct xprivcmd_policy_rcu - a published policy
 * @rcu: for freeing once no reader can see it
 * @p: the policy
 */
struct xprivcmd_policy_rcu {
	struct rcu_head rcu;
	struct xprivcmd_policy p;
};

/**
 * struct xprivcmd_policy_param - a module-wide policy, as a parameter
 * @cur: the published policy; NULL until one is set
 * @unset: what NULL means, as the parameter reads then
 */
struct xprivcmd_policy_param {
	struct xprivcmd_policy_rcu __rcu *cur;
	const char *unset;
};

/*
 * "policy", for every fd.  NULL means "all": every hypercall and
 * sub-command xprivcmd models (what it does not model is refused: see the
 * policy word "unmodelled").
 */
static struct xprivcmd_policy_param global_policy = { .unset = "all" };
/*
 * "restricted_policy": what a restricted fd may still issue as raw
 * hypercalls, of the calls that act on the calling domain alone.  NULL
 * means "none", privcmd's rule since XSA-482.
 */
static struct xprivcmd_policy_param restricted_policy = { .unset = "none" };
static DEFINE_MUTEX(global_policy_lock);	/* serializes their writers */
/* See xprivcmd_policy_unset(): enabled before a policy is first published. */
DEFINE_STATIC_KEY_FALSE(xprivcmd_policy_key);

/*
 * Before a policy is published: from then on every call asks the policy.
 * Enabled once; it stays so (the check spares later writers the
 * cpus_read_lock() that static_branch_enable() takes even then).
 */
static void policy_key_enable(void)
{
	if (!static_key_enabled(&xprivcmd_policy_key))
		static_branch_enable(&xprivcmd_policy_key);
}

static struct xprivcmd_policy_rcu *policy_from_text(const char *text, int *err)
{
	struct xprivcmd_policy_rcu *new = kmalloc(sizeof(*new), GFP_KERNEL);

	if (!new) {
		*err = -ENOMEM;
		return NULL;
	}
	xprivcmd_policy_fill(&new->p, true);
	new->p.unmodelled = false;
	*err = xprivcmd_policy_parse(&new->p, text);
	if (*err) {
		kfree(new);
		return NULL;
	}
	return new;
}

static int policy_param_set(const char *val, const struct kernel_param *kp)
{
	struct xprivcmd_policy_param *param = kp->arg;
	struct xprivcmd_policy_rcu *new, *old;
	int err;

	new = policy_from_text(val, &err);
	if (!new) {
		pr_warn("policy not changed: cannot parse \"%s\" (%d)\n", val, err);
		return err == -ENOMEM ? err : -EINVAL;
	}
	policy_key_enable();
	mutex_lock(&global_policy_lock);
	old = rcu_replace_pointer(param->cur, new,
				  lockdep_is_held(&global_policy_lock));
	mutex_unlock(&global_policy_lock);
	if (old)
		kfree_rcu(old, rcu);
	pr_info("%s set by %s[%d]\n", kp->name, current->comm,
		task_pid_nr(current));
	return 0;
}

static int policy_param_get(char *buffer, const struct kernel_param *kp)
{
	struct xprivcmd_policy_param *param = kp->arg;
	struct xprivcmd_policy_rcu *cur;
	int len;

	rcu_read_lock();
	cur = rcu_dereference(param->cur);
	if (cur)
		len = xprivcmd_policy_format(&cur->p, buffer, PAGE_SIZE - 1);
	else
		len = scnprintf(buffer, PAGE_SIZE, "%s", param->unset);
	rcu_read_unlock();
	if (len < 0)
		len = scnprintf(buffer, PAGE_SIZE, "(too long to show)");
	buffer[len++] = '\n';
	buffer[len] = '\0';
	return len;
}

static const struct kernel_param_ops policy_param_ops = {
	.set = policy_param_set,
	.get = policy_param_get,
};
module_param_cb(policy, &policy_param_ops, &global_policy, 0600);
MODULE_PARM_DESC(policy,
		 "Hypercalls allowed, e.g. \"all\" (default: what xprivcmd models), \"compat\" (also what it does not), \"strict\", \"-domctl\", \"none +xen_version\"");
module_param_cb(restricted_policy, &policy_param_ops, &restricted_policy, 0600);
MODULE_PARM_DESC(restricted_policy,
		 "Raw hypercalls a restricted fd may still make, of those that act on the calling domain alone, e.g. \"none +event_channel_op:5\" (default \"none\")");

/**
 * xprivcmd_policy_allowed() - may @op/@subop be issued on @xf?
 * @xf: the fd's state; its narrowed policy applies on top of the global one
 * @op: hypercall number, < %XPRIVCMD_POLICY_OPS
 * @subop: sub-command, or %XPRIVCMD_SUBOP_ANY when it cannot be known: the
 *	call is then allowed only if no sub-command of @op is denied
 * @unmodelled: set to whether the policies let unmodelled calls through:
 *	the module's must, and the fd's too if it was narrowed; may be NULL
 *
 * Return: true if allowed.
 */
bool xprivcmd_policy_allowed(struct xprivcmd_file *xf, u64 op, u64 subop,
			     bool *unmodelled)
{
	const struct xprivcmd_policy_rcu *pols[2];
	bool allowed = true, loose;
	unsigned int i;

	/* The default: all that is modelled, nothing that is not. */
	if (!rcu_access_pointer(global_policy.cur) &&
	    !rcu_access_pointer(xf->policy)) {
		if (unmodelled)
			*unmodelled = false;
		return true;
	}
	rcu_read_lock();
	pols[0] = rcu_dereference(global_policy.cur);
	pols[1] = rcu_dereference(xf->policy);
	/* The default module policy ("all") refuses what is not modelled. */
	loose = !!pols[0];
	for (i = 0; i < ARRAY_SIZE(pols); i++) {
		const struct xprivcmd_policy *p;

		if (!pols[i])
			continue;
		p = &pols[i]->p;
		loose &= p->unmodelled;
		if (subop == XPRIVCMD_SUBOP_ANY)
			allowed &= xprivcmd_policy_allows_all_subops(p, op);
		else
			allowed &= xprivcmd_policy_allows(p, op, subop);
	}
	rcu_read_unlock();
	if (unmodelled)
		*unmodelled = loose;
	return allowed;
}

/**
 * xprivcmd_policy_restricted() - may a restricted fd issue @op/@subop?
 * @op: hypercall number (the op an alias stands for)
 * @subop: its sub-command
 *
 * Only the administrator's restricted_policy can say yes; the call must
 * still act on the calling domain alone (decide.c).
 *
 * Return: true if allowed.
 */
bool xprivcmd_policy_restricted(u64 op, u64 subop)
{
	const struct xprivcmd_policy_rcu *p;
	bool allowed;

	rcu_read_lock();
	p = rcu_dereference(restricted_policy.cur);
	allowed = p && xprivcmd_policy_allows(&p->p, op, subop);
	rcu_read_unlock();
	return allowed;
}

/**
 * xprivcmd_ioctl_narrow() - XPRIVCMD_IOCTL_NARROW
 * @file: the device file
 * @udata: user pointer to a &struct xprivcmd_narrow
 *
 * Return: 0; -EINVAL for flags or a policy text that does not parse;
 * -E2BIG for a text over %XPRIVCMD_POLICY_TEXT_MAX; -EFAULT; -ENOMEM.
 */
long xprivcmd_ioctl_narrow(struct file *file, void __user *udata)
{
	struct xprivcmd_file *xf = file->private_data;
	struct xprivcmd_policy_rcu *new, *old;
	struct xprivcmd_narrow n;
	char *text;
	int err;

	if (copy_from_user(&n, udata, sizeof(n)))
		return -EFAULT;
	if (n.flags)
		return -EINVAL;
	if (n.len > XPRIVCMD_POLICY_TEXT_MAX)
		return -E2BIG;

	text = memdup_user_nul(u64_to_user_ptr(n.text), n.len);
	if (IS_ERR(text))
		return PTR_ERR(text);
	new = policy_from_text(text, &err);
	kfree(text);
	if (!new)
		return err == -ENOMEM ? err : -EINVAL;

	policy_key_enable();
	mutex_lock(&xf->policy_lock);
	old = rcu_dereference_protected(xf->policy,
					lockdep_is_held(&xf->policy_lock));
	if (old)
		xprivcmd_policy_intersect(&new->p, &old->p);
	rcu_assign_pointer(xf->policy, new);
	mutex_unlock(&xf->policy_lock);
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

/* Called when the fd is released: no hypercall can be using it any more. */
void xprivcmd_policy_file_exit(struct xprivcmd_file *xf)
{
	kfree(rcu_dereference_protected(xf->policy, true));
}

void xprivcmd_policy_exit(void)
{
	/* Module parameters are freed after exit; readers are gone by now. */
	kfree(rcu_dereference_protected(global_policy.cur, true));
	RCU_INIT_POINTER(global_policy.cur, NULL);
	kfree(rcu_dereference_protected(restricted_policy.cur, true));
	RCU_INIT_POINTER(restricted_policy.cur, NULL);
}
