// SPDX-License-Identifier: GPL-2.0-only
/*
 * The policy language and its set operations.
 *
 * A policy is written as whitespace-separated words, applied left to right
 * to an allow-everything start:
 *
 *	all		allow every hypercall and sub-command (that xprivcmd
 *			models: see unmodelled)
 *	none		deny everything
 *	unmodelled	also let through, unchecked, what xprivcmd does not
 *			model: sub-commands whose references it does not
 *			know, unknown interface versions, undeclared
 *			hypercalls (the in-tree driver's behaviour)
 *	-unmodelled	refuse those again (the default)
 *	known-interfaces  the same as -unmodelled (the word of older versions)
 *	strict		the preset for locked-down hosts (see below)
 *	compat		the preset of the in-tree driver: all unmodelled
 *	+OP, -OP	allow / deny hypercall OP (a name from xen.h or a number)
 *	+OP:N, -OP:N	allow / deny sub-command N of OP
 *
 * e.g. "none +xen_version +sysctl:1" or "-domctl -memory_op:4".
 */
#include "portability.h"
#include "policy.h"
#include "schema.h"

/*
 * What a host where no toolstack runs needs: reading Xen's version,
 * writing and reading its console, and physinfo.
 */
static const char strict_preset[] =
	"none +xen_version +console_io:0 +sysctl:1 +sysctl:3 +sched_op:0";

/*
 * Everything the in-tree driver lets through, unmodelled calls included.
 * What no policy allows (the calls that act on the calling kernel itself,
 * own frames, own page tables) stays refused.
 */
static const char compat_preset[] = "all unmodelled";

void xprivcmd_policy_fill(struct xprivcmd_policy *p, bool allow)
{
	unsigned int i;

	for (i = 0; i < XPRIVCMD_POLICY_OPS; i++) {
		p->op[i].sub[0] = allow ? ~0ULL : 0;
		p->op[i].sub[1] = allow ? ~0ULL : 0;
		p->op[i].others = allow;
	}
	if (!allow)
		p->unmodelled = false;
}

bool xprivcmd_policy_allows(const struct xprivcmd_policy *p, u64 op, u64 subop)
{
	const struct xprivcmd_op_policy *o;

	if (op >= XPRIVCMD_POLICY_OPS)
		return false;
	o = &p->op[op];
	if (subop >= XPRIVCMD_POLICY_SUBOPS)
		return o->others;
	return o->sub[subop / 64] & (1ULL << (subop % 64));
}

/* True when no sub-command of @op is denied, so none needs to be known. */
bool xprivcmd_policy_allows_all_subops(const struct xprivcmd_policy *p, u64 op)
{
	const struct xprivcmd_op_policy *o;

	if (op >= XPRIVCMD_POLICY_OPS)
		return false;
	o = &p->op[op];
	return o->others && o->sub[0] == ~0ULL && o->sub[1] == ~0ULL;
}

void xprivcmd_policy_intersect(struct xprivcmd_policy *dst,
			       const struct xprivcmd_policy *src)
{
	unsigned int i;

	for (i = 0; i < XPRIVCMD_POLICY_OPS; i++) {
		dst->op[i].sub[0] &= src->op[i].sub[0];
		dst->op[i].sub[1] &= src->op[i].sub[1];
		dst->op[i].others = dst->op[i].others && src->op[i].others;
	}
	dst->unmodelled = dst->unmodelled && src->unmodelled;
}

