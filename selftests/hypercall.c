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

/*
 * A page shared copy-on-write with a child after fork() is mapped read-only
 * until written: making it writable for Xen must give the caller a copy of
 * its own, with the child's left as it was.
 */
TEST_F(xpc, copy_on_write_buffer_written_for_caller_only)
{
	char expected[64], seen = 0;
	int go[2], status;
	char *p = mmap(NULL, self->page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pid_t pid;

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 'x', self->page);
	ASSERT_EQ(0, pipe(go));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		/* After the parent's call: still all 'x' here. */
		close(go[1]);
		if (read(go[0], &seen, 1) != 1)
			_exit(2);
		_exit(p[0] != 'x' || memcmp(p, p + 1, self->page - 1) ? 3 : 0);
	}
	close(go[0]);
	EXPECT_EQ(0, xpc_hypercall(self->fd, OP_XEN_VERSION, XENVER_extraversion,
				   xpc_ptr(p), 0, 0, 0));
	ASSERT_EQ(0, xpc_read_line("/sys/hypervisor/version/extra", expected,
				   sizeof(expected)));
	EXPECT_STREQ(expected, p);
	EXPECT_EQ(1, write(go[1], "", 1));
	close(go[1]);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status) && !WEXITSTATUS(status)) TH_LOG("status %#x", status);
	munmap(p, self->page);
}

/*
 * An output buffer at an odd address: the bytes before it, in the same
 * page and the same aligned word, keep their values.
 */
