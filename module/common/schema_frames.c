// SPDX-License-Identifier: GPL-2.0-only
/*
 * References a hypercall hands Xen outside guest handles: frames, page
 * tables and the domains that own them, decided element by element on the
 * kernel copy of the call's array or structure.
 *
 * The rule: nothing may map, write, re-type or give away a frame of the
 * calling domain, or edit its page tables (both are the kernel's), except
 * the user buffers the call's own guest handles name.  Xen resolves
 * DOMID_SELF and the caller's numeric id alike (xprivcmd_caller_is()).
 */
#include "schema_internal.h"
#include "reasons.h"
#include "verdicts.h"
#include "xen_guest.h"

/* Sizes of the array elements decided here (64-bit ABI). */
#define SZ_GNTTAB_COPY		40	/* struct gnttab_copy */
/* public/xen.h: the low bits of an mmu_update request's ptr. */
#define MMU_REQ_TYPE_MASK	3ULL

/* A domain a call names: a real one that is not the caller. */
static bool other_domain(const struct xprivcmd_caller *caller, u32 dom)
{
	return dom < XPRIVCMD_DOMID_FIRST_RESERVED &&
	       !xprivcmd_caller_is(caller, dom);
}

/**
 * xprivcmd_schema_frames_copy() - does deciding @op/@cmd need a kernel copy
 *	of the array or structure it points to?
 * @op: hypercall number (the op an alias stands for)
 * @cmd: its sub-command
 *
 * Return: true for the calls xprivcmd_schema_next_va() reads.
 */
bool xprivcmd_schema_frames_copy(u64 op, u64 cmd)
{
	switch (op) {
	case __HYPERVISOR_mmu_update:
	case __HYPERVISOR_mmuext_op:
		return true;
	case __HYPERVISOR_grant_table_op:
		return cmd == GNTTABOP_copy;
	case __HYPERVISOR_memory_op:
		return cmd == XENMEM_add_to_physmap_batch ||
		       cmd == XENMEM_acquire_resource;
	default:
		return false;
	}
}

static void refuse(struct xprivcmd_va *va, unsigned int reason, u64 addr,
		   u64 elem)
{
	va->kind = XPRIVCMD_VA_REFUSE;
	va->reason = reason;
	va->addr = addr;
	va->elem = elem;
}

/*
 * mmu_update (mm.c do_mmu_update): foreigndom's low 16 bits name the
 * frames' owner (pg_owner), its high 16 bits the page tables' owner plus
 * one (pt_owner; 0: the caller).  A page-table update writes pt_owner's
 * tables to map pg_owner's frames; an M2P update names a frame of
 * pg_owner.  Both owners must be real domains other than the caller: the
 * caller's tables are the kernel's, and the caller's frames mapped into
 * another domain's tables would be the kernel's memory handed out.
 */
static bool mmu_update_next(const struct xprivcmd_caller *caller,
			    const u64 *args, const void *buf, u64 len, u64 *pos,
			    struct xprivcmd_va *va)
{
	u32 pg = args[3] & 0xffff, pt = (args[3] >> 16) & 0xffff;
	u64 req;

	for (; (*pos + 1) * SZ_MMU_UPDATE <= len; (*pos)++) {
		req = xprivcmd_get_u64(buf, *pos * SZ_MMU_UPDATE);
		if (other_domain(caller, pg) &&
		    ((req & MMU_REQ_TYPE_MASK) == MMU_MACHPHYS_UPDATE ||
		     (pt && other_domain(caller, pt - 1))))
			continue;
		refuse(va, XPRIVCMD_REASON_OWN_TABLES, req, *pos);
		(*pos)++;
		return true;
	}
	return false;
}

/*
 * mmuext_op (mm.c do_mmuext_op): pins, unpins, clears and copies act on
 * frames of the domain foreigndom names, which must be another; the
 * flushes touch no frame, and the multi-vCPU ones read a vCPU bitmap
 * through a guest handle (checked as a buffer); new_baseptr, set_ldt and
 * new_user_baseptr change the calling vCPU whatever foreigndom says.
 */
static bool mmuext_op_next(const struct xprivcmd_caller *caller,
			   const u64 *args, const void *buf, u64 len, u64 *pos,
			   struct xprivcmd_va *va)
{
	u64 off;
	u32 cmd;

