/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Argument schema of Xen's hypercalls: which arguments are guest pointers and
 * how many bytes the hypervisor may touch behind them.
 *
 * Pure logic with no kernel dependencies, so the host unit tests build it too.
 */
#ifndef XPRIVCMD_SCHEMA_H
#define XPRIVCMD_SCHEMA_H

#include "portability.h"

#define XPRIVCMD_NR_ARGS	5
#define XPRIVCMD_MAX_PTRS	2
/* Most guest handles one structure holds (XEN_SYSCTL_livepatch_op list: 5). */
#define XPRIVCMD_MAX_NESTED	5
/* Marks "no such argument" in the one-byte argument index fields. */
#define XPRIVCMD_NO_ARG		0xff

/* What the hypervisor does with the memory behind a pointer. */
enum xprivcmd_access {
	XPRIVCMD_IN = 1,	/* reads it */
	XPRIVCMD_OUT = 2,	/* writes it */
	XPRIVCMD_INOUT = 3,
};

/**
 * struct xprivcmd_ptr - one pointer argument of a hypercall
 * @arg: index of the argument holding the guest virtual address
 * @count_arg: index of the argument holding an element count, or
 *	%XPRIVCMD_NO_ARG when @size is the whole length
 * @access: &enum xprivcmd_access
 * @required: a NULL address is an error rather than "argument unused"
 * @varbuf: the object is a struct xen_varbuf: a u32 count of the bytes that
 *	follow it, which Xen reads from it, then that many bytes; @size is
 *	the header's (see xprivcmd_schema_varbuf())
 * @size: bytes, or bytes per element when @count_arg is set
 */
struct xprivcmd_ptr {
	u8 arg;
	u8 count_arg;
	u8 access;
	bool required;
	bool varbuf;
	u32 size;
};

/**
 * struct xprivcmd_subop - what one sub-command does with the op's pointer
 * @cmd: value of the multiplexing argument
 * @ptr: the pointer for this sub-command; @ptr.size == 0 means the
 *	sub-command ignores the pointer argument
 */
struct xprivcmd_subop {
	u32 cmd;
	struct xprivcmd_ptr ptr;
};

/**
 * struct xprivcmd_op - schema of one hypercall
 * @name: name in Xen's public xen.h, without the __HYPERVISOR_ prefix
 * @muxed: the hypercall is multiplexed on the sub-command in @cmd_arg
 * @cmd_arg: argument that selects the sub-command
 * @cmd_mask: the bits of that argument Xen decodes as the sub-command (it
 *	truncates int arguments, and some ops keep continuation state above
 *	the command); policy and schema must see the command Xen will see
 * @nr_ptrs: number of entries in @ptrs
 * @ptrs: pointer arguments as the prototype declares them; for unknown
 *	sub-commands only "non-NULL means a user address" can be enforced
 * @subops: per-sub-command refinement of @ptrs[0], may be NULL
 * @nr_subops: number of entries in @subops
 * @struct_cmd: the sub-command is the u32 at the start of the structure that
 *	@ptrs[0] points to, followed by a u32 interface version.  Such calls
 *	are decided on, and issued with, a kernel copy of that structure.
 */
struct xprivcmd_op {
	const char *name;
	bool muxed;
	bool struct_cmd;
	u8 cmd_arg;
	u64 cmd_mask;
	u8 nr_ptrs;
	struct xprivcmd_ptr ptrs[XPRIVCMD_MAX_PTRS];
	const struct xprivcmd_subop *subops;
	u8 nr_subops;
};

/**
 * struct xprivcmd_range - guest memory a hypercall is about to be given
 * @addr: start address, from the caller
 * @len: length in bytes; U64_MAX when the computation overflowed
 * @arg: argument index it came from
 * @access: &enum xprivcmd_access
 * @required: NULL is an error
 */
struct xprivcmd_range {
	u64 addr;
	u64 len;
	u8 arg;
	u8 access;
	bool required;
};

/**
 * struct xprivcmd_struct_info - what is inside a hypercall's structure
 * @cmd: its sub-command
 * @iv: its interface version; 0 for the ops of Xen's stable guest ABI
 *	(memory_op, grant_table_op, ...), whose structures have none
 * @iv_known: xprivcmd knows the layout of that interface version (always
 *	true for the stable guest ABI)
 * @nr_ranges: number of entries in @ranges
 * @ranges: user buffers the structure points to (its embedded guest
 *	handles), for the sub-commands whose layout the schema models; arg
 *	is the hypercall argument that holds the structure
 */
struct xprivcmd_struct_info {
	u32 cmd;
	u32 iv;
	bool iv_known;
	unsigned int nr_ranges;
	struct xprivcmd_range ranges[XPRIVCMD_MAX_NESTED];
};

/* What xprivcmd_schema_next_va() found. */
enum xprivcmd_va_kind {
	/* a reference that is refused: @reason says why */
	XPRIVCMD_VA_REFUSE = 1,
	/* a bitmap of vCPUs Xen reads through a guest handle: a user buffer */
	XPRIVCMD_VA_VCPUMASK = 2,
};

/**
 * struct xprivcmd_va - a reference in a call's array or structure that is
 *	not a guest handle of the schema, yet resolved by Xen
 * @addr: the offending value (request, command, domain) or the bitmap
 * @elem: index of the array element it came from
 * @kind: &enum xprivcmd_va_kind
 * @reason: for %XPRIVCMD_VA_REFUSE, the &enum xprivcmd_reason
 */
struct xprivcmd_va {
	u64 addr;
	u64 elem;
	u8 kind;
	u8 reason;
};