static int parse_number(const char *s, size_t len, u64 *out)
{
	u64 v = 0;
	size_t i;

	if (!len || len > 19)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -EINVAL;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int parse_op(const char *s, size_t len, u64 *op)
{
	u64 i;

	if (!parse_number(s, len, op))
		return *op < XPRIVCMD_POLICY_OPS ? 0 : -ERANGE;
	for (i = 0; i < XPRIVCMD_POLICY_OPS; i++) {
		const struct xprivcmd_op *sch = xprivcmd_schema_op(i);

		if (sch && strlen(sch->name) == len && !strncmp(sch->name, s, len)) {
			*op = i;
			return 0;
		}
	}
	return -ENOENT;
}

static void set_rule(struct xprivcmd_policy *p, u64 op, bool all, u64 sub,
		     bool allow)
{
	struct xprivcmd_op_policy *o = &p->op[op];

	if (all) {
		o->sub[0] = allow ? ~0ULL : 0;
		o->sub[1] = allow ? ~0ULL : 0;
		o->others = allow;
	} else if (sub >= XPRIVCMD_POLICY_SUBOPS) {
		/* Sub-commands this high share one bit. */
		o->others = allow;
	} else if (allow) {
		o->sub[sub / 64] |= 1ULL << (sub % 64);
	} else {
		o->sub[sub / 64] &= ~(1ULL << (sub % 64));
	}
}

static int apply_word(struct xprivcmd_policy *p, const char *w, size_t len)
{
	const char *colon;
	bool allow, all = true;
	u64 op, sub = 0;
	int ret;

	if (len == 3 && !strncmp(w, "all", 3)) {
		xprivcmd_policy_fill(p, true);
		return 0;
	}
	if (len == 4 && !strncmp(w, "none", 4)) {
		xprivcmd_policy_fill(p, false);
		return 0;
	}
	if (len == 6 && !strncmp(w, "strict", 6))
		return xprivcmd_policy_parse(p, strict_preset);
	if (len == 6 && !strncmp(w, "compat", 6))
		return xprivcmd_policy_parse(p, compat_preset);
	if (len == 10 && !strncmp(w, "unmodelled", 10)) {
		p->unmodelled = true;
		return 0;
	}
	if ((len == 11 && !strncmp(w, "-unmodelled", 11)) ||
	    (len == 16 && !strncmp(w, "known-interfaces", 16))) {
		p->unmodelled = false;
		return 0;
	}
	if (len < 2 || (w[0] != '+' && w[0] != '-'))
		return -EINVAL;

	allow = w[0] == '+';
	w++;
	len--;
	colon = memchr(w, ':', len);
	if (colon) {
		size_t oplen = colon - w;

		ret = parse_number(colon + 1, len - oplen - 1, &sub);
		if (ret)
			return ret;
		all = false;
		len = oplen;
	}
	ret = parse_op(w, len, &op);
	if (ret)
		return ret;
	set_rule(p, op, all, sub, allow);
	return 0;
}

static bool is_separator(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ',';
}

/**
 * xprivcmd_policy_parse() - apply a policy text to @p
 * @p: the policy to change, normally filled with "all" first
 * @text: NUL-terminated policy words
 *
 * Return: 0, or -EINVAL for a malformed word, -ENOENT for an unknown
 * hypercall name, -ERANGE for a hypercall number >= 128.  @p is partly
 * updated on error: callers parse into a scratch copy.
 */
int xprivcmd_policy_parse(struct xprivcmd_policy *p, const char *text)
{
	while (*text) {
		size_t len = 0;
		int ret;

		while (is_separator(*text))
			text++;
		while (text[len] && !is_separator(text[len]))
			len++;
		if (!len)
			break;
		ret = apply_word(p, text, len);
		if (ret)
			return ret;
		text += len;
	}
	return 0;
}

/**
 * xprivcmd_policy_format() - write @p in the policy language
 * @p: the policy
 * @buf: output
 * @size: size of @buf
 *
 * The text starts from "all" and lists what is denied, or from "none" and
 * lists what is allowed, whichever describes each hypercall more simply.
 *
 * Return: the length written, or -ENOSPC.
 */
int xprivcmd_policy_format(const struct xprivcmd_policy *p, char *buf,
			   unsigned int size)
{
	unsigned int pos = 0, op, s;
	int ret;

	if (!size)
		return -ENOSPC;
	ret = xprivcmd_append(buf, size, &pos, "all%s",
			      p->unmodelled ? " unmodelled" : "");
	for (op = 0; !ret && op < XPRIVCMD_POLICY_OPS; op++) {
		const struct xprivcmd_op *sch = xprivcmd_schema_op(op);
		const struct xprivcmd_op_policy *o = &p->op[op];
		char number[8];
		const char *name = sch ? sch->name : number;
		unsigned int allowed = 0;
		bool mostly_denied;

		if (xprivcmd_policy_allows_all_subops(p, op))
			continue;
		if (!sch)
			snprintf(number, sizeof(number), "%u", op);
		for (s = 0; s < XPRIVCMD_POLICY_SUBOPS; s++)
			allowed += xprivcmd_policy_allows(p, op, s);
		/* Deny the op and list exceptions, or list what is denied. */
		mostly_denied = allowed < XPRIVCMD_POLICY_SUBOPS / 2;
		if (mostly_denied)
			ret = xprivcmd_append(buf, size, &pos, " -%s", name);
		for (s = 0; !ret && s < XPRIVCMD_POLICY_SUBOPS; s++)
			if (xprivcmd_policy_allows(p, op, s) == mostly_denied)
				ret = xprivcmd_append(buf, size, &pos, " %c%s:%u",
						      mostly_denied ? '+' : '-',
						      name, s);
		if (!ret && o->others == mostly_denied)
			ret = xprivcmd_append(buf, size, &pos, " %c%s:%u",
					      mostly_denied ? '+' : '-', name,
					      XPRIVCMD_POLICY_SUBOPS);
	}
	return ret ? ret : (int)pos;
}