	for (; (*pos + 1) * SZ_MMUEXT_OP <= len; (*pos)++) {
		off = *pos * SZ_MMUEXT_OP;
		cmd = xprivcmd_get_u32(buf, off);
		switch (cmd) {
		case MMUEXT_PIN_L1_TABLE:
		case MMUEXT_PIN_L2_TABLE:
		case MMUEXT_PIN_L3_TABLE:
		case MMUEXT_PIN_L4_TABLE:
		case MMUEXT_UNPIN_TABLE:
		case MMUEXT_CLEAR_PAGE:
		case MMUEXT_COPY_PAGE:
			if (other_domain(caller, args[3] & 0xffff))
				continue;
			refuse(va, XPRIVCMD_REASON_OWN_TABLES, cmd, *pos);
			break;
		case MMUEXT_TLB_FLUSH_LOCAL:
		case MMUEXT_INVLPG_LOCAL:
		case MMUEXT_TLB_FLUSH_ALL:
		case MMUEXT_INVLPG_ALL:
		case MMUEXT_FLUSH_CACHE:
		case MMUEXT_FLUSH_CACHE_GLOBAL:
			continue;
		case MMUEXT_TLB_FLUSH_MULTI:
		case MMUEXT_INVLPG_MULTI:
			va->kind = XPRIVCMD_VA_VCPUMASK;
			va->addr = xprivcmd_get_u64(buf, off + 16);
			va->elem = *pos;
			break;
		case MMUEXT_NEW_BASEPTR:
		case MMUEXT_SET_LDT:
		case MMUEXT_NEW_USER_BASEPTR:
			refuse(va, XPRIVCMD_REASON_KERNEL_STATE, cmd, *pos);
			break;
		default:
			refuse(va, XPRIVCMD_REASON_UNMODELLED, cmd, *pos);
		}
		(*pos)++;
		return true;
	}
	return false;
}

/*
 * GNTTABOP_copy (grant_table.c gnttab_copy): each side of a segment is a
 * grant of the domain it names or, for the caller, a frame of its own;
 * neither may be the caller's.
 */
static bool gnttab_copy_next(const struct xprivcmd_caller *caller,
			     const void *buf, u64 len, u64 *pos,
			     struct xprivcmd_va *va)
{
	u64 off;
	u16 src, dst;

	for (; (*pos + 1) * SZ_GNTTAB_COPY <= len; (*pos)++) {
		off = *pos * SZ_GNTTAB_COPY;
		memcpy(&src, (const char *)buf + off + 8, sizeof(src));
		memcpy(&dst, (const char *)buf + off + 24, sizeof(dst));
		if (!xprivcmd_caller_is(caller, src) &&
		    !xprivcmd_caller_is(caller, dst))
			continue;
		refuse(va, XPRIVCMD_REASON_OWN_TABLES,
		       xprivcmd_caller_is(caller, src) ? src : dst, *pos);
		(*pos)++;
		return true;
	}
	return false;
}

/*
 * memory_op: add_to_physmap_batch from XENMAPSPACE_gmfn_foreign maps
 * frames of u.foreign_domid into the target's physmap (the caller's frames
 * would be handed to the target); acquire_resource on an auto-translated
 * caller maps the resource at gfns of the caller's own (its frame_list).
 */
static bool memory_op_next(const struct xprivcmd_caller *caller, u64 cmd,
			   const void *buf, u64 len, u64 *pos,
			   struct xprivcmd_va *va)
{
	u16 space, foreign;

	if (*pos)
		return false;
	*pos = 1;
	if (cmd == XENMEM_add_to_physmap_batch && len >= 8) {
		memcpy(&space, (const char *)buf + 2, sizeof(space));
		memcpy(&foreign, (const char *)buf + 6, sizeof(foreign));
		if (space == XENMAPSPACE_gmfn_foreign &&
		    xprivcmd_caller_is(caller, foreign)) {
			refuse(va, XPRIVCMD_REASON_OWN_TABLES, foreign, 0);
			return true;
		}
	}
	if (cmd == XENMEM_acquire_resource && len >= 12 && caller->translated &&
	    xprivcmd_get_u32(buf, 8)) {
		refuse(va, XPRIVCMD_REASON_OWN_TABLES, xprivcmd_get_u32(buf, 8), 0);
		return true;
	}
	return false;
}

/**
 * xprivcmd_schema_next_va() - the next reference to frames or page tables
 *	in a call's kernel copy that must be refused or checked
 * @caller: the calling domain
 * @op: hypercall number (the op an alias stands for)
 * @cmd: its sub-command
 * @args: its arguments
 * @buf: the kernel copy xprivcmd_schema_frames_copy() asked for
 * @len: bytes in @buf
 * @pos: iterator, 0 to start
 * @va: filled in: a refusal (its reason, the offending value and element)
 *	or a vCPU bitmap to check as a user buffer
 *
 * Return: true when @va was filled in.
 */
bool xprivcmd_schema_next_va(const struct xprivcmd_caller *caller, u64 op,
			     u64 cmd, const u64 *args, const void *buf, u64 len,
			     u64 *pos, struct xprivcmd_va *va)
{
	if (!buf)
		return false;
	switch (op) {
	case __HYPERVISOR_mmu_update:
		return mmu_update_next(caller, args, buf, len, pos, va);
	case __HYPERVISOR_mmuext_op:
		return mmuext_op_next(caller, args, buf, len, pos, va);
	case __HYPERVISOR_grant_table_op:
		return cmd == GNTTABOP_copy &&
		       gnttab_copy_next(caller, buf, len, pos, va);
	case __HYPERVISOR_memory_op:
		return memory_op_next(caller, cmd, buf, len, pos, va);
	default:
		return false;
	}
}
