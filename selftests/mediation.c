// SPDX-License-Identifier: GPL-2.0-only
/*
 * Complete mediation (issue 12), against a real hypervisor: each class of
 * attack that once reached Xen through the device is performed, and the
 * test asserts that xprivcmd refused it itself (the errno and the reason
 * in the fd's last error, whose count grew by one: Xen's own failures are
 * not recorded) and that nothing changed (the kernel's utsname, our own
 * pages, Xen's count of our pages, a nobody process's port I/O).
 *
 *  attack.*: classes 1-3, handles the module does not model, the caller's
 *            own domain, frames and page tables, and its vCPU state
 *  policy.*: class 4, the policy on every alias and the "unmodelled" word
 *  answers.*: class 6, answers equal to Xen's
 *
 * The x86 PV attacks are built on x86_64 only.  In an auto-translated
 * (PVH) dom0 they run all the same, with guest frames for machine ones: Xen
 * would answer ENOSYS there, but the module refuses them first, with the
 * same reason, as it refuses anything it would not let a PV dom0 do.
 */
#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/utsname.h>

#include "xprivcmd_map_utils.h"

#include <xen/domctl.h>
#include <xen/sysctl.h>
#include <xen/memory.h>
#include <xen/grant_table.h>
#include <xen/event_channel.h>
#include <xen/physdev.h>
#include <xen/sched.h>
#include <xen/hvm/dm_op.h>
#include <xen/xsm/flask_op.h>
#ifdef __x86_64__
#include <xen/platform.h>
#endif

#include "kselftest_harness.h"

/* x86's arch_1: a domctl (shadow_op) continued by the toolstack. */
#define OP_PAGING_DOMCTL_CONT	49
/* A domctl interface version before Xen 4.17's (0x15). */
#define OLD_DOMCTL_INTERFACE	0x14
/* No Xen has a domctl of this number. */
#define UNKNOWN_DOMCTL		0x7ff0
/* A frame number no machine has: Xen fails to map it. */
#define BAD_FRAME		0xffffffffffULL
/* 512GB-aligned: no page table covers it until we touch it (we do not). */
#define EMPTY_VA		0x6f0000000000ULL
#define NOBODY			65534

/* Xen's mmu_update request: a machine address with its type, a value. */
struct mmu_req {
	__u64 ptr;
	__u64 val;
};

/* What a variant of the attack fixture uses to build its call. */
struct attack_ctx {
	int fd;
	__u64 kaddr;		/* init_uts_ns: kernel memory, the canary */
	unsigned char *page[2];	/* our own pages, of distinctive bytes */
	unsigned char copy[2][XPC_PAGE];
	void *empty;		/* EMPTY_VA, reserved and never touched */
	bool pv;		/* frames are machine frames, not translated */
	bool frame_unknown;	/* frame_of() did not find one: BAD_FRAME */
	__u64 args[5];
	/* The structures the call points at. */
	union {
		struct xen_sysctl sysctl;
		struct xen_domctl domctl;
		xen_dm_op_buf_t dm_bufs[2];
		struct xen_flask_op flask;
		struct mmu_req mmu[1];
		struct gnttab_map_grant_ref map;
		struct gnttab_unmap_and_replace unmap;
		struct gnttab_copy copy;
		struct evtchn_init_control init_control;
		struct evtchn_expand_array expand_array;
		struct xen_memory_reservation resv;
		struct xen_memory_exchange exchange;
		struct xen_add_to_physmap atp;
		struct xen_remove_from_physmap rfp;
		struct physdev_set_iopl iopl;
		struct physdev_set_iobitmap iobitmap;
		struct physdev_op physdev;
#ifdef __x86_64__
		struct xen_platform_op platform;
#endif
		unsigned char raw[512];
	} u;
	xen_pfn_t extents[2];
	xen_pfn_t out_extents[2];
	__u64 done;		/* mmu_update's success count */
	unsigned char bitmap[8192];
};

typedef void (*attack_build_t)(struct attack_ctx *c, __u64 arg);

/* What else to check after the refusal, besides the kernel's utsname. */
enum attack_check {
	CHECK_PAGES = 1,	/* our pages hold their bytes */
	CHECK_RESV = 2,		/* Xen's count of our pages is unchanged */
	CHECK_PORTS = 4,	/* a nobody process cannot read a port */
};

/* A refusal: the errno and the reason the fd's last error gives. */
/*
 * The machine frame behind our page @p (PV), from Xen's machine-to-physical
 * table, mapped read-only from DOMID_XEN: the only frame whose entry is our
 * frame number.  0 if it is not found or not unique.  Unlike xpc_mfn_of(),
 * this does not map the candidate from DOMID_SELF: that is an attack too.
 */
static unsigned long mfn_from_m2p(int fd, const void *p)
{
	struct xpc_machphys_mfn_list l = { .max_extents = 64 };
	const unsigned long per_page = XPC_PAGE / sizeof(__u64);
	unsigned long *arr = NULL, found = 0, hits = 0, n = 0, i, j;
	__u64 extents[64], pfn = xpc_pfn_of(p);
	const __u64 *m2p = MAP_FAILED;
	int *err = NULL;

	if (!pfn)
		return 0;
	l.extent_start = xpc_ptr(extents);
	if (xpc_hypercall(fd, __HYPERVISOR_memory_op,
			  XPC_XENMEM_machphys_mfn_list, xpc_ptr(&l), 0, 0, 0) ||
	    !l.nr_extents)
		return 0;
	n = l.nr_extents * 512UL;
	arr = calloc(n, sizeof(*arr));
	err = calloc(n, sizeof(*err));
	m2p = xpc_map(fd, n, PROT_READ);
	if (!arr || !err || m2p == MAP_FAILED)
		goto out;
	for (i = 0; i < n; i++)
		arr[i] = extents[i / 512] ? extents[i / 512] + i % 512 : 0;
	if (xpc_batch_v2(fd, XPC_DOMID_XEN, (void *)m2p, arr, err, n) < 0)
		goto out;
	for (i = 0; i < n; i++) {
		if (err[i])
			continue;
		for (j = 0; j < per_page; j++)
			if (m2p[i * per_page + j] == pfn) {
				found = i * per_page + j;
				hits++;
			}
	}
out:
	if (m2p != MAP_FAILED)
		munmap((void *)m2p, n * XPC_PAGE);
	free(arr);
	free(err);
	return hits == 1 ? found : 0;
}

