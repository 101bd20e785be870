// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOCTL_PRIVCMD_IOEVENTFD: the guest's write to a virtio-mmio queue notify
 * register reaches the device model as an ioreq on the ioreq server's shared
 * page, announced by an event channel per vCPU.  The module answers matching
 * writes itself, by signalling the eventfd, and lets every other request
 * through to user space.
 *
 * An ioeventfd lives until deassigned, until its fd closes, or until the
 * module goes: the in-tree driver keeps it after its fd is closed, and
 * nothing could then remove it short of unloading that driver.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/eventfd.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#include <xen/events.h>
#include <xen/interface/event_channel.h>
#include <xen/interface/xen.h>
#include <xen/interface/hvm/dm_op.h>
#include <xen/interface/hvm/ioreq.h>
#include <asm/xen/hypercall.h>

#include "xprivcmd.h"
#include "xprivcmd_trace.h"

/* The queue notify register of a virtio-mmio device, and its queue field. */
#define VIRTIO_MMIO_QUEUE_NOTIFY	0x050
#define QUEUE_NOTIFY_VQ_MASK		0xffff

/* The most vCPUs an ioeventfd may serve, as the in-tree driver allows. */
#define IOEVENTFD_MAX_VCPUS		4096

/**
 * struct ioeventfd - an eventfd signalled for one virtqueue's notifications
 * @list: entry in its ioreq's list
 * @eventfd: the eventfd, referenced
 * @addr: the virtio-mmio device's base address
 * @addr_len: the size of the notify write
 * @vq: the virtqueue
 */
struct ioeventfd {
	struct list_head list;
	struct eventfd_ctx *eventfd;
	u64 addr;
	u32 addr_len;
	u32 vq;
};

struct ioreq_server;

/**
 * struct ioreq_port - one vCPU's event channel, the dev_id of its handler
 * @server: the server the vCPU's slot is in
 * @port: the event channel
 * @vcpu: the vCPU
 * @irq: the port's interrupt, once @attached
 * @pinned: the port was bound by the evtchn device, which its device model
 *	reads; we hold a reference to that binding (evtchn_get()) and share
 *	its interrupt, whose EOI is the evtchn device's
 * @attached: our handler is on @irq: requested on the pinned binding, or
 *	bound by us (then ours to EOI and to unbind)
 */
struct ioreq_port {
	struct ioreq_server *server;
	evtchn_port_t port;
	unsigned int vcpu;
	int irq;
	bool pinned;
	bool attached;
};

/**
 * struct ioreq_server - the ioreq page of a guest's server, as an fd maps it
 * @owner: the fd that set it up, which removes it when closed
 * @list: entry in ioreq_servers
 * @uioreq: where the page is mapped in the owner's process
 * @dom: the guest
 * @vcpus: the vCPUs, one ioreq slot and one event channel each
 * @ioreq: the kernel's view of the slots
 * @map: the mapping that holds the page, referenced so that the page stays
 *	Xen's for as long as the interrupt handlers read it
 * @lock: see below
 * @ioeventfds: the ioeventfds
 * @ports: the event channels
 */
struct ioreq_server {
	struct xprivcmd_file *owner;
	struct list_head list;
	u64 uioreq;
	u16 dom;
	unsigned int vcpus;
	struct ioreq *ioreq;
	struct xprivcmd_map *map;
	spinlock_t lock;	/* protects @ioeventfds, taken in hard irq */
	struct list_head ioeventfds;
	struct ioreq_port ports[] __counted_by(vcpus);
};

/* Serializes assign and deassign; the handlers never take it. */
static DEFINE_MUTEX(ioreq_lock);	/* protects ioreq_servers */
static LIST_HEAD(ioreq_servers);

