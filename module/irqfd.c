// SPDX-License-Identifier: GPL-2.0-only
/*
 * IOCTL_PRIVCMD_IRQFD: an eventfd whose every signal makes the module issue a
 * dm_op that the device model (a vhost-user backend of a guest's virtio
 * device) gave at assign time, typically one that raises a guest interrupt,
 * without a round trip through user space.  The eventfd's wakeup runs in
 * atomic context, so the call is issued there, on a kernel copy of the
 * operation.
 *
 * An irqfd lives until deassigned, until its fd or the eventfd closes, or
 * until the module goes: the in-tree driver keeps it after its fd is closed,
 * and nothing could then remove it short of unloading that driver.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/eventfd.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/list.h>
#include <linux/overflow.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/srcu.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#include <xen/events.h>
#include <xen/interface/event_channel.h>
#include <xen/interface/xen.h>
#include <xen/interface/hvm/dm_op.h>
#include <asm/xen/hypercall.h>

#include "xprivcmd.h"

/**
 * struct irqfd - an eventfd whose signals issue a dm_op
 * @owner: the fd that assigned it, which removes it when closed
 * @eventfd: the eventfd, referenced
 * @list: entry in irqfds while active
 * @wait: our entry in the eventfd's wait queue
 * @pt: registers @wait through vfs_poll()
 * @shutdown: frees it, in process context, once deactivated
 * @xbuf: the dm_op buffer handed to Xen: @op
 * @dom: the domain the dm_op is for
 * @failing: the last call failed; later failures are not logged
 * @op: the kernel copy of the dm_op
 */
struct irqfd {
	struct xprivcmd_file *owner;
	struct eventfd_ctx *eventfd;
	struct list_head list;
	wait_queue_entry_t wait;
	poll_table pt;
	struct work_struct shutdown;
	struct xen_dm_op_buf xbuf;
	u16 dom;
	bool failing;
	u8 op[];
};

/* Active irqfds; taken from the eventfd's wakeup, in atomic context. */
static DEFINE_SPINLOCK(irqfds_lock);	/* protects irqfds */
static LIST_HEAD(irqfds);
/* Lets a shutdown wait for the assign that may still be polling. */
DEFINE_STATIC_SRCU(irqfds_srcu);
static struct workqueue_struct *irqfd_wq;

/*
 * The dm_op goes through the module's accounting like the ioctls' calls:
 * the stats and the tracepoint show each injection.  Not preemptible: it
 * runs under the eventfd's wait queue lock.
 */
static void irqfd_inject(struct irqfd *irqfd)
{
	unsigned long args[5] = {
		irqfd->dom, 1, (unsigned long)&irqfd->xbuf,
	};
	u64 start = xprivcmd_account_begin(), subop = 0;
	long ret;

	ret = HYPERVISOR_dm_op(irqfd->dom, 1, &irqfd->xbuf);
	/* The sub-command is the op field that opens every dm_op. */
	if (irqfd->xbuf.size >= sizeof(u32))
		subop = *(u32 *)irqfd->op;
	xprivcmd_account(__HYPERVISOR_dm_op, subop, args, ret, start);

	if (ret && !irqfd->failing)
		pr_err_ratelimited("irqfd: dm_op for domain %u failed: %ld\n",
				   irqfd->dom, ret);
	irqfd->failing = ret != 0;
}

static void irqfd_shutdown(struct work_struct *work)
{
	struct irqfd *irqfd = container_of(work, struct irqfd, shutdown);
	u64 cnt;

	/* An assign may still be inside vfs_poll() with it. */
	synchronize_srcu(&irqfds_srcu);
	eventfd_ctx_remove_wait_queue(irqfd->eventfd, &irqfd->wait, &cnt);
	eventfd_ctx_put(irqfd->eventfd);
	kfree(irqfd);
}

