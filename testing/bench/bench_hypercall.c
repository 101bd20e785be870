// SPDX-License-Identifier: GPL-2.0-only
/*
 * xprivcmd against the in-tree privcmd, loaded side by side in the same
 * boot.  Configurations are interleaved round by round so that drift in the
 * (emulated) machine hits all of them alike; each round's figure is taken
 * as a ratio to the in-tree driver's in the same round, and the median of
 * those ratios is reported with their spread (lowest and highest round),
 * and the ratio of the two sides' fastest rounds.
 * A benchmark, not a test: it prints figures and fails only when a call
 * fails.
 *
 * P1: the cost of one IOCTL_PRIVCMD_HYPERCALL (xprivcmd / in-tree; lower
 *     is better), plain, with latency_stats and with tracepoints.
 * P2: the throughput of 64 hypercalls in one multicall against 64 ioctls,
 *     on xprivcmd (higher is better).
 * P3: the throughput of map + touch + unmap of a second domain's frames
 *     (in-tree cost / xprivcmd cost; higher is better).
 *
 * Usage: bench_hypercall INTREE_DEV XPRIVCMD_DEV [ROUNDS [CALLS]]
 * Between configurations it flips xprivcmd's latency_stats parameter and
 * its tracepoints through sysfs and tracefs.
 */
#define __XEN_TOOLS__ 1

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <x86intrin.h>

#include <xen/xen.h>
#include <xen/version.h>
#include <xen/sysctl.h>
#include <xen/domctl.h>
#include <xen/memory.h>

#include <xen/xprivcmd.h>

#define LATENCY_PARAM	"/sys/module/xprivcmd/parameters/latency_stats"
#define TRACE_ENABLE	"/sys/kernel/tracing/events/xprivcmd/enable"

#define PAGE		4096UL
#define MC_ENTRIES	64
/* The second domain's memory, for P3: one 512-page batch maps all of it. */
#define DOM_PAGES	512

enum { INTREE, PLAIN, LATENCY, TRACING, NR_CONFIGS };

static const char * const config_names[NR_CONFIGS] = {
	"in-tree privcmd",
	"xprivcmd",
	"xprivcmd + latency_stats",
	"xprivcmd + tracepoints",
};

static int fds[2];
static int rounds = 61, calls = 500;

static void set_knob(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY);

	if (fd < 0 || write(fd, val, strlen(val)) != (ssize_t)strlen(val)) {
		perror(path);
		exit(1);
	}
	close(fd);
}

static void configure(int config)
{
	set_knob(LATENCY_PARAM, config == LATENCY ? "Y" : "N");
	set_knob(TRACE_ENABLE, config == TRACING ? "1" : "0");
}

static long hypercall(int fd, struct privcmd_hypercall *h)
{
	long ret = ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, h);

	if (ret < 0) {
		fprintf(stderr, "hypercall %llu on fd %d: %s\n",
			(unsigned long long)h->op, fd, strerror(errno));
		exit(1);
	}
	return ret;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double lowest(const double *v, int n)
{
	double m = v[0];
	int i;

	for (i = 1; i < n; i++)
		if (v[i] < m)
			m = v[i];
	return m;
}

/*
 * Median, lowest and highest of @n per-round ratios (sorted in place),
 * then @best: the ratio of the two sides' fastest rounds, the least
 * disturbed by load from elsewhere on the host.
 */
static void print_ratio(const char *what, double *r, int n, double best)
{
	qsort(r, n, sizeof(*r), cmp_double);
	printf("  %-28s ratio %.2f  (rounds %.2f-%.2f; fastest rounds %.2f)\n",
	       what, r[n / 2], r[0], r[n - 1], best);
}

/* ---- P1 ---- */

static xen_extraversion_t extra;
static struct xen_sysctl sc, mc_sc[MC_ENTRIES];
static multicall_entry_t mc[MC_ENTRIES];

static void reset_sysctl(struct xen_sysctl *s)
{
	memset(s, 0, sizeof(*s));
	s->cmd = XEN_SYSCTL_physinfo;
	s->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
}