TEST_F(xpc, unaligned_buffer_neighbours_unchanged)
{
	char expected[64];
	char *p = mmap(NULL, self->page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *buf = p + 2 * sizeof(__u32) + 3;

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 0x5a, self->page);
	ASSERT_EQ(0, xpc_hypercall(self->fd, OP_XEN_VERSION, XENVER_extraversion,
				   xpc_ptr(buf), 0, 0, 0));
	ASSERT_EQ(0, xpc_read_line("/sys/hypervisor/version/extra", expected,
				   sizeof(expected)));
	EXPECT_STREQ(expected, buf);
	EXPECT_EQ(0x5a5a5a5a5a5a5a5aULL, *(__u64 *)p);
	EXPECT_EQ(0x5a, buf[-1]);
	EXPECT_EQ(0x5a, buf[-2]);
	EXPECT_EQ(0x5a, buf[-3]);
	EXPECT_EQ(0x5a, buf[sizeof(xen_extraversion_t)]);
	munmap(p, self->page);
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

/*
 * Xen 4.19's struct xen_varbuf sub-commands of xen_version (Xen 4.20:
 * common/kernel.c, xenver_varbuf_op()): a NULL argument asks for the
 * string's length; otherwise Xen reads the u32 len at the argument and
 * writes the string (no NUL) after it when it fits in len bytes, else
 * answers -ENOBUFS.  XENVER_build_id's struct xen_build_id is the same
 * (Xen 4.17 answers a len of 0 with -EINVAL).  xprivcmd checks the header
 * and the len bytes after it as writable and gives Xen a kernel copy of
 * them.  Each sub-command is tried as a call and as the second entry of a
 * multicall, whose first entry (XENVER_version) shows whether Xen ran the
 * list.
 *
 * Older headers (Debian 12's, Xen 4.17) have neither the sub-commands nor
 * the structure; older Xen answers -ENOSYS.
 */
#ifndef XENVER_extraversion2
#define XENVER_extraversion2	11
#define XENVER_capabilities2	12
#define XENVER_changeset2	13
#define XENVER_commandline2	14
#endif

#define XPC_XEN_4_19	XPC_XEN(4, 19)

struct xpc_varbuf {
	__u32 len;
	char buf[];
};

FIXTURE(varbuf) {
	int fd;
	long page;
	long xen;	/* XENVER_version: major << 16 | minor */
};

FIXTURE_VARIANT(varbuf) {
	const char *name;
	unsigned int cmd;	/* the varbuf sub-command */
	long since;		/* the first Xen that has it (XENVER_version) */
	unsigned int old;	/* the fixed-size one it replaces */
	size_t old_size;	/* the size of that one's buffer; 0: none */
	bool may_be_empty;	/* a build from a tarball has no changeset */
	bool multicall;
};

#define VARBUF_VARIANT(_name, _since, _old, _old_size, _empty)		\
	FIXTURE_VARIANT_ADD(varbuf, _name) {				\
		"XENVER_" #_name, XENVER_##_name, _since, _old,		\
		_old_size, _empty, false,				\
	};								\
	FIXTURE_VARIANT_ADD(varbuf, _name##_multicall) {		\
		"XENVER_" #_name, XENVER_##_name, _since, _old,		\
		_old_size, _empty, true,				\
	}

VARBUF_VARIANT(extraversion2, XPC_XEN_4_19, XENVER_extraversion,
	       sizeof(xen_extraversion_t), false);
VARBUF_VARIANT(capabilities2, XPC_XEN_4_19, XENVER_capabilities,
	       sizeof(xen_capabilities_info_t), false);
VARBUF_VARIANT(changeset2, XPC_XEN_4_19, XENVER_changeset,
	       sizeof(xen_changeset_info_t), true);
VARBUF_VARIANT(commandline2, XPC_XEN_4_19, XENVER_commandline,
	       sizeof(xen_commandline_t), false);
/* Binary, with no fixed-size counterpart; Xen 4.7 added it. */
VARBUF_VARIANT(build_id, XPC_XEN(4, 7), 0, 0, false);

FIXTURE_SETUP(varbuf)
{
	self->page = sysconf(_SC_PAGESIZE);
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
	self->xen = xpc_hypercall(self->fd, OP_XEN_VERSION, XENVER_version,
				  0, 0, 0, 0);
	ASSERT_LT(0, self->xen);
}

FIXTURE_TEARDOWN(varbuf)
{
	close(self->fd);
}

/* The 6.1 harness runs a test whose setup skipped: each test skips itself. */
#define VARBUF_NEEDS_XEN()						\
	do {								\
		if (self->xen < variant->since)				\
			SKIP(return, "Xen %ld.%ld has no %s (Xen %ld.%ld+)", \
			     self->xen >> 16, self->xen & 0xffff,	\
			     variant->name, variant->since >> 16,	\
			     variant->since & 0xffff);			\
	} while (0)

/*
 * _size = the length Xen reports (size query); a Xen built without a build
 * id answers XENVER_build_id -ENODATA: nothing to test then.
 */
#define VARBUF_SIZE(_size)						\
	do {								\
		long _vb_unused;					\
		errno = 0;						\
		_size = varbuf_call(self->fd, variant, 0, &_vb_unused);	\
		if (_size < 0 && errno == ENODATA)			\
			SKIP(return, "this Xen has no %s", variant->name); \
		ASSERT_LE(0, _size) TH_LOG("%s: %s, reason %u",		\
					   variant->name, strerror(errno), \
					   xpc_last_error(self->fd).reason); \
	} while (0)

/* The hypercall that reaches Xen: xen_version itself, or the multicall. */
static unsigned int varbuf_op(const FIXTURE_VARIANT(varbuf) *v)
{
	return v->multicall ? __HYPERVISOR_multicall : OP_XEN_VERSION;
}

/*
 * The variant's sub-command on @arg, as a call or in a multicall: Xen's
 * answer, or -1 with errno set, whichever way it went.  @first is set to
 * the multicall's first entry's result (0 when Xen ran no entry).
 */
static long varbuf_call(int fd, const FIXTURE_VARIANT(varbuf) *v, __u64 arg,
			long *first)
{
	struct xpc_mc_entry mc[2];
	long ret;

	*first = 0;
	if (!v->multicall)
		return xpc_hypercall(fd, OP_XEN_VERSION, v->cmd, arg, 0, 0, 0);
	memset(mc, 0, sizeof(mc));
	mc[0].op = OP_XEN_VERSION;
	mc[0].args[0] = XENVER_version;
	mc[1].op = OP_XEN_VERSION;
	mc[1].args[0] = v->cmd;
	mc[1].args[1] = arg;
	ret = xpc_hypercall(fd, __HYPERVISOR_multicall, xpc_ptr(mc), 2, 0, 0, 0);
	if (ret)
		return ret;
	*first = mc[0].result;
	if ((long)mc[1].result < 0) {
		errno = -(long)mc[1].result;
		return -1;
	}
	return mc[1].result;
}

/*
 * What Xen reports through the fixed-size sub-command the variant's
 * replaces, NUL-terminated in @out (old_size + 1 bytes): its length, or
 * -1.  Xen cuts it to old_size - 1 bytes (*@cut then says so).
 */
static long varbuf_old(int fd, const FIXTURE_VARIANT(varbuf) *v, char *out,
		       bool *cut)
{
	*cut = false;
	if (!v->old_size)
		return 0;
	memset(out, 0, v->old_size + 1);
	if (xpc_hypercall(fd, OP_XEN_VERSION, v->old, xpc_ptr(out), 0, 0, 0))
		return -1;
	*cut = strlen(out) >= v->old_size - 1;
	return strlen(out);
}

/*
 * xprivcmd refused the variant's call on @_arg for @_reason, blaming
 * argument @_blamed (XPRIVCMD_ARG_NONE: none) for holding @_value, in the
 * call or in the multicall's entry 1, and Xen was not called: neither
 * xen_version nor the multicall was issued.
 */
#define EXPECT_VARBUF_REFUSED(_reason, _arg, _blamed, _value) do {	\
	long long _vb_issued = xpc_stat(varbuf_op(variant), "issued");	\
	long long _vb_xv = xpc_stat(OP_XEN_VERSION, "issued");		\
	struct xprivcmd_last_error _vb_l;				\
	long _vb_first;							\
	ASSERT_LE(0, _vb_issued);					\
	_vb_l = EXPECT_REFUSED(self->fd, _reason,			\
			       varbuf_call(self->fd, variant, _arg, &_vb_first)); \
	EXPECT_EQ(OP_XEN_VERSION, _vb_l.op);				\
	EXPECT_EQ(_blamed, _vb_l.arg);					\
	EXPECT_EQ((__u64)(_value), _vb_l.value);			\
	EXPECT_EQ(variant->multicall ? 1 : XPRIVCMD_ARG_NONE, _vb_l.entry); \
	EXPECT_EQ(0, _vb_first);					\
	EXPECT_EQ(_vb_issued, xpc_stat(varbuf_op(variant), "issued"));	\
	EXPECT_EQ(_vb_xv, xpc_stat(OP_XEN_VERSION, "issued"));		\
} while (0)

