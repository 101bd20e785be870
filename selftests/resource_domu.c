// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOCTL_PRIVCMD_MMAP_RESOURCE's success paths, on a real guest: dom0 maps
 * the grant table of a PV domU that xl created (paused), and finds the two
 * entries the toolstack reserves there for the guest's backends: the
 * console ring and the xenstore ring, granted to dom0 at the frames that
 * xenstore names.
 *
 * Xen lets no domain acquire its own resources, so this needs a second
 * domain: guest-toolstack.sh runs it with XPC_DOMU (its domid) and the
 * frames xenstore knows for the rings, XPC_DOMU_CONSOLE and XPC_DOMU_STORE.
 * Anywhere else it skips.
 */
#include <sys/mman.h>

#include "xprivcmd_map_utils.h"
#include "kselftest_harness.h"

#include <xen/grant_table.h>


static unsigned long env_number(const char *name)
{
	const char *v = getenv(name);

	return v ? strtoul(v, NULL, 0) : 0;
}

/* Before the harness starts: its fixture setups cannot skip a test. */
static void __attribute__((constructor)) skip_without_domu(void)
{
	if (!getenv("XPC_DOMU")) {
		ksft_print_header();
		ksft_exit_skip("no domU: guest-toolstack.sh runs this with one\n");
	}
}

FIXTURE(domu) {
	int fd;
	__u16 dom;
};

FIXTURE_SETUP(domu)
{
	self->dom = env_number("XPC_DOMU");
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
}

FIXTURE_TEARDOWN(domu)
{
	close(self->fd);
}

/* addr = num = 0: Xen says how many frames the resource has. */
TEST_F(domu, size_query)
{
	__u64 num = 0;

	ASSERT_EQ(0, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE,
					0, 0, NULL, &num));
	TH_LOG("domain %u: %llu grant table frames", self->dom,
	       (unsigned long long)num);
	EXPECT_LE(1, num);
	/* Xen's default limit, 64 frames, unless xl was told otherwise. */
	EXPECT_GE(64, num);
}

/* The reserved entries, as libxl seeded them before the guest ran. */
TEST_F(domu, maps_reserved_entries)
{
	const grant_entry_v1_t *gnt = xpc_map(self->fd, 1, PROT_READ);
	unsigned long console = env_number("XPC_DOMU_CONSOLE");
	unsigned long store = env_number("XPC_DOMU_STORE");

	ASSERT_TRUE(gnt != MAP_FAILED);
	ASSERT_EQ(0, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE,
					0, 1, (void *)gnt, NULL));
	TH_LOG("console: flags %#x domid %u frame %#x (xenstore: %#lx)",
	       gnt[GNTTAB_RESERVED_CONSOLE].flags,
	       gnt[GNTTAB_RESERVED_CONSOLE].domid,
	       gnt[GNTTAB_RESERVED_CONSOLE].frame, console);
	TH_LOG("xenstore: flags %#x domid %u frame %#x (xenstore: %#lx)",
	       gnt[GNTTAB_RESERVED_XENSTORE].flags,
	       gnt[GNTTAB_RESERVED_XENSTORE].domid,
	       gnt[GNTTAB_RESERVED_XENSTORE].frame, store);
	/*
	 * Writable grants, which xenconsoled and xenstored already use
	 * (GTF_reading/GTF_writing may be set too).
	 */
	EXPECT_EQ(GTF_permit_access, gnt[GNTTAB_RESERVED_CONSOLE].flags & GTF_type_mask);
	EXPECT_EQ(0, gnt[GNTTAB_RESERVED_CONSOLE].flags & GTF_readonly);
	EXPECT_EQ(0, gnt[GNTTAB_RESERVED_CONSOLE].domid);
	EXPECT_EQ(console, gnt[GNTTAB_RESERVED_CONSOLE].frame);
	EXPECT_EQ(GTF_permit_access, gnt[GNTTAB_RESERVED_XENSTORE].flags & GTF_type_mask);
	EXPECT_EQ(0, gnt[GNTTAB_RESERVED_XENSTORE].flags & GTF_readonly);
	EXPECT_EQ(0, gnt[GNTTAB_RESERVED_XENSTORE].domid);
	EXPECT_EQ(store, gnt[GNTTAB_RESERVED_XENSTORE].frame);
	EXPECT_NE(0, console);
	EXPECT_NE(console, store);
	munmap((void *)gnt, XPC_PAGE);
}

/* Frames after the first, into the middle of a larger mapping. */
TEST_F(domu, maps_inside_larger_mapping)
{
	unsigned char *q = xpc_map(self->fd, 3, PROT_READ);
	__u64 num = 0;

	ASSERT_TRUE(q != MAP_FAILED);
	ASSERT_EQ(0, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE,
					0, 0, NULL, &num));
	if (num < 2)
		SKIP(goto out, "a single grant table frame");
	ASSERT_EQ(0, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE,
					0, 2, q + XPC_PAGE, NULL));
	/* Readable: the frames are there; the page before stays a hole. */
	EXPECT_EQ(0, xpc_read_signal(q + XPC_PAGE));
	EXPECT_EQ(0, xpc_read_signal(q + 2 * XPC_PAGE));
	EXPECT_EQ(SIGBUS, xpc_read_signal(q));
out:
	munmap(q, 3 * XPC_PAGE);
}

/* Beyond the table: Xen's refusal, unchanged. */
TEST_F(domu, past_the_table_fails)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);
	__u64 num = 0;

	ASSERT_TRUE(q != MAP_FAILED);
	ASSERT_EQ(0, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE,
					0, 0, NULL, &num));
	EXPECT_ERRNO(EINVAL, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE,
					      1024, 1, q, NULL))
		TH_LOG("errno %d", errno);
	munmap(q, XPC_PAGE);
}

/* A device model restricted to the guest it serves may map its table... */
TEST_F(domu, restricted_to_domu_maps)
{
	const grant_entry_v1_t *gnt = xpc_map(self->fd, 1, PROT_READ);
	__u16 dom = self->dom;

	ASSERT_TRUE(gnt != MAP_FAILED);
	ASSERT_EQ(0, ioctl(self->fd, IOCTL_PRIVCMD_RESTRICT, &dom));
	ASSERT_EQ(0, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE,
					0, 1, (void *)gnt, NULL));
	EXPECT_EQ(GTF_permit_access, gnt[GNTTAB_RESERVED_XENSTORE].flags & GTF_type_mask);
	EXPECT_EQ(env_number("XPC_DOMU_STORE"), gnt[GNTTAB_RESERVED_XENSTORE].frame);
	munmap((void *)gnt, XPC_PAGE);
}

/* ...and one restricted to another may not, nor even ask its size. */
TEST_F(domu, restricted_elsewhere_eperm)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);
	__u16 dom = self->dom + 1;

	ASSERT_TRUE(q != MAP_FAILED);
	ASSERT_EQ(0, ioctl(self->fd, IOCTL_PRIVCMD_RESTRICT, &dom));
	EXPECT_ERRNO(EPERM, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE,
					      0, 1, q, NULL));
	EXPECT_ERRNO(EPERM, xpc_map_resource(self->fd, self->dom, XPC_RESOURCE_GRANT_TABLE,
					      0, 0, NULL, NULL));
	EXPECT_EQ(SIGBUS, xpc_read_signal(q));
	munmap(q, XPC_PAGE);
}

TEST_HARNESS_MAIN
