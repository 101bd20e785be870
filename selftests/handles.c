// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guest handles embedded in hypercall structures, against a real
 * hypervisor: a kernel address in a domctl, memory_op or grant_table_op
 * structure is refused before Xen sees it, and calls with user buffers
 * still work, their results reaching the caller's structure although Xen
 * was given a kernel copy of it.
 *
 * 64-bit only: the memory_op and grant_table_op structures of Xen's
 * headers have another layout in a 32-bit program than the one a 64-bit
 * kernel's Xen reads.
 */
#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/utsname.h>

#include "xprivcmd_utils.h"

#include <xen/domctl.h>
#include <xen/sysctl.h>
#include <xen/memory.h>
#include <xen/grant_table.h>
#include <xen/event_channel.h>
#include <xen/vcpu.h>

#include "kselftest_harness.h"

#define OP_DOMCTL	__HYPERVISOR_domctl
#define OP_MEMORY	__HYPERVISOR_memory_op
#define OP_GNTTAB	__HYPERVISOR_grant_table_op
#define OP_EVTCHN	__HYPERVISOR_event_channel_op
#define OP_SYSCTL	__HYPERVISOR_sysctl
#define OP_MULTICALL	__HYPERVISOR_multicall
#define OP_UVM		__HYPERVISOR_update_va_mapping
#define OP_UVM_OTHER	__HYPERVISOR_update_va_mapping_otherdomain

FIXTURE(h) {
	int fd;
	__u64 kaddr;	/* kernel memory Xen must never be told to write */
};

FIXTURE_SETUP(h)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
	self->kaddr = xpc_kallsyms("init_uts_ns");
	ASSERT_NE(0, self->kaddr) TH_LOG("init_uts_ns not in /proc/kallsyms");
}

FIXTURE_TEARDOWN(h)
{
	struct utsname u;

	/* Whatever a test did, Xen wrote nothing over the kernel's utsname. */
	if (!uname(&u) && strcmp(u.sysname, "Linux"))
		fprintf(stderr, "# uname -s is now '%s'\n", u.sysname);
	close(self->fd);
}

/*
 * Refused for a kernel pointer held by the structure in argument @_arg,
 * before Xen saw it, and the kernel's utsname is intact.
 */
#define EXPECT_NESTED_REFUSED(_fd, _op, _a0, _a1, _a2, _arg, _kaddr) do {	\
	struct utsname _u;						\
	EXPECT_HYPERCALL_REFUSED(_fd, XPRIVCMD_REASON_KERNEL_PTR, _arg, _kaddr, \
				 _op, _a0, _a1, _a2, 0);		\
	ASSERT_EQ(0, uname(&_u));					\
	EXPECT_STREQ("Linux", _u.sysname);				\
} while (0)

/*
 * A domain id no domain has in the test VM, and not the caller's: calls
 * naming it get past the own-domain check, so that the handle checks,
 * which come after it and before Xen, are what decides.
 */
#define NO_DOMAIN	0x7000

/*
 * The call names the calling domain (@_dom: DOMID_SELF or its own id, 0 in
 * dom0) where only another may be named: refused with EPERM, no argument
 * blamed, the domain in the fd's last error, and Xen not called.
 */
#define EXPECT_OWN_DOMAIN(_fd, _op, _a0, _a1, _a2, _dom)		\
	EXPECT_HYPERCALL_REFUSED(_fd, XPRIVCMD_REASON_OWN_DOMAIN,	\
				 XPRIVCMD_ARG_NONE, _dom, _op, _a0, _a1, _a2, 0)

/* A domctl naming dom0, by number and as DOMID_SELF, is refused. */
#define EXPECT_DOMCTL_OWN_DOMAIN(_fd, _d) do {				\
	(_d)->domain = 0;						\
	EXPECT_OWN_DOMAIN(_fd, OP_DOMCTL, xpc_ptr(_d), 0, 0, 0);	\
	(_d)->domain = DOMID_SELF;					\
	EXPECT_OWN_DOMAIN(_fd, OP_DOMCTL, xpc_ptr(_d), 0, 0, DOMID_SELF); \
} while (0)

TEST_F(h, domctl_vcpuaffinity_kernel_bitmap_refused)
{
	struct xen_domctl d;

	xpc_init_domctl(&d, XEN_DOMCTL_getvcpuaffinity, 0);
	d.u.vcpuaffinity.flags = XEN_VCPUAFFINITY_HARD;
	d.u.vcpuaffinity.cpumap_hard.bitmap.p = (uint8_t *)(uintptr_t)self->kaddr;
	d.u.vcpuaffinity.cpumap_hard.nr_bits = 64;
	EXPECT_NESTED_REFUSED(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, self->kaddr);

	/* The soft map too, and for setvcpuaffinity, where Xen also writes. */
	xpc_init_domctl(&d, XEN_DOMCTL_setvcpuaffinity, 0);
	d.u.vcpuaffinity.flags = XEN_VCPUAFFINITY_SOFT;
	d.u.vcpuaffinity.cpumap_soft.bitmap.p = (uint8_t *)(uintptr_t)self->kaddr;
	d.u.vcpuaffinity.cpumap_soft.nr_bits = 8;
	EXPECT_NESTED_REFUSED(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, self->kaddr);
}

/* Xen fills the bitmap behind the handle of our kernel copy of the domctl. */
TEST_F(h, domctl_getvcpuaffinity_fills_user_bitmap)
{
	uint8_t hard[8], soft[8];
	struct xen_domctl d;

	memset(hard, 0, sizeof(hard));
	memset(soft, 0, sizeof(soft));
	xpc_init_domctl(&d, XEN_DOMCTL_getvcpuaffinity, 0);
	d.u.vcpuaffinity.vcpu = 0;
	d.u.vcpuaffinity.flags = XEN_VCPUAFFINITY_HARD | XEN_VCPUAFFINITY_SOFT;
	set_xen_guest_handle(d.u.vcpuaffinity.cpumap_hard.bitmap, hard);
	d.u.vcpuaffinity.cpumap_hard.nr_bits = 64;
	set_xen_guest_handle(d.u.vcpuaffinity.cpumap_soft.bitmap, soft);
	d.u.vcpuaffinity.cpumap_soft.nr_bits = 64;
	ASSERT_EQ(0, xpc_hypercall(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, 0))
		TH_LOG("getvcpuaffinity: %s", strerror(errno));
	/* dom0's vcpu 0 may run on physical CPU 0 at least. */
	EXPECT_TRUE(hard[0] & 1);
	EXPECT_TRUE(soft[0] & 1);
	/* The handles came back unchanged with the copy. */
	EXPECT_EQ(xpc_ptr(hard), xpc_ptr(d.u.vcpuaffinity.cpumap_hard.bitmap.p));
}

