/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers for the mapping selftests: the module's parameters, child
 * processes that touch memory, a second domain whose frames may be mapped
 * (nothing maps the caller's own), and our own pseudo-physical frames.
 */
#ifndef XPRIVCMD_MAP_UTILS_H
#define XPRIVCMD_MAP_UTILS_H

#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "xprivcmd_utils.h"

#include <xen/domctl.h>
#include <xen/event_channel.h>
#include <xen/memory.h>
#include <xen/sys/evtchn.h>

#define XPC_PAGE	4096UL
#define XPC_DOMID_SELF	0x7ff0
#define XPC_DOMID_XEN	0x7ff2
#define XPC_DOMID_INVALID 0x7ff4
/* A domain id that no domain has in a single-domain VM. */
#define XPC_DOMID_NONE	0x7000

/* Xen's 64-bit layouts: what a 64-bit kernel passes on, whatever we are. */
struct xpc_machphys_mfn_list {
	__u32 max_extents;
	__u32 pad;
	__u64 extent_start;
	__u32 nr_extents;
	__u32 pad2;
};

struct xpc_gnttab_setup_table {
	__u16 dom;
	__u16 pad;
	__u32 nr_frames;
	__s16 status;
	__u16 pad2[3];
	__u64 frame_list;
};

/* struct xen_memory_reservation */
struct xpc_memory_reservation {
	__u64 extent_start;
	__u64 nr_extents;
	__u32 extent_order;
	__u32 mem_flags;
	__u16 domid;
	__u16 pad[3];
};

#define XPC_XENMEM_machphys_mfn_list	5
#define XPC_GNTTABOP_setup_table	2

/*
 * EXPECT_MAP_ERRNO(): as EXPECT_ERRNO(), for a call that fails with
 * MAP_FAILED (mmap(), mremap(), xpc_map()).
 */
static inline int xpc_map_errno_of(void *ret)
{
	return ret == MAP_FAILED ? errno : 0;
}

#define EXPECT_MAP_ERRNO(_errno, _call) \
	EXPECT_EQ(_errno, (errno = 0, xpc_map_errno_of(_call)))

static inline long xpc_param(const char *name)
{
	char path[128], line[64];

	snprintf(path, sizeof(path), XPC_PARAM("%s"), name);
	if (xpc_read_line(path, line, sizeof(line)))
		return -1;
	return atol(line);
}

static inline int xpc_set_param(const char *name, long val)
{
	char path[128];
	FILE *f;
	int ret;

	snprintf(path, sizeof(path), XPC_PARAM("%s"), name);
	f = fopen(path, "w");
	if (!f)
		return -1;
	ret = fprintf(f, "%ld\n", val) > 0 ? 0 : -1;
	if (fclose(f))
		ret = -1;
	return ret;
}

/*
 * Runs @fn(@arg) in a child; returns the signal that killed it, 0 if it
 * exited normally with status 0, -1 otherwise.
 */
static inline int xpc_in_child(void (*fn)(void *), void *arg)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (!pid) {
		fn(arg);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	if (WIFSIGNALED(status))
		return WTERMSIG(status);
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1;
}

static inline void xpc_touch_read(void *p)
{
	volatile char c = *(volatile char *)p;

	(void)c;
}

/* The signal reading @p raises in a child, 0 for none. */
static inline int xpc_read_signal_in_child(void *p)
{
	return xpc_in_child(xpc_touch_read, p);
}

static sigjmp_buf xpc_jmp;

static inline void xpc_on_signal(int sig)
{
	siglongjmp(xpc_jmp, sig);
}

/* The signal reading @p raises here, 0 for none. */
static inline int xpc_read_signal(void *p)
{
	struct sigaction sa = { .sa_handler = xpc_on_signal }, old_bus, old_segv;
	int sig;

	sigaction(SIGBUS, &sa, &old_bus);
	sigaction(SIGSEGV, &sa, &old_segv);
	sig = sigsetjmp(xpc_jmp, 1);
	if (!sig)
		xpc_touch_read(p);
	sigaction(SIGBUS, &old_bus, NULL);
	sigaction(SIGSEGV, &old_segv, NULL);
	return sig;
}

/*
 * Whether the page at @p holds one byte value throughout, as a frame Xen
 * backs with nothing reads (all ones on x86) or a scrubbed page does: never
 * a page of the kernel's.  @p must be readable.
 */
static inline bool xpc_page_uniform(const void *p)
{
	const volatile unsigned char *b = p;
	unsigned char first = b[0];
	long i;

	for (i = 1; i < XPC_PAGE; i++)
		if (b[i] != first)
			return false;
	return true;
}

/* Our pseudo-physical frame behind @p, from /proc/self/pagemap (root only). */
static inline __u64 xpc_pfn_of(const void *p)
{
	__u64 entry = 0;
	int fd = open("/proc/self/pagemap", O_RDONLY);

	if (fd < 0)
		return 0;
	if (pread(fd, &entry, sizeof(entry),
		  (off_t)((uintptr_t)p / XPC_PAGE) * sizeof(entry)) != sizeof(entry))
		entry = 0;
	close(fd);
	if (!(entry & (1ULL << 63)))
		return 0;
	return entry & ((1ULL << 55) - 1);
}

static inline long xpc_batch_v2(int fd, __u16 dom, void *addr,
				const unsigned long *arr, int *err,
				unsigned int num)
{
	struct privcmd_mmapbatch_v2 m = {
		.num = num, .dom = dom, .addr = xpc_ptr(addr),
		.arr = arr, .err = err,
	};

	return ioctl(fd, IOCTL_PRIVCMD_MMAPBATCH_V2, &m);
}

/* Xen's resource type for a domain's grant table (XENMEM_resource_*). */
#define XPC_RESOURCE_GRANT_TABLE 1

static inline long xpc_batch_v1(int fd, __u16 dom, void *addr, unsigned long *arr,
				int num)
{
	struct privcmd_mmapbatch m = {
		.num = num, .dom = dom, .addr = xpc_ptr(addr), .arr = arr,
	};

	return ioctl(fd, IOCTL_PRIVCMD_MMAPBATCH, &m);
}

/* MMAP_RESOURCE, id 0 (a grant table's shared frames); Xen's count in *@num_out. */
static inline long xpc_map_resource(int fd, __u16 dom, __u32 type, __u32 idx,
				    __u64 num, void *addr, __u64 *num_out)
{
	struct privcmd_mmap_resource r = {
		.dom = dom, .type = type, .idx = idx, .num = num,
		.addr = xpc_ptr(addr),
	};
	long ret = ioctl(fd, IOCTL_PRIVCMD_MMAP_RESOURCE, &r);

	if (num_out)
		*num_out = r.num;
	return ret;
}

/* The ioctls that map a domain's frames; MAP_RESOURCE_SIZE only asks. */
enum xpc_map_kind {
	XPC_MAP_MMAP, XPC_MAP_BATCH_V1, XPC_MAP_BATCH_V2, XPC_MAP_RESOURCE,
	XPC_MAP_RESOURCE_SIZE,
};

/*
 * Maps @dom's @frame at @q with the ioctl @kind (a grant table frame for
 * the resource ones): the ioctl's result.
 */
static inline long xpc_map_ioctl(int fd, enum xpc_map_kind kind, __u16 dom, void *q,
				 unsigned long frame)
{
	struct privcmd_mmap_entry e = { .va = xpc_ptr(q), .mfn = frame, .npages = 1 };
	struct privcmd_mmap m = { .num = 1, .dom = dom, .entry = &e };
	unsigned long arr = frame;
	__u64 num;
	int err;

	switch (kind) {
	case XPC_MAP_MMAP:
		return ioctl(fd, IOCTL_PRIVCMD_MMAP, &m);
	case XPC_MAP_BATCH_V1:
		return xpc_batch_v1(fd, dom, q, &arr, 1);
	case XPC_MAP_BATCH_V2:
		return xpc_batch_v2(fd, dom, q, &arr, &err, 1);
	case XPC_MAP_RESOURCE:
		return xpc_map_resource(fd, dom, XPC_RESOURCE_GRANT_TABLE, 0, 1, q, NULL);
	case XPC_MAP_RESOURCE_SIZE:
		return xpc_map_resource(fd, dom, XPC_RESOURCE_GRANT_TABLE, 0, 0, NULL, &num);
	}
	return 0;
}

/* A shared mapping of the device, MAP_FAILED on error. */
static inline void *xpc_map(int fd, unsigned long pages, int prot)
{
	return mmap(NULL, pages * XPC_PAGE, prot, MAP_SHARED, fd, 0);
}

/* Fills @p with the distinctive bytes of @seed. */
static inline void xpc_fill_pattern(unsigned char *p, unsigned int seed)
{
	unsigned long i;

	for (i = 0; i < XPC_PAGE; i++)
		p[i] = (unsigned char)(i * 31 + seed * 7 + (i >> 8));
}

/* A page-aligned page of distinctive bytes. */
static inline void *xpc_pattern_page(unsigned int seed)
{
	unsigned char *p = mmap(NULL, XPC_PAGE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	xpc_fill_pattern(p, seed);
	/* Keep it where it is: its frame is what the tests look at. */
	mlock(p, XPC_PAGE);
	return p;
}

/*
 * A second domain, created with raw domctls and never started: it only
 * needs memory and a grant table to be mapped.  The test VM runs dom0
 * alone.  In a PV dom0 its frames are machine frames, in an auto-translated
 * one (dom0 on Arm) its guest frames.
 */
#define XPC_DOM_PAGES		4
#define XPC_DOM_GRANT_FRAMES	2
#ifdef __aarch64__
/* Where Xen on Arm puts a guest's RAM: GUEST_RAM0_BASE. */
#define XPC_DOM_FIRST_GFN	0x40000UL
#else
#define XPC_DOM_FIRST_GFN	0UL
#endif

struct xpc_domain {
	domid_t dom;
	unsigned long frames[XPC_DOM_PAGES];	/* to map them by */
};

static inline long xpc_domctl(int fd, struct xen_domctl *d)
{
	d->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
	return xpc_hypercall(fd, __HYPERVISOR_domctl, xpc_ptr(d), 0, 0, 0, 0);
}

static inline long xpc_domain_destroy(int fd, domid_t dom)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_destroydomain, .domain = dom };

	return xpc_domctl(fd, &d);
}

