// SPDX-License-Identifier: GPL-2.0-only
/*
 * Every allocation and user copy on a call's path, failed in turn: the
 * kernel's fault injection (failslab, fail_page_alloc, fail_usercopy)
 * armed for this thread alone through /proc/thread-self/fail-nth, as
 * iommufd's selftests do.  With fail-nth at N the Nth fallible step of
 * the call fails; reading it back gives 0 if that happened.  Each call so
 * failed must end with an errno (ENOMEM or EFAULT) or its usual outcome,
 * never with a refusal or a crash, and leave the file usable; N goes up
 * until the call runs through without reaching N.  Leaks are kmemleak's
 * to find at the end of the boot (testing/vm/guest/init).  Only a kernel
 * with fault injection has fail-nth (make check-debug's debug kernel);
 * elsewhere the program skips.
 */
#include <sys/stat.h>

#include "xprivcmd_map_utils.h"
#include "kselftest_harness.h"

#define FAIL_NTH	"/proc/thread-self/fail-nth"
/* More fallible steps than any call has: a loop this long is a bug. */
#define MAX_STEPS	2000

struct fi_ctx {
	int fd;			/* the device, opened by the fixture */
	char *buf;		/* a page, touched: no fault injected there */
	struct xpc_policy policy;
	char policy_now[XPC_POLICY_MAX];	/* the module's, read at setup */
};

/* A call: 0, or -1 with errno. */
typedef int (*fi_call)(struct fi_ctx *c);