/* A multicall of @n entries, each a sysctl physinfo (@with_struct) or xen_version. */
static void fill_multicall(struct privcmd_hypercall *h, int n, int with_struct)
{
	int i;

	memset(mc, 0, sizeof(mc));
	for (i = 0; i < n; i++) {
		if (with_struct) {
			reset_sysctl(&mc_sc[i]);
			mc[i].op = __HYPERVISOR_sysctl;
			mc[i].args[0] = (uintptr_t)&mc_sc[i];
		} else {
			mc[i].op = __HYPERVISOR_xen_version;
			mc[i].args[0] = XENVER_version;
		}
	}
	h->op = __HYPERVISOR_multicall;
	h->arg[0] = (uintptr_t)mc;
	h->arg[1] = n;
}

/*
 * After a warm-up: flipping a static key or a tracepoint patches kernel
 * text, which an emulator must translate again.
 */
static double cycles_per_call(int fd, struct privcmd_hypercall *h, int n)
{
	uint64_t start;
	int i;

	for (i = 0; i < n / 8 + 1; i++)
		hypercall(fd, h);
	start = __rdtsc();
	for (i = 0; i < n; i++)
		hypercall(fd, h);
	return (double)(__rdtsc() - start) / n;
}

static void p1(void)
{
	struct privcmd_hypercall loads[] = {
		{ __HYPERVISOR_xen_version, { XENVER_version } },
		{ __HYPERVISOR_xen_version,
		  { XENVER_extraversion, (__u64)(uintptr_t)extra } },
		{ __HYPERVISOR_sysctl, { (__u64)(uintptr_t)&sc } },
		{ 0 },	/* the multicall, filled in below */
	};
	static const char * const names[] = {
		"xen_version (no buffer)",
		"xen_version extraversion (buffer checked)",
		"sysctl physinfo (structure copied and checked)",
		"multicall of one sysctl physinfo (entry with a structure)",
	};
	double cyc[NR_CONFIGS], *ratio, *raw;
	int w, c, r;

	ratio = calloc(rounds * NR_CONFIGS, sizeof(*ratio));
	raw = calloc(rounds * NR_CONFIGS, sizeof(*raw));
	if (!ratio || !raw)
		exit(1);
	fill_multicall(&loads[3], 1, 1);
	printf("P1: IOCTL_PRIVCMD_HYPERCALL cost, xprivcmd / in-tree (target <= 1.00;\n"
	       "    latency_stats <= 1.05, tracepoints <= 1.10); %d rounds x %d calls\n",
	       rounds, calls);
	for (w = 0; w < (int)(sizeof(loads) / sizeof(loads[0])); w++) {
		for (r = 0; r < rounds; r++) {
			int k;

			/* Each round starts with the next configuration. */
			for (k = 0; k < NR_CONFIGS; k++) {
				c = (r + k) % NR_CONFIGS;
				reset_sysctl(&sc);
				configure(c);
				cyc[c] = cycles_per_call(fds[c != INTREE],
							 &loads[w], calls);
			}
			for (c = PLAIN; c < NR_CONFIGS; c++)
				ratio[c * rounds + r] = cyc[c] / cyc[INTREE];
			ratio[r] = cyc[INTREE];
			for (c = 0; c < NR_CONFIGS; c++)
				raw[c * rounds + r] = cyc[c];
		}
		configure(PLAIN);
		qsort(ratio, rounds, sizeof(*ratio), cmp_double);
		printf("\n%s: in-tree %.0f cycles/call (median)\n", names[w],
		       ratio[rounds / 2]);
		for (c = PLAIN; c < NR_CONFIGS; c++)
			print_ratio(config_names[c], &ratio[c * rounds], rounds,
				    lowest(&raw[c * rounds], rounds) /
				    lowest(raw, rounds));
	}
	free(raw);
	free(ratio);
}

/* ---- P2 ---- */

/* Cycles for 64 hypercalls: one multicall of 64 entries, or 64 ioctls. */
static double cycles_64(int fd, int with_struct, int batched, int reps)
{
	struct privcmd_hypercall mh, one = {
		__HYPERVISOR_xen_version, { XENVER_version },
	};
	uint64_t start;
	int i, j;

	if (with_struct)
		one = (struct privcmd_hypercall){
			__HYPERVISOR_sysctl, { (__u64)(uintptr_t)&sc } };
	fill_multicall(&mh, MC_ENTRIES, with_struct);
	start = __rdtsc();
	for (i = 0; i < reps; i++) {
		if (batched) {
			hypercall(fd, &mh);
			continue;
		}
		for (j = 0; j < MC_ENTRIES; j++)
			hypercall(fd, &one);
	}
	return (double)(__rdtsc() - start) / reps;
}

