// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mapping another domain's memory, the privcmd use every toolstack and
 * device model is built on.  The test VM runs dom0 alone, so each test
 * creates a small domain with raw domctls (never started: it only needs
 * memory and a grant table), gives it pages and maps them through the
 * device.  The same tests run in a PV dom0, where the frames are machine
 * frames, and in an auto-translated one (dom0 on Arm), where they are the
 * domain's guest frames.
 */
#include "xprivcmd_map_utils.h"	/* first: it asks for Xen's tools' headers */
#include "kselftest_harness.h"

#define NR_PAGES	XPC_DOM_PAGES
#define GRANT_FRAMES	XPC_DOM_GRANT_FRAMES
#define FIRST_GFN	XPC_DOM_FIRST_GFN

FIXTURE(domain) {
	int fd;
	domid_t dom;
	bool created;
	unsigned long frames[NR_PAGES];
};

FIXTURE_SETUP(domain)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
	ASSERT_EQ(0, xpc_domain_new(self->fd, &self->dom))
		TH_LOG("createdomain: %s", strerror(errno));
	self->created = true;
	ASSERT_EQ(0, xpc_domain_memory(self->fd, self->dom, self->frames))
		TH_LOG("memory for domain %u: %s", self->dom, strerror(errno));
}

FIXTURE_TEARDOWN(domain)
{
	if (self->created)
		EXPECT_EQ(0, xpc_domain_destroy(self->fd, self->dom))
			TH_LOG("destroy: %s", strerror(errno));
	close(self->fd);
}

/*
 * What one mapping writes, another (by the older ioctl) reads: both reach
 * the domain's own memory.
 */
TEST_F(domain, v2_write_then_v1_reads_back)
{
	unsigned char *q = xpc_map(self->fd, NR_PAGES, PROT_READ | PROT_WRITE);
	unsigned long arr[NR_PAGES];
	int err[NR_PAGES], i;

	ASSERT_TRUE(q != MAP_FAILED);
	memset(err, 0x55, sizeof(err));
	ASSERT_EQ(0, xpc_batch_v2(self->fd, self->dom, q, self->frames, err, NR_PAGES));
	for (i = 0; i < NR_PAGES; i++) {
		EXPECT_EQ(0, err[i]);
		memset(q + i * XPC_PAGE, 0xa0 + i, XPC_PAGE);
	}
	munmap(q, NR_PAGES * XPC_PAGE);

	q = xpc_map(self->fd, NR_PAGES, PROT_READ);
	ASSERT_TRUE(q != MAP_FAILED);
	memcpy(arr, self->frames, sizeof(arr));
	ASSERT_EQ(0, xpc_batch_v1(self->fd, self->dom, q, arr, NR_PAGES));
	for (i = 0; i < NR_PAGES; i++) {
		EXPECT_EQ(self->frames[i], arr[i]) TH_LOG("v1 flagged frame %d", i);
		EXPECT_EQ(0xa0 + i, q[i * XPC_PAGE]);
		EXPECT_EQ(0xa0 + i, q[i * XPC_PAGE + XPC_PAGE - 1]);
	}
	munmap(q, NR_PAGES * XPC_PAGE);
}

/* A frame the domain does not have fails alone; its neighbours map. */
TEST_F(domain, v2_frame_not_the_domains_fails_alone)
{
	unsigned long arr[2] = { self->frames[0], 0 };
	unsigned char *q = xpc_map(self->fd, 2, PROT_READ);
	int err[2] = { 1, 1 };

#ifdef __aarch64__
	arr[1] = FIRST_GFN + 0x1000;		/* never populated */
#else
	arr[1] = self->frames[0] + (1UL << 30);	/* far beyond this VM's RAM */
#endif
	ASSERT_TRUE(q != MAP_FAILED);
	/* Errors per frame; the call fails as a whole only for ENOENT. */
	EXPECT_EQ(0, xpc_batch_v2(self->fd, self->dom, q, arr, err, 2));
	EXPECT_EQ(0, err[0]);
	EXPECT_GT(0, err[1]);
	EXPECT_NE(-ENOENT, err[1]);
	EXPECT_EQ(0, xpc_read_signal(q));
#ifdef __aarch64__
	/*
	 * The module clears the entry of a failed frame, so this is SIGBUS.
	 * The in-tree driver leaves a page whose guest frame Xen never
	 * filled: the abort comes from Xen, and the kernel kills the reader
	 * (SIGKILL).  In a child, then.
	 */
	EXPECT_NE(0, xpc_read_signal_in_child(q + XPC_PAGE));
#else
	/*
	 * A hole.  Translated (PVH), the in-tree driver leaves a page whose
	 * guest frame Xen never filled, which reads as all ones: were it
	 * readable here, it must at least hold nothing of the kernel's.
	 */
	int sig = xpc_read_signal(q + XPC_PAGE);

	EXPECT_EQ(SIGBUS, sig) TH_LOG("a failed frame's page is mapped");
	if (!sig) {
		EXPECT_TRUE(xpc_page_uniform(q + XPC_PAGE))
			TH_LOG("a failed frame's page holds data: %02x %02x %02x %02x",
			       q[XPC_PAGE], q[XPC_PAGE + 1], q[XPC_PAGE + 2],
			       q[XPC_PAGE + 3]);
	}
#endif
	munmap(q, 2 * XPC_PAGE);
}

/*
 * A failed frame's hole may be filled later, as the tools retry paged-out
 * frames: in a translated guest too, where the hole must then be empty.
 */
