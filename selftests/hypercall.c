// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOCTL_PRIVCMD_HYPERCALL against a real hypervisor: results that Xen
 * produced, and arguments that xprivcmd must refuse before Xen sees them.
 */
#include <grp.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>

#include "xprivcmd_utils.h"

#include <xen/physdev.h>

#include "kselftest_harness.h"

#define OP_XEN_VERSION	__HYPERVISOR_xen_version
#define OP_CONSOLE_IO	__HYPERVISOR_console_io

FIXTURE(xpc) {
	int fd;
	long page;
};

FIXTURE_SETUP(xpc)
{
	self->page = sysconf(_SC_PAGESIZE);
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
}

FIXTURE_TEARDOWN(xpc)
{
	close(self->fd);
}

TEST_F(xpc, version_matches_sysfs)
{
	char major[32], minor[32];
	long v = xpc_hypercall(self->fd, OP_XEN_VERSION, XENVER_version,
			       0, 0, 0, 0);

	ASSERT_LT(0, v);
	ASSERT_EQ(0, xpc_read_line("/sys/hypervisor/version/major", major, sizeof(major)));
	ASSERT_EQ(0, xpc_read_line("/sys/hypervisor/version/minor", minor, sizeof(minor)));
	EXPECT_EQ(atol(major), v >> 16);
	EXPECT_EQ(atol(minor), v & 0xffff);
}

TEST_F(xpc, extraversion_matches_sysfs)
{
	xen_extraversion_t extra;
	char expected[64];

	memset(extra, 0xa5, sizeof(extra));
	ASSERT_EQ(0, xpc_hypercall(self->fd, OP_XEN_VERSION, XENVER_extraversion,
				   xpc_ptr(extra), 0, 0, 0));
	ASSERT_EQ(0, xpc_read_line("/sys/hypervisor/version/extra", expected,
				   sizeof(expected)));
	ASSERT_TRUE(memchr(extra, '\0', sizeof(extra)) != NULL);
	EXPECT_STREQ(expected, extra);
}

/* What a 64-bit Xen of this architecture says it runs. */
#ifdef __aarch64__
#define XPC_XEN_CAPS "xen-3.0-aarch64"
#else
#define XPC_XEN_CAPS "xen-3.0-x86_64"
#endif

TEST_F(xpc, capabilities_match_sysfs)
{
	xen_capabilities_info_t caps;
	char expected[sizeof(caps)];

	memset(caps, 0, sizeof(caps));
	ASSERT_EQ(0, xpc_hypercall(self->fd, OP_XEN_VERSION, XENVER_capabilities,
				   xpc_ptr(caps), 0, 0, 0));
	ASSERT_EQ(0, xpc_read_line("/sys/hypervisor/properties/capabilities",
				   expected, sizeof(expected)));
	EXPECT_STREQ(expected, caps);
	EXPECT_TRUE(strstr(caps, XPC_XEN_CAPS) != NULL);
}

