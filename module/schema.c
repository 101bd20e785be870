// SPDX-License-Identifier: GPL-2.0-only
/*
 * The argument schema of every hypercall in Xen's public interface.
 *
 * Source of the facts: xen/include/public/xen.h (hypercall numbers, sub-command
 * numbers, structure layouts) and xen/include/hypercall-defs.c (prototypes:
 * every pointer there is a guest handle, i.e. a guest virtual address).  Sizes
 * are those of the 64-bit hypervisor ABI that a 64-bit guest kernel speaks,
 * whatever the bitness of the calling process; testing/unit/ checks them
 * against Xen's own headers.
 */
#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/string.h>
#else
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#endif

#include "schema.h"

#define NO_ARG XPRIVCMD_NO_ARG

/* A pointer whose object has a fixed size. */
#define PTR(_arg, _access, _size, _req) \
	{ .arg = (_arg), .count_arg = NO_ARG, .access = (_access), \
	  .size = (_size), .required = (_req) }
/* A pointer to an array whose length is another argument. */
#define ARRAY(_arg, _count_arg, _access, _elem) \
	{ .arg = (_arg), .count_arg = (_count_arg), .access = (_access), \
	  .size = (_elem), .required = true }
/* A pointer whose size depends on something we do not model. */
#define OPAQUE(_arg) PTR(_arg, XPRIVCMD_INOUT, 1, false)

#define SUBOP(_cmd, _ptr) { .cmd = (_cmd), .ptr = _ptr }
/* The sub-command does not use the pointer argument at all. */
#define NOPTR { .size = 0 }

/*
 * Bits of the command argument that carry the command; the rest is
 * continuation state (Xen: MEMOP_CMD_MASK in include/xen/hypercall.h,
 * GNTTABOP_CMD_MASK in common/grant_table.c, HVMOP_op_mask in arch/x86/hvm).
 */
#define MEMOP_CMD_MASK		0x3fULL
#define GNTTABOP_CMD_MASK	0xfffULL
#define HVMOP_OP_MASK		0xffULL

/* Sizes from Xen's public headers, 64-bit ABI. */
#define SZ_TRAP_INFO		16	/* struct trap_info */
#define SZ_MMU_UPDATE		16	/* struct mmu_update */
#define SZ_MMUEXT_OP		24	/* struct mmuext_op */
#define SZ_XEN_ULONG		8	/* xen_ulong_t, xen_pfn_t */
#define SZ_PLATFORM_OP		136	/* struct xen_platform_op */
#define SZ_MULTICALL_ENTRY	64	/* struct multicall_entry */
#define SZ_EVTCHN_OP		28	/* struct evtchn_op */
#define SZ_PHYSDEV_OP		24	/* struct physdev_op */
#define SZ_SYSCTL		136	/* struct xen_sysctl */
#define SZ_DOMCTL		144	/* struct xen_domctl */
#define SZ_DM_OP_BUF		16	/* struct xen_dm_op_buf */
#define SZ_XEN_MC		152	/* struct xen_mc */

/* xen_version sub-commands (public/version.h) and their buffers. */
static const struct xprivcmd_subop xen_version_subops[] = {
	SUBOP(0, NOPTR),					/* XENVER_version */
	SUBOP(1, PTR(1, XPRIVCMD_OUT, 16, true)),		/* XENVER_extraversion */
	SUBOP(2, PTR(1, XPRIVCMD_OUT, 144, true)),		/* XENVER_compile_info */
	SUBOP(3, PTR(1, XPRIVCMD_OUT, 1024, true)),		/* XENVER_capabilities */
	SUBOP(4, PTR(1, XPRIVCMD_OUT, 64, true)),		/* XENVER_changeset */
	SUBOP(5, PTR(1, XPRIVCMD_OUT, 8, true)),		/* XENVER_platform_parameters */
	SUBOP(6, PTR(1, XPRIVCMD_INOUT, 8, true)),		/* XENVER_get_features */
	SUBOP(7, NOPTR),					/* XENVER_pagesize */
	SUBOP(8, PTR(1, XPRIVCMD_OUT, 16, true)),		/* XENVER_guest_handle */
	SUBOP(9, PTR(1, XPRIVCMD_OUT, 1024, true)),		/* XENVER_commandline */
	/* XENVER_build_id: a length header, then as many bytes as it says */
	SUBOP(10, PTR(1, XPRIVCMD_INOUT, 4, true)),
};

