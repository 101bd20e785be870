// SPDX-License-Identifier: GPL-2.0-only
/*
 * hcall trace [EVENTS [SECONDS]]: xprivcmd's tracepoint events as they
 * come, from a tracefs instance of hcall's own (instances/hcall-PID),
 * made and removed by hcall: the global trace buffer, and the events
 * others enabled there, are left as they are.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hcall.h"

#define TRACEFS		"/sys/kernel/tracing"
/* Most events `hcall trace --json` collects before printing them. */
#define TRACE_JSON_MAX	4096

static volatile sig_atomic_t trace_stop;

static void stop_tracing(int sig)
{
	(void)sig;
	trace_stop = 1;
}

/* @file in the instance at @dir; 0, or -1 with errno set. */
static int write_str(const char *dir, const char *file, const char *text)
{
	char path[128];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/*
 * One trace_pipe line, "  TASK-PID [CPU] FLAGS TIME: EVENT: k=v k=v ...",
 * as a JSON object: a field that is a number as a number.
 */
static void json_trace_line(const char *line)
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
	json_object(NULL);
	json_string("task", task);
	json_string("event", event);
	for (kv = fields ? strtok_r(fields, " ", &save) : NULL; kv;
	     kv = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(kv, '=');

		if (!eq)
			continue;
		*eq = '\0';
		json_scalar(kv, eq + 1);
	}
	json_end();
}

/* Prints the events from @pipe until a limit is reached; how many. */
static uint64_t trace_events(FILE *pipe, uint64_t max_events, int64_t deadline_ms)
{
	struct pollfd p = { .fd = fileno(pipe), .events = POLLIN };
	int64_t waited_ms = 0;
	uint64_t seen = 0;
	char line[1024];

	while (!trace_stop && (!max_events || seen < max_events) &&
	       (deadline_ms < 0 || waited_ms < deadline_ms)) {
		if (!fgets(line, sizeof(line), pipe)) {
			clearerr(pipe);
			/* A short poll, so that limits and Ctrl-C are noticed. */
			if (poll(&p, 1, 100) == 0)
				waited_ms += 100;
			continue;
		}
		if (!strstr(line, ": xprivcmd_"))
			continue;
		if (hcall_json && seen < TRACE_JSON_MAX)
			json_trace_line(line);
		else if (!hcall_json)
			fputs(line, stdout);
		fflush(stdout);
		seen++;
	}
	return seen;
}

static int trace_unavailable(const char *what, const char *path, int err)
{
	return hcall_error(HCALL_EXIT_UNAVAILABLE, "unavailable", err,
			   "trace: %s %s: %s (is xprivcmd loaded, tracefs mounted at %s, and are you root?)",
			   what, path, strerror(err), TRACEFS);
}

/* Traces in the instance at @dir, made for this run. */
static int trace_in(const char *dir, uint64_t max_events, uint64_t seconds)
{
	struct sigaction sa = { .sa_handler = stop_tracing };
	char path[128];
	uint64_t seen;
	FILE *pipe;
	int fd, rc = HCALL_EXIT_OK;

	snprintf(path, sizeof(path), "%s/events/xprivcmd", dir);
	if (write_str(dir, "events/xprivcmd/enable", "1"))
		return trace_unavailable("cannot enable", path, errno);
	snprintf(path, sizeof(path), "%s/trace_pipe", dir);
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	pipe = fd < 0 ? NULL : fdopen(fd, "r");
	if (!pipe) {
		rc = trace_unavailable("cannot read", path, errno);
		if (fd >= 0)
			close(fd);
		goto out;
	}
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if (hcall_json) {
		json_object(NULL);
		json_bool("ok", true);
		json_array("events");
	} else {
		fprintf(stderr, "hcall: tracing xprivcmd's hypercalls; Ctrl-C stops\n");
	}
	seen = trace_events(pipe, max_events, seconds ? (int64_t)seconds * 1000 : -1);
	fclose(pipe);
	if (hcall_json) {
		json_end();
		json_uint("count", seen);
		json_end();
	}
out:
	write_str(dir, "events/xprivcmd/enable", "0");
	return rc;
}

/* hcall trace [EVENTS [SECONDS]] */
int cmd_trace(int argc, char **argv)
{
	char err[HCALL_ERR_LEN], dir[64];
	uint64_t max_events = 0, seconds = 0;
	int rc;

	if (argc > 2)
		return usage_error("trace: at most EVENTS and SECONDS");
	if ((argc > 0 && hcall_parse_u64(argv[0], &max_events, err, sizeof(err))) ||
	    (argc > 1 && hcall_parse_u64(argv[1], &seconds, err, sizeof(err))))
		return usage_error("trace: %s", err);
	if (hcall_json && !max_events && !seconds)
		return usage_error("trace: --json needs EVENTS or SECONDS, as it prints when done");

	snprintf(dir, sizeof(dir), TRACEFS "/instances/hcall-%d", (int)getpid());
	if (mkdir(dir, 0700))
		return trace_unavailable("cannot make", dir, errno);
	rc = trace_in(dir, max_events, seconds);
	if (rmdir(dir))
		fprintf(stderr, "hcall: trace: cannot remove %s: %s\n", dir, strerror(errno));
	return rc;
}
