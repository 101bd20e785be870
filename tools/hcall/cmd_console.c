// SPDX-License-Identifier: GPL-2.0-only
/*
 * Xen's console: `hcall console write` (console_io) and `hcall dmesg`, its
 * ring (sysctl readconsole), and the Xen option that decides whether what a
 * domain writes reaches the ring at all: console_to_ring.
 */
#define __XEN_TOOLS__ 1

#include <errno.h>
#include <stdint.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xen/xen.h>
#include <xen/version.h>
#include <xen/sysctl.h>

#include "hcall.h"

/* Xen's console ring is a few MiB at most; stop a runaway read well after. */
#define MAX_RING	(64u << 20)

/*
 * Whether Xen copies what domains write to its console into its ring:
 * 1 or 0, or -1 when its command line cannot be read.
 */
static int console_to_ring(int fd)
{
	xen_commandline_t cmdline = "";
	struct hcall_failure f;

	if (hcall_hypercall3(fd, __HYPERVISOR_xen_version, XENVER_commandline,
			     (uintptr_t)cmdline, 0, &f) < 0)
		return -1;
	cmdline[sizeof(cmdline) - 1] = '\0';
	return hcall_cmdline_bool(cmdline, "console_to_ring");
}

/* On stderr, when lines written with `hcall console write` go unseen. */
static void note_no_ring(int fd)
{
	if (console_to_ring(fd))
		return;
	fprintf(stderr, "hcall: note: Xen was booted without console_to_ring: what domains write to its console (hcall console write) goes to its serial console only, not to this ring; add console_to_ring to Xen's command line to keep it\n");
}

/* hcall console write MSG */
int cmd_console(int argc, char **argv)
{
	struct hcall_failure f;
	size_t len;
	char *line;
	int fd, rc = HCALL_EXIT_OK;

	if (argc != 2 || strcmp(argv[0], "write"))
		return usage_error("console: use `hcall console write MSG` (one MSG; quote it)");
	len = strlen(argv[1]);
	if (len + 1 > HCALL_MAX_BUF)
		return usage_error("console write: message over the limit of %d bytes",
				   HCALL_MAX_BUF - 1);
	line = malloc(len + 2);
	if (!line)
		return hcall_error(HCALL_EXIT_CALL, "memory", ENOMEM, "out of memory");
	memcpy(line, argv[1], len);
	line[len++] = '\n';
	fd = hcall_open_device();
	if (fd < 0) {
		rc = HCALL_EXIT_DEVICE;
		goto out;
	}
	if (hcall_hypercall3(fd, __HYPERVISOR_console_io, CONSOLEIO_write, len,
			     (uintptr_t)line, &f) < 0) {
		rc = hcall_report_failure("console_io(CONSOLEIO_write)", &f);
		goto out_close;
	}
	note_no_ring(fd);
	if (hcall_json) {
		json_object(NULL);
		json_bool("ok", true);
		json_uint("bytes", len);
		json_end();
	}
out_close:
	close(fd);
out:
	free(line);
	return rc;
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
		if (hcall_hypercall3(fd, __HYPERVISOR_sysctl, (uintptr_t)&sc, 0, 0, f) < 0) {
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

/* Where the last @tail lines of @ring begin (all of it for a negative @tail). */
static char *ring_tail(char *ring, size_t len, long tail)
{
	char *p = ring + len;
	long seen = 0;

	if (tail < 0)
		return ring;
	/* Back up over @tail newlines, not counting a final one. */
	if (p > ring && p[-1] == '\n')
		p--;
	while (p > ring && !(p[-1] == '\n' && ++seen == tail))
		p--;
	return tail ? p : ring + len;
}

static void print_ring(const char *start, bool clear, int ring_on)
{
	const char *p, *nl;

	if (!hcall_json) {
		fputs(start, stdout);
		return;
	}
	json_object(NULL);
	json_bool("ok", true);
	json_bool("cleared", clear);
	json_array("lines");
	for (p = start; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p) - 1;
		json_bytes(NULL, p, nl - p + (*nl != '\n'));
	}
	json_end();
	if (ring_on < 0)
		json_null("console_to_ring");
	else
		json_bool("console_to_ring", ring_on);
	json_end();
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

static int dmesg_options(int argc, char **argv, bool *clear, long *tail)
{
	int i;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "-c") || !strcmp(argv[i], "--clear")) {
			*clear = true;
		} else if (!strcmp(argv[i], "--tail") && i + 1 < argc) {
			if (parse_tail(argv[++i], tail))
				return HCALL_EXIT_USAGE;
		} else if (!strncmp(argv[i], "--tail=", 7)) {
			if (parse_tail(argv[i] + 7, tail))
				return HCALL_EXIT_USAGE;
		} else {
			return usage_error("dmesg: unexpected '%s' (dmesg [-c] [--tail N])",
					   argv[i]);
		}
	}
	return 0;
}

/* hcall dmesg [-c] [--tail N] */
int cmd_dmesg(int argc, char **argv)
{
	struct hcall_failure f;
	bool clear = false;
	long tail = -1;
	size_t len;
	char *ring;
	int fd, rc;

	rc = dmesg_options(argc, argv, &clear, &tail);
	if (rc)
		return rc;
	fd = hcall_open_device();
	if (fd < 0)
		return HCALL_EXIT_DEVICE;
	ring = read_ring(fd, clear, &len, &f);
	if (!ring) {
		rc = hcall_report_failure("sysctl(XEN_SYSCTL_readconsole)", &f);
		goto out;
	}
	print_ring(ring_tail(ring, len, tail), clear, hcall_json ? console_to_ring(fd) : 0);
	if (!hcall_json)
		note_no_ring(fd);
	free(ring);
out:
	close(fd);
	return rc;
}
