// SPDX-License-Identifier: GPL-2.0-only
/*
 * mmap() of the device and the mapping ioctls, against a real hypervisor.
 * The frames mapped are those of a second domain that each test creates
 * (xpc_domain_create(): dom0 runs alone here), and Xen's read-only
 * machine-to-physical table.  The caller's own frames are the kernel's:
 * every mapping ioctl refuses DOMID_SELF and the caller's own id, whatever
 * the frames, and so do the policy's denials.
 */
#include "xprivcmd_map_utils.h"
#include "kselftest_harness.h"

/* A machine frame far beyond any RAM this VM has. */
#define XPC_BAD_MFN 0xfffff00UL

/*
 * Every test here names machine frames, a PV guest's view of memory, and
 * IOCTL_PRIVCMD_MMAP is PV only.  A translated guest (dom0 on Arm) skips as
 * a whole, before the harness starts: foreign.c maps a second domain's
 * frames on both kinds of guest.
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
	struct xpc_domain d;
	bool created;
	__u16 dom;		/* the domain the frames are of */
	unsigned long mfn;	/* its first frame */
	unsigned char page[XPC_PAGE];	/* what that frame holds */
};

FIXTURE_SETUP(map)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
	ASSERT_EQ(0, xpc_domain_create(self->fd, &self->d))
		TH_LOG("a domain to map: %s", strerror(errno));
	self->created = true;
	self->dom = self->d.dom;
	self->mfn = self->d.frames[0];
	ASSERT_EQ(0, xpc_domain_fill(self->fd, &self->d, 0x40))
		TH_LOG("filling domain %u's frames: %s", self->dom, strerror(errno));
	xpc_fill_pattern(self->page, 0x40);
}

FIXTURE_TEARDOWN(map)
{
	if (self->created)
		EXPECT_EQ(0, xpc_domain_destroy(self->fd, self->dom))
			TH_LOG("destroy: %s", strerror(errno));
	close(self->fd);
}

TEST_F(map, private_mapping_einval)
{
	EXPECT_MAP_ERRNO(EINVAL, mmap(NULL, XPC_PAGE, PROT_READ, MAP_PRIVATE,
				      self->fd, 0));
}

TEST_F(map, unpopulated_mapping_sigbus)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_EQ(SIGBUS, xpc_read_signal(q));
	munmap(q, XPC_PAGE);
}

TEST_F(map, v2_maps_foreign_frame_shared)
{
	unsigned char *q = xpc_map(self->fd, 1, PROT_READ | PROT_WRITE);
	unsigned char *r = xpc_map(self->fd, 1, PROT_READ);
	int err = 1;

	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_TRUE((r) != MAP_FAILED);
	ASSERT_EQ(0, xpc_batch_v2(self->fd, self->dom, q, &self->mfn, &err, 1));
	EXPECT_EQ(0, err);
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	/* The same frame: a write through one mapping shows through another. */
	ASSERT_EQ(0, xpc_batch_v2(self->fd, self->dom, r, &self->mfn, &err, 1));
	q[100] ^= 0xff;
	EXPECT_EQ(q[100], r[100]);
	EXPECT_NE(self->page[100], r[100]);
	munmap(q, XPC_PAGE);
	munmap(r, XPC_PAGE);
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
	/* The table's page that covers the domain's third frame. */
	mfn = extent + self->d.frames[2] / (XPC_PAGE / sizeof(*m2p));
	ASSERT_EQ(0, xpc_batch_v2(self->fd, XPC_DOMID_XEN, (void *)m2p, &mfn, &err, 1));
	EXPECT_EQ(0, err);
	/* Xen put it at the domain's pseudo-physical frame 2. */
	EXPECT_EQ(XPC_DOM_FIRST_GFN + 2,
		  m2p[self->d.frames[2] % (XPC_PAGE / sizeof(*m2p))]);
	munmap((void *)m2p, XPC_PAGE);
}

