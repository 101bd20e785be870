// SPDX-License-Identifier: GPL-2.0-only
/*
 * hcall: make Xen hypercalls from a shell through a privcmd device, and be
 * told plainly what happened.
 *
 * Hypercall numbers, sub-commands and structures come from Xen's public
 * headers (Debian: libxen-dev); hypercall names and argument schemas from
 * module/schema.c, the table xprivcmd itself checks calls against.
 */
#define __XEN_TOOLS__ 1

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <xen/xen.h>
#include <xen/version.h>
#include <xen/sysctl.h>

#include "hcall.h"
#include "schema.h"

#define STATS_PATH	"/sys/kernel/debug/xprivcmd/stats"
#define POLICY_PATH	"/sys/module/xprivcmd/parameters/policy"
#define USER_OPS_PATH	"/sys/module/xprivcmd/parameters/user_ops"
#define TRACEFS		"/sys/kernel/tracing"
#define TRACE_EVENTS	TRACEFS "/events/xprivcmd"
/* Most events `hcall trace --json` collects before printing them. */
#define TRACE_JSON_MAX	4096
/* Xen's console ring is a few MiB at most; stop a runaway read well after. */
#define MAX_RING	(64u << 20)

static bool json;
static const char *device;

static void print_usage(FILE *f)
{
	unsigned int i;

	fprintf(f,
		"usage: hcall [--json] [--device PATH] COMMAND [ARGS]\n"
		"\n"
		"commands:\n"
		"  version                  Xen's version, extraversion, changeset, capabilities\n"
		"                           and compile information\n"
		"  console write MSG        write MSG and a newline to Xen's console\n"
		"  dmesg [-c] [--tail N]    read Xen's console ring (sysctl readconsole); -c clears\n"
		"                           what was read, --tail N prints the last N lines only\n"
		"  call OP [ARG...]         make hypercall OP with up to 5 arguments, print its result\n"
		"  list [OP]                the hypercalls xprivcmd knows and their argument schema\n"
		"  stats                    xprivcmd's per-hypercall counters (debugfs, root only)\n"
		"  policy [set WORDS...]    show, or set, xprivcmd's module-wide policy (root only)\n"
		"  trace [EVENTS [SECONDS]] print xprivcmd's tracepoint events as they come\n"
		"\n"
		"OP is a name from Xen's xen.h (xen_version, or __HYPERVISOR_xen_version) or a\n"
		"number.  Each ARG is one of:\n"
		"  N          a number: decimal, or hexadecimal with 0x; may be negative\n"
		"  NAME       a sub-command from Xen's headers, e.g. XENVER_extraversion\n"
		"  str:TEXT   a pointer to TEXT and its terminating NUL\n"
		"  hex:BYTES  a pointer to these bytes, e.g. hex:deadbeef\n"
		"  out:N      a pointer to N zeroed bytes, printed after the call\n"
		"Buffers are at most %d bytes.\n"
		"\n"
		"options (anywhere before a `--'):\n"
		"  --json         print the result, or the error, as one JSON object on stdout\n"
		"  --device PATH  the privcmd device; default /dev/xen/privcmd, then /proc/xen/privcmd\n"
		"  -h, --help     this help\n"
		"\n"
		"exit status:\n", HCALL_MAX_BUF);
	for (i = 0; i < hcall_nr_exit_codes; i++)
		fprintf(f, "  %d  %s\n", hcall_exit_codes[i].code,
			hcall_exit_codes[i].meaning);
}

static void vjson_error(const char *kind, int err, const char *msg)
{
	printf("{\"ok\":false,\"error\":\"%s\"", kind);
	if (err) {
		printf(",\"errno\":%d,\"errno_name\":\"%s\",\"strerror\":", err,
		       hcall_errno_name(err));
		json_str(stdout, strerror(err));
	}
	printf(",\"message\":");
	json_str(stdout, msg);
	printf("}\n");
}

/* An error that is not a hypercall's: on stderr, and as JSON if asked. */
static int error(int code, const char *kind, int err, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "hcall: %s\n", msg);
	if (code == HCALL_EXIT_USAGE)
		fprintf(stderr, "Try 'hcall --help'.\n");
	if (json)
		vjson_error(kind, err, msg);
	return code;
}

#define usage_error(...) error(HCALL_EXIT_USAGE, "usage", 0, __VA_ARGS__)

static int device_error(const char *path, int err)
{
	if (err == EACCES || err == EPERM)
		return error(HCALL_EXIT_DEVICE, "device", err,
			     "%s: %s (%s): the privcmd device is root only: run hcall as root (or as a member of group xprivcmd, where the administrator granted it)",
			     path, strerror(err), hcall_errno_name(err));
	return error(HCALL_EXIT_DEVICE, "device", err, "%s: %s (%s)", path,
		     strerror(err), hcall_errno_name(err));
}

