// SPDX-License-Identifier: GPL-2.0-only
/*
 * Who is calling: the domain this kernel runs in, as Xen would resolve a
 * domain id the caller names, and whether its frame numbers are
 * guest-physical (an auto-translated guest: HVM, PVH, Arm).
 *
 * Xen resolves DOMID_SELF and the caller's own numeric id to the caller
 * alike, so both must be recognised wherever only another domain may be
 * named.  dom0 is domain 0.  A domU learns its id from xenstore (its home,
 * /local/domain/<id>, holds "domid"); until then, and if that read fails,
 * every real domain id counts as possibly the caller's own.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kstrtox.h>
#include <linux/notifier.h>
#include <linux/slab.h>

#include <xen/features.h>
#include <xen/interface/xen.h>
#include <xen/xen.h>
#include <xen/xenbus.h>

#include "xprivcmd.h"
#include "call.h"

/*
 * Read by xprivcmd_self() (call.h), on every call with a structure.
 * Whether the caller is auto-translated is known at boot, and kept here so
 * that a call reads one variable for both.
 */
struct xprivcmd_caller xprivcmd_self_caller __read_mostly = {
	.domid = DOMID_INVALID,
};

static int xprivcmd_read_domid(struct notifier_block *nb, unsigned long event,
			       void *data)
{
	unsigned int dom;
	char *text;

	text = xenbus_read(XBT_NIL, "domid", "", NULL);
	if (IS_ERR(text))
		return NOTIFY_DONE;
	if (!kstrtouint(text, 10, &dom) && dom < DOMID_FIRST_RESERVED)
		WRITE_ONCE(xprivcmd_self_caller.domid, dom);
	kfree(text);
	return NOTIFY_DONE;
}

static struct notifier_block xprivcmd_domid_nb = {
	.notifier_call = xprivcmd_read_domid,
};

void xprivcmd_self_init(void)
{
	xprivcmd_self_caller.translated =
		xen_feature(XENFEAT_auto_translated_physmap);
	if (xen_initial_domain())
		xprivcmd_self_caller.domid = 0;
	else
		register_xenstore_notifier(&xprivcmd_domid_nb);
}

void xprivcmd_self_exit(void)
{
	if (!xen_initial_domain())
		unregister_xenstore_notifier(&xprivcmd_domid_nb);
}

/**
 * xprivcmd_names_self() - does @dom resolve to the calling domain?
 * @dom: a domain id a call names
 *
 * Return: true for DOMID_SELF, for the caller's own id, and for every real
 * id while the caller's own is unknown.
 */
bool xprivcmd_names_self(u16 dom)
{
	struct xprivcmd_caller caller;

	xprivcmd_self(&caller);
	return xprivcmd_caller_is(&caller, dom);
}
