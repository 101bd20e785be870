// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hypercall ioctl cost: xprivcmd against the in-tree privcmd, loaded side
 * by side in the same boot.  Configurations are interleaved round by round
 * so that drift in the (emulated) machine hits all of them alike; the
 * median round is reported, in TSC cycles per call and as a ratio to the
 * in-tree driver.  A benchmark, not a test: it prints figures and fails
 * only when a call fails.
 *
 * Usage: bench_hypercall INTREE_DEV XPRIVCMD_DEV [ROUNDS [CALLS]]
 * Between configurations it flips xprivcmd's latency_stats parameter and
 * its tracepoints through sysfs and tracefs.
 */
#define __XEN_TOOLS__ 1

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <x86intrin.h>

#include <xen/xen.h>
#include <xen/version.h>
#include <xen/sysctl.h>

#include <xen/xprivcmd.h>

#define LATENCY_PARAM	"/sys/module/xprivcmd/parameters/latency_stats"
#define TRACE_ENABLE	"/sys/kernel/tracing/events/xprivcmd/enable"

enum { INTREE, PLAIN, LATENCY, TRACING, NR_CONFIGS };

static const char * const config_names[NR_CONFIGS] = {
	"in-tree privcmd",
	"xprivcmd",
	"xprivcmd + latency_stats",
	"xprivcmd + tracepoints",
};

struct workload {
	const char *name;
	struct privcmd_hypercall h;
};

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

static double cycles_per_call(int fd, struct privcmd_hypercall *h, int calls)
{
	uint64_t start = __rdtsc();
	int i;

	for (i = 0; i < calls; i++) {
		if (ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, h) < 0) {
			perror("hypercall");
			exit(1);
		}
	}
	return (double)(__rdtsc() - start) / calls;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	static xen_extraversion_t extra;
	static struct xen_sysctl sc;
	struct workload loads[] = {
		{ "xen_version (no buffer)",
		  { __HYPERVISOR_xen_version, { XENVER_version } } },
		{ "xen_version extraversion (buffer checked)",
		  { __HYPERVISOR_xen_version,
		    { XENVER_extraversion, (__u64)(uintptr_t)extra } } },
		{ "sysctl physinfo (kernel copy)",
		  { __HYPERVISOR_sysctl, { (__u64)(uintptr_t)&sc } } },
	};
	int rounds = argc > 3 ? atoi(argv[3]) : 15;
	int calls = argc > 4 ? atoi(argv[4]) : 2000;
	double *samples;
	int fds[2], w, c, r;

	if (argc < 3 || rounds < 1 || calls < 1) {
		fprintf(stderr, "usage: %s INTREE_DEV XPRIVCMD_DEV [ROUNDS [CALLS]]\n",
			argv[0]);
		return 2;
	}
	fds[0] = open(argv[1], O_RDWR);
	fds[1] = open(argv[2], O_RDWR);
	if (fds[0] < 0 || fds[1] < 0) {
		perror("open");
		return 1;
	}
	samples = calloc(rounds * NR_CONFIGS, sizeof(*samples));
	if (!samples)
		return 1;

	printf("%d rounds x %d calls per configuration, interleaved; median cycles/call\n",
	       rounds, calls);
	for (w = 0; w < (int)(sizeof(loads) / sizeof(loads[0])); w++) {
		double median[NR_CONFIGS];

		for (r = 0; r < rounds; r++) {
			for (c = 0; c < NR_CONFIGS; c++) {
				sc.cmd = XEN_SYSCTL_physinfo;
				sc.interface_version = XEN_SYSCTL_INTERFACE_VERSION;
				configure(c);
				samples[c * rounds + r] =
					cycles_per_call(fds[c != INTREE], &loads[w].h, calls);
			}
		}
		configure(PLAIN);
		printf("\n%s\n", loads[w].name);
		for (c = 0; c < NR_CONFIGS; c++) {
			qsort(&samples[c * rounds], rounds, sizeof(double), cmp_double);
			median[c] = samples[c * rounds + rounds / 2];
			printf("  %-28s %10.0f cycles/call  ratio %.2f\n", config_names[c],
			       median[c], median[c] / median[INTREE]);
		}
	}
	free(samples);
	return 0;
}