/*
 * Setting a vCPU context, the shadow and HVM context domctls may only name
 * another domain: the caller's own would be the running kernel's.  Naming
 * another (or reading our own vCPU's context), the handle is checked
 * before Xen is called.
 */
TEST_F(h, domctl_vcpucontext_kernel_ctxt_refused)
{
	struct xen_domctl d;

	xpc_init_domctl(&d, XEN_DOMCTL_getvcpucontext, NO_DOMAIN);
	d.u.vcpucontext.ctxt.p = (vcpu_guest_context_t *)(uintptr_t)self->kaddr;
	EXPECT_NESTED_REFUSED(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, self->kaddr);
	/* Reading our own vCPU's context is allowed: the handle decides. */
	d.domain = 0;
	EXPECT_NESTED_REFUSED(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, self->kaddr);
	/* setvcpucontext: Xen would read the kernel's memory as a context. */
	xpc_init_domctl(&d, XEN_DOMCTL_setvcpucontext, NO_DOMAIN);
	d.u.vcpucontext.ctxt.p = (vcpu_guest_context_t *)(uintptr_t)self->kaddr;
	EXPECT_NESTED_REFUSED(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, self->kaddr);
	EXPECT_DOMCTL_OWN_DOMAIN(self->fd, &d);
}

TEST_F(h, domctl_shadow_op_kernel_dirty_bitmap_refused)
{
	struct xen_domctl d;

	xpc_init_domctl(&d, XEN_DOMCTL_shadow_op, NO_DOMAIN);
	d.u.shadow_op.op = XEN_DOMCTL_SHADOW_OP_PEEK;
	d.u.shadow_op.dirty_bitmap.p = (uint8_t *)(uintptr_t)self->kaddr;
	d.u.shadow_op.pages = 64;
	EXPECT_NESTED_REFUSED(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, self->kaddr);
	EXPECT_DOMCTL_OWN_DOMAIN(self->fd, &d);
}

TEST_F(h, domctl_hvmcontext_kernel_buffer_refused)
{
	struct xen_domctl d;

	xpc_init_domctl(&d, XEN_DOMCTL_gethvmcontext, NO_DOMAIN);
	d.u.hvmcontext.buffer.p = (uint8_t *)(uintptr_t)self->kaddr;
	d.u.hvmcontext.size = 64;
	EXPECT_NESTED_REFUSED(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, self->kaddr);
	EXPECT_DOMCTL_OWN_DOMAIN(self->fd, &d);
}

TEST_F(h, domctl_getpageframeinfo3_kernel_array_refused)
{
	struct xen_domctl d;

	xpc_init_domctl(&d, XEN_DOMCTL_getpageframeinfo3, 0);
	d.u.getpageframeinfo3.array.p = (xen_pfn_t *)(uintptr_t)self->kaddr;
	d.u.getpageframeinfo3.num = 2;
	EXPECT_NESTED_REFUSED(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, self->kaddr);
}

/* A count so large the array would run past user space. */
TEST_F(h, domctl_huge_count_refused)
{
	static xen_pfn_t pfns[2];
	struct xen_domctl d;

	xpc_init_domctl(&d, XEN_DOMCTL_getpageframeinfo3, 0);
	set_xen_guest_handle(d.u.getpageframeinfo3.array, pfns);
	d.u.getpageframeinfo3.num = 1ULL << 61;
	EXPECT_NESTED_REFUSED(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0,
			      xpc_ptr(pfns));
}

/*
 * get_cpu_policy with NULL handles asks for the sizes; Xen writes them
 * into the domctl, i.e. into our kernel copy, which must reach the caller.
 * Then with buffers of that size.
 */
TEST_F(h, domctl_get_cpu_policy_results_reach_user)
{
	xen_cpuid_leaf_t *leaves;
	xen_msr_entry_t *msrs;
	struct xen_domctl d;
	unsigned int i, nonzero = 0;

	xpc_init_domctl(&d, XEN_DOMCTL_get_cpu_policy, 0);
	ASSERT_EQ(0, xpc_hypercall(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, 0))
		TH_LOG("get_cpu_policy: %s", strerror(errno));
	ASSERT_LT(0, d.u.cpu_policy.nr_leaves);
	ASSERT_LT(0, d.u.cpu_policy.nr_msrs);

	leaves = calloc(d.u.cpu_policy.nr_leaves, sizeof(*leaves));
	msrs = calloc(d.u.cpu_policy.nr_msrs, sizeof(*msrs));
	ASSERT_TRUE(leaves && msrs);
	set_xen_guest_handle(d.u.cpu_policy.leaves, leaves);
	set_xen_guest_handle(d.u.cpu_policy.msrs, msrs);
	ASSERT_EQ(0, xpc_hypercall(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, 0))
		TH_LOG("get_cpu_policy: %s", strerror(errno));
	ASSERT_LT(0, d.u.cpu_policy.nr_leaves);
	for (i = 0; i < d.u.cpu_policy.nr_leaves; i++)
		nonzero += leaves[i].a != 0;
	EXPECT_LT(0, nonzero);

	set_xen_guest_handle(d.u.cpu_policy.leaves, leaves);
	d.u.cpu_policy.msrs.p = (xen_msr_entry_t *)(uintptr_t)self->kaddr;
	EXPECT_NESTED_REFUSED(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, self->kaddr);
	free(leaves);
	free(msrs);
}

/*
 * The layout is only known for the interface version Xen 4.17 speaks:
 * another is refused before Xen sees it (fail closed), whatever the handle.
 */
