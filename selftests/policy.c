// SPDX-License-Identifier: GPL-2.0-only
/*
 * Policy, kernel copies and observability, against a real hypervisor:
 * narrowed fds, the module-wide policy, multicall smuggling, a thread
 * racing to rewrite a checked sub-command, pointers embedded in sysctl
 * structures, tracepoints and latency histograms.
 */
#include <pthread.h>
#include <sys/mman.h>
#include <sys/utsname.h>

#include "xprivcmd_utils.h"

#include <xen/physdev.h>

#include "kselftest_harness.h"

#define TRACEFS		"/sys/kernel/tracing"

static long console_write(int fd, const char *msg)
{
	return xpc_hypercall(fd, __HYPERVISOR_console_io, CONSOLEIO_write,
			     strlen(msg), xpc_ptr(msg), 0, 0);
}

static long xen_version(int fd)
{
	return xpc_hypercall(fd, __HYPERVISOR_xen_version, XENVER_version,
			     0, 0, 0, 0);
}

/* Each test gets two fds and the module-wide parameters as they were. */
FIXTURE(pol) {
	int fd, fd2;
	char policy[XPC_POLICY_MAX];
	char mc_max[32];
};

FIXTURE_SETUP(pol)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	self->fd2 = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	ASSERT_LE(0, self->fd2);
	ASSERT_EQ(0, xpc_read_line(XPC_PARAM("policy"), self->policy, sizeof(self->policy)));
	ASSERT_EQ(0, xpc_read_line(XPC_PARAM("multicall_max"), self->mc_max, sizeof(self->mc_max)));
}

FIXTURE_TEARDOWN(pol)
{
	xpc_write_file(XPC_PARAM("policy"), self->policy);
	xpc_write_file(XPC_PARAM("multicall_max"), self->mc_max);
	xpc_write_file(XPC_PARAM("latency_stats"), "N");
	close(self->fd);
	close(self->fd2);
}

TEST_F(pol, default_policy_allows_everything)
{
	EXPECT_STREQ("all", self->policy);
}

TEST_F(pol, narrowed_fd_denies_with_eacces_and_reason)
{
	struct xprivcmd_last_error last;

	test_narrow("none +xen_version");
	EXPECT_LT(0, xen_version(self->fd));
	last = EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_POLICY,
			      console_write(self->fd, "denied\n"));
	EXPECT_EQ(__HYPERVISOR_console_io, last.op);
	EXPECT_EQ(EACCES, last.err);
	/* Other fds keep their own policy. */
	EXPECT_EQ(0, console_write(self->fd2, "other fd still allowed\n"));
}

TEST_F(pol, narrowed_fd_can_never_widen)
{
	test_narrow("-console_io");
	test_narrow("all");
	test_narrow("+console_io");
	EXPECT_ERRNO(EACCES, console_write(self->fd, "still denied\n"));
	EXPECT_LT(0, xen_version(self->fd));
}

TEST_F(pol, sub_command_rules)
{
	xen_extraversion_t extra;

	test_narrow("-xen_version:1");
	EXPECT_LT(0, xen_version(self->fd));
	EXPECT_ERRNO(EACCES, xpc_hypercall(self->fd, __HYPERVISOR_xen_version,
					   XENVER_extraversion, xpc_ptr(extra), 0, 0, 0));
	/* Xen reads an int command: high bits must not dodge the rule. */
	EXPECT_ERRNO(EACCES, xpc_hypercall(self->fd, __HYPERVISOR_xen_version,
					   (1ULL << 32) | XENVER_extraversion,
					   xpc_ptr(extra), 0, 0, 0));
}

