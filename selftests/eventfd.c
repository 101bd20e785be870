// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOCTL_PRIVCMD_IRQFD, IOCTL_PRIVCMD_IOEVENTFD and
 * IOCTL_PRIVCMD_PCIDEV_GET_GSI against a real hypervisor.
 *
 * An irqfd's dm_op is aimed at a domain that does not exist: Xen's refusal,
 * counted in the module's stats, proves that a signal reached Xen.  A full
 * ioreq server needs an HVM guest, which this VM (software-emulated x86, a
 * PV dom0) cannot run, and a PV dom0's mappings have no kernel address for
 * the page: the ioeventfd tests cover every refusal up to that point.
 *
 * Whether the module built each feature is read from the running kernel,
 * not from the module: irqfd and ioeventfd need eventfds, the GSI lookup
 * Linux 6.12's xen_acpi_get_gsi_from_sbdf().  Where they are missing, the
 * ioctls must answer as the in-tree driver built without them.  The GSI
 * itself comes from pciback, for the devices it holds; this program runs
 * without pciback, so only the kernel's answers without it are seen here
 * (pcidev.c loads it).
 */
#include <dirent.h>
#include <sys/eventfd.h>
#include <sys/mman.h>

#include "xprivcmd_map_utils.h"
#include "kselftest_harness.h"

#include <xen/event_channel.h>

/* A dm_op that Xen will refuse for the domain before looking at it. */
#define XPC_DMOP_SET_IRQ_LEVEL	5

static bool have_eventfd(void)
{
	return xpc_kallsyms("eventfd_ctx_fdget") != 0;
}

static bool have_gsi(void)
{
	return xpc_kallsyms("xen_acpi_get_gsi_from_sbdf") != 0;
}

/*
 * First in every irqfd and ioeventfd test: this harness runs the test even
 * when its fixture's setup skips.
 */
#define NEED_EVENTFD() do {						\
	if (!have_eventfd())						\
		SKIP(return, "kernel without eventfds: see irqfd_unbuilt"); \
} while (0)

FIXTURE(irqfd) {
	int fd;
	int efd;
	__u32 op[8];
	struct privcmd_irqfd req;
};

FIXTURE_SETUP(irqfd)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
	self->efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (have_eventfd())
		ASSERT_LE(0, self->efd);
	memset(self->op, 0, sizeof(self->op));
	self->op[0] = XPC_DMOP_SET_IRQ_LEVEL;
	memset(&self->req, 0, sizeof(self->req));
	self->req.dm_op = xpc_ptr(self->op);
	self->req.size = sizeof(self->op);
	self->req.fd = self->efd;
	self->req.dom = XPC_DOMID_NONE;
}

FIXTURE_TEARDOWN(irqfd)
{
	close(self->efd);
	close(self->fd);
}

static long irqfd(int fd, struct privcmd_irqfd *req, __u32 flags)
{
	req->flags = flags;
	return ioctl(fd, IOCTL_PRIVCMD_IRQFD, req);
}

static void signal_eventfd(int efd)
{
	__u64 one = 1;

	if (write(efd, &one, sizeof(one)) != sizeof(one))
		perror("eventfd write");
}

TEST_F(irqfd, assign_deassign)
{
	NEED_EVENTFD();
	EXPECT_EQ(0, irqfd(self->fd, &self->req, 0));
	EXPECT_EQ(0, irqfd(self->fd, &self->req, PRIVCMD_IRQFD_FLAG_DEASSIGN));
	/* Nothing left to remove: still 0, as the in-tree driver. */
	EXPECT_EQ(0, irqfd(self->fd, &self->req, PRIVCMD_IRQFD_FLAG_DEASSIGN));
	/* And it can be assigned again. */
	EXPECT_EQ(0, irqfd(self->fd, &self->req, 0));
}

TEST_F(irqfd, duplicate_ebusy)
{
	int fd2 = open(xpc_device(), O_RDWR | O_CLOEXEC);

	NEED_EVENTFD();
	ASSERT_LE(0, fd2);
	ASSERT_EQ(0, irqfd(self->fd, &self->req, 0));
	EXPECT_ERRNO(EBUSY, irqfd(self->fd, &self->req, 0));
	/* An eventfd has one irqfd, whichever fd asks. */
	EXPECT_ERRNO(EBUSY, irqfd(fd2, &self->req, 0));
	/* Nor may another fd take it away. */
	EXPECT_EQ(0, irqfd(fd2, &self->req, PRIVCMD_IRQFD_FLAG_DEASSIGN));
	EXPECT_ERRNO(EBUSY, irqfd(self->fd, &self->req, 0));
	close(fd2);
}