TEST_F(h, domctl_unknown_interface_version_strict_refused)
{
	__u64 seq = xpc_last_error(self->fd).seq;
	long long issued = xpc_stat(OP_DOMCTL, "issued");
	uint8_t hard[8];
	struct xen_domctl d;

	xpc_init_domctl(&d, XEN_DOMCTL_getvcpuaffinity, 0);
	d.interface_version = XEN_DOMCTL_INTERFACE_VERSION + 1;
	d.u.vcpuaffinity.flags = XEN_VCPUAFFINITY_HARD;
	set_xen_guest_handle(d.u.vcpuaffinity.cpumap_hard.bitmap, hard);
	d.u.vcpuaffinity.cpumap_hard.nr_bits = 64;
	/* The default policy refuses it: Xen is not called. */
	EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_INTERFACE,
		       xpc_hypercall(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, 0));
	EXPECT_EQ(seq + 1, xpc_last_error(self->fd).seq);
	EXPECT_EQ(issued, xpc_stat(OP_DOMCTL, "issued"));

	/* "known-interfaces" is what the default does now. */
	test_narrow("known-interfaces");
	EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_INTERFACE,
		       xpc_hypercall(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, 0));
	EXPECT_EQ(seq + 2, xpc_last_error(self->fd).seq);
	/* The version it knows still works on the narrowed fd. */
	d.interface_version = XEN_DOMCTL_INTERFACE_VERSION;
	EXPECT_EQ(0, xpc_hypercall(self->fd, OP_DOMCTL, xpc_ptr(&d), 0, 0, 0, 0));
}

TEST_F(h, memory_op_reservation_kernel_extents_refused)
{
	struct xen_memory_reservation r;

	memset(&r, 0, sizeof(r));
	r.extent_start.p = (xen_pfn_t *)(uintptr_t)self->kaddr;
	r.nr_extents = 1;
	r.domid = NO_DOMAIN;
	EXPECT_NESTED_REFUSED(self->fd, OP_MEMORY, XENMEM_increase_reservation,
			      xpc_ptr(&r), 0, 1, self->kaddr);
	EXPECT_NESTED_REFUSED(self->fd, OP_MEMORY, XENMEM_decrease_reservation,
			      xpc_ptr(&r), 0, 1, self->kaddr);
	EXPECT_NESTED_REFUSED(self->fd, OP_MEMORY, XENMEM_populate_physmap,
			      xpc_ptr(&r), 0, 1, self->kaddr);
	/* A continuation's progress bits above the command change nothing. */
	EXPECT_NESTED_REFUSED(self->fd, OP_MEMORY,
			      XENMEM_populate_physmap | (1 << 6),
			      xpc_ptr(&r), 0, 1, self->kaddr);

	/*
	 * Our own reservation is the kernel's (the balloon driver's): only
	 * another domain's may be named, by number or as DOMID_SELF.
	 */
	r.domid = DOMID_SELF;
	EXPECT_OWN_DOMAIN(self->fd, OP_MEMORY, XENMEM_increase_reservation,
			  xpc_ptr(&r), 0, DOMID_SELF);
	EXPECT_OWN_DOMAIN(self->fd, OP_MEMORY, XENMEM_decrease_reservation,
			  xpc_ptr(&r), 0, DOMID_SELF);
	r.domid = 0;
	EXPECT_OWN_DOMAIN(self->fd, OP_MEMORY, XENMEM_populate_physmap,
			  xpc_ptr(&r), 0, 0);
}

/* Read-only: the frames of Xen's machine-to-physical table. */
TEST_F(h, memory_op_machphys_mfn_list_results_reach_user)
{
	struct xen_machphys_mfn_list l;
	xen_pfn_t mfns[4];

	memset(mfns, 0, sizeof(mfns));
	memset(&l, 0, sizeof(l));
	l.max_extents = 4;
	set_xen_guest_handle(l.extent_start, mfns);
	ASSERT_EQ(0, xpc_hypercall(self->fd, OP_MEMORY, XENMEM_machphys_mfn_list,
				   xpc_ptr(&l), 0, 0, 0))
		TH_LOG("machphys_mfn_list: %s", strerror(errno));
	/* nr_extents is written by Xen into the structure. */
	ASSERT_LT(0, l.nr_extents);
	EXPECT_GE(4, l.nr_extents);
	EXPECT_NE(0, mfns[0]);

	l.extent_start.p = (xen_pfn_t *)(uintptr_t)self->kaddr;
	EXPECT_NESTED_REFUSED(self->fd, OP_MEMORY, XENMEM_machphys_mfn_list,
			      xpc_ptr(&l), 0, 1, self->kaddr);
}

/*
 * Read-only: the host's e820 map, as xl's e820_host reads it.  Xen gives
 * it to PV guests, and to HVM ones from 4.19 on: before, for a PVH dom0,
 * hvm_memory_op() answers ENOSYS.  The kernel pointer is refused before
 * Xen either way.
 */
TEST_F(h, memory_op_machine_memory_map_results_reach_user)
{
	static uint8_t e820[128 * 20];
	struct xen_memory_map m;

	memset(&m, 0, sizeof(m));
	m.nr_entries = 128;
	set_xen_guest_handle(m.buffer, e820);
	if (xpc_auto_translated(self->fd) &&
	    xpc_xen_version(self->fd) < XPC_XEN(4, 19)) {
		EXPECT_ERRNO(ENOSYS, xpc_hypercall(self->fd, OP_MEMORY,
						   XENMEM_machine_memory_map,
						   xpc_ptr(&m), 0, 0, 0))
			TH_LOG("PVH dom0: machine_memory_map is PV's before Xen 4.19");
		EXPECT_EQ(128, m.nr_entries);
	} else {
		ASSERT_EQ(0, xpc_hypercall(self->fd, OP_MEMORY, XENMEM_machine_memory_map,
					   xpc_ptr(&m), 0, 0, 0))
			TH_LOG("machine_memory_map: %s", strerror(errno));
		ASSERT_LT(0, m.nr_entries);
		EXPECT_GT(128, m.nr_entries);
	}

	m.nr_entries = 4;
	m.buffer.p = (void *)(uintptr_t)self->kaddr;
	EXPECT_NESTED_REFUSED(self->fd, OP_MEMORY, XENMEM_machine_memory_map,
			      xpc_ptr(&m), 0, 1, self->kaddr);
}