/* console_io sub-commands: the buffer is arg2, its length arg1. */
static const struct xprivcmd_subop console_io_subops[] = {
	SUBOP(0, ARRAY(2, 1, XPRIVCMD_IN, 1)),			/* CONSOLEIO_write */
	SUBOP(1, ARRAY(2, 1, XPRIVCMD_OUT, 1)),			/* CONSOLEIO_read */
};

#define OP(_name, ...) { .name = _name, __VA_ARGS__ }
#define PTRS1(_p) .nr_ptrs = 1, .ptrs = { _p }
#define PTRS2(_p, _q) .nr_ptrs = 2, .ptrs = { _p, _q }
/* Multiplexed on an int or unsigned int argument. */
#define MUX(_arg) MUXM(_arg, 0xffffffffULL)
#define MUXM(_arg, _mask) .muxed = true, .cmd_arg = (_arg), .cmd_mask = (_mask)
#define STRUCT_CMD .struct_cmd = true

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

static const struct xprivcmd_op xprivcmd_ops[] = {
	[0] = OP("set_trap_table", PTRS1(PTR(0, XPRIVCMD_IN, SZ_TRAP_INFO, false))),
	[1] = OP("mmu_update", PTRS2(ARRAY(0, 1, XPRIVCMD_IN, SZ_MMU_UPDATE),
				     PTR(2, XPRIVCMD_OUT, 4, false))),
	[2] = OP("set_gdt", PTRS1(PTR(0, XPRIVCMD_IN, SZ_XEN_ULONG, true))),
	[3] = OP("stack_switch"),
	[4] = OP("set_callbacks"),
	[5] = OP("fpu_taskswitch"),
	[6] = OP("sched_op_compat", MUX(0)),
	[7] = OP("platform_op", STRUCT_CMD,
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_PLATFORM_OP, true))),
	[8] = OP("set_debugreg"),
	[9] = OP("get_debugreg"),
	[10] = OP("update_descriptor"),
	[12] = OP("memory_op", MUXM(0, MEMOP_CMD_MASK), PTRS1(OPAQUE(1))),
	[13] = OP("multicall", PTRS1(ARRAY(0, 1, XPRIVCMD_INOUT, SZ_MULTICALL_ENTRY))),
	[14] = OP("update_va_mapping"),
	[15] = OP("set_timer_op"),
	[16] = OP("event_channel_op_compat",
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_EVTCHN_OP, true))),
	[17] = OP("xen_version", MUX(0), PTRS1(OPAQUE(1)),
		   .subops = xen_version_subops,
		   .nr_subops = ARRAY_SIZE(xen_version_subops)),
	[18] = OP("console_io", MUX(0), PTRS1(OPAQUE(2)),
		   .subops = console_io_subops,
		   .nr_subops = ARRAY_SIZE(console_io_subops)),
	[19] = OP("physdev_op_compat",
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_PHYSDEV_OP, true))),
	[20] = OP("grant_table_op", MUXM(0, GNTTABOP_CMD_MASK), PTRS1(OPAQUE(1))),
	[21] = OP("vm_assist", MUX(0)),
	[22] = OP("update_va_mapping_otherdomain"),
	[23] = OP("iret"),
	[24] = OP("vcpu_op", MUX(0), PTRS1(OPAQUE(2))),
	[25] = OP("set_segment_base", MUX(0)),
	[26] = OP("mmuext_op", PTRS2(ARRAY(0, 1, XPRIVCMD_INOUT, SZ_MMUEXT_OP),
				     PTR(2, XPRIVCMD_OUT, 4, false))),
	[27] = OP("xsm_op", PTRS1(PTR(0, XPRIVCMD_INOUT, 4, true))),
	[28] = OP("nmi_op", MUX(0), PTRS1(OPAQUE(1))),
	[29] = OP("sched_op", MUX(0), PTRS1(OPAQUE(1))),
	[30] = OP("callback_op", MUX(0), PTRS1(OPAQUE(1))),
	[31] = OP("xenoprof_op", MUX(0), PTRS1(OPAQUE(1))),
	[32] = OP("event_channel_op", MUX(0), PTRS1(OPAQUE(1))),
	[33] = OP("physdev_op", MUX(0), PTRS1(OPAQUE(1))),
	[34] = OP("hvm_op", MUXM(0, HVMOP_OP_MASK), PTRS1(OPAQUE(1))),
	[35] = OP("sysctl", STRUCT_CMD,
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_SYSCTL, true))),
	[36] = OP("domctl", STRUCT_CMD,
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_DOMCTL, true))),
	[37] = OP("kexec_op", MUXM(0, ~0ULL), PTRS1(OPAQUE(1))),
	[38] = OP("tmem_op", PTRS1(OPAQUE(0))),
	[39] = OP("argo_op", MUX(0), PTRS2(OPAQUE(1), OPAQUE(2))),
	[40] = OP("xenpmu_op", MUX(0), PTRS1(OPAQUE(1))),
	[41] = OP("dm_op", PTRS1(ARRAY(2, 1, XPRIVCMD_IN, SZ_DM_OP_BUF))),
	[42] = OP("hypfs_op", MUX(0),
		   PTRS2(ARRAY(1, 2, XPRIVCMD_IN, 1), ARRAY(3, 4, XPRIVCMD_INOUT, 1))),
