/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercall policy: which (hypercall, sub-command) pairs may be issued.
 *
 * Pure logic with no kernel dependencies, so the host unit tests build it too.
 */
#ifndef XPRIVCMD_POLICY_H
#define XPRIVCMD_POLICY_H

#include "portability.h"

#define XPRIVCMD_POLICY_OPS	128	/* == XPRIVCMD_NR_HYPERCALLS */
#define XPRIVCMD_POLICY_SUBOPS	128	/* sub-commands with their own bit */

/**
 * struct xprivcmd_op_policy - what one hypercall may do
 * @sub: bit n set: sub-command n is allowed.  Hypercalls that are not
 *	multiplexed count as sub-command 0.
 * @others: sub-commands >= %XPRIVCMD_POLICY_SUBOPS are allowed
 */
struct xprivcmd_op_policy {
	u64 sub[XPRIVCMD_POLICY_SUBOPS / 64];
	bool others;
};

/**
 * struct xprivcmd_policy - an allow-list over (hypercall, sub-command)
 * @op: per-hypercall rules
 * @unmodelled: let through calls whose references xprivcmd does not model
 *	(unmodelled sub-commands, unknown interface versions, undeclared
 *	hypercalls), unchecked, as the in-tree driver would: never by default
 *
 * Narrowing is intersection, so a policy can only ever lose permissions.
 */
struct xprivcmd_policy {
	struct xprivcmd_op_policy op[XPRIVCMD_POLICY_OPS];
	bool unmodelled;
};

void xprivcmd_policy_fill(struct xprivcmd_policy *p, bool allow);
bool xprivcmd_policy_allows(const struct xprivcmd_policy *p, u64 op,
			    u64 subop);
bool xprivcmd_policy_allows_all_subops(const struct xprivcmd_policy *p,
				       u64 op);
void xprivcmd_policy_intersect(struct xprivcmd_policy *dst,
			       const struct xprivcmd_policy *src);
int xprivcmd_policy_parse(struct xprivcmd_policy *p, const char *text);
int xprivcmd_policy_format(const struct xprivcmd_policy *p, char *buf,
			   unsigned int size);

#endif /* XPRIVCMD_POLICY_H */