TEST_F(h, memory_op_exchange_kernel_out_list_refused)
{
	static xen_pfn_t in[1];
	struct xen_memory_exchange x;

	memset(&x, 0, sizeof(x));
	set_xen_guest_handle(x.in.extent_start, in);
	x.in.nr_extents = 1;
	x.in.domid = NO_DOMAIN;
	x.out.extent_start.p = (xen_pfn_t *)(uintptr_t)self->kaddr;
	x.out.nr_extents = 1;
	x.out.domid = NO_DOMAIN;
	EXPECT_NESTED_REFUSED(self->fd, OP_MEMORY, XENMEM_exchange, xpc_ptr(&x),
			      0, 1, self->kaddr);
	/* Exchanging our own frames is the kernel's business. */
	x.in.domid = DOMID_SELF;
	x.out.domid = DOMID_SELF;
	EXPECT_OWN_DOMAIN(self->fd, OP_MEMORY, XENMEM_exchange, xpc_ptr(&x), 0,
			  DOMID_SELF);
}

/*
 * dom0 set its grant table up at boot, and asking for its frames again is
 * refused: they are the kernel's.  For another domain the frame list is
 * checked; Xen, which knows no such domain, writes its status into the
 * structure, i.e. into our kernel copy, which must reach the caller.
 */
TEST_F(h, grant_table_setup_table_results_reach_user)
{
	struct gnttab_setup_table st;
	xen_pfn_t frames[1] = { 0 };

	memset(&st, 0, sizeof(st));
	st.dom = DOMID_SELF;
	st.nr_frames = 1;
	st.status = 0x7777;
	set_xen_guest_handle(st.frame_list, frames);
	EXPECT_OWN_DOMAIN(self->fd, OP_GNTTAB, GNTTABOP_setup_table,
			  xpc_ptr(&st), 1, DOMID_SELF);
	st.dom = 0;
	EXPECT_OWN_DOMAIN(self->fd, OP_GNTTAB, GNTTABOP_setup_table,
			  xpc_ptr(&st), 1, 0);
	EXPECT_EQ(0x7777, st.status);

	st.dom = NO_DOMAIN;
	ASSERT_EQ(0, xpc_hypercall(self->fd, OP_GNTTAB, GNTTABOP_setup_table,
				   xpc_ptr(&st), 1, 0, 0))
		TH_LOG("setup_table: %s", strerror(errno));
	/* status is written by Xen into the structure. */
	EXPECT_EQ(GNTST_bad_domain, st.status);
	EXPECT_EQ(0, frames[0]);

	st.frame_list.p = (xen_pfn_t *)(uintptr_t)self->kaddr;
	EXPECT_NESTED_REFUSED(self->fd, OP_GNTTAB, GNTTABOP_setup_table,
			      xpc_ptr(&st), 1, 1, self->kaddr);
}

TEST_F(h, grant_table_get_status_frames_kernel_list_refused)
{
	struct gnttab_get_status_frames gs;

	memset(&gs, 0, sizeof(gs));
	gs.dom = NO_DOMAIN;
	gs.nr_frames = 1;
	gs.frame_list.p = (uint64_t *)(uintptr_t)self->kaddr;
	EXPECT_NESTED_REFUSED(self->fd, OP_GNTTAB, GNTTABOP_get_status_frames,
			      xpc_ptr(&gs), 1, 1, self->kaddr);
	gs.dom = DOMID_SELF;
	EXPECT_OWN_DOMAIN(self->fd, OP_GNTTAB, GNTTABOP_get_status_frames,
			  xpc_ptr(&gs), 1, DOMID_SELF);
	gs.dom = 0;
	EXPECT_OWN_DOMAIN(self->fd, OP_GNTTAB, GNTTABOP_get_status_frames,
			  xpc_ptr(&gs), 1, 0);
}

/* No handles in event channel structures: their size is what is checked. */
TEST_F(h, event_channel_op_struct_past_mapping_refused)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct evtchn_status *st;
	struct xprivcmd_last_error last;
	long long issued = xpc_stat(OP_EVTCHN, "issued");

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_EQ(0, munmap(p + page, page));
	/* 8 of its 24 bytes are mapped. */
	st = (struct evtchn_status *)(p + page - 8);
	last = EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_UNMAPPED,
			      xpc_hypercall(self->fd, OP_EVTCHN, EVTCHNOP_status,
					    xpc_ptr(st), 0, 0, 0));
	EXPECT_EQ(1, last.arg);
	EXPECT_EQ(issued, xpc_stat(OP_EVTCHN, "issued"));

	/* The whole structure mapped: Xen answers about dom0's port 1. */
	st = (struct evtchn_status *)p;
	memset(st, 0, sizeof(*st));
	st->dom = DOMID_SELF;
	st->port = 1;
	EXPECT_EQ(0, xpc_hypercall(self->fd, OP_EVTCHN, EVTCHNOP_status,
				   xpc_ptr(st), 0, 0, 0));
	EXPECT_NE(EVTCHNSTAT_closed, st->status);
	munmap(p, page);
}

/*
 * Refused whatever its arguments, because it would change this domain's
 * own page tables or frames (the kernel's): EPERM, no argument blamed.
 */
#define EXPECT_OWN_TABLES(_fd, _op, _a0, _a1, _a2, _a3)			\
	EXPECT_HYPERCALL_REFUSED(_fd, XPRIVCMD_REASON_OWN_TABLES,	\
				 XPRIVCMD_ARG_NONE, 0, _op, _a0, _a1, _a2, _a3)

