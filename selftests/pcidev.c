// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOCTL_PRIVCMD_PCIDEV_GET_GSI with pciback loaded and holding a device, on
 * a real hypervisor.  (Without pciback, and on a restricted fd: eventfd.c.)
 *
 * The answer is pciback's, through the kernel's xen_acpi_get_gsi_from_sbdf(),
 * for xprivcmd as for the in-tree driver: -ENODEV for a device pciback does
 * not hold, and for one it holds the GSI it recorded.  It records one only
 * in a PVH dom0 (Linux 6.12 to 7.2); elsewhere it keeps -1, which privcmd
 * hands on as it is: EPERM.  Jason Andryuk's "xen/pciback: Make missing GSI
 * non-fatal" (2025) would answer ENOENT there, which Xen 4.20's tools read
 * as "no GSI"; a kernel carrying it answers ENOENT through xprivcmd too.
 *
 * The program loads the kernel's pciback itself (the modules the VM lists
 * in /xpc/pciback.list), telling it to hold a PCI device that no driver
 * has, and unloads it again: the other programs see the VM without it.
 */
#include <dirent.h>
#include <sys/syscall.h>

#include "xprivcmd_map_utils.h"
#include "kselftest_harness.h"

#define PCIBACK_LIST	"/xpc/pciback.list"
#define PCIBACK_NAME	"xen_pciback"

static bool pciback_loaded(void)
{
	return access("/sys/module/" PCIBACK_NAME, F_OK) == 0;
}

/* Whether the VM has pciback to load: a list with a module in it. */
static bool pciback_listed(void)
{
	char line[256];
	FILE *list = fopen(PCIBACK_LIST, "r");
	bool listed;

	if (!list)
		return false;
	listed = fscanf(list, "%255s", line) == 1;
	fclose(list);
	return listed;
}

/*
 * The device pciback is to hold: the last PCI function no driver has bound,
 * bridges aside (0 if there is none).  Returns its sbdf + 1.
 */
static __u32 spare_device(char *bdf, size_t len)
{
	unsigned int seg, bus, dev, fn, class;
	__u32 best = 0;
	char path[300];
	struct dirent *d;
	DIR *dir = opendir("/sys/bus/pci/devices");
	FILE *f;

	if (!dir)
		return 0;
	while ((d = readdir(dir))) {
		__u32 sbdf;

		if (sscanf(d->d_name, "%x:%x:%x.%x", &seg, &bus, &dev, &fn) != 4)
			continue;
		snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/driver", d->d_name);
		if (access(path, F_OK) == 0)
			continue;
		snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/class", d->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fscanf(f, "%x", &class) != 1 || class >> 16 == 0x06) {
			fclose(f);
			continue;
		}
		fclose(f);
		sbdf = seg << 16 | bus << 8 | dev << 3 | fn;
		if (sbdf + 1 > best) {
			best = sbdf + 1;
			snprintf(bdf, len, "%04x:%02x:%02x.%x", seg, bus, dev, fn);
		}
	}
	closedir(dir);
	return best;
}

/*
 * Loads the modules the list names, in order, the last (pciback) with
 * @params.  Returns 0, or the errno of the first that would not load.
 */
static int pciback_load(const char *params)
{
	char line[256], next[256];
	FILE *list = fopen(PCIBACK_LIST, "r");
	bool more;
	int err = 0;

	if (!list)
		return errno;
	more = fscanf(list, "%255s", line) == 1;
	while (more && !err) {
		int fd = open(line, O_RDONLY | O_CLOEXEC);

		more = fscanf(list, "%255s", next) == 1;
		if (fd < 0) {
			err = errno;
			break;
		}
		if (syscall(SYS_finit_module, fd, more ? "" : params, 0) &&
		    errno != EEXIST)
			err = errno;
		close(fd);
		memcpy(line, next, sizeof(line));
	}
	fclose(list);
	return err;
}

/*
 * Whether pciback finished setting @bdf up: its irq_handlers file lists the
 * devices in its table, the one the GSI lookup searches.  A device it has
 * bound may be missing there: in a PVH dom0 pciback has Xen set up the
 * device's GSI (PHYSDEVOP_setup_gsi), which Xen gives a PVH dom0 from 4.20
 * on; before, the call fails with ENOSYS and pciback drops the device from
 * its table, while staying bound to it.
 */
static bool pciback_initialized(const char *bdf)
{
	char line[256];
	size_t len = strlen(bdf);
	bool found = false;
	FILE *f = fopen("/sys/bus/pci/drivers/pciback/irq_handlers", "r");

	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f))
		found = !strncmp(line, bdf, len) && line[len] == ':';
	fclose(f);
	return found;
}

