// SPDX-License-Identifier: GPL-2.0-only
/*
 * References a hypercall hands Xen outside guest handles: virtual addresses
 * in the caller's page tables, page-table updates and frames, and the calls
 * with which a kernel sets its own vCPU's state.
 */
#include "schema_internal.h"

/*
 * Grant table operations whose array elements carry virtual addresses (not
 * guest handles) that Xen resolves in the caller's page tables: the
 * mapping's address, host_addr, and for unmap_and_replace new_addr.
 */
#define GNTMAP_HOST_MAP		0x2
#define GNTMAP_CONTAINS_PTE	0x10
/* update_va_mapping flags (public/xen.h UVMF_*) */
#define UVMF_FLUSHTYPE_MASK	0x3ULL
#define UVMF_LOCAL		0x0ULL
#define UVMF_ALL		0x4ULL

static const struct {
	u32 cmd;
	u8 elem;	/* bytes per array element */
	u8 nr_vas;	/* addresses per element, at offsets 0 and 8 */
} gnt_vas[] = {
	{ 0, 32, 1 },	/* map_grant_ref: host_addr; flags at 8 */
	{ 1, 24, 1 },	/* unmap_grant_ref: host_addr */
	{ 7, 24, 2 },	/* unmap_and_replace: host_addr, new_addr */
};

int xprivcmd_gnt_va_index(u64 op, u64 cmd)
{
	unsigned int i;

	if (op != OP_GRANT_TABLE_OP)
		return -1;
	for (i = 0; i < ARRAY_SIZE(gnt_vas); i++)
		if (gnt_vas[i].cmd == cmd)
			return i;
	return -1;
}

/* public/xen.h: mmu_update's request type, in the low bits of its ptr. */
#define MMU_MACHPHYS_UPDATE	1
#define MMU_REQ_TYPE_MASK	3ULL
/* mmuext_op commands that touch no page table and no frame: flushes. */
#define MMUEXT_FIRST_FLUSH	6	/* MMUEXT_TLB_FLUSH_LOCAL */
#define MMUEXT_LAST_FLUSH	12	/* MMUEXT_FLUSH_CACHE */
#define MMUEXT_FLUSH_CACHE_GLOBAL 18
#define MMU_DOMID_SELF		0x7ff0

/*
 * Whether a domain id in mmu_update's or mmuext_op's foreigndom names the
 * caller.  Domain 0 counts as the caller as well: it is, in dom0, and a
 * guest has no business with dom0's page tables either.
 */
static bool names_self(u64 domid)
{
	return (u16)domid == MMU_DOMID_SELF || (u16)domid == 0;
}

/*
 * mmu_update and mmuext_op edit the page tables and frames of the domains
 * their last argument, foreigndom, names.  Toolstacks name the guest they
 * build or restore; the caller's own are the tables the kernel runs on.
 * mmu_update: the low 16 bits name the frames' owner, the high 16 bits
 * the page tables' owner plus one (0: the caller).  These calls are issued
 * with a kernel copy of their array when they may touch the caller's own.
 */
bool xprivcmd_may_touch_own_tables(u64 op, const u64 *args)
{
	if (op == OP_MMU_UPDATE)
		return !((args[3] >> 16) & 0xffff) || names_self(args[3]);
	if (op == OP_MMUEXT_OP)
		return names_self(args[3]);
	return false;
}

/*
 * The first request in the copy @buf that would act on the caller's own
 * page tables or frames.  Only M2P updates of another domain's frames and
 * flushes are left to Xen then: building a PV guest needs nothing else.
 */
static bool own_tables_next(u64 op, const u64 *args, const void *buf, u64 len,
			    u64 *pos, struct xprivcmd_va *va)
{
	const u64 size = op == OP_MMU_UPDATE ? SZ_MMU_UPDATE : SZ_MMUEXT_OP;
	u64 word;
	u32 cmd;

	for (; (*pos + 1) * size <= len; (*pos)++) {
		if (op == OP_MMU_UPDATE) {
			word = xprivcmd_get_u64(buf, *pos * size);
			if ((word & MMU_REQ_TYPE_MASK) == MMU_MACHPHYS_UPDATE &&
			    !names_self(args[3]))
				continue;
		} else {
			cmd = xprivcmd_get_u32(buf, *pos * size);
			if ((cmd >= MMUEXT_FIRST_FLUSH && cmd <= MMUEXT_LAST_FLUSH) ||
			    cmd == MMUEXT_FLUSH_CACHE_GLOBAL)
				continue;
			word = cmd;
		}
		va->addr = word;
		va->elem = *pos;
		va->arg = 0;
		va->kind = XPRIVCMD_VA_OWN_TABLES;
		(*pos)++;
		return true;
	}
	return false;
}