/* xl info -n: the CPU topology and NUMA sysctls, checked and working. */
TEST_F(h, sysctl_topology_kernel_buffers_refused_user_ones_filled)
{
	static xen_sysctl_cputopo_t topo[64];
	static xen_sysctl_meminfo_t mem[8];
	static __u32 dist[64];
	struct xen_sysctl sc;

	xpc_init_sysctl(&sc, XEN_SYSCTL_cputopoinfo);
	sc.u.cputopoinfo.num_cpus = 4;
	sc.u.cputopoinfo.cputopo.p = (xen_sysctl_cputopo_t *)(uintptr_t)self->kaddr;
	EXPECT_NESTED_REFUSED(self->fd, OP_SYSCTL, xpc_ptr(&sc), 0, 0, 0, self->kaddr);
	xpc_init_sysctl(&sc, XEN_SYSCTL_numainfo);
	sc.u.numainfo.num_nodes = 2;
	set_xen_guest_handle(sc.u.numainfo.meminfo, mem);
	sc.u.numainfo.distance.p = (__u32 *)(uintptr_t)self->kaddr;
	EXPECT_NESTED_REFUSED(self->fd, OP_SYSCTL, xpc_ptr(&sc), 0, 0, 0, self->kaddr);

	xpc_init_sysctl(&sc, XEN_SYSCTL_cputopoinfo);
	sc.u.cputopoinfo.num_cpus = 64;
	memset(topo, 0xff, sizeof(topo));
	set_xen_guest_handle(sc.u.cputopoinfo.cputopo, topo);
	ASSERT_EQ(0, xpc_hypercall(self->fd, OP_SYSCTL, xpc_ptr(&sc), 0, 0, 0, 0))
		TH_LOG("cputopoinfo: %s", strerror(errno));
	EXPECT_LE(1, sc.u.cputopoinfo.num_cpus);
	EXPECT_EQ(0, topo[0].node);
	EXPECT_EQ(xpc_ptr(topo), xpc_ptr(sc.u.cputopoinfo.cputopo.p));

	xpc_init_sysctl(&sc, XEN_SYSCTL_numainfo);
	sc.u.numainfo.num_nodes = 8;
	set_xen_guest_handle(sc.u.numainfo.meminfo, mem);
	set_xen_guest_handle(sc.u.numainfo.distance, dist);
	ASSERT_EQ(0, xpc_hypercall(self->fd, OP_SYSCTL, xpc_ptr(&sc), 0, 0, 0, 0))
		TH_LOG("numainfo: %s", strerror(errno));
	EXPECT_LE(1, sc.u.numainfo.num_nodes);
	EXPECT_LT(0, mem[0].memsize);
}

/*
 * Handles inside the structures of multicall entries: memory_op, domctl
 * and sysctl entries pointing at kernel memory are refused, entry named,
 * before Xen sees the list.
 */
TEST_F(h, multicall_entry_kernel_handles_refused)
{
	struct xen_machphys_mfn_list l = { .max_extents = 2 };
	struct xen_domctl d;
	struct xen_sysctl sc;
	struct xpc_mc_entry mc[2];
	long long issued = xpc_stat(OP_MULTICALL, "issued");
	struct xprivcmd_last_error last;
	struct utsname u;
	int i;

	l.extent_start.p = (xen_pfn_t *)(uintptr_t)self->kaddr;
	xpc_init_domctl(&d, XEN_DOMCTL_getvcpuaffinity, 0);
	d.u.vcpuaffinity.flags = XEN_VCPUAFFINITY_HARD;
	d.u.vcpuaffinity.cpumap_hard.bitmap.p = (uint8_t *)(uintptr_t)self->kaddr;
	d.u.vcpuaffinity.cpumap_hard.nr_bits = 64;
	xpc_init_sysctl(&sc, XEN_SYSCTL_cputopoinfo);
	sc.u.cputopoinfo.num_cpus = 4;
	sc.u.cputopoinfo.cputopo.p = (xen_sysctl_cputopo_t *)(uintptr_t)self->kaddr;

	for (i = 0; i < 3; i++) {
		memset(mc, 0, sizeof(mc));
		mc[0].op = __HYPERVISOR_xen_version;
		if (i == 0) {
			mc[1].op = OP_MEMORY;
			mc[1].args[0] = XENMEM_machphys_mfn_list;
			mc[1].args[1] = xpc_ptr(&l);
		} else {
			mc[1].op = i == 1 ? OP_DOMCTL : OP_SYSCTL;
			mc[1].args[0] = i == 1 ? xpc_ptr(&d) : xpc_ptr(&sc);
		}
		last = EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_KERNEL_PTR,
				      xpc_hypercall(self->fd, OP_MULTICALL, xpc_ptr(mc),
						    2, 0, 0, 0));
		EXPECT_EQ(XPRIVCMD_REASON_KERNEL_PTR, last.reason) TH_LOG("case %d", i);
		EXPECT_EQ(1, last.entry);
		EXPECT_EQ(mc[1].op, last.op);
		EXPECT_EQ(i == 0 ? 1 : 0, last.arg);
		EXPECT_EQ(self->kaddr, last.value);
		EXPECT_EQ(issued, xpc_stat(OP_MULTICALL, "issued"));
		/* Xen ran nothing: the first entry has no result either. */
		EXPECT_EQ(0, mc[0].result);
	}
	ASSERT_EQ(0, uname(&u));
	EXPECT_STREQ("Linux", u.sysname);
}

/*
 * Legitimate entries still work: Xen runs them on kernel copies of their
 * structures, and the results reach the caller's structures, whose
 * addresses the list the caller gets back holds again.
 */
TEST_F(h, multicall_entry_structures_results_reach_user)
{
	static xen_pfn_t mfns[4];
	struct xen_machphys_mfn_list l = { .max_extents = 4 };
	static xen_sysctl_cputopo_t topo[64];
	struct xen_sysctl sc;
	struct xpc_mc_entry mc[2];

	set_xen_guest_handle(l.extent_start, mfns);
	xpc_init_sysctl(&sc, XEN_SYSCTL_cputopoinfo);
	sc.u.cputopoinfo.num_cpus = 64;
	set_xen_guest_handle(sc.u.cputopoinfo.cputopo, topo);
	memset(mc, 0, sizeof(mc));
	mc[0].op = OP_MEMORY;
	mc[0].args[0] = XENMEM_machphys_mfn_list;
	mc[0].args[1] = xpc_ptr(&l);
	mc[1].op = OP_SYSCTL;
	mc[1].args[0] = xpc_ptr(&sc);
	ASSERT_EQ(0, xpc_hypercall(self->fd, OP_MULTICALL, xpc_ptr(mc), 2, 0, 0, 0))
		TH_LOG("multicall: %s", strerror(errno));
	EXPECT_EQ(0, (long)mc[0].result);
	EXPECT_LT(0, l.max_extents);
	EXPECT_NE(0, mfns[0]);
	EXPECT_EQ(xpc_ptr(&l), mc[0].args[1]);
	EXPECT_EQ(0, (long)mc[1].result) TH_LOG("sysctl in a multicall: %ld", (long)mc[1].result);
	EXPECT_LE(1, sc.u.cputopoinfo.num_cpus);
	EXPECT_EQ(xpc_ptr(&sc), mc[1].args[0]);
}