/* An empty domain, its id in @dom; 0 or -1 with errno. */
static inline long xpc_domain_new(int fd, domid_t *dom)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_createdomain };
	struct xen_domctl_createdomain *c = &d.u.createdomain;
	long ret;

	c->max_vcpus = 1;
	c->max_evtchn_port = 1023;
	c->max_grant_frames = XPC_DOM_GRANT_FRAMES;
	c->max_maptrack_frames = 0;
	c->grant_opts = XEN_DOMCTL_GRANT_version(1);
#ifdef __aarch64__
	/* Every Arm guest is "HVM with HAP" to Xen. */
	c->flags = XEN_DOMCTL_CDF_hvm | XEN_DOMCTL_CDF_hap;
	c->arch.gic_version = XEN_DOMCTL_CONFIG_GIC_NATIVE;
#endif
	ret = xpc_domctl(fd, &d);
	*dom = d.domain;
	return ret;
}

/* XPC_DOM_PAGES of memory for @dom, the frames into @frames; 0 or -1. */
static inline long xpc_domain_memory(int fd, domid_t dom, unsigned long *frames)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_max_mem, .domain = dom };
	struct xpc_memory_reservation r = {
		.nr_extents = XPC_DOM_PAGES, .domid = dom,
	};
	__u64 list[XPC_DOM_PAGES];
	long ret;
	int i;

