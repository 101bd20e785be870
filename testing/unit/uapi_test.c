// SPDX-License-Identifier: GPL-2.0-only
/*
 * Our UAPI header against Xen's tools' privcmd header: same ioctl numbers,
 * same layouts.  Built for 64- and 32-bit, as the sizes differ on i386.
 */
#include <stddef.h>
#include <string.h>
#include <xen/xprivcmd.h>

#include "abi.h"
#include "kselftest_harness.h"

static const struct abi_entry ours[] = {
	{ "IOCTL_PRIVCMD_HYPERCALL", IOCTL_PRIVCMD_HYPERCALL, sizeof(struct privcmd_hypercall) },
	{ "IOCTL_PRIVCMD_MMAP", IOCTL_PRIVCMD_MMAP, sizeof(struct privcmd_mmap) },
	{ "IOCTL_PRIVCMD_MMAPBATCH", IOCTL_PRIVCMD_MMAPBATCH, sizeof(struct privcmd_mmapbatch) },
	{ "IOCTL_PRIVCMD_MMAPBATCH_V2", IOCTL_PRIVCMD_MMAPBATCH_V2,
	  sizeof(struct privcmd_mmapbatch_v2) },
	{ "IOCTL_PRIVCMD_DM_OP", IOCTL_PRIVCMD_DM_OP, sizeof(struct privcmd_dm_op) },
	{ "IOCTL_PRIVCMD_RESTRICT", IOCTL_PRIVCMD_RESTRICT, sizeof(__u16) },
	{ "IOCTL_PRIVCMD_MMAP_RESOURCE", IOCTL_PRIVCMD_MMAP_RESOURCE,
	  sizeof(struct privcmd_mmap_resource) },
	{ "IOCTL_PRIVCMD_UNIMPLEMENTED", IOCTL_PRIVCMD_UNIMPLEMENTED, 0 },
	{ "privcmd_mmap_entry", 0, sizeof(struct privcmd_mmap_entry) },
	{ "privcmd_dm_op_buf", 0, sizeof(struct privcmd_dm_op_buf) },
};

TEST(same_numbers_and_sizes_as_xen_tools)
{
	unsigned int i;

	for (i = 0; xen_abi[i].name; i++) {
		ASSERT_LT(i, sizeof(ours) / sizeof(ours[0]));
		EXPECT_STREQ(xen_abi[i].name, ours[i].name);
		EXPECT_EQ(xen_abi[i].cmd, ours[i].cmd) TH_LOG("%s", ours[i].name);
		EXPECT_EQ(xen_abi[i].size, ours[i].size) TH_LOG("%s", ours[i].name);
	}
	EXPECT_EQ(sizeof(ours) / sizeof(ours[0]), i);
}

/* Numbers from the kernel's include/uapi/xen/privcmd.h, for what Xen 4.17's tools lack. */
TEST(kernel_only_ioctls)
{
	EXPECT_EQ(0x00305000UL,
		  (unsigned long)IOCTL_PRIVCMD_HYPERCALL);
	EXPECT_EQ(0x40185008UL, (unsigned long)IOCTL_PRIVCMD_IRQFD);
	EXPECT_EQ(0x40305009UL, (unsigned long)IOCTL_PRIVCMD_IOEVENTFD);
	EXPECT_EQ(0x0008500aUL, (unsigned long)IOCTL_PRIVCMD_PCIDEV_GET_GSI);
	EXPECT_EQ(24, sizeof(struct privcmd_irqfd));
	EXPECT_EQ(48, sizeof(struct privcmd_ioeventfd));
	EXPECT_EQ(32, sizeof(struct privcmd_mmap_resource));
}

TEST_HARNESS_MAIN