/*
 * The frame number Xen would take for our page @p: the machine frame in a
 * PV guest (BAD_FRAME if it cannot be found: the call is refused all the
 * same), the guest frame in a translated one.
 */
static __u64 frame_of(struct attack_ctx *c, const void *p)
{
	unsigned long mfn;

	if (!c->pv)
		return xpc_pfn_of(p);
	mfn = mfn_from_m2p(c->fd, p);
	if (!mfn)
		c->frame_unknown = true;
	return mfn ? mfn : BAD_FRAME;
}

/* Xen's count of our pages; -1 if it cannot be read. */
static long own_reservation(int fd)
{
	domid_t dom = XPC_DOMID_SELF;

	return xpc_hypercall(fd, __HYPERVISOR_memory_op,
			     XENMEM_current_reservation, xpc_ptr(&dom), 0, 0, 0);
}

#ifdef __x86_64__
/* In a child: as nobody, read port 0x80; a #GP kills it with SIGSEGV. */
static void read_port(void *unused)
{
	unsigned char v;

	if (setgid(NOBODY) || setuid(NOBODY))
		_exit(2);
	asm volatile("inb %w1, %0" : "=a" (v) : "Nd" ((__u16)0x80));
	(void)v;
	_exit(0);
}
#endif

/* Class 1: guest handles in structures the module does not model. */

#ifdef __x86_64__
/* Xen writes a symbol's name where symdata.name points: "uname -s". */
static void build_get_symbol(struct attack_ctx *c, __u64 unused)
{
	struct xen_platform_op *op = &c->u.platform;

	op->cmd = XENPF_get_symbol;
	op->interface_version = XENPF_INTERFACE_VERSION;
	op->u.symdata.namelen = 6;
	op->u.symdata.symnum = 0;
	set_xen_guest_handle(op->u.symdata.name, (char *)(uintptr_t)c->kaddr);
	c->args[0] = xpc_ptr(op);
}

/*
 * Xen 4.17's get_pxstat copies state_count squared entries to trans_pt and
 * state_count to pt, whatever "total" says: total = 0 hides nothing.
 * @arg: 0 puts trans_pt in the kernel, 1 puts pt there.
 */
static void build_get_pxstat(struct attack_ctx *c, __u64 arg)
{
	struct xen_sysctl *sc = &c->u.sysctl;
	void *user = c->bitmap;

	xpc_init_sysctl(sc, XEN_SYSCTL_get_pmstat);
	sc->u.get_pmstat.type = PMSTAT_get_pxstat;
	sc->u.get_pmstat.cpuid = 0;
	sc->u.get_pmstat.u.getpx.total = 0;
	set_xen_guest_handle(sc->u.get_pmstat.u.getpx.trans_pt,
			     arg ? user : (void *)(uintptr_t)c->kaddr);
	set_xen_guest_handle(sc->u.get_pmstat.u.getpx.pt,
			     arg ? (void *)(uintptr_t)c->kaddr :
				   (void *)c->page[1]);
	c->args[0] = xpc_ptr(sc);
}
#endif /* __x86_64__ */

/*
 * A raw dm_op hypercall (not IOCTL_PRIVCMD_DM_OP): the buffer array holds
 * guest handles of its own.  @arg: the index of the kernel buffer.
 */
static void build_raw_dm_op(struct attack_ctx *c, __u64 arg)
{
	xen_dm_op_buf_t *b = c->u.dm_bufs;

	memset(c->page[1], 0, 64);
	set_xen_guest_handle(b[0].h, arg ? (void *)c->page[1] :
				     (void *)(uintptr_t)c->kaddr);
	b[0].size = 64;
	set_xen_guest_handle(b[1].h, arg ? (void *)(uintptr_t)c->kaddr :
				     (void *)c->page[1]);
	b[1].size = 64;
	c->args[0] = XPC_DOMID_NONE;
	c->args[1] = 2;
	c->args[2] = xpc_ptr(b);
}

/* FLASK writes the context string of a SID to the buffer. */
static void build_xsm_sid_to_context(struct attack_ctx *c, __u64 unused)
{
	struct xen_flask_op *op = &c->u.flask;

	op->cmd = FLASK_SID_TO_CONTEXT;
	op->interface_version = XEN_FLASK_INTERFACE_VERSION;
	op->u.sid_context.sid = 2;
	op->u.sid_context.size = 16;
	set_xen_guest_handle(op->u.sid_context.context,
			     (char *)(uintptr_t)c->kaddr);
	c->args[0] = xpc_ptr(op);
}

/* @arg: the interface version; getdomaininfo on ourselves. */
static void build_domctl_interface(struct attack_ctx *c, __u64 arg)
{
	xpc_init_domctl(&c->u.domctl, XEN_DOMCTL_getdomaininfo, 0);
	c->u.domctl.interface_version = arg;
	c->args[0] = xpc_ptr(&c->u.domctl);
}

