// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hypercall buffer device: shared mappings of zeroed kernel pages that
 * Xen can use as hypercall buffers.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "xprivcmd_map_utils.h"
#include "kselftest_harness.h"

static const char *buf_device(void)
{
	const char *dev = getenv("XPRIVCMD_BUF_DEVICE");

	return dev ? dev : "/dev/xen/hypercall";
}

FIXTURE(buf) {
	int fd;
	int privcmd;
};

FIXTURE_SETUP(buf)
{
	self->fd = open(buf_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", buf_device(), strerror(errno));
	self->privcmd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->privcmd);
}

FIXTURE_TEARDOWN(buf)
{
	close(self->privcmd);
	close(self->fd);
}

TEST_F(buf, private_mapping_einval)
{
	EXPECT_MAP_ERRNO(EINVAL, mmap(NULL, XPC_PAGE, PROT_READ | PROT_WRITE,
				      MAP_PRIVATE, self->fd, 0));
}

TEST_F(buf, pages_are_zeroed)
{
	unsigned char *p = xpc_map(self->fd, 4, PROT_READ | PROT_WRITE);
	unsigned long i;

	ASSERT_TRUE((p) != MAP_FAILED);
	for (i = 0; i < 4 * XPC_PAGE; i++)
		if (p[i])
			break;
	EXPECT_EQ(4 * XPC_PAGE, i);
	memset(p, 0xa5, 4 * XPC_PAGE);
	munmap(p, 4 * XPC_PAGE);

	/* Freed pages come back zeroed, whoever had them. */
	p = xpc_map(self->fd, 4, PROT_READ | PROT_WRITE);
	ASSERT_TRUE((p) != MAP_FAILED);
	for (i = 0; i < 4 * XPC_PAGE; i++)
		if (p[i])
			break;
	EXPECT_EQ(4 * XPC_PAGE, i);
	munmap(p, 4 * XPC_PAGE);
}

/* Xen writes into a page nobody touched: it is present from mmap() on. */
TEST_F(buf, usable_untouched_as_hypercall_buffer)
{
	char *p = xpc_map(self->fd, 1, PROT_READ | PROT_WRITE);
	char want[64];

	ASSERT_TRUE((p) != MAP_FAILED);
	ASSERT_EQ(0, xpc_hypercall(self->privcmd, __HYPERVISOR_xen_version,
				   XENVER_extraversion, xpc_ptr(p), 0, 0, 0));
	ASSERT_EQ(0, xpc_read_line("/sys/hypervisor/version/extra", want, sizeof(want)));
	EXPECT_STREQ(want, p);
	munmap(p, XPC_PAGE);
}

static void child_writes(void *arg)
{
	strcpy(arg, "from the child");
}

/* fork() shares the pages, never copies them. */
TEST_F(buf, shared_with_child_after_fork)
{
	char *p = xpc_map(self->fd, 1, PROT_READ | PROT_WRITE);

	ASSERT_TRUE((p) != MAP_FAILED);
	strcpy(p, "from the parent");
	EXPECT_EQ(0, xpc_in_child(child_writes, p));
	EXPECT_STREQ("from the child", p);
	munmap(p, XPC_PAGE);
}

TEST_F(buf, page_stays_put)
{
	char *p = xpc_map(self->fd, 1, PROT_READ | PROT_WRITE);
	__u64 pfn;

	ASSERT_TRUE((p) != MAP_FAILED);
	pfn = xpc_pfn_of(p);
	ASSERT_NE(0, pfn);
	EXPECT_EQ(0, xpc_in_child(child_writes, p));
	EXPECT_EQ(pfn, xpc_pfn_of(p));
	munmap(p, XPC_PAGE);
}

TEST_F(buf, outlives_close)
{
	char *p = xpc_map(self->fd, 2, PROT_READ | PROT_WRITE);
	int fd2;

	ASSERT_TRUE((p) != MAP_FAILED);
	strcpy(p + XPC_PAGE, "still here");
	fd2 = dup(self->fd);
	ASSERT_LE(0, fd2);
	close(fd2);
	EXPECT_STREQ("still here", p + XPC_PAGE);
	/* Part of it can go, the rest stays. */
	ASSERT_EQ(0, munmap(p, XPC_PAGE));
	EXPECT_STREQ("still here", p + XPC_PAGE);
	munmap(p + XPC_PAGE, XPC_PAGE);
}

TEST_F(buf, limit_per_fd_enomem)
{
	long max = xpc_param("hypercall_buf_max_pages");
	void *p, *q;

	ASSERT_LT(1, max);
	EXPECT_MAP_ERRNO(ENOMEM, xpc_map(self->fd, max + 1, PROT_READ));
	p = xpc_map(self->fd, max, PROT_READ);
	ASSERT_TRUE((p) != MAP_FAILED);
	EXPECT_MAP_ERRNO(ENOMEM, xpc_map(self->fd, 1, PROT_READ));
	munmap(p, max * XPC_PAGE);
	q = xpc_map(self->fd, 1, PROT_READ);
	EXPECT_TRUE((q) != MAP_FAILED);
	munmap(q, XPC_PAGE);
}

/*
 * What xenconsoled does since Xen 4.18 to find the guests whose consoles it
 * serves: every domain at once, DOMID_FIRST_RESERVED - 1 entries through
 * one hypercall buffer (tools/console/daemon/io.c, enum_domains).  Xen
 * writes dom0's entry first.
 */