/*
 * Entries of one multicall may share memory: here xen_version writes its
 * extraversion into the padding of the structure a sysctl physinfo entry
 * had copied, before or after it.  Issued directly, Xen would leave both
 * results there; the kernel copy of the sysctl, which still holds the
 * padding as it was, must not undo the other entry's write when it goes
 * back.  Run both ways round.
 */
TEST_F(h, multicall_overlapping_entries_keep_each_others_results)
{
	char want[XEN_EXTRAVERSION_LEN];
	struct xpc_mc_entry mc[2];
	struct xen_sysctl sc;
	char *pad = (char *)sc.u.pad + sizeof(sc.u.pad) - sizeof(want);
	int first;

	static_assert(sizeof(sc.u.physinfo) + sizeof(want) <= sizeof(sc.u.pad),
		      "the extraversion lies past physinfo");
	memset(want, 0, sizeof(want));
	ASSERT_EQ(0, xpc_hypercall(self->fd, __HYPERVISOR_xen_version, XENVER_extraversion,
				   xpc_ptr(want), 0, 0, 0));
	for (first = 0; first < 2; first++) {
		struct xpc_mc_entry *ver = &mc[first], *sys = &mc[!first];

		xpc_init_sysctl(&sc, XEN_SYSCTL_physinfo);
		memset(pad, 'Z', sizeof(want));
		memset(mc, 0, sizeof(mc));
		ver->op = __HYPERVISOR_xen_version;
		ver->args[0] = XENVER_extraversion;
		ver->args[1] = xpc_ptr(pad);
		sys->op = OP_SYSCTL;
		sys->args[0] = xpc_ptr(&sc);
		ASSERT_EQ(0, xpc_hypercall(self->fd, OP_MULTICALL, xpc_ptr(mc), 2, 0, 0, 0))
			TH_LOG("multicall: %s", strerror(errno));
		EXPECT_EQ(0, (long)ver->result);
		EXPECT_EQ(0, (long)sys->result);
		EXPECT_LE(1, sc.u.physinfo.nr_cpus);
		EXPECT_EQ(0, memcmp(want, pad, sizeof(want)))
			TH_LOG("xen_version %s the sysctl: \"%.16s\", want \"%.16s\"",
			       first ? "after" : "before", pad, want);
	}
}

/*
 * update_va_mapping rewrites an entry of the caller's own page tables, at a
 * virtual address it names, with a PTE it chooses: any frame (the kernel's
 * text included) mapped writable at a user address, or a PTE Linux's mm
 * owns rewritten behind its back.  Refused whatever the address, user or
 * kernel, and whatever the domain; the map ioctls are the way to map.
 */
TEST_F(h, update_va_mapping_kernel_va_refused)
{
	static __u64 vcpus = 1;
	static char page[4096] __attribute__((aligned(4096)));
	struct xpc_mc_entry mc[1];
	struct xprivcmd_last_error last;

	EXPECT_OWN_TABLES(self->fd, OP_UVM, self->kaddr, 0, UVMF_INVLPG | UVMF_ALL, 0);
	EXPECT_OWN_TABLES(self->fd, OP_UVM_OTHER, self->kaddr, 0, UVMF_NONE, DOMID_SELF);
	/* UVMF_MULTI: the flags, less the flush type, point to a vCPU bitmap. */
	EXPECT_OWN_TABLES(self->fd, OP_UVM, xpc_ptr(&vcpus), 0,
			  self->kaddr | UVMF_TLB_FLUSH | UVMF_MULTI, 0);
	/* A user address is no better: the PTE is ours to choose. */
	EXPECT_OWN_TABLES(self->fd, OP_UVM, xpc_ptr(page), 0, UVMF_INVLPG | UVMF_LOCAL, 0);
	EXPECT_OWN_TABLES(self->fd, OP_UVM_OTHER, xpc_ptr(page), 0, UVMF_NONE, NO_DOMAIN);

	/* And inside a multicall. */
	memset(mc, 0, sizeof(mc));
	mc[0].op = OP_UVM;
	mc[0].args[0] = self->kaddr;
	last = EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_OWN_TABLES,
			      xpc_hypercall(self->fd, OP_MULTICALL, xpc_ptr(mc), 1, 0, 0, 0));
	EXPECT_EQ(0, last.entry);
	EXPECT_EQ(OP_UVM, last.op);
	EXPECT_EQ(XPRIVCMD_ARG_NONE, last.arg);
}

/*
 * A grant mapped "host_map" goes at host_addr in our page tables (with
 * GNTMAP_contains_pte host_addr is a page-table entry's machine address,
 * which could be one of the kernel's); unmap and unmap_and_replace edit
 * them too, transfer gives one of our frames away, cache_flush acts on
 * our frames.  All are refused, kernel or user address alike: grants are
 * mapped through /dev/xen/gntdev.
 */