static void p2(void)
{
	static const char * const names[] = {
		"xen_version (no buffer)", "sysctl physinfo (structure)",
	};
	int reps = calls / MC_ENTRIES > 4 ? calls / MC_ENTRIES : 4;
	double *ratio = calloc(rounds * 2, sizeof(*ratio));
	double *raw = calloc(rounds * 4, sizeof(*raw));
	int w, r, d;

	if (!ratio || !raw)
		exit(1);
	configure(PLAIN);
	printf("\nP2: 64 hypercalls in one multicall, throughput against 64 ioctls\n"
	       "    (target >= 5 on xprivcmd); %d rounds x %d x 64 calls\n",
	       rounds, reps);
	for (w = 0; w < 2; w++) {
		for (r = 0; r < rounds; r++) {
			for (d = 0; d < 2; d++) {
				double single, multi;

				/* Alternate which goes first. */
				if (r % 2) {
					multi = cycles_64(fds[d], w, 1, reps);
					single = cycles_64(fds[d], w, 0, reps);
				} else {
					single = cycles_64(fds[d], w, 0, reps);
					multi = cycles_64(fds[d], w, 1, reps);
				}
				ratio[d * rounds + r] = single / multi;
				raw[(2 * d) * rounds + r] = single;
				raw[(2 * d + 1) * rounds + r] = multi;
			}
		}
		printf("\n%s\n", names[w]);
		for (d = 0; d < 2; d++)
			print_ratio(d ? "xprivcmd" : "in-tree privcmd",
				    &ratio[d * rounds], rounds,
				    lowest(&raw[2 * d * rounds], rounds) /
				    lowest(&raw[(2 * d + 1) * rounds], rounds));
	}
	free(raw);
	free(ratio);
}

/* ---- P3 ---- */

static long domctl(int fd, struct xen_domctl *d)
{
	struct privcmd_hypercall h = {
		__HYPERVISOR_domctl, { (__u64)(uintptr_t)d },
	};

	d->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
	return ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &h);
}

/*
 * A second domain with DOM_PAGES of memory and a grant table, never
 * started, made through the in-tree driver: its frames into @frames.
 */
static int domain_create(domid_t *dom, unsigned long *frames)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_createdomain };
	struct xen_memory_reservation res = { .nr_extents = DOM_PAGES };
	struct privcmd_hypercall h = {
		__HYPERVISOR_memory_op, { XENMEM_populate_physmap,
					  (__u64)(uintptr_t)&res },
	};
	int i;

	d.u.createdomain.max_vcpus = 1;
	d.u.createdomain.max_evtchn_port = 1023;
	d.u.createdomain.max_grant_frames = 2;
	d.u.createdomain.grant_opts = XEN_DOMCTL_GRANT_version(1);
	if (domctl(fds[INTREE], &d) < 0)
		return -1;
	*dom = d.domain;
	d.cmd = XEN_DOMCTL_max_mem;
	d.u.max_mem.max_memkb = DOM_PAGES * 4 + 1024;
	if (domctl(fds[INTREE], &d) < 0)
		return -1;
	for (i = 0; i < DOM_PAGES; i++)
		frames[i] = i;
	set_xen_guest_handle(res.extent_start, frames);
	res.domid = *dom;
	if (ioctl(fds[INTREE], IOCTL_PRIVCMD_HYPERCALL, &h) != DOM_PAGES)
		return -1;
	return 0;
}

static void domain_destroy(domid_t dom)
{
	struct xen_domctl d = { .cmd = XEN_DOMCTL_destroydomain, .domain = dom };
	int i;

	for (i = 0; i < 100 && domctl(fds[INTREE], &d) < 0 && errno == EAGAIN; i++)
		;
}

static volatile unsigned char sink;

