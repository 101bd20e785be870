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
	test_restrict(5);
	test_restrict(5);
}

TEST_F(restrict, other_domain_einval)
{
	test_restrict(5);
	test_err_restrict(EINVAL, 6);
	/* Still restricted to the first. */
	test_restrict(5);
}

TEST_F(restrict, bad_argument_efault)
{
	EXPECT_ERRNO(EFAULT, ioctl(self->fd, IOCTL_PRIVCMD_RESTRICT, NULL));
}

TEST_F(restrict, hypercall_eperm)
{
	ASSERT_LT(0, xpc_hypercall(self->fd, __HYPERVISOR_xen_version,
				   XENVER_version, 0, 0, 0, 0));
	test_restrict(0);
	/* Tools can tell this EPERM from one of Xen's. */
	EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_RESTRICTED,
		       xpc_hypercall(self->fd, __HYPERVISOR_xen_version, XENVER_version,
				     0, 0, 0, 0));
}

TEST_F(restrict, is_per_fd)
{
	int other = open(xpc_device(), O_RDWR | O_CLOEXEC);

	ASSERT_LE(0, other);
	test_restrict(0);
	EXPECT_LT(0, xpc_hypercall(other, __HYPERVISOR_xen_version,
				   XENVER_version, 0, 0, 0, 0));
	close(other);
}

TEST_F(restrict, dm_op_other_domain_eperm)
{
	char buf[8];
	struct privcmd_dm_op_buf b = { .uptr = buf, .size = sizeof(buf) };
	struct privcmd_dm_op op = { .dom = 6, .num = 1, .ubufs = &b };

	test_restrict(5);
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

	test_restrict(XPC_DOMID_NONE);
	EXPECT_ERRNO(XPC_DM_OP_NO_DOMAIN, ioctl(self->fd, IOCTL_PRIVCMD_DM_OP, &op));
}

/* Its own domain passes, to Xen, which knows no such domain. */
TEST_F(restrict, mmap_resource_own_domain_reaches_xen)
{
	struct privcmd_mmap_resource r = { .dom = XPC_DOMID_NONE, .type = 1 };

	test_restrict(XPC_DOMID_NONE);
	EXPECT_ERRNO(ESRCH, ioctl(self->fd, IOCTL_PRIVCMD_MMAP_RESOURCE, &r));
}

TEST_F(restrict, pcidev_get_gsi_eperm)
{
	struct privcmd_pcidev_get_gsi g = { 0 };

	test_restrict(5);
	EXPECT_ERRNO(EPERM, ioctl(self->fd, IOCTL_PRIVCMD_PCIDEV_GET_GSI, &g));
}

TEST_F(restrict, unimplemented_probe_enotty)
{
	EXPECT_ERRNO(ENOTTY, ioctl(self->fd, IOCTL_PRIVCMD_UNIMPLEMENTED, NULL));
}

/*
 * Each way of mapping, naming domain 0 on an fd restricted to domain 5
 * (the resource ones on a grant table, one frame or just its size).
 */
FIXTURE(restricted_map) {
	int fd;
	void *addr;
	bool translated;
};

FIXTURE_VARIANT(restricted_map) {
	enum xpc_map_kind kind;
};

FIXTURE_VARIANT_ADD(restricted_map, mmap) { XPC_MAP_MMAP };
FIXTURE_VARIANT_ADD(restricted_map, mmapbatch) { XPC_MAP_BATCH_V1 };
FIXTURE_VARIANT_ADD(restricted_map, mmapbatch_v2) { XPC_MAP_BATCH_V2 };
FIXTURE_VARIANT_ADD(restricted_map, mmap_resource) { XPC_MAP_RESOURCE };
FIXTURE_VARIANT_ADD(restricted_map, mmap_resource_size) { XPC_MAP_RESOURCE_SIZE };

FIXTURE_SETUP(restricted_map)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
	self->addr = xpc_map(self->fd, 1, PROT_READ);
	ASSERT_TRUE(self->addr != MAP_FAILED);
	/* Asked before the restriction, which refuses raw hypercalls. */
	self->translated = xpc_auto_translated(self->fd);
	test_restrict(5);
}

FIXTURE_TEARDOWN(restricted_map)
{
	munmap(self->addr, XPC_PAGE);
	close(self->fd);
}

TEST_F(restricted_map, other_domain_eperm)
{
	/* privcmd's ABI: no IOCTL_PRIVCMD_MMAP at all in a translated guest. */
	int err = variant->kind == XPC_MAP_MMAP && self->translated ? ENOSYS : EPERM;

	EXPECT_ERRNO(err, xpc_map_ioctl(self->fd, variant->kind, 0, self->addr, 0));
}

TEST_HARNESS_MAIN