/* update_va_mapping(_otherdomain): (va, val, flags[, domid]). */
static bool uvm_next_va(const u64 *args, u64 *pos, struct xprivcmd_va *va)
{
	u64 mask = args[2] & ~UVMF_FLUSHTYPE_MASK;

	va->elem = 0;
	if (*pos == 0) {
		/* The page whose entry Xen rewrites in our page tables. */
		*pos = 1;
		va->addr = args[0];
		va->arg = 0;
		va->kind = XPRIVCMD_VA_MAPPING;
		return true;
	}
	/*
	 * A flush of some vCPUs only: the flags, less the flush type, are
	 * the address of the vCPU bitmap Xen reads.
	 */
	if (*pos == 1 && (args[2] & UVMF_FLUSHTYPE_MASK) &&
	    mask != UVMF_LOCAL && mask != UVMF_ALL) {
		*pos = 2;
		va->addr = mask;
		va->arg = 2;
		va->kind = XPRIVCMD_VA_VCPUMASK;
		return true;
	}
	return false;
}

/* @pos counts (element, address) pairs over the array in @buf. */
static bool gnt_next_va(int g, const void *buf, u64 len, u64 *pos,
			struct xprivcmd_va *va)
{
	const u8 per = gnt_vas[g].nr_vas, size = gnt_vas[g].elem;
	u64 elem, addr;
	u32 flags;

	for (; (*pos / per + 1) * size <= len; (*pos)++) {
		elem = *pos / per;
		addr = xprivcmd_get_u64(buf, elem * size + (*pos % per) * 8);
		va->kind = XPRIVCMD_VA_MAPPING;
		if (gnt_vas[g].cmd == 0) {
			/* Only a host mapping has an address; device maps don't. */
			flags = xprivcmd_get_u32(buf, elem * size + 8);
			if (!(flags & GNTMAP_HOST_MAP))
				continue;
			if (flags & GNTMAP_CONTAINS_PTE)
				va->kind = XPRIVCMD_VA_PTE;
		} else if (!addr) {
			/* An unmap without address leaves the page tables alone. */
			continue;
		}
		va->addr = addr;
		va->elem = elem;
		va->arg = 1;
		(*pos)++;
		return true;
	}
	return false;
}

/**
 * xprivcmd_schema_next_va() - the next virtual address a call hands Xen
 *	outside any guest handle
 * @op: hypercall number
 * @args: its arguments
 * @buf: the kernel copy of its structure, if xprivcmd_schema_copy() asked
 *	for one, else NULL
 * @len: bytes in @buf
 * @pos: iterator, 0 to start
 * @va: filled in with the address and what it stands for
 *
 * update_va_mapping and the grant table's map and unmap operations name
 * pages of the caller's address space by virtual address; Xen edits the
 * page-table entries behind them.  A kernel address there would have Xen
 * remap or unmap the kernel's own memory.
 *
 * Return: true when @va was filled in.
 */
bool xprivcmd_schema_next_va(u64 op, const u64 *args, const void *buf,
			     u64 len, u64 *pos, struct xprivcmd_va *va)
{
	int g;

	if (op == OP_UPDATE_VA_MAPPING || op == OP_UPDATE_VA_MAPPING_OTHERDOMAIN)
		return uvm_next_va(args, pos, va);
	if (xprivcmd_may_touch_own_tables(op, args))
		return buf && own_tables_next(op, args, buf, len, pos, va);
	g = xprivcmd_gnt_va_index(op, args[0] & GNTTABOP_CMD_MASK);
	if (g < 0 || !buf)
		return false;
	return gnt_next_va(g, buf, len, pos, va);
}

/* public/vcpu.h: the vcpu_op sub-commands that only read. */
#define VCPUOP_IS_UP			3
#define VCPUOP_GET_RUNSTATE_INFO	4
#define VCPUOP_GET_PHYSID		12

/**
 * xprivcmd_schema_kernel_state() - does the call set state of the kernel
 *	that issues it?
 * @op: hypercall number
 * @args: its arguments
 *
 * A PV kernel hands Xen its trap table, callbacks, kernel stack, descriptor
 * tables, timer and per-vCPU areas with these hypercalls.  Issued through
 * the device they act on the same vCPU, as if the kernel had issued them:
 * a trap table or callback pointing anywhere, a runstate area Xen keeps
 * writing to after the process is gone.  No privcmd client issues them.
 *
 * Return: true for such a call.
 */
bool xprivcmd_schema_kernel_state(u64 op, const u64 *args)
{
	u32 cmd;

	switch (op) {
	case 0:		/* set_trap_table */
	case 2:		/* set_gdt */
	case 3:		/* stack_switch */
	case 4:		/* set_callbacks */
	case 5:		/* fpu_taskswitch */
	case 8:		/* set_debugreg */
	case 10:	/* update_descriptor */
	case 15:	/* set_timer_op */
	case 21:	/* vm_assist */
	case 23:	/* iret */
	case 25:	/* set_segment_base */
	case 28:	/* nmi_op */
	case 30:	/* callback_op */
		return true;
	case 24:	/* vcpu_op: (cmd, vcpu, arg) on our own domain's vCPUs */
		cmd = (u32)args[0];
		return cmd != VCPUOP_IS_UP && cmd != VCPUOP_GET_RUNSTATE_INFO &&
		       cmd != VCPUOP_GET_PHYSID;
	default:
		return false;
	}
}