/* Takes it off the list, once, and has it freed. */
static void irqfd_deactivate(struct irqfd *irqfd)
{
	lockdep_assert_held(&irqfds_lock);
	/*
	 * Deassign and the eventfd's close may both come; a second queueing
	 * could run the work again after it freed the irqfd.
	 */
	if (list_empty(&irqfd->list))
		return;
	list_del_init(&irqfd->list);
	queue_work(irqfd_wq, &irqfd->shutdown);
}

/* Called with the eventfd's wait queue lock held, interrupts off. */
static int irqfd_wakeup(wait_queue_entry_t *wait, unsigned int mode, int sync,
			void *key)
{
	struct irqfd *irqfd = container_of(wait, struct irqfd, wait);
	__poll_t events = key_to_poll(key);

	if (events & EPOLLIN) {
		u64 cnt;

		/* Signals before the call are all answered by it. */
		eventfd_ctx_do_read(irqfd->eventfd, &cnt);
		irqfd_inject(irqfd);
	}
	if (events & EPOLLHUP) {
		unsigned long flags;

		spin_lock_irqsave(&irqfds_lock, flags);
		irqfd_deactivate(irqfd);
		spin_unlock_irqrestore(&irqfds_lock, flags);
	}
	return 0;
}

static void irqfd_poll_queue(struct file *file, wait_queue_head_t *wqh,
			     poll_table *pt)
{
	struct irqfd *irqfd = container_of(pt, struct irqfd, pt);

	/* Ahead of ordinary waiters, as KVM's irqfds are. */
	add_wait_queue_priority(wqh, &irqfd->wait);
}

static int irqfd_assign(struct xprivcmd_file *xf,
			const struct privcmd_irqfd *req)
{
	struct irqfd *irqfd, *other;
	unsigned long flags;
	struct file *file;
	__poll_t events;
	int ret, idx;

	/* One dm_op buffer, within the limit a DM_OP buffer has. */
	if (req->size > xprivcmd_dm_op_buf_max_size())
		return -E2BIG;

	irqfd = kzalloc(struct_size(irqfd, op, req->size), GFP_KERNEL);
	if (!irqfd)
		return -ENOMEM;
	if (copy_from_user(irqfd->op, u64_to_user_ptr(req->dm_op), req->size)) {
		ret = -EFAULT;
		goto out_free;
	}
	irqfd->owner = xf;
	irqfd->dom = req->dom;
	irqfd->xbuf.size = req->size;
	set_xen_guest_handle(irqfd->xbuf.h, irqfd->op);
	INIT_LIST_HEAD(&irqfd->list);
	INIT_WORK(&irqfd->shutdown, irqfd_shutdown);
	init_waitqueue_func_entry(&irqfd->wait, irqfd_wakeup);
	init_poll_funcptr(&irqfd->pt, irqfd_poll_queue);

	file = fget(req->fd);
	if (!file) {
		ret = -EBADF;
		goto out_free;
	}
	irqfd->eventfd = eventfd_ctx_fileget(file);
	if (IS_ERR(irqfd->eventfd)) {
		ret = PTR_ERR(irqfd->eventfd);
		goto out_fput;
	}

	/* Before it is listed: a deassign's shutdown then waits for us. */
	idx = srcu_read_lock(&irqfds_srcu);
	spin_lock_irqsave(&irqfds_lock, flags);
	list_for_each_entry(other, &irqfds, list) {
		if (other->eventfd == irqfd->eventfd) {
			spin_unlock_irqrestore(&irqfds_lock, flags);
			srcu_read_unlock(&irqfds_srcu, idx);
			ret = -EBUSY;
			goto out_put_eventfd;
		}
	}
	list_add_tail(&irqfd->list, &irqfds);
	spin_unlock_irqrestore(&irqfds_lock, flags);

	/* A signal that came before we listened is answered now. */
	events = vfs_poll(file, &irqfd->pt);
	if (events & EPOLLIN)
		irqfd_inject(irqfd);
	srcu_read_unlock(&irqfds_srcu, idx);
	fput(file);
	return 0;

out_put_eventfd:
	eventfd_ctx_put(irqfd->eventfd);
out_fput:
	fput(file);
out_free:
	kfree(irqfd);
	return ret;
}