/* Returns an fd, or -1 after saying why (exit status HCALL_EXIT_DEVICE). */
static int open_device(void)
{
	static const char * const defaults[] = {
		"/dev/xen/privcmd", "/proc/xen/privcmd",
	};
	unsigned int i;
	int fd;

	if (device) {
		fd = open(device, O_RDWR | O_CLOEXEC);
		if (fd < 0)
			device_error(device, errno);
		return fd;
	}
	for (i = 0; i < ARRAY_SIZE(defaults); i++) {
		fd = open(defaults[i], O_RDWR | O_CLOEXEC);
		if (fd >= 0)
			return fd;
		if (errno != ENOENT && errno != ENODEV && errno != ENXIO) {
			device_error(defaults[i], errno);
			return -1;
		}
	}
	error(HCALL_EXIT_DEVICE, "device", ENOENT,
	      "no privcmd device: neither /dev/xen/privcmd nor /proc/xen/privcmd (is this a Xen domain, and is xprivcmd loaded?)");
	return -1;
}

/*
 * Issues one hypercall.  On failure, fills @f in, telling xprivcmd's
 * refusals from Xen's errors by the fd's refusal count before and after.
 */
static long hypercall(int fd, uint64_t op, const uint64_t *args,
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

static long hypercall3(int fd, uint64_t op, uint64_t a0, uint64_t a1,
		       uint64_t a2, struct hcall_failure *f)
{
	uint64_t args[HCALL_NR_ARGS] = { a0, a1, a2 };

	return hypercall(fd, op, args, f);
}

static const char *op_name(uint64_t op)
{
	const char *name;

	hcall_op(op, &name);
	return name;
}

/* Says what a failed hypercall means; @what names the call for people. */
static int report_failure(const char *what, const struct hcall_failure *f)
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
	if (!json)
		return HCALL_EXIT_CALL;

	printf("{\"ok\":false,\"error\":\"hypercall\",\"call\":");
	json_str(stdout, what);
	printf(",\"op\":%llu,\"name\":", (unsigned long long)f->op);
	json_str(stdout, op_name(f->op));
	printf(",\"errno\":%d,\"errno_name\":\"%s\",\"strerror\":", f->err,
	       hcall_errno_name(f->err));
	json_str(stdout, strerror(f->err));
	printf(",\"refused_by\":\"%s\"", hcall_refused_by(f));
	if (f->by_driver) {
		printf(",\"reason\":\"%s\"", hcall_reason_id(f->last.reason));
		if (f->last.arg != XPRIVCMD_ARG_NONE)
			printf(",\"arg\":%u,\"value\":\"%#llx\"", f->last.arg,
			       (unsigned long long)f->last.value);
		if (f->op == __HYPERVISOR_multicall && f->last.entry != XPRIVCMD_ARG_NONE)
			printf(",\"entry\":%u,\"entry_op\":%llu", f->last.entry,
			       (unsigned long long)f->last.op);
	}
	printf(",\"explanation\":");
	json_str(stdout, why[0] ? why : NULL);
	printf("}\n");
	return HCALL_EXIT_CALL;
}

/* The part of a fixed-size string field before its NUL, if any. */
static size_t field_len(const char *s, size_t size)
{
	return strnlen(s, size);
}

static void json_field(const char *key, const char *s, size_t size, bool comma)
{
	printf("%s\"%s\":", comma ? "," : "", key);
	json_mem(stdout, s, field_len(s, size));
}

static int cmd_version(int fd)
{
	xen_extraversion_t extra;
	xen_changeset_info_t changeset;
	xen_capabilities_info_t caps;
	xen_compile_info_t ci;
	const struct {
		uint64_t cmd;
		void *buf;
		size_t size;
	} q[] = {
		{ XENVER_extraversion, extra, sizeof(extra) },
		{ XENVER_changeset, changeset, sizeof(changeset) },
		{ XENVER_capabilities, caps, sizeof(caps) },
		{ XENVER_compile_info, &ci, sizeof(ci) },
	};
	struct hcall_failure f;
	char what[64];
	unsigned int i;
	size_t n;
	long v;

	v = hypercall3(fd, __HYPERVISOR_xen_version, XENVER_version, 0, 0, &f);
	if (v < 0)
		return report_failure("xen_version(XENVER_version)", &f);
	for (i = 0; i < ARRAY_SIZE(q); i++) {
		memset(q[i].buf, 0, q[i].size);
		if (hypercall3(fd, __HYPERVISOR_xen_version, q[i].cmd,
			       (uintptr_t)q[i].buf, 0, &f) < 0) {
			snprintf(what, sizeof(what), "xen_version(%s)",
				 hcall_const_name(__HYPERVISOR_xen_version, q[i].cmd));
			return report_failure(what, &f);
		}
	}
	/* Xen pads the capabilities with a space. */
	n = field_len(caps, sizeof(caps));
	while (n && caps[n - 1] == ' ')
		caps[--n] = '\0';

	if (json) {
		printf("{\"ok\":true,\"major\":%ld,\"minor\":%ld", v >> 16, v & 0xffff);
		json_field("extraversion", extra, sizeof(extra), true);
		printf(",\"changeset\":");
		if (changeset[0])
			json_mem(stdout, changeset, field_len(changeset, sizeof(changeset)));
		else
			printf("null");
		json_field("capabilities", caps, sizeof(caps), true);
		printf(",\"compile_info\":{");
		json_field("compiler", ci.compiler, sizeof(ci.compiler), false);
		json_field("compile_by", ci.compile_by, sizeof(ci.compile_by), true);
		json_field("compile_domain", ci.compile_domain,
			   sizeof(ci.compile_domain), true);
		json_field("compile_date", ci.compile_date, sizeof(ci.compile_date), true);
		printf("}}\n");
		return HCALL_EXIT_OK;
	}
	printf("Xen %ld.%ld%.*s\n", v >> 16, v & 0xffff, (int)sizeof(extra), extra);
	/* Distribution builds (Debian's) often have no changeset: say nothing. */
	if (changeset[0])
		printf("changeset: %.*s\n", (int)sizeof(changeset), changeset);
	printf("capabilities: %.*s\n", (int)sizeof(caps), caps);
	printf("compiled: %.*s by %.*s@%.*s with %.*s\n",
	       (int)sizeof(ci.compile_date), ci.compile_date,
	       (int)sizeof(ci.compile_by), ci.compile_by,
	       (int)sizeof(ci.compile_domain), ci.compile_domain,
	       (int)sizeof(ci.compiler), ci.compiler);
	return HCALL_EXIT_OK;
}

