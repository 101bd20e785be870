// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOCTL_PRIVCMD_DM_OP against a real hypervisor: the probe libxendevicemodel
 * makes, the module's documented limits, and buffers that cannot be pinned.
 */
#include "xprivcmd_map_utils.h"
#include "kselftest_harness.h"

FIXTURE(dm_op) {
	int fd;
	char *buf;
};

FIXTURE_SETUP(dm_op)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
	self->buf = mmap(NULL, 2 * XPC_PAGE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE((self->buf) != MAP_FAILED);
}

FIXTURE_TEARDOWN(dm_op)
{
	munmap(self->buf, 2 * XPC_PAGE);
	close(self->fd);
}

static long dm_op(int fd, __u16 dom, __u16 num,
		  const struct privcmd_dm_op_buf *bufs)
{
	struct privcmd_dm_op op = { .dom = dom, .num = num, .ubufs = bufs };

	return ioctl(fd, IOCTL_PRIVCMD_DM_OP, &op);
}

/* libxendevicemodel keeps the privcmd fd only if this returns 0. */
TEST_F(dm_op, probe_num0_returns_0)
{
	EXPECT_EQ(0, dm_op(self->fd, XPC_DOMID_INVALID, 0, NULL));
}

TEST_F(dm_op, reaches_xen_esrch_for_missing_domain)
{
	struct privcmd_dm_op_buf b = { .uptr = self->buf, .size = 8 };

	EXPECT_ERRNO(XPC_DM_OP_NO_DOMAIN, dm_op(self->fd, XPC_DOMID_NONE, 1, &b));
}

TEST_F(dm_op, limits_are_documented_defaults)
{
	EXPECT_EQ(16, xpc_param("dm_op_max_nr_bufs"));
	EXPECT_EQ(4096, xpc_param("dm_op_buf_max_size"));
}

TEST_F(dm_op, too_many_buffers_e2big)
{
	struct privcmd_dm_op_buf b[17];
	int i;

	for (i = 0; i < 17; i++)
		b[i] = (struct privcmd_dm_op_buf){ .uptr = self->buf, .size = 8 };
	EXPECT_ERRNO(E2BIG, dm_op(self->fd, XPC_DOMID_NONE, 17, b));
}

TEST_F(dm_op, buffer_too_big_e2big)
{
	struct privcmd_dm_op_buf b = { .uptr = self->buf, .size = 4097 };

	EXPECT_ERRNO(E2BIG, dm_op(self->fd, XPC_DOMID_NONE, 1, &b));
}

TEST_F(dm_op, limits_follow_the_parameters)
{
	struct privcmd_dm_op_buf b[2] = {
		{ .uptr = self->buf, .size = 8 },
		{ .uptr = self->buf + 8, .size = 8 },
	};

	ASSERT_EQ(0, xpc_set_param("dm_op_max_nr_bufs", 1));
	EXPECT_ERRNO(E2BIG, dm_op(self->fd, XPC_DOMID_NONE, 2, b));
	ASSERT_EQ(0, xpc_set_param("dm_op_max_nr_bufs", 16));

	ASSERT_EQ(0, xpc_set_param("dm_op_buf_max_size", 4));
	EXPECT_ERRNO(E2BIG, dm_op(self->fd, XPC_DOMID_NONE, 1, b));
	ASSERT_EQ(0, xpc_set_param("dm_op_buf_max_size", 4096));
}

TEST_F(dm_op, null_buffer_array_efault)
{
	EXPECT_ERRNO(EFAULT, dm_op(self->fd, XPC_DOMID_NONE, 1, NULL));
}

TEST_F(dm_op, kernel_buffer_efault)
{
	struct privcmd_dm_op_buf b = {
		.uptr = (void *)(uintptr_t)(sizeof(void *) == 8 ?
			0xffffffff81000000ULL : 0xfffff000UL),
		.size = 8,
	};

	EXPECT_ERRNO(EFAULT, dm_op(self->fd, XPC_DOMID_NONE, 1, &b));
}

TEST_F(dm_op, unmapped_buffer_efault)
{
	struct privcmd_dm_op_buf b = { .uptr = self->buf, .size = 8 };

	ASSERT_EQ(0, munmap(self->buf, XPC_PAGE));
	EXPECT_ERRNO(EFAULT, dm_op(self->fd, XPC_DOMID_NONE, 1, &b));
}

/* The first page pins, the second does not: nothing may stay pinned. */
TEST_F(dm_op, partly_mapped_buffer_efault)
{
	struct privcmd_dm_op_buf b = {
		.uptr = self->buf + XPC_PAGE - 16, .size = 32,
	};
	int i;

	self->buf[0] = 1;
	ASSERT_EQ(0, munmap(self->buf + XPC_PAGE, XPC_PAGE));
	for (i = 0; i < 64; i++) {
		EXPECT_ERRNO(EFAULT, dm_op(self->fd, XPC_DOMID_NONE, 1, &b));
	}
}

TEST_F(dm_op, read_only_buffer_efault)
{
	struct privcmd_dm_op_buf b = { .uptr = self->buf, .size = 8 };

	ASSERT_EQ(0, mprotect(self->buf, XPC_PAGE, PROT_READ));
	EXPECT_ERRNO(EFAULT, dm_op(self->fd, XPC_DOMID_NONE, 1, &b));
}

TEST_F(dm_op, bad_argument_efault)
{
	EXPECT_ERRNO(EFAULT, ioctl(self->fd, IOCTL_PRIVCMD_DM_OP, NULL));
}