/* Map @pages of @dom's frames with one MMAPBATCH_V2, read each, unmap. */
static void map_batch(int fd, domid_t dom, const unsigned long *frames,
		      unsigned int pages)
{
	static int err[DOM_PAGES];
	struct privcmd_mmapbatch_v2 m = {
		.num = pages, .dom = dom, .arr = frames, .err = err,
	};
	unsigned char *p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE,
				MAP_SHARED, fd, 0);
	unsigned int i;

	if (p == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	m.addr = (uintptr_t)p;
	if (ioctl(fd, IOCTL_PRIVCMD_MMAPBATCH_V2, &m) < 0) {
		perror("MMAPBATCH_V2");
		exit(1);
	}
	for (i = 0; i < pages; i++)
		sink = p[i * PAGE];
	munmap(p, pages * PAGE);
}

/* Map the first frame of @dom's grant table with MMAP_RESOURCE, read it, unmap. */
static void map_resource(int fd, domid_t dom)
{
	struct privcmd_mmap_resource r = {
		.dom = dom, .type = XENMEM_resource_grant_table, .num = 1,
	};
	unsigned char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
				MAP_SHARED, fd, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	r.addr = (uintptr_t)p;
	if (ioctl(fd, IOCTL_PRIVCMD_MMAP_RESOURCE, &r) < 0) {
		perror("MMAP_RESOURCE");
		exit(1);
	}
	sink = p[0];
	munmap(p, PAGE);
}

static double cycles_map(int kind, int fd, domid_t dom,
			 const unsigned long *frames, int reps)
{
	uint64_t start = __rdtsc();
	int i;

	for (i = 0; i < reps; i++) {
		if (kind == 0)
			map_batch(fd, dom, frames, DOM_PAGES);
		else if (kind == 1)
			map_batch(fd, dom, frames + i % DOM_PAGES, 1);
		else
			map_resource(fd, dom);
	}
	return (double)(__rdtsc() - start) / reps;
}

static void p3(void)
{
	static const char * const names[] = {
		"MMAPBATCH_V2, 512 pages", "MMAPBATCH_V2, 1 page",
		"MMAP_RESOURCE, 1 grant table frame",
	};
	static unsigned long frames[DOM_PAGES];
	double *ratio = calloc(rounds, sizeof(*ratio));
	double *raw = calloc(rounds * 2, sizeof(*raw));
	int reps[] = { calls / 250 > 2 ? calls / 250 : 2, calls / 5 + 1,
		       calls / 5 + 1 };
	domid_t dom;
	int k, r;

	if (!ratio || !raw)
		exit(1);
	configure(PLAIN);
	printf("\nP3: map + touch + unmap throughput, in-tree cost / xprivcmd cost\n"
	       "    (target >= 1.00); %d rounds\n", rounds);
	if (domain_create(&dom, frames)) {
		printf("  skipped: cannot create a domain to map (%s)\n",
		       strerror(errno));
		return;
	}
	for (k = 0; k < 3; k++) {
		for (r = 0; r < rounds; r++) {
			double in, x;

			/* Alternate which goes first. */
			if (r % 2) {
				x = cycles_map(k, fds[PLAIN], dom, frames, reps[k]);
				in = cycles_map(k, fds[INTREE], dom, frames, reps[k]);
			} else {
				in = cycles_map(k, fds[INTREE], dom, frames, reps[k]);
				x = cycles_map(k, fds[PLAIN], dom, frames, reps[k]);
			}
			ratio[r] = in / x;
			raw[r] = in;
			raw[rounds + r] = x;
		}
		printf("\n%s (%d per round)\n", names[k], reps[k]);
		print_ratio("xprivcmd", ratio, rounds,
			    lowest(raw, rounds) / lowest(&raw[rounds], rounds));
	}
	domain_destroy(dom);
	free(raw);
	free(ratio);
}

int main(int argc, char **argv)
{
	const char *only = getenv("XPC_BENCH");

	if (argc > 3)
		rounds = atoi(argv[3]);
	if (argc > 4)
		calls = atoi(argv[4]);
	if (argc < 3 || rounds < 1 || calls < 1) {
		fprintf(stderr, "usage: %s INTREE_DEV XPRIVCMD_DEV [ROUNDS [CALLS]]\n",
			argv[0]);
		return 2;
	}
	fds[INTREE] = open(argv[1], O_RDWR);
	fds[PLAIN] = open(argv[2], O_RDWR);
	if (fds[INTREE] < 0 || fds[PLAIN] < 0) {
		perror("open");
		return 1;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!only || strchr(only, '1'))
		p1();
	if (!only || strchr(only, '2'))
		p2();
	if (!only || strchr(only, '3'))
		p3();
	return 0;
}