/* A bad frame fails alone, in err[], and leaves a hole; the call succeeds. */
TEST_F(map, v2_per_frame_errors)
{
	unsigned char *q = xpc_map(self->fd, 3, PROT_READ);
	unsigned long arr[3] = { self->mfn, XPC_BAD_MFN, self->mfn };
	int err[3] = { 7, 7, 7 };

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_EQ(0, xpc_batch_v2(self->fd, self->dom, q, arr, err, 3));
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
	ASSERT_EQ(0, xpc_batch_v2(self->fd, self->dom, q, arr, err, 3));
	ASSERT_NE(0, err[1]);
	EXPECT_EQ(0, xpc_batch_v2(self->fd, self->dom, q + XPC_PAGE, &self->mfn, err, 1));
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
	ASSERT_EQ(0, xpc_batch_v2(self->fd, self->dom, q, arr, err, 2));
	EXPECT_ERRNO(EINVAL, xpc_batch_v2(self->fd, self->dom, q, arr, err, 2));
	EXPECT_ERRNO(EINVAL, xpc_batch_v2(self->fd, self->dom, q + XPC_PAGE, arr, err, 1));
	munmap(q, 2 * XPC_PAGE);
}

/* A fresh mapping is populated whole or not at all. */
TEST_F(map, v2_part_of_fresh_mapping_einval)
{
	unsigned char *q = xpc_map(self->fd, 2, PROT_READ);
	int err;

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_ERRNO(EINVAL, xpc_batch_v2(self->fd, self->dom, q, &self->mfn, &err, 1));
	EXPECT_ERRNO(EINVAL, xpc_batch_v2(self->fd, self->dom, q + XPC_PAGE, &self->mfn, &err, 1));
	munmap(q, 2 * XPC_PAGE);
}

TEST_F(map, v2_past_mapping_einval)
{
	unsigned char *q = xpc_map(self->fd, 1, PROT_READ);
	unsigned long arr[2] = { self->mfn, self->mfn };
	int err[2];

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_ERRNO(EINVAL, xpc_batch_v2(self->fd, self->dom, q, arr, err, 2));
	munmap(q, XPC_PAGE);
}

TEST_F(map, v2_other_drivers_mapping_einval)
{
	void *q = mmap(NULL, XPC_PAGE, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int err;

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_ERRNO(EINVAL, xpc_batch_v2(self->fd, self->dom, q, &self->mfn, &err, 1));
	munmap(q, XPC_PAGE);
}

TEST_F(map, v2_no_mapping_einval)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);
	int err;

	ASSERT_TRUE((q) != MAP_FAILED);
	munmap(q, XPC_PAGE);
	EXPECT_ERRNO(EINVAL, xpc_batch_v2(self->fd, self->dom, q, &self->mfn, &err, 1));
}

TEST_F(map, v2_unaligned_address_einval)
{
	unsigned char *q = xpc_map(self->fd, 1, PROT_READ);
	int err;

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_ERRNO(EINVAL, xpc_batch_v2(self->fd, self->dom, q + 8, &self->mfn, &err, 1));
	munmap(q, XPC_PAGE);
}

TEST_F(map, v2_count_zero_einval)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);
	int err;

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_ERRNO(EINVAL, xpc_batch_v2(self->fd, self->dom, q, &self->mfn, &err, 0));
	munmap(q, XPC_PAGE);
}

/* A range running past the end of user space: an argument error. */
TEST_F(map, v2_range_overflowing_einval)
{
	int err;
	struct privcmd_mmapbatch_v2 m = {
		.num = 2, .dom = self->dom, .addr = 0xfffffffffffff000ULL,
		.arr = &self->mfn, .err = &err,
	};

	EXPECT_ERRNO(EINVAL, ioctl(self->fd, IOCTL_PRIVCMD_MMAPBATCH_V2, &m));
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
	EXPECT_ERRNO(EFAULT, xpc_batch_v2(self->fd, self->dom, q, &self->mfn, err, 0x1000));
	munmap(q, XPC_PAGE);
	munmap(err, XPC_PAGE);
}

TEST_F(map, v2_null_arrays_efault)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);
	int err;

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_ERRNO(EFAULT, xpc_batch_v2(self->fd, self->dom, q, NULL, &err, 1));
	EXPECT_ERRNO(EFAULT, xpc_batch_v2(self->fd, self->dom, q, &self->mfn, NULL, 1));
	munmap(q, XPC_PAGE);
}