static int fi_open_close(struct fi_ctx *c)
{
	int fd = open(xpc_device(), O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

/* A buffer Xen writes, checked and written back to user space. */
static int fi_version_buffer(struct fi_ctx *c)
{
	return xpc_hypercall(c->fd, __HYPERVISOR_xen_version, XENVER_extraversion,
			     xpc_ptr(c->buf), 0, 0, 0) < 0 ? -1 : 0;
}

/* A structure copied into the kernel, checked, and its result copied back. */
static int fi_sysctl_physinfo(struct fi_ctx *c)
{
	struct xen_sysctl *sc = (struct xen_sysctl *)c->buf;

	xpc_init_sysctl(sc, XEN_SYSCTL_physinfo);
	return xpc_hypercall(c->fd, __HYPERVISOR_sysctl, xpc_ptr(sc), 0, 0, 0, 0) < 0 ?
		-1 : 0;
}

/* A multicall whose entry carries a structure. */
static int fi_multicall_entry(struct fi_ctx *c)
{
	struct xpc_mc_entry *e = (struct xpc_mc_entry *)c->buf;
	struct xen_sysctl *sc = (struct xen_sysctl *)(c->buf + 1024);

	memset(e, 0, sizeof(*e));
	xpc_init_sysctl(sc, XEN_SYSCTL_physinfo);
	e->op = __HYPERVISOR_sysctl;
	e->args[0] = xpc_ptr(sc);
	if (xpc_hypercall(c->fd, __HYPERVISOR_multicall, xpc_ptr(e), 1, 0, 0, 0) < 0)
		return -1;
	if (e->result) {
		errno = -(long)e->result;
		return -1;
	}
	return 0;
}

/* A dm_op's buffers, copied in; Xen's answer: no such domain. */
static int fi_dm_op(struct fi_ctx *c)
{
	struct privcmd_dm_op_buf b[2] = {
		{ .uptr = c->buf, .size = 16 },
		{ .uptr = c->buf + 64, .size = 32 },
	};
	struct privcmd_dm_op op = { .dom = XPC_DOMID_NONE, .num = 2, .ubufs = b };

	return ioctl(c->fd, IOCTL_PRIVCMD_DM_OP, &op) < 0 ? -1 : 0;
}

/* The file's own state: a restriction on a file of its own. */
static int fi_restrict(struct fi_ctx *c)
{
	int fd = open(xpc_device(), O_RDWR | O_CLOEXEC), ret;

	if (fd < 0)
		return -1;
	ret = xpc_restrict(fd, XPC_DOMID_NONE) < 0 ? -1 : 0;
	close(fd);
	return ret;
}

/* Narrowing the file's policy: its text parsed into a new table. */
static int fi_narrow(struct fi_ctx *c)
{
	int fd = open(xpc_device(), O_RDWR | O_CLOEXEC), ret;

	if (fd < 0)
		return -1;
	ret = xpc_narrow(fd, "-sysctl");
	close(fd);
	return ret;
}

/* The module-wide policy replaced: parsed, published, the old one freed. */
static int fi_policy_write(struct fi_ctx *c)
{
	return xpc_policy_change(&c->policy, c->policy_now);
}

/* A mapping of the device (its VMA's state), and a frame Xen refuses. */
static int fi_mmap_resource(struct fi_ctx *c)
{
	void *q = mmap(NULL, XPC_PAGE, PROT_READ, MAP_SHARED, c->fd, 0);
	int ret;

	if (q == MAP_FAILED)
		return -1;
	ret = xpc_map_resource(c->fd, XPC_DOMID_NONE, XPC_RESOURCE_GRANT_TABLE, 0, 1,
			       q, NULL) < 0 ? -1 : 0;
	munmap(q, XPC_PAGE);
	return ret;
}

FIXTURE(fi) {
	struct fi_ctx c;
	int nth;
};

FIXTURE_VARIANT(fi) {
	fi_call call;
	int final_errno;	/* the call's outcome when nothing fails */
};

FIXTURE_VARIANT_ADD(fi, open_close) { .call = fi_open_close };
FIXTURE_VARIANT_ADD(fi, version_buffer) { .call = fi_version_buffer };
FIXTURE_VARIANT_ADD(fi, sysctl_physinfo) { .call = fi_sysctl_physinfo };
FIXTURE_VARIANT_ADD(fi, multicall_entry) { .call = fi_multicall_entry };
FIXTURE_VARIANT_ADD(fi, dm_op) { .call = fi_dm_op, .final_errno = XPC_DM_OP_NO_DOMAIN };
FIXTURE_VARIANT_ADD(fi, restrict) { .call = fi_restrict };
FIXTURE_VARIANT_ADD(fi, narrow) { .call = fi_narrow };
FIXTURE_VARIANT_ADD(fi, policy_write) { .call = fi_policy_write };
FIXTURE_VARIANT_ADD(fi, mmap_resource) { .call = fi_mmap_resource, .final_errno = ESRCH };

/* A fault-injection switch in debugfs, set for the whole run. */
static int fi_knob(const char *attr, const char *knob, const char *value)
{
	char path[128];

	snprintf(path, sizeof(path), "/sys/kernel/debug/%s/%s", attr, knob);
	return xpc_write_file(path, value);
}

FIXTURE_SETUP(fi)
{
	/* The test skips: the harness of 6.1 runs it after a skipped setup. */
	self->nth = -1;
	if (access(FAIL_NTH, W_OK))
		return;
	/*
	 * Every allocation may fail, those that may sleep too (failslab and
	 * fail_page_alloc leave them alone by default), of any order; quietly:
	 * a stack trace for each would fill the console.
	 */
	ASSERT_EQ(0, fi_knob("failslab", "ignore-gfp-wait", "N"));
	ASSERT_EQ(0, fi_knob("fail_page_alloc", "ignore-gfp-wait", "N"));
	ASSERT_EQ(0, fi_knob("fail_page_alloc", "ignore-gfp-highmem", "N"));
	ASSERT_EQ(0, fi_knob("fail_page_alloc", "min-order", "0"));
	ASSERT_EQ(0, fi_knob("failslab", "verbose", "0"));
	ASSERT_EQ(0, fi_knob("fail_page_alloc", "verbose", "0"));
	ASSERT_EQ(0, fi_knob("fail_usercopy", "verbose", "0"));

	self->c.fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->c.fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
	self->c.buf = mmap(NULL, XPC_PAGE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	ASSERT_NE(MAP_FAILED, self->c.buf);
	memset(self->c.buf, 0, XPC_PAGE);
	ASSERT_EQ(0, xpc_read_line(XPC_POLICY_PARAM, self->c.policy_now,
				   sizeof(self->c.policy_now)));
	self->nth = open(FAIL_NTH, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->nth);
}

FIXTURE_TEARDOWN(fi)
{
	if (self->nth < 0)
		return;
	EXPECT_EQ(0, xpc_policy_restore(&self->c.policy));
	close(self->nth);
	munmap(self->c.buf, XPC_PAGE);
	close(self->c.fd);
}

/* Arms fail-nth at @n (0 disarms). */
static int fi_arm(int nth, unsigned int n)
{
	char text[16];
	int len = snprintf(text, sizeof(text), "%u", n);

	return pwrite(nth, text, len, 0) == len ? 0 : -1;
}

/* Whether the armed failure happened (fail-nth reads 0), then disarms. */
static bool fi_fired(int nth)
{
	char text[16] = "";
	bool fired = pread(nth, text, sizeof(text) - 1, 0) > 0 && atoi(text) == 0;

	fi_arm(nth, 0);
	return fired;
}

TEST_F(fi, each_failure_an_errno_then_success)
{
	int n, ret, err, fired = 0;

	if (self->nth < 0)
		SKIP(return, "no %s: a kernel without fault injection", FAIL_NTH);
	/* Once before: whatever a first call sets up lazily is set up. */
	ret = variant->call(&self->c);
	ASSERT_EQ(variant->final_errno, ret ? errno : 0);
	for (n = 1; n <= MAX_STEPS; n++) {
		ASSERT_EQ(0, fi_arm(self->nth, n));
		ret = variant->call(&self->c);
		err = ret ? errno : 0;
		if (!fi_fired(self->nth))
			break;
		fired++;
		/* An injected failure: its own errno, or none of its doing. */
		ASSERT_TRUE(err == ENOMEM || err == EFAULT || err == variant->final_errno ||
			    !err)
			TH_LOG("step %d failed: errno %d (%s)", n, err, strerror(err));
	}
	ASSERT_GE(MAX_STEPS, n) TH_LOG("more than %d fallible steps", MAX_STEPS);
	EXPECT_EQ(variant->final_errno, err)
		TH_LOG("after %d failures: errno %d (%s)", fired, err, strerror(err));
	/* The path has fallible steps of its own: something was failed. */
	EXPECT_LT(0, fired);
	TH_LOG("%d fallible steps failed in turn", fired);
}

TEST_HARNESS_MAIN