TEST_F(pol, bad_narrow_requests)
{
	struct xprivcmd_narrow n = { .text = xpc_ptr("all"), .len = 3, .flags = 1 };
	static char big[XPRIVCMD_POLICY_TEXT_MAX + 2];

	EXPECT_ERRNO(EINVAL, ioctl(self->fd, XPRIVCMD_IOCTL_NARROW, &n));
	test_err_narrow(EINVAL, "+no_such_hypercall");
	test_err_narrow(EINVAL, "deny domctl");
	memset(big, ' ', sizeof(big) - 1);
	test_err_narrow(E2BIG, big);
	n.flags = 0;
	n.text = 0;
	EXPECT_ERRNO(EFAULT, ioctl(self->fd, XPRIVCMD_IOCTL_NARROW, &n));
	/* None of this narrowed anything. */
	EXPECT_EQ(0, console_write(self->fd, "not narrowed\n"));
}

/* Sets the module-wide policy to @text; what it became in @now.  0 or -1. */
static int set_policy(const char *text, char now[XPC_POLICY_MAX])
{
	if (xpc_write_file(XPC_PARAM("policy"), text))
		return -1;
	return xpc_read_line(XPC_PARAM("policy"), now, XPC_POLICY_MAX);
}

TEST_F(pol, module_policy_set_at_run_time)
{
	char now[XPC_POLICY_MAX];

	ASSERT_EQ(0, set_policy("-console_io:0", now));
	EXPECT_STREQ("all -console_io:0", now);
	EXPECT_ERRNO(EACCES, console_write(self->fd, "denied globally\n"));
	EXPECT_LT(0, xen_version(self->fd));
	/* A malformed policy is refused and leaves the old one in place. */
	EXPECT_NE(0, xpc_write_file(XPC_PARAM("policy"), "+bogus"));
	ASSERT_EQ(0, xpc_read_line(XPC_PARAM("policy"), now, sizeof(now)));
	EXPECT_STREQ("all -console_io:0", now);
}

TEST_F(pol, strict_preset)
{
	char now[XPC_POLICY_MAX];

	ASSERT_EQ(0, set_policy("strict", now));
	/* strict refuses what xprivcmd does not model, as the default does. */
	EXPECT_TRUE(strstr(now, "unmodelled") == NULL) TH_LOG("%s", now);
	EXPECT_LT(0, xen_version(self->fd));
	EXPECT_EQ(0, console_write(self->fd, "strict allows console writes\n"));
	EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_POLICY,
		       xpc_hypercall(self->fd, __HYPERVISOR_memory_op, 0, 0, 0, 0, 0));
}

/* compat is the in-tree driver's pass-through; known-interfaces a no-op. */
TEST_F(pol, compat_preset_and_old_words)
{
	static const char *const words[][2] = {
		{ "compat", "all unmodelled" },
		{ "compat -unmodelled", "all" },
		{ "unmodelled known-interfaces", "all" },
		{ "known-interfaces", "all" },
	};
	char now[XPC_POLICY_MAX];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(words); i++) {
		ASSERT_EQ(0, set_policy(words[i][0], now));
		EXPECT_STREQ(words[i][1], now) TH_LOG("policy \"%s\"", words[i][0]);
	}
}

/* Denying domctl must hold inside a multicall, and Xen must not see it. */
TEST_F(pol, multicall_cannot_smuggle_denied_op)
{
	struct xen_domctl dc;
	struct xpc_mc_entry mc[2];
	long long issued = xpc_stat(__HYPERVISOR_multicall, "issued");
	struct xprivcmd_last_error last;

	memset(&dc, 0, sizeof(dc));
	dc.cmd = XEN_DOMCTL_getdomaininfo;
	dc.interface_version = XEN_DOMCTL_INTERFACE_VERSION;
	memset(mc, 0, sizeof(mc));
	mc[0].op = __HYPERVISOR_xen_version;
	mc[1].op = __HYPERVISOR_domctl;
	mc[1].args[0] = xpc_ptr(&dc);
	test_narrow("-domctl");
	last = EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_POLICY,
			      xpc_hypercall(self->fd, __HYPERVISOR_multicall,
					    xpc_ptr(mc), 2, 0, 0, 0));
	EXPECT_EQ(1, last.entry);
	EXPECT_EQ(__HYPERVISOR_domctl, last.op);
	EXPECT_EQ(issued, xpc_stat(__HYPERVISOR_multicall, "issued"));
	EXPECT_EQ(0, mc[0].result);
	/* The same list goes through on an fd that allows domctl. */
	EXPECT_EQ(0, xpc_hypercall(self->fd2, __HYPERVISOR_multicall,
				   xpc_ptr(mc), 2, 0, 0, 0));
	EXPECT_LT(0, (long)mc[0].result);
}

