// SPDX-License-Identifier: GPL-2.0-only
/*
 * hcall call OP [ARG...]: any hypercall, with numbers and buffers for
 * arguments, its result and the buffers it wrote printed after it.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hcall.h"
#include "schema.h"

static const char * const kind_names[] = {
	[HCALL_ARG_INT] = "int", [HCALL_ARG_STR] = "str",
	[HCALL_ARG_HEX] = "hex", [HCALL_ARG_OUT] = "out",
};

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

/* Output buffers, and input buffers the call changed, after a call. */
static void print_buffers(const struct hcall_arg *a, unsigned int n,
			  char **spec)
{
	unsigned int i;
	bool changed;

	for (i = 0; i < n; i++) {
		if (a[i].kind == HCALL_ARG_INT)
			continue;
		changed = memcmp(a[i].buf, a[i].orig, a[i].len);
		if (hcall_json) {
			json_object(NULL);
			json_uint("arg", i);
			json_string("kind", kind_names[a[i].kind]);
			json_uint("size", a[i].len);
			json_bool("changed", changed);
			json_hex("hex", a[i].buf, a[i].len);
			json_bytes("string", a[i].buf, strnlen((char *)a[i].buf, a[i].len));
			json_end();
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

/*
 * Argument @i of hypercall @op: a sub-command by its name in the module's
 * tables where @i is the op's sub-command, else any form hcall_parse_arg()
 * takes.
 */
static int parse_call_arg(uint64_t op, unsigned int i, const char *s,
			  struct hcall_arg *a, char *err, size_t errlen)
{
	memset(a, 0, sizeof(*a));
	if (hcall_subop_arg(op) == (int)i && !hcall_parse_subop(op, s, &a->value))
		return 0;
	return hcall_parse_arg(s, a, err, errlen);
}

/* "name(arg, ...)": the call as people read it, long buffers by kind. */
static void describe(char *what, size_t len, uint64_t op, const struct hcall_arg *a,
		     unsigned int n, char **argv)
{
	unsigned int i;
	int off;

	off = hcall_op_name(op) ? snprintf(what, len, "%s(", hcall_op_name(op)) :
		snprintf(what, len, "hypercall %llu(", (unsigned long long)op);
	for (i = 0; i < n && off < (int)len; i++)
		off += snprintf(what + off, len - off, "%s%s", i ? ", " : "",
				a[i].kind == HCALL_ARG_INT || a[i].len <= 32 ? argv[i] :
				kind_names[a[i].kind]);
	if (off < (int)len)
		snprintf(what + off, len - off, ")");
}

static void print_result(const char *what, uint64_t op, const uint64_t *args,
			 long ret, const struct hcall_arg *a, unsigned int n, char **argv)
{
	char value[24];
	unsigned int i;

	if (!hcall_json) {
		printf("%s = %ld", what, ret);
		if (ret > 9 || ret < 0)
			printf(" (%#lx)", ret);
		printf("\n");
		print_buffers(a, n, argv);
		return;
	}
	json_object(NULL);
	json_bool("ok", true);
	json_string("call", what);
	json_uint("op", op);
	json_string("name", hcall_op_name(op));
	json_array("args");
	for (i = 0; i < n; i++) {
		snprintf(value, sizeof(value), "%#llx", (unsigned long long)args[i]);
		json_string(NULL, value);
	}
	json_end();
	json_int("ret", ret);
	json_array("buffers");
	print_buffers(a, n, argv);
	json_end();
	json_end();
}

int cmd_call(int argc, char **argv)
{
	struct hcall_arg a[HCALL_NR_ARGS];
	uint64_t op, args[HCALL_NR_ARGS] = { 0 };
	struct hcall_failure f;
	char err[HCALL_ERR_LEN], what[256];
	unsigned int n;
	int fd, rc = HCALL_EXIT_OK;
	long ret;

	if (argc < 1)
		return usage_error("call: which hypercall? (hcall call OP [ARG...])");
	if (hcall_parse_op(argv[0], &op, err, sizeof(err)))
		return usage_error("call: %s", err);
	if (argc - 1 > HCALL_NR_ARGS)
		return usage_error("call: %d arguments given; a hypercall takes at most %d",
				   argc - 1, HCALL_NR_ARGS);
	for (n = 0; n < (unsigned int)argc - 1; n++) {
		if (parse_call_arg(op, n, argv[n + 1], &a[n], err, sizeof(err))) {
			rc = usage_error("call: arg%u: %s", n, err);
			goto out;
		}
		args[n] = a[n].kind == HCALL_ARG_INT ? a[n].value : (uintptr_t)a[n].buf;
	}
	describe(what, sizeof(what), op, a, n, argv + 1);

	fd = hcall_open_device();
	if (fd < 0) {
		rc = HCALL_EXIT_DEVICE;
		goto out;
	}
	ret = hcall_hypercall(fd, op, args, &f);
	close(fd);
	if (ret == -1) {
		note_call(&f, a, n, args);
		rc = hcall_report_failure(what, &f);
		goto out;
	}
	print_result(what, op, args, ret, a, n, argv + 1);
out:
	while (n--)
		hcall_arg_free(&a[n]);
	return rc;
}
