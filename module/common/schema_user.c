// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hypercalls a user declares (the user_ops parameter): the parser and the
 * formatter of their declarations.
 */
#include "schema_internal.h"

#define NO_ARG XPRIVCMD_NO_ARG

/*
 * Declarations of user hypercalls, whitespace- or ';'-separated:
 *
 *	NAME=NR[:argI=ACCESS LEN[,argI=ACCESS LEN]]
 *
 * ACCESS is in, out or inout; LEN is a byte count, or *argJ for "as many
 * bytes as argument J says".  "hello=43:arg0=in*arg1" declares hypercall 43,
 * named hello, whose argument 0 points to argument 1 bytes that Xen reads.
 * Only numbers below 64 that Xen's public interface leaves free can be
 * declared.
 */

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

static int take_uint(const char **sp, u64 max, u64 *out)
{
	const char *s = *sp;
	u64 v = 0;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (*s++ - '0');
		if (v > max)
			return -ERANGE;
	}
	*sp = s;
	*out = v;
	return 0;
}

static bool take(const char **sp, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*sp, word, n))
		return false;
	*sp += n;
	return true;
}

static int parse_ptr(const char **sp, struct xprivcmd_ptr *p)
{
	u64 arg, v;

	if (!take(sp, "arg") || take_uint(sp, XPRIVCMD_NR_ARGS - 1, &arg) ||
	    !take(sp, "="))
		return -EINVAL;
	p->arg = arg;
	p->required = true;
	if (take(sp, "inout"))
		p->access = XPRIVCMD_INOUT;
	else if (take(sp, "in"))
		p->access = XPRIVCMD_IN;
	else if (take(sp, "out"))
		p->access = XPRIVCMD_OUT;
	else
		return -EINVAL;
	if (take(sp, "*arg")) {
		if (take_uint(sp, XPRIVCMD_NR_ARGS - 1, &v) || v == arg)
			return -EINVAL;
		p->count_arg = v;
		p->size = 1;
	} else {
		if (take_uint(sp, 1 << 20, &v) || !v)
			return -EINVAL;
		p->count_arg = XPRIVCMD_NO_ARG;
		p->size = v;
	}
	return 0;
}

static int parse_user_op(const char **sp, struct xprivcmd_user_ops *u)
{
	struct xprivcmd_user_op *d;
	const char *s = *sp;
	size_t len = 0;
	u64 nr;
	int ret;

	if (u->count == XPRIVCMD_MAX_USER_OPS)
		return -ENOSPC;
	d = &u->ops[u->count];
	memset(d, 0, sizeof(*d));
	while (name_char(s[len]))
		len++;
	if (!len || len >= XPRIVCMD_USER_NAME_MAX || s[len] != '=')
		return -EINVAL;
	memcpy(d->name, s, len);
	s += len + 1;
	ret = take_uint(&s, 63, &nr);
	if (ret)
		return ret;
	/* Xen's own hypercalls keep the schema xprivcmd knows for them. */
	if (xprivcmd_schema_op(nr) || xprivcmd_user_ops_find(u, nr))
		return -EEXIST;
	d->nr = nr;
	if (take(&s, ":")) {
		do {
			if (d->op.nr_ptrs == XPRIVCMD_MAX_PTRS)
				return -E2BIG;
			ret = parse_ptr(&s, &d->op.ptrs[d->op.nr_ptrs]);
			if (ret)
				return ret;
			d->op.nr_ptrs++;
		} while (take(&s, ","));
	}
	if (*s && *s != ' ' && *s != ';' && *s != '\n' && *s != '\t')
		return -EINVAL;
	u->count++;
	*sp = s;
	return 0;
}

/**
 * xprivcmd_user_ops_parse() - read declarations of user hypercalls
 * @u: filled in; emptied first
 * @text: NUL-terminated declarations
 *
 * Return: 0; -EINVAL for malformed text; -ERANGE for a number above 63;
 * -EEXIST for a number Xen's interface defines or declared twice; -E2BIG
 * for more than %XPRIVCMD_MAX_PTRS pointers; -ENOSPC for more than
 * %XPRIVCMD_MAX_USER_OPS declarations.
 */
int xprivcmd_user_ops_parse(struct xprivcmd_user_ops *u, const char *text)
{
	int ret;

	u->count = 0;
	for (;;) {
		while (*text == ' ' || *text == ';' || *text == '\n' || *text == '\t')
			text++;
		if (!*text)
			return 0;
		ret = parse_user_op(&text, u);
		if (ret)
			return ret;
	}
}

const struct xprivcmd_user_op *
xprivcmd_user_ops_find(const struct xprivcmd_user_ops *u, u64 op)
{
	unsigned int i;

	for (i = 0; i < u->count; i++)
		if (u->ops[i].nr == op)
			return &u->ops[i];
	return NULL;
}

static const char * const access_names[] = {
	[XPRIVCMD_IN] = "in", [XPRIVCMD_OUT] = "out", [XPRIVCMD_INOUT] = "inout",
};

/**
 * xprivcmd_append() - snprintf() at *@pos in @buf, advancing *@pos
 * @buf: output
 * @size: size of @buf
 * @pos: where to write; advanced past what was written
 * @fmt: format
 *
 * Return: 0, or -ENOSPC when the text did not fit.
 */
int xprivcmd_append(char *buf, unsigned int size, unsigned int *pos,
		    const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*pos >= size)
		return -ENOSPC;
	va_start(ap, fmt);
	n = vsnprintf(buf + *pos, size - *pos, fmt, ap);
	va_end(ap);
	if (n < 0 || (unsigned int)n >= size - *pos)
		return -ENOSPC;
	*pos += n;
	return 0;
}

/**
 * xprivcmd_user_ops_format() - write declarations back in their language
 * @u: the declarations
 * @buf: output
 * @size: size of @buf
 *
 * Return: the length written, or -ENOSPC.
 */
int xprivcmd_user_ops_format(const struct xprivcmd_user_ops *u, char *buf,
			     unsigned int size)
{
	unsigned int i, j, pos = 0;
	int ret = size ? 0 : -ENOSPC;

	if (!ret)
		buf[0] = '\0';
	for (i = 0; !ret && i < u->count; i++) {
		const struct xprivcmd_user_op *d = &u->ops[i];

		ret = xprivcmd_append(buf, size, &pos, "%s%s=%u", i ? " " : "",
				      d->name, d->nr);
		for (j = 0; !ret && j < d->op.nr_ptrs; j++) {
			const struct xprivcmd_ptr *p = &d->op.ptrs[j];

			ret = xprivcmd_append(buf, size, &pos, "%sarg%u=%s",
					      j ? "," : ":", p->arg,
					      access_names[p->access]);
			if (!ret && p->count_arg == NO_ARG)
				ret = xprivcmd_append(buf, size, &pos, "%u", p->size);
			else if (!ret)
				ret = xprivcmd_append(buf, size, &pos, "*arg%u",
						      p->count_arg);
		}
	}
	return ret ? ret : (int)pos;
}