TEST_F(domain, v2_fills_failed_frames_hole)
{
	unsigned long arr[2] = { self->frames[0], 0 };
	unsigned char *q = xpc_map(self->fd, 2, PROT_READ | PROT_WRITE);
	int err[2] = { 1, 1 };

#ifdef __aarch64__
	arr[1] = FIRST_GFN + 0x1000;		/* never populated */
#else
	arr[1] = self->frames[0] + (1UL << 30);	/* far beyond this VM's RAM */
#endif
	ASSERT_TRUE(q != MAP_FAILED);
	ASSERT_EQ(0, xpc_batch_v2(self->fd, self->dom, q, arr, err, 2));
	ASSERT_NE(0, err[1]);
	q[5] = 0x3c;
	err[0] = 1;
	EXPECT_EQ(0, xpc_batch_v2(self->fd, self->dom, q + XPC_PAGE, &self->frames[0], err, 1))
		TH_LOG("filling the hole: %s", strerror(errno));
	EXPECT_EQ(0, err[0]);
	EXPECT_EQ(0, xpc_read_signal(q + XPC_PAGE));
	EXPECT_EQ(0x3c, q[XPC_PAGE + 5]);
	/* Filled now: not again. */
	EXPECT_ERRNO(EINVAL, xpc_batch_v2(self->fd, self->dom, q + XPC_PAGE,
					  &self->frames[0], err, 1));
	munmap(q, 2 * XPC_PAGE);
}

/* The oldest ioctl: PV only, ENOSYS where frames are translated. */
TEST_F(domain, mmap_v0_maps_pv_frames)
{
	unsigned char *q = xpc_map(self->fd, 1, PROT_READ | PROT_WRITE);
	struct privcmd_mmap_entry e = {
		.va = xpc_ptr(q), .mfn = self->frames[1], .npages = 1,
	};
	struct privcmd_mmap m = { .num = 1, .dom = self->dom, .entry = &e };

	ASSERT_TRUE(q != MAP_FAILED);
	if (xpc_auto_translated(self->fd)) {
		EXPECT_ERRNO(ENOSYS, ioctl(self->fd, IOCTL_PRIVCMD_MMAP, &m));
	} else {
		ASSERT_EQ(0, ioctl(self->fd, IOCTL_PRIVCMD_MMAP, &m)) TH_LOG("%s", strerror(errno));
		q[7] = 0x5a;
		EXPECT_EQ(0x5a, q[7]);
	}
	munmap(q, XPC_PAGE);
}

/* addr=0, num=0 asks Xen how many frames the resource has. */
TEST_F(domain, resource_size_query_is_the_domains_grant_frames)
{
	__u64 num = 99;

	ASSERT_EQ(0, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE,
					0, 0, NULL, &num))
		TH_LOG("%s", strerror(errno));
	EXPECT_EQ(GRANT_FRAMES, num);
}

/*
 * The domain's grant table, as a toolstack maps it to set up the xenstore
 * and console grants: written through one mapping, read through another.
 */
TEST_F(domain, resource_maps_grant_table)
{
	unsigned char *q = xpc_map(self->fd, GRANT_FRAMES, PROT_READ | PROT_WRITE);
	grant_entry_v1_t *g = (grant_entry_v1_t *)q;

	ASSERT_TRUE(q != MAP_FAILED);
	ASSERT_EQ(0, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE,
					0, GRANT_FRAMES, q, NULL))
		TH_LOG("%s", strerror(errno));
	/* A fresh table: every entry zero. */
	EXPECT_EQ(0, g[1].flags);
	EXPECT_EQ(0, g[1].frame);
	g[1].domid = 0;
	g[1].frame = 0x1234;
	g[1].flags = GTF_permit_access;
	q[XPC_PAGE + 5] = 0x77;
	munmap(q, GRANT_FRAMES * XPC_PAGE);

	q = xpc_map(self->fd, GRANT_FRAMES, PROT_READ);
	ASSERT_TRUE(q != MAP_FAILED);
	ASSERT_EQ(0, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE,
					0, GRANT_FRAMES, q, NULL));
	g = (grant_entry_v1_t *)q;
	EXPECT_EQ(GTF_permit_access, g[1].flags);
	EXPECT_EQ(0x1234, g[1].frame);
	EXPECT_EQ(0x77, q[XPC_PAGE + 5]);
	munmap(q, GRANT_FRAMES * XPC_PAGE);
}

/* More frames than the resource has: Xen's refusal, nothing mapped. */
TEST_F(domain, resource_past_its_frames_fails)
{
	unsigned char *q = xpc_map(self->fd, GRANT_FRAMES + 1, PROT_READ);

	ASSERT_TRUE(q != MAP_FAILED);
	EXPECT_ERRNO(EINVAL, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE,
					       0, GRANT_FRAMES + 1, q, NULL));
	munmap(q, (GRANT_FRAMES + 1) * XPC_PAGE);
}

/* A restricted fd maps only its own domain's memory. */
TEST_F(domain, restricted_to_other_domain_eperm)
{
	int fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	__u16 other = self->dom + 1;
	unsigned char *q;
	int err = 0;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, ioctl(fd, IOCTL_PRIVCMD_RESTRICT, &other));
	q = xpc_map(fd, 1, PROT_READ);
	ASSERT_TRUE(q != MAP_FAILED);
	EXPECT_ERRNO(EPERM, xpc_batch_v2(fd, self->dom, q, self->frames, &err, 1));
	EXPECT_ERRNO(EPERM, xpc_map_resource(fd, self->dom, XPC_RESOURCE_GRANT_TABLE, 0, 1, q,
					     NULL));
	munmap(q, XPC_PAGE);
	close(fd);
}

TEST_HARNESS_MAIN