static int cmd_console_write(int fd, const char *msg)
{
	size_t len = strlen(msg);
	struct hcall_failure f;
	char *line;
	long ret;

	line = malloc(len + 2);
	if (!line)
		return error(HCALL_EXIT_CALL, "memory", ENOMEM, "out of memory");
	memcpy(line, msg, len);
	line[len++] = '\n';
	ret = hypercall3(fd, __HYPERVISOR_console_io, CONSOLEIO_write, len,
			 (uintptr_t)line, &f);
	free(line);
	if (ret < 0)
		return report_failure("console_io(CONSOLEIO_write)", &f);
	if (json)
		printf("{\"ok\":true,\"bytes\":%zu}\n", len);
	return HCALL_EXIT_OK;
}

/*
 * Xen's console ring from its oldest unread byte, read in chunks so that
 * any ring size fits; with @clear, what was read is cleared.  Returns a
 * NUL-terminated malloc()ed string, or NULL with @f filled in.
 */
static char *read_ring(int fd, bool clear, size_t *lenp,
		       struct hcall_failure *f)
{
	const size_t chunk = 16384;
	size_t len = 0;
	char *ring = NULL, *bigger;
	__u32 index = 0;

	for (;;) {
		struct xen_sysctl sc = {
			.cmd = XEN_SYSCTL_readconsole,
			.interface_version = XEN_SYSCTL_INTERFACE_VERSION,
		};

		bigger = len < MAX_RING ? realloc(ring, len + chunk + 1) : NULL;
		if (!bigger) {
			memset(f, 0, sizeof(*f));
			f->op = __HYPERVISOR_sysctl;
			f->err = ENOMEM;
			free(ring);
			return NULL;
		}
		ring = bigger;
		/*
		 * Xen cannot fault pages in for a PV guest, and xprivcmd only
		 * faults in the struct, not the buffer it points to: touch it.
		 */
		memset(ring + len, 0, chunk + 1);
		sc.u.readconsole.clear = clear;
		sc.u.readconsole.incremental = 1;
		sc.u.readconsole.index = index;
		sc.u.readconsole.count = chunk;
		set_xen_guest_handle(sc.u.readconsole.buffer, ring + len);
		if (hypercall3(fd, __HYPERVISOR_sysctl, (uintptr_t)&sc, 0, 0, f) < 0) {
			free(ring);
			return NULL;
		}
		if (!sc.u.readconsole.count)
			break;
		len += sc.u.readconsole.count;
		index = sc.u.readconsole.index;
	}
	ring[len] = '\0';
	*lenp = len;
	return ring;
}

static int cmd_dmesg(int fd, bool clear, long tail)
{
	struct hcall_failure f;
	char *ring, *start, *p, *nl;
	size_t len;

	ring = read_ring(fd, clear, &len, &f);
	if (!ring)
		return report_failure("sysctl(XEN_SYSCTL_readconsole)", &f);
	start = ring;
	if (tail >= 0) {
		/* Back up over @tail newlines, not counting a final one. */
		long seen = 0;

		p = ring + len;
		if (p > ring && p[-1] == '\n')
			p--;
		while (p > ring && !(p[-1] == '\n' && ++seen == tail))
			p--;
		start = tail ? p : ring + len;
	}
	if (!json) {
		fputs(start, stdout);
	} else {
		printf("{\"ok\":true,\"cleared\":%s,\"lines\":[", clear ? "true" : "false");
		for (p = start; *p; p = nl + 1) {
			nl = strchr(p, '\n');
			if (!nl)
				nl = p + strlen(p) - 1;
			json_mem(stdout, p, nl - p + (*nl != '\n'));
			if (nl[1])
				putchar(',');
		}
		printf("]}\n");
	}
	free(ring);
	return HCALL_EXIT_OK;
}

/* 16 bytes a line: offset, hex, printable characters. */
static void hexdump(const unsigned char *p, size_t len)
{
	size_t i, j;

	for (i = 0; i < len; i += 16) {
		printf("  %04zx ", i);
		for (j = i; j < i + 16; j++) {
			if (j < len)
				printf(" %02x", p[j]);
			else
				printf("   ");
		}
		printf("  |");
		for (j = i; j < i + 16 && j < len; j++)
			putchar(p[j] >= 0x20 && p[j] < 0x7f ? p[j] : '.');
		printf("|\n");
	}
}

