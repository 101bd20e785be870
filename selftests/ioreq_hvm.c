// SPDX-License-Identifier: GPL-2.0-only
/*
 * The success paths of IOCTL_PRIVCMD_IOEVENTFD and IOCTL_PRIVCMD_IRQFD, on
 * a real ioreq server of a real HVM guest: this program is the guest's
 * device model.  guest-ioreq.sh has xl create the guest (ioreq_guest.S,
 * paused) and runs this with its domid in XPC_HVM; anywhere else it skips.
 *
 * Through xprivcmd it creates an ioreq server for the guest (DM_OP), maps
 * its ioreq page (MMAP_RESOURCE), claims the guest's virtio-mmio range,
 * enables the server, binds the vCPU's event channel through the evtchn
 * device (as QEMU does), registers an ioeventfd for each queue the guest
 * notifies and an irqfd whose dm_op raises ISA IRQ 5, then unpauses the
 * guest.  The guest notifies one queue, takes the interrupt the irqfd
 * injects and notifies the other from its handler.
 *
 * The module answers a matching notification on the evtchn device's
 * binding of the port by sharing its interrupt, which that device requests
 * shared only from Linux 6.7 on.  Before, the registration is refused with
 * EBUSY (xprivcmd_ioctl_ioeventfd()), the binding left as it was, and this
 * program answers the ioreqs itself from the page, as a device model
 * without ioeventfds does: the guest's writes are still seen, their
 * eventfds cannot be.
 *
 * One KTAP document, one result per step, on stdout.
 */
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/utsname.h>

#include "xprivcmd_map_utils.h"
#include "ioreq_hvm.h"

#include <xen/hvm/dm_op.h>
#include <xen/hvm/ioreq.h>
#include <xen/hvm/params.h>

/* How long the guest, under software-emulated SVM, may take for a step. */
#define STEP_MS		30000
#define NR_RESULTS	14

static int results;
static int failed;

static void result(bool ok, const char *name)
{
	printf("%sok %d %s\n", ok ? "" : "not ", ++results, name);
	failed += !ok;
}

static void result_skip(const char *name, const char *why)
{
	printf("ok %d %s # SKIP %s\n", ++results, name, why);
}

/* The rest of the plan, failed: a step the later ones need did not work. */
static int bail(const char *why)
{
	printf("# %s\n", why);
	while (results < NR_RESULTS) {
		results++;
		printf("not ok %d ioreq.dm.step_%d # not reached\n", results, results);
	}
	return 1;
}

/* Before any output: only guest-ioreq.sh has a guest for us. */
static void __attribute__((constructor)) skip_without_guest(void)
{
	if (!getenv("XPC_HVM")) {
		printf("TAP version 13\n"
		       "1..0 # SKIP no HVM guest: guest-ioreq.sh runs this with one\n");
		exit(4);
	}
}

static long dm_op(int fd, __u16 dom, void *op, size_t size)
{
	struct privcmd_dm_op_buf buf = { .uptr = op, .size = size };
	struct privcmd_dm_op req = { .dom = dom, .num = 1, .ubufs = &buf };

	return ioctl(fd, IOCTL_PRIVCMD_DM_OP, &req);
}

static long set_isa_irq_level(int fd, __u16 dom, __u8 level)
{
	struct xen_dm_op op = {
		.op = XEN_DMOP_set_isa_irq_level,
		.u.set_isa_irq_level = { .isa_irq = IOREQ_HVM_ISA_IRQ, .level = level },
	};

	return dm_op(fd, dom, &op, sizeof(op));
}

/* Linux 6.7 on: the evtchn device requests its interrupts shared. */
static bool evtchn_device_shares(void)
{
	struct utsname u;
	unsigned int major = 0, minor = 0;

	if (uname(&u) || sscanf(u.release, "%u.%u", &major, &minor) != 2)
		return false;
	return major > 6 || (major == 6 && minor >= 7);
}

/* Sums one field of every line of the module's counters. */
static long long stats_sum(const char *field)
{
	char line[512], *p;
	long long sum = 0;
	FILE *f = fopen(XPC_STATS, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		/* Counter lines only: "<nr> <op> issued N failed N rejected N". */
		if (!strstr(line, " issued ") && strncmp(line, "out-of-range ", 13))
			continue;
		p = strstr(line, field);
		if (p)
			sum += strtoll(p + strlen(field), NULL, 10);
	}
	fclose(f);
	return sum;
}

struct dm {
	int fd;			/* xprivcmd */
	int evtchn;		/* the evtchn device */
	__u16 dom;
	ioservid_t id;
	struct ioreq *ioreq;	/* vCPU 0's slot */
	__u32 port;		/* ours, bound to the slot's vp_eport */
	int efd[2];		/* the ioeventfds: VQ_READY's, VQ_IRQ's */
	bool assigned;		/* the module took them */
};