TEST_F(pol, multicall_entry_pointers_checked)
{
	__u64 uts = xpc_kernel_addr("init_uts_ns");
	struct xpc_mc_entry mc[2];
	struct xprivcmd_last_error last;
	struct utsname u;

	ASSERT_NE(0, uts);
	memset(mc, 0, sizeof(mc));
	mc[0].op = __HYPERVISOR_xen_version;
	mc[1].op = __HYPERVISOR_xen_version;
	mc[1].args[0] = XENVER_extraversion;
	mc[1].args[1] = uts;
	last = EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_KERNEL_PTR,
			      xpc_hypercall(self->fd, __HYPERVISOR_multicall,
					    xpc_ptr(mc), 2, 0, 0, 0));
	EXPECT_EQ(1, last.entry);
	EXPECT_EQ(1, last.arg);
	EXPECT_EQ(uts, last.value);
	ASSERT_EQ(0, uname(&u));
	EXPECT_STREQ("Linux", u.sysname);
}

TEST_F(pol, nested_multicall_and_limits)
{
	struct xpc_mc_entry mc[3];

	memset(mc, 0, sizeof(mc));
	mc[0].op = __HYPERVISOR_multicall;
	EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_NESTED_MULTICALL,
		       xpc_hypercall(self->fd, __HYPERVISOR_multicall,
				     xpc_ptr(mc), 1, 0, 0, 0));

	mc[0].op = __HYPERVISOR_xen_version;
	mc[1].op = __HYPERVISOR_xen_version;
	mc[2].op = __HYPERVISOR_xen_version;
	ASSERT_EQ(0, xpc_write_file(XPC_PARAM("multicall_max"), "2"));
	EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_TOO_MANY,
		       xpc_hypercall(self->fd, __HYPERVISOR_multicall,
				     xpc_ptr(mc), 3, 0, 0, 0));
	EXPECT_EQ(0, xpc_hypercall(self->fd, __HYPERVISOR_multicall,
				   xpc_ptr(mc), 2, 0, 0, 0));
}

/*
 * readconsole would copy Xen's console ring to whatever address the
 * structure names: a kernel address there must be refused.
 */
TEST_F(pol, sysctl_embedded_pointer_checked)
{
	__u64 uts = xpc_kernel_addr("init_uts_ns");
	struct xprivcmd_last_error last;
	struct xen_sysctl sc;
	struct utsname u;

	ASSERT_NE(0, uts);
	xpc_init_sysctl(&sc, XEN_SYSCTL_readconsole);
	sc.u.readconsole.count = 64;
	sc.u.readconsole.buffer.p = (void *)(uintptr_t)uts;
	last = EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_KERNEL_PTR,
			      xpc_hypercall(self->fd, __HYPERVISOR_sysctl, xpc_ptr(&sc),
					    0, 0, 0, 0));
	EXPECT_EQ(0, last.arg);
	EXPECT_EQ(uts, last.value);
	ASSERT_EQ(0, uname(&u));
	EXPECT_STREQ("Linux", u.sysname);
}

/*
 * An interface version xprivcmd does not know: the layout, and so the
 * handles inside, are unknown.  Refused by default (fail closed); with the
 * policy word "unmodelled" it reaches Xen, which answers EACCES itself.
 */
