// SPDX-License-Identifier: GPL-2.0-only
/*
 * Issuing one hypercall through the device, and saying what its failure
 * means (explain.c words it).
 *
 * Hypercall numbers come from Xen's public headers (Debian: libxen-dev);
 * names and argument schemas from the module's own tables (module/common/).
 */
#define __XEN_TOOLS__ 1

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>

#include <xen/xen.h>

#include "hcall.h"
#include "schema.h"

/*
 * Issues one hypercall.  On failure, fills @f in, telling xprivcmd's
 * refusals from Xen's errors by the fd's refusal count before and after.
 */
long hcall_hypercall(int fd, uint64_t op, const uint64_t *args,
		     struct hcall_failure *f)
{
	struct privcmd_hypercall h = { .op = op };
	struct xprivcmd_last_error before, after;
	long ret;

	memcpy(h.arg, args, sizeof(h.arg));
	memset(f, 0, sizeof(*f));
	f->op = op;
	f->have_last = !ioctl(fd, XPRIVCMD_IOCTL_LAST_ERROR, &before);
	ret = ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &h);
	if (ret != -1)
		return ret;
	f->err = errno;
	if (f->have_last && !ioctl(fd, XPRIVCMD_IOCTL_LAST_ERROR, &after) &&
	    after.seq != before.seq && after.err == f->err) {
		f->by_driver = true;
		f->last = after;
	}
	errno = f->err;
	return -1;
}

long hcall_hypercall3(int fd, uint64_t op, uint64_t a0, uint64_t a1,
		      uint64_t a2, struct hcall_failure *f)
{
	uint64_t args[HCALL_NR_ARGS] = { a0, a1, a2 };

	return hcall_hypercall(fd, op, args, f);
}

const char *hcall_op_name(uint64_t op)
{
	const char *name;

	hcall_op(op, &name);
	return name;
}

static void json_failure(const char *what, const struct hcall_failure *f,
			 const char *why)
{
	char value[24];

	json_object(NULL);
	json_bool("ok", false);
	json_string("error", "hypercall");
	json_string("call", what);
	json_uint("op", f->op);
	json_string("name", hcall_op_name(f->op));
	json_int("errno", f->err);
	json_string("errno_name", hcall_errno_name(f->err));
	json_string("strerror", strerror(f->err));
	json_string("refused_by", hcall_refused_by(f));
	if (f->by_driver) {
		json_string("reason", hcall_reason_id(f->last.reason));
		if (f->last.arg != XPRIVCMD_ARG_NONE) {
			snprintf(value, sizeof(value), "%#llx", (unsigned long long)f->last.value);
			json_uint("arg", f->last.arg);
			json_string("value", value);
		}
		if (f->op == __HYPERVISOR_multicall && f->last.entry != XPRIVCMD_ARG_NONE) {
			json_uint("entry", f->last.entry);
			json_uint("entry_op", f->last.op);
		}
	}
	json_string("explanation", why[0] ? why : NULL);
	json_end();
}

/* Says what a failed hypercall means; @what names the call for people. */
int hcall_report_failure(const char *what, const struct hcall_failure *f)
{
	char why[2048], *line, *next;

	hcall_explain(f, why, sizeof(why));
	fprintf(stderr, "hcall: %s: %s (%s)\n", what, hcall_errno_name(f->err),
		strerror(f->err));
	/* Each line of the explanation, a command to copy among them. */
	for (line = why; *line; line = next) {
		next = line + strcspn(line, "\n");
		fprintf(stderr, "hcall: %.*s\n", (int)(next - line), line);
		if (*next)
			next++;
	}
	if (hcall_json)
		json_failure(what, f, why);
	return HCALL_EXIT_CALL;
}
