// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOCTL_PRIVCMD_RESTRICT: an fd tied to one domain may not act on another,
 * nor make raw hypercalls.  (IRQFD, IOEVENTFD and PCIDEV_GET_GSI, built
 * or not, are in eventfd.c.)
 */
#include "xprivcmd_map_utils.h"
#include "kselftest_harness.h"

FIXTURE(restrict) {
	int fd;
};

FIXTURE_SETUP(restrict)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
}

FIXTURE_TEARDOWN(restrict)
{
	close(self->fd);
}

TEST_F(restrict, same_domain_again_is_ok)
{
	EXPECT_EQ(0, xpc_restrict(self->fd, 5));
	EXPECT_EQ(0, xpc_restrict(self->fd, 5));
}

TEST_F(restrict, other_domain_einval)
{
	ASSERT_EQ(0, xpc_restrict(self->fd, 5));
	EXPECT_ERRNO(EINVAL, xpc_restrict(self->fd, 6));
	/* Still restricted to the first. */
	EXPECT_EQ(0, xpc_restrict(self->fd, 5));
}

TEST_F(restrict, bad_argument_efault)
{
	EXPECT_ERRNO(EFAULT, ioctl(self->fd, IOCTL_PRIVCMD_RESTRICT, NULL));
}

TEST_F(restrict, hypercall_eperm)
{
	ASSERT_LT(0, xpc_hypercall(self->fd, __HYPERVISOR_xen_version,
				   XENVER_version, 0, 0, 0, 0));
	ASSERT_EQ(0, xpc_restrict(self->fd, 0));
	/* Tools can tell this EPERM from one of Xen's. */
	EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_RESTRICTED,
		       xpc_hypercall(self->fd, __HYPERVISOR_xen_version, XENVER_version,
				     0, 0, 0, 0));
}

TEST_F(restrict, is_per_fd)
{
	int other = open(xpc_device(), O_RDWR | O_CLOEXEC);

	ASSERT_LE(0, other);
	ASSERT_EQ(0, xpc_restrict(self->fd, 0));
	EXPECT_LT(0, xpc_hypercall(other, __HYPERVISOR_xen_version,
				   XENVER_version, 0, 0, 0, 0));
	close(other);
}

TEST_F(restrict, dm_op_other_domain_eperm)
{
	char buf[8];
	struct privcmd_dm_op_buf b = { .uptr = buf, .size = sizeof(buf) };
	struct privcmd_dm_op op = { .dom = 6, .num = 1, .ubufs = &b };

	ASSERT_EQ(0, xpc_restrict(self->fd, 5));
	EXPECT_ERRNO(EPERM, ioctl(self->fd, IOCTL_PRIVCMD_DM_OP, &op));
	/* The probe is a domain too: only the fd's own passes. */
	op.dom = XPC_DOMID_INVALID;
	op.num = 0;
	EXPECT_ERRNO(EPERM, ioctl(self->fd, IOCTL_PRIVCMD_DM_OP, &op));
	op.dom = 5;
	EXPECT_EQ(0, ioctl(self->fd, IOCTL_PRIVCMD_DM_OP, &op));
}

TEST_F(restrict, dm_op_own_domain_reaches_xen)
{
	char buf[8];
	struct privcmd_dm_op_buf b = { .uptr = buf, .size = sizeof(buf) };
	struct privcmd_dm_op op = { .dom = XPC_DOMID_NONE, .num = 1, .ubufs = &b };

	ASSERT_EQ(0, xpc_restrict(self->fd, XPC_DOMID_NONE));
	EXPECT_ERRNO(XPC_DM_OP_NO_DOMAIN, ioctl(self->fd, IOCTL_PRIVCMD_DM_OP, &op));
}

TEST_F(restrict, mmapbatch_v2_other_domain_eperm)
{
	void *addr = xpc_map(self->fd, 1, PROT_READ);
	unsigned long gfn = 0;
	int err = 0;

	ASSERT_TRUE((addr) != MAP_FAILED);
	ASSERT_EQ(0, xpc_restrict(self->fd, 5));
	EXPECT_ERRNO(EPERM, xpc_batch_v2(self->fd, 0, addr, &gfn, &err, 1));
	munmap(addr, XPC_PAGE);
}

TEST_F(restrict, mmapbatch_other_domain_eperm)
{
	void *addr = xpc_map(self->fd, 1, PROT_READ);
	unsigned long gfn = 0;
	struct privcmd_mmapbatch m = {
		.num = 1, .dom = 0, .addr = xpc_ptr(addr), .arr = &gfn,
	};

	ASSERT_TRUE((addr) != MAP_FAILED);
	ASSERT_EQ(0, xpc_restrict(self->fd, 5));
	EXPECT_ERRNO(EPERM, ioctl(self->fd, IOCTL_PRIVCMD_MMAPBATCH, &m));
	munmap(addr, XPC_PAGE);
}

TEST_F(restrict, mmap_other_domain_eperm)
{
	void *addr = xpc_map(self->fd, 1, PROT_READ);
	struct privcmd_mmap_entry e = { .va = xpc_ptr(addr), .mfn = 0, .npages = 1 };
	struct privcmd_mmap m = { .num = 1, .dom = 0, .entry = &e };

	ASSERT_TRUE((addr) != MAP_FAILED);
	ASSERT_EQ(0, xpc_restrict(self->fd, 5));
	/* privcmd's ABI: no IOCTL_PRIVCMD_MMAP at all in a translated guest. */
	EXPECT_ERRNO(xpc_auto_translated(self->fd) ? ENOSYS : EPERM,
		     ioctl(self->fd, IOCTL_PRIVCMD_MMAP, &m));
	munmap(addr, XPC_PAGE);
}

TEST_F(restrict, mmap_resource_other_domain_eperm)
{
	struct privcmd_mmap_resource r = { .dom = 0, .type = 1 };

	ASSERT_EQ(0, xpc_restrict(self->fd, 5));
	EXPECT_ERRNO(EPERM, ioctl(self->fd, IOCTL_PRIVCMD_MMAP_RESOURCE, &r));
}

/* Its own domain passes, to Xen, which knows no such domain. */
TEST_F(restrict, mmap_resource_own_domain_reaches_xen)
{
	struct privcmd_mmap_resource r = { .dom = XPC_DOMID_NONE, .type = 1 };

	ASSERT_EQ(0, xpc_restrict(self->fd, XPC_DOMID_NONE));
	EXPECT_ERRNO(ESRCH, ioctl(self->fd, IOCTL_PRIVCMD_MMAP_RESOURCE, &r));
}

TEST_F(restrict, pcidev_get_gsi_eperm)
{
	struct privcmd_pcidev_get_gsi g = { 0 };

	ASSERT_EQ(0, xpc_restrict(self->fd, 5));
	EXPECT_ERRNO(EPERM, ioctl(self->fd, IOCTL_PRIVCMD_PCIDEV_GET_GSI, &g));
}

TEST_F(restrict, unimplemented_probe_enotty)
{
	EXPECT_ERRNO(ENOTTY, ioctl(self->fd, IOCTL_PRIVCMD_UNIMPLEMENTED, NULL));
}

TEST_HARNESS_MAIN