TEST_F(pol, known_interfaces_refuses_unknown_version)
{
	struct xprivcmd_last_error last;
	struct xen_sysctl sc;
	long long issued = xpc_stat(__HYPERVISOR_sysctl, "issued");
	__u64 seq = xpc_last_error(self->fd).seq;

	xpc_init_sysctl(&sc, XEN_SYSCTL_physinfo);
	sc.interface_version = 0x7fff;
	last = EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_INTERFACE,
			      xpc_hypercall(self->fd, __HYPERVISOR_sysctl, xpc_ptr(&sc),
					    0, 0, 0, 0));
	EXPECT_EQ(seq + 1, last.seq);
	EXPECT_EQ(issued, xpc_stat(__HYPERVISOR_sysctl, "issued"));

	/* The old word is the default now: still refused. */
	test_narrow("known-interfaces");
	EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_INTERFACE,
		       xpc_hypercall(self->fd, __HYPERVISOR_sysctl, xpc_ptr(&sc),
				     0, 0, 0, 0));
	EXPECT_EQ(seq + 2, xpc_last_error(self->fd).seq);

	/* "unmodelled" lets it through: Xen itself refuses the version. */
	ASSERT_EQ(0, xpc_write_file(XPC_PARAM("policy"), "unmodelled"));
	EXPECT_ERRNO(EACCES, xpc_hypercall(self->fd2, __HYPERVISOR_sysctl, xpc_ptr(&sc),
					   0, 0, 0, 0));
	EXPECT_EQ(0, xpc_last_error(self->fd2).seq);
	EXPECT_EQ(issued + 1, xpc_stat(__HYPERVISOR_sysctl, "issued"));
	/* ...but not on the fd narrowed without it. */
	EXPECT_ERRNO(EACCES, xpc_hypercall(self->fd, __HYPERVISOR_sysctl, xpc_ptr(&sc),
					   0, 0, 0, 0));
	EXPECT_EQ(seq + 3, xpc_last_error(self->fd).seq);

	/* The version it knows works on the narrowed fd. */
	xpc_init_sysctl(&sc, XEN_SYSCTL_physinfo);
	EXPECT_EQ(0, xpc_hypercall(self->fd, __HYPERVISOR_sysctl, xpc_ptr(&sc),
				   0, 0, 0, 0));
	EXPECT_LT(0, sc.u.physinfo.nr_cpus);
}

/*
 * physinfo is allowed and sched_id denied; a second thread keeps flipping
 * the command between them while the first issues the call.  Xen must
 * never execute sched_id.  What it executed shows in what it wrote back:
 * physinfo overwrites nr_cpus, which sched_id leaves as we set it (the
 * flipper touches only cmd).
 */
TEST_F(pol, sub_command_race_never_gets_through)
{
	static struct xen_sysctl sc;
	struct xpc_flipper f = {
		.where = &sc.cmd, .size = sizeof(sc.cmd),
		.a = XEN_SYSCTL_sched_id, .b = XEN_SYSCTL_physinfo,
	};
	int i, executed_denied = 0, allowed = 0, refused = 0;

	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		SKIP(return, "one CPU: the threads cannot race");
	test_narrow("-sysctl:4");
	xpc_init_sysctl(&sc, XEN_SYSCTL_physinfo);
	ASSERT_EQ(0, xpc_flipper_start(&f));
	for (i = 0; i < 20000; i++) {
		long ret;

		sc.interface_version = XEN_SYSCTL_INTERFACE_VERSION;
		sc.u.physinfo.nr_cpus = 0xdeadbeef;
		ret = xpc_hypercall(self->fd, __HYPERVISOR_sysctl, xpc_ptr(&sc),
				    0, 0, 0, 0);
		if (ret == 0 && sc.u.physinfo.nr_cpus == 0xdeadbeef)
			executed_denied++;
		else if (ret == 0)
			allowed++;
		else if (errno == EACCES)
			refused++;
	}
	xpc_flipper_stop(&f);
	TH_LOG("20000 calls: %d allowed, %d refused by policy", allowed, refused);
	EXPECT_EQ(0, executed_denied);
	/* Both outcomes seen: the flipper really raced the calls. */
	EXPECT_LT(0, allowed);
	EXPECT_LT(0, refused);
}

static int read_all(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, len = 0;

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	return 0;
}