#ifdef CONFIG_X86
	[48] = OP("mca", STRUCT_CMD,
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_XEN_MC, true))),
	[49] = OP("paging_domctl_cont", STRUCT_CMD,
		   PTRS1(PTR(0, XPRIVCMD_INOUT, SZ_DOMCTL, true))),
#endif
};

/**
 * xprivcmd_schema_op() - look up the schema of a hypercall
 * @op: hypercall number
 *
 * Return: the schema, or NULL when Xen's public interface defines no such
 * hypercall (it may still be one a user added to their own Xen).
 */
const struct xprivcmd_op *xprivcmd_schema_op(u64 op)
{
	if (op >= ARRAY_SIZE(xprivcmd_ops) || !xprivcmd_ops[op].name)
		return NULL;
	return &xprivcmd_ops[op];
}

/*
 * Interface versions whose structure layouts the table below describes:
 * Xen 4.17's.  Xen refuses any other version with EACCES, so an unknown one
 * is either a newer Xen or a bug; strict policies refuse to guess.
 */
static const struct {
	u8 op;
	u32 iv;
} known_ivs[] = {
	{ 7, 0x03000001 },	/* XENPF_INTERFACE_VERSION */
	{ 35, 0x15 },		/* XEN_SYSCTL_INTERFACE_VERSION */
	{ 36, 0x15 },		/* XEN_DOMCTL_INTERFACE_VERSION */
	{ 48, 0x01ecc003 },	/* XEN_MCA_INTERFACE_VERSION */
	{ 49, 0x15 },		/* paging_domctl_cont takes a domctl */
};

#define NO_OFF 0xffff

/*
 * Guest handles inside struct_cmd structures, by (op, interface version,
 * sub-command).  Offsets are from the start of the structure.
 */
static const struct {
	u8 op;
	u32 iv;
	u32 cmd;
	u16 ptr_off;
	u16 count_off;		/* u32 element count, or NO_OFF */
	u8 access;
	u32 size;		/* bytes, or bytes per element */
} nested[] = {
	/* XEN_SYSCTL_readconsole: buffer, count */
	{ 35, 0x15, 1, 16, 24, XPRIVCMD_OUT, 1 },
	/* XEN_SYSCTL_getdomaininfolist: buffer of max_domains entries */
	{ 35, 0x15, 6, 16, 12, XPRIVCMD_OUT, 112 },
};

static u32 get_u32(const void *buf, unsigned int off)
{
	u32 v;

	memcpy(&v, (const char *)buf + off, sizeof(v));
	return v;
}