TEST_F(map, v1_maps_frame)
{
	unsigned char *q = xpc_map(self->fd, 1, PROT_READ);
	unsigned long arr = self->mfn;

	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_EQ(0, xpc_batch_v1(self->fd, self->dom, q, &arr, 1));
	EXPECT_EQ(self->mfn, arr);
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	munmap(q, XPC_PAGE);
}

/*
 * On success version 1 writes nothing back, as the in-tree driver: an
 * array in read-only memory is no error, and stays as it was.
 */
TEST_F(map, v1_success_leaves_array_untouched)
{
	unsigned char *q = xpc_map(self->fd, XPC_DOM_PAGES, PROT_READ);
	unsigned long *arr = mmap(NULL, XPC_PAGE, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_TRUE((arr) != MAP_FAILED);
	memcpy(arr, self->d.frames, sizeof(self->d.frames));
	ASSERT_EQ(0, mprotect(arr, XPC_PAGE, PROT_READ));
	EXPECT_EQ(0, xpc_batch_v1(self->fd, self->dom, q, arr, XPC_DOM_PAGES))
		TH_LOG("%s", strerror(errno));
	EXPECT_EQ(0, memcmp(arr, self->d.frames, sizeof(self->d.frames)));
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	munmap(arr, XPC_PAGE);
	munmap(q, XPC_DOM_PAGES * XPC_PAGE);
}

/*
 * Version 1 reports a bad frame in the top bits of its entry, and leaves
 * the others' entries as they were.
 */
TEST_F(map, v1_error_bits_in_array)
{
	unsigned char *q = xpc_map(self->fd, 2, PROT_READ);
	unsigned long arr[2] = { self->mfn, XPC_BAD_MFN };

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_EQ(0, xpc_batch_v1(self->fd, self->dom, q, arr, 2));
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
	EXPECT_ERRNO(EINVAL, xpc_batch_v1(self->fd, self->dom, q, &arr, 0));
	EXPECT_ERRNO(EINVAL, xpc_batch_v1(self->fd, self->dom, q, &arr, -1));
	munmap(q, XPC_PAGE);
}

TEST_F(map, v1_other_drivers_mapping_einval)
{
	void *q = mmap(NULL, XPC_PAGE, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	unsigned long arr = self->mfn;

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_ERRNO(EINVAL, xpc_batch_v1(self->fd, self->dom, q, &arr, 1));
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
	ASSERT_EQ(0, mmap_entries(self->fd, self->dom, e, 2));
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	EXPECT_EQ(0, memcmp(q + XPC_PAGE, self->page, XPC_PAGE));
	/* Used once only. */
	EXPECT_ERRNO(EINVAL, mmap_entries(self->fd, self->dom, e, 1));
	munmap(q, 2 * XPC_PAGE);
}

TEST_F(map, mmap_count_zero_ok_negative_einval)
{
	struct privcmd_mmap_entry e = { 0 };

	EXPECT_EQ(0, mmap_entries(self->fd, self->dom, &e, 0));
	EXPECT_ERRNO(EINVAL, mmap_entries(self->fd, self->dom, &e, -1));
}

TEST_F(map, mmap_not_at_start_einval)
{
	unsigned char *q = xpc_map(self->fd, 2, PROT_READ);
	struct privcmd_mmap_entry e = {
		.va = xpc_ptr(q + XPC_PAGE), .mfn = self->mfn, .npages = 1,
	};

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_ERRNO(EINVAL, mmap_entries(self->fd, self->dom, &e, 1));
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
	EXPECT_ERRNO(EINVAL, mmap_entries(self->fd, self->dom, e, 2));
	munmap(q, 3 * XPC_PAGE);
}

TEST_F(map, mmap_run_past_mapping_einval)
{
	unsigned char *q = xpc_map(self->fd, 1, PROT_READ);
	struct privcmd_mmap_entry e = { .va = xpc_ptr(q), .mfn = self->mfn, .npages = 2 };

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_ERRNO(EINVAL, mmap_entries(self->fd, self->dom, &e, 1));
	munmap(q, XPC_PAGE);
}

TEST_F(map, mmap_null_entries_efault)
{
	EXPECT_ERRNO(EFAULT, mmap_entries(self->fd, self->dom, NULL, 1));
}

/* The query reaches Xen, which answers for the domain asked about. */
TEST_F(map, resource_size_query_reaches_xen)
{
	__u64 num = 5;

	EXPECT_ERRNO(ESRCH, xpc_map_resource(self->fd, XPC_DOMID_NONE,
					 XPC_RESOURCE_GRANT_TABLE, 0, 0, NULL, &num));
	EXPECT_EQ(0, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE,
				      0, 0, NULL, &num));
	EXPECT_EQ(XPC_DOM_GRANT_FRAMES, num);
}

TEST_F(map, resource_only_one_of_addr_num_einval)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_ERRNO(EINVAL, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE, 0, 1,
					  NULL, NULL));
	EXPECT_ERRNO(EINVAL, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE, 0, 0,
					  q, NULL));
	munmap(q, XPC_PAGE);
}

