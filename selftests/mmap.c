// SPDX-License-Identifier: GPL-2.0-only
/*
 * mmap() of the device and the mapping ioctls, against a real hypervisor.
 * With only dom0 running, the frames mapped are dom0's own: a page of ours
 * (found through Xen's machine-to-physical table), Xen's read-only table
 * itself, and dom0's grant table.
 */
#include "xprivcmd_map_utils.h"
#include "kselftest_harness.h"

/* A machine frame far beyond any RAM this VM has. */
#define XPC_BAD_MFN 0xfffff00UL

/*
 * Every test here maps frames found through Xen's machine-to-physical
 * table, a PV guest's view of memory.  A translated guest (dom0 on Arm) has
 * no such table, and Xen on Arm refuses a foreign mapping of the caller's
 * own frames: it skips there as a whole, before the harness starts, and
 * foreign.c maps a second domain's frames on both kinds of guest.
 */
static void __attribute__((constructor)) map_skip_unless_pv(void)
{
	int fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	bool translated = fd >= 0 && xpc_auto_translated(fd);

	if (fd >= 0)
		close(fd);
	if (translated) {
		ksft_print_header();
		ksft_exit_skip("auto-translated guest: no machine frames to map\n");
	}
}

FIXTURE(map) {
	int fd;
	unsigned char *page;	/* a page of ours, distinctive bytes */
	unsigned long mfn;	/* its machine frame */
};

FIXTURE_SETUP(map)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
	self->page = xpc_pattern_page(getpid());
	ASSERT_TRUE(self->page != NULL);
	self->mfn = xpc_mfn_of(self->fd, self->page);
	ASSERT_NE(0, self->mfn) TH_LOG("cannot find the machine frame of our page");
}

FIXTURE_TEARDOWN(map)
{
	munmap(self->page, XPC_PAGE);
	close(self->fd);
}

TEST_F(map, private_mapping_einval)
{
	errno = 0;
	EXPECT_TRUE((mmap(NULL, XPC_PAGE, PROT_READ, MAP_PRIVATE,
				   self->fd, 0)) == MAP_FAILED);
	EXPECT_EQ(EINVAL, errno);
}

TEST_F(map, unpopulated_mapping_sigbus)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_EQ(SIGBUS, xpc_read_signal(q));
	munmap(q, XPC_PAGE);
}

TEST_F(map, v2_maps_own_frame_shared)
{
	unsigned char *q = xpc_map(self->fd, 1, PROT_READ | PROT_WRITE);
	int err = 1;

	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_EQ(0, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, &self->mfn, &err, 1));
	EXPECT_EQ(0, err);
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	/* The same frame: a write through one shows through the other. */
	q[100] ^= 0xff;
	EXPECT_EQ(q[100], self->page[100]);
	munmap(q, XPC_PAGE);
}

/* Xen will not take its own domain's number as a foreign domain. */
TEST_F(map, v2_own_domid_by_number_fails_per_frame)
{
	unsigned char *q = xpc_map(self->fd, 1, PROT_READ);
	int err = 0;

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_EQ(0, xpc_batch_v2(self->fd, 0, q, &self->mfn, &err, 1));
	EXPECT_EQ(-ESRCH, err);
	EXPECT_EQ(SIGBUS, xpc_read_signal(q));
	munmap(q, XPC_PAGE);
}