TEST_F(irqfd, unknown_flags_einval)
{
	NEED_EVENTFD();
	EXPECT_ERRNO(EINVAL, irqfd(self->fd, &self->req, 2));
	EXPECT_ERRNO(EINVAL, irqfd(self->fd, &self->req, 0x80000001));
}

TEST_F(irqfd, bad_fd_ebadf)
{
	NEED_EVENTFD();
	self->req.fd = 100000;
	EXPECT_ERRNO(EBADF, irqfd(self->fd, &self->req, 0));
	EXPECT_ERRNO(EBADF, irqfd(self->fd, &self->req, PRIVCMD_IRQFD_FLAG_DEASSIGN));
}

TEST_F(irqfd, not_an_eventfd_einval)
{
	NEED_EVENTFD();
	self->req.fd = self->fd;
	EXPECT_ERRNO(EINVAL, irqfd(self->fd, &self->req, 0));
}

TEST_F(irqfd, restricted_other_domain_eperm)
{
	NEED_EVENTFD();
	test_restrict(XPC_DOMID_NONE + 1);
	EXPECT_ERRNO(EPERM, irqfd(self->fd, &self->req, 0));
	EXPECT_ERRNO(EPERM, irqfd(self->fd, &self->req, PRIVCMD_IRQFD_FLAG_DEASSIGN));
}

TEST_F(irqfd, restricted_own_domain_ok)
{
	NEED_EVENTFD();
	test_restrict(XPC_DOMID_NONE);
	EXPECT_EQ(0, irqfd(self->fd, &self->req, 0));
}

TEST_F(irqfd, dm_op_unreadable_efault)
{
	NEED_EVENTFD();
	self->req.dm_op = 0;
	EXPECT_ERRNO(EFAULT, irqfd(self->fd, &self->req, 0));
}

/* One dm_op buffer, no larger than DM_OP takes (dm_op_buf_max_size). */
TEST_F(irqfd, dm_op_too_big_e2big)
{
	NEED_EVENTFD();
	self->req.size = 4097;
	EXPECT_ERRNO(E2BIG, irqfd(self->fd, &self->req, 0));
}

/* Each signal issues the dm_op, which Xen refuses for a missing domain. */
TEST_F(irqfd, signal_issues_dm_op)
{
	long long issued = xpc_stat(__HYPERVISOR_dm_op, "issued");
	long long failed = xpc_stat(__HYPERVISOR_dm_op, "failed");
	__u64 cnt;

	NEED_EVENTFD();
	ASSERT_LE(0, issued) TH_LOG("no dm_op counters in %s", XPC_STATS);
	ASSERT_EQ(0, irqfd(self->fd, &self->req, 0));
	/* Assigning alone issues nothing. */
	EXPECT_EQ(issued, xpc_stat(__HYPERVISOR_dm_op, "issued"));
	signal_eventfd(self->efd);
	EXPECT_EQ(issued + 1, xpc_stat(__HYPERVISOR_dm_op, "issued"));
	EXPECT_EQ(failed + 1, xpc_stat(__HYPERVISOR_dm_op, "failed"));
	signal_eventfd(self->efd);
	EXPECT_EQ(issued + 2, xpc_stat(__HYPERVISOR_dm_op, "issued"));
	/* The irqfd consumed the signals: nothing left to read. */
	EXPECT_ERRNO(EAGAIN, read(self->efd, &cnt, sizeof(cnt)));
	ASSERT_EQ(0, irqfd(self->fd, &self->req, PRIVCMD_IRQFD_FLAG_DEASSIGN));
	signal_eventfd(self->efd);
	EXPECT_EQ(issued + 2, xpc_stat(__HYPERVISOR_dm_op, "issued"));
}

/* A signal pending before the assign is answered by it. */
TEST_F(irqfd, pending_signal_issued_on_assign)
{
	long long issued = xpc_stat(__HYPERVISOR_dm_op, "issued");

	NEED_EVENTFD();
	ASSERT_LE(0, issued);
	signal_eventfd(self->efd);
	ASSERT_EQ(0, irqfd(self->fd, &self->req, 0));
	EXPECT_EQ(issued + 1, xpc_stat(__HYPERVISOR_dm_op, "issued"));
}