/* Returns the ioctl's errno, 0 on success; @gsi what it left there. */
static int get_gsi(int fd, __u32 sbdf, __u32 *gsi)
{
	struct privcmd_pcidev_get_gsi g = { .sbdf = sbdf, .gsi = 0xdead };
	int ret = ioctl(fd, IOCTL_PRIVCMD_PCIDEV_GET_GSI, &g) ? errno : 0;

	*gsi = g.gsi;
	return ret;
}

FIXTURE(pciback) {
	int fd;
	__u32 held;	/* the sbdf of the device pciback holds */
	char bdf[64];
	const char *skip;	/* why the setup skipped, if it did */
};

/* The setup's SKIP() through self->skip, for NEED_PCIBACK(). */
#define PCIBACK_SKIP(why) do {						\
	self->skip = (why);						\
	SKIP(return, "%s", self->skip);					\
} while (0)

/*
 * First in every test: the harness of Linux 6.1 runs the test even when its
 * fixture's setup skipped.
 */
#define NEED_PCIBACK() do {						\
	if (self->skip)							\
		SKIP(return, "%s", self->skip);				\
} while (0)

FIXTURE_SETUP(pciback)
{
	char params[96];
	__u32 spare;

	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	if (!xpc_kallsyms("xen_acpi_get_gsi_from_sbdf"))
		PCIBACK_SKIP("the kernel has no GSI lookup: see eventfd.c");
	if (!pciback_listed())
		PCIBACK_SKIP("no pciback module in this VM");
	if (pciback_loaded())
		PCIBACK_SKIP("pciback is loaded already: its devices are not ours");
	spare = spare_device(self->bdf, sizeof(self->bdf));
	if (!spare)
		PCIBACK_SKIP("no PCI device without a driver for pciback to hold");
	self->held = spare - 1;
	snprintf(params, sizeof(params), "hide=(%s)", self->bdf);
	ASSERT_EQ(0, pciback_load(params));
}

FIXTURE_TEARDOWN(pciback)
{
	if (pciback_loaded())
		syscall(SYS_delete_module, PCIBACK_NAME, O_NONBLOCK);
	close(self->fd);
}

/* pciback took the device at load, as told. */
TEST_F(pciback, holds_the_device)
{
	char path[128], target[128] = "";

	NEED_PCIBACK();
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/driver", self->bdf);
	ASSERT_LT(0, readlink(path, target, sizeof(target) - 1));
	EXPECT_STREQ("pciback", strrchr(target, '/') + 1);
}

/*
 * The device it holds: the GSI where pciback recorded one (a PVH dom0's
 * device with a legacy interrupt), else the kernel's "none" (see above);
 * one it failed to set up is not in its table, and so not known (ENODEV).
 */
TEST_F(pciback, held_device)
{
	__u32 gsi;
	int err;

	NEED_PCIBACK();
	err = get_gsi(self->fd, self->held, &gsi);
	TH_LOG("%s (sbdf %#x): errno %d, gsi %#x", self->bdf, self->held, err, gsi);
	if (!pciback_initialized(self->bdf)) {
		TH_LOG("pciback bound %s but did not set it up: see dmesg", self->bdf);
		EXPECT_EQ(ENODEV, err);
		EXPECT_EQ(0xdead, gsi);
		return;
	}
	if (xpc_auto_translated(self->fd) && !err) {
		EXPECT_NE(0xdead, gsi);
		return;
	}
	EXPECT_TRUE(err == EPERM || err == ENOENT);
	EXPECT_EQ(0xdead, gsi);
}

/* Every other device, and one that does not exist: not pciback's. */
TEST_F(pciback, other_devices_enodev)
{
	unsigned int seg, bus, dev, fn;
	struct dirent *d;
	__u32 gsi;
	DIR *dir;

	NEED_PCIBACK();
	dir = opendir("/sys/bus/pci/devices");
	ASSERT_TRUE(dir != NULL);
	while ((d = readdir(dir))) {
		__u32 sbdf;

		if (sscanf(d->d_name, "%x:%x:%x.%x", &seg, &bus, &dev, &fn) != 4)
			continue;
		sbdf = seg << 16 | bus << 8 | dev << 3 | fn;
		if (sbdf == self->held)
			continue;
		EXPECT_EQ(ENODEV, get_gsi(self->fd, sbdf, &gsi)) TH_LOG("%s", d->d_name);
		EXPECT_EQ(0xdead, gsi);
	}
	closedir(dir);
	EXPECT_EQ(ENODEV, get_gsi(self->fd, 0xffff00 | 31 << 3 | 7, &gsi));
}

/* Unloaded, pciback takes its lookup with it: no one to ask again. */
TEST_F(pciback, unloaded_eopnotsupp)
{
	__u32 gsi;

	NEED_PCIBACK();

	ASSERT_EQ(0, syscall(SYS_delete_module, PCIBACK_NAME, O_NONBLOCK));
	EXPECT_EQ(EOPNOTSUPP, get_gsi(self->fd, self->held, &gsi));
}

TEST_HARNESS_MAIN