static const char * const kind_names[] = {
	[HCALL_ARG_INT] = "int", [HCALL_ARG_STR] = "str",
	[HCALL_ARG_HEX] = "hex", [HCALL_ARG_OUT] = "out",
};

/* Output buffers, and input buffers the call changed, after a call. */
static void print_buffers(const struct hcall_arg *a, unsigned int n,
			  char **spec)
{
	unsigned int i;
	bool first = true, changed;

	for (i = 0; i < n; i++) {
		if (a[i].kind == HCALL_ARG_INT)
			continue;
		changed = memcmp(a[i].buf, a[i].orig, a[i].len);
		if (json) {
			printf("%s{\"arg\":%u,\"kind\":\"%s\",\"size\":%zu,\"changed\":%s,\"hex\":",
			       first ? "" : ",", i, kind_names[a[i].kind], a[i].len,
			       changed ? "true" : "false");
			json_hex(stdout, a[i].buf, a[i].len);
			printf(",\"string\":");
			json_mem(stdout, a[i].buf, strnlen((char *)a[i].buf, a[i].len));
			printf("}");
			first = false;
		} else if (a[i].kind == HCALL_ARG_OUT) {
			printf("arg%u %s:\n", i, spec[i]);
			hexdump(a[i].buf, a[i].len);
		} else if (changed) {
			printf("arg%u %s:%zu, changed by the call:\n", i,
			       kind_names[a[i].kind], a[i].len);
			hexdump(a[i].buf, a[i].len);
		}
	}
}

/*
 * What the explanation of a failed `hcall call` may use: the arguments as
 * given, and the sub-command (from its argument, or the first 32 bits of
 * the structure for sysctl, domctl and the like).
 */
static void note_call(struct hcall_failure *f, const struct hcall_arg *a,
		      unsigned int n, const uint64_t *args)
{
	const struct xprivcmd_op *s = hcall_op(f->op, NULL);
	uint32_t cmd;
	unsigned int i;

	f->nr_args = n;
	for (i = 0; i < n; i++) {
		f->args[i].kind = a[i].kind;
		f->args[i].value = args[i];
		f->args[i].len = a[i].len;
	}
	if (!s || !(s->muxed || s->struct_cmd))
		return;
	if (!s->struct_cmd) {
		f->have_subop = true;
		f->subop = args[s->cmd_arg] & s->cmd_mask;
	} else if (n && a[0].kind != HCALL_ARG_INT && a[0].len >= sizeof(cmd)) {
		memcpy(&cmd, a[0].orig, sizeof(cmd));
		f->have_subop = true;
		f->subop = cmd;
	}
}

static int cmd_call(int argc, char **argv)
{
	struct hcall_arg a[HCALL_NR_ARGS];
	uint64_t op, args[HCALL_NR_ARGS] = { 0 };
	struct hcall_failure f;
	char err[HCALL_ERR_LEN], what[256];
	unsigned int i, n = 0;
	int fd, rc = HCALL_EXIT_OK, off;
	long ret;

	if (argc < 1)
		return usage_error("call: which hypercall? (hcall call OP [ARG...])");
	if (hcall_parse_op(argv[0], &op, err, sizeof(err)))
		return usage_error("call: %s", err);
	if (argc - 1 > HCALL_NR_ARGS)
		return usage_error("call: %d arguments given; a hypercall takes at most %d",
				   argc - 1, HCALL_NR_ARGS);
	for (n = 0; n < (unsigned int)argc - 1; n++) {
		if (hcall_parse_arg(argv[n + 1], &a[n], err, sizeof(err))) {
			rc = usage_error("call: arg%u: %s", n, err);
			goto out;
		}
		args[n] = a[n].kind == HCALL_ARG_INT ? a[n].value : (uintptr_t)a[n].buf;
	}

	off = op_name(op) ? snprintf(what, sizeof(what), "%s(", op_name(op)) :
		snprintf(what, sizeof(what), "hypercall %llu(", (unsigned long long)op);
	for (i = 0; i < n && off < (int)sizeof(what); i++)
		off += snprintf(what + off, sizeof(what) - off, "%s%s", i ? ", " : "",
				a[i].kind == HCALL_ARG_INT || a[i].len <= 32 ? argv[i + 1] :
				kind_names[a[i].kind]);
	if (off < (int)sizeof(what))
		snprintf(what + off, sizeof(what) - off, ")");

	fd = open_device();
	if (fd < 0) {
		rc = HCALL_EXIT_DEVICE;
		goto out;
	}
	ret = hypercall(fd, op, args, &f);
	close(fd);
	if (ret == -1) {
		note_call(&f, a, n, args);
		rc = report_failure(what, &f);
		goto out;
	}
	if (json) {
		printf("{\"ok\":true,\"call\":");
		json_str(stdout, what);
		printf(",\"op\":%llu,\"name\":", (unsigned long long)op);
		json_str(stdout, op_name(op));
		printf(",\"args\":[");
		for (i = 0; i < n; i++)
			printf("%s\"%#llx\"", i ? "," : "", (unsigned long long)args[i]);
		printf("],\"ret\":%ld,\"buffers\":[", ret);
		print_buffers(a, n, argv + 1);
		printf("]}\n");
	} else {
		printf("%s = %ld", what, ret);
		if (ret > 9 || ret < 0)
			printf(" (%#lx)", ret);
		printf("\n");
		print_buffers(a, n, argv + 1);
	}
out:
	while (n--)
		hcall_arg_free(&a[n]);
	return rc;
}