/* Closing the fd removes its irqfds: signals issue nothing any more. */
TEST_F(irqfd, close_removes)
{
	int fd2 = open(xpc_device(), O_RDWR | O_CLOEXEC);
	long long issued;

	NEED_EVENTFD();
	ASSERT_LE(0, fd2);
	ASSERT_EQ(0, irqfd(fd2, &self->req, 0));
	ASSERT_EQ(0, close(fd2));
	issued = xpc_stat(__HYPERVISOR_dm_op, "issued");
	signal_eventfd(self->efd);
	EXPECT_EQ(issued, xpc_stat(__HYPERVISOR_dm_op, "issued"));
	/* Free for another irqfd. */
	EXPECT_EQ(0, irqfd(self->fd, &self->req, 0));
}

/* Closing the eventfd removes its irqfd too, and the fd still closes. */
TEST_F(irqfd, eventfd_close_removes)
{
	int efd2 = eventfd(0, EFD_CLOEXEC);

	NEED_EVENTFD();
	ASSERT_LE(0, efd2);
	self->req.fd = efd2;
	ASSERT_EQ(0, irqfd(self->fd, &self->req, 0));
	ASSERT_EQ(0, close(efd2));
	/* A new eventfd at the same number is a new one: no EBUSY. */
	efd2 = eventfd(0, EFD_CLOEXEC);
	ASSERT_LE(0, efd2);
	self->req.fd = efd2;
	EXPECT_EQ(0, irqfd(self->fd, &self->req, 0));
	close(efd2);
}

/* Many irqfds left for close to remove. */
TEST_F(irqfd, close_with_many)
{
	int fd2 = open(xpc_device(), O_RDWR | O_CLOEXEC);
	int efds[64], i;

	NEED_EVENTFD();
	ASSERT_LE(0, fd2);
	for (i = 0; i < 64; i++) {
		efds[i] = eventfd(0, EFD_CLOEXEC);
		ASSERT_LE(0, efds[i]);
		self->req.fd = efds[i];
		ASSERT_EQ(0, irqfd(fd2, &self->req, 0));
	}
	EXPECT_EQ(0, close(fd2));
	for (i = 0; i < 64; i++)
		close(efds[i]);
}

/*
 * An ioeventfd request for @dom: a 4-byte MMIO address, one vCPU, its ioreq
 * page at @ioreq and its event channel ports at @ports.
 */
static void ioeventfd_req(struct privcmd_ioeventfd *req, void *ioreq, __u32 *ports,
			  int efd, __u16 dom)
{
	memset(req, 0, sizeof(*req));
	req->ioreq = xpc_ptr(ioreq);
	req->ports = xpc_ptr(ports);
	req->addr = 0x10000000;
	req->addr_len = 4;
	req->event_fd = efd;
	req->vcpus = 1;
	req->dom = dom;
}

FIXTURE(ioeventfd) {
	int fd;
	int efd;
	__u32 ports[4];
	struct privcmd_ioeventfd req;
	void *anon;
};

FIXTURE_SETUP(ioeventfd)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	self->efd = eventfd(0, EFD_CLOEXEC);
	if (have_eventfd())
		ASSERT_LE(0, self->efd);
	self->anon = mmap(NULL, XPC_PAGE, PROT_READ | PROT_WRITE,
			  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(self->anon != MAP_FAILED);
	memset(self->ports, 0, sizeof(self->ports));
	ioeventfd_req(&self->req, self->anon, self->ports, self->efd, XPC_DOMID_NONE);
}

FIXTURE_TEARDOWN(ioeventfd)
{
	munmap(self->anon, XPC_PAGE);
	close(self->efd);
	close(self->fd);
}

static long ioeventfd(int fd, struct privcmd_ioeventfd *req, __u32 flags)
{
	req->flags = flags;
	return ioctl(fd, IOCTL_PRIVCMD_IOEVENTFD, req);
}

#define EXPECT_IOEVENTFD_ERRNO(e, flags) \
	EXPECT_ERRNO(e, ioeventfd(self->fd, &self->req, flags))

TEST_F(ioeventfd, unknown_flags_einval)
{
	NEED_EVENTFD();
	EXPECT_IOEVENTFD_ERRNO(EINVAL, 2);
}

TEST_F(ioeventfd, addr_len_einval)
{
	static const __u32 bad[] = { 0, 3, 5, 16 };
	unsigned int i;

	NEED_EVENTFD();
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		self->req.addr_len = bad[i];
		EXPECT_IOEVENTFD_ERRNO(EINVAL, 0);
	}
}