TEST_F(map, resource_type_out_of_range_einval)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_ERRNO(EINVAL, xpc_map_resource(self->fd, XPC_DOMID_NONE, 0x10000, 0, 1,
					  q, NULL));
	munmap(q, XPC_PAGE);
}

/* Xen's refusal comes back unchanged, and the mapping stays empty. */
TEST_F(map, resource_map_reaches_xen)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_ERRNO(ESRCH, xpc_map_resource(self->fd, XPC_DOMID_NONE,
					 XPC_RESOURCE_GRANT_TABLE, 0, 1, q, NULL));
	EXPECT_EQ(SIGBUS, xpc_read_signal(q));
	/* The mapping was claimed: it is not reused. */
	EXPECT_ERRNO(EINVAL, xpc_map_resource(self->fd, XPC_DOMID_NONE,
					  XPC_RESOURCE_GRANT_TABLE, 0, 1, q, NULL));
	munmap(q, XPC_PAGE);
}

TEST_F(map, resource_other_drivers_mapping_einval)
{
	void *q = mmap(NULL, XPC_PAGE, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_ERRNO(EINVAL, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE, 0, 1,
					  q, NULL));
	munmap(q, XPC_PAGE);
}

TEST_F(map, resource_past_mapping_einval)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);

	ASSERT_TRUE((q) != MAP_FAILED);
	EXPECT_ERRNO(EINVAL, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE, 0, 2,
					  q, NULL));
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
	ASSERT_EQ(0, xpc_batch_v2(fd, self->dom, q, &self->mfn, &err, 1));
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
	ASSERT_EQ(0, xpc_batch_v2(self->fd, self->dom, q, &self->mfn, &err, 1));
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
	ASSERT_EQ(0, xpc_batch_v2(self->fd, self->dom, q, arr, err, 3));
	ASSERT_EQ(0, munmap(q + XPC_PAGE, XPC_PAGE));
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	EXPECT_EQ(0, memcmp(q + 2 * XPC_PAGE, self->page, XPC_PAGE));
	/* The split halves still count as used. */
	EXPECT_ERRNO(EINVAL, xpc_batch_v2(self->fd, self->dom, q + 2 * XPC_PAGE, arr, err, 1));
	munmap(q, XPC_PAGE);
	munmap(q + 2 * XPC_PAGE, XPC_PAGE);
}

/*
 * mprotect() would have the kernel rewrite the entries of foreign frames,
 * which in a PV guest Xen refuses as the caller's own (Linux then warns and
 * the entry is lost): a change of access is refused, the frames stay.
 */
TEST_F(map, mprotect_change_eacces_frames_kept)
{
	/* volatile: the two pages are one frame, which the compiler cannot know. */
	volatile unsigned char *q = xpc_map(self->fd, 2, PROT_READ | PROT_WRITE);
	unsigned long arr[2] = { self->mfn, self->mfn };
	int err[2];

	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_EQ(0, xpc_batch_v2(self->fd, self->dom, (void *)q, arr, err, 2));
	EXPECT_ERRNO(EACCES, mprotect((void *)q, XPC_PAGE, PROT_READ));
	EXPECT_ERRNO(EACCES, mprotect((void *)q, 2 * XPC_PAGE, PROT_NONE));
	EXPECT_ERRNO(EACCES, mprotect((void *)(q + XPC_PAGE), XPC_PAGE, PROT_READ | PROT_EXEC));
	/* Asking for the access it has changes nothing. */
	EXPECT_EQ(0, mprotect((void *)q, 2 * XPC_PAGE, PROT_READ | PROT_WRITE));
	EXPECT_EQ(0, memcmp((void *)(q + XPC_PAGE), self->page, XPC_PAGE));
	q[100] ^= 0xff;
	EXPECT_EQ(q[100], q[XPC_PAGE + 100]);
	munmap((void *)q, 2 * XPC_PAGE);
}

