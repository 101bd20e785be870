// SPDX-License-Identifier: GPL-2.0-only
/*
 * hcall list [OP]: what xprivcmd knows of each hypercall: its pointer
 * arguments (schema_ops.c) and, for one OP, its sub-commands by name with
 * the verdict on each (verdicts_*.c), the tables the module itself uses.
 */
#include <string.h>

#include "hcall.h"
#include "reasons.h"
#include "schema.h"
#include "verdicts.h"

static const char * const access_names[] = {
	[XPRIVCMD_IN] = "in", [XPRIVCMD_OUT] = "out", [XPRIVCMD_INOUT] = "inout",
};

static const char * const verdict_names[] = {
	[XPRIVCMD_V_UNMODELLED] = "unmodelled", [XPRIVCMD_V_NOREF] = "noref",
	[XPRIVCMD_V_CHECKED] = "checked", [XPRIVCMD_V_REFUSED] = "refused",
};

/* OPAQUE() in schema.c: a pointer whose length xprivcmd does not model. */
static bool ptr_opaque(const struct xprivcmd_ptr *p)
{
	return p->size == 1 && p->count_arg == XPRIVCMD_NO_ARG &&
		p->access == XPRIVCMD_INOUT && !p->required;
}

static const char *access_name(const struct xprivcmd_ptr *p)
{
	return access_names[p->access & XPRIVCMD_INOUT] ?: "?";
}

static void json_ptr(const char *key, const struct xprivcmd_ptr *p)
{
	json_object(key);
	json_uint("arg", p->arg);
	json_string("access", access_name(p));
	json_uint("size", p->size);
	if (p->count_arg == XPRIVCMD_NO_ARG)
		json_null("count_arg");
	else
		json_uint("count_arg", p->count_arg);
	json_bool("required", p->required);
	json_bool("opaque", ptr_opaque(p));
	json_bool("varbuf", p->varbuf);
	json_end();
}

static void print_ptr(const struct xprivcmd_ptr *p)
{
	if (ptr_opaque(p)) {
		printf("arg%u: a user address or NULL (length not checked)", p->arg);
		return;
	}
	printf("arg%u: ", p->arg);
	if (p->varbuf) {
		printf("%u-byte length + that many bytes, %s%s", p->size,
		       access_name(p), p->required ? "" : ", may be NULL (length query)");
		return;
	}
	if (p->count_arg != XPRIVCMD_NO_ARG)
		printf("arg%u x ", p->count_arg);
	printf("%u byte%s, %s%s", p->size, p->size == 1 ? "" : "s", access_name(p),
	       p->required ? "" : ", may be NULL");
}

/* The sub-commands of a multiplexed op, and the verdict on each. */
static void json_classes(uint64_t nr)
{
	const struct xprivcmd_class_table *t = xprivcmd_class_table(nr);
	const struct xprivcmd_class *c;

	json_array("classes");
	for (c = t ? t->rows : NULL; t && c < t->rows + t->nr; c++) {
		json_object(NULL);
		json_uint("cmd", c->cmd);
		json_string("name", hcall_class_name(c));
		json_uint("interface_version", c->iv);
		if (c->iv2)
			json_uint("interface_version2", c->iv2);
		else
			json_null("interface_version2");
		json_string("verdict", verdict_names[c->verdict]);
		if (c->verdict == XPRIVCMD_V_REFUSED)
			json_string("reason", hcall_reason_id(c->reason));
		if (c->has_sub) {
			json_uint("sub_offset", c->sub_off);
			json_uint("sub", c->sub);
		}
		json_end();
	}
	json_end();
}

static void print_classes(uint64_t nr)
{
	const struct xprivcmd_class_table *t = xprivcmd_class_table(nr);
	const struct xprivcmd_class *c;

	if (!t)
		return;
	if (hcall_class_name(t->rows))
		printf("\nsub-commands, and what xprivcmd knows of each:\n");
	else
		printf("\nwhat xprivcmd knows of the call:\n");
	for (c = t->rows; c < t->rows + t->nr; c++) {
		printf("  %5u %-40s %s", c->cmd, hcall_class_name(c) ?: "(not multiplexed)",
		       verdict_names[c->verdict]);
		if (c->verdict == XPRIVCMD_V_REFUSED)
			printf(" (%s)", hcall_reason_id(c->reason));
		if (c->iv2)
			printf(", interface versions %#x and %#x", c->iv, c->iv2);
		else if (c->iv)
			printf(", interface version %#x", c->iv);
		if (c->has_sub)
			printf(", when the u32 at offset %u is %u", c->sub_off, c->sub);
		printf("\n");
	}
}

