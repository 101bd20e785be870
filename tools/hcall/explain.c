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
#include <stdarg.h>
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
	  "no usable privcmd device: none found, or permission denied (hcall says what to do)" },
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

/* vsnprintf() at *@n in @buf, what fits; *@n grows by the whole length. */
static void put(char *buf, size_t len, int *n, const char *fmt, ...)
{
	size_t at = *n >= 0 && (size_t)*n < len ? (size_t)*n : len;
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(at < len ? buf + at : NULL, len - at, fmt, ap);
	va_end(ap);
	if (r > 0)
		*n += r;
}

/* The command that adds the word "unmodelled" to the module's policy. */
#define ALLOW_UNMODELLED \
	"  hcall policy set $(cat " HCALL_PARAMS "policy) unmodelled"

/*
 * ":arg0=in*arg1,arg2=out16": the pointer arguments of the failed call as
 * user_ops declares them, from how they were given (str: and hex: are
 * read by Xen, out: written; a number equal to a buffer's length, a
 * string's without its NUL, is taken for its count).  Returns how many.
 */
static unsigned int put_layout(char *buf, size_t len, int *n,
			       const struct hcall_failure *f)
{
	unsigned int i, j, nr = 0;

	for (i = 0; i < f->nr_args; i++) {
		const struct hcall_failed_arg *a = &f->args[i];

		if (a->kind == HCALL_ARG_INT)
			continue;
		put(buf, len, n, "%sarg%u=%s", nr++ ? "," : ":", i,
		    a->kind == HCALL_ARG_OUT ? "out" : "in");
		for (j = 0; j < f->nr_args; j++) {
			const struct hcall_failed_arg *c = &f->args[j];

			if (c->kind == HCALL_ARG_INT &&
			    (c->value == a->len ||
			     (a->kind == HCALL_ARG_STR && c->value + 1 == a->len)))
				break;
		}
		if (j < f->nr_args)
			put(buf, len, n, "*arg%u", j);
		else
			put(buf, len, n, "%zu", a->len);
	}
	return nr;
}

/* A hypercall number neither Xen's headers nor user_ops know. */
static void put_undeclared(char *buf, size_t len, int *n,
			   const struct hcall_failure *f)
{
	unsigned long long op = f->last.op;
	bool this_call = f->op == op && f->nr_args;
	char declared[1024] = "";

	if (op >= 64) {
		put(buf, len, n,
		    "hypercall %llu is none of Xen's and is beyond Xen's table of 64 hypercalls, so it cannot be declared (user_ops takes 0 to 63) and Xen would answer ENOSYS; only the policy word `unmodelled` lets it through, unchecked:\n"
		    ALLOW_UNMODELLED, op);
		return;
	}
	put(buf, len, n,
	    "hypercall %llu is none of Xen's and has not been declared to xprivcmd, so it cannot check its arguments (fail closed). If you added it to Xen, declare it%s (NAME: a name of your choosing, which hcall then takes for the number):\n  echo '",
	    op, this_call ? " with its pointer arguments as this call passed them" : "");
	/* Writing the parameter replaces what was declared: keep it. */
	if (hcall_user_ops.count &&
	    xprivcmd_user_ops_format(&hcall_user_ops, declared,
				     sizeof(declared)) > 0)
		put(buf, len, n, "%s ", declared);
	put(buf, len, n, "NAME=%llu", op);
	if (!this_call || !put_layout(buf, len, n, f))
		put(buf, len, n,
		    "' > " HCALL_PARAMS "user_ops\n"
		    "  (an argument that is a pointer must be declared, or it is passed unchecked: NAME=%llu:arg0=in*arg1 says \"arg0 points to as many bytes as arg1 says, which Xen reads\"; access in, out or inout, length a byte count or *argN)\n",
		    op);
	else
		put(buf, len, n, "' > " HCALL_PARAMS "user_ops\n");
	put(buf, len, n,
	    "or let every call xprivcmd does not model through unchecked, as the in-tree driver does, with the policy word `unmodelled`:\n"
	    ALLOW_UNMODELLED);
}