/* Before 4.19, Xen has no *2 sub-commands: the size query reaches it. */
TEST_F(varbuf, enosys_before_xen_4_19)
{
	long long issued = xpc_stat(varbuf_op(variant), "issued");
	long first;

	if (self->xen >= variant->since)
		SKIP(return, "Xen %ld.%ld has %s", self->xen >> 16,
		     self->xen & 0xffff, variant->name);
	EXPECT_ERRNO(ENOSYS, varbuf_call(self->fd, variant, 0, &first));
	EXPECT_EQ(issued + 1, xpc_stat(varbuf_op(variant), "issued"));
	EXPECT_EQ(0, xpc_last_error(self->fd).seq);
}

/* A NULL argument asks Xen for the length of what the old op cuts. */
TEST_F(varbuf, size_query_reaches_xen)
{
	long long issued = xpc_stat(varbuf_op(variant), "issued");
	char old[1025];
	long size, len, first;
	bool cut;

	VARBUF_NEEDS_XEN();
	ASSERT_GE(sizeof(old), variant->old_size + 1);
	VARBUF_SIZE(size);
	EXPECT_EQ(issued + 1, xpc_stat(varbuf_op(variant), "issued"));
	EXPECT_EQ(0, xpc_last_error(self->fd).seq);
	if (!variant->may_be_empty)
		EXPECT_LT(0, size);
	len = varbuf_old(self->fd, variant, old, &cut);
	ASSERT_LE(0, len);
	if (cut) {
		EXPECT_LE(len, size);
	} else if (variant->old_size) {
		EXPECT_EQ(len, size);
	}
	if (variant->multicall) {
		varbuf_call(self->fd, variant, 0, &first);
		EXPECT_EQ(self->xen, first);
	}
}