/* @arg: a domctl command number the module does not know. */
static void build_domctl_cmd(struct attack_ctx *c, __u64 arg)
{
	xpc_init_domctl(&c->u.domctl, arg, 0);
	memset(&c->u.domctl.u, 0xff, sizeof(c->u.domctl.u));
	c->args[0] = xpc_ptr(&c->u.domctl);
}

/* Class 2: the caller's own domain, frames and page tables. */

#ifdef __x86_64__
/*
 * A normal page-table update whose target is our own first page: Xen
 * writes @val there when the page-table owner is ourselves, whether the
 * lower half of foreigndom (@arg) says DOMID_IO or the upper half names
 * domain 0 + 1.
 */
static void build_mmu_update(struct attack_ctx *c, __u64 arg)
{
	c->u.mmu[0].ptr = (frame_of(c, c->page[0]) << 12) | 8 |
			  MMU_NORMAL_PT_UPDATE;
	c->u.mmu[0].val = 0x4141414141414141ULL;
	c->args[0] = xpc_ptr(c->u.mmu);
	c->args[1] = 1;
	c->args[2] = xpc_ptr(&c->done);
	c->args[3] = arg;
}

/* @arg: the PTE value, 0 or one mapping our second page writable. */
static void build_update_va_mapping(struct attack_ctx *c, __u64 arg)
{
	c->args[0] = xpc_ptr(c->empty);
	c->args[1] = arg ? (frame_of(c, c->page[1]) << 12) | 0x67 : 0;
	c->args[2] = UVMF_NONE;
}

/* @arg: the frame owner's domain id. */
static void build_update_va_mapping_other(struct attack_ctx *c, __u64 arg)
{
	c->args[0] = xpc_ptr(c->empty);
	c->args[1] = 0;
	c->args[2] = UVMF_NONE;
	c->args[3] = arg;
}
#endif /* __x86_64__ */

/* A grant mapped at a user address: an edit of our page tables. */
static void build_grant_map_host(struct attack_ctx *c, __u64 unused)
{
	c->u.map.host_addr = xpc_ptr(c->empty);
	c->u.map.flags = GNTMAP_host_map;
	c->u.map.ref = 8;
	c->u.map.dom = XPC_DOMID_NONE;
	c->args[0] = GNTTABOP_map_grant_ref;
	c->args[1] = xpc_ptr(&c->u.map);
	c->args[2] = 1;
}

static void build_unmap_and_replace(struct attack_ctx *c, __u64 unused)
{
	c->u.unmap.host_addr = xpc_ptr(c->empty);
	c->u.unmap.new_addr = 0;
	c->u.unmap.handle = 0;
	c->args[0] = GNTTABOP_unmap_and_replace;
	c->args[1] = xpc_ptr(&c->u.unmap);
	c->args[2] = 1;
}

/* GNTTABOP_copy variants: which side names our own frame, and how. */
#define COPY_SELF_TO_SELF	0
#define COPY_SELF_TO_OTHER	1
#define COPY_OTHER_TO_SELF	2
#define COPY_DOM0_TO_SELF	3

static void build_grant_copy(struct attack_ctx *c, __u64 arg)
{
	struct gnttab_copy *g = &c->u.copy;
	__u64 src = frame_of(c, c->page[1]), dst = frame_of(c, c->page[0]);

	g->source.u.gmfn = src;
	g->source.domid = arg == COPY_DOM0_TO_SELF ? 0 : XPC_DOMID_SELF;
	g->dest.u.gmfn = dst;
	g->dest.domid = XPC_DOMID_SELF;
	if (arg == COPY_SELF_TO_OTHER) {
		g->dest.u.ref = 8;
		g->dest.domid = XPC_DOMID_NONE;
		g->flags = GNTCOPY_dest_gref;
	} else if (arg == COPY_OTHER_TO_SELF) {
		g->source.u.ref = 8;
		g->source.domid = XPC_DOMID_NONE;
		g->flags = GNTCOPY_source_gref;
	}
	g->len = 64;
	c->args[0] = GNTTABOP_copy;
	c->args[1] = xpc_ptr(g);
	c->args[2] = 1;
}

static void build_init_control(struct attack_ctx *c, __u64 unused)
{
	c->u.init_control.control_gfn = BAD_FRAME;
	c->u.init_control.offset = 0;
	c->u.init_control.vcpu = 0;
	c->args[0] = EVTCHNOP_init_control;
	c->args[1] = xpc_ptr(&c->u.init_control);
}

static void build_expand_array(struct attack_ctx *c, __u64 unused)
{
	c->u.expand_array.array_gfn = BAD_FRAME;
	c->args[0] = EVTCHNOP_expand_array;
	c->args[1] = xpc_ptr(&c->u.expand_array);
}

/*
 * @arg: (memory_op command << 16) | domain id.  One extent of order 0:
 * Xen would give us a page, or take back the (bad) frame named.
 */
static void build_reservation(struct attack_ctx *c, __u64 arg)
{
	struct xen_memory_reservation *r = &c->u.resv;
	unsigned int cmd = arg >> 16;

	c->extents[0] = BAD_FRAME;
	set_xen_guest_handle(r->extent_start, c->extents);
	r->nr_extents = 1;
	r->extent_order = 0;
	r->domid = arg & 0xffff;
	if (cmd == XENMEM_exchange) {
		struct xen_memory_exchange *x = &c->u.exchange;

		/* "in" is the reservation above: same layout, first. */
		c->out_extents[0] = BAD_FRAME;
		x->out = x->in;
		set_xen_guest_handle(x->out.extent_start, c->out_extents);
		x->nr_exchanged = 0;
	}
	c->args[0] = cmd;
	c->args[1] = xpc_ptr(r);
}

