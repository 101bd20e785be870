/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Register-only decisions, made once per (hypercall, sub-command) when the
 * module loads: see quick.c.
 */
#ifndef XPRIVCMD_QUICK_H
#define XPRIVCMD_QUICK_H

#include "portability.h"
#include "schema.h"
#include "verdicts.h"

/* Sub-commands below this are indexed; the others are decided in full. */
#define XPRIVCMD_QUICK_CMDS	64
static_assert(XPRIVCMD_QUICK_CMDS <= 64, "one bit each in xprivcmd_quick_op.bare");

/**
 * struct xprivcmd_quick - what is left of the decision on a call whose
 *	every reference is an argument register
 * @nr_ptrs: entries in @ptrs
 * @ptrs: its pointer arguments, as xprivcmd_schema_ranges() describes them
 *	for this sub-command: each is checked on every call
 */
struct xprivcmd_quick {
	u8 nr_ptrs;
	struct xprivcmd_ptr ptrs[XPRIVCMD_MAX_PTRS];
};

/*
 * Whether any sub-command of an op is indexed (@indexed), whether the
 * sub-command is in a register, at @cmd_arg, and which sub-commands below
 * %XPRIVCMD_QUICK_CMDS have a structure known to carry no reference
 * (@bare, a bit each: see xprivcmd_quick_bare()).
 */
struct xprivcmd_quick_op {
	bool indexed;
	bool muxed;
	u8 cmd_arg;
	u64 cmd_mask;
	u64 bare;
};

/* Built by xprivcmd_quick_index(); read through xprivcmd_quick() only. */
extern struct xprivcmd_quick_op xprivcmd_quick_ops[XPRIVCMD_NR_HYPERCALLS];
extern u8 xprivcmd_quick_at[XPRIVCMD_NR_HYPERCALLS][XPRIVCMD_QUICK_CMDS];
extern struct xprivcmd_quick xprivcmd_quick_entries[];
extern bool xprivcmd_quick_ready;

bool xprivcmd_needs_copy(const struct xprivcmd_class *row, u64 op, u64 cmd);
void xprivcmd_quick_index(void);

/**
 * xprivcmd_quick() - is a call's decision register-only?
 * @op: hypercall number
 * @args: its arguments
 * @cmd: set to its sub-command when it is
 *
 * Inline: it is the first step of every call's decision.
 *
 * Return: what is left to check of it, or NULL: decide it in full.
 */
static inline const struct xprivcmd_quick *xprivcmd_quick(u64 op, const u64 *args,
							  u64 *cmd)
{
	const struct xprivcmd_quick_op *o;
	u64 c = 0;
	u8 at;

	if (!xprivcmd_quick_ready || op >= XPRIVCMD_NR_HYPERCALLS)
		return NULL;
	o = &xprivcmd_quick_ops[op];
	if (!o->indexed)
		return NULL;
	if (o->muxed)
		c = args[o->cmd_arg] & o->cmd_mask;
	if (c >= XPRIVCMD_QUICK_CMDS)
		return NULL;
	at = xprivcmd_quick_at[op][c];
	if (!at)
		return NULL;
	*cmd = c;
	return &xprivcmd_quick_entries[at - 1];
}

/**
 * xprivcmd_quick_bare() - does a structure of @op/@cmd carry no reference?
 * @op: hypercall number (the op an alias stands for)
 * @cmd: its sub-command
 *
 * Inline: the decision on a call with a structure asks it last.
 *
 * Return: true when it is known that the structure holds no guest handle,
 * in any interface version's layout, and no frame or page-table entry:
 * once its domain is checked, nothing in it is left to check.  False when
 * that is not known.
 */
static inline bool xprivcmd_quick_bare(u64 op, u64 cmd)
{
	return xprivcmd_quick_ready && op < XPRIVCMD_NR_HYPERCALLS &&
	       cmd < XPRIVCMD_QUICK_CMDS && (xprivcmd_quick_ops[op].bare >> cmd & 1);
}

#endif /* XPRIVCMD_QUICK_H */
