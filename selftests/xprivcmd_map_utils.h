/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers for the mapping selftests: the module's parameters, child
 * processes that touch memory, and finding the machine frame behind one of
 * our own pages in a PV guest, so that mapping it through the device can be
 * checked byte for byte.
 */
#ifndef XPRIVCMD_MAP_UTILS_H
#define XPRIVCMD_MAP_UTILS_H

#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "xprivcmd_utils.h"

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

#define XPC_XENMEM_machphys_mfn_list	5
#define XPC_GNTTABOP_setup_table	2

static inline long xpc_param(const char *name)
{
	char path[128], line[64];

	snprintf(path, sizeof(path), "/sys/module/xprivcmd/parameters/%s", name);
	if (xpc_read_line(path, line, sizeof(line)))
		return -1;
	return atol(line);
}

static inline int xpc_set_param(const char *name, long val)
{
	char path[128];
	FILE *f;
	int ret;

	snprintf(path, sizeof(path), "/sys/module/xprivcmd/parameters/%s", name);
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

/* A shared mapping of the device, MAP_FAILED on error. */
static inline void *xpc_map(int fd, unsigned long pages, int prot)
{
	return mmap(NULL, pages * XPC_PAGE, prot, MAP_SHARED, fd, 0);
}

/*
 * The machine frame behind our page @p in a PV guest, found through Xen's
 * machine-to-physical table (mapped read-only from DOMID_XEN through @fd)
 * and confirmed by mapping the candidate and comparing it with @p, which
 * must hold distinctive bytes.  0 if it cannot be found.
 */
static inline unsigned long xpc_mfn_of(int fd, const void *p)
{
	struct xpc_machphys_mfn_list l = { .max_extents = 64 };
	__u64 extents[64], pfn = xpc_pfn_of(p);
	unsigned long *arr, found = 0, n, i, j;
	const __u64 *m2p;
	int *err;

	if (!pfn)
		return 0;
	l.extent_start = xpc_ptr(extents);
	if (xpc_hypercall(fd, __HYPERVISOR_memory_op,
			  XPC_XENMEM_machphys_mfn_list, xpc_ptr(&l), 0, 0, 0) ||
	    !l.nr_extents)
		return 0;
	/* Each extent is 2MB of the table, contiguous machine frames. */
	n = l.nr_extents * 512UL;
	arr = calloc(n, sizeof(*arr));
	err = calloc(n, sizeof(*err));
	m2p = xpc_map(fd, n, PROT_READ);
	if (!arr || !err || m2p == MAP_FAILED)
		goto out;
	for (i = 0; i < l.nr_extents; i++)
		for (j = 0; j < 512; j++)
			arr[i * 512 + j] = extents[i] ? extents[i] + j : 0;
	if (xpc_batch_v2(fd, XPC_DOMID_XEN, (void *)m2p, arr, err, n) < 0)
		goto out;

	for (i = 0; i < n && !found; i++) {
		const unsigned long per_page = XPC_PAGE / sizeof(*m2p);

		/* Holes in the table stay unmapped: skip them. */
		if (err[i])
			continue;
		for (j = 0; j < per_page && !found; j++) {
			unsigned long mfn = i * per_page + j;
			void *q;
			int e;

			if (m2p[mfn] != pfn)
				continue;
			q = xpc_map(fd, 1, PROT_READ);
			if (q == MAP_FAILED)
				continue;
			if (!xpc_batch_v2(fd, XPC_DOMID_SELF, q, &mfn, &e, 1) && !e &&
			    !memcmp(q, p, XPC_PAGE))
				found = mfn;
			munmap(q, XPC_PAGE);
		}
	}
out:
	if (m2p != MAP_FAILED)
		munmap((void *)m2p, n * XPC_PAGE);
	free(arr);
	free(err);
	return found;
}

/* A page-aligned page of distinctive bytes. */
static inline void *xpc_pattern_page(unsigned int seed)
{
	unsigned char *p = mmap(NULL, XPC_PAGE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	unsigned long i;

	if (p == MAP_FAILED)
		return NULL;
	for (i = 0; i < XPC_PAGE; i++)
		p[i] = (unsigned char)(i * 31 + seed * 7 + (i >> 8));
	/* Keep it where it is: its frame is what the tests map. */
	mlock(p, XPC_PAGE);
	return p;
}

#endif /* XPRIVCMD_MAP_UTILS_H */