static irqreturn_t ioeventfd_interrupt(int irq, void *dev_id)
{
	struct ioreq_port *port = dev_id;
	struct ioreq_server *server = port->server;
	struct ioreq *req = &server->ioreq[port->vcpu];
	struct ioeventfd *ioeventfd;
	irqreturn_t ret = IRQ_NONE;

	/*
	 * Only a request an ioeventfd answers is ever claimed: any other is
	 * the device model's, which reads the same page and must never see
	 * its state change under it (as the in-tree driver since "xen/privcmd:
	 * Only claim ioreqs matching an ioeventfd", in 6.12.118).
	 */
	if (req->state != STATE_IOREQ_READY)
		goto out_eoi;
	/* Xen writes the request before it marks it ready. */
	virt_rmb();
	if (req->type != IOREQ_TYPE_COPY || req->dir != IOREQ_WRITE)
		goto out_eoi;

	spin_lock(&server->lock);
	list_for_each_entry(ioeventfd, &server->ioeventfds, list) {
		if (req->addr == ioeventfd->addr + VIRTIO_MMIO_QUEUE_NOTIFY &&
		    req->size == ioeventfd->addr_len &&
		    (req->data & QUEUE_NOTIFY_VQ_MASK) == ioeventfd->vq) {
			/* Done reading the request before claiming it. */
			virt_mb();
			req->state = STATE_IOREQ_INPROCESS;
			eventfd_signal(ioeventfd->eventfd);
			ret = IRQ_HANDLED;
			break;
		}
	}
	spin_unlock(&server->lock);

	if (ret == IRQ_HANDLED) {
		/* The answer is published after the signal. */
		virt_wmb();
		req->state = STATE_IORESP_READY;
		notify_remote_via_evtchn(port->port);
	}
out_eoi:
	/*
	 * Both bindings are late-EOI: the channel stays masked until its
	 * owner's EOI.  The evtchn device's comes when its reader hands the
	 * port back; one from here too would unmask it under that reader.
	 */
	if (!port->pinned)
		xen_irq_lateeoi(irq, 0);
	return ret;
}

static void ioeventfd_free(struct ioeventfd *ioeventfd)
{
	eventfd_ctx_put(ioeventfd->eventfd);
	kfree(ioeventfd);
}

/*
 * Undoes what was done for the port, whatever stage it reached: of a binding
 * we share, only our handler goes, and the reference that kept the binding
 * (its last, if the evtchn device has unbound meanwhile, closes it).
 */
static void ioreq_port_release(struct ioreq_port *port)
{
	if (port->attached) {
		if (port->pinned)
			free_irq(port->irq, port);
		else
			unbind_from_irqhandler(port->irq, port);
		port->attached = false;
	}
	if (port->pinned) {
		evtchn_put(port->port);
		port->pinned = false;
	}
}

static void ioreq_server_release_ports(struct ioreq_server *server)
{
	unsigned int i;

	for (i = 0; i < server->vcpus; i++)
		ioreq_port_release(&server->ports[i]);
}

/* Ports first: no handler runs once that returns. */
static void ioreq_server_free(struct ioreq_server *server)
{
	struct ioeventfd *ioeventfd, *tmp;

	lockdep_assert_held(&ioreq_lock);
	list_del(&server->list);
	ioreq_server_release_ports(server);
	list_for_each_entry_safe(ioeventfd, tmp, &server->ioeventfds, list)
		ioeventfd_free(ioeventfd);
	xprivcmd_map_put(server->map);
	kfree(server);
}

/*
 * The in-tree driver takes whatever VMA lies at or above @ioreq and reads
 * its private data as a page array.  Here it must be a mapping of this
 * module that MMAP_RESOURCE filled with that domain's ioreq server, and the
 * slots of all vCPUs must be within the page.
 */
static int ioreq_server_setup(struct ioreq_server *server,
			      const struct privcmd_ioeventfd *req)
{
	size_t len = array_size(req->vcpus, sizeof(struct ioreq));
	struct page *page;
	int ret;

	if (offset_in_page(req->ioreq) + len > PAGE_SIZE)
		return -EINVAL;
	ret = xprivcmd_map_get_ioreq(req->ioreq, req->dom, &server->map, &page);
	if (ret)
		return ret;
	server->ioreq = page_to_virt(page) + offset_in_page(req->ioreq);
	return 0;
}

