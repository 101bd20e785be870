// SPDX-License-Identifier: GPL-2.0-only
/*
 * What a failed hypercall means, for people rather than programs.
 *
 * The errno alone is ambiguous: EFAULT and EINVAL come both from xprivcmd's
 * checks and from Xen.  xprivcmd records its own refusals per fd
 * (XPRIVCMD_IOCTL_LAST_ERROR), so comparing that record's sequence number
 * before and after the call tells the two apart, and names the argument.
 */
#define __XEN_TOOLS__ 1

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <xen/xen.h>

#include "hcall.h"
#include "reasons.h"
#include "schema.h"

const struct hcall_exit_code hcall_exit_codes[] = {
	{ HCALL_EXIT_OK, "success" },
	{ HCALL_EXIT_CALL, "a hypercall failed; the error is explained on stderr" },
	{ HCALL_EXIT_USAGE,
	  "usage error: unknown command or option, bad number, unknown hypercall name, buffer over the size limit" },
	{ HCALL_EXIT_DEVICE,
	  "no usable privcmd device: none found, or permission denied (run as root)" },
	{ HCALL_EXIT_UNAVAILABLE,
	  "not available: the module's statistics, policy or tracepoints cannot be read or written" },
};

const unsigned int hcall_nr_exit_codes =
	ARRAY_SIZE(hcall_exit_codes);

const char *hcall_reason_id(unsigned int reason)
{
	return xprivcmd_reason(reason)->id;
}

const char *hcall_reason_text(unsigned int reason)
{
	return xprivcmd_reason(reason)->explain;
}

const char *hcall_errno_name(int err)
{
	const char *name = strerrorname_np(err);

	return name ? name : "E?";
}

/* "xprivcmd", "xen", or "unknown" when the driver keeps no record. */
const char *hcall_refused_by(const struct hcall_failure *f)
{
	if (f->by_driver)
		return "xprivcmd";
	return f->have_last ? "xen" : "unknown";
}

/**
 * hcall_explain() - one sentence on what a failure means for this call
 * @f: the failure
 * @buf: where to write the sentence
 * @len: its size
 *
 * Return: the length written (as snprintf()), 0 when there is nothing to
 * add to the errno's own description.
 */
int hcall_explain(const struct hcall_failure *f, char *buf, size_t len)
{
	const char *name;
	const struct xprivcmd_op *s = hcall_op(f->op, &name);

	buf[0] = '\0';
	if (f->by_driver) {
		int n = snprintf(buf, len, "refused by xprivcmd before Xen saw it: ");

		if (n >= 0 && (size_t)n < len && f->last.entry != XPRIVCMD_ARG_NONE &&
		    f->op == __HYPERVISOR_multicall)
			n += snprintf(buf + n, len - n, "multicall entry %u (hypercall %llu): ",
				      f->last.entry, (unsigned long long)f->last.op);
		if (n < 0 || (size_t)n >= len)
			return n;
		if (f->last.arg != XPRIVCMD_ARG_NONE)
			return n + snprintf(buf + n, len - n, "arg%u (%#llx) %s", f->last.arg,
					    (unsigned long long)f->last.value,
					    hcall_reason_text(f->last.reason));
		return n + snprintf(buf + n, len - n, "%s", hcall_reason_text(f->last.reason));
	}

	switch (f->err) {
	case ENOSYS:
		return snprintf(buf, len,
				"the running hypervisor has no handler for hypercall %llu%s%s%s%s: are you booted into the Xen you built? (`hcall version` says which Xen is running)",
				(unsigned long long)f->op, s ? " (" : "", s ? name : "",
				s ? ")" : "", s && s->muxed ? ", or not for this sub-command" : "");
	case EPERM:
		return snprintf(buf, len,
				"not permitted: this domain is not privileged for this call, the call targets this domain itself where Xen forbids that, or the device file is restricted to one domain");
	case EACCES:
		return snprintf(buf, len,
				"denied by Xen: its security policy (XSM/FLASK) refused the call, or, for sysctl, domctl and platform_op, the structure's interface_version is not this Xen's");
	case EFAULT:
		if (f->have_last)
			return snprintf(buf, len,
					"Xen could not access a buffer argument: xprivcmd's checks passed, so the buffer is probably shorter than the call needs, or a pointer inside a structure is bad");
		return snprintf(buf, len,
				"a buffer argument could not be accessed; this driver cannot say which (it has no XPRIVCMD_IOCTL_LAST_ERROR)");
	case EINVAL:
		if (f->have_last)
			return snprintf(buf, len,
					"Xen rejected an argument value as invalid for hypercall %llu (%s)",
					(unsigned long long)f->op, name ? name : "unknown");
		return snprintf(buf, len,
				"an argument was invalid, or the hypercall number is 128 or more");
	case ENOTTY:
		return snprintf(buf, len,
				"the device does not take IOCTL_PRIVCMD_HYPERCALL: is it a privcmd device?");
	case ESRCH:
		return snprintf(buf, len, "Xen knows no such domain");
	default:
		return 0;
	}
}