static void build_add_to_physmap(struct attack_ctx *c, __u64 arg)
{
	c->u.atp.domid = arg;
	c->u.atp.space = XENMAPSPACE_gmfn;
	c->u.atp.idx = xpc_pfn_of(c->page[0]);
	c->u.atp.gpfn = xpc_pfn_of(c->page[1]);
	c->args[0] = XENMEM_add_to_physmap;
	c->args[1] = xpc_ptr(&c->u.atp);
}

static void build_remove_from_physmap(struct attack_ctx *c, __u64 arg)
{
	c->u.rfp.domid = arg;
	c->u.rfp.gpfn = xpc_pfn_of(c->page[0]);
	c->args[0] = XENMEM_remove_from_physmap;
	c->args[1] = xpc_ptr(&c->u.rfp);
}

/* Class 3: the caller's vCPU state. */

#ifdef __x86_64__
/*
 * @arg: PORTS_COMPAT for physdev_op_compat, whose structure carries the
 * command; PORTS_UNDO for the call that undoes it (iopl 0, no bitmap),
 * should Xen have taken the attack.
 */
#define PORTS_COMPAT	1
#define PORTS_UNDO	2

static void build_set_iopl(struct attack_ctx *c, __u64 arg)
{
	__u32 iopl = arg & PORTS_UNDO ? 0 : 3;

	if (arg & PORTS_COMPAT) {
		c->u.physdev.cmd = PHYSDEVOP_set_iopl;
		c->u.physdev.u.set_iopl.iopl = iopl;
		c->args[0] = xpc_ptr(&c->u.physdev);
		return;
	}
	c->u.iopl.iopl = iopl;
	c->args[0] = PHYSDEVOP_set_iopl;
	c->args[1] = xpc_ptr(&c->u.iopl);
}

/* A bitmap of zeroes: every port allowed. */
static void build_set_iobitmap(struct attack_ctx *c, __u64 arg)
{
	struct physdev_set_iobitmap *b = arg & PORTS_COMPAT ?
		&c->u.physdev.u.set_iobitmap : &c->u.iobitmap;

	memset(c->bitmap, 0, sizeof(c->bitmap));
	set_xen_guest_handle(b->bitmap, c->bitmap);
	b->nr_ports = arg & PORTS_UNDO ? 0 : 65536;
	if (arg & PORTS_COMPAT) {
		c->u.physdev.cmd = PHYSDEVOP_set_iobitmap;
		c->args[0] = xpc_ptr(&c->u.physdev);
		return;
	}
	c->args[0] = PHYSDEVOP_set_iobitmap;
	c->args[1] = xpc_ptr(b);
}

#endif /* __x86_64__ */

FIXTURE(attack) {
	struct attack_ctx c;
	struct utsname uts;
	long resv;
};

FIXTURE_VARIANT(attack) {
	__u64 op;
	attack_build_t build;
	__u64 arg;
	/* The refusal's reason; a second one (want[1] != 0) is as good. */
	__u32 want[2];
	unsigned int check;
};

/* Class 1: a kernel pointer is refused, or the sub-command as unmodelled. */
#define KERNEL_REF	{ XPRIVCMD_REASON_KERNEL_PTR, XPRIVCMD_REASON_UNMODELLED }

#ifdef __x86_64__
FIXTURE_VARIANT_ADD(attack, platform_get_symbol_name_in_kernel) {
	__HYPERVISOR_platform_op, build_get_symbol, 0, KERNEL_REF,
};

FIXTURE_VARIANT_ADD(attack, sysctl_get_pxstat_total0_trans_pt_in_kernel) {
	__HYPERVISOR_sysctl, build_get_pxstat, 0, KERNEL_REF,
};

FIXTURE_VARIANT_ADD(attack, sysctl_get_pxstat_total0_pt_in_kernel) {
	__HYPERVISOR_sysctl, build_get_pxstat, 1, KERNEL_REF,
};
#endif

FIXTURE_VARIANT_ADD(attack, raw_dm_op_buffer0_in_kernel) {
	__HYPERVISOR_dm_op, build_raw_dm_op, 0, KERNEL_REF,
};

FIXTURE_VARIANT_ADD(attack, raw_dm_op_buffer1_in_kernel) {
	__HYPERVISOR_dm_op, build_raw_dm_op, 1, KERNEL_REF,
};

FIXTURE_VARIANT_ADD(attack, xsm_op_sid_to_context_in_kernel) {
	__HYPERVISOR_xsm_op, build_xsm_sid_to_context, 0, KERNEL_REF,
};

FIXTURE_VARIANT_ADD(attack, domctl_unknown_interface_version) {
	__HYPERVISOR_domctl, build_domctl_interface, OLD_DOMCTL_INTERFACE,
	{ XPRIVCMD_REASON_INTERFACE },
};

FIXTURE_VARIANT_ADD(attack, domctl_unknown_cmd) {
	__HYPERVISOR_domctl, build_domctl_cmd, UNKNOWN_DOMCTL,
	{ XPRIVCMD_REASON_UNMODELLED },
};

/* Class 2. */
#define OWN_TABLES	{ XPRIVCMD_REASON_OWN_TABLES }
#define OWN_FRAMES	{ XPRIVCMD_REASON_OWN_TABLES, XPRIVCMD_REASON_OWN_DOMAIN }
#define OWN_DOMAIN	{ XPRIVCMD_REASON_OWN_DOMAIN }
#define KERNEL_STATE	{ XPRIVCMD_REASON_KERNEL_STATE }
#define MEM(cmd, dom)	(((__u64)(cmd) << 16) | (dom))

/*
 * Two rows: a memory_op that @build makes with @arg naming the caller's
 * domain, as DOMID_SELF and by its own id (0, dom0's).
 */