static const char * const access_names[] = {
	[XPRIVCMD_IN] = "in", [XPRIVCMD_OUT] = "out", [XPRIVCMD_INOUT] = "inout",
};

/* OPAQUE() in schema.c: a pointer whose length xprivcmd does not model. */
static bool ptr_opaque(const struct xprivcmd_ptr *p)
{
	return p->size == 1 && p->count_arg == XPRIVCMD_NO_ARG &&
		p->access == XPRIVCMD_INOUT && !p->required;
}

static void print_ptr(const struct xprivcmd_ptr *p)
{
	if (json) {
		printf("{\"arg\":%u,\"access\":\"%s\",\"size\":%u,\"count_arg\":", p->arg,
		       access_names[p->access & XPRIVCMD_INOUT] ?: "?", p->size);
		if (p->count_arg == XPRIVCMD_NO_ARG)
			printf("null");
		else
			printf("%u", p->count_arg);
		printf(",\"required\":%s,\"opaque\":%s}", p->required ? "true" : "false",
		       ptr_opaque(p) ? "true" : "false");
		return;
	}
	if (ptr_opaque(p)) {
		printf("arg%u: a user address or NULL (length not checked)", p->arg);
		return;
	}
	printf("arg%u: ", p->arg);
	if (p->count_arg != XPRIVCMD_NO_ARG)
		printf("arg%u x ", p->count_arg);
	printf("%u byte%s, %s%s", p->size, p->size == 1 ? "" : "s",
	       access_names[p->access & XPRIVCMD_INOUT] ?: "?",
	       p->required ? "" : ", may be NULL");
}

static void print_op(uint64_t nr, const struct xprivcmd_op *s,
		     const char *name, bool first)
{
	const char *cname;
	unsigned int i;

	if (json) {
		printf("%s{\"nr\":%llu,\"name\":", first ? "" : ",", (unsigned long long)nr);
		json_str(stdout, name);
		if (s->muxed)
			printf(",\"subop_arg\":%u", s->cmd_arg);
		else
			printf(",\"subop_arg\":null");
		printf(",\"pointers\":[");
		for (i = 0; i < s->nr_ptrs; i++) {
			printf("%s", i ? "," : "");
			print_ptr(&s->ptrs[i]);
		}
		printf("],\"subops\":[");
		for (i = 0; i < s->nr_subops; i++) {
			printf("%s{\"cmd\":%u,\"name\":", i ? "," : "", s->subops[i].cmd);
			json_str(stdout, hcall_const_name(nr, s->subops[i].cmd));
			printf(",\"pointer\":");
			if (s->subops[i].ptr.size)
				print_ptr(&s->subops[i].ptr);
			else
				printf("null");
			printf("}");
		}
		printf("]}");
		return;
	}
	printf("%3llu %-29s ", (unsigned long long)nr, name);
	if (s->muxed)
		printf("sub-command in arg%u%s", s->cmd_arg, s->nr_ptrs ? "; " : "");
	if (s->nr_subops && s->nr_ptrs)
		printf("other sub-commands: ");
	for (i = 0; i < s->nr_ptrs; i++) {
		printf("%s", i ? "; " : "");
		print_ptr(&s->ptrs[i]);
	}
	if (!s->muxed && !s->nr_ptrs)
		printf("no pointer arguments");
	printf("\n");
	for (i = 0; i < s->nr_subops; i++) {
		cname = hcall_const_name(nr, s->subops[i].cmd);
		printf("      %3u %-27s ", s->subops[i].cmd, cname ?: "");
		if (s->subops[i].ptr.size)
			print_ptr(&s->subops[i].ptr);
		else
			printf("no pointer");
		printf("\n");
	}
}

static int cmd_list(int argc, char **argv)
{
	const struct xprivcmd_op *s;
	char err[HCALL_ERR_LEN];
	uint64_t nr, only = 0;
	bool first = true;

	if (argc > 1)
		return usage_error("list: at most one hypercall");
	if (argc && hcall_parse_op(argv[0], &only, err, sizeof(err)))
		return usage_error("list: %s", err);
	if (argc && !hcall_op(only, NULL)) {
		const char *what = only < XPRIVCMD_NR_HYPERCALLS ?
			"not in xprivcmd's table: passed to Xen with no argument checks" :
			"128 or more: refused by xprivcmd with EINVAL";

		if (json)
			printf("{\"ok\":true,\"nr_hypercalls\":%d,\"ops\":[],\"note\":\"%s\"}\n",
			       XPRIVCMD_NR_HYPERCALLS, what);
		else
			printf("hypercall %llu: %s\n", (unsigned long long)only, what);
		return HCALL_EXIT_OK;
	}

	if (json)
		printf("{\"ok\":true,\"nr_hypercalls\":%d,\"ops\":[", XPRIVCMD_NR_HYPERCALLS);
	else if (!argc)
		printf("The hypercalls xprivcmd knows, and the pointer arguments it checks.\n"
		       "Other numbers below %d go to Xen unchecked; %d and above are refused.\n\n"
		       " nr name                          pointer arguments\n",
		       XPRIVCMD_NR_HYPERCALLS, XPRIVCMD_NR_HYPERCALLS);
	for (nr = 0; nr < XPRIVCMD_NR_HYPERCALLS; nr++) {
		const char *name;

		s = hcall_op(nr, &name);
		if (!s || (argc && nr != only))
			continue;
		print_op(nr, s, name, first);
		first = false;
	}
	if (json)
		printf("]}\n");
	return HCALL_EXIT_OK;
}