TEST_F(h, grant_map_kernel_host_addr_refused)
{
	static char page[4096] __attribute__((aligned(4096)));
	struct gnttab_map_grant_ref map[2];
	struct gnttab_unmap_grant_ref unmap[1];
	struct gnttab_unmap_and_replace rep[1];
	struct gnttab_transfer xfer[1];
	struct gnttab_cache_flush cf[1];
	struct xpc_mc_entry mc[1];
	struct xprivcmd_last_error last;

	memset(map, 0, sizeof(map));
	map[0].flags = GNTMAP_host_map;
	map[0].host_addr = xpc_ptr(page);
	map[0].dom = DOMID_FIRST_RESERVED;
	map[1].flags = GNTMAP_host_map;
	map[1].host_addr = self->kaddr;
	EXPECT_OWN_TABLES(self->fd, OP_GNTTAB, GNTTABOP_map_grant_ref, xpc_ptr(map), 2, 0);
	map[1].flags = GNTMAP_host_map | GNTMAP_contains_pte;
	map[1].host_addr = 0x1000;
	EXPECT_OWN_TABLES(self->fd, OP_GNTTAB, GNTTABOP_map_grant_ref, xpc_ptr(map), 2, 0);
	memset(unmap, 0, sizeof(unmap));
	unmap[0].host_addr = self->kaddr;
	EXPECT_OWN_TABLES(self->fd, OP_GNTTAB, GNTTABOP_unmap_grant_ref, xpc_ptr(unmap), 1, 0);
	memset(rep, 0, sizeof(rep));
	rep[0].host_addr = xpc_ptr(page);
	rep[0].new_addr = self->kaddr;
	EXPECT_OWN_TABLES(self->fd, OP_GNTTAB, GNTTABOP_unmap_and_replace, xpc_ptr(rep), 1, 0);
	memset(xfer, 0, sizeof(xfer));
	xfer[0].domid = NO_DOMAIN;
	EXPECT_OWN_TABLES(self->fd, OP_GNTTAB, GNTTABOP_transfer, xpc_ptr(xfer), 1, 0);
	memset(cf, 0, sizeof(cf));
	cf[0].a.dev_bus_addr = xpc_ptr(page);
	cf[0].length = 64;
	cf[0].op = GNTTAB_CACHE_CLEAN;
	EXPECT_OWN_TABLES(self->fd, OP_GNTTAB, GNTTABOP_cache_flush, xpc_ptr(cf), 1, 0);

	memset(mc, 0, sizeof(mc));
	mc[0].op = OP_GNTTAB;
	mc[0].args[0] = GNTTABOP_unmap_grant_ref;
	mc[0].args[1] = xpc_ptr(unmap);
	mc[0].args[2] = 1;
	last = EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_OWN_TABLES,
			      xpc_hypercall(self->fd, OP_MULTICALL, xpc_ptr(mc), 1, 0, 0, 0));
	EXPECT_EQ(0, last.entry);
	EXPECT_EQ(OP_GNTTAB, last.op);

	/*
	 * A user address is refused too; Xen never sees the map, so the
	 * caller's array is left as it was.
	 */
	map[0].status = 0x55;
	EXPECT_OWN_TABLES(self->fd, OP_GNTTAB, GNTTABOP_map_grant_ref, xpc_ptr(map), 1, 0);
	EXPECT_EQ(0x55, map[0].status);
}

/*
 * A second thread keeps swapping the embedded handle between a user
 * buffer and kernel memory while the first issues the call.  Xen reads
 * the handle from the kernel copy that was checked, so it never writes
 * MFNs over the kernel's utsname.
 */
TEST_F(h, embedded_handle_race_never_reaches_xen)
{
	static struct xen_machphys_mfn_list l;
	static xen_pfn_t mfns[2];
	struct xpc_flipper f = {
		.where = &l.extent_start.p, .size = sizeof(l.extent_start.p),
		.a = self->kaddr, .b = xpc_ptr(mfns), .yield = true,
	};
	int i, ok = 0, refused = 0;
	struct utsname u;

	l.max_extents = 2;
	set_xen_guest_handle(l.extent_start, mfns);
	ASSERT_EQ(0, xpc_flipper_start(&f));
	for (i = 0; i < 5000; i++) {
		long ret = xpc_hypercall(self->fd, OP_MEMORY,
					 XENMEM_machphys_mfn_list, xpc_ptr(&l),
					 0, 0, 0);

		if (ret == 0)
			ok++;
		else if (errno == EFAULT)
			refused++;
	}
	xpc_flipper_stop(&f);
	TH_LOG("5000 calls: %d issued, %d refused", ok, refused);
	EXPECT_EQ(5000, ok + refused);
	ASSERT_EQ(0, uname(&u));
	EXPECT_STREQ("Linux", u.sysname);
}

/*
 * mmu_update and mmuext_op edit the page tables and frames of the domain
 * their last argument names: a toolstack names the guest it builds, never
 * the domain it runs in, whose page tables are the kernel's.
 */
#define EXPECT_OWN_TABLES_REFUSED(_fd, _op, _a0, _a1, _dom, _value)	\
	EXPECT_HYPERCALL_REFUSED(_fd, XPRIVCMD_REASON_OWN_TABLES, 0, _value, \
				 _op, _a0, _a1, 0, _dom)

#define OP_MMU		__HYPERVISOR_mmu_update
#define OP_MMUEXT	__HYPERVISOR_mmuext_op
/* mmu_update's foreigndom: page tables of @pt, frames of @pg. */
#define FOREIGNDOM(pt, pg)	(((__u64)(pt) + 1) << 16 | (pg))