/*
 * An ioreq server's ports are interdomain channels to its guest, which its
 * device model has usually bound through the evtchn device: it reads the
 * ioreqs we leave to it from there.  We then share that binding's interrupt
 * and hold a reference to the binding (evtchn_get(), as gntdev does), so
 * that the evtchn device's unbind cannot free the interrupt under our
 * handler.  The kernel's own bindings (xenstore, a backend's ring, a VIRQ)
 * are not reference counted: their owner may free the interrupt at any
 * time, and binding such a port again would, when the interrupt cannot be
 * shared, close the kernel's channel in the bind's failure path.  They are
 * refused untouched.  A port no one has bound is ours to bind, and to
 * unbind, which closes it.  All of this is looked at, and nothing attached,
 * before the mapping at @ioreq.
 */
static int ioreq_port_check(struct ioreq_port *port, u16 dom)
{
	struct evtchn_status status = { .dom = DOMID_SELF, .port = port->port };

	if ((int)irq_from_evtchn(port->port) >= 0) {
		/* Not reference counted, or going away: the kernel's. */
		if (evtchn_get(port->port))
			return -EBUSY;
		port->pinned = true;
	}
	if (HYPERVISOR_event_channel_op(EVTCHNOP_status, &status) ||
	    status.status != EVTCHNSTAT_interdomain ||
	    status.u.interdomain.dom != dom)
		return -ENOTCONN;
	return 0;
}

/*
 * A pinned binding keeps its interrupt: we request it shared, which fails
 * (-EBUSY) when the owner's handler is not shared (the evtchn device's
 * before Linux 6.7), taking nothing from it.  An unbound port is bound
 * here unless that happened meanwhile, as when another vCPU has the same
 * port: binding it again would share a binding whose unbind closes it.
 */
static int ioreq_port_attach(struct ioreq_port *port)
{
	int irq, ret;

	if (port->pinned) {
		irq = irq_from_evtchn(port->port);
		ret = request_irq(irq, ioeventfd_interrupt, IRQF_SHARED,
				  "xprivcmd-ioeventfd", port);
		if (ret)
			return ret;
	} else {
		if ((int)irq_from_evtchn(port->port) >= 0)
			return -EBUSY;
		/* Ours alone: no one else may EOI or unbind it. */
		irq = bind_evtchn_to_irqhandler_lateeoi(port->port,
							ioeventfd_interrupt, 0,
							"xprivcmd-ioeventfd",
							port);
		if (irq < 0)
			return irq;
	}
	port->irq = irq;
	port->attached = true;
	return 0;
}

static struct ioreq_server *ioreq_server_alloc(struct xprivcmd_file *xf,
					       const struct privcmd_ioeventfd *req)
{
	struct ioreq_server *server;
	evtchn_port_t *ports;
	unsigned int i;
	int ret;

	lockdep_assert_held(&ioreq_lock);

	server = kzalloc(struct_size(server, ports, req->vcpus), GFP_KERNEL);
	if (!server)
		return ERR_PTR(-ENOMEM);
	server->owner = xf;
	server->uioreq = req->ioreq;
	server->dom = req->dom;
	server->vcpus = req->vcpus;
	spin_lock_init(&server->lock);
	INIT_LIST_HEAD(&server->ioeventfds);

	ports = memdup_array_user(u64_to_user_ptr(req->ports), req->vcpus,
				  sizeof(*ports));
	if (IS_ERR(ports)) {
		ret = PTR_ERR(ports);
		goto out_free;
	}
	for (i = 0; i < req->vcpus; i++) {
		server->ports[i].server = server;
		server->ports[i].port = ports[i];
		server->ports[i].vcpu = i;
	}
	kfree(ports);

	for (i = 0; i < req->vcpus; i++) {
		ret = ioreq_port_check(&server->ports[i], req->dom);
		if (ret)
			goto out_release;
	}

	ret = ioreq_server_setup(server, req);
	if (ret)
		goto out_release;

	for (i = 0; i < req->vcpus; i++) {
		ret = ioreq_port_attach(&server->ports[i]);
		if (ret)
			goto out_release;
	}
	list_add_tail(&server->list, &ioreq_servers);
	return server;

out_release:
	ioreq_server_release_ports(server);
	if (server->map)
		xprivcmd_map_put(server->map);
out_free:
	kfree(server);
	return ERR_PTR(ret);
}