static void json_op(uint64_t nr, const struct xprivcmd_op *s, const char *name,
		    bool classes)
{
	unsigned int i;

	json_object(NULL);
	json_uint("nr", nr);
	json_string("name", name);
	if (s->muxed)
		json_uint("subop_arg", s->cmd_arg);
	else
		json_null("subop_arg");
	json_array("pointers");
	for (i = 0; i < s->nr_ptrs; i++)
		json_ptr(NULL, &s->ptrs[i]);
	json_end();
	json_array("subops");
	for (i = 0; i < s->nr_subops; i++) {
		json_object(NULL);
		json_uint("cmd", s->subops[i].cmd);
		json_string("name", hcall_const_name(nr, s->subops[i].cmd));
		if (s->subops[i].ptr.size)
			json_ptr("pointer", &s->subops[i].ptr);
		else
			json_null("pointer");
		json_end();
	}
	json_end();
	if (classes)
		json_classes(nr);
	json_end();
}

static void print_op(uint64_t nr, const struct xprivcmd_op *s, const char *name)
{
	const char *cname;
	unsigned int i;

	printf("%3llu %-29s ", (unsigned long long)nr, name);
	if (s->muxed)
		printf("sub-command in arg%u%s", s->cmd_arg, s->nr_ptrs ? "; " : "");
	if (s->nr_subops && s->nr_ptrs)
		printf("other sub-commands: ");
	for (i = 0; i < s->nr_ptrs; i++) {
		printf("%s", i ? "; " : "");
		print_ptr(&s->ptrs[i]);
	}
	if (!s->muxed && !s->nr_ptrs)
		printf("no pointer arguments");
	printf("\n");
	for (i = 0; i < s->nr_subops; i++) {
		cname = hcall_const_name(nr, s->subops[i].cmd);
		printf("      %3u %-27s ", s->subops[i].cmd, cname ?: "");
		if (s->subops[i].ptr.size)
			print_ptr(&s->subops[i].ptr);
		else
			printf("no pointer");
		printf("\n");
	}
}

/* A number with no schema: what happens to a call of it. */
static int list_unknown(uint64_t nr)
{
	const char *what = nr < XPRIVCMD_NR_HYPERCALLS ?
		"not in xprivcmd's table: passed to Xen with no argument checks" :
		"128 or more: refused by xprivcmd with EINVAL";

	if (!hcall_json) {
		printf("hypercall %llu: %s\n", (unsigned long long)nr, what);
		return HCALL_EXIT_OK;
	}
	json_object(NULL);
	json_bool("ok", true);
	json_uint("nr_hypercalls", XPRIVCMD_NR_HYPERCALLS);
	json_array("ops");
	json_end();
	json_string("note", what);
	json_end();
	return HCALL_EXIT_OK;
}

int cmd_list(int argc, char **argv)
{
	const struct xprivcmd_op *s;
	char err[HCALL_ERR_LEN];
	uint64_t nr, only = 0;
	const char *name;

	if (argc > 1)
		return usage_error("list: at most one hypercall");
	if (argc && hcall_parse_op(argv[0], &only, err, sizeof(err)))
		return usage_error("list: %s", err);
	if (argc && !hcall_op(only, NULL))
		return list_unknown(only);

	if (hcall_json) {
		json_object(NULL);
		json_bool("ok", true);
		json_uint("nr_hypercalls", XPRIVCMD_NR_HYPERCALLS);
		json_array("ops");
	} else if (!argc) {
		printf("The hypercalls xprivcmd knows, and the pointer arguments it checks.\n"
		       "Any other number below %d is refused as unmodelled unless it is declared\n"
		       "(module parameter user_ops) or the policy word `unmodelled` lets it\n"
		       "through unchecked; %d and above are always refused.\n\n"
		       " nr name                          pointer arguments\n",
		       XPRIVCMD_NR_HYPERCALLS, XPRIVCMD_NR_HYPERCALLS);
	}
	for (nr = 0; nr < XPRIVCMD_NR_HYPERCALLS; nr++) {
		s = hcall_op(nr, &name);
		if (!s || (argc && nr != only))
			continue;
		if (hcall_json)
			json_op(nr, s, name, argc);
		else
			print_op(nr, s, name);
	}
	if (hcall_json) {
		json_end();
		json_end();
	} else if (argc) {
		print_classes(only);
	}
	return HCALL_EXIT_OK;
}