#define OWN_DOMAIN_ROWS(name, build, arg)					\
	FIXTURE_VARIANT_ADD(attack, name##_domid_self) {			\
		__HYPERVISOR_memory_op, build, (arg) | DOMID_SELF, OWN_DOMAIN,	\
		.check = CHECK_RESV,						\
	};									\
	FIXTURE_VARIANT_ADD(attack, name##_own_domid) {				\
		__HYPERVISOR_memory_op, build, (arg) | 0, OWN_DOMAIN,		\
		.check = CHECK_RESV,						\
	}

#ifdef __x86_64__
FIXTURE_VARIANT_ADD(attack, mmu_update_pt_owner_self_via_domid_io) {
	__HYPERVISOR_mmu_update, build_mmu_update, (1 << 16) | DOMID_IO,
	OWN_TABLES, .check = CHECK_PAGES,
};

FIXTURE_VARIANT_ADD(attack, mmu_update_domid_self) {
	__HYPERVISOR_mmu_update, build_mmu_update, DOMID_SELF,
	OWN_TABLES, .check = CHECK_PAGES,
};

FIXTURE_VARIANT_ADD(attack, mmu_update_own_domid) {
	__HYPERVISOR_mmu_update, build_mmu_update, 0,
	OWN_TABLES, .check = CHECK_PAGES,
};

FIXTURE_VARIANT_ADD(attack, update_va_mapping_user_va_pte_0) {
	__HYPERVISOR_update_va_mapping, build_update_va_mapping, 0,
	OWN_TABLES, .check = CHECK_PAGES,
};

FIXTURE_VARIANT_ADD(attack, update_va_mapping_user_va_own_frame_rw) {
	__HYPERVISOR_update_va_mapping, build_update_va_mapping, 1,
	OWN_TABLES, .check = CHECK_PAGES,
};

FIXTURE_VARIANT_ADD(attack, update_va_mapping_otherdomain_other) {
	__HYPERVISOR_update_va_mapping_otherdomain,
	build_update_va_mapping_other, XPC_DOMID_NONE,
	OWN_TABLES,
};

FIXTURE_VARIANT_ADD(attack, update_va_mapping_otherdomain_self) {
	__HYPERVISOR_update_va_mapping_otherdomain,
	build_update_va_mapping_other, DOMID_SELF,
	OWN_TABLES,
};
#endif /* __x86_64__ */

FIXTURE_VARIANT_ADD(attack, grant_map_host_map_user_va) {
	__HYPERVISOR_grant_table_op, build_grant_map_host, 0, OWN_TABLES,
};

FIXTURE_VARIANT_ADD(attack, grant_unmap_and_replace_user_va) {
	__HYPERVISOR_grant_table_op, build_unmap_and_replace, 0, OWN_TABLES,
};

FIXTURE_VARIANT_ADD(attack, grant_copy_self_frame_to_self_frame) {
	__HYPERVISOR_grant_table_op, build_grant_copy, COPY_SELF_TO_SELF,
	OWN_FRAMES, .check = CHECK_PAGES,
};

FIXTURE_VARIANT_ADD(attack, grant_copy_self_frame_to_other_gref) {
	__HYPERVISOR_grant_table_op, build_grant_copy, COPY_SELF_TO_OTHER,
	OWN_FRAMES,
};

FIXTURE_VARIANT_ADD(attack, grant_copy_other_gref_to_self_frame) {
	__HYPERVISOR_grant_table_op, build_grant_copy, COPY_OTHER_TO_SELF,
	OWN_FRAMES, .check = CHECK_PAGES,
};

FIXTURE_VARIANT_ADD(attack, grant_copy_dom0_frame_to_self_frame) {
	__HYPERVISOR_grant_table_op, build_grant_copy, COPY_DOM0_TO_SELF,
	OWN_FRAMES, .check = CHECK_PAGES,
};

FIXTURE_VARIANT_ADD(attack, evtchn_init_control) {
	__HYPERVISOR_event_channel_op, build_init_control, 0, KERNEL_STATE,
};

FIXTURE_VARIANT_ADD(attack, evtchn_expand_array) {
	__HYPERVISOR_event_channel_op, build_expand_array, 0, KERNEL_STATE,
};

OWN_DOMAIN_ROWS(increase_reservation, build_reservation, MEM(XENMEM_increase_reservation, 0));
OWN_DOMAIN_ROWS(decrease_reservation, build_reservation, MEM(XENMEM_decrease_reservation, 0));
OWN_DOMAIN_ROWS(populate_physmap, build_reservation, MEM(XENMEM_populate_physmap, 0));
OWN_DOMAIN_ROWS(exchange, build_reservation, MEM(XENMEM_exchange, 0));
OWN_DOMAIN_ROWS(add_to_physmap, build_add_to_physmap, 0);
OWN_DOMAIN_ROWS(remove_from_physmap, build_remove_from_physmap, 0);

/* Class 3. */
#ifdef __x86_64__
FIXTURE_VARIANT_ADD(attack, physdev_set_iopl_3) {
	__HYPERVISOR_physdev_op, build_set_iopl, 0, KERNEL_STATE,
	.check = CHECK_PORTS,
};

FIXTURE_VARIANT_ADD(attack, physdev_set_iobitmap_all_ports) {
	__HYPERVISOR_physdev_op, build_set_iobitmap, 0, KERNEL_STATE,
	.check = CHECK_PORTS,
};

FIXTURE_VARIANT_ADD(attack, physdev_op_compat_set_iopl_3) {
	__HYPERVISOR_physdev_op_compat, build_set_iopl, PORTS_COMPAT, KERNEL_STATE,
	.check = CHECK_PORTS,
};