/* The fd's server for @req, or a new one; -EBUSY if @eventfd is in it. */
static struct ioreq_server *ioreq_server_get(struct xprivcmd_file *xf,
					     const struct privcmd_ioeventfd *req,
					     struct eventfd_ctx *eventfd)
{
	struct ioreq_server *server;
	struct ioeventfd *ioeventfd;
	unsigned long flags;

	lockdep_assert_held(&ioreq_lock);

	list_for_each_entry(server, &ioreq_servers, list) {
		if (server->owner != xf || server->uioreq != req->ioreq)
			continue;
		/* One page, one guest and one set of vCPUs. */
		if (server->dom != req->dom || server->vcpus != req->vcpus)
			return ERR_PTR(-EINVAL);
		spin_lock_irqsave(&server->lock, flags);
		list_for_each_entry(ioeventfd, &server->ioeventfds, list) {
			if (ioeventfd->eventfd == eventfd) {
				spin_unlock_irqrestore(&server->lock, flags);
				return ERR_PTR(-EBUSY);
			}
		}
		spin_unlock_irqrestore(&server->lock, flags);
		return server;
	}
	return ioreq_server_alloc(xf, req);
}

static int ioeventfd_assign(struct xprivcmd_file *xf,
			    const struct privcmd_ioeventfd *req)
{
	struct ioreq_server *server;
	struct ioeventfd *ioeventfd;
	unsigned long flags;
	u64 end;
	int ret;

	if (check_add_overflow(req->addr, (u64)req->addr_len, &end))
		return -EINVAL;
	/* The access sizes vhost supports. */
	if (req->addr_len != 1 && req->addr_len != 2 && req->addr_len != 4 &&
	    req->addr_len != 8)
		return -EINVAL;
	if (!req->vcpus || req->vcpus > IOEVENTFD_MAX_VCPUS)
		return -EINVAL;

	ioeventfd = kzalloc(sizeof(*ioeventfd), GFP_KERNEL);
	if (!ioeventfd)
		return -ENOMEM;
	ioeventfd->addr = req->addr;
	ioeventfd->addr_len = req->addr_len;
	ioeventfd->vq = req->vq;
	ioeventfd->eventfd = eventfd_ctx_fdget(req->event_fd);
	if (IS_ERR(ioeventfd->eventfd)) {
		ret = PTR_ERR(ioeventfd->eventfd);
		kfree(ioeventfd);
		return ret;
	}

	mutex_lock(&ioreq_lock);
	server = ioreq_server_get(xf, req, ioeventfd->eventfd);
	if (IS_ERR(server)) {
		mutex_unlock(&ioreq_lock);
		ioeventfd_free(ioeventfd);
		return PTR_ERR(server);
	}
	spin_lock_irqsave(&server->lock, flags);
	list_add_tail(&ioeventfd->list, &server->ioeventfds);
	spin_unlock_irqrestore(&server->lock, flags);
	mutex_unlock(&ioreq_lock);
	return 0;
}

