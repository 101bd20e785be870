// SPDX-License-Identifier: GPL-2.0-only
/*
 * The module's own state, read and written through its files rather than
 * the device: `hcall stats` (debugfs counters) and `hcall policy` (the
 * module-wide policy parameter).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hcall.h"

#define STATS_PATH	"/sys/kernel/debug/xprivcmd/stats"

/* A module file that cannot be read or written: why, as an exit status. */
static int unavailable(const char *path, int err, const char *what, const char *hint)
{
	if (err == EACCES || err == EPERM)
		return hcall_error(HCALL_EXIT_UNAVAILABLE, "unavailable", err,
				   "%s: %s: %s root only", path, strerror(err), what);
	return hcall_error(HCALL_EXIT_UNAVAILABLE, "unavailable", err, "%s: %s: %s", path,
			   strerror(err), hint);
}

static void json_stats(const struct hcall_stats *st)
{
	unsigned int i;

	json_object(NULL);
	json_bool("ok", true);
	json_array("ops");
	for (i = 0; i < st->nr_ops; i++) {
		json_object(NULL);
		json_uint("nr", st->ops[i].nr);
		json_string("name", st->ops[i].name);
		json_uint("issued", st->ops[i].issued);
		json_uint("failed", st->ops[i].failed);
		json_uint("rejected", st->ops[i].rejected);
		json_end();
	}
	json_end();
	json_uint("out_of_range_rejected", st->out_of_range);
	json_array("reasons");
	for (i = 0; i < st->nr_reasons; i++) {
		json_object(NULL);
		json_uint("reason", st->reasons[i].reason);
		json_string("id", hcall_reason_id(st->reasons[i].reason));
		json_uint("count", st->reasons[i].count);
		json_string("text", st->reasons[i].text);
		json_end();
	}
	json_end();
	json_array("errnos");
	for (i = 0; i < st->nr_errnos; i++) {
		json_object(NULL);
		json_uint("errno", st->errnos[i].err);
		json_string("errno_name", hcall_errno_name(st->errnos[i].err));
		json_bool("or_higher", st->errnos[i].plus);
		json_uint("count", st->errnos[i].count);
		json_end();
	}
	json_end();
	json_end();
}

static void print_stats(const struct hcall_stats *st)
{
	unsigned int i;

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

/* hcall stats */
int cmd_stats(int argc, char **argv)
{
	struct hcall_stats *st;
	char err[HCALL_ERR_LEN];
	int rc = HCALL_EXIT_OK;
	FILE *f;

	if (argc)
		return usage_error("stats: unexpected '%s'", argv[0]);
	f = fopen(STATS_PATH, "r");
	if (!f)
		return unavailable(STATS_PATH, errno, "the statistics are",
				   "is xprivcmd loaded, and debugfs mounted (mount -t debugfs none /sys/kernel/debug)?");
	st = malloc(sizeof(*st));
	if (!st) {
		rc = hcall_error(HCALL_EXIT_CALL, "memory", ENOMEM, "out of memory");
		goto out;
	}
	if (hcall_parse_stats(f, st, err, sizeof(err)))
		rc = hcall_error(HCALL_EXIT_UNAVAILABLE, "unavailable", 0, "%s: %s", STATS_PATH,
				 err);
	else if (hcall_json)
		json_stats(st);
	else
		print_stats(st);
	free(st);
out:
	fclose(f);
	return rc;
}

static int policy_unavailable(int err)
{
	return unavailable(HCALL_POLICY_PATH, err, "the policy is", "is xprivcmd loaded?");
}

/* The module-wide policy, as the module prints it. */
static int policy_show(void)
{
	char text[4096];
	size_t len;
	FILE *f;

	f = fopen(HCALL_POLICY_PATH, "r");
	if (!f)
		return policy_unavailable(errno);
	len = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[len] = '\0';
	text[strcspn(text, "\n")] = '\0';
	if (hcall_json) {
		json_object(NULL);
		json_bool("ok", true);
		json_string("policy", text);
		json_end();
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
	int i, fd, err;

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
	fd = open(HCALL_POLICY_PATH, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return policy_unavailable(errno);
	err = write(fd, text, len) == (ssize_t)len ? 0 : errno ?: EIO;
	close(fd);
	if (err == EINVAL)
		return usage_error("policy set: xprivcmd cannot parse '%.*s' (the kernel log says where)",
				   (int)len - 1, text);
	if (err)
		return policy_unavailable(err);
	return policy_show();
}

/* hcall policy [set WORDS...] */
int cmd_policy(int argc, char **argv)
{
	if (!argc)
		return policy_show();
	if (!strcmp(argv[0], "set"))
		return policy_set(argc - 1, argv + 1);
	return usage_error("policy: use `hcall policy` or `hcall policy set WORDS...`");
}