/* Xen's read-only machine-to-physical table, by DOMID_XEN. */
TEST_F(map, v2_maps_xen_frames_read_only)
{
	struct xpc_machphys_mfn_list l = { .max_extents = 1 };
	__u64 extent;
	unsigned long mfn;
	const __u64 *m2p = xpc_map(self->fd, 1, PROT_READ);
	int err = 1;

	ASSERT_TRUE((m2p) != MAP_FAILED);
	l.extent_start = xpc_ptr(&extent);
	ASSERT_EQ(0, xpc_hypercall(self->fd, __HYPERVISOR_memory_op,
				   XPC_XENMEM_machphys_mfn_list, xpc_ptr(&l), 0, 0, 0));
	/* The table's page that covers our frame. */
	mfn = extent + self->mfn / (XPC_PAGE / sizeof(*m2p));
	ASSERT_EQ(0, xpc_batch_v2(self->fd, XPC_DOMID_XEN, (void *)m2p, &mfn, &err, 1));
	EXPECT_EQ(0, err);
	EXPECT_EQ(xpc_pfn_of(self->page), m2p[self->mfn % (XPC_PAGE / sizeof(*m2p))]);
	munmap((void *)m2p, XPC_PAGE);
}

/* A bad frame fails alone, in err[], and leaves a hole; the call succeeds. */
TEST_F(map, v2_per_frame_errors)
{
	unsigned char *q = xpc_map(self->fd, 3, PROT_READ);
	unsigned long arr[3] = { self->mfn, XPC_BAD_MFN, self->mfn };
	int err[3] = { 7, 7, 7 };

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_EQ(0, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, arr, err, 3));
	EXPECT_EQ(0, err[0]);
	EXPECT_GT(0, err[1]);
	EXPECT_NE(-ENOENT, err[1]);
	EXPECT_EQ(0, err[2]);
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	EXPECT_EQ(0, memcmp(q + 2 * XPC_PAGE, self->page, XPC_PAGE));
	EXPECT_EQ(SIGBUS, xpc_read_signal(q + XPC_PAGE));
	munmap(q, 3 * XPC_PAGE);
}

/* Holes may be filled later (that is how -ENOENT frames are retried). */
TEST_F(map, v2_fills_hole_later)
{
	unsigned char *q = xpc_map(self->fd, 3, PROT_READ);
	unsigned long arr[3] = { self->mfn, XPC_BAD_MFN, self->mfn };
	int err[3];

	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_EQ(0, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, arr, err, 3));
	ASSERT_NE(0, err[1]);
	EXPECT_EQ(0, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q + XPC_PAGE, &self->mfn, err, 1));
	EXPECT_EQ(0, err[0]);
	EXPECT_EQ(0, memcmp(q + XPC_PAGE, self->page, XPC_PAGE));
	munmap(q, 3 * XPC_PAGE);
}

TEST_F(map, v2_mapped_frame_again_einval)
{
	unsigned char *q = xpc_map(self->fd, 2, PROT_READ);
	unsigned long arr[2] = { self->mfn, self->mfn };
	int err[2];

	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_EQ(0, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, arr, err, 2));
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, arr, err, 2));
	EXPECT_EQ(EINVAL, errno);
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q + XPC_PAGE, arr, err, 1));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, 2 * XPC_PAGE);
}

/* A fresh mapping is populated whole or not at all. */
TEST_F(map, v2_part_of_fresh_mapping_einval)
{
	unsigned char *q = xpc_map(self->fd, 2, PROT_READ);
	int err;

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, &self->mfn, &err, 1));
	EXPECT_EQ(EINVAL, errno);
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q + XPC_PAGE, &self->mfn, &err, 1));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, 2 * XPC_PAGE);
}

TEST_F(map, v2_past_mapping_einval)
{
	unsigned char *q = xpc_map(self->fd, 1, PROT_READ);
	unsigned long arr[2] = { self->mfn, self->mfn };
	int err[2];

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, arr, err, 2));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, XPC_PAGE);
}

TEST_F(map, v2_other_drivers_mapping_einval)
{
	void *q = mmap(NULL, XPC_PAGE, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int err;

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, &self->mfn, &err, 1));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, XPC_PAGE);
}

TEST_F(map, v2_no_mapping_einval)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);
	int err;

	ASSERT_TRUE((q) != MAP_FAILED);
	munmap(q, XPC_PAGE);
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, &self->mfn, &err, 1));
	EXPECT_EQ(EINVAL, errno);
}