TEST_F(ioeventfd, range_overflow_einval)
{
	NEED_EVENTFD();
	self->req.addr = ~0ULL - 2;
	EXPECT_IOEVENTFD_ERRNO(EINVAL, 0);
}

TEST_F(ioeventfd, vcpus_zero_or_too_many_einval)
{
	NEED_EVENTFD();
	self->req.vcpus = 0;
	EXPECT_IOEVENTFD_ERRNO(EINVAL, 0);
	self->req.vcpus = 4097;
	EXPECT_IOEVENTFD_ERRNO(EINVAL, 0);
}

TEST_F(ioeventfd, bad_fd_ebadf)
{
	NEED_EVENTFD();
	self->req.event_fd = 100000;
	EXPECT_IOEVENTFD_ERRNO(EBADF, 0);
	EXPECT_IOEVENTFD_ERRNO(EBADF, PRIVCMD_IOEVENTFD_FLAG_DEASSIGN);
}

TEST_F(ioeventfd, not_an_eventfd_einval)
{
	NEED_EVENTFD();
	self->req.event_fd = self->fd;
	EXPECT_IOEVENTFD_ERRNO(EINVAL, 0);
}

TEST_F(ioeventfd, restricted_other_domain_eperm)
{
	NEED_EVENTFD();
	test_restrict(XPC_DOMID_NONE + 1);
	EXPECT_IOEVENTFD_ERRNO(EPERM, 0);
	EXPECT_IOEVENTFD_ERRNO(EPERM, PRIVCMD_IOEVENTFD_FLAG_DEASSIGN);
}

TEST_F(ioeventfd, deassign_unknown_enodev)
{
	NEED_EVENTFD();
	EXPECT_IOEVENTFD_ERRNO(ENODEV, PRIVCMD_IOEVENTFD_FLAG_DEASSIGN);
}

/*
 * What a new ioreq server's ports must be: interdomain channels to its
 * guest that the kernel itself has not bound.  The guest here is a domain
 * created for the test, and our end of its channel is bound through the
 * evtchn device, as a device model binds an ioreq server's: the module
 * shares that binding.  The ports are checked before the mapping at
 * @ioreq, so the checks of the mapping are seen with such a port only; the
 * interrupt is requested after it, which in this VM (no ioreq server: see
 * above) is never reached.
 */
FIXTURE(ioreq) {
	int fd;
	int efd;
	int evtchn;		/* the evtchn device */
	struct xpc_domain d;
	bool created;
	__u32 port;		/* ours, bound to the domain's by @evtchn */
	__u32 ports[2];
	struct privcmd_ioeventfd req;
	void *anon;
	const char *skip;	/* why the setup could not bind a port */
};

/* First in every ioreq test, for the same reason as NEED_EVENTFD(). */
#define NEED_IOREQ() do {						\
	NEED_EVENTFD();							\
	if (self->skip)							\
		SKIP(return, "%s", self->skip);				\
} while (0)

FIXTURE_SETUP(ioreq)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	self->efd = eventfd(0, EFD_CLOEXEC);
	self->evtchn = -1;
	self->anon = mmap(NULL, XPC_PAGE, PROT_READ | PROT_WRITE,
			  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(self->anon != MAP_FAILED);
	if (!have_eventfd())
		return;
	ASSERT_LE(0, self->efd);
	self->evtchn = xpc_evtchn_open();
	if (self->evtchn < 0 && errno == ENOENT) {
		self->skip = "no " XPC_EVTCHN_DEV ": xen-evtchn not loaded";
		return;
	}
	ASSERT_LE(0, self->evtchn)
		TH_LOG("%s: %s", XPC_EVTCHN_DEV, strerror(errno));
	ASSERT_EQ(0, xpc_domain_create(self->fd, &self->d))
		TH_LOG("a guest for the ioreq server: %s", strerror(errno));
	self->created = true;
	if (xpc_evtchn_interdomain(self->fd, self->evtchn, self->d.dom,
				   &self->port) && errno == ENOTTY) {
		/* As a 32-bit device model would find it. */
		self->skip = "the evtchn device has no 32-bit ioctls";
		return;
	}
	ASSERT_NE(0, self->port)
		TH_LOG("an interdomain channel: %s", strerror(errno));
	self->ports[0] = self->port;
	self->ports[1] = self->port;
	ioeventfd_req(&self->req, self->anon, self->ports, self->efd, self->d.dom);
}