/* Moving a mapping would rewrite its entries as mprotect() does. */
TEST_F(map, mremap_move_einval_frames_kept)
{
	unsigned char *q = xpc_map(self->fd, 1, PROT_READ);
	void *to = mmap(NULL, XPC_PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int err;

	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_TRUE((to) != MAP_FAILED);
	ASSERT_EQ(0, xpc_batch_v2(self->fd, self->dom, q, &self->mfn, &err, 1));
	EXPECT_MAP_ERRNO(EINVAL, mremap(q, XPC_PAGE, XPC_PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, to));
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	munmap(q, XPC_PAGE);
	munmap(to, XPC_PAGE);
}

/* Shrinking one in place rewrites nothing: allowed. */
TEST_F(map, mremap_shrink_keeps_rest)
{
	unsigned char *q = xpc_map(self->fd, 2, PROT_READ);
	unsigned long arr[2] = { self->mfn, self->mfn };
	int err[2];

	ASSERT_TRUE((q) != MAP_FAILED);
	ASSERT_EQ(0, xpc_batch_v2(self->fd, self->dom, q, arr, err, 2));
	EXPECT_TRUE(mremap(q, 2 * XPC_PAGE, XPC_PAGE, 0) == (void *)q);
	EXPECT_EQ(0, memcmp(q, self->page, XPC_PAGE));
	munmap(q, XPC_PAGE);
}

TEST_F(map, many_mappings_and_unmaps)
{
	int i, err;

	for (i = 0; i < 200; i++) {
		unsigned char *q = xpc_map(self->fd, 1, PROT_READ);

		ASSERT_TRUE((q) != MAP_FAILED);
		ASSERT_EQ(0, xpc_batch_v2(self->fd, self->dom, q, &self->mfn, &err, 1));
		ASSERT_EQ(self->page[i], q[i]);
		munmap(q, XPC_PAGE);
	}
}

/*
 * The caller's own domain and the policy, for every mapping ioctl: each is
 * refused before it looks at its frames, and the mapping stays empty.  The
 * frames named are the other domain's: nothing but the domain decides.
 */
/* Who the call names: DOMID_SELF, the caller's own id, or another domain. */
enum map_target { TO_DOMID_SELF, TO_OWN_ID, TO_OTHER };

FIXTURE(refuse) {
	int fd;
	struct xpc_domain d;
	bool created;
	struct xpc_policy policy;
	void *q;
};

FIXTURE_VARIANT(refuse) {
	enum xpc_map_kind kind;
	enum map_target to;
	bool policy_none;	/* the module's policy is "none" */
	unsigned int reason;
};

#define OWN(k, t) { .kind = k, .to = t, .reason = XPRIVCMD_REASON_OWN_DOMAIN }
#define DENIED(k) { .kind = k, .to = TO_OTHER, .policy_none = true, \
		    .reason = XPRIVCMD_REASON_POLICY }

