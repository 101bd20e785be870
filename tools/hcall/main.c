// SPDX-License-Identifier: GPL-2.0-only
/*
 * hcall: make Xen hypercalls from a shell through xprivcmd's device, and be
 * told plainly what happened.
 *
 * This file: the global options, the table of commands, which drives the
 * dispatch, the help and the shell's completion (complete.c), and the
 * errors that are not a hypercall's.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "hcall.h"

#define STRINGIFY_(x)	#x
#define STRINGIFY(x)	STRINGIFY_(x)

bool hcall_json;
const char *hcall_device;
/* The command being run, for the hint after a usage error. */
static const struct hcall_cmd *current;

const struct hcall_cmd hcall_cmds[] = {
	{
		.name = "version", .run = cmd_version,
		.args = "",
		.summary = "Xen's version, changeset, capabilities and compile information",
	}, {
		.name = "console", .run = cmd_console, .words = "write",
		.args = "write MSG",
		.summary = "write MSG and a newline to Xen's console",
		.help = "Quote MSG: it is one argument.  Xen copies what a domain writes to its\n"
			"console ring (hcall dmesg) only when booted with console_to_ring; hcall\n"
			"says so when it is not.\n",
	}, {
		.name = "dmesg", .run = cmd_dmesg, .words = "-c --clear --tail",
		.args = "[-c] [--tail N]",
		.summary = "read Xen's console ring (sysctl readconsole), as xl dmesg",
		.help = "  -c, --clear  clear what was read\n"
			"  --tail N     print the last N lines only\n",
	}, {
		.name = "call", .run = cmd_call, .complete = complete_call,
		.args = "OP [ARG...]",
		.summary = "make hypercall OP with up to 5 arguments, print its result",
		.help = "OP is a name from Xen's xen.h (xen_version, or __HYPERVISOR_xen_version)\n"
			"or a number.  Each ARG is one of:\n"
			"  N          a number: decimal, or hexadecimal with 0x; may be negative\n"
			"  NAME       a sub-command from Xen's headers, e.g. XENVER_extraversion\n"
			"  str:TEXT   a pointer to TEXT and its terminating NUL\n"
			"  hex:BYTES  a pointer to these bytes, e.g. hex:deadbeef\n"
			"  out:N      a pointer to N zeroed bytes, printed after the call\n"
			"Buffers are at most " STRINGIFY(HCALL_MAX_BUF) " bytes.\n",
	}, {
		.name = "list", .run = cmd_list, .complete = complete_ops,
		.args = "[OP]",
		.summary = "the hypercalls xprivcmd knows and their argument schema",
		.help = "With OP, also its sub-commands by name, and what xprivcmd knows of each:\n"
			"noref (no reference beyond the checked arguments), checked (every\n"
			"reference checked), unmodelled (refused unless the policy allows\n"
			"unmodelled calls) or refused (never issued through the device).\n",
	}, {
		.name = "stats", .run = cmd_stats,
		.args = "",
		.summary = "xprivcmd's per-hypercall counters (debugfs, root only)",
	}, {
		.name = "policy", .run = cmd_policy, .words = "set",
		.args = "[set WORDS...]",
		.summary = "show, or set, xprivcmd's module-wide policy (root only)",
		.help = "WORDS are the module's policy language, e.g. `hcall policy set strict`;\n"
			"the module parses them, and refuses what it cannot parse.\n",
	}, {
		.name = "trace", .run = cmd_trace,
		.args = "[EVENTS [SECONDS]]",
		.summary = "print xprivcmd's tracepoint events as they come",
		.help = "Stops after EVENTS events or SECONDS seconds (0: no limit), or on\n"
			"Ctrl-C; --json needs a limit, as it prints when done.  The events are\n"
			"read from a tracefs instance of hcall's own, removed when it is done:\n"
			"tracing that others have set up is left as it is (root only).\n",
	}, {
		.name = "help", .run = cmd_help, .complete = complete_help,
		.args = "[COMMAND]",
		.summary = "this help, or a command's",
	}, {
		.name = "__complete", .run = cmd_complete, .hidden = true,
		.args = "WORD...",
		.summary = "the words that may follow WORD..., for the shell's completion",
	},
};

const unsigned int hcall_nr_cmds = ARRAY_SIZE(hcall_cmds);

const struct hcall_cmd *hcall_find_cmd(const char *name)
{
	unsigned int i;

	for (i = 0; i < hcall_nr_cmds; i++)
		if (!strcmp(hcall_cmds[i].name, name))
			return &hcall_cmds[i];
	return NULL;
}