/* A sub-command (or a whole hypercall) of Xen's that xprivcmd does not model. */
static void put_unmodelled(char *buf, size_t len, int *n,
			   const struct hcall_failure *f)
{
	const char *name, *sub = NULL;

	if (!hcall_op(f->last.op, &name)) {
		put_undeclared(buf, len, n, f);
		return;
	}
	put(buf, len, n, "xprivcmd does not model every pointer, frame or domain that %s", name);
	if (f->have_subop && f->op == f->last.op) {
		sub = hcall_const_name(f->op, f->subop);
		put(buf, len, n, " sub-command %llu%s%s%s", (unsigned long long)f->subop,
		    sub ? " (" : "", sub ? sub : "", sub ? ")" : "");
	}
	put(buf, len, n,
	    " carries, so it cannot check this call (fail closed). The policy word `unmodelled` lets what xprivcmd does not model through unchecked, as the in-tree driver does (the preset `compat`, or policy=compat when loading the module):\n"
	    ALLOW_UNMODELLED);
}

/* A domain id that is the caller's own, where only another may be named. */
static void put_own_domain(char *buf, size_t len, int *n,
			   const struct hcall_failure *f)
{
	unsigned long long dom = f->last.value;

	if (dom == DOMID_SELF)
		put(buf, len, n, "it names DOMID_SELF (%#llx), this domain itself,", dom);
	else
		put(buf, len, n, "it names domain %llu, this domain's own id,", dom);
	put(buf, len, n,
	    " where only another domain may be named: on its own domain this call would act on the running kernel's memory, page tables or state. Name the domain to act on by its id (`xl list`)");
}

/*
 * Sub-commands the module's tables name that Xen 4.17 does not have: it
 * answers them -ENOSYS, and so does any Xen older than the one they came
 * with (module/common's headers say which).
 */
static const struct {
	uint64_t op;
	const char *name;
	const char *since;
} newer_subops[] = {
	{ __HYPERVISOR_xen_version, "XENVER_extraversion2", "4.19" },
	{ __HYPERVISOR_xen_version, "XENVER_capabilities2", "4.19" },
	{ __HYPERVISOR_xen_version, "XENVER_changeset2", "4.19" },
	{ __HYPERVISOR_xen_version, "XENVER_commandline2", "4.19" },
	{ __HYPERVISOR_physdev_op, "PHYSDEVOP_pci_device_reset", "4.20" },
};

/* The Xen release that added the failed call's sub-command, if later than 4.17. */
static const char *subop_since(const struct hcall_failure *f, const char **sub)
{
	unsigned int i;

	*sub = f->have_subop ? hcall_const_name(f->op, f->subop) : NULL;
	for (i = 0; *sub && i < ARRAY_SIZE(newer_subops); i++)
		if (newer_subops[i].op == f->op && !strcmp(newer_subops[i].name, *sub))
			return newer_subops[i].since;
	return NULL;
}

/**
 * hcall_explain() - what a failure means for this call, for people
 * @f: the failure
 * @buf: where to write it: a sentence, or for some of xprivcmd's refusals
 *	a few lines with the commands that would allow the call
 * @len: its size
 *
 * Return: the length written (as snprintf()), 0 when there is nothing to
 * add to the errno's own description.
 */
int hcall_explain(const struct hcall_failure *f, char *buf, size_t len)
{
	const char *name, *sub, *since;
	const struct xprivcmd_op *s = hcall_op(f->op, &name);

	buf[0] = '\0';
	if (f->by_driver) {
		int n = 0;

		put(buf, len, &n, "refused by xprivcmd before Xen saw it: ");
		if (f->last.entry != XPRIVCMD_ARG_NONE && f->op == __HYPERVISOR_multicall)
			put(buf, len, &n, "multicall entry %u (hypercall %llu): ",
			    f->last.entry, (unsigned long long)f->last.op);
		switch (f->last.reason) {
		case XPRIVCMD_REASON_UNMODELLED:
			put_unmodelled(buf, len, &n, f);
			return n;
		case XPRIVCMD_REASON_OWN_DOMAIN:
			put_own_domain(buf, len, &n, f);
			return n;
		case XPRIVCMD_REASON_INTERFACE:
			put(buf, len, &n, "%s:\n" ALLOW_UNMODELLED,
			    hcall_reason_text(f->last.reason));
			return n;
		}
		if (f->last.arg != XPRIVCMD_ARG_NONE)
			put(buf, len, &n, "arg%u (%#llx) %s", f->last.arg,
			    (unsigned long long)f->last.value,
			    hcall_reason_text(f->last.reason));
		else
			put(buf, len, &n, "%s", hcall_reason_text(f->last.reason));
		return n;
	}

	switch (f->err) {
	case ENOSYS:
		since = subop_since(f, &sub);
		if (since)
			return snprintf(buf, len,
					"the running hypervisor has no handler for %s %s: it came with Xen %s (`hcall version` says which Xen is running)",
					name, sub, since);
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