FIXTURE_TEARDOWN(ioreq)
{
	/* Unbinds, and so closes, what the evtchn device bound. */
	if (self->evtchn >= 0)
		close(self->evtchn);
	if (self->created)
		EXPECT_EQ(0, xpc_domain_destroy(self->fd, self->d.dom));
	munmap(self->anon, XPC_PAGE);
	close(self->efd);
	close(self->fd);
}

#define EXPECT_IOREQ_ERRNO(e) \
	EXPECT_ERRNO(e, ioeventfd(self->fd, &self->req, 0))

/* Lines of /proc/interrupts that name @name, -1 if unreadable. */
static int interrupts_named(const char *name)
{
	FILE *f = fopen("/proc/interrupts", "r");
	char line[1024];
	int n = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strstr(line, name))
			n++;
	fclose(f);
	return n;
}

/* What the module names its handlers, and what the evtchn device names ours. */
#define IOEVENTFD_HANDLER	"xprivcmd-ioeventfd"

static void evtchn_handler_name(char *buf, size_t size)
{
	char comm[32] = "";

	xpc_read_line("/proc/self/comm", comm, sizeof(comm));
	snprintf(buf, size, "evtchn:%s", comm);
}

/*
 * A channel the kernel bound: its xenstore channel (dom0's, from xenfs), or
 * else its first VIRQ, which only the kernel binds here.  0 if none is found.
 */
static __u32 kernel_port(int fd)
{
	char line[32];
	__u32 port;

	if (!xpc_read_line("/proc/xen/xsd_port", line, sizeof(line)))
		return strtoul(line, NULL, 10);
	for (port = 1; port < 4096; port++) {
		struct evtchn_status st;

		if (xpc_evtchn_status(fd, port, &st))
			break;
		if (st.status == EVTCHNSTAT_virq)
			return port;
	}
	return 0;
}

/*
 * Our port is as the evtchn device bound it: interdomain to the domain, its
 * handler listed, and nothing of the module's left on any interrupt.  Not
 * signalled: the domain never ran and has no vCPU, and Xen 4.17 faults on
 * an event sent to it (evtchn_2l_set_pending(), a NULL vCPU).
 */
#define EXPECT_EVTCHN_PORT_INTACT() do {				\
	struct evtchn_status _st;					\
	char _name[64];							\
									\
	evtchn_handler_name(_name, sizeof(_name));			\
	ASSERT_EQ(0, xpc_evtchn_status(self->fd, self->port, &_st));	\
	EXPECT_EQ(EVTCHNSTAT_interdomain, _st.status);			\
	EXPECT_EQ(self->d.dom, _st.u.interdomain.dom);			\
	EXPECT_LE(1, interrupts_named(_name));				\
	EXPECT_EQ(0, interrupts_named(IOEVENTFD_HANDLER));		\
} while (0)

/*
 * And it is the evtchn device's alone: its unbind closes it, which a
 * reference the module failed to drop would have kept open.
 */
#define EXPECT_EVTCHN_UNBIND_CLOSES() do {				\
	struct evtchn_status _st;					\
									\
	ASSERT_EQ(0, xpc_evtchn_unbind(self->evtchn, self->port));	\
	ASSERT_EQ(0, xpc_evtchn_status(self->fd, self->port, &_st));	\
	EXPECT_EQ(EVTCHNSTAT_closed, _st.status);			\
} while (0)

/*
 * A port the kernel bound itself, on any vCPU: refused untouched.  Binding
 * it again would have shared its interrupt, or, failing that, closed it.
 */
TEST_F(ioreq, kernel_bound_port_ebusy)
{
	__u32 kernel = kernel_port(self->fd);
	struct evtchn_status before, st;
	unsigned int vcpu;

	NEED_IOREQ();
	ASSERT_NE(0, kernel) TH_LOG("no channel of the kernel's found");
	ASSERT_EQ(0, xpc_evtchn_status(self->fd, kernel, &before));
	for (vcpu = 0; vcpu < 2; vcpu++) {
		self->req.vcpus = vcpu + 1;
		self->ports[vcpu] = kernel;
		EXPECT_IOREQ_ERRNO(EBUSY);
		self->ports[vcpu] = self->port;
	}
	/* The kernel's channel is as it was: Xen still has it bound. */
	ASSERT_EQ(0, xpc_evtchn_status(self->fd, kernel, &st));
	EXPECT_EQ(before.status, st.status);
	EXPECT_EQ(before.vcpu, st.vcpu);
	if (before.status == EVTCHNSTAT_virq)
		EXPECT_EQ(before.u.virq, st.u.virq);
	/* Our port, checked first for the second vCPU, is let go as well. */
	EXPECT_EVTCHN_PORT_INTACT();
	EXPECT_EVTCHN_UNBIND_CLOSES();
}