/* Marks "the sub-command cannot be known" in policy decisions. */
#define XPRIVCMD_SUBOP_ANY	U64_MAX

/* Hypercalls a user may declare: slots Xen's public interface leaves free. */
#define XPRIVCMD_MAX_USER_OPS	16
#define XPRIVCMD_USER_NAME_MAX	32

/**
 * struct xprivcmd_user_op - the declared layout of a hypercall Xen's public
 *	headers do not define, e.g. one a user added to their own Xen
 * @name: its name, for logs, policies and tools
 * @nr: its number
 * @op: its schema (@op.name is NULL: use @name)
 */
struct xprivcmd_user_op {
	char name[XPRIVCMD_USER_NAME_MAX];
	u8 nr;
	struct xprivcmd_op op;
};

/**
 * struct xprivcmd_user_ops - every declared hypercall
 * @count: entries used in @ops
 * @ops: the declarations
 */
struct xprivcmd_user_ops {
	unsigned int count;
	struct xprivcmd_user_op ops[XPRIVCMD_MAX_USER_OPS];
};

/* The memory @p describes, in a call of arguments @args. */
static inline void xprivcmd_fill_range(const struct xprivcmd_ptr *p,
				       const u64 *args,
				       struct xprivcmd_range *r)
{
	u64 count = p->count_arg == XPRIVCMD_NO_ARG ? 1 : args[p->count_arg];

	r->addr = args[p->arg];
	r->arg = p->arg;
	r->access = p->access;
	r->required = p->required;
	/* An overflowing length can only describe memory the caller lacks. */
	if (__builtin_mul_overflow(count, (u64)p->size, &r->len))
		r->len = U64_MAX;
}

/* Indexed by hypercall number (schema_ops.c); read through xprivcmd_schema_op(). */
extern const struct xprivcmd_op xprivcmd_ops[XPRIVCMD_NR_HYPERCALLS];

/**
 * xprivcmd_schema_op() - look up the schema of a hypercall
 * @op: hypercall number
 *
 * Inline: every decision starts with it.
 *
 * Return: the schema, or NULL when Xen's public interface defines no such
 * hypercall (it may still be one a user added to their own Xen).
 */
static inline const struct xprivcmd_op *xprivcmd_schema_op(u64 op)
{
	if (op >= XPRIVCMD_NR_HYPERCALLS || !xprivcmd_ops[op].name)
		return NULL;
	return &xprivcmd_ops[op];
}

const struct xprivcmd_ptr *xprivcmd_schema_ptr(const struct xprivcmd_op *s,
					       unsigned int i, u64 cmd);
unsigned int xprivcmd_schema_op_ranges(const struct xprivcmd_op *s,
				       const u64 *args,
				       struct xprivcmd_range *ranges);
int xprivcmd_user_ops_parse(struct xprivcmd_user_ops *u, const char *text);
int xprivcmd_user_ops_format(const struct xprivcmd_user_ops *u, char *buf,
			     unsigned int size);
const struct xprivcmd_user_op *
xprivcmd_user_ops_find(const struct xprivcmd_user_ops *u, u64 op);
__printf(4, 5)
int xprivcmd_append(char *buf, unsigned int size, unsigned int *pos,
		    const char *fmt, ...);
u64 xprivcmd_schema_subop(u64 op, const u64 *args);
bool xprivcmd_schema_subop_range(const struct xprivcmd_op *s, const u64 *args,
				 struct xprivcmd_range *whole);

/**
 * xprivcmd_schema_struct_range() - the structure or array a call hands Xen
 * @op: hypercall number
 * @args: its arguments
 * @whole: set to the memory its sub-command's pointer names, by the schema
 *
 * Inline: the decision on every call with a structure asks it first.
 *
 * Return: true when the schema knows that memory's size (so that it can be
 * copied into the kernel and decided on there) and it is not empty.
 */
static inline bool xprivcmd_schema_struct_range(u64 op, const u64 *args,
						struct xprivcmd_range *whole)
{
	const struct xprivcmd_op *s = xprivcmd_schema_op(op);

	if (!s || !s->nr_ptrs)
		return false;
	if (s->muxed && s->subops)
		return xprivcmd_schema_subop_range(s, args, whole);
	if (!s->ptrs[0].access)
		return false;
	xprivcmd_fill_range(&s->ptrs[0], args, whole);
	return whole->len != 0;
}

bool xprivcmd_schema_varbuf(u64 op, const u64 *args,
			    struct xprivcmd_range *head);
u64 xprivcmd_varbuf_len(const struct xprivcmd_range *head, u32 count);
unsigned int xprivcmd_schema_nested(u64 op, u32 iv, u64 cmd, const void *buf,
				    u64 len, u8 arg,
				    struct xprivcmd_range *ranges);
bool xprivcmd_has_nested(u64 op, u32 iv, u64 cmd);
bool xprivcmd_has_nested_any(u64 op, u64 cmd);
void xprivcmd_nested_index(void);
bool xprivcmd_iv_known(u64 op, u32 iv);
void xprivcmd_schema_struct(u64 op, const u64 *args, const void *buf,
			    u64 len, struct xprivcmd_struct_info *info);
struct xprivcmd_caller;
bool xprivcmd_schema_frames_copy(u64 op, u64 cmd);
bool xprivcmd_schema_next_va(const struct xprivcmd_caller *caller, u64 op,
			     u64 cmd, const u64 *args, const void *buf, u64 len,
			     u64 *pos, struct xprivcmd_va *va);
const char *xprivcmd_op_name(u64 op);
unsigned int xprivcmd_schema_ranges(u64 op, const u64 *args,
				    struct xprivcmd_range *ranges);

#endif /* XPRIVCMD_SCHEMA_H */
