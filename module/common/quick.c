// SPDX-License-Identifier: GPL-2.0-only
/*
 * Register-only decisions.  Most calls a program makes in a loop
 * (xen_version, sched_op yield, event channel sends) carry no reference
 * but their argument registers: the full decision (decide.c) would find
 * the same schema, verdict row and pointer descriptions for them every
 * time, and read no memory.  The module finds those once, at load, for
 * every (hypercall, sub-command) pair below %XPRIVCMD_QUICK_CMDS; a call
 * of an indexed pair is then decided by one table load, the policy and
 * the checks of its pointer arguments.  For the calls with a structure,
 * the same pass notes the pairs whose structure carries nothing to check
 * once its domain is (xprivcmd_quick_bare()).
 *
 * A pair is indexed only when the full decision on it, for any argument
 * values, reads nothing but registers and ends in those checks: the op is
 * not multicall (whose entries are each decided), its sub-command is in a
 * register (not struct_cmd), its verdict row is found without a structure
 * (so an alias, decided on the op it stands for, is never indexed), the
 * row is NOREF or CHECKED, names no domain and no sub-sub-command, does
 * not depend on whether the caller is auto-translated, and the call has no
 * structure to copy (no embedded handle, frame or varbuf).  A restricted
 * fd never takes this path: its decision depends on the domain the fd is
 * restricted to.
 */
#include "quick.h"
#include "schema_internal.h"
#include "xen_guest.h"

/* Fewer pairs than this are register-only: the index says so if not. */
#define QUICK_MAX	255

/*
 * Read by every call, as the caller (self.c) and the verdict tables' index
 * are: kept together, so that a call touches few pages (see hypercall.c).
 */
struct xprivcmd_quick_op xprivcmd_quick_ops[XPRIVCMD_NR_HYPERCALLS] __read_mostly;
/* 0, or 1 + the index in xprivcmd_quick_entries[] of the pair's entry. */
u8 xprivcmd_quick_at[XPRIVCMD_NR_HYPERCALLS][XPRIVCMD_QUICK_CMDS];
struct xprivcmd_quick xprivcmd_quick_entries[QUICK_MAX];
bool xprivcmd_quick_ready __read_mostly;

/**
 * xprivcmd_needs_copy() - must the decision read memory the call points to?
 * @row: the call's verdict row
 * @op: hypercall number (the op an alias stands for)
 * @cmd: its sub-command
 *
 * Return: true when the row names a domain inside a structure, or the
 * structure holds guest handles, frames or page-table entries to check.
 */
bool xprivcmd_needs_copy(const struct xprivcmd_class *row, u64 op, u64 cmd)
{
	if (row->has_dom && !(row->flags & XPRIVCMD_VF_DOM_ARG))
		return true;
	return xprivcmd_has_nested(op, 0, cmd) ||
	       xprivcmd_schema_frames_copy(op, cmd);
}

/* The pair's pointers into @q, when its decision is register-only. */
static bool register_only(const struct xprivcmd_op *s, u64 op, u64 cmd,
			  struct xprivcmd_quick *q)
{
	const struct xprivcmd_class *row = xprivcmd_classify(op, 0, cmd, NULL, 0);
	const struct xprivcmd_ptr *p;
	unsigned int i;

	/* A multicall's decision reads its list: each entry is decided. */
	if (op == __HYPERVISOR_multicall)
		return false;
	if (!row || (row->verdict != XPRIVCMD_V_NOREF &&
		     row->verdict != XPRIVCMD_V_CHECKED))
		return false;
	if (row->has_dom || (row->flags & XPRIVCMD_VF_NOT_TRANSLATED) ||
	    xprivcmd_needs_copy(row, op, cmd))
		return false;
	q->nr_ptrs = 0;
	for (i = 0; i < s->nr_ptrs; i++) {
		p = xprivcmd_schema_ptr(s, i, cmd);
		if (p->varbuf)
			return false;
		if (p->size)
			q->ptrs[q->nr_ptrs++] = *p;
	}
	return true;
}

/**
 * xprivcmd_quick_index() - find the register-only pairs, and the bare ones
 *
 * For the module's load, after xprivcmd_verdicts_index() and
 * xprivcmd_nested_index(), before any call is decided.  If the pairs do
 * not fit, none is indexed: every call is then decided in full.
 */
void xprivcmd_quick_index(void)
{
	unsigned int op, cmd, n = 0;
	const struct xprivcmd_op *s;
	struct xprivcmd_quick q;

	for (op = 0; op < XPRIVCMD_NR_HYPERCALLS; op++)
		for (cmd = 0; cmd < XPRIVCMD_QUICK_CMDS; cmd++)
			if (!xprivcmd_has_nested_any(op, cmd) &&
			    !xprivcmd_schema_frames_copy(op, cmd))
				xprivcmd_quick_ops[op].bare |= 1ULL << cmd;
	for (op = 0; op < XPRIVCMD_NR_HYPERCALLS; op++) {
		s = xprivcmd_schema_op(op);
		if (!s || s->struct_cmd || !xprivcmd_class_table(op))
			continue;
		xprivcmd_quick_ops[op].muxed = s->muxed;
		xprivcmd_quick_ops[op].cmd_arg = s->cmd_arg;
		xprivcmd_quick_ops[op].cmd_mask = s->cmd_mask;
		for (cmd = 0; cmd < (s->muxed ? XPRIVCMD_QUICK_CMDS : 1); cmd++) {
			if (!register_only(s, op, cmd, &q))
				continue;
			if (n == QUICK_MAX) {
				memset(xprivcmd_quick_at, 0, sizeof(xprivcmd_quick_at));
				return;
			}
			xprivcmd_quick_entries[n++] = q;
			xprivcmd_quick_at[op][cmd] = n;
			xprivcmd_quick_ops[op].indexed = true;
		}
	}
	xprivcmd_quick_ready = true;
}