/* Nothing to remove is no error, as with the in-tree driver. */
static int irqfd_deassign(struct xprivcmd_file *xf,
			  const struct privcmd_irqfd *req)
{
	struct eventfd_ctx *eventfd = eventfd_ctx_fdget(req->fd);
	struct irqfd *irqfd;
	unsigned long flags;

	if (IS_ERR(eventfd))
		return PTR_ERR(eventfd);

	spin_lock_irqsave(&irqfds_lock, flags);
	list_for_each_entry(irqfd, &irqfds, list) {
		/* Only the fd that assigned it may take it away. */
		if (irqfd->eventfd == eventfd && irqfd->owner == xf) {
			irqfd_deactivate(irqfd);
			break;
		}
	}
	spin_unlock_irqrestore(&irqfds_lock, flags);
	eventfd_ctx_put(eventfd);
	/* Gone when we return: the eventfd no longer issues the call. */
	flush_workqueue(irqfd_wq);
	return 0;
}

/**
 * xprivcmd_ioctl_irqfd() - IOCTL_PRIVCMD_IRQFD
 * @file: the device file
 * @udata: user pointer to a &struct privcmd_irqfd; the same layout for 32-bit
 *	programs
 *
 * The policy and the domain rules are those of the dm_op it issues, and
 * are asked for a deassign too, where the in-tree driver checks the domain.
 *
 * Return: 0; -EINVAL for an unknown flag or an fd that is not an eventfd;
 * -EPERM for a domain the fd is not restricted to, or for the caller's own;
 * -EACCES if the policy forbids dm_op; -E2BIG for a dm_op larger than the
 * module's dm_op_buf_max_size; -EBADF; -EBUSY if the eventfd already has an
 * irqfd; -EFAULT; -ENOMEM.
 */
long xprivcmd_ioctl_irqfd(struct file *file, void __user *udata)
{
	struct privcmd_irqfd req;
	int ret;

	if (copy_from_user(&req, udata, sizeof(req)))
		return -EFAULT;
	if (req.flags & ~PRIVCMD_IRQFD_FLAG_DEASSIGN)
		return -EINVAL;
	ret = xprivcmd_judge_ioctl(file, __HYPERVISOR_dm_op, 0, req.dom);
	if (ret)
		return ret;
	if (req.flags & PRIVCMD_IRQFD_FLAG_DEASSIGN)
		return irqfd_deassign(file->private_data, &req);
	return irqfd_assign(file->private_data, &req);
}

/**
 * xprivcmd_irqfd_release() - remove the irqfds a closing fd assigned
 * @xf: the fd's state, or NULL for every irqfd (module exit)
 *
 * Returns once none of them can fire any more.
 */
void xprivcmd_irqfd_release(struct xprivcmd_file *xf)
{
	struct irqfd *irqfd, *tmp;
	unsigned long flags;

	spin_lock_irqsave(&irqfds_lock, flags);
	list_for_each_entry_safe(irqfd, tmp, &irqfds, list)
		if (!xf || irqfd->owner == xf)
			irqfd_deactivate(irqfd);
	spin_unlock_irqrestore(&irqfds_lock, flags);
	flush_workqueue(irqfd_wq);
}

int xprivcmd_irqfd_init(void)
{
	/*
	 * Shutdown work only, which need not run where it was queued: unbound.
	 * Linux 7.x warns about a workqueue that says neither this nor
	 * WQ_PERCPU.
	 */
	irqfd_wq = alloc_workqueue("xprivcmd-irqfd", WQ_UNBOUND, 0);
	return irqfd_wq ? 0 : -ENOMEM;
}

/* Every fd is closed by now; irqfds the eventfd's close left may remain. */
void xprivcmd_irqfd_exit(void)
{
	xprivcmd_irqfd_release(NULL);
	destroy_workqueue(irqfd_wq);
}