static int ioeventfd_deassign(struct xprivcmd_file *xf,
			      const struct privcmd_ioeventfd *req)
{
	struct eventfd_ctx *eventfd = eventfd_ctx_fdget(req->event_fd);
	struct ioreq_server *server;
	struct ioeventfd *ioeventfd;
	unsigned long flags;
	int ret = -ENODEV;

	if (IS_ERR(eventfd))
		return PTR_ERR(eventfd);

	mutex_lock(&ioreq_lock);
	list_for_each_entry(server, &ioreq_servers, list) {
		if (server->owner != xf || server->uioreq != req->ioreq ||
		    server->dom != req->dom || server->vcpus != req->vcpus)
			continue;
		spin_lock_irqsave(&server->lock, flags);
		list_for_each_entry(ioeventfd, &server->ioeventfds, list) {
			if (ioeventfd->eventfd == eventfd) {
				list_del(&ioeventfd->list);
				ret = 0;
				break;
			}
		}
		spin_unlock_irqrestore(&server->lock, flags);
		if (!ret) {
			ioeventfd_free(ioeventfd);
			/* The last one takes the event channels with it. */
			if (list_empty(&server->ioeventfds))
				ioreq_server_free(server);
		}
		break;
	}
	mutex_unlock(&ioreq_lock);
	eventfd_ctx_put(eventfd);
	return ret;
}

/**
 * xprivcmd_ioctl_ioeventfd() - IOCTL_PRIVCMD_IOEVENTFD
 * @file: the device file
 * @udata: user pointer to a &struct privcmd_ioeventfd; the same layout for
 *	32-bit programs
 *
 * Judged as the dm_op a device model issues for the guest, deassign too
 * (see xprivcmd_ioctl_irqfd()).  A new server's ports are checked before
 * its mapping: see ioreq_port_check().
 *
 * Return: 0; -EINVAL for an unknown flag, a bad length, vCPU count or
 * range, an fd that is not an eventfd, a mapping at @ioreq that is not an
 * ioreq server this module mapped for @dom, or a server set up with another
 * domain or vCPU count; -EFAULT if nothing is mapped at @ioreq;
 * -EOPNOTSUPP in a PV guest, whose mappings the kernel cannot read; -EPERM
 * for a domain the fd is not restricted to, or for the caller's own;
 * -EACCES if the policy forbids dm_op; -EBADF; -EBUSY if the eventfd is
 * assigned already, if a port is bound by the kernel itself rather than by
 * the evtchn device, if the evtchn device's handler of a port is not shared
 * (before Linux 6.7), or if a port is given for two vCPUs that no one had
 * bound; -ENOTCONN for a port that is not an interdomain channel to @dom;
 * -ENODEV on deassign of an unknown one; -ENOMEM; or the error of binding
 * an event channel or requesting its interrupt.
 */
long xprivcmd_ioctl_ioeventfd(struct file *file, void __user *udata)
{
	struct privcmd_ioeventfd req;
	int ret;

	if (copy_from_user(&req, udata, sizeof(req)))
		return -EFAULT;
	if (req.flags & ~PRIVCMD_IOEVENTFD_FLAG_DEASSIGN)
		return -EINVAL;
	ret = xprivcmd_judge_ioctl(file, __HYPERVISOR_dm_op, 0, req.dom);
	if (ret)
		return ret;
	if (req.flags & PRIVCMD_IOEVENTFD_FLAG_DEASSIGN)
		return ioeventfd_deassign(file->private_data, &req);
	return ioeventfd_assign(file->private_data, &req);
}

/**
 * xprivcmd_ioeventfd_release() - remove the ioreq servers a closing fd set up
 * @xf: the fd's state, or NULL for every server (module exit)
 *
 * Returns once none of their ioeventfds can fire any more.
 */
void xprivcmd_ioeventfd_release(struct xprivcmd_file *xf)
{
	struct ioreq_server *server, *tmp;

	mutex_lock(&ioreq_lock);
	list_for_each_entry_safe(server, tmp, &ioreq_servers, list)
		if (!xf || server->owner == xf)
			ioreq_server_free(server);
	mutex_unlock(&ioreq_lock);
}