/*
 * With len the string's length or more, Xen writes the string after the
 * header and nothing past it; the header stays as it was.  A build id is
 * the same bytes each time.
 */
TEST_F(varbuf, string_when_len_fits)
{
	static const unsigned int extra[] = { 0, 1, 100 };
	char old[1025], want_tail[100];
	struct xpc_varbuf *vb;
	long size, len, first;
	unsigned int i;
	bool cut;

	VARBUF_NEEDS_XEN();
	VARBUF_SIZE(size);
	len = varbuf_old(self->fd, variant, old, &cut);
	ASSERT_LE(0, len);
	ASSERT_GT((long)sizeof(old), size);
	memset(want_tail, 0xa5, sizeof(want_tail));
	vb = malloc(sizeof(*vb) + size + sizeof(want_tail));
	ASSERT_TRUE(vb != NULL);
	for (i = 0; i < ARRAY_SIZE(extra); i++) {
		memset(vb, 0xa5, sizeof(*vb) + size + sizeof(want_tail));
		vb->len = size + extra[i];
		EXPECT_EQ(size, varbuf_call(self->fd, variant, xpc_ptr(vb), &first))
			TH_LOG("len %ld: %s", size + extra[i], strerror(errno));
		EXPECT_EQ(size + extra[i], vb->len);
		if (!variant->old_size && !i) {
			memcpy(old, vb->buf, size);
			len = size;
		}
		EXPECT_EQ(0, memcmp(vb->buf, old, len))
			TH_LOG("%s: '%.*s', not '%s'", variant->name, (int)size,
			       vb->buf, old);
		if (!cut)
			EXPECT_EQ(len, size);
		EXPECT_EQ(0, memcmp(vb->buf + size, want_tail, sizeof(want_tail)));
		if (variant->multicall)
			EXPECT_EQ(self->xen, first);
	}
	EXPECT_EQ(0, xpc_last_error(self->fd).seq);
	free(vb);
}

/*
 * With len short of the string (0 included), Xen answers -ENOBUFS and
 * writes nothing: the call reached Xen, and xprivcmd refused nothing.
 * Before Xen 4.19, XENVER_build_id answers a len of 0 with -EINVAL.
 */
TEST_F(varbuf, len_too_small_enobufs_from_xen)
{
	long lens[2], size, first;
	struct xpc_varbuf *vb;
	long long issued;
	unsigned int i;
	char *want;
	int err;

	VARBUF_NEEDS_XEN();
	VARBUF_SIZE(size);
	if (!size)
		SKIP(return, "%s is empty: no len is too small", variant->name);
	lens[0] = 0;
	lens[1] = size - 1;
	vb = malloc(sizeof(*vb) + size);
	want = malloc(sizeof(*vb) + size);
	ASSERT_TRUE(vb != NULL);
	ASSERT_TRUE(want != NULL);
	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		memset(vb, 0x5a, sizeof(*vb) + size);
		vb->len = lens[i];
		memcpy(want, vb, sizeof(*vb) + size);
		issued = xpc_stat(varbuf_op(variant), "issued");
		err = ENOBUFS;
		if (!lens[i] && variant->cmd == XENVER_build_id &&
		    self->xen < XPC_XEN_4_19)
			err = EINVAL;
		EXPECT_ERRNO(err, varbuf_call(self->fd, variant, xpc_ptr(vb), &first))
			TH_LOG("len %ld of %ld", lens[i], size);
		EXPECT_EQ(issued + 1, xpc_stat(varbuf_op(variant), "issued"));
		EXPECT_EQ(0, memcmp(want, vb, sizeof(*vb) + size));
		if (variant->multicall)
			EXPECT_EQ(self->xen, first);
	}
	EXPECT_EQ(0, xpc_last_error(self->fd).seq);
	free(want);
	free(vb);
}