static const char options_help[] =
	"options (anywhere before a `--'):\n"
	"  --json         print the result, or the error, as one JSON object on stdout\n"
	"  --device PATH  the device to use (also: environment variable HCALL_DEVICE);\n"
	"                 default: xprivcmd's, /dev/xen/privcmd or /dev/xprivcmd\n"
	"  -h, --help     this help, or with a command, the command's\n"
	"  --version      hcall's version and the loaded xprivcmd module's\n";

static void print_usage(FILE *f)
{
	const struct hcall_cmd *c;
	char synopsis[64];
	unsigned int i;

	fprintf(f, "usage: hcall [OPTIONS] COMMAND [ARGS]\n\ncommands:\n");
	for (c = hcall_cmds; c < hcall_cmds + hcall_nr_cmds; c++) {
		if (c->hidden)
			continue;
		snprintf(synopsis, sizeof(synopsis), "%s %s", c->name, c->args);
		fprintf(f, "  %-24s %s\n", synopsis, c->summary);
	}
	fprintf(f, "\n`hcall help COMMAND` (or `hcall COMMAND --help`) says more.\n\n%s\n"
		"exit status:\n", options_help);
	for (i = 0; i < hcall_nr_exit_codes; i++)
		fprintf(f, "  %d  %s\n", hcall_exit_codes[i].code,
			hcall_exit_codes[i].meaning);
}

void hcall_print_cmd_help(FILE *f, const struct hcall_cmd *c)
{
	fprintf(f, "usage: hcall [OPTIONS] %s%s%s\n\n%s.\n", c->name, c->args[0] ? " " : "",
		c->args, c->summary);
	if (c->help)
		fprintf(f, "\n%s", c->help);
	fprintf(f, "\n%s", options_help);
}

/* hcall help [COMMAND] */
int cmd_help(int argc, char **argv)
{
	const struct hcall_cmd *c;

	if (argc > 1)
		return usage_error("help: at most one command");
	if (!argc) {
		print_usage(stdout);
		return HCALL_EXIT_OK;
	}
	c = hcall_find_cmd(argv[0]);
	if (!c)
		return usage_error("help: unknown command '%s'", argv[0]);
	hcall_print_cmd_help(stdout, c);
	return HCALL_EXIT_OK;
}

/* An error that is not a hypercall's: on stderr, and as JSON if asked. */
int hcall_error(int code, const char *kind, int err, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "hcall: %s\n", msg);
	if (code == HCALL_EXIT_USAGE)
		fprintf(stderr, "Try 'hcall %s%s--help'.\n", current ? current->name : "",
			current ? " " : "");
	if (!hcall_json)
		return code;
	json_object(NULL);
	json_bool("ok", false);
	json_string("error", kind);
	if (err) {
		json_int("errno", err);
		json_string("errno_name", hcall_errno_name(err));
		json_string("strerror", strerror(err));
	}
	json_string("message", msg);
	json_end();
	return code;
}

int main(int argc, char **argv)
{
	char **args = calloc(argc + 1, sizeof(*args));
	bool literal = false, help = false, version = false;
	int i, n = 0;

	if (!args)
		return hcall_error(HCALL_EXIT_CALL, "memory", ENOMEM, "out of memory");
	hcall_device = getenv("HCALL_DEVICE");
	/* Names of hypercalls a user declared to the module, e.g. "hello". */
	hcall_load_user_ops(HCALL_USER_OPS_PATH);
	/* Options may come anywhere, so that `hcall version --json` works. */
	for (i = 1; i < argc; i++) {
		if (literal) {
			args[n++] = argv[i];
		} else if (!strcmp(argv[i], "--")) {
			literal = true;
		} else if (!strcmp(argv[i], "--json")) {
			hcall_json = true;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			help = true;
		} else if (!strcmp(argv[i], "--version")) {
			version = true;
		} else if (!strcmp(argv[i], "--device")) {
			if (i + 1 >= argc)
				return usage_error("--device needs a PATH");
			hcall_device = argv[++i];
		} else if (!strncmp(argv[i], "--device=", 9)) {
			hcall_device = argv[i] + 9;
		} else {
			args[n++] = argv[i];
		}
	}
	if (hcall_device && !hcall_device[0])
		return usage_error("--device (or HCALL_DEVICE) needs a PATH");
	if (version)
		return hcall_print_version();
	if (!n && help)
		return cmd_help(0, NULL);
	if (!n)
		return usage_error("no command given");
	current = hcall_find_cmd(args[0]);
	if (!current)
		return usage_error("unknown command '%s'", args[0]);
	if (help) {
		hcall_print_cmd_help(stdout, current);
		return HCALL_EXIT_OK;
	}
	return current->run(n - 1, args + 1);
}
