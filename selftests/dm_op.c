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

	errno = 0;
	EXPECT_EQ(-1, dm_op(self->fd, XPC_DOMID_NONE, 1, &b));
	EXPECT_EQ(XPC_DM_OP_NO_DOMAIN, errno);
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
	errno = 0;
	EXPECT_EQ(-1, dm_op(self->fd, XPC_DOMID_NONE, 17, b));
	EXPECT_EQ(E2BIG, errno);
}

TEST_F(dm_op, buffer_too_big_e2big)
{
	struct privcmd_dm_op_buf b = { .uptr = self->buf, .size = 4097 };

	errno = 0;
	EXPECT_EQ(-1, dm_op(self->fd, XPC_DOMID_NONE, 1, &b));
	EXPECT_EQ(E2BIG, errno);
}

TEST_F(dm_op, limits_follow_the_parameters)
{
	struct privcmd_dm_op_buf b[2] = {
		{ .uptr = self->buf, .size = 8 },
		{ .uptr = self->buf + 8, .size = 8 },
	};

	ASSERT_EQ(0, xpc_set_param("dm_op_max_nr_bufs", 1));
	errno = 0;
	EXPECT_EQ(-1, dm_op(self->fd, XPC_DOMID_NONE, 2, b));
	EXPECT_EQ(E2BIG, errno);
	ASSERT_EQ(0, xpc_set_param("dm_op_max_nr_bufs", 16));

	ASSERT_EQ(0, xpc_set_param("dm_op_buf_max_size", 4));
	errno = 0;
	EXPECT_EQ(-1, dm_op(self->fd, XPC_DOMID_NONE, 1, b));
	EXPECT_EQ(E2BIG, errno);
	ASSERT_EQ(0, xpc_set_param("dm_op_buf_max_size", 4096));
}

TEST_F(dm_op, null_buffer_array_efault)
{
	errno = 0;
	EXPECT_EQ(-1, dm_op(self->fd, XPC_DOMID_NONE, 1, NULL));
	EXPECT_EQ(EFAULT, errno);
}

TEST_F(dm_op, kernel_buffer_efault)
{
	struct privcmd_dm_op_buf b = {
		.uptr = (void *)(uintptr_t)(sizeof(void *) == 8 ?
			0xffffffff81000000ULL : 0xfffff000UL),
		.size = 8,
	};

	errno = 0;
	EXPECT_EQ(-1, dm_op(self->fd, XPC_DOMID_NONE, 1, &b));
	EXPECT_EQ(EFAULT, errno);
}

TEST_F(dm_op, unmapped_buffer_efault)
{
	struct privcmd_dm_op_buf b = { .uptr = self->buf, .size = 8 };

	ASSERT_EQ(0, munmap(self->buf, XPC_PAGE));
	errno = 0;
	EXPECT_EQ(-1, dm_op(self->fd, XPC_DOMID_NONE, 1, &b));
	EXPECT_EQ(EFAULT, errno);
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
		errno = 0;
		EXPECT_EQ(-1, dm_op(self->fd, XPC_DOMID_NONE, 1, &b));
		EXPECT_EQ(EFAULT, errno);
	}
}

TEST_F(dm_op, read_only_buffer_efault)
{
	struct privcmd_dm_op_buf b = { .uptr = self->buf, .size = 8 };

	ASSERT_EQ(0, mprotect(self->buf, XPC_PAGE, PROT_READ));
	errno = 0;
	EXPECT_EQ(-1, dm_op(self->fd, XPC_DOMID_NONE, 1, &b));
	EXPECT_EQ(EFAULT, errno);
}

TEST_F(dm_op, bad_argument_efault)
{
	errno = 0;
	EXPECT_EQ(-1, ioctl(self->fd, IOCTL_PRIVCMD_DM_OP, NULL));
	EXPECT_EQ(EFAULT, errno);
}

TEST_HARNESS_MAIN