static volatile sig_atomic_t trace_stop;

static void stop_tracing(int sig)
{
	(void)sig;
	trace_stop = 1;
}

static int write_str(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_TRUNC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/*
 * One trace_pipe line, "  TASK-PID [CPU] FLAGS TIME: EVENT: k=v k=v ...",
 * as a JSON object with every field a string.
 */
static void print_trace_json(const char *line, bool first)
{
	char copy[1024], *task, *event, *fields, *kv, *save;

	snprintf(copy, sizeof(copy), "%s", line);
	copy[strcspn(copy, "\n")] = '\0';
	task = strtok_r(copy, " ", &save);
	event = strstr(save, ": xprivcmd_");
	if (!task || !event)
		return;
	event += 2;
	fields = strchr(event, ':');
	if (fields)
		*fields++ = '\0';
	printf("%s{\"task\":", first ? "" : ",");
	json_str(stdout, task);
	printf(",\"event\":");
	json_str(stdout, event);
	for (kv = fields ? strtok_r(fields, " ", &save) : NULL; kv;
	     kv = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(kv, '=');

		if (!eq)
			continue;
		*eq = '\0';
		printf(",");
		json_str(stdout, kv);
		printf(":");
		json_str(stdout, eq + 1);
	}
	printf("}");
}

/*
 * hcall trace [EVENTS [SECONDS]]: turn xprivcmd's tracepoints on, print
 * their events as they come, turn them off again.  Stops after EVENTS
 * events or SECONDS seconds (0 or absent: no limit) or on Ctrl-C.
 */
static int cmd_trace(int argc, char **argv)
{
	char err[HCALL_ERR_LEN], line[1024];
	uint64_t max_events = 0, seconds = 0, seen = 0;
	struct sigaction sa = { .sa_handler = stop_tracing };
	int64_t deadline_ms = -1, waited_ms = 0;
	FILE *pipe;
	int fd;

	if (argc > 2)
		return usage_error("trace: at most EVENTS and SECONDS");
	if ((argc > 0 && hcall_parse_u64(argv[0], &max_events, err, sizeof(err))) ||
	    (argc > 1 && hcall_parse_u64(argv[1], &seconds, err, sizeof(err))))
		return usage_error("trace: %s", err);
	if (json && !max_events && !seconds)
		return usage_error("trace: --json needs EVENTS or SECONDS, as it prints when done");
	if (seconds)
		deadline_ms = seconds * 1000;

	if (write_str(TRACE_EVENTS "/enable", "1"))
		return error(HCALL_EXIT_UNAVAILABLE, "unavailable", errno,
			     "trace: cannot enable %s: %s (is xprivcmd loaded, tracefs mounted at %s, and are you root?)",
			     TRACE_EVENTS, strerror(errno), TRACEFS);
	fd = open(TRACEFS "/trace_pipe", O_RDONLY | O_NONBLOCK);
	pipe = fd < 0 ? NULL : fdopen(fd, "r");
	if (!pipe) {
		write_str(TRACE_EVENTS "/enable", "0");
		return error(HCALL_EXIT_UNAVAILABLE, "unavailable", errno,
			     "trace: %s/trace_pipe: %s", TRACEFS, strerror(errno));
	}
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if (json)
		printf("{\"ok\":true,\"events\":[");
	else
		fprintf(stderr, "hcall: tracing xprivcmd's hypercalls; Ctrl-C stops\n");
	while (!trace_stop && (!max_events || seen < max_events) &&
	       (deadline_ms < 0 || waited_ms < deadline_ms)) {
		struct pollfd p = { .fd = fd, .events = POLLIN };

		if (!fgets(line, sizeof(line), pipe)) {
			clearerr(pipe);
			/* A short poll, so that limits and Ctrl-C are noticed. */
			if (poll(&p, 1, 100) == 0)
				waited_ms += 100;
			continue;
		}
		if (!strstr(line, ": xprivcmd_"))
			continue;
		if (json && seen < TRACE_JSON_MAX)
			print_trace_json(line, !seen);
		else if (!json)
			fputs(line, stdout);
		fflush(stdout);
		seen++;
	}
	write_str(TRACE_EVENTS "/enable", "0");
	fclose(pipe);
	if (json)
		printf("],\"count\":%llu}\n", (unsigned long long)seen);
	return HCALL_EXIT_OK;
}

static int cmd_stats(void)
{
	struct hcall_stats *st;
	char err[HCALL_ERR_LEN];
	unsigned int i;
	FILE *f;
	int rc;

	f = fopen(STATS_PATH, "r");
	if (!f && (errno == EACCES || errno == EPERM))
		return error(HCALL_EXIT_UNAVAILABLE, "unavailable", errno,
			     "%s: %s: the statistics are root only", STATS_PATH,
			     strerror(errno));
	if (!f)
		return error(HCALL_EXIT_UNAVAILABLE, "unavailable", errno,
			     "%s: %s: is xprivcmd loaded, and debugfs mounted (mount -t debugfs none /sys/kernel/debug)?",
			     STATS_PATH, strerror(errno));
	st = malloc(sizeof(*st));
	if (!st) {
		fclose(f);
		return error(HCALL_EXIT_CALL, "memory", ENOMEM, "out of memory");
	}
	rc = hcall_parse_stats(f, st, err, sizeof(err));
	fclose(f);
	if (rc) {
		free(st);
		return error(HCALL_EXIT_UNAVAILABLE, "unavailable", 0, "%s: %s", STATS_PATH, err);
	}

	if (json) {
		printf("{\"ok\":true,\"ops\":[");
		for (i = 0; i < st->nr_ops; i++) {
			printf("%s{\"nr\":%u,\"name\":", i ? "," : "", st->ops[i].nr);
			json_str(stdout, st->ops[i].name);
			printf(",\"issued\":%llu,\"failed\":%llu,\"rejected\":%llu}",
			       st->ops[i].issued, st->ops[i].failed, st->ops[i].rejected);
		}
		printf("],\"out_of_range_rejected\":%llu,\"reasons\":[", st->out_of_range);
		for (i = 0; i < st->nr_reasons; i++) {
			printf("%s{\"reason\":%u,\"id\":\"%s\",\"count\":%llu,\"text\":",
			       i ? "," : "", st->reasons[i].reason,
			       hcall_reason_id(st->reasons[i].reason), st->reasons[i].count);
			json_str(stdout, st->reasons[i].text);
			printf("}");
		}
		printf("],\"errnos\":[");
		for (i = 0; i < st->nr_errnos; i++)
			printf("%s{\"errno\":%u,\"errno_name\":\"%s\",\"or_higher\":%s,\"count\":%llu}",
			       i ? "," : "", st->errnos[i].err,
			       hcall_errno_name(st->errnos[i].err),
			       st->errnos[i].plus ? "true" : "false", st->errnos[i].count);
		printf("]}\n");
	} else {
		printf(" nr name                       issued     failed   rejected\n");
		for (i = 0; i < st->nr_ops; i++)
			printf("%3u %-22s %10llu %10llu %10llu\n", st->ops[i].nr,
			       st->ops[i].name, st->ops[i].issued, st->ops[i].failed,
			       st->ops[i].rejected);
		printf("nr >= %-43d %10llu\n", XPRIVCMD_NR_HYPERCALLS, st->out_of_range);
		printf("\nrejected because:\n");
		for (i = 0; i < st->nr_reasons; i++)
			printf("  %-46s %10llu\n", st->reasons[i].text, st->reasons[i].count);
		if (st->nr_errnos)
			printf("\nfailed in Xen with:\n");
		for (i = 0; i < st->nr_errnos; i++)
			printf("  %-14s %-31s %10llu\n", hcall_errno_name(st->errnos[i].err),
			       st->errnos[i].plus ? "(or higher)" : strerror(st->errnos[i].err),
			       st->errnos[i].count);
	}
	free(st);
	return HCALL_EXIT_OK;
}

static int unavailable(const char *path, int err, const char *what)
{
	if (err == EACCES || err == EPERM)
		return error(HCALL_EXIT_UNAVAILABLE, "unavailable", err,
			     "%s: %s: %s is root only", path, strerror(err), what);
	return error(HCALL_EXIT_UNAVAILABLE, "unavailable", err,
		     "%s: %s: is xprivcmd loaded?", path, strerror(err));
}

/* The module-wide policy, as the module prints it. */
static int policy_show(void)
{
	char text[4096];
	size_t len;
	FILE *f;

	f = fopen(POLICY_PATH, "r");
	if (!f)
		return unavailable(POLICY_PATH, errno, "the policy");
	len = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[len] = '\0';
	text[strcspn(text, "\n")] = '\0';
	if (json) {
		printf("{\"ok\":true,\"policy\":");
		json_str(stdout, text);
		printf("}\n");
	} else {
		printf("%s\n", text);
	}
	return HCALL_EXIT_OK;
}

/* Words joined by spaces; the module parses and applies them, or refuses. */
static int policy_set(int argc, char **argv)
{
	char text[XPRIVCMD_POLICY_TEXT_MAX + 1] = "";
	size_t len = 0, n;
	int i, fd;

	if (!argc)
		return usage_error("policy set: which policy? e.g. `hcall policy set strict`");
	for (i = 0; i < argc; i++) {
		n = strlen(argv[i]);
		if (len + n + 1 > XPRIVCMD_POLICY_TEXT_MAX)
			return usage_error("policy set: policy over %d bytes",
					   XPRIVCMD_POLICY_TEXT_MAX);
		memcpy(text + len, argv[i], n);
		len += n;
		text[len++] = i + 1 < argc ? ' ' : '\n';
	}
	fd = open(POLICY_PATH, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return unavailable(POLICY_PATH, errno, "the policy");
	if (write(fd, text, len) != (ssize_t)len) {
		int err = errno;

		close(fd);
		if (err == EINVAL)
			return usage_error("policy set: xprivcmd cannot parse '%.*s' (the kernel log says where)",
					   (int)len - 1, text);
		return unavailable(POLICY_PATH, err, "the policy");
	}
	close(fd);
	return policy_show();
}

static int with_device(int (*fn)(int fd, void *ctx), void *ctx)
{
	int fd = open_device(), rc;

	if (fd < 0)
		return HCALL_EXIT_DEVICE;
	rc = fn(fd, ctx);
	close(fd);
	return rc;
}

static int do_version(int fd, void *ctx)
{
	(void)ctx;
	return cmd_version(fd);
}

static int do_console_write(int fd, void *ctx)
{
	return cmd_console_write(fd, ctx);
}

struct dmesg_opts {
	bool clear;
	long tail;
};

static int do_dmesg(int fd, void *ctx)
{
	struct dmesg_opts *o = ctx;

	return cmd_dmesg(fd, o->clear, o->tail);
}

static int parse_tail(const char *s, long *tail)
{
	char err[HCALL_ERR_LEN];
	uint64_t v;

	if (s[0] == '-' || hcall_parse_u64(s, &v, err, sizeof(err)) || v > INT_MAX)
		return usage_error("dmesg: --tail needs a number of lines from 0 to %d, not '%s'",
				   INT_MAX, s);
	*tail = v;
	return 0;
}

static int dmesg_main(int argc, char **argv)
{
	struct dmesg_opts o = { .tail = -1 };
	int i;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "-c") || !strcmp(argv[i], "--clear")) {
			o.clear = true;
		} else if (!strcmp(argv[i], "--tail") && i + 1 < argc) {
			if (parse_tail(argv[++i], &o.tail))
				return HCALL_EXIT_USAGE;
		} else if (!strncmp(argv[i], "--tail=", 7)) {
			if (parse_tail(argv[i] + 7, &o.tail))
				return HCALL_EXIT_USAGE;
		} else {
			return usage_error("dmesg: unexpected '%s' (dmesg [-c] [--tail N])",
					   argv[i]);
		}
	}
	return with_device(do_dmesg, &o);
}

