// SPDX-License-Identifier: GPL-2.0-only
/*
 * Versions: `hcall version`, Xen's (the xen_version hypercall), and
 * `hcall --version`, hcall's own and the loaded module's.
 */
#define __XEN_TOOLS__ 1

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <xen/xen.h>
#include <xen/version.h>

#include "hcall.h"

#ifndef HCALL_VERSION
#error "HCALL_VERSION: the Makefile passes dkms.conf's PACKAGE_VERSION"
#endif

#define MODULE_VERSION_PATH	HCALL_MODULE "/version"

/* The part of a fixed-size string field before its NUL, if any. */
static size_t field_len(const char *s, size_t size)
{
	return strnlen(s, size);
}

static void json_field(const char *key, const char *s, size_t size)
{
	json_bytes(key, s, field_len(s, size));
}

static void print_xen_version(long v, const char *extra, const char *changeset,
			      const char *caps, const xen_compile_info_t *ci)
{
	if (hcall_json) {
		json_object(NULL);
		json_bool("ok", true);
		json_int("major", v >> 16);
		json_int("minor", v & 0xffff);
		json_field("extraversion", extra, sizeof(xen_extraversion_t));
		if (changeset[0])
			json_field("changeset", changeset, sizeof(xen_changeset_info_t));
		else
			json_null("changeset");
		json_field("capabilities", caps, sizeof(xen_capabilities_info_t));
		json_object("compile_info");
		json_field("compiler", ci->compiler, sizeof(ci->compiler));
		json_field("compile_by", ci->compile_by, sizeof(ci->compile_by));
		json_field("compile_domain", ci->compile_domain, sizeof(ci->compile_domain));
		json_field("compile_date", ci->compile_date, sizeof(ci->compile_date));
		json_end();
		json_end();
		return;
	}
	printf("Xen %ld.%ld%.*s\n", v >> 16, v & 0xffff, (int)sizeof(xen_extraversion_t), extra);
	/* Distribution builds (Debian's) often have no changeset: say nothing. */
	if (changeset[0])
		printf("changeset: %.*s\n", (int)sizeof(xen_changeset_info_t), changeset);
	printf("capabilities: %.*s\n", (int)sizeof(xen_capabilities_info_t), caps);
	printf("compiled: %.*s by %.*s@%.*s with %.*s\n",
	       (int)sizeof(ci->compile_date), ci->compile_date,
	       (int)sizeof(ci->compile_by), ci->compile_by,
	       (int)sizeof(ci->compile_domain), ci->compile_domain,
	       (int)sizeof(ci->compiler), ci->compiler);
}

static int xen_version(int fd)
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

	v = hcall_hypercall3(fd, __HYPERVISOR_xen_version, XENVER_version, 0, 0, &f);
	if (v < 0)
		return hcall_report_failure("xen_version(XENVER_version)", &f);
	for (i = 0; i < ARRAY_SIZE(q); i++) {
		memset(q[i].buf, 0, q[i].size);
		if (hcall_hypercall3(fd, __HYPERVISOR_xen_version, q[i].cmd,
				     (uintptr_t)q[i].buf, 0, &f) < 0) {
			snprintf(what, sizeof(what), "xen_version(%s)",
				 hcall_const_name(__HYPERVISOR_xen_version, q[i].cmd));
			return hcall_report_failure(what, &f);
		}
	}
	/* Xen pads the capabilities with a space. */
	n = field_len(caps, sizeof(caps));
	while (n && caps[n - 1] == ' ')
		caps[--n] = '\0';
	print_xen_version(v, extra, changeset, caps, &ci);
	return HCALL_EXIT_OK;
}

/* hcall version: Xen's. */
int cmd_version(int argc, char **argv)
{
	int fd, rc;

	if (argc)
		return usage_error("version: unexpected '%s'", argv[0]);
	fd = hcall_open_device();
	if (fd < 0)
		return HCALL_EXIT_DEVICE;
	rc = xen_version(fd);
	close(fd);
	return rc;
}

/*
 * hcall --version: hcall's (dkms.conf's PACKAGE_VERSION) and the loaded
 * module's, "unknown" for one that does not say, null when none is loaded.
 */
int hcall_print_version(void)
{
	char module[64] = "";
	bool loaded = !access(HCALL_MODULE, F_OK);
	FILE *f = fopen(MODULE_VERSION_PATH, "r");

	if (f) {
		if (!fgets(module, sizeof(module), f))
			module[0] = '\0';
		module[strcspn(module, "\n")] = '\0';
		fclose(f);
	}
	if (loaded && !module[0])
		strcpy(module, "unknown");
	if (hcall_json) {
		json_object(NULL);
		json_bool("ok", true);
		json_string("hcall", HCALL_VERSION);
		json_string("module", loaded ? module : NULL);
		json_end();
		return HCALL_EXIT_OK;
	}
	printf("hcall %s\nxprivcmd module: %s\n", HCALL_VERSION,
	       loaded ? module : "not loaded");
	return HCALL_EXIT_OK;
}