enum served { TIMED_OUT, BY_MODULE, BY_US, WRONG };

/*
 * A notification the module's ioeventfds answer: a device model that has
 * them leaves those requests to the kernel.  We may read one before the
 * module has seen it: the port we read may be an earlier event's (Xen
 * raises a channel as it binds it), and while we hold it (until we hand it
 * back to the evtchn device) the binding's late EOI keeps the channel
 * masked, and the module's shared handler with it.  Answered by us then,
 * the request would be gone when the module's handler runs, on our
 * hand-back, and no eventfd would fire (seen on 6.12).
 */
static bool module_answers(const struct dm *dm, const struct ioreq *req)
{
	return dm->assigned && req->type == IOREQ_TYPE_COPY &&
	       req->dir == IOREQ_WRITE && !req->data_is_ptr &&
	       req->addr == IOREQ_HVM_NOTIFY && req->size == 4 &&
	       (req->data == IOREQ_HVM_VQ_READY || req->data == IOREQ_HVM_VQ_IRQ);
}

/*
 * Waits for the guest's notification of @vq, up to STEP_MS: either the
 * module answers it and signals @efd, or the request reaches us on the
 * evtchn device and we answer it.  Every pending port is handed back to the
 * evtchn device, which keeps it masked until then (and with it the module's
 * shared handler).  Anything but a 4-byte write of @vq to the notify
 * register is WRONG, and answered all the same so that the guest goes on.
 */
static enum served serve(struct dm *dm, int efd, unsigned int vq)
{
	struct pollfd p[2] = {
		{ .fd = dm->evtchn, .events = POLLIN },
		{ .fd = efd, .events = POLLIN },
	};
	struct ioctl_evtchn_notify notify = { .port = dm->port };
	struct ioreq *req = dm->ioreq;
	__u64 count;
	__u32 port;
	bool ok;

	for (;;) {
		if (poll(p, dm->assigned ? 2 : 1, STEP_MS) <= 0)
			return TIMED_OUT;
		if (p[1].revents & POLLIN) {
			if (read(efd, &count, sizeof(count)) != sizeof(count))
				return WRONG;
			return BY_MODULE;
		}
		if (read(dm->evtchn, &port, sizeof(port)) != sizeof(port))
			return WRONG;
		__sync_synchronize();
		if (port != dm->port || req->state != STATE_IOREQ_READY ||
		    module_answers(dm, req)) {
			/* The module's, or not ours: just unmask. */
			if (write(dm->evtchn, &port, sizeof(port)) != sizeof(port))
				return WRONG;
			continue;
		}
		printf("# ioreq: type %u dir %u addr %#llx size %u data %#llx\n",
		       req->type, req->dir, (unsigned long long)req->addr,
		       req->size, (unsigned long long)req->data);
		ok = req->type == IOREQ_TYPE_COPY && req->dir == IOREQ_WRITE &&
		     !req->data_is_ptr && req->addr == IOREQ_HVM_NOTIFY &&
		     req->size == 4 && req->data == vq;
		req->state = STATE_IOREQ_INPROCESS;
		__sync_synchronize();
		req->state = STATE_IORESP_READY;
		__sync_synchronize();
		if (ioctl(dm->evtchn, IOCTL_EVTCHN_NOTIFY, &notify) ||
		    write(dm->evtchn, &port, sizeof(port)) != sizeof(port))
			return WRONG;
		return ok ? BY_US : WRONG;
	}
}

static long ioeventfd(struct dm *dm, int efd, unsigned int vq, __u32 flags)
{
	struct privcmd_ioeventfd req = {
		.ioreq = xpc_ptr(dm->ioreq), .ports = xpc_ptr(&dm->port),
		.addr = IOREQ_HVM_MMIO, .addr_len = 4, .vq = vq,
		.flags = flags, .event_fd = efd, .vcpus = 1, .dom = dm->dom,
	};

	return ioctl(dm->fd, IOCTL_PRIVCMD_IOEVENTFD, &req);
}

/* The evtchn device's binding is Xen's still: our port, to the guest. */
static bool port_intact(struct dm *dm)
{
	struct evtchn_status st;

	return !xpc_evtchn_status(dm->fd, dm->port, &st) &&
	       st.status == EVTCHNSTAT_interdomain && st.u.interdomain.dom == dm->dom;
}

/*
 * One step of the notifications: the request reached the server, and the
 * eventfd fired where the module could register it.
 */
static void expect_served(struct dm *dm, enum served how, const char *seen,
			  const char *signalled)
{
	result(how == BY_MODULE || how == BY_US, seen);
	if (dm->assigned)
		result(how == BY_MODULE, signalled);
	else
		result_skip(signalled,
			    "Linux before 6.7: the evtchn device's interrupt is not shared");
}

