// SPDX-License-Identifier: GPL-2.0-only
/*
 * Command-line parsing for hcall: numbers, hypercall names, the argument
 * forms of `hcall call`, and the module's statistics file.  Pure logic, unit
 * tested on the host (testing/unit/hcall_parse_test.c).
 */
#define __XEN_TOOLS__ 1

#include <errno.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <xen/xen.h>
#include <xen/version.h>

#include "hcall.h"
#include "schema.h"
#include "verdicts.h"

#define HYPERVISOR_PREFIX "__HYPERVISOR_"

/* Sub-commands by their names in Xen's headers, values from the same. */
#define XEN_CONST(_op, _name) \
	{ .name = #_name, .op = __HYPERVISOR_##_op, .value = (_name) }

const struct hcall_const hcall_consts[] = {
	XEN_CONST(xen_version, XENVER_version),
	XEN_CONST(xen_version, XENVER_extraversion),
	XEN_CONST(xen_version, XENVER_compile_info),
	XEN_CONST(xen_version, XENVER_capabilities),
	XEN_CONST(xen_version, XENVER_changeset),
	XEN_CONST(xen_version, XENVER_platform_parameters),
	XEN_CONST(xen_version, XENVER_get_features),
	XEN_CONST(xen_version, XENVER_pagesize),
	XEN_CONST(xen_version, XENVER_guest_handle),
	XEN_CONST(xen_version, XENVER_commandline),
	XEN_CONST(xen_version, XENVER_build_id),
	XEN_CONST(console_io, CONSOLEIO_write),
	XEN_CONST(console_io, CONSOLEIO_read),
};

const unsigned int hcall_nr_consts = ARRAY_SIZE(hcall_consts);

/*
 * A verdict row's sub-command name; NULL for the one row of an op that is
 * not multiplexed, which verdicts_guest.c names after its WHOLE macro.
 */
const char *hcall_class_name(const struct xprivcmd_class *c)
{
	return strcmp(c->name, "WHOLE") ? c->name : NULL;
}

/**
 * hcall_const_name() - the name of a sub-command
 * @op: hypercall number
 * @value: the sub-command
 *
 * Return: its name in hcall_consts[], else in the module's verdict table
 * for @op (every sub-command xprivcmd classifies), else NULL.
 */
const char *hcall_const_name(uint64_t op, uint64_t value)
{
	const struct xprivcmd_class_table *t = xprivcmd_class_table(op);
	unsigned int i;

	for (i = 0; i < hcall_nr_consts; i++)
		if (hcall_consts[i].op == op && hcall_consts[i].value == value)
			return hcall_consts[i].name;
	for (i = 0; t && i < t->nr; i++)
		if (t->rows[i].cmd == value && hcall_class_name(&t->rows[i]))
			return t->rows[i].name;
	return NULL;
}

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

static int digit(char c, unsigned int base)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (base == 16 && c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (base == 16 && c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/**
 * hcall_parse_u64() - a hypercall argument given as a number
 * @s: decimal, or hexadecimal with 0x; either may have a leading '-'
 * @out: the value; negative numbers in two's complement
 * @err: room for a message saying what is wrong with @s
 * @errlen: its size
 *
 * Leading zeros do not make a number octal: "010" is ten.  Values must fit
 * in 64 bits, from -2^63 to 2^64-1.
 *
 * Return: 0, or -1 with @err filled in.
 */
int hcall_parse_u64(const char *s, uint64_t *out, char *err, size_t errlen)
{
	const char *p = s;
	unsigned int base = 10;
	bool neg = false;
	uint64_t v = 0;
	int d;

	if (*p == '-') {
		neg = true;
		p++;
	}
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	if (!*p)
		return fail(err, errlen, "'%s' is not a number", s);
	for (; *p; p++) {
		d = digit(*p, base);
		if (d < 0)
			return fail(err, errlen,
				    "'%s' is not a number (decimal, or hexadecimal with 0x)", s);
		if (v > (UINT64_MAX - d) / base)
			return fail(err, errlen, "'%s' does not fit in 64 bits", s);
		v = v * base + d;
	}
	if (neg) {
		if (v > (uint64_t)1 << 63)
			return fail(err, errlen, "'%s' does not fit in 64 bits", s);
		v = -v;
	}
	*out = v;
	return 0;
}

/* Hypercalls declared through the module's user_ops parameter, if read. */
struct xprivcmd_user_ops hcall_user_ops;

/**
 * hcall_load_user_ops() - learn the hypercalls a user declared to the module
 * @path: the user_ops parameter file; unreadable or malformed means none
 */
void hcall_load_user_ops(const char *path)
{
	char line[4096];
	FILE *f = fopen(path, "r");

	if (!f)
		return;
	if (!fgets(line, sizeof(line), f) ||
	    xprivcmd_user_ops_parse(&hcall_user_ops, line))
		hcall_user_ops.count = 0;
	fclose(f);
}

/**
 * hcall_op() - the schema of a hypercall, Xen's or declared by a user
 * @nr: hypercall number
 * @name: if not NULL, set to its name, or NULL when there is no schema
 *
 * Return: the schema, or NULL.
 */
const struct xprivcmd_op *hcall_op(uint64_t nr, const char **name)
{
	const struct xprivcmd_op *s = xprivcmd_schema_op(nr);
	const struct xprivcmd_user_op *d = NULL;

	if (!s) {
		d = xprivcmd_user_ops_find(&hcall_user_ops, nr);
		s = d ? &d->op : NULL;
	}
	if (name)
		*name = d ? d->name : s ? s->name : NULL;
	return s;
}

/**
 * hcall_parse_op() - a hypercall given by name or number
 * @s: a name from Xen's xen.h (with or without __HYPERVISOR_), or a number
 * @op: the hypercall number
 * @err: room for a message
 * @errlen: its size
 *
 * Any number is accepted, so that hypercalls unknown to us (ones a user has
 * added to Xen) can be made, and out-of-range ones show the driver's answer.
 *
 * Return: 0, or -1 with @err filled in.
 */
int hcall_parse_op(const char *s, uint64_t *op, char *err, size_t errlen)
{
	const char *name = s;
	uint64_t nr;

	if ((s[0] >= '0' && s[0] <= '9') || s[0] == '-')
		return hcall_parse_u64(s, op, err, errlen);
	if (!strncmp(name, HYPERVISOR_PREFIX, strlen(HYPERVISOR_PREFIX)))
		name += strlen(HYPERVISOR_PREFIX);
	for (nr = 0; nr < XPRIVCMD_NR_HYPERCALLS; nr++) {
		const char *known;

		if (hcall_op(nr, &known) && !strcmp(known, name)) {
			*op = nr;
			return 0;
		}
	}
	return fail(err, errlen,
		    "unknown hypercall '%s' (`hcall list` shows the names; any number works)", s);
}

static int alloc_buf(struct hcall_arg *a, size_t len, char *err, size_t errlen)
{
	a->buf = calloc(1, len);
	a->orig = calloc(1, len);
	a->len = len;
	if (!a->buf || !a->orig) {
		hcall_arg_free(a);
		return fail(err, errlen, "out of memory for a %zu-byte buffer", len);
	}
	return 0;
}

static int parse_hex(const char *s, const char *hex, struct hcall_arg *a,
		     char *err, size_t errlen)
{
	size_t n = strlen(hex), i;
	int hi, lo;

	if (!n || n % 2)
		return fail(err, errlen,
			    "'%s': hex: needs an even, non-zero number of hex digits", s);
	if (n / 2 > HCALL_MAX_BUF)
		return fail(err, errlen, "hex: buffer of %zu bytes is over the limit of %d",
			    n / 2, HCALL_MAX_BUF);
	for (i = 0; i < n; i++)
		if (digit(hex[i], 16) < 0)
			return fail(err, errlen, "'%s': '%c' is not a hex digit", s, hex[i]);
	if (alloc_buf(a, n / 2, err, errlen))
		return -1;
	for (i = 0; i < n / 2; i++) {
		hi = digit(hex[2 * i], 16);
		lo = digit(hex[2 * i + 1], 16);
		a->buf[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

/**
 * hcall_parse_arg() - one argument of `hcall call`
 * @s: a number (see hcall_parse_u64()), a sub-command name such as
 *	XENVER_extraversion, str:TEXT, hex:BYTES or out:N
 * @a: the result; free its buffers with hcall_arg_free()
 * @err: room for a message
 * @errlen: its size
 *
 * Buffers are at most %HCALL_MAX_BUF bytes: str:TEXT's includes the NUL.
 *
 * Return: 0, or -1 with @err filled in and nothing to free.
 */
int hcall_parse_arg(const char *s, struct hcall_arg *a, char *err,
		    size_t errlen)
{
	const char *colon = strchr(s, ':');
	uint64_t n;
	unsigned int i;

	memset(a, 0, sizeof(*a));
	if (!strncmp(s, "str:", 4)) {
		size_t len = strlen(s + 4) + 1;

		if (len > HCALL_MAX_BUF)
			return fail(err, errlen,
				    "str: buffer of %zu bytes (with its NUL) is over the limit of %d",
				    len, HCALL_MAX_BUF);
		a->kind = HCALL_ARG_STR;
		if (alloc_buf(a, len, err, errlen))
			return -1;
		memcpy(a->buf, s + 4, len);
	} else if (!strncmp(s, "hex:", 4)) {
		a->kind = HCALL_ARG_HEX;
		if (parse_hex(s, s + 4, a, err, errlen))
			return -1;
	} else if (!strncmp(s, "out:", 4)) {
		a->kind = HCALL_ARG_OUT;
		if (hcall_parse_u64(s + 4, &n, err, errlen))
			return -1;
		if (!n || n > HCALL_MAX_BUF)
			return fail(err, errlen, "'%s': out:N needs 1 <= N <= %d",
				    s, HCALL_MAX_BUF);
		if (alloc_buf(a, n, err, errlen))
			return -1;
	} else if (colon) {
		return fail(err, errlen,
			    "'%s': unknown argument form '%.*s:' (use str:, hex: or out:)",
			    s, (int)(colon - s), s);
	} else {
		a->kind = HCALL_ARG_INT;
		for (i = 0; i < hcall_nr_consts; i++) {
			if (!strcmp(s, hcall_consts[i].name)) {
				a->value = hcall_consts[i].value;
				return 0;
			}
		}
		return hcall_parse_u64(s, &a->value, err, errlen);
	}
	memcpy(a->orig, a->buf, a->len);
	return 0;
}

void hcall_arg_free(struct hcall_arg *a)
{
	free(a->buf);
	free(a->orig);
	a->buf = NULL;
	a->orig = NULL;
	a->len = 0;
}

/* sscanf() that must consume the whole line. */
#define SCAN_ALL(line, fmt, ...) ({ \
	int _end = -1; \
	sscanf(line, fmt "%n", __VA_ARGS__, &_end) >= 0 && _end >= 0 && \
		!line[_end]; \
})

/**
 * hcall_parse_stats() - the module's debugfs statistics
 * @f: the open file
 * @st: the result
 * @err: room for a message
 * @errlen: its size
 *
 * The format (module/stats.c) is one line per hypercall seen,
 * "<nr> <name> issued <n> failed <n> rejected <n>", then
 * "out-of-range rejected <n>", then "reason <nr> <n> <text>" lines, then
 * "errno <e> <n>" lines for Xen's errors ("errno <e>+ <n>": <e> or more).  A line
 * in any other form is an error rather than something silently skipped.
 *
 * Return: 0, or -1 with @err filled in.
 */
int hcall_parse_stats(FILE *f, struct hcall_stats *st, char *err,
		      size_t errlen)
{
	char line[256];
	unsigned int lineno = 0;

	memset(st, 0, sizeof(*st));
	while (fgets(line, sizeof(line), f)) {
		struct hcall_stat_op *o = &st->ops[st->nr_ops];
		struct hcall_stat_reason *r = &st->reasons[st->nr_reasons];
		struct hcall_stat_errno *e = &st->errnos[st->nr_errnos];
		size_t len = strlen(line);

		lineno++;
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		else if (!feof(f))
			return fail(err, errlen, "stats line %u is too long", lineno);

		if (st->nr_ops < XPRIVCMD_NR_HYPERCALLS &&
		    SCAN_ALL(line, "%u %63s issued %llu failed %llu rejected %llu",
			     &o->nr, o->name, &o->issued, &o->failed, &o->rejected)) {
			st->nr_ops++;
		} else if (SCAN_ALL(line, "out-of-range rejected %llu", &st->out_of_range)) {
			continue;
		} else if (st->nr_reasons < HCALL_MAX_REASONS &&
			   SCAN_ALL(line, "reason %u %llu %95[^\n]", &r->reason, &r->count,
				    r->text)) {
			st->nr_reasons++;
		} else if (st->nr_errnos < HCALL_MAX_ERRNOS &&
			   (SCAN_ALL(line, "errno %u %llu", &e->err, &e->count) ||
			    (SCAN_ALL(line, "errno %u+ %llu", &e->err, &e->count) &&
			     (e->plus = true)))) {
			st->nr_errnos++;
		} else {
			return fail(err, errlen, "stats line %u not understood: '%s'", lineno,
				    line);
		}
	}
	return 0;
}

/**
 * hcall_subop_arg() - which argument of a hypercall is its sub-command
 * @op: hypercall number
 *
 * Return: the argument's index, or -1 for an op that is not multiplexed or
 * whose sub-command is inside a structure (sysctl, domctl...).
 */
int hcall_subop_arg(uint64_t op)
{
	const struct xprivcmd_op *s = hcall_op(op, NULL);

	return s && s->muxed && !s->struct_cmd ? s->cmd_arg : -1;
}

/**
 * hcall_parse_subop() - a sub-command of @op by its name in Xen's headers
 * @op: hypercall number
 * @name: e.g. "PHYSDEVOP_eoi", as the module's verdict tables name it
 * @value: its number
 *
 * Return: 0, or -1 if no row of @op's table has that name.
 */
int hcall_parse_subop(uint64_t op, const char *name, uint64_t *value)
{
	const struct xprivcmd_class_table *t = xprivcmd_class_table(op);
	unsigned int i;

	for (i = 0; t && i < t->nr; i++) {
		if (!strcmp(t->rows[i].name, name)) {
			*value = t->rows[i].cmd;
			return 0;
		}
	}
	return -1;
}

/**
 * hcall_cmdline_bool() - a boolean option on Xen's command line
 * @cmdline: the command line (XENVER_commandline)
 * @name: the option, e.g. "console_to_ring"
 *
 * Xen's own reading: "name" and "name=1|yes|on|true|enable" turn it on,
 * "no-name" and "name=0|no|off|false|disable" off; the last one counts.
 *
 * Return: 1 on, 0 off or absent.
 */
int hcall_cmdline_bool(const char *cmdline, const char *name)
{
	static const char * const on[] = { "1", "yes", "on", "true", "enable" };
	size_t len = strlen(name), wlen;
	const char *w = cmdline, *val;
	unsigned int i;
	int set = 0;

	for (; *w; w += wlen) {
		w += strspn(w, " ");
		wlen = strcspn(w, " ");
		if (wlen == len + 3 && !strncmp(w, "no-", 3) && !strncmp(w + 3, name, len)) {
			set = 0;
			continue;
		}
		if (wlen < len || strncmp(w, name, len) || (wlen > len && w[len] != '='))
			continue;
		if (wlen == len) {
			set = 1;
			continue;
		}
		val = w + len + 1;
		set = 0;
		for (i = 0; i < ARRAY_SIZE(on); i++)
			if (strlen(on[i]) == wlen - len - 1 && !strncmp(val, on[i], strlen(on[i])))
				set = 1;
	}
	return set;
}
