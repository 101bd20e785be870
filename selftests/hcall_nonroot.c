// SPDX-License-Identifier: GPL-2.0-only
/*
 * hcall run as an unprivileged user (uid/gid 65534): what it says when the
 * root-only device or statistics refuse it.  In C because the test VM's
 * busybox has no way to change user without a passwd file.
 */
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"

#define NOBODY 65534

struct run {
	int status;		/* exit status, or -1 if it did not exit */
	char out[4096];
	char err[4096];
};

static void slurp(int fd, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n;

	while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fd);
}

/* Runs hcall from PATH as uid/gid 65534 with @args (NULL-terminated). */
static int run_as_nobody(struct run *r, char *const args[])
{
	int out[2], err[2], status;
	struct stat st;
	pid_t pid;

	memset(r, 0, sizeof(*r));
	r->status = -1;
	if (pipe(out) || pipe(err))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		dup2(out[1], 1);
		dup2(err[1], 2);
		close(out[0]);
		close(err[0]);
		if (setgroups(0, NULL) || setresgid(NOBODY, NOBODY, NOBODY) ||
		    setresuid(NOBODY, NOBODY, NOBODY))
			_exit(125);
		/* The device itself must refuse, not a directory on the way. */
		if (stat("/dev/xen/privcmd", &st))
			_exit(126);
		execvp("hcall", args);
		_exit(127);
	}
	close(out[1]);
	close(err[1]);
	/* Small outputs: reading one pipe after the other cannot deadlock. */
	slurp(out[0], r->out, sizeof(r->out));
	slurp(err[0], r->err, sizeof(r->err));
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	if (WIFEXITED(status))
		r->status = WEXITSTATUS(status);
	return 0;
}

/* 125: could not drop privileges, 126: device unreachable, 127: no hcall */
#define HCALL(...) ((char *const[]){ "hcall", __VA_ARGS__, NULL })

TEST(version_as_nobody_says_run_as_root)
{
	struct run r;

	ASSERT_EQ(0, run_as_nobody(&r, HCALL("version")));
	EXPECT_EQ(3, r.status) TH_LOG("stderr: %s", r.err);
	EXPECT_NE(NULL, strstr(r.err, "/dev/xen/privcmd: Permission denied (EACCES)"))
		TH_LOG("stderr: %s", r.err);
	EXPECT_NE(NULL, strstr(r.err, "run hcall as root")) TH_LOG("stderr: %s", r.err);
	EXPECT_STREQ("", r.out);
}

TEST(call_as_nobody_json_names_eacces)
{
	struct run r;

	ASSERT_EQ(0, run_as_nobody(&r, HCALL("--json", "call", "xen_version", "0")));
	EXPECT_EQ(3, r.status) TH_LOG("stderr: %s", r.err);
	EXPECT_EQ(0, strncmp(r.out, "{\"ok\":false,\"error\":\"device\",", 29))
		TH_LOG("stdout: %s", r.out);
	EXPECT_NE(NULL, strstr(r.out, "\"errno_name\":\"EACCES\"")) TH_LOG("stdout: %s", r.out);
	EXPECT_EQ('\n', r.out[strlen(r.out) - 1]);
}

TEST(stats_as_nobody_root_only)
{
	struct run r;

	ASSERT_EQ(0, run_as_nobody(&r, HCALL("stats")));
	EXPECT_EQ(4, r.status) TH_LOG("stderr: %s", r.err);
	EXPECT_NE(NULL, strstr(r.err, "root only")) TH_LOG("stderr: %s", r.err);
}

TEST(policy_as_nobody_root_only)
{
	struct run r;

	ASSERT_EQ(0, run_as_nobody(&r, HCALL("policy")));
	EXPECT_EQ(4, r.status) TH_LOG("stderr: %s", r.err);
	EXPECT_NE(NULL, strstr(r.err, "the policy is root only")) TH_LOG("stderr: %s", r.err);
	ASSERT_EQ(0, run_as_nobody(&r, HCALL("policy", "set", "none")));
	EXPECT_EQ(4, r.status) TH_LOG("stderr: %s", r.err);
}

/* Usage errors and the schema listing need no privilege. */
TEST(list_and_usage_as_nobody)
{
	struct run r;

	ASSERT_EQ(0, run_as_nobody(&r, HCALL("list", "xen_version")));
	EXPECT_EQ(0, r.status) TH_LOG("stderr: %s", r.err);
	EXPECT_NE(NULL, strstr(r.out, "XENVER_extraversion")) TH_LOG("stdout: %s", r.out);
	ASSERT_EQ(0, run_as_nobody(&r, HCALL("call", "17", "out:99999999")));
	EXPECT_EQ(2, r.status) TH_LOG("stderr: %s", r.err);
}

TEST_HARNESS_MAIN