int main(void)
{
	struct dm dm = { .evtchn = -1, .efd = { -1, -1 } };
	struct xen_dm_op op;
	struct xen_domctl d;
	struct privcmd_mmap_resource res;
	struct privcmd_irqfd irqfd;
	struct ioctl_evtchn_bind_interdomain bind;
	long long irq_issued, irq_failed, rejected;
	enum served how;
	int irq_efd;
	__u64 one = 1;
	void *page;
	long ret;

	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("TAP version 13\n1..%d\n", NR_RESULTS);
	dm.dom = strtoul(getenv("XPC_HVM"), NULL, 0);
	dm.fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	dm.evtchn = xpc_evtchn_open();
	irq_efd = eventfd(0, EFD_CLOEXEC);
	dm.efd[0] = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	dm.efd[1] = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (dm.fd < 0 || dm.evtchn < 0 || irq_efd < 0 || dm.efd[0] < 0 || dm.efd[1] < 0)
		return bail("cannot open xprivcmd, the evtchn device or eventfds");
	rejected = stats_sum(" rejected ");

	/* No buffered ioreqs: a notify write wants its answer. */
	memset(&op, 0, sizeof(op));
	op.op = XEN_DMOP_create_ioreq_server;
	op.u.create_ioreq_server.handle_bufioreq = HVM_IOREQSRV_BUFIOREQ_OFF;
	ret = dm_op(dm.fd, dm.dom, &op, sizeof(op));
	result(!ret, "ioreq.dm.create_ioreq_server");
	if (ret)
		return bail(strerror(errno));
	dm.id = op.u.create_ioreq_server.id;

	page = xpc_map(dm.fd, 1, PROT_READ | PROT_WRITE);
	memset(&res, 0, sizeof(res));
	res.dom = dm.dom;
	res.type = XENMEM_resource_ioreq_server;
	res.id = dm.id;
	res.idx = XENMEM_resource_ioreq_server_frame_ioreq(0);
	res.num = 1;
	res.addr = xpc_ptr(page);
	ret = page == MAP_FAILED ? -1 : ioctl(dm.fd, IOCTL_PRIVCMD_MMAP_RESOURCE, &res);
	result(!ret, "ioreq.dm.mmap_resource_ioreq_page");
	if (ret)
		return bail(strerror(errno));
	dm.ioreq = &((struct shared_iopage *)page)->vcpu_ioreq[0];

	memset(&op, 0, sizeof(op));
	op.op = XEN_DMOP_map_io_range_to_ioreq_server;
	op.u.map_io_range_to_ioreq_server.id = dm.id;
	op.u.map_io_range_to_ioreq_server.type = XEN_DMOP_IO_RANGE_MEMORY;
	op.u.map_io_range_to_ioreq_server.start = IOREQ_HVM_MMIO;
	op.u.map_io_range_to_ioreq_server.end = IOREQ_HVM_MMIO + IOREQ_HVM_MMIO_SIZE - 1;
	ret = dm_op(dm.fd, dm.dom, &op, sizeof(op));
	if (!ret) {
		memset(&op, 0, sizeof(op));
		op.op = XEN_DMOP_set_ioreq_server_state;
		op.u.set_ioreq_server_state.id = dm.id;
		op.u.set_ioreq_server_state.enabled = 1;
		ret = dm_op(dm.fd, dm.dom, &op, sizeof(op));
	}
	/* Enabled, Xen writes each vCPU's channel into its slot. */
	printf("# vCPU 0's event channel: %u\n", dm.ioreq->vp_eport);
	result(!ret && dm.ioreq->vp_eport, "ioreq.dm.claim_range_and_enable");
	if (ret || !dm.ioreq->vp_eport)
		return bail(strerror(errno));

	bind.remote_domain = dm.dom;
	bind.remote_port = dm.ioreq->vp_eport;
	ret = ioctl(dm.evtchn, IOCTL_EVTCHN_BIND_INTERDOMAIN, &bind);
	result(ret > 0, "ioreq.dm.evtchn_device_binds_vcpu_port");
	if (ret <= 0)
		return bail(strerror(errno));
	dm.port = ret;

	/*
	 * Both queues' ioeventfds on the server's page: the first sets the
	 * server up in the module (the port, the mapping), the second joins.
	 */
	ret = ioeventfd(&dm, dm.efd[0], IOREQ_HVM_VQ_READY, 0);
	if (!ret)
		ret = ioeventfd(&dm, dm.efd[1], IOREQ_HVM_VQ_IRQ, 0);
	if (evtchn_device_shares()) {
		if (ret)
			printf("# IOCTL_PRIVCMD_IOEVENTFD: %s\n", strerror(errno));
		dm.assigned = !ret;
		result(!ret, "ioreq.dm.ioeventfd_assign");
	} else {
		printf("# IOCTL_PRIVCMD_IOEVENTFD: %s (EBUSY expected: %s)\n",
		       ret ? strerror(errno) : "assigned",
		       "the evtchn device's handler is not shared");
		result(ret && errno == EBUSY && port_intact(&dm),
		       "ioreq.dm.ioeventfd_assign_refused_on_unshared_port");
	}

	memset(&op, 0, sizeof(op));
	op.op = XEN_DMOP_set_isa_irq_level;
	op.u.set_isa_irq_level.isa_irq = IOREQ_HVM_ISA_IRQ;
	op.u.set_isa_irq_level.level = 1;
	memset(&irqfd, 0, sizeof(irqfd));
	irqfd.dm_op = xpc_ptr(&op);
	irqfd.size = sizeof(op);
	irqfd.fd = irq_efd;
	irqfd.dom = dm.dom;
	ret = ioctl(dm.fd, IOCTL_PRIVCMD_IRQFD, &irqfd);
	result(!ret, "ioreq.dm.irqfd_assign");
	if (ret)
		return bail(strerror(errno));

	memset(&d, 0, sizeof(d));
	d.cmd = XEN_DOMCTL_unpausedomain;
	d.domain = dm.dom;
	ret = xpc_domctl(dm.fd, &d);
	result(!ret, "ioreq.dm.unpause_guest");
	if (ret)
		return bail(strerror(errno));

	/* (a) The guest's notification, once it can take the interrupt. */
	how = serve(&dm, dm.efd[0], IOREQ_HVM_VQ_READY);
	expect_served(&dm, how, "ioreq.dm.guest_notify_reaches_server",
		      "ioreq.dm.guest_notify_signals_ioeventfd");
	if (how == TIMED_OUT)
		return bail("the guest never notified: see xl dmesg");

	/* (b) The irqfd raises the line; the handler's notification says so. */
	irq_issued = xpc_stat(__HYPERVISOR_dm_op, "issued");
	irq_failed = xpc_stat(__HYPERVISOR_dm_op, "failed");
	if (write(irq_efd, &one, sizeof(one)) != sizeof(one))
		return bail("cannot signal the irqfd");
	how = serve(&dm, dm.efd[1], IOREQ_HVM_VQ_IRQ);
	irq_issued = xpc_stat(__HYPERVISOR_dm_op, "issued") - irq_issued;
	irq_failed = xpc_stat(__HYPERVISOR_dm_op, "failed") - irq_failed;
	expect_served(&dm, how, "ioreq.dm.irqfd_interrupt_reaches_guest",
		      "ioreq.dm.handler_notify_signals_ioeventfd");
	/* The guest has seen it: the line goes down, as a device's would. */
	ret = set_isa_irq_level(dm.fd, dm.dom, 0);

	/* Taken down before counting: each is a dm_op of its own. */
	memset(&irqfd, 0, sizeof(irqfd));
	irqfd.fd = irq_efd;
	irqfd.dom = dm.dom;
	irqfd.flags = PRIVCMD_IRQFD_FLAG_DEASSIGN;
	ret |= ioctl(dm.fd, IOCTL_PRIVCMD_IRQFD, &irqfd);
	if (dm.assigned) {
		ret |= ioeventfd(&dm, dm.efd[0], IOREQ_HVM_VQ_READY,
				 PRIVCMD_IOEVENTFD_FLAG_DEASSIGN);
		ret |= ioeventfd(&dm, dm.efd[1], IOREQ_HVM_VQ_IRQ,
				 PRIVCMD_IOEVENTFD_FLAG_DEASSIGN);
	}
	memset(&op, 0, sizeof(op));
	op.op = XEN_DMOP_destroy_ioreq_server;
	op.u.destroy_ioreq_server.id = dm.id;
	ret |= dm_op(dm.fd, dm.dom, &op, sizeof(op));
	result(!ret, "ioreq.dm.teardown");

	/*
	 * (c) The irqfd's dm_op, the one dm_op between the signal and the
	 * guest's answer, is the module's, and Xen did it; nothing anyone
	 * asked of the module meanwhile was refused.  (The counters count
	 * the calls the module makes of its own accord, irqfds' among them;
	 * IOCTL_PRIVCMD_DM_OP's calls, today, not.)
	 */
	rejected = stats_sum(" rejected ") - rejected;
	printf("# dm_op: %lld issued for the irqfd, %lld failed; %lld refused\n",
	       irq_issued, irq_failed, rejected);
	result(irq_issued == 1 && !irq_failed, "ioreq.dm.irqfd_dm_op_issued_by_xprivcmd");
	result(!rejected, "ioreq.dm.nothing_refused");

	munmap(page, XPC_PAGE);
	close(dm.evtchn);
	close(dm.fd);
	return failed ? 1 : 0;
}