int main(int argc, char **argv)
{
	char **args = calloc(argc + 1, sizeof(*args));
	bool literal = false, help = false;
	const char *cmd;
	int i, n = 0;

	if (!args)
		return error(HCALL_EXIT_CALL, "memory", ENOMEM, "out of memory");
	/* Names of hypercalls a user declared to the module, e.g. "hello". */
	hcall_load_user_ops(USER_OPS_PATH);
	/* Options may come anywhere, so that `hcall version --json` works. */
	for (i = 1; i < argc; i++) {
		if (literal) {
			args[n++] = argv[i];
		} else if (!strcmp(argv[i], "--")) {
			literal = true;
		} else if (!strcmp(argv[i], "--json")) {
			json = true;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			help = true;
		} else if (!strcmp(argv[i], "--device")) {
			if (i + 1 >= argc)
				return usage_error("--device needs a PATH");
			device = argv[++i];
		} else if (!strncmp(argv[i], "--device=", 9)) {
			device = argv[i] + 9;
		} else {
			args[n++] = argv[i];
		}
	}
	if (device && !device[0])
		return usage_error("--device needs a PATH");
	if (help) {
		print_usage(stdout);
		return HCALL_EXIT_OK;
	}
	if (!n)
		return usage_error("no command given");

	cmd = args[0];
	if (!strcmp(cmd, "version")) {
		if (n != 1)
			return usage_error("version: unexpected '%s'", args[1]);
		return with_device(do_version, NULL);
	}
	if (!strcmp(cmd, "console")) {
		if (n != 3 || strcmp(args[1], "write"))
			return usage_error("console: use `hcall console write MSG` (one MSG; quote it)");
		if (strlen(args[2]) + 1 > HCALL_MAX_BUF)
			return usage_error("console write: message over the limit of %d bytes",
					   HCALL_MAX_BUF - 1);
		return with_device(do_console_write, args[2]);
	}
	if (!strcmp(cmd, "dmesg"))
		return dmesg_main(n - 1, args + 1);
	if (!strcmp(cmd, "call"))
		return cmd_call(n - 1, args + 1);
	if (!strcmp(cmd, "list"))
		return cmd_list(n - 1, args + 1);
	if (!strcmp(cmd, "stats")) {
		if (n != 1)
			return usage_error("stats: unexpected '%s'", args[1]);
		return cmd_stats();
	}
	if (!strcmp(cmd, "policy")) {
		if (n == 1)
			return policy_show();
		if (!strcmp(args[1], "set"))
			return policy_set(n - 2, args + 2);
		return usage_error("policy: use `hcall policy` or `hcall policy set WORDS...`");
	}
	if (!strcmp(cmd, "trace"))
		return cmd_trace(n - 1, args + 1);
	return usage_error("unknown command '%s'", cmd);
}