static u64 get_u64(const void *buf, unsigned int off)
{
	u64 v;

	memcpy(&v, (const char *)buf + off, sizeof(v));
	return v;
}

/**
 * xprivcmd_schema_struct() - look inside a struct_cmd hypercall's structure
 * @op: hypercall number; its schema has struct_cmd set
 * @buf: a kernel copy of the structure, @op's ptrs[0].size bytes
 * @info: filled in
 */
void xprivcmd_schema_struct(u64 op, const void *buf,
			    struct xprivcmd_struct_info *info)
{
	unsigned int i;

	info->cmd = get_u32(buf, 0);
	info->iv = get_u32(buf, 4);
	info->iv_known = false;
	info->nr_ranges = 0;
	for (i = 0; i < ARRAY_SIZE(known_ivs); i++)
		if (known_ivs[i].op == op && known_ivs[i].iv == info->iv)
			info->iv_known = true;
	if (!info->iv_known)
		return;

	for (i = 0; i < ARRAY_SIZE(nested); i++) {
		struct xprivcmd_range *r = &info->ranges[info->nr_ranges];
		u64 count = 1;

		if (nested[i].op != op || nested[i].iv != info->iv ||
		    nested[i].cmd != info->cmd ||
		    info->nr_ranges == XPRIVCMD_MAX_PTRS)
			continue;
		if (nested[i].count_off != NO_OFF)
			count = get_u32(buf, nested[i].count_off);
		r->addr = get_u64(buf, nested[i].ptr_off);
		r->len = count * nested[i].size;	/* u32 * u32: no overflow */
		r->arg = 0;
		r->access = nested[i].access;
		r->required = true;
		if (r->len)
			info->nr_ranges++;
	}
}

/**
 * xprivcmd_schema_subop() - the sub-command of a call, when it is in an argument
 * @op: hypercall number
 * @args: its arguments
 *
 * Return: the sub-command; 0 for hypercalls that are not multiplexed (and
 * for ones the schema does not know); %XPRIVCMD_SUBOP_ANY for struct_cmd
 * hypercalls, whose sub-command is in memory (see xprivcmd_schema_struct()).
 */
u64 xprivcmd_schema_subop(u64 op, const u64 *args)
{
	const struct xprivcmd_op *s = xprivcmd_schema_op(op);

	if (!s)
		return 0;
	if (s->struct_cmd)
		return XPRIVCMD_SUBOP_ANY;
	return s->muxed ? args[s->cmd_arg] & s->cmd_mask : 0;
}

const char *xprivcmd_op_name(u64 op)
{
	const struct xprivcmd_op *s = xprivcmd_schema_op(op);

	return s ? s->name : "unknown";
}

static const struct xprivcmd_ptr *subop_ptr(const struct xprivcmd_op *s,
					    const u64 *args)
{
	unsigned int i;

	u64 cmd = args[s->cmd_arg] & s->cmd_mask;

	for (i = 0; i < s->nr_subops; i++)
		if (s->subops[i].cmd == cmd)
			return &s->subops[i].ptr;
	return NULL;
}

static void fill_range(const struct xprivcmd_ptr *p, const u64 *args,
		       struct xprivcmd_range *r)
{
	u64 count = p->count_arg == NO_ARG ? 1 : args[p->count_arg];

	r->addr = args[p->arg];
	r->arg = p->arg;
	r->access = p->access;
	r->required = p->required;
	/* An overflowing length can only describe memory the caller lacks. */
	if (__builtin_mul_overflow(count, (u64)p->size, &r->len))
		r->len = U64_MAX;
}

/**
 * xprivcmd_schema_ranges() - the guest memory a hypercall will be given
 * @op: hypercall number
 * @args: its five arguments
 * @ranges: room for %XPRIVCMD_MAX_PTRS entries
 *
 * Sub-commands the schema knows give exact lengths.  For unknown ones, and
 * for ops multiplexed on structures we do not model, a pointer argument gets
 * length 1 and may be NULL: all that can be enforced is that a non-NULL
 * address is a user address.  Zero-length ranges are left out, as the
 * hypervisor does not touch them.
 *
 * Return: the number of ranges filled in.
 */
