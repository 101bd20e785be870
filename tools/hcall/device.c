// SPDX-License-Identifier: GPL-2.0-only
/*
 * Which device hcall opens: xprivcmd's, whichever name it serves, told
 * from the in-tree driver's by the sysfs attribute the module gives its
 * nodes (/sys/class/misc/<node>/xprivcmd, "privcmd" on the privcmd node);
 * and what to do when it cannot be opened.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "hcall.h"

/* Where xprivcmd serves: drop-in, then side by side (devname=xprivcmd). */
static const char * const xprivcmd_nodes[] = {
	"/dev/xen/privcmd", "/dev/xprivcmd",
};

/* Where another privcmd driver may serve, with no xprivcmd loaded. */
static const char * const other_nodes[] = {
	"/dev/xen/privcmd", "/proc/xen/privcmd",
};

#define GROUP	"xprivcmd"

/* The first line of a small file, without its newline; "" if unreadable. */
static void read_line(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");

	buf[0] = '\0';
	if (!f)
		return;
	if (!fgets(buf, len, f))
		buf[0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	fclose(f);
}

/* Whether @path is the node of xprivcmd's privcmd device. */
static bool is_xprivcmd(const char *path)
{
	char attr[96], what[32];
	struct stat st;

	if (stat(path, &st) || !S_ISCHR(st.st_mode))
		return false;
	snprintf(attr, sizeof(attr), "/sys/dev/char/%u:%u/xprivcmd", major(st.st_rdev),
		 minor(st.st_rdev));
	read_line(attr, what, sizeof(what));
	return !strcmp(what, "privcmd");
}

/*
 * The line of @file (/etc/group, /etc/passwd) whose field @key_field is
 * @key, split at its colons into @fields.  Read directly, not through NSS,
 * which a static hcall cannot load: a group only a directory service knows
 * is not found, and the advice is then the general one.
 */
static bool find_entry(const char *file, unsigned int key_field, const char *key,
		       char *line, size_t len, char **fields, unsigned int nr)
{
	FILE *f = fopen(file, "r");
	bool found = false;
	unsigned int i;
	char *p;

	if (!f)
		return false;
	while (!found && fgets(line, len, f)) {
		line[strcspn(line, "\n")] = '\0';
		for (i = 0, p = line; i < nr; i++)
			fields[i] = p ? strsep(&p, ":") : (char *)"";
		found = !strcmp(fields[key_field], key);
	}
	fclose(f);
	return found;
}

/* Whether group @gid is among the process's groups. */
static bool have_group(gid_t gid)
{
	gid_t groups[NGROUPS_MAX];
	int n = getgroups(ARRAY_SIZE(groups), groups);

	if (getegid() == gid)
		return true;
	while (n-- > 0)
		if (groups[n] == gid)
			return true;
	return false;
}

/* Whether the user running hcall is named in the group's member list. */
static bool listed_in(char *members)
{
	char line[512], uid[16], *user[3], *name;

	snprintf(uid, sizeof(uid), "%u", getuid());
	if (!find_entry("/etc/passwd", 2, uid, line, sizeof(line), user, 3))
		return false;
	while ((name = strsep(&members, ",")))
		if (!strcmp(name, user[0]))
			return true;
	return false;
}

/* What a user refused @path should do, as one sentence. */
static const char *access_advice(const char *path)
{
	char line[1024], *group[4];
	struct stat st;
	gid_t gid;

	if (!find_entry("/etc/group", 0, GROUP, line, sizeof(line), group, 4))
		return "the privcmd device is root only: run hcall as root";
	gid = strtoul(group[2], NULL, 10);
	if (!have_group(gid))
		return listed_in(group[3]) ?
			"you were added to group " GROUP " after this session began: log in again (or run `newgrp " GROUP "`)" :
			"the privcmd device is root only: run hcall as root (or as a member of group " GROUP ", where the administrator granted it)";
	if (!is_xprivcmd(path))
		return "this is not xprivcmd's device, and only xprivcmd's is open to group " GROUP ": leave --device and HCALL_DEVICE out, or name /dev/xprivcmd";
	if (stat(path, &st) || st.st_gid != gid || (st.st_mode & 060) != 060)
		return "you are in group " GROUP ", but the device is not open to it: the administrator installs group access (make install-group-access) and applies it (udevadm trigger --subsystem-match=misc)";
	return "the device is open to group " GROUP ", of which you are a member: something else refuses (a security module?)";
}

static int device_error(const char *path, int err)
{
	if (err == EACCES || err == EPERM)
		return hcall_error(HCALL_EXIT_DEVICE, "device", err, "%s: %s (%s): %s", path,
				   strerror(err), hcall_errno_name(err), access_advice(path));
	return hcall_error(HCALL_EXIT_DEVICE, "device", err, "%s: %s (%s)", path,
			   strerror(err), hcall_errno_name(err));
}

/*
 * Opens @path, warning when it is not xprivcmd's: told by the ioctl only
 * xprivcmd answers, which also knows xenfs's /proc/xen/privcmd, not a node.
 */
static int open_node(const char *path)
{
	struct xprivcmd_last_error last;
	int fd = open(path, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		device_error(path, errno);
	else if (ioctl(fd, XPRIVCMD_IOCTL_LAST_ERROR, &last))
		fprintf(stderr, "hcall: warning: %s is not xprivcmd's device: its calls are not checked, and its failures are explained less\n",
			path);
	return fd;
}

/* The node of another driver, when xprivcmd serves none. */
static const char *other_node(void)
{
	struct stat st;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(other_nodes); i++)
		if (!stat(other_nodes[i], &st))
			return other_nodes[i];
	return NULL;
}

/**
 * hcall_open_device() - open the device calls go through
 *
 * --device (or HCALL_DEVICE) if given; else xprivcmd's node, drop-in
 * (/dev/xen/privcmd) or side by side (/dev/xprivcmd, /dev/xen/privcmd
 * being the in-tree driver's); else, with a warning, another driver's.
 *
 * Return: an fd, or -1 after saying why (exit status %HCALL_EXIT_DEVICE).
 */
int hcall_open_device(void)
{
	const char *path = hcall_device;
	unsigned int i;

	for (i = 0; !path && i < ARRAY_SIZE(xprivcmd_nodes); i++)
		if (is_xprivcmd(xprivcmd_nodes[i]))
			path = xprivcmd_nodes[i];
	if (!path)
		path = other_node();
	if (path)
		return open_node(path);
	hcall_error(HCALL_EXIT_DEVICE, "device", ENOENT,
		    "no privcmd device: neither /dev/xen/privcmd, /dev/xprivcmd nor /proc/xen/privcmd (is this a Xen domain, and is xprivcmd loaded?)");
	return -1;
}