FIXTURE_VARIANT_ADD(attack, physdev_op_compat_set_iobitmap_all_ports) {
	__HYPERVISOR_physdev_op_compat, build_set_iobitmap, PORTS_COMPAT,
	KERNEL_STATE,
	.check = CHECK_PORTS,
};
#endif /* __x86_64__ */

FIXTURE_SETUP(attack)
{
	struct attack_ctx *c = &self->c;
	cpu_set_t cpu0;
	int i;

	memset(c, 0, sizeof(*c));
	c->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, c->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
	c->kaddr = xpc_kernel_addr("init_uts_ns");
	ASSERT_NE(0, c->kaddr);
	ASSERT_EQ(0, uname(&self->uts));
	for (i = 0; i < 2; i++) {
		c->page[i] = xpc_pattern_page(i + 1);
		ASSERT_NE(NULL, c->page[i]);
		memcpy(c->copy[i], c->page[i], XPC_PAGE);
	}
	c->empty = mmap((void *)(uintptr_t)EMPTY_VA, XPC_PAGE,
			PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	ASSERT_NE(MAP_FAILED, c->empty);
	c->pv = !xpc_auto_translated(c->fd);
	self->resv = own_reservation(c->fd);
	/* Per-vCPU state: attack, and check, on one CPU. */
	CPU_ZERO(&cpu0);
	CPU_SET(0, &cpu0);
	ASSERT_EQ(0, sched_setaffinity(0, sizeof(cpu0), &cpu0));
}

FIXTURE_TEARDOWN(attack)
{
	munmap(self->c.empty, XPC_PAGE);
	close(self->c.fd);
}

/* The kernel's utsname, our canary in kernel memory, is what it was. */
#define EXPECT_UTS_UNCHANGED(_before) do {				\
	const struct utsname *_was = (_before);				\
	struct utsname _now;						\
	ASSERT_EQ(0, uname(&_now));					\
	EXPECT_STREQ(_was->sysname, _now.sysname);			\
	EXPECT_STREQ(_was->release, _now.release);			\
	EXPECT_STREQ(_was->nodename, _now.nodename);			\
} while (0)

TEST_F(attack, refused)
{
	const __u32 *want = variant->want;
	struct attack_ctx *c = &self->c;
	long long issued;
	__u64 *a = c->args;

	variant->build(c, variant->arg);
	issued = xpc_stat(variant->op, "issued");
	EXPECT_REFUSED_EITHER(c->fd, want[0], want[1] ? want[1] : want[0],
			      xpc_hypercall(c->fd, variant->op, a[0], a[1], a[2], a[3],
					    a[4]));
	/* The module's counters agree: it did not issue the call. */
	EXPECT_EQ(issued, xpc_stat(variant->op, "issued"));
	EXPECT_EQ(variant->op, xpc_last_error(c->fd).op);

	EXPECT_UTS_UNCHANGED(&self->uts);
	if (c->frame_unknown)
		TH_LOG("our page's frame was not found: the call named a bad one");
	if (variant->check & CHECK_PAGES) {
		EXPECT_EQ(0, memcmp(c->copy[0], c->page[0], XPC_PAGE));
		EXPECT_EQ(0, memcmp(c->copy[1], c->page[1], XPC_PAGE));
	}
	if ((variant->check & CHECK_RESV) && self->resv > 0)
		EXPECT_EQ(self->resv, own_reservation(c->fd));
#ifdef __x86_64__
	/* A nobody process on this vCPU has no port I/O: inb faults. */
	if (variant->check & CHECK_PORTS) {
		EXPECT_EQ(SIGSEGV, xpc_in_child(read_port, NULL));
		/* If Xen did take it, leave the vCPU as the next test needs it. */
		if (xpc_stat(variant->op, "issued") != issued) {
			variant->build(c, variant->arg | PORTS_UNDO);
			xpc_hypercall(c->fd, variant->op, a[0], a[1], a[2], a[3], a[4]);
		}
	}
#endif
	if ((variant->check & CHECK_RESV) && self->resv <= 0)
		TH_LOG("our reservation was not readable: not compared");
}

/*
 * Class 4: the policy on every path.  Each variant sets the module's
 * policy, makes one call and expects either a refusal by the module or
 * (@xen_err != 0) the call to reach Xen, which answers it.
 */
FIXTURE(policy) {
	struct attack_ctx c;
	struct xpc_policy policy;
};

FIXTURE_VARIANT(policy) {
	const char *policy;
	__u64 op;
	attack_build_t build;
	__u64 arg;
	__u32 want;	/* the reason it is refused for */
	int xen_err;	/* the call reaches Xen, which fails it so */
};

static void build_evtchn_compat_status(struct attack_ctx *c, __u64 unused)
{
	struct evtchn_op *op = (struct evtchn_op *)c->u.raw;

	op->cmd = EVTCHNOP_status;
	op->u.status.dom = DOMID_SELF;
	op->u.status.port = 1;
	c->args[0] = xpc_ptr(op);
}

static void build_sched_compat_yield(struct attack_ctx *c, __u64 unused)
{
	c->args[0] = SCHEDOP_yield;
	c->args[1] = 0;
}

#ifdef __x86_64__
static void build_paging_domctl_cont(struct attack_ctx *c, __u64 unused)
{
	xpc_init_domctl(&c->u.domctl, XEN_DOMCTL_shadow_op, XPC_DOMID_NONE);
	c->u.domctl.u.shadow_op.op = XEN_DOMCTL_SHADOW_OP_GET_ALLOCATION;
	c->args[0] = xpc_ptr(&c->u.domctl);
}
#endif

static void build_physdev_compat_query(struct attack_ctx *c, __u64 unused)
{
	c->u.physdev.cmd = PHYSDEVOP_irq_status_query;
	c->u.physdev.u.irq_status_query.irq = 0;
	c->args[0] = xpc_ptr(&c->u.physdev);
}