/* Fresh anonymous memory is not backed yet; the call must still succeed. */
TEST_F(xpc, untouched_buffer_works)
{
	char expected[sizeof(xen_capabilities_info_t)];
	char *p = mmap(NULL, self->page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_EQ(0, xpc_hypercall(self->fd, OP_XEN_VERSION, XENVER_capabilities,
				   xpc_ptr(p), 0, 0, 0));
	ASSERT_EQ(0, xpc_read_line("/sys/hypervisor/properties/capabilities",
				   expected, sizeof(expected)));
	EXPECT_STREQ(expected, p);
	munmap(p, self->page);
}

TEST_F(xpc, console_write_reaches_xen_ring)
{
	char msg[128], *ring;
	int len;

	len = snprintf(msg, sizeof(msg), "xprivcmd-selftest %d %ld\n",
		       getpid(), (long)time(NULL));
	ASSERT_EQ(0, xpc_hypercall(self->fd, OP_CONSOLE_IO, CONSOLEIO_write,
				   len, xpc_ptr(msg), 0, 0));

	ring = xpc_read_console_ring(self->fd);
	ASSERT_TRUE(ring != NULL) TH_LOG("readconsole: %s", strerror(errno));
	msg[len - 1] = '\0';
	EXPECT_TRUE(strstr(ring, msg) != NULL)
		TH_LOG("'%s' not in Xen's console ring (is console_to_ring set?)", msg);
	free(ring);
}

TEST_F(xpc, multicall_runs_each_entry)
{
	xen_extraversion_t extra;
	struct xpc_mc_entry mc[2];
	long v = xpc_hypercall(self->fd, OP_XEN_VERSION, XENVER_version,
			       0, 0, 0, 0);

	memset(mc, 0, sizeof(mc));
	memset(extra, 0, sizeof(extra));
	mc[0].op = OP_XEN_VERSION;
	mc[0].args[0] = XENVER_version;
	mc[1].op = OP_XEN_VERSION;
	mc[1].args[0] = XENVER_extraversion;
	mc[1].args[1] = xpc_ptr(extra);
	ASSERT_EQ(0, xpc_hypercall(self->fd, __HYPERVISOR_multicall,
				   xpc_ptr(mc), 2, 0, 0, 0));
	EXPECT_EQ(v, (long)mc[0].result);
	EXPECT_EQ(0, mc[1].result);
	EXPECT_NE('\0', extra[0]);
}

TEST_F(xpc, stats_count_every_call)
{
	long long before = xpc_stat(OP_XEN_VERSION, "issued");
	int i;

	ASSERT_LE(0, before);
	for (i = 0; i < 5; i++)
		ASSERT_LT(0, xpc_hypercall(self->fd, OP_XEN_VERSION,
					   XENVER_version, 0, 0, 0, 0));
	EXPECT_EQ(before + 5, xpc_stat(OP_XEN_VERSION, "issued"));
}

TEST_F(xpc, null_buffer_refused)
{
	EXPECT_HYPERCALL_REFUSED(self->fd, XPRIVCMD_REASON_NULL_PTR, 1, 0,
				 OP_XEN_VERSION, XENVER_extraversion, 0, 0, 0);
}

TEST_F(xpc, unmapped_buffer_refused)
{
	char *p = mmap(NULL, self->page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_EQ(0, munmap(p, self->page));
	EXPECT_HYPERCALL_REFUSED(self->fd, XPRIVCMD_REASON_UNMAPPED, 1, xpc_ptr(p),
				 OP_XEN_VERSION, XENVER_extraversion, xpc_ptr(p), 0, 0);
}

/* Xen would write the answer here: read-only memory must be refused. */
TEST_F(xpc, readonly_buffer_refused_for_output)
{
	char *p = mmap(NULL, self->page, PROT_READ,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_HYPERCALL_REFUSED(self->fd, XPRIVCMD_REASON_UNMAPPED, 1, xpc_ptr(p),
				 OP_XEN_VERSION, XENVER_extraversion, xpc_ptr(p), 0, 0);
	munmap(p, self->page);
}

/* A console write whose length runs off the end of its mapping. */
TEST_F(xpc, buffer_length_past_mapping_refused)
{
	char *p = mmap(NULL, 2 * self->page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_EQ(0, munmap(p + self->page, self->page));
	memset(p, 'x', self->page);
	EXPECT_HYPERCALL_REFUSED(self->fd, XPRIVCMD_REASON_UNMAPPED, 2, xpc_ptr(p),
				 OP_CONSOLE_IO, CONSOLEIO_write, 2 * self->page, xpc_ptr(p), 0);
	munmap(p, self->page);
}

/*
 * The in-tree driver lets Xen write XENVER_extraversion over the kernel's
 * own utsname, which turns `uname -s` from "Linux" into ".7".
 */
TEST_F(xpc, kernel_buffer_refused_and_untouched)
{
	__u64 uts = xpc_kernel_addr("init_uts_ns");
	struct utsname u;

	ASSERT_NE(0, uts) TH_LOG("neither init_uts_ns nor _stext in /proc/kallsyms");
	EXPECT_HYPERCALL_REFUSED(self->fd, XPRIVCMD_REASON_KERNEL_PTR, 1, uts,
				 OP_XEN_VERSION, XENVER_extraversion, uts, 0, 0);
	ASSERT_EQ(0, uname(&u));
	EXPECT_STREQ("Linux", u.sysname);
}

TEST_F(xpc, kernel_console_buffer_refused)
{
	__u64 banner = xpc_kernel_addr("linux_banner");

	ASSERT_NE(0, banner);
	EXPECT_HYPERCALL_REFUSED(self->fd, XPRIVCMD_REASON_KERNEL_PTR, 2, banner,
				 OP_CONSOLE_IO, CONSOLEIO_write, 16, banner, 0);
}

TEST_F(xpc, op_out_of_range_einval)
{
	static const __u64 ops[] = { XPRIVCMD_NR_HYPERCALLS, 4096, ~0ULL,
				     1ULL << 32 };
	long long before = xpc_stat_line("out-of-range rejected ");
	struct xprivcmd_last_error last;
	unsigned int i;

	ASSERT_LE(0, before);
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		last = EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_OP_RANGE,
				      xpc_hypercall(self->fd, ops[i], 0, 0, 0, 0, 0));
		EXPECT_EQ(ops[i], last.op);
		EXPECT_EQ(XPRIVCMD_ARG_NONE, last.arg);
		EXPECT_EQ(i + 1, last.seq);
	}
	EXPECT_EQ(before + 4, xpc_stat_line("out-of-range rejected "));
}

/*
 * An op xprivcmd models but Xen does not implement, with no argument.  On
 * x86, PHYSDEVOP_free_irq_vector: physdev.c has no case for it and
 * pci_physdev_op() answers -ENOSYS.  Xen on Arm has no mmuext_op at all
 * (hypercall-defs.c: "-" in its column); a local TLB flush is one xprivcmd
 * lets through.
 */
#ifdef __aarch64__
#define UNIMPL_OP	__HYPERVISOR_mmuext_op
#else
#define UNIMPL_OP	__HYPERVISOR_physdev_op
#endif

static long unimplemented_call(int fd)
{
#ifdef __aarch64__
	static struct mmuext_op flush = { .cmd = MMUEXT_TLB_FLUSH_LOCAL };

	return xpc_hypercall(fd, UNIMPL_OP, xpc_ptr(&flush), 1, 0, DOMID_SELF, 0);
#else
	return xpc_hypercall(fd, UNIMPL_OP, PHYSDEVOP_free_irq_vector, 0, 0, 0, 0);
#endif
}

/* Modelled, but with no handler in Xen: Xen's own ENOSYS comes back. */
TEST_F(xpc, unimplemented_op_enosys_from_xen)
{
	long long before = xpc_stat(UNIMPL_OP, "issued");

	EXPECT_ERRNO(ENOSYS, unimplemented_call(self->fd));
	EXPECT_EQ(before + 1, xpc_stat(UNIMPL_OP, "issued"));
}

/*
 * An op xprivcmd does not model (tmem_op has no sub-command it knows, 63
 * is undeclared, 100 is beyond Xen's table) is refused under the default
 * policy, fail closed; with the policy word "unmodelled" it reaches Xen,
 * which has no handler: Xen's own ENOSYS comes back.
 */
TEST_F(xpc, unmodelled_op_refused_then_enosys_from_xen)
{
	static const unsigned int ops[] = { __HYPERVISOR_tmem_op, 63, 100 };
	struct xpc_policy policy = { .changed = false };
	unsigned int i;
	long long before;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		EXPECT_HYPERCALL_REFUSED(self->fd, XPRIVCMD_REASON_UNMODELLED,
					 XPRIVCMD_ARG_NONE, 0, ops[i], 0, 0, 0, 0);

	/* Narrowing an fd cannot widen the module's policy: widen that. */
	ASSERT_EQ(0, xpc_policy_add(&policy, "unmodelled"));
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		before = xpc_stat(ops[i], "issued");
		EXPECT_ERRNO(ENOSYS, xpc_hypercall(self->fd, ops[i], 0, 0, 0, 0, 0))
			TH_LOG("op %u", ops[i]);
		EXPECT_EQ(before + 1, xpc_stat(ops[i], "issued"));
	}
	EXPECT_EQ(0, xpc_policy_restore(&policy));
}

/* A fresh fd has no last error; Xen's own failures are not recorded. */
TEST_F(xpc, last_error_starts_empty_and_ignores_xen_errors)
{
	struct xprivcmd_last_error last;

	memset(&last, 0xff, sizeof(last));
	ASSERT_EQ(0, ioctl(self->fd, XPRIVCMD_IOCTL_LAST_ERROR, &last));
	EXPECT_EQ(0, last.seq);
	EXPECT_EQ(0, last.reason);
	EXPECT_EQ(XPRIVCMD_ARG_NONE, last.arg);
	EXPECT_EQ(XPRIVCMD_ARG_NONE, last.entry);
	EXPECT_ERRNO(ENOSYS, unimplemented_call(self->fd));
	EXPECT_EQ(0, xpc_last_error(self->fd).seq);
	/* Refused by xprivcmd, an undeclared op is recorded. */
	last = EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_UNMODELLED,
			      xpc_hypercall(self->fd, 63, 0, 0, 0, 0, 0));
	EXPECT_EQ(1, last.seq);
	EXPECT_EQ(63, last.op);
	EXPECT_EQ(XPRIVCMD_ARG_NONE, last.arg);
	EXPECT_ERRNO(EFAULT, ioctl(self->fd, XPRIVCMD_IOCTL_LAST_ERROR, NULL));
}