#ifdef __aarch64__
	/* Xen on Arm takes the domain's page tables from this pool (XSA-409). */
	d.cmd = XEN_DOMCTL_set_paging_mempool_size;
	d.u.paging_mempool.size = 1 << 20;
	if (xpc_domctl(fd, &d))
		return -1;
	d.cmd = XEN_DOMCTL_max_mem;
#endif
	d.u.max_mem.max_memkb = 1024;
	if (xpc_domctl(fd, &d))
		return -1;
	for (i = 0; i < XPC_DOM_PAGES; i++)
		list[i] = XPC_DOM_FIRST_GFN + i;
	r.extent_start = xpc_ptr(list);
	ret = xpc_hypercall(fd, __HYPERVISOR_memory_op, XENMEM_populate_physmap,
			    xpc_ptr(&r), 0, 0, 0);
	if (ret != XPC_DOM_PAGES) {
		if (ret >= 0)
			errno = ENOMEM;
		return -1;
	}
	/* A PV domain's frames are known by the machine frames Xen wrote back. */
	for (i = 0; i < XPC_DOM_PAGES; i++)
		frames[i] = list[i];
	return 0;
}

/*
 * A domain with memory: 0, or -1 with errno and no domain left behind.
 * Destroy it with xpc_domain_destroy().
 */