/*
 * The header and the string's room at the end of a writable page, len one
 * byte more, running into the next page: unmapped, or mapped read-only
 * (where Xen would write).  Both are refused as unmapped, naming the
 * header's address, before Xen sees them, and so is a len far past the
 * page; what is mapped stays as it was.  A len that ends on the page
 * boundary is let through.
 */
static void varbuf_straddle(struct __test_metadata *_metadata,
			    FIXTURE_DATA(varbuf) *self,
			    const FIXTURE_VARIANT(varbuf) *variant, int second)
{
	size_t room, mapped = second == PROT_NONE ? self->page : 2 * self->page;
	struct xpc_varbuf *vb;
	long size, first;
	char *p, *want;

	VARBUF_SIZE(size);
	room = (sizeof(*vb) + size + 3) & ~3UL;
	ASSERT_GT((size_t)self->page, room);
	p = mmap(NULL, 2 * self->page, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 0x3c, 2 * self->page);
	if (second == PROT_NONE) {
		ASSERT_EQ(0, munmap(p + self->page, self->page));
	} else {
		ASSERT_EQ(0, mprotect(p + self->page, self->page, second));
	}
	want = malloc(mapped);
	ASSERT_TRUE(want != NULL);
	vb = (struct xpc_varbuf *)(p + self->page - room);

	vb->len = room - sizeof(*vb) + 1;
	memcpy(want, p, mapped);
	EXPECT_VARBUF_REFUSED(XPRIVCMD_REASON_UNMAPPED, xpc_ptr(vb), 1, xpc_ptr(vb));
	EXPECT_EQ(0, memcmp(want, p, mapped));
	/* Far past it, as a len read from the wrong place would be. */
	vb->len = 0x01000000;
	memcpy(want, p, mapped);
	EXPECT_VARBUF_REFUSED(XPRIVCMD_REASON_UNMAPPED, xpc_ptr(vb), 1, xpc_ptr(vb));
	EXPECT_EQ(0, memcmp(want, p, mapped));

	vb->len = room - sizeof(*vb);
	EXPECT_EQ(size, varbuf_call(self->fd, variant, xpc_ptr(vb), &first))
		TH_LOG("len up to the page's end: %s", strerror(errno));
	free(want);
	munmap(p, mapped);
}

TEST_F(varbuf, len_into_unmapped_page_refused)
{
	VARBUF_NEEDS_XEN();
	varbuf_straddle(_metadata, self, variant, PROT_NONE);
}

TEST_F(varbuf, len_into_read_only_page_refused)
{
	VARBUF_NEEDS_XEN();
	varbuf_straddle(_metadata, self, variant, PROT_READ);
}

/*
 * The kernel's utsname as the buffer: Xen would read "Linu" as len and
 * write the string over the rest.  Refused by its address; uname as it was.
 */
TEST_F(varbuf, kernel_buffer_refused_and_untouched)
{
	__u64 uts = xpc_kernel_addr("init_uts_ns");
	struct utsname u;

	VARBUF_NEEDS_XEN();
	ASSERT_NE(0, uts) TH_LOG("neither init_uts_ns nor _stext in /proc/kallsyms");
	EXPECT_VARBUF_REFUSED(XPRIVCMD_REASON_KERNEL_PTR, uts, 1, uts);
	ASSERT_EQ(0, uname(&u));
	EXPECT_STREQ("Linux", u.sysname);
}

/* Header and len that the module would copy: bounded by copy_max. */
TEST_F(varbuf, len_beyond_copy_max_refused)
{
	const char *param = XPC_PARAM("copy_max");
	struct xpc_varbuf *vb;
	char max[32];
	size_t len;

	VARBUF_NEEDS_XEN();
	ASSERT_EQ(0, xpc_read_line(param, max, sizeof(max)));
	len = strtoul(max, NULL, 0) + self->page;
	vb = mmap(NULL, len, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	ASSERT_TRUE(vb != MAP_FAILED);
	vb->len = strtoul(max, NULL, 0);
	EXPECT_VARBUF_REFUSED(XPRIVCMD_REASON_TOO_LARGE, xpc_ptr(vb),
			      XPRIVCMD_ARG_NONE, 0);
	munmap(vb, len);
}

TEST_HARNESS_MAIN