static void build_xen_version(struct attack_ctx *c, __u64 unused)
{
	c->args[0] = XENVER_version;
}

#define POLICY		XPRIVCMD_REASON_POLICY

FIXTURE_VARIANT_ADD(policy, event_channel_op_denies_compat_status) {
	"-event_channel_op", __HYPERVISOR_event_channel_op_compat,
	build_evtchn_compat_status, 0, POLICY,
};

FIXTURE_VARIANT_ADD(policy, sched_op_denies_compat_yield) {
	"-sched_op", __HYPERVISOR_sched_op_compat,
	build_sched_compat_yield, 0, POLICY,
};

#ifdef __x86_64__
FIXTURE_VARIANT_ADD(policy, domctl_denies_paging_domctl_cont) {
	"-domctl", OP_PAGING_DOMCTL_CONT, build_paging_domctl_cont, 0, POLICY,
};
#endif

FIXTURE_VARIANT_ADD(policy, physdev_op_denies_compat) {
	"-physdev_op", __HYPERVISOR_physdev_op_compat,
	build_physdev_compat_query, 0, POLICY,
};

FIXTURE_VARIANT_ADD(policy, none_denies_xen_version) {
	"none", __HYPERVISOR_xen_version, build_xen_version, 0, POLICY,
};

/* Xen 4.17: an unknown domctl is arch_do_domctl()'s ENOSYS. */
FIXTURE_VARIANT_ADD(policy, unmodelled_lets_unknown_domctl_through) {
	"all unmodelled", __HYPERVISOR_domctl, build_domctl_cmd,
	UNKNOWN_DOMCTL, .xen_err = ENOSYS,
};

FIXTURE_VARIANT_ADD(policy, compat_lets_unknown_domctl_through) {
	"compat", __HYPERVISOR_domctl, build_domctl_cmd, UNKNOWN_DOMCTL, .xen_err = ENOSYS,
};

/* do_domctl(): a version that is not its own is Xen's EACCES. */
FIXTURE_VARIANT_ADD(policy, unmodelled_lets_old_interface_through) {
	"all unmodelled", __HYPERVISOR_domctl, build_domctl_interface,
	OLD_DOMCTL_INTERFACE, .xen_err = EACCES,
};

FIXTURE_VARIANT_ADD(policy, compat_lets_old_interface_through) {
	"compat", __HYPERVISOR_domctl, build_domctl_interface,
	OLD_DOMCTL_INTERFACE, .xen_err = EACCES,
};

FIXTURE_SETUP(policy)
{
	self->c.fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->c.fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
}

FIXTURE_TEARDOWN(policy)
{
	if (xpc_policy_restore(&self->policy))
		fprintf(stderr, "# policy '%s' not restored\n", self->policy.saved);
	close(self->c.fd);
}

TEST_F(policy, applies)
{
	struct attack_ctx *c = &self->c;
	__u64 *a = c->args;
	struct xprivcmd_last_error before;
	long long issued;

	variant->build(c, variant->arg);
	/* Under the policy as it was, the policy is not what refuses it. */
	if (!variant->xen_err) {
		before = xpc_last_error(c->fd);
		xpc_hypercall(c->fd, variant->op, a[0], a[1], a[2], a[3], a[4]);
		if (xpc_last_error(c->fd).seq != before.seq)
			EXPECT_NE(XPRIVCMD_REASON_POLICY, xpc_last_error(c->fd).reason);
	}

	ASSERT_EQ(0, xpc_policy_change(&self->policy, variant->policy))
		TH_LOG("policy '%s': %s", variant->policy, strerror(errno));
	issued = xpc_stat(variant->op, "issued");
	if (!variant->xen_err) {
		EXPECT_REFUSED(c->fd, variant->want,
			       xpc_hypercall(c->fd, variant->op, a[0], a[1], a[2],
					     a[3], a[4]));
		EXPECT_EQ(issued, xpc_stat(variant->op, "issued"));
		return;
	}
	/* It reached Xen: Xen's errno, nothing recorded, counted issued. */
	before = xpc_last_error(c->fd);
	EXPECT_ERRNO(variant->xen_err,
		     xpc_hypercall(c->fd, variant->op, a[0], a[1], a[2], a[3], a[4]));
	EXPECT_EQ(before.seq, xpc_last_error(c->fd).seq)
		TH_LOG("refused: reason %u", xpc_last_error(c->fd).reason);
	EXPECT_EQ(issued + 1, xpc_stat(variant->op, "issued"));
}

/* Class 6: answers equal to Xen's. */
FIXTURE(answers) {
	int fd;
};

FIXTURE_SETUP(answers)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
}

FIXTURE_TEARDOWN(answers)
{
	close(self->fd);
}

/* A NULL buffer is Xen's size query, and the size is the build id's. */
TEST_F(answers, build_id_null_buffer_is_size_query)
{
	struct {
		xen_build_id_t id;
		unsigned char buf[256];
	} b;
	long size;

	errno = 0;
	size = xpc_hypercall(self->fd, __HYPERVISOR_xen_version,
			     XENVER_build_id, 0, 0, 0, 0);
	if (size < 0 && errno == ENODATA)
		SKIP(return, "this Xen was built without a build id");
	ASSERT_LT(0, size) TH_LOG("errno %d (%s), reason %u", errno,
				  strerror(errno), xpc_last_error(self->fd).reason);
	ASSERT_GE((long)sizeof(b.buf), size);
	memset(&b, 0, sizeof(b));
	b.id.len = sizeof(b.buf);
	EXPECT_EQ(size, xpc_hypercall(self->fd, __HYPERVISOR_xen_version,
				      XENVER_build_id, xpc_ptr(&b), 0, 0, 0));
	EXPECT_EQ(0, xpc_last_error(self->fd).seq);
}