TEST_F(xpc, bad_ioctl_argument_efault)
{
	EXPECT_ERRNO(EFAULT, ioctl(self->fd, IOCTL_PRIVCMD_HYPERCALL, NULL));
	EXPECT_ERRNO(EFAULT, ioctl(self->fd, IOCTL_PRIVCMD_HYPERCALL,
				   (void *)(uintptr_t)xpc_kernel_addr("linux_banner")));
}

TEST_F(xpc, unknown_ioctl_enotty)
{
	static const unsigned long cmds[] = {
		IOCTL_PRIVCMD_UNIMPLEMENTED,
		_IOC(_IOC_NONE, 'P', 1, 0),
		_IOC(_IOC_NONE, 'P', 0, 40),	/* HYPERCALL with a wrong size */
		_IOW('Q', 0, int),
	};
	unsigned int i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		EXPECT_ERRNO(ENOTTY, ioctl(self->fd, cmds[i], 0)) TH_LOG("cmd %#lx", cmds[i]);
	}
}

TEST(device_node_is_root_only)
{
	struct stat st;

	ASSERT_EQ(0, stat(xpc_device(), &st));
	EXPECT_TRUE(S_ISCHR(st.st_mode));
	EXPECT_EQ(0600, st.st_mode & 07777);
	EXPECT_EQ(0, st.st_uid);
}

TEST(non_root_open_refused)
{
	int status;
	pid_t pid = fork();

	ASSERT_LE(0, pid);
	if (!pid) {
		if (setgroups(0, NULL) || setresgid(65534, 65534, 65534) ||
		    setresuid(65534, 65534, 65534))
			_exit(2);
		if (open(xpc_device(), O_RDWR) >= 0)
			_exit(3);
		_exit(errno == EACCES ? 0 : 4);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

TEST_HARNESS_MAIN