/*
 * Raised limits must not let the page count wrap: 4096 buffers of 4 GiB
 * less a byte, each starting one byte into a page, span 2^20 pages each,
 * 2^32 in all, which 32 bits count as none.  Refused before anything is
 * sized or pinned from the count, and the kernel carries on.
 */
FIXTURE(wrap) {
	int fd;
	long max_nr, max_size;
	bool raised;
	struct privcmd_dm_op_buf *bufs;
};

FIXTURE_VARIANT(wrap) {
	unsigned int num;	/* 2^20-page buffers */
	size_t last;		/* and one more of this size, if not 0 */
};

/* Wraps to exactly 0, and to a single page. */
FIXTURE_VARIANT_ADD(wrap, to_zero) { .num = 4096 };
FIXTURE_VARIANT_ADD(wrap, to_one_page) { .num = 4096, .last = 8 };
/* Does not wrap, and is more than one array can list. */
FIXTURE_VARIANT_ADD(wrap, too_many_pages) { .num = 1 };

#define WRAP_BUF_SIZE	0xffffffffUL
#define WRAP_BUF_ADDR	((void *)0x10000001UL)

FIXTURE_SETUP(wrap)
{
	unsigned int i, n = variant->num + !!variant->last;

	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	self->max_nr = xpc_param("dm_op_max_nr_bufs");
	self->max_size = xpc_param("dm_op_buf_max_size");
	ASSERT_LT(0, self->max_nr);
	ASSERT_LT(0, self->max_size);
	self->bufs = calloc(n, sizeof(*self->bufs));
	ASSERT_TRUE(self->bufs != NULL);
	/* Addresses only: the module must refuse before it looks at them. */
	for (i = 0; i < variant->num; i++)
		self->bufs[i] = (struct privcmd_dm_op_buf){
			.uptr = WRAP_BUF_ADDR, .size = WRAP_BUF_SIZE,
		};
	if (variant->last)
		self->bufs[i] = (struct privcmd_dm_op_buf){
			.uptr = WRAP_BUF_ADDR, .size = variant->last,
		};
	/* A 32-bit program's buffers cannot reach 4 GiB: the test skips. */
	if (sizeof(void *) < 8)
		return;
	self->raised = true;
	ASSERT_EQ(0, xpc_set_param("dm_op_max_nr_bufs", 65535));
	ASSERT_EQ(0, xpc_set_param("dm_op_buf_max_size", (long)WRAP_BUF_SIZE));
}

FIXTURE_TEARDOWN(wrap)
{
	if (self->raised) {
		EXPECT_EQ(0, xpc_set_param("dm_op_max_nr_bufs", self->max_nr));
		EXPECT_EQ(0, xpc_set_param("dm_op_buf_max_size", self->max_size));
	}
	free(self->bufs);
	close(self->fd);
}

TEST_F(wrap, e2big_and_the_kernel_survives)
{
	struct privcmd_dm_op_buf b = { .uptr = &b, .size = 8 };
	__u16 n = variant->num + !!variant->last;

	if (!self->raised)
		SKIP(return, "a 32-bit program cannot name 4 GiB buffers");
	EXPECT_ERRNO(E2BIG, dm_op(self->fd, XPC_DOMID_NONE, n, self->bufs));
	/* Still alive, and a sound call still reaches Xen. */
	EXPECT_ERRNO(XPC_DM_OP_NO_DOMAIN, dm_op(self->fd, XPC_DOMID_NONE, 1, &b));
}

/* Judged as dm_op: never the caller's own domain, and as the policy says. */
FIXTURE(judged) {
	int fd;
	struct xpc_policy policy;
	char buf[8];
};

FIXTURE_VARIANT(judged) {
	__u16 dom;
	bool own_id;
	bool policy_none;
	unsigned int reason;
};

FIXTURE_VARIANT_ADD(judged, domid_self) {
	.dom = XPC_DOMID_SELF, .reason = XPRIVCMD_REASON_OWN_DOMAIN,
};
FIXTURE_VARIANT_ADD(judged, own_id) {
	.dom = 0, .own_id = true, .reason = XPRIVCMD_REASON_OWN_DOMAIN,
};
FIXTURE_VARIANT_ADD(judged, policy_none) {
	.dom = XPC_DOMID_NONE, .policy_none = true,
	.reason = XPRIVCMD_REASON_POLICY,
};

FIXTURE_SETUP(judged)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	if (variant->policy_none)
		ASSERT_EQ(0, xpc_policy_change(&self->policy, "none"));
}

FIXTURE_TEARDOWN(judged)
{
	EXPECT_EQ(0, xpc_policy_restore(&self->policy))
		TH_LOG("cannot restore the policy \"%s\"", self->policy.saved);
	close(self->fd);
}

/* With buffers and without: the probe is judged too. */
TEST_F(judged, refused_before_xen)
{
	struct privcmd_dm_op_buf b = { .uptr = self->buf, .size = sizeof(self->buf) };
	long long issued = xpc_stat(__HYPERVISOR_dm_op, "issued");
	struct xprivcmd_last_error last;

	if (variant->own_id && !xpc_is_dom0())
		SKIP(return, "not dom0: own domain id unknown to the test");
	last = EXPECT_REFUSED(self->fd, variant->reason, dm_op(self->fd, variant->dom, 1, &b));
	EXPECT_EQ(__HYPERVISOR_dm_op, last.op);
	last = EXPECT_REFUSED(self->fd, variant->reason, dm_op(self->fd, variant->dom, 0, NULL));
	EXPECT_EQ(__HYPERVISOR_dm_op, last.op);
	EXPECT_EQ(issued, xpc_stat(__HYPERVISOR_dm_op, "issued"));
}

TEST_HARNESS_MAIN