/*
 * XENMEM_maximum_gpfn and XENMEM_current_reservation only read their
 * domid_t: from a read-only page they succeed, with the answer from a
 * writable one.  (Not maximum_reservation: dom0's is ~0U, which libc's int
 * ioctl() cannot return.)
 */
TEST_F(answers, read_only_input_structure_succeeds)
{
	static const unsigned int cmds[] = {
		XENMEM_maximum_gpfn, XENMEM_current_reservation,
	};
	domid_t rw = DOMID_SELF, *ro;
	unsigned int i;

	ro = mmap(NULL, XPC_PAGE, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, ro);
	*ro = DOMID_SELF;
	ASSERT_EQ(0, mprotect(ro, XPC_PAGE, PROT_READ));
	for (i = 0; i < ARRAY_SIZE(cmds); i++) {
		long want, got;

		errno = 0;
		want = xpc_hypercall(self->fd, __HYPERVISOR_memory_op, cmds[i],
				     xpc_ptr(&rw), 0, 0, 0);
		ASSERT_LT(0, want) TH_LOG("memory_op %u: %s, refusal reason %u",
					  cmds[i], strerror(errno),
					  xpc_last_error(self->fd).reason);
		errno = 0;
		got = xpc_hypercall(self->fd, __HYPERVISOR_memory_op, cmds[i],
				    xpc_ptr(ro), 0, 0, 0);
		EXPECT_EQ(want, got) TH_LOG("memory_op %u: errno %d, refusal reason %u",
					    cmds[i], errno,
					    xpc_last_error(self->fd).reason);
	}
	EXPECT_EQ(0, xpc_last_error(self->fd).seq);
	munmap(ro, XPC_PAGE);
}

/* Xen's positive answer reaches us unchanged: major << 16 | minor. */
TEST_F(answers, xen_version_positive_return_unchanged)
{
	char major[32], minor[32];
	long v;

	ASSERT_EQ(0, xpc_read_line("/sys/hypervisor/version/major", major,
				   sizeof(major)));
	ASSERT_EQ(0, xpc_read_line("/sys/hypervisor/version/minor", minor,
				   sizeof(minor)));
	v = xpc_hypercall(self->fd, __HYPERVISOR_xen_version, XENVER_version,
			  0, 0, 0, 0);
	EXPECT_EQ((atol(major) << 16) | atol(minor), v);
}

#ifdef __x86_64__
/*
 * physdev_op_compat carries a physdev_op's structure in a 16-byte union;
 * one that is larger (map_pirq's) would be read past it: not modelled,
 * so refused, and never issued with the kernel copy.
 */
TEST_F(answers, compat_structure_larger_than_its_union_unmodelled)
{
	struct { __u32 cmd, pad; __u8 u[16]; } op = { .cmd = PHYSDEVOP_map_pirq };

	EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_UNMODELLED,
		       xpc_hypercall(self->fd, __HYPERVISOR_physdev_op_compat,
				     xpc_ptr(&op), 0, 0, 0, 0));
}
#endif

/*
 * The kernel copies of one call are bounded: with copy_max below a
 * domctl's size, a domctl is refused as too large before Xen sees it.
 */
TEST_F(answers, copies_bounded_by_copy_max)
{
	const char *param = XPC_PARAM("copy_max");
	struct xen_domctl d;
	char old[32];

	ASSERT_EQ(0, xpc_read_line(param, old, sizeof(old)));
	ASSERT_EQ(0, xpc_write_file(param, "16"));
	xpc_init_domctl(&d, XEN_DOMCTL_getdomaininfo, 0);
	EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_TOO_LARGE,
		       xpc_hypercall(self->fd, __HYPERVISOR_domctl, xpc_ptr(&d), 0, 0, 0, 0));
	ASSERT_EQ(0, xpc_write_file(param, old));
	EXPECT_EQ(0, xpc_hypercall(self->fd, __HYPERVISOR_domctl, xpc_ptr(&d),
				   0, 0, 0, 0));
}

/*
 * Races: the domain a call acts on is read from a kernel copy that Xen is
 * then given.  A second thread swaps it between the caller (DOMID_SELF)
 * and a domain that does not exist while the first issues the call:
 * every call is either refused as the caller's (EPERM) or reaches Xen
 * naming the other one (ESRCH); none reaches Xen naming the caller.
 * set_pod_target looks the domain up first on x86; Xen on Arm has no PoD
 * and answers before it looks.
 */
#ifdef __x86_64__
TEST_F(answers, race_domain_field_never_reaches_xen_as_the_caller)
{
	static struct xen_pod_target t;
	struct xpc_flipper f = {
		.where = &t.domid, .size = sizeof(t.domid),
		.a = DOMID_SELF, .b = 1000, .yield = true,
	};
	int i, refused = 0, other = 0, self_seen = 0;

	t.target_pages = 1;
	ASSERT_EQ(0, xpc_flipper_start(&f));
	for (i = 0; i < 5000; i++) {
		errno = 0;
		if (xpc_hypercall(self->fd, __HYPERVISOR_memory_op,
				  XENMEM_set_pod_target, xpc_ptr(&t), 0, 0,
				  0) >= 0 || (errno != EPERM && errno != ESRCH))
			self_seen++;
		else if (errno == EPERM)
			refused++;
		else
			other++;
	}
	xpc_flipper_stop(&f);
	TH_LOG("5000 calls: %d refused as the caller's, %d reached Xen for domain 1000",
	       refused, other);
	EXPECT_EQ(0, self_seen);
	EXPECT_LT(0, refused);
}
#endif

TEST_HARNESS_MAIN
