/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A hypercall on its way to Xen, shared by the decision (decide.c) and the
 * ioctl that carries it out (hypercall.c).
 */
#ifndef XPRIVCMD_CALL_H
#define XPRIVCMD_CALL_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <uapi/xen/xprivcmd.h>

#include "schema.h"
#include "verdicts.h"

/* Xen's struct multicall_entry in the 64-bit ABI: op, result, args[6]. */
#define XPRIVCMD_MC_ENTRY_WORDS	8

/**
 * struct xprivcmd_copy - memory of the caller's that Xen is given a kernel
 *	copy of instead: the structure or array of one call or multicall entry
 * @kbuf: the copy Xen reads and writes
 * @orig: the same bytes as copied in, to tell what Xen changed; NULL when
 *	@kbuf goes back whole (see copy_in())
 * @len: bytes in each
 * @uaddr: the caller's memory, where changes go back to
 * @word: for a multicall entry, the index in the list of the argument that
 *	pointed to it (restored before the list goes back); else -1
 * @owned: @kbuf was allocated for this copy alone (else it is in the
 *	call's arena) and is freed with it
 */
struct xprivcmd_copy {
	void *kbuf;
	void *orig;
	size_t len;
	u64 uaddr;
	long word;
	bool owned;
};

/*
 * Bytes of a structure (and as many for its original) kept in the call's
 * arena rather than allocated on their own: a domctl, sysctl or
 * platform_op structure (128-byte union plus header) fits.
 */
#define XPRIVCMD_SMALL_COPY	160
/*
 * Room on the ioctl's stack: one small structure and its original, or a
 * multicall list of one entry and that entry's structure.
 */
#define XPRIVCMD_ARENA_BYTES \
	(2 * XPRIVCMD_SMALL_COPY + XPRIVCMD_MC_ENTRY_WORDS * sizeof(u64))

/**
 * struct xprivcmd_reject - why a call was refused
 * @reason: &enum xprivcmd_reason
 * @arg: the argument at fault, or %XPRIVCMD_ARG_NONE
 * @entry: the multicall entry at fault, or %XPRIVCMD_ARG_NONE
 * @op: the hypercall refused (the entry's, in a multicall)
 * @subop: its sub-command, as far as it is known
 * @value: the value at fault (address, domain, request)
 * @err: the negative errno the ioctl returns
 */
struct xprivcmd_reject {
	unsigned int reason;
	u32 arg;
	u32 entry;
	u64 op;
	u64 subop;
	u64 value;
	int err;
};

/**
 * struct xprivcmd_call - one IOCTL_PRIVCMD_HYPERCALL
 * @h: as the caller gave it
 * @args: as Xen will get them: a kernel copy may replace a user pointer
 * @subop: sub-command, for tracing
 * @caller: the calling domain
 * @list: for a multicall, the kernel copy of its list Xen runs
 * @list_len: its length in bytes
 * @copies: the kernel copies of the call's (or entries') structures
 * @nr_copies: entries used in @copies
 * @max_copies: entries allocated
 * @copied: bytes in @copies, against the copy_max parameter
 * @restricted: the fd is restricted to one domain: only the calls
 *	restricted_policy allows that act on the calling domain alone pass
 * @rej: why the call was refused, when it was
 * @one: @copies of a call that is not a multicall
 * @arena: where copies of small structures are kept: room on the ioctl's
 *	stack for one (so that a call copies its structure without a heap
 *	allocation), or for a multicall's entries once that is used, one
 *	allocation for many
 * @arena_len: its size
 * @arena_used: bytes of it handed out
 * @arena_owned: @arena was allocated, and is freed with the call
 * @list_owned: @list was allocated (else it is in @arena)
 */
struct xprivcmd_call {
	struct privcmd_hypercall h;
	unsigned long args[XPRIVCMD_NR_ARGS];
	u64 subop;
	struct xprivcmd_caller caller;
	u64 *list;
	size_t list_len;
	struct xprivcmd_copy *copies;
	u32 nr_copies;
	u32 max_copies;
	size_t copied;
	bool restricted;
	struct xprivcmd_reject rej;
	struct xprivcmd_copy one;
	void *arena;
	size_t arena_len;
	size_t arena_used;
	bool arena_owned;
	bool list_owned;
};

struct xprivcmd_file;

/* self.c: the calling domain (its id DOMID_INVALID until known) */
extern struct xprivcmd_caller xprivcmd_self_caller;

/**
 * xprivcmd_self() - the caller, for the decisions of module/common/
 * @caller: filled in
 *
 * Inline: every call with a structure asks it (see hypercall.c).
 */
static inline void xprivcmd_self(struct xprivcmd_caller *caller)
{
	caller->domid = READ_ONCE(xprivcmd_self_caller.domid);
	caller->translated = xprivcmd_self_caller.translated;
}

int xprivcmd_judge(struct xprivcmd_file *xf, struct xprivcmd_call *c, u64 op,
		   u64 *args, long list_base, struct xprivcmd_reject *rej);
void xprivcmd_refused(struct xprivcmd_file *xf,
		      const struct xprivcmd_reject *rej);

#endif /* XPRIVCMD_CALL_H */