TEST_F(map, v2_unaligned_address_einval)
{
	unsigned char *q = xpc_map(self->fd, 1, PROT_READ);
	int err;

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q + 8, &self->mfn, &err, 1));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, XPC_PAGE);
}

TEST_F(map, v2_count_zero_einval)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);
	int err;

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, &self->mfn, &err, 0));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, XPC_PAGE);
}

/* A range running past the end of user space: an argument error. */
TEST_F(map, v2_range_overflowing_einval)
{
	int err;
	struct privcmd_mmapbatch_v2 m = {
		.num = 2, .dom = XPC_DOMID_SELF, .addr = 0xfffffffffffff000ULL,
		.arr = &self->mfn, .err = &err,
	};

	errno = 0;
	EXPECT_EQ(-1, ioctl(self->fd, IOCTL_PRIVCMD_MMAPBATCH_V2, &m));
	EXPECT_EQ(EINVAL, errno);
}

/* A huge count with small arrays: the arrays are what is wrong. */
TEST_F(map, v2_count_huge_efault)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);
	int *err = mmap(NULL, 2 * XPC_PAGE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_TRUE((err) != MAP_FAILED);
	/* Nothing after the first page of err[]. */
	ASSERT_EQ(0, munmap((char *)err + XPC_PAGE, XPC_PAGE));
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, &self->mfn, err, 0x1000));
	EXPECT_EQ(EFAULT, errno);
	munmap(q, XPC_PAGE);
	munmap(err, XPC_PAGE);
}

TEST_F(map, v2_null_arrays_efault)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);
	int err;

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, NULL, &err, 1));
	EXPECT_EQ(EFAULT, errno);
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, &self->mfn, NULL, 1));
	EXPECT_EQ(EFAULT, errno);
	munmap(q, XPC_PAGE);
}

TEST_F(map, v1_maps_own_frame)
{
	unsigned char *q = xpc_map(self->fd, 1, PROT_READ);
	unsigned long arr = self->mfn;

	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_EQ(0, xpc_batch_v1(self->fd, XPC_DOMID_SELF, q, &arr, 1));
	EXPECT_EQ(self->mfn, arr);
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	munmap(q, XPC_PAGE);
}

/* Version 1 reports a bad frame in the top bits of its entry. */
TEST_F(map, v1_error_bits_in_array)
{
	unsigned char *q = xpc_map(self->fd, 2, PROT_READ);
	unsigned long arr[2] = { self->mfn, XPC_BAD_MFN };

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_EQ(0, xpc_batch_v1(self->fd, XPC_DOMID_SELF, q, arr, 2));
	EXPECT_EQ(self->mfn, arr[0]);
	EXPECT_EQ(XPC_BAD_MFN | PRIVCMD_MMAPBATCH_MFN_ERROR, arr[1]);
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	munmap(q, 2 * XPC_PAGE);
}

TEST_F(map, v1_count_zero_or_negative_einval)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);
	unsigned long arr = self->mfn;

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v1(self->fd, XPC_DOMID_SELF, q, &arr, 0));
	EXPECT_EQ(EINVAL, errno);
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v1(self->fd, XPC_DOMID_SELF, q, &arr, -1));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, XPC_PAGE);
}

TEST_F(map, v1_other_drivers_mapping_einval)
{
	void *q = mmap(NULL, XPC_PAGE, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	unsigned long arr = self->mfn;

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v1(self->fd, XPC_DOMID_SELF, q, &arr, 1));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, XPC_PAGE);
}

static long mmap_entries(int fd, __u16 dom, struct privcmd_mmap_entry *e, int num)
{
	struct privcmd_mmap m = { .num = num, .dom = dom, .entry = e };

	return ioctl(fd, IOCTL_PRIVCMD_MMAP, &m);
}