FIXTURE_VARIANT_ADD(refuse, mmap_domid_self) OWN(XPC_MAP_MMAP, TO_DOMID_SELF);
FIXTURE_VARIANT_ADD(refuse, mmap_own_id) OWN(XPC_MAP_MMAP, TO_OWN_ID);
FIXTURE_VARIANT_ADD(refuse, v1_domid_self) OWN(XPC_MAP_BATCH_V1, TO_DOMID_SELF);
FIXTURE_VARIANT_ADD(refuse, v1_own_id) OWN(XPC_MAP_BATCH_V1, TO_OWN_ID);
FIXTURE_VARIANT_ADD(refuse, v2_domid_self) OWN(XPC_MAP_BATCH_V2, TO_DOMID_SELF);
FIXTURE_VARIANT_ADD(refuse, v2_own_id) OWN(XPC_MAP_BATCH_V2, TO_OWN_ID);
FIXTURE_VARIANT_ADD(refuse, resource_domid_self) OWN(XPC_MAP_RESOURCE, TO_DOMID_SELF);
FIXTURE_VARIANT_ADD(refuse, resource_own_id) OWN(XPC_MAP_RESOURCE, TO_OWN_ID);
FIXTURE_VARIANT_ADD(refuse, resource_size_domid_self) OWN(XPC_MAP_RESOURCE_SIZE, TO_DOMID_SELF);
FIXTURE_VARIANT_ADD(refuse, resource_size_own_id) OWN(XPC_MAP_RESOURCE_SIZE, TO_OWN_ID);
FIXTURE_VARIANT_ADD(refuse, mmap_policy_none) DENIED(XPC_MAP_MMAP);
FIXTURE_VARIANT_ADD(refuse, v1_policy_none) DENIED(XPC_MAP_BATCH_V1);
FIXTURE_VARIANT_ADD(refuse, v2_policy_none) DENIED(XPC_MAP_BATCH_V2);
FIXTURE_VARIANT_ADD(refuse, resource_policy_none) DENIED(XPC_MAP_RESOURCE);
FIXTURE_VARIANT_ADD(refuse, resource_size_policy_none) DENIED(XPC_MAP_RESOURCE_SIZE);

FIXTURE_SETUP(refuse)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
	self->q = xpc_map(self->fd, 1, PROT_READ);
	ASSERT_TRUE(self->q != MAP_FAILED);
	ASSERT_EQ(0, xpc_domain_create(self->fd, &self->d))
		TH_LOG("a domain to map: %s", strerror(errno));
	self->created = true;
	/* Last: nothing is allowed afterwards, domain building included. */
	if (variant->policy_none)
		ASSERT_EQ(0, xpc_policy_change(&self->policy, "none"));
}

FIXTURE_TEARDOWN(refuse)
{
	EXPECT_EQ(0, xpc_policy_restore(&self->policy))
		TH_LOG("cannot restore the policy \"%s\"", self->policy.saved);
	if (self->created)
		EXPECT_EQ(0, xpc_domain_destroy(self->fd, self->d.dom));
	munmap(self->q, XPC_PAGE);
	close(self->fd);
}

TEST_F(refuse, before_any_frame)
{
	struct xprivcmd_last_error last;
	__u16 dom = self->d.dom;

	if (variant->to == TO_DOMID_SELF)
		dom = XPC_DOMID_SELF;
	if (variant->to == TO_OWN_ID) {
		/* dom0 is domain 0; a domU's id would come from xenstore. */
		if (!xpc_is_dom0())
			SKIP(return, "not dom0: own domain id unknown to the test");
		dom = 0;
	}
	last = EXPECT_REFUSED(self->fd, variant->reason,
			      xpc_map_ioctl(self->fd, variant->kind, dom, self->q,
					    self->d.frames[0]));
	EXPECT_EQ(dom, last.value);
	/* Judged as the hypercall that maps the frames (this guest is PV). */
	EXPECT_EQ(variant->kind >= XPC_MAP_RESOURCE ? __HYPERVISOR_memory_op :
		  __HYPERVISOR_mmu_update, last.op);
	/* Nothing was mapped. */
	EXPECT_EQ(SIGBUS, xpc_read_signal(self->q));
}

/*
 * The same calls succeed naming the other domain, under the policy that
 * was there before: the domain, or the policy none, was what refused them.
 */
TEST_F(refuse, other_domain_maps)
{
	ASSERT_EQ(0, xpc_policy_restore(&self->policy));
	EXPECT_EQ(0, xpc_map_ioctl(self->fd, variant->kind, self->d.dom, self->q,
				   self->d.frames[0]))
		TH_LOG("%s", strerror(errno));
	if (variant->kind != XPC_MAP_RESOURCE_SIZE)
		EXPECT_EQ(0, xpc_read_signal(self->q));
}

TEST_HARNESS_MAIN