TEST_F(buf, every_domain_listed_through_one_buffer)
{
	const unsigned long n = DOMID_FIRST_RESERVED - 1;
	const unsigned long pages = (n * sizeof(struct xen_domctl_getdomaininfo) +
				     XPC_PAGE - 1) / XPC_PAGE;
	struct xen_domctl_getdomaininfo *info;
	struct xen_sysctl sc;
	long ret;

	info = xpc_map(self->fd, pages, PROT_READ | PROT_WRITE);
	ASSERT_TRUE(info != MAP_FAILED) TH_LOG("%lu pages: %s", pages, strerror(errno));
	xpc_init_sysctl(&sc, XEN_SYSCTL_getdomaininfolist);
	sc.u.getdomaininfolist.first_domain = 0;
	sc.u.getdomaininfolist.max_domains = n;
	set_xen_guest_handle(sc.u.getdomaininfolist.buffer, info);
	ret = xpc_hypercall(self->privcmd, __HYPERVISOR_sysctl, xpc_ptr(&sc), 0, 0, 0, 0);
	ASSERT_EQ(0, ret) TH_LOG("getdomaininfolist: %s", strerror(errno));
	EXPECT_LE(1, sc.u.getdomaininfolist.num_domains);
	EXPECT_EQ(0, info[0].domain);
	munmap(info, pages * XPC_PAGE);
}

/* Whether /proc/cpuinfo lists @flag for the first CPU. */
static bool cpu_has_flag(const char *flag)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	char line[4096], *p = NULL;
	bool found = false;

	if (!f)
		return false;
	while (!p && fgets(line, sizeof(line), f))
		if (!strncmp(line, "flags", 5))
			p = strtok(line, " \t\n");
	for (; p && !found; p = strtok(NULL, " \t\n"))
		found = !strcmp(p, flag);
	fclose(f);
	return found;
}

/* The mapping the racer of replaced_while_calls_use_it replaces. */
struct buf_swap {
	int fd;
	_Atomic(unsigned long) cur;
	atomic_bool stop;
	unsigned long swaps;
};

static void *buf_swapper(void *arg)
{
	struct buf_swap *s = arg;
	void *p;

	while (!atomic_load(&s->stop)) {
		p = (void *)atomic_exchange(&s->cur, 0);
		if (p)
			munmap(p, XPC_PAGE);
		p = xpc_map(s->fd, 1, PROT_READ | PROT_WRITE);
		if (p != MAP_FAILED)
			atomic_store(&s->cur, (unsigned long)p);
		/* 0-0.5 ms with the buffer there, or the calls rarely see it. */
		usleep(s->swaps++ % 500);
	}
	return NULL;
}

/*
 * A buffer unmapped, its pages freed and the address mapped again while
 * calls hand Xen addresses in it, for five seconds: each call wrote into a
 * page the caller still had or failed with EFAULT, and the kernel goes on
 * (the race boot's console judge).  The fuzzer's racer does this among
 * its other operations; here it is alone, and every call names the buffer.
 */
TEST_F(buf, replaced_while_calls_use_it)
{
	struct buf_swap s = { .fd = self->fd };
	unsigned long calls = 0, faults = 0, i, v;
	struct xen_sysctl sc;
	pthread_t racer;
	time_t end;
	long ret;

	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		SKIP(return, "one CPU: the racer would not race");
	if (xpc_auto_translated(self->privcmd) && !cpu_has_flag("nonstop_tsc"))
		SKIP(return, "PVH without an invariant TSC: Xen's emulated rdtsc and this race "
			     "triple fault dom0 without xprivcmd (README, testing/vm/remap-race.sh)");
	ASSERT_EQ(0, pthread_create(&racer, NULL, buf_swapper, &s));
	end = time(NULL) + 5;
	for (i = 0; time(NULL) < end; i++) {
		v = atomic_load(&s.cur);
		if (!v)
			continue;
		/* Each kind of call in turn, at offsets that move through the page. */
		switch (i % 3) {
		case 0:
			ret = xpc_hypercall(self->privcmd, __HYPERVISOR_xen_version,
					    XENVER_extraversion, v + (i / 3 % 256) * 16, 0, 0, 0);
			break;
		case 1:
			ret = xpc_hypercall(self->privcmd, __HYPERVISOR_xen_version,
					    XENVER_commandline, v + (i / 3 % 4) * 1024, 0, 0, 0);
			break;
		default:
			xpc_init_sysctl(&sc, XEN_SYSCTL_getdomaininfolist);
			sc.u.getdomaininfolist.max_domains = 4;
			set_xen_guest_handle(sc.u.getdomaininfolist.buffer, (void *)v);
			ret = xpc_hypercall(self->privcmd, __HYPERVISOR_sysctl,
					    xpc_ptr(&sc), 0, 0, 0, 0);
		}
		calls++;
		if (ret < 0) {
			ASSERT_EQ(EFAULT, errno) TH_LOG("call %lu", i);
			faults++;
		}
	}
	atomic_store(&s.stop, true);
	pthread_join(racer, NULL);
	v = atomic_load(&s.cur);
	if (v)
		munmap((void *)v, XPC_PAGE);
	TH_LOG("%lu calls, %lu EFAULT, %lu mappings replaced", calls, faults, s.swaps);
	EXPECT_LT(0, calls - faults);
}

TEST_F(buf, no_growth_by_mremap)
{
	void *p = xpc_map(self->fd, 1, PROT_READ);

	ASSERT_TRUE((p) != MAP_FAILED);
	EXPECT_MAP_ERRNO(EFAULT, mremap(p, XPC_PAGE, 2 * XPC_PAGE, MREMAP_MAYMOVE));
	munmap(p, XPC_PAGE);
}

TEST(buf_node_is_root_only)
{
	struct stat st;

	ASSERT_EQ(0, stat(buf_device(), &st));
	EXPECT_EQ(0600, st.st_mode & 0777);
}

TEST_HARNESS_MAIN