unsigned int xprivcmd_schema_ranges(u64 op, const u64 *args,
				    struct xprivcmd_range *ranges)
{
	const struct xprivcmd_op *s = xprivcmd_schema_op(op);

	return s ? xprivcmd_schema_op_ranges(s, args, ranges) : 0;
}

/**
 * xprivcmd_schema_op_ranges() - xprivcmd_schema_ranges() for a given schema
 * @s: the hypercall's schema, built in or declared by a user
 * @args: its five arguments
 * @ranges: room for %XPRIVCMD_MAX_PTRS entries
 *
 * Return: the number of ranges filled in.
 */
unsigned int xprivcmd_schema_op_ranges(const struct xprivcmd_op *s,
				       const u64 *args,
				       struct xprivcmd_range *ranges)
{
	const struct xprivcmd_ptr *p;
	unsigned int i, n = 0;

	for (i = 0; i < s->nr_ptrs; i++) {
		p = &s->ptrs[i];
		if (i == 0 && s->subops) {
			const struct xprivcmd_ptr *sp = subop_ptr(s, args);

			if (sp)
				p = sp;
		}
		if (!p->size)
			continue;
		fill_range(p, args, &ranges[n]);
		if (ranges[n].len)
			n++;
	}
	return n;
}

/*
 * Declarations of user hypercalls, whitespace- or ';'-separated:
 *
 *	NAME=NR[:argI=ACCESS LEN[,argI=ACCESS LEN]]
 *
 * ACCESS is in, out or inout; LEN is a byte count, or *argJ for "as many
 * bytes as argument J says".  "hello=43:arg0=in*arg1" declares hypercall 43,
 * named hello, whose argument 0 points to argument 1 bytes that Xen reads.
 * Only numbers below 64 that Xen's public interface leaves free can be
 * declared.
 */

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

static int take_uint(const char **sp, u64 max, u64 *out)
{
	const char *s = *sp;
	u64 v = 0;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (*s++ - '0');
		if (v > max)
			return -ERANGE;
	}
	*sp = s;
	*out = v;
	return 0;
}

static bool take(const char **sp, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*sp, word, n))
		return false;
	*sp += n;
	return true;
}

static int parse_ptr(const char **sp, struct xprivcmd_ptr *p)
{
	u64 arg, v;

	if (!take(sp, "arg") || take_uint(sp, XPRIVCMD_NR_ARGS - 1, &arg) ||
	    !take(sp, "="))
		return -EINVAL;
	p->arg = arg;
	p->required = true;
	if (take(sp, "inout"))
		p->access = XPRIVCMD_INOUT;
	else if (take(sp, "in"))
		p->access = XPRIVCMD_IN;
	else if (take(sp, "out"))
		p->access = XPRIVCMD_OUT;
	else
		return -EINVAL;
	if (take(sp, "*arg")) {
		if (take_uint(sp, XPRIVCMD_NR_ARGS - 1, &v) || v == arg)
			return -EINVAL;
		p->count_arg = v;
		p->size = 1;
	} else {
		if (take_uint(sp, 1 << 20, &v) || !v)
			return -EINVAL;
		p->count_arg = XPRIVCMD_NO_ARG;
		p->size = v;
	}
	return 0;
}

static int parse_user_op(const char **sp, struct xprivcmd_user_ops *u)
{
	struct xprivcmd_user_op *d;
	const char *s = *sp;
	size_t len = 0;
	u64 nr;
	int ret;

	if (u->count == XPRIVCMD_MAX_USER_OPS)
		return -ENOSPC;
	d = &u->ops[u->count];
	memset(d, 0, sizeof(*d));
	while (name_char(s[len]))
		len++;
	if (!len || len >= XPRIVCMD_USER_NAME_MAX || s[len] != '=')
		return -EINVAL;
	memcpy(d->name, s, len);
	s += len + 1;
	ret = take_uint(&s, 63, &nr);
	if (ret)
		return ret;
	/* Xen's own hypercalls keep the schema xprivcmd knows for them. */
	if (xprivcmd_schema_op(nr) || xprivcmd_user_ops_find(u, nr))
		return -EEXIST;
	d->nr = nr;
	if (take(&s, ":")) {
		do {
			if (d->op.nr_ptrs == XPRIVCMD_MAX_PTRS)
				return -E2BIG;
			ret = parse_ptr(&s, &d->op.ptrs[d->op.nr_ptrs]);
			if (ret)
				return ret;
			d->op.nr_ptrs++;
		} while (take(&s, ","));
	}
	if (*s && *s != ' ' && *s != ';' && *s != '\n' && *s != '\t')
		return -EINVAL;
	u->count++;
	*sp = s;
	return 0;
}