/*
 * The evtchn device's port passes the port checks (the mapping is what is
 * refused), once or for two vCPUs, and the device's binding is untouched
 * afterwards, also when the fd that asked is closed.
 */
TEST_F(ioreq, evtchn_device_port_accepted_and_left_intact)
{
	NEED_IOREQ();
	EXPECT_IOREQ_ERRNO(EINVAL);
	EXPECT_EVTCHN_PORT_INTACT();
	self->req.vcpus = 2;
	EXPECT_IOREQ_ERRNO(EINVAL);
	EXPECT_EVTCHN_PORT_INTACT();
	ASSERT_EQ(0, close(self->fd));
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	EXPECT_EVTCHN_PORT_INTACT();
	EXPECT_EVTCHN_UNBIND_CLOSES();
}

/* Ports that are not interdomain channels to the ioeventfd's domain. */
TEST_F(ioreq, not_interdomain_to_the_domain_enotconn)
{
	struct evtchn_status st;
	__u32 unbound;

	NEED_IOREQ();
	ASSERT_EQ(0, xpc_evtchn_unbound(self->evtchn, self->d.dom, &unbound));
	self->ports[0] = unbound;	/* waits for the domain: not connected */
	EXPECT_IOREQ_ERRNO(ENOTCONN);
	self->ports[0] = 1000000;	/* beyond any port */
	EXPECT_IOREQ_ERRNO(ENOTCONN);
	self->ports[0] = self->port;	/* a channel, to another domain */
	self->req.dom = XPC_DOMID_NONE;
	EXPECT_IOREQ_ERRNO(ENOTCONN);
	self->req.dom = self->d.dom;
	self->req.vcpus = 2;		/* the second vCPU's is wrong */
	self->ports[1] = unbound;
	EXPECT_IOREQ_ERRNO(ENOTCONN);
	/* Both still the evtchn device's, and its alone. */
	ASSERT_EQ(0, xpc_evtchn_status(self->fd, unbound, &st));
	EXPECT_EQ(EVTCHNSTAT_unbound, st.status);
	ASSERT_EQ(0, xpc_evtchn_unbind(self->evtchn, unbound));
	ASSERT_EQ(0, xpc_evtchn_status(self->fd, unbound, &st));
	EXPECT_EQ(EVTCHNSTAT_closed, st.status);
	EXPECT_EVTCHN_PORT_INTACT();
	EXPECT_EVTCHN_UNBIND_CLOSES();
}

TEST_F(ioreq, no_mapping_at_ioreq_efault)
{
	void *gone = mmap(NULL, XPC_PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	NEED_IOREQ();
	ASSERT_TRUE(gone != MAP_FAILED);
	ASSERT_EQ(0, munmap(gone, XPC_PAGE));
	self->req.ioreq = xpc_ptr(gone);
	EXPECT_IOREQ_ERRNO(EFAULT);
}

/* The check the in-tree driver lacks: it would read this VMA as ours. */
TEST_F(ioreq, other_drivers_mapping_einval)
{
	NEED_IOREQ();
	EXPECT_IOREQ_ERRNO(EINVAL);
}

TEST_F(ioreq, empty_xprivcmd_mapping_einval)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);

	NEED_IOREQ();
	ASSERT_TRUE(q != MAP_FAILED);
	self->req.ioreq = xpc_ptr(q);
	EXPECT_IOREQ_ERRNO(EINVAL);
	munmap(q, XPC_PAGE);
}

/* Frames that are not an ioreq server's: the domain's memory. */
TEST_F(ioreq, mapping_of_other_frames_einval)
{
	void *q = xpc_map(self->fd, 1, PROT_READ);
	int err;

	NEED_IOREQ();
	ASSERT_TRUE(q != MAP_FAILED);
	ASSERT_EQ(0, xpc_batch_v2(self->fd, self->d.dom, q, self->d.frames, &err, 1));
	ASSERT_EQ(0, err);
	self->req.ioreq = xpc_ptr(q);
	EXPECT_IOREQ_ERRNO(EINVAL);
	munmap(q, XPC_PAGE);
}