TEST_F(h, own_page_tables_refused_foreign_ones_reach_xen)
{
	struct mmu_update req[2] = {
		{ .ptr = 0x2000 | MMU_MACHPHYS_UPDATE },
		{ .ptr = 0x1000 | MMU_NORMAL_PT_UPDATE },
	};
	struct mmuext_op ext[1] = { { .cmd = MMUEXT_NEW_BASEPTR } };
	struct xprivcmd_last_error last;
	bool translated = xpc_auto_translated(self->fd);
	struct xpc_mc_entry mc[1];
	long long issued;
	int mmu_err;

	/* Our page tables, by DOMID_SELF or by number, and our M2P entries. */
	EXPECT_OWN_TABLES_REFUSED(self->fd, OP_MMU, xpc_ptr(&req[1]), 1, DOMID_SELF,
				  req[1].ptr);
	EXPECT_OWN_TABLES_REFUSED(self->fd, OP_MMU, xpc_ptr(&req[1]), 1, 0, req[1].ptr);
	EXPECT_OWN_TABLES_REFUSED(self->fd, OP_MMU, xpc_ptr(req), 2, DOMID_SELF, req[0].ptr);
	/* Another domain's frames, our page tables: the update is still ours. */
	EXPECT_OWN_TABLES_REFUSED(self->fd, OP_MMU, xpc_ptr(req), 2, NO_DOMAIN, req[1].ptr);
	/*
	 * The page tables' owner in the upper half (plus one): ours, by
	 * number or as DOMID_SELF, is refused whoever owns the frames...
	 */
	EXPECT_OWN_TABLES_REFUSED(self->fd, OP_MMU, xpc_ptr(&req[1]), 1,
				  FOREIGNDOM(0, NO_DOMAIN), req[1].ptr);
	EXPECT_OWN_TABLES_REFUSED(self->fd, OP_MMU, xpc_ptr(&req[1]), 1,
				  FOREIGNDOM(DOMID_SELF, NO_DOMAIN), req[1].ptr);
	/* ...and so are our frames in another domain's page tables... */
	EXPECT_OWN_TABLES_REFUSED(self->fd, OP_MMU, xpc_ptr(&req[1]), 1,
				  FOREIGNDOM(NO_DOMAIN, DOMID_SELF), req[1].ptr);
	EXPECT_OWN_TABLES_REFUSED(self->fd, OP_MMU, xpc_ptr(&req[1]), 1,
				  FOREIGNDOM(NO_DOMAIN, 0), req[1].ptr);
	/* ...or frames of a pseudo-domain such as DOMID_IO, and M2P entries. */
	EXPECT_OWN_TABLES_REFUSED(self->fd, OP_MMU, xpc_ptr(&req[1]), 1,
				  FOREIGNDOM(NO_DOMAIN, DOMID_IO), req[1].ptr);
	EXPECT_OWN_TABLES_REFUSED(self->fd, OP_MMU, xpc_ptr(req), 1, DOMID_IO, req[0].ptr);
	/* The calling vCPU's own base pointer is the kernel's state. */
	EXPECT_HYPERCALL_REFUSED(self->fd, XPRIVCMD_REASON_KERNEL_STATE, 0, MMUEXT_NEW_BASEPTR,
				 OP_MMUEXT, xpc_ptr(ext), 1, 0, DOMID_SELF);
	/* Pinning our own tables is refused; another domain's reaches Xen. */
	ext[0].cmd = MMUEXT_PIN_L1_TABLE;
	EXPECT_OWN_TABLES_REFUSED(self->fd, OP_MMUEXT, xpc_ptr(ext), 1, DOMID_SELF,
				  MMUEXT_PIN_L1_TABLE);
	EXPECT_OWN_TABLES_REFUSED(self->fd, OP_MMUEXT, xpc_ptr(ext), 1, 0,
				  MMUEXT_PIN_L1_TABLE);

	/*
	 * What a toolstack does reaches Xen, which knows no such domain:
	 * M2P entries of another domain's frames, and another domain's
	 * page tables mapping another domain's frames.  A PVH dom0 has no
	 * mmu_update (a PV-only hypercall: Xen's hvm64 table lacks it), so
	 * there Xen's answer is ENOSYS, but the calls still reach it.
	 */
	mmu_err = translated ? ENOSYS : ESRCH;
	issued = xpc_stat(OP_MMU, "issued");
	EXPECT_ERRNO(mmu_err, xpc_hypercall(self->fd, OP_MMU, xpc_ptr(req), 1, 0, NO_DOMAIN, 0));
	EXPECT_ERRNO(mmu_err, xpc_hypercall(self->fd, OP_MMU, xpc_ptr(&req[1]), 1, 0,
					    (NO_DOMAIN + 1) << 16 | NO_DOMAIN, 0));
	EXPECT_ERRNO(mmu_err, xpc_hypercall(self->fd, OP_MMU, xpc_ptr(req), 2, 0,
					    FOREIGNDOM(NO_DOMAIN, NO_DOMAIN + 1), 0));
	EXPECT_EQ(issued + 3, xpc_stat(OP_MMU, "issued"));
	EXPECT_ERRNO(ESRCH, xpc_hypercall(self->fd, OP_MMUEXT, xpc_ptr(ext), 1, 0, NO_DOMAIN, 0));
	/*
	 * A flush touches no table: ours is fine.  Xen lets an HVM or PVH
	 * caller pin and unpin a PV guest's tables only, and answers EINVAL
	 * for a domain that is not PV, as a PVH dom0 is.
	 */
	ext[0].cmd = MMUEXT_TLB_FLUSH_LOCAL;
	if (translated) {
		EXPECT_ERRNO(EINVAL, xpc_hypercall(self->fd, OP_MMUEXT, xpc_ptr(ext), 1, 0,
						   DOMID_SELF, 0))
			TH_LOG("PVH dom0: mmuext_op acts on PV domains only");
	} else {
		EXPECT_EQ(0, xpc_hypercall(self->fd, OP_MMUEXT, xpc_ptr(ext), 1, 0, DOMID_SELF, 0))
			TH_LOG("flush: %s", strerror(errno));
	}

	/* Nor inside a multicall. */
	memset(mc, 0, sizeof(mc));
	mc[0].op = OP_MMU;
	mc[0].args[0] = xpc_ptr(&req[1]);
	mc[0].args[1] = 1;
	mc[0].args[3] = DOMID_SELF;
	last = EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_OWN_TABLES,
			      xpc_hypercall(self->fd, OP_MULTICALL, xpc_ptr(mc), 1, 0, 0, 0));
	EXPECT_EQ(0, last.entry);
	EXPECT_EQ(req[1].ptr, last.value);
}

/*
 * The hypercalls with which a PV kernel sets up its own vCPU would, through
 * the device, act on the kernel that issues them.
 */
TEST_F(h, kernel_state_hypercalls_refused)
{
	static const __u64 ops[] = {
		__HYPERVISOR_set_trap_table, __HYPERVISOR_set_callbacks,
		__HYPERVISOR_stack_switch, __HYPERVISOR_set_timer_op,
		__HYPERVISOR_callback_op, __HYPERVISOR_vm_assist,
	};
	struct xprivcmd_last_error last;
	struct xpc_mc_entry mc[1];
	long long issued;
	unsigned int i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		issued = xpc_stat(ops[i], "issued");
		last = EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_KERNEL_STATE,
				      xpc_hypercall(self->fd, ops[i], 0, self->kaddr, 0, 0, 0));
		EXPECT_EQ(ops[i], last.op) TH_LOG("op %llu", (unsigned long long)ops[i]);
		EXPECT_EQ(issued, xpc_stat(ops[i], "issued"));
	}
	/* vcpu_op: registering areas Xen writes to is refused, asking is not. */
	EXPECT_ERRNO(EPERM, xpc_hypercall(self->fd, __HYPERVISOR_vcpu_op,
					  VCPUOP_register_runstate_memory_area, 0,
					  self->kaddr, 0, 0));
	EXPECT_EQ(1, xpc_hypercall(self->fd, __HYPERVISOR_vcpu_op, VCPUOP_is_up, 0, 0, 0, 0));

	memset(mc, 0, sizeof(mc));
	mc[0].op = __HYPERVISOR_set_callbacks;
	last = EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_KERNEL_STATE,
			      xpc_hypercall(self->fd, OP_MULTICALL, xpc_ptr(mc), 1, 0, 0, 0));
	EXPECT_EQ(0, last.entry);
}

TEST_HARNESS_MAIN