TEST_F(map, mmap_maps_runs)
{
	unsigned char *q = xpc_map(self->fd, 2, PROT_READ);
	struct privcmd_mmap_entry e[2] = {
		{ .va = xpc_ptr(q), .mfn = self->mfn, .npages = 1 },
		{ .va = xpc_ptr(q + XPC_PAGE), .mfn = self->mfn, .npages = 1 },
	};

	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_EQ(0, mmap_entries(self->fd, XPC_DOMID_SELF, e, 2));
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	EXPECT_EQ(0, memcmp(q + XPC_PAGE, self->page, XPC_PAGE));
	/* Used once only. */
	errno = 0;
	EXPECT_EQ(-1, mmap_entries(self->fd, XPC_DOMID_SELF, e, 1));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, 2 * XPC_PAGE);
}

TEST_F(map, mmap_count_zero_ok_negative_einval)
{
	struct privcmd_mmap_entry e = { 0 };

	EXPECT_EQ(0, mmap_entries(self->fd, XPC_DOMID_SELF, &e, 0));
	errno = 0;
	EXPECT_EQ(-1, mmap_entries(self->fd, XPC_DOMID_SELF, &e, -1));
	EXPECT_EQ(EINVAL, errno);
}

TEST_F(map, mmap_not_at_start_einval)
{
	unsigned char *q = xpc_map(self->fd, 2, PROT_READ);
	struct privcmd_mmap_entry e = {
		.va = xpc_ptr(q + XPC_PAGE), .mfn = self->mfn, .npages = 1,
	};

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, mmap_entries(self->fd, XPC_DOMID_SELF, &e, 1));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, 2 * XPC_PAGE);
}

TEST_F(map, mmap_gap_between_runs_einval)
{
	unsigned char *q = xpc_map(self->fd, 3, PROT_READ);
	struct privcmd_mmap_entry e[2] = {
		{ .va = xpc_ptr(q), .mfn = self->mfn, .npages = 1 },
		{ .va = xpc_ptr(q + 2 * XPC_PAGE), .mfn = self->mfn, .npages = 1 },
	};

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, mmap_entries(self->fd, XPC_DOMID_SELF, e, 2));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, 3 * XPC_PAGE);
}

TEST_F(map, mmap_run_past_mapping_einval)
{
	unsigned char *q = xpc_map(self->fd, 1, PROT_READ);
	struct privcmd_mmap_entry e = { .va = xpc_ptr(q), .mfn = self->mfn, .npages = 2 };

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, mmap_entries(self->fd, XPC_DOMID_SELF, &e, 1));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, XPC_PAGE);
}

TEST_F(map, mmap_null_entries_efault)
{
	errno = 0;
	EXPECT_EQ(-1, mmap_entries(self->fd, XPC_DOMID_SELF, NULL, 1));
	EXPECT_EQ(EFAULT, errno);
}

/*
 * Xen lets no domain acquire its own resources, and dom0 is alone here: the
 * queries reach Xen, which answers for the domain asked about.
 */
TEST_F(map, resource_size_query_reaches_xen)
{
	__u64 num = 5;

	errno = 0;
	EXPECT_EQ(-1, xpc_map_resource(self->fd, XPC_DOMID_NONE,
				   XPC_RESOURCE_GRANT_TABLE, 0, 0, NULL, &num));
	EXPECT_EQ(ESRCH, errno);
	errno = 0;
	EXPECT_EQ(-1, xpc_map_resource(self->fd, 0, XPC_RESOURCE_GRANT_TABLE, 0, 0,
				   NULL, &num));
	EXPECT_EQ(EPERM, errno);
}

TEST_F(map, resource_only_one_of_addr_num_einval)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, xpc_map_resource(self->fd, 0, XPC_RESOURCE_GRANT_TABLE, 0, 1,
				   NULL, NULL));
	EXPECT_EQ(EINVAL, errno);
	errno = 0;
	EXPECT_EQ(-1, xpc_map_resource(self->fd, 0, XPC_RESOURCE_GRANT_TABLE, 0, 0,
				   q, NULL));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, XPC_PAGE);
}