/*
 * Both ioctls are judged as the dm_op they stand for: never for the
 * caller's own domain, and not when the policy denies dm_op.
 */
FIXTURE(judged) {
	int fd;
	int efd;
	struct xpc_policy policy;
	__u32 op[8];
	__u32 ports[1];
	void *anon;
};

FIXTURE_VARIANT(judged) {
	bool ioeventfd;
	__u16 dom;		/* XPC_DOMID_NONE: another domain */
	bool own_id;		/* the caller's own id instead of @dom */
	bool policy_none;
	unsigned int reason;
};

#define OWN_DOM(io, d, own) { .ioeventfd = io, .dom = d, .own_id = own, \
			      .reason = XPRIVCMD_REASON_OWN_DOMAIN }
#define NO_DM_OP(io) { .ioeventfd = io, .dom = XPC_DOMID_NONE, .policy_none = true, \
		       .reason = XPRIVCMD_REASON_POLICY }

FIXTURE_VARIANT_ADD(judged, irqfd_domid_self) OWN_DOM(false, XPC_DOMID_SELF, false);
FIXTURE_VARIANT_ADD(judged, irqfd_own_id) OWN_DOM(false, 0, true);
FIXTURE_VARIANT_ADD(judged, irqfd_policy_none) NO_DM_OP(false);
FIXTURE_VARIANT_ADD(judged, ioeventfd_domid_self) OWN_DOM(true, XPC_DOMID_SELF, false);
FIXTURE_VARIANT_ADD(judged, ioeventfd_own_id) OWN_DOM(true, 0, true);
FIXTURE_VARIANT_ADD(judged, ioeventfd_policy_none) NO_DM_OP(true);

FIXTURE_SETUP(judged)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	self->efd = eventfd(0, EFD_CLOEXEC);
	self->anon = mmap(NULL, XPC_PAGE, PROT_READ | PROT_WRITE,
			  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(self->anon != MAP_FAILED);
	memset(self->op, 0, sizeof(self->op));
	self->op[0] = XPC_DMOP_SET_IRQ_LEVEL;
	self->ports[0] = 0;
	if (variant->policy_none)
		ASSERT_EQ(0, xpc_policy_change(&self->policy, "none"));
}

FIXTURE_TEARDOWN(judged)
{
	EXPECT_EQ(0, xpc_policy_restore(&self->policy))
		TH_LOG("cannot restore the policy \"%s\"", self->policy.saved);
	munmap(self->anon, XPC_PAGE);
	close(self->efd);
	close(self->fd);
}

static long judged_ioctl(FIXTURE_DATA(judged) *self, bool io, __u16 dom, __u32 flags)
{
	struct privcmd_irqfd i = {
		.dm_op = xpc_ptr(self->op), .size = sizeof(self->op),
		.fd = self->efd, .dom = dom, .flags = flags,
	};
	struct privcmd_ioeventfd e = {
		.ioreq = xpc_ptr(self->anon), .ports = xpc_ptr(self->ports),
		.addr = 0x10000000, .addr_len = 4, .event_fd = self->efd,
		.vcpus = 1, .dom = dom, .flags = flags,
	};

	if (io)
		return ioctl(self->fd, IOCTL_PRIVCMD_IOEVENTFD, &e);
	return ioctl(self->fd, IOCTL_PRIVCMD_IRQFD, &i);
}

/* Assign and deassign alike, where the in-tree driver checks the domain. */
TEST_F(judged, assign_and_deassign_refused)
{
	bool io = variant->ioeventfd;
	__u32 deassign = io ? PRIVCMD_IOEVENTFD_FLAG_DEASSIGN : PRIVCMD_IRQFD_FLAG_DEASSIGN;
	long long issued = xpc_stat(__HYPERVISOR_dm_op, "issued");
	struct xprivcmd_last_error last;

	NEED_EVENTFD();
	if (variant->own_id && !xpc_is_dom0())
		SKIP(return, "not dom0: own domain id unknown to the test");
	last = EXPECT_REFUSED(self->fd, variant->reason, judged_ioctl(self, io, variant->dom, 0));
	EXPECT_EQ(__HYPERVISOR_dm_op, last.op);
	last = EXPECT_REFUSED(self->fd, variant->reason,
			      judged_ioctl(self, io, variant->dom, deassign));
	EXPECT_EQ(__HYPERVISOR_dm_op, last.op);
	/* Nothing was assigned: a signal issues nothing. */
	if (self->efd >= 0) {
		__u64 one = 1;

		EXPECT_EQ(sizeof(one), write(self->efd, &one, sizeof(one)));
	}
	EXPECT_EQ(issued, xpc_stat(__HYPERVISOR_dm_op, "issued"));
}

