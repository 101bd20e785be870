// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hypercalls declared by users (parameter "user_ops", root-writable at run
 * time): the argument layouts of hypercalls that Xen's public headers do not
 * define, such as one added to a home-built Xen, so that their pointer
 * arguments are checked like any other's.  Undeclared, such a hypercall is
 * unmodelled: refused unless the policy word "unmodelled" lets it through
 * unchecked.
 *
 * Readers on the hypercall path take no lock: a declaration set is
 * immutable once published and replaced under RCU.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

#include "xprivcmd.h"
#include "schema.h"

struct user_ops_rcu {
	struct rcu_head rcu;
	struct xprivcmd_user_ops u;
};

static struct user_ops_rcu __rcu *user_ops;
static DEFINE_MUTEX(user_ops_lock);	/* serializes writers of user_ops */

static int user_ops_set(const char *val, const struct kernel_param *kp)
{
	struct user_ops_rcu *new, *old;
	int ret;

	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	ret = xprivcmd_user_ops_parse(&new->u, val);
	if (ret) {
		pr_warn("user_ops not changed: cannot parse \"%s\" (%d)\n", val, ret);
		kfree(new);
		return -EINVAL;
	}
	mutex_lock(&user_ops_lock);
	old = rcu_replace_pointer(user_ops, new, lockdep_is_held(&user_ops_lock));
	mutex_unlock(&user_ops_lock);
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

static int user_ops_get(char *buffer, const struct kernel_param *kp)
{
	struct user_ops_rcu *cur;
	int len = 0;

	rcu_read_lock();
	cur = rcu_dereference(user_ops);
	if (cur)
		len = xprivcmd_user_ops_format(&cur->u, buffer, PAGE_SIZE - 1);
	rcu_read_unlock();
	if (len < 0)
		len = 0;
	buffer[len++] = '\n';
	buffer[len] = '\0';
	return len;
}

static const struct kernel_param_ops user_ops_ops = {
	.set = user_ops_set,
	.get = user_ops_get,
};
module_param_cb(user_ops, &user_ops_ops, NULL, 0600);
MODULE_PARM_DESC(user_ops,
		 "Layouts of hypercalls Xen's headers lack, e.g. \"hello=43:arg0=in*arg1\"");

/**
 * xprivcmd_user_op_ranges() - ranges of a hypercall a user declared
 * @op: hypercall number
 * @args: its arguments
 * @ranges: room for %XPRIVCMD_MAX_PTRS entries
 *
 * Return: the number of ranges, or -ENOENT when @op is not declared.
 */
int xprivcmd_user_op_ranges(u64 op, const u64 *args,
			    struct xprivcmd_range *ranges)
{
	const struct xprivcmd_user_op *d = NULL;
	struct user_ops_rcu *cur;
	int n = -ENOENT;

	rcu_read_lock();
	cur = rcu_dereference(user_ops);
	if (cur)
		d = xprivcmd_user_ops_find(&cur->u, op);
	if (d)
		n = xprivcmd_schema_op_ranges(&d->op, args, ranges);
	rcu_read_unlock();
	return n;
}

/* Copies @op's declared name to @name (XPRIVCMD_USER_NAME_MAX), if any. */
void xprivcmd_user_op_name(u64 op, char *name)
{
	const struct xprivcmd_user_op *d = NULL;
	struct user_ops_rcu *cur;

	rcu_read_lock();
	cur = rcu_dereference(user_ops);
	if (cur)
		d = xprivcmd_user_ops_find(&cur->u, op);
	if (d)
		strscpy(name, d->name, XPRIVCMD_USER_NAME_MAX);
	rcu_read_unlock();
}

void xprivcmd_user_ops_exit(void)
{
	kfree(rcu_dereference_protected(user_ops, true));
	RCU_INIT_POINTER(user_ops, NULL);
}