TEST_F(map, resource_type_out_of_range_einval)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, xpc_map_resource(self->fd, XPC_DOMID_NONE, 0x10000, 0, 1,
				   q, NULL));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, XPC_PAGE);
}

/* Xen's refusal comes back unchanged, and the mapping stays empty. */
TEST_F(map, resource_map_reaches_xen)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, xpc_map_resource(self->fd, XPC_DOMID_NONE,
				   XPC_RESOURCE_GRANT_TABLE, 0, 1, q, NULL));
	EXPECT_EQ(ESRCH, errno);
	EXPECT_EQ(SIGBUS, xpc_read_signal(q));
	/* The mapping was claimed: it is not reused. */
	errno = 0;
	EXPECT_EQ(-1, xpc_map_resource(self->fd, XPC_DOMID_NONE,
				   XPC_RESOURCE_GRANT_TABLE, 0, 1, q, NULL));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, XPC_PAGE);
}

TEST_F(map, resource_other_drivers_mapping_einval)
{
	void *q = mmap(NULL, XPC_PAGE, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, xpc_map_resource(self->fd, 0, XPC_RESOURCE_GRANT_TABLE, 0, 1,
				   q, NULL));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, XPC_PAGE);
}

TEST_F(map, resource_past_mapping_einval)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);

	ASSERT_TRUE((q) != MAP_FAILED);
	errno = 0;
	EXPECT_EQ(-1, xpc_map_resource(self->fd, 0, XPC_RESOURCE_GRANT_TABLE, 0, 2,
				   q, NULL));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, XPC_PAGE);
}

/* The mapping outlives the fd, as a file mapping does. */
TEST_F(map, close_fd_while_mapped)
{
	int fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	unsigned char *q;
	int err;

	ASSERT_LE(0, fd);
	q = xpc_map(fd, 1, PROT_READ);
	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_EQ(0, xpc_batch_v2(fd, XPC_DOMID_SELF, q, &self->mfn, &err, 1));
	ASSERT_EQ(0, close(fd));
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	EXPECT_EQ(0, munmap(q, XPC_PAGE));
}

/* Foreign mappings are not inherited: the child has nothing there. */
TEST_F(map, not_copied_on_fork)
{
	unsigned char *q = xpc_map(self->fd, 1, PROT_READ);
	int err;

	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_EQ(0, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, &self->mfn, &err, 1));
	EXPECT_EQ(SIGSEGV, xpc_read_signal_in_child(q));
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	munmap(q, XPC_PAGE);
}

/* Unmapping part of a populated mapping leaves the rest working. */
TEST_F(map, partial_munmap_keeps_rest)
{
	unsigned char *q = xpc_map(self->fd, 3, PROT_READ);
	unsigned long arr[3] = { self->mfn, self->mfn, self->mfn };
	int err[3];

	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_EQ(0, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, arr, err, 3));
	ASSERT_EQ(0, munmap(q + XPC_PAGE, XPC_PAGE));
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	EXPECT_EQ(0, memcmp(q + 2 * XPC_PAGE, self->page, XPC_PAGE));
	/* The split halves still count as used. */
	errno = 0;
	EXPECT_EQ(-1, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q + 2 * XPC_PAGE, arr, err, 1));
	EXPECT_EQ(EINVAL, errno);
	munmap(q, XPC_PAGE);
	munmap(q + 2 * XPC_PAGE, XPC_PAGE);
}

TEST_F(map, many_mappings_and_unmaps)
{
	int i, err;

	for (i = 0; i < 200; i++) {
		unsigned char *q = xpc_map(self->fd, 1, PROT_READ);

		ASSERT_TRUE((q) != MAP_FAILED);
		ASSERT_EQ(0, xpc_batch_v2(self->fd, XPC_DOMID_SELF, q, &self->mfn, &err, 1));
		ASSERT_EQ(self->page[i], q[i]);
		munmap(q, XPC_PAGE);
	}
}

TEST_HARNESS_MAIN