/* What the in-tree driver answers when built without eventfds. */
TEST(irqfd_unbuilt)
{
	int fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	struct privcmd_irqfd i = { .flags = 2 };
	struct privcmd_ioeventfd e = { .flags = 2 };

	ASSERT_LE(0, fd);
	if (have_eventfd())
		SKIP(goto out, "kernel with eventfds: see the irqfd tests");
	EXPECT_ERRNO(EOPNOTSUPP, ioctl(fd, IOCTL_PRIVCMD_IRQFD, &i));
	EXPECT_ERRNO(EOPNOTSUPP, ioctl(fd, IOCTL_PRIVCMD_IOEVENTFD, &e));
out:
	close(fd);
}

/*
 * What the kernel answers for a device pciback does not hold: the GSI
 * lookup is pciback's, and without it loaded the kernel has no one to ask.
 */
static int gsi_errno_unheld(void)
{
	if (!have_gsi())
		return EINVAL;
	return access("/sys/module/xen_pciback", F_OK) ? EOPNOTSUPP : ENODEV;
}

FIXTURE(gsi) {
	int fd;
	int unheld;	/* the errno expected for a device not pciback's */
	struct privcmd_pcidev_get_gsi req;
};

FIXTURE_SETUP(gsi)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	self->unheld = gsi_errno_unheld();
	self->req.gsi = 0xdead;
}

FIXTURE_TEARDOWN(gsi)
{
	close(self->fd);
}

/* Returns the ioctl's errno, 0 on success. */
static int get_gsi(int fd, __u32 sbdf, __u32 *gsi)
{
	struct privcmd_pcidev_get_gsi g = { .sbdf = sbdf, .gsi = 0xdead };
	int ret = ioctl(fd, IOCTL_PRIVCMD_PCIDEV_GET_GSI, &g) ? errno : 0;

	*gsi = g.gsi;
	return ret;
}

/*
 * Every PCI device of the VM, none of which pciback holds (this VM does not
 * load it): the kernel's own answer comes back, and nothing is written.
 */
TEST_F(gsi, every_device)
{
	unsigned int seg, bus, dev, fn, found = 0;
	struct dirent *d;
	DIR *dir = opendir("/sys/bus/pci/devices");

	ASSERT_TRUE(dir != NULL);
	while ((d = readdir(dir))) {
		__u32 sbdf, gsi;
		int err;

		if (sscanf(d->d_name, "%x:%x:%x.%x", &seg, &bus, &dev, &fn) != 4)
			continue;
		sbdf = seg << 16 | bus << 8 | dev << 3 | fn;
		found++;
		err = get_gsi(self->fd, sbdf, &gsi);
		TH_LOG("%s (sbdf %#x): errno %d", d->d_name, sbdf, err);
		EXPECT_EQ(self->unheld, err);
		EXPECT_EQ(0xdead, gsi);
	}
	closedir(dir);
	if (!found)
		SKIP(return, "no PCI device in this VM");
}

/* A device that does not exist. */
TEST_F(gsi, no_such_device)
{
	__u32 gsi;

	EXPECT_EQ(self->unheld, get_gsi(self->fd, 0xffff00 | 31 << 3 | 7, &gsi));
	EXPECT_EQ(0xdead, gsi);
}

TEST_F(gsi, unreadable_struct)
{
	bool built = have_gsi();

	/* Without the feature, the in-tree driver looks at nothing. */
	EXPECT_ERRNO(built ? EFAULT : EINVAL,
		     ioctl(self->fd, IOCTL_PRIVCMD_PCIDEV_GET_GSI, NULL));
}

/* The check the in-tree driver lacks: a restricted fd serves its guest. */
TEST_F(gsi, restricted_eperm)
{
	test_restrict(5);
	EXPECT_ERRNO(EPERM, ioctl(self->fd, IOCTL_PRIVCMD_PCIDEV_GET_GSI, &self->req));
	EXPECT_EQ(0xdead, self->req.gsi);
}

TEST_HARNESS_MAIN