TEST_F(pol, tracepoints_fire_with_fields)
{
	static char trace[1 << 16];
	xen_extraversion_t extra;

	if (access(TRACEFS "/events/xprivcmd", F_OK))
		SKIP(return, "tracefs not mounted at " TRACEFS);
	ASSERT_EQ(0, xpc_write_file(TRACEFS "/trace", ""));
	ASSERT_EQ(0, xpc_write_file(TRACEFS "/events/xprivcmd/enable", "1"));
	EXPECT_LT(0, xpc_hypercall(self->fd, __HYPERVISOR_xen_version,
				   XENVER_version, 0x5eed, 0, 0, 0));
	EXPECT_EQ(-1, xpc_hypercall(self->fd, __HYPERVISOR_xen_version,
				    XENVER_extraversion, 0, 0, 0, 0));
	ASSERT_EQ(0, xpc_write_file(TRACEFS "/events/xprivcmd/enable", "0"));
	(void)extra;
	ASSERT_EQ(0, read_all(TRACEFS "/trace", trace, sizeof(trace)));
	EXPECT_TRUE(strstr(trace, "xprivcmd_hypercall: op=17 op_name=xen_version subop=0 "
			   "args=0x0,0x5eed,") != NULL)
		TH_LOG("%s", trace);
	EXPECT_TRUE(strstr(trace, "duration_ns=") != NULL);
	EXPECT_TRUE(strstr(trace, "xprivcmd_refused: op=17 op_name=xen_version reason=2 "
			   "reason_id=null_ptr arg=1 entry=-1 err=-14") != NULL)
		TH_LOG("%s", trace);
}

TEST_F(pol, latency_histogram_counts_calls)
{
	static char buf[1 << 16];
	unsigned long long total = 0;
	char *line, *tok;
	int i;

	ASSERT_EQ(0, xpc_write_file(XPC_PARAM("latency_stats"), "Y"));
	for (i = 0; i < 10; i++)
		ASSERT_LT(0, xpc_hypercall(self->fd, __HYPERVISOR_xen_version,
					   XENVER_version, 0, 0, 0, 0));
	ASSERT_EQ(0, xpc_write_file(XPC_PARAM("latency_stats"), "N"));
	ASSERT_EQ(0, read_all("/sys/kernel/debug/xprivcmd/latency", buf, sizeof(buf)));
	line = strstr(buf, "17 xen_version ");
	ASSERT_TRUE(line != NULL) TH_LOG("%s", buf);
	line[strcspn(line, "\n")] = '\0';
	for (tok = strtok(line + strlen("17 xen_version "), " "); tok;
	     tok = strtok(NULL, " "))
		total += strtoull(strchr(tok, ':') + 1, NULL, 10);
	EXPECT_LE(10, total);
}

/*
 * Xen's errors are counted by errno, xprivcmd's refusals are not:
 * PHYSDEVOP_free_irq_vector has no handler in Xen (ENOSYS; x86 only), an
 * undeclared hypercall is refused before Xen sees it.
 */
TEST_F(pol, xen_errors_counted_by_errno)
{
	long long before = xpc_stat_line("errno 38 ");
	long long eacces = xpc_stat_line("errno 13 ");

#ifdef __aarch64__
	SKIP(return, "PHYSDEVOP_free_irq_vector is not modelled on Arm");
#endif
	EXPECT_ERRNO(ENOSYS, xpc_hypercall(self->fd, __HYPERVISOR_physdev_op,
					   PHYSDEVOP_free_irq_vector, 0, 0, 0, 0));
	EXPECT_EQ((before < 0 ? 0 : before) + 1, xpc_stat_line("errno 38 "));
	EXPECT_ERRNO(EACCES, xpc_hypercall(self->fd, 63, 0, 0, 0, 0, 0));
	EXPECT_EQ(eacces, xpc_stat_line("errno 13 "));
	EXPECT_EQ((before < 0 ? 0 : before) + 1, xpc_stat_line("errno 38 "));
}

TEST_HARNESS_MAIN