static inline long xpc_domain_create(int fd, struct xpc_domain *d)
{
	int err;

	if (xpc_domain_new(fd, &d->dom))
		return -1;
	if (!xpc_domain_memory(fd, d->dom, d->frames))
		return 0;
	err = errno;
	xpc_domain_destroy(fd, d->dom);
	errno = err;
	return -1;
}

/*
 * Writes pattern @seed + i into the domain's frame i through a mapping of
 * @fd, so that later mappings can be checked byte for byte; 0 or -1.
 */
static inline long xpc_domain_fill(int fd, const struct xpc_domain *d,
				   unsigned int seed)
{
	unsigned char *q = xpc_map(fd, XPC_DOM_PAGES, PROT_READ | PROT_WRITE);
	int err[XPC_DOM_PAGES], i;
	long ret;

	if (q == MAP_FAILED)
		return -1;
	ret = xpc_batch_v2(fd, d->dom, q, d->frames, err, XPC_DOM_PAGES);
	for (i = 0; !ret && i < XPC_DOM_PAGES; i++) {
		if (err[i]) {
			errno = -err[i];
			ret = -1;
		} else {
			xpc_fill_pattern(q + i * XPC_PAGE, seed + i);
		}
	}
	munmap(q, XPC_DOM_PAGES * XPC_PAGE);
	return ret;
}

/* Whether this is dom0, whose own domain id is 0. */
static inline bool xpc_is_dom0(void)
{
	char line[128];

	if (!xpc_read_line("/proc/xen/capabilities", line, sizeof(line)))
		return strstr(line, "control_d") != NULL;
	/* Without xenfs: dom0's handle is all zeros. */
	return !xpc_read_line("/sys/hypervisor/uuid", line, sizeof(line)) &&
	       !strcmp(line, "00000000-0000-0000-0000-000000000000");
}

/*
 * Event channels as user space binds them, through the evtchn device
 * (xen-evtchn): the module refuses the raw calls on the caller's own ports.
 */
#define XPC_EVTCHN_DEV	"/dev/xen/evtchn"

/* The evtchn device, or -1 with errno (ENOENT: xen-evtchn not loaded). */
static inline int xpc_evtchn_open(void)
{
	return open(XPC_EVTCHN_DEV, O_RDWR | O_CLOEXEC);
}

/* Xen's view of our @port: 0, or -1 with errno. */
static inline long xpc_evtchn_status(int fd, __u32 port, struct evtchn_status *st)
{
	memset(st, 0, sizeof(*st));
	st->dom = DOMID_SELF;
	st->port = port;
	return xpc_hypercall(fd, __HYPERVISOR_event_channel_op, EVTCHNOP_status,
			     xpc_ptr(st), 0, 0, 0);
}

/*
 * A port of ours, bound by the evtchn device @efd, connected to a fresh port
 * of @dom that @fd allocates there (as a toolstack does for its guest):
 * 0, or -1 with errno.  The port goes with IOCTL_EVTCHN_UNBIND or @efd.
 */
static inline long xpc_evtchn_interdomain(int fd, int efd, domid_t dom, __u32 *port)
{
	struct evtchn_alloc_unbound a = { .dom = dom, .remote_dom = DOMID_SELF };
	struct ioctl_evtchn_bind_interdomain b = { .remote_domain = dom };
	int ret;

	if (xpc_hypercall(fd, __HYPERVISOR_event_channel_op, EVTCHNOP_alloc_unbound,
			  xpc_ptr(&a), 0, 0, 0))
		return -1;
	b.remote_port = a.port;
	ret = ioctl(efd, IOCTL_EVTCHN_BIND_INTERDOMAIN, &b);
	if (ret < 0)
		return -1;
	*port = ret;
	return 0;
}

/* A port of ours that waits for @dom, bound by the evtchn device @efd. */
static inline long xpc_evtchn_unbound(int efd, domid_t dom, __u32 *port)
{
	struct ioctl_evtchn_bind_unbound_port b = { .remote_domain = dom };
	int ret = ioctl(efd, IOCTL_EVTCHN_BIND_UNBOUND_PORT, &b);

	if (ret < 0)
		return -1;
	*port = ret;
	return 0;
}

static inline long xpc_evtchn_unbind(int efd, __u32 port)
{
	struct ioctl_evtchn_unbind u = { .port = port };

	return ioctl(efd, IOCTL_EVTCHN_UNBIND, &u);
}

#endif /* XPRIVCMD_MAP_UTILS_H */
