// SPDX-License-Identifier: GPL-2.0-only
/*
 * hcall: make Xen hypercalls from a shell through a privcmd device, and be
 * told plainly what happened.
 */
#define __XEN_TOOLS__ 1

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <xen/xen.h>
#include <xen/version.h>
#include <xen/sysctl.h>

#include <xen/xprivcmd.h>

/* Exit codes, as documented in --help. */
enum {
	EXIT_OK = 0,
	EXIT_CALL = 1,		/* the hypercall failed */
	EXIT_USAGE = 2,
	EXIT_DEVICE = 3,	/* no usable privcmd device */
};

static const char *device;

static void usage(FILE *f)
{
	fprintf(f,
		"usage: hcall [--device PATH] COMMAND [ARGS]\n"
		"\n"
		"commands:\n"
		"  version              Xen version, extraversion, changeset, capabilities\n"
		"  console write MSG    write MSG to Xen's console (CONSOLEIO_write)\n"
		"  dmesg [--tail N]     read Xen's console ring (XEN_SYSCTL_readconsole)\n"
		"\n"
		"--device defaults to /dev/xen/privcmd, then /proc/xen/privcmd.\n"
		"exit status: 0 success, 1 the hypercall failed, 2 usage error,\n"
		"3 no usable privcmd device.\n");
}

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
			fprintf(stderr, "hcall: %s: %s%s\n", device, strerror(errno),
				errno == EACCES ? " (privcmd is root only)" : "");
		return fd;
	}
	for (i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		fd = open(defaults[i], O_RDWR | O_CLOEXEC);
		if (fd >= 0)
			return fd;
		if (errno == EACCES) {
			fprintf(stderr, "hcall: %s: permission denied (privcmd is root only)\n",
				defaults[i]);
			return -1;
		}
	}
	fprintf(stderr, "hcall: no privcmd device (is this a Xen domain, and is xprivcmd loaded?)\n");
	return -1;
}

/* What an errno means for a hypercall, for people rather than programs. */
static const char *explain(int err)
{
	switch (err) {
	case ENOSYS:
		return "the running hypervisor has no handler for this hypercall";
	case EPERM:
		return "this domain is not privileged for it, or the device is restricted";
	case EACCES:
		return "denied by Xen's security policy (XSM/Flask)";
	case EFAULT:
		return "a buffer argument was refused (see the kernel log for which) or not accessible to Xen";
	case EINVAL:
		return "an argument was invalid (or the hypercall number is >= 128)";
	default:
		return NULL;
	}
}

static long hypercall(int fd, __u64 op, __u64 a0, __u64 a1, __u64 a2)
{
	struct privcmd_hypercall h = { .op = op, .arg = { a0, a1, a2 } };

	return ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &h);
}

static int failed(const char *what)
{
	const char *why = explain(errno);

	fprintf(stderr, "hcall: %s: %s (%s)%s%s\n", what, strerror(errno),
		strerrorname_np(errno) ?: "?", why ? ": " : "", why ?: "");
	return EXIT_CALL;
}

static int cmd_version(int fd)
{
	xen_extraversion_t extra = "";
	xen_changeset_info_t changeset = "";
	xen_capabilities_info_t caps = "";
	long v = hypercall(fd, __HYPERVISOR_xen_version, XENVER_version, 0, 0);

	if (v < 0)
		return failed("xen_version");
	if (hypercall(fd, __HYPERVISOR_xen_version, XENVER_extraversion,
		      (uintptr_t)extra, 0) < 0 ||
	    hypercall(fd, __HYPERVISOR_xen_version, XENVER_changeset,
		      (uintptr_t)changeset, 0) < 0 ||
	    hypercall(fd, __HYPERVISOR_xen_version, XENVER_capabilities,
		      (uintptr_t)caps, 0) < 0)
		return failed("xen_version");
	printf("Xen %ld.%ld%.*s\n", v >> 16, v & 0xffff, (int)sizeof(extra), extra);
	if (changeset[0])
		printf("changeset: %.*s\n", (int)sizeof(changeset), changeset);
	printf("capabilities: %.*s\n", (int)sizeof(caps), caps);
	return EXIT_OK;
}

static int cmd_console_write(int fd, const char *msg)
{
	size_t len = strlen(msg);
	char *line = malloc(len + 2);
	long ret;

	if (!line)
		return failed("malloc");
	memcpy(line, msg, len);
	line[len++] = '\n';
	ret = hypercall(fd, __HYPERVISOR_console_io, CONSOLEIO_write, len,
			(uintptr_t)line);
	free(line);
	return ret < 0 ? failed("console_io write") : EXIT_OK;
}

/* The whole ring, read in chunks so that any ring size fits. */
static char *read_ring(int fd, size_t *lenp)
{
	size_t chunk = 16384, len = 0;
	char *ring = NULL;
	__u32 index = 0;

	for (;;) {
		struct xen_sysctl sc = {
			.cmd = XEN_SYSCTL_readconsole,
			.interface_version = XEN_SYSCTL_INTERFACE_VERSION,
		};
		char *bigger = realloc(ring, len + chunk + 1);

		if (!bigger)
			break;
		ring = bigger;
		memset(ring + len, 0, chunk + 1);
		sc.u.readconsole.incremental = 1;
		sc.u.readconsole.index = index;
		sc.u.readconsole.count = chunk;
		set_xen_guest_handle(sc.u.readconsole.buffer, ring + len);
		if (hypercall(fd, __HYPERVISOR_sysctl, (uintptr_t)&sc, 0, 0) < 0) {
			free(ring);
			return NULL;
		}
		if (!sc.u.readconsole.count)
			break;
		len += sc.u.readconsole.count;
		index = sc.u.readconsole.index;
	}
	if (ring)
		ring[len] = '\0';
	*lenp = len;
	return ring;
}

static int cmd_dmesg(int fd, long tail)
{
	size_t len;
	char *ring = read_ring(fd, &len), *start;

	if (!ring)
		return failed("sysctl readconsole");
	start = ring;
	if (tail >= 0) {
		/* Back up over @tail newlines, not counting a final one. */
		char *p = ring + len;
		long seen = 0;

		if (p > ring && p[-1] == '\n')
			p--;
		while (p > ring && !(p[-1] == '\n' && ++seen == tail))
			p--;
		start = tail ? p : ring + len;
	}
	fputs(start, stdout);
	free(ring);
	return EXIT_OK;
}

static int parse_long(const char *s, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 0);
	return errno || end == s || *end || *out < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	int i = 1, fd, ret;
	long tail = -1;

	if (i + 1 < argc && !strcmp(argv[i], "--device")) {
		device = argv[i + 1];
		i += 2;
	}
	if (i >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[i], "version") && argc == i + 1) {
		fd = open_device();
		if (fd < 0)
			return EXIT_DEVICE;
		ret = cmd_version(fd);
	} else if (!strcmp(argv[i], "console") && argc == i + 3 &&
		   !strcmp(argv[i + 1], "write")) {
		fd = open_device();
		if (fd < 0)
			return EXIT_DEVICE;
		ret = cmd_console_write(fd, argv[i + 2]);
	} else if (!strcmp(argv[i], "dmesg") &&
		   (argc == i + 1 || (argc == i + 3 && !strcmp(argv[i + 1], "--tail") &&
				      !parse_long(argv[i + 2], &tail)))) {
		fd = open_device();
		if (fd < 0)
			return EXIT_DEVICE;
		ret = cmd_dmesg(fd, tail);
	} else {
		usage(stderr);
		return EXIT_USAGE;
	}
	close(fd);
	return ret;
}