/**
 * xprivcmd_user_ops_parse() - read declarations of user hypercalls
 * @u: filled in; emptied first
 * @text: NUL-terminated declarations
 *
 * Return: 0; -EINVAL for malformed text; -ERANGE for a number above 63;
 * -EEXIST for a number Xen's interface defines or declared twice; -E2BIG
 * for more than %XPRIVCMD_MAX_PTRS pointers; -ENOSPC for more than
 * %XPRIVCMD_MAX_USER_OPS declarations.
 */
int xprivcmd_user_ops_parse(struct xprivcmd_user_ops *u, const char *text)
{
	int ret;

	u->count = 0;
	for (;;) {
		while (*text == ' ' || *text == ';' || *text == '\n' || *text == '\t')
			text++;
		if (!*text)
			return 0;
		ret = parse_user_op(&text, u);
		if (ret)
			return ret;
	}
}

const struct xprivcmd_user_op *
xprivcmd_user_ops_find(const struct xprivcmd_user_ops *u, u64 op)
{
	unsigned int i;

	for (i = 0; i < u->count; i++)
		if (u->ops[i].nr == op)
			return &u->ops[i];
	return NULL;
}

static const char * const access_names[] = {
	[XPRIVCMD_IN] = "in", [XPRIVCMD_OUT] = "out", [XPRIVCMD_INOUT] = "inout",
};

/**
 * xprivcmd_append() - snprintf() at *@pos in @buf, advancing *@pos
 * @buf: output
 * @size: size of @buf
 * @pos: where to write; advanced past what was written
 * @fmt: format
 *
 * Return: 0, or -ENOSPC when the text did not fit.
 */
int xprivcmd_append(char *buf, unsigned int size, unsigned int *pos,
		    const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*pos >= size)
		return -ENOSPC;
	va_start(ap, fmt);
	n = vsnprintf(buf + *pos, size - *pos, fmt, ap);
	va_end(ap);
	if (n < 0 || (unsigned int)n >= size - *pos)
		return -ENOSPC;
	*pos += n;
	return 0;
}

/**
 * xprivcmd_user_ops_format() - write declarations back in their language
 * @u: the declarations
 * @buf: output
 * @size: size of @buf
 *
 * Return: the length written, or -ENOSPC.
 */
int xprivcmd_user_ops_format(const struct xprivcmd_user_ops *u, char *buf,
			     unsigned int size)
{
	unsigned int i, j, pos = 0;
	int ret = size ? 0 : -ENOSPC;

	if (!ret)
		buf[0] = '\0';
	for (i = 0; !ret && i < u->count; i++) {
		const struct xprivcmd_user_op *d = &u->ops[i];

		ret = xprivcmd_append(buf, size, &pos, "%s%s=%u", i ? " " : "",
				      d->name, d->nr);
		for (j = 0; !ret && j < d->op.nr_ptrs; j++) {
			const struct xprivcmd_ptr *p = &d->op.ptrs[j];

			ret = xprivcmd_append(buf, size, &pos, "%sarg%u=%s",
					      j ? "," : ":", p->arg,
					      access_names[p->access]);
			if (!ret && p->count_arg == NO_ARG)
				ret = xprivcmd_append(buf, size, &pos, "%u", p->size);
			else if (!ret)
				ret = xprivcmd_append(buf, size, &pos, "*arg%u",
						      p->count_arg);
		}
	}
	return ret ? ret : (int)pos;
}
