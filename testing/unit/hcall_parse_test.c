// SPDX-License-Identifier: GPL-2.0-only
/*
 * hcall's pure logic on the host: numbers, hypercall names, argument forms
 * and their limits, the statistics parser, error explanations, JSON
 * escaping, and the exit codes its man page documents.
 */
#define __XEN_TOOLS__ 1
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xen/xen.h>
#include <xen/version.h>

#include "hcall.h"
#include "schema.h"
#include "kselftest_harness.h"

#ifndef HCALL_MAN
#error "HCALL_MAN: path of tools/hcall/hcall.1"
#endif

static char err[HCALL_ERR_LEN];

static int num(const char *s, uint64_t *v)
{
	err[0] = '\0';
	return hcall_parse_u64(s, v, err, sizeof(err));
}

TEST(integer_forms)
{
	static const struct { const char *s; uint64_t v; } good[] = {
		{ "0", 0 }, { "17", 17 }, { "010", 10 }, { "0x11", 0x11 },
		{ "0X1f", 0x1f }, { "0xDEADbeef", 0xdeadbeef }, { "-1", UINT64_MAX },
		{ "-0x10", (uint64_t)-16 }, { "18446744073709551615", UINT64_MAX },
		{ "0xffffffffffffffff", UINT64_MAX },
		{ "-9223372036854775808", (uint64_t)1 << 63 },
		{ "0x0000000000000000000001", 1 },
	};
	unsigned int i;
	uint64_t v;

	for (i = 0; i < ARRAY_SIZE(good); i++) {
		v = 42;
		EXPECT_EQ(0, num(good[i].s, &v)) TH_LOG("%s: %s", good[i].s, err);
		EXPECT_EQ(good[i].v, v) TH_LOG("%s", good[i].s);
	}
}

TEST(bad_numbers_refused)
{
	static const char * const bad[] = {
		"", "-", "0x", "-0x", "1x", " 1", "1 ", "+1", "--1", "0x-1", "1e3",
		"0b1", "0o7", "1.5", "18446744073709551616", "0x10000000000000000",
		"-9223372036854775809", "99999999999999999999999", "0xg", "١",
	};
	unsigned int i;
	uint64_t v;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		v = 42;
		EXPECT_EQ(-1, num(bad[i], &v)) TH_LOG("'%s' accepted", bad[i]);
		EXPECT_EQ(42, v);
		EXPECT_NE(NULL, strstr(err, bad[i])) TH_LOG("message: %s", err);
	}
}

TEST(op_names_are_xen_h_names)
{
	uint64_t nr, op;

	for (nr = 0; nr < XPRIVCMD_NR_HYPERCALLS; nr++) {
		const struct xprivcmd_op *s = xprivcmd_schema_op(nr);
		char prefixed[80];

		if (!s)
			continue;
		op = ~0ULL;
		EXPECT_EQ(0, hcall_parse_op(s->name, &op, err, sizeof(err)));
		EXPECT_EQ(nr, op);
		snprintf(prefixed, sizeof(prefixed), "__HYPERVISOR_%s", s->name);
		EXPECT_EQ(0, hcall_parse_op(prefixed, &op, err, sizeof(err)));
		EXPECT_EQ(nr, op);
	}
	EXPECT_EQ(0, hcall_parse_op("xen_version", &op, err, sizeof(err)));
	EXPECT_EQ(__HYPERVISOR_xen_version, op);
	EXPECT_EQ(0, hcall_parse_op("__HYPERVISOR_sysctl", &op, err, sizeof(err)));
	EXPECT_EQ(__HYPERVISOR_sysctl, op);
	EXPECT_EQ(0, hcall_parse_op("mca", &op, err, sizeof(err)));
	EXPECT_EQ(__HYPERVISOR_arch_0, op);
}

TEST(op_numbers_any_value)
{
	uint64_t op;

	EXPECT_EQ(0, hcall_parse_op("63", &op, err, sizeof(err)));
	EXPECT_EQ(63, op);
	EXPECT_EQ(0, hcall_parse_op("0x80", &op, err, sizeof(err)));
	EXPECT_EQ(128, op);
	EXPECT_EQ(0, hcall_parse_op("-1", &op, err, sizeof(err)));
	EXPECT_EQ(UINT64_MAX, op);
}

TEST(unknown_op_names_refused)
{
	static const char * const bad[] = {
		"nosuch", "XEN_VERSION", "xen_version ", "__HYPERVISOR_", "unknown",
		"__HYPERVISOR_nosuch", "17x", "",
	};
	unsigned int i;
	uint64_t op;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		err[0] = '\0';
		EXPECT_EQ(-1, hcall_parse_op(bad[i], &op, err, sizeof(err)))
			TH_LOG("'%s' accepted", bad[i]);
		EXPECT_NE('\0', err[0]);
	}
	hcall_parse_op("nosuch", &op, err, sizeof(err));
	EXPECT_NE(NULL, strstr(err, "hcall list"));
}

static int arg(const char *s, struct hcall_arg *a)
{
	err[0] = '\0';
	return hcall_parse_arg(s, a, err, sizeof(err));
}

TEST(int_and_named_args)
{
	struct hcall_arg a;

	ASSERT_EQ(0, arg("0x7f", &a));
	EXPECT_EQ(HCALL_ARG_INT, a.kind);
	EXPECT_EQ(0x7f, a.value);
	EXPECT_EQ(NULL, a.buf);
	ASSERT_EQ(0, arg("-2", &a));
	EXPECT_EQ((uint64_t)-2, a.value);
	ASSERT_EQ(0, arg("XENVER_extraversion", &a));
	EXPECT_EQ(HCALL_ARG_INT, a.kind);
	EXPECT_EQ(XENVER_extraversion, a.value);
	ASSERT_EQ(0, arg("CONSOLEIO_read", &a));
	EXPECT_EQ(CONSOLEIO_read, a.value);
	EXPECT_EQ(-1, arg("XENVER_nosuch", &a));
}

TEST(named_constants_match_xen_headers)
{
	EXPECT_STREQ("XENVER_version", hcall_const_name(__HYPERVISOR_xen_version, XENVER_version));
	EXPECT_STREQ("XENVER_build_id",
		     hcall_const_name(__HYPERVISOR_xen_version, XENVER_build_id));
	EXPECT_STREQ("CONSOLEIO_write", hcall_const_name(__HYPERVISOR_console_io, CONSOLEIO_write));
	EXPECT_EQ(NULL, hcall_const_name(__HYPERVISOR_sysctl, 0));
	EXPECT_EQ(NULL, hcall_const_name(__HYPERVISOR_xen_version, 999));
}

TEST(str_buffers)
{
	struct hcall_arg a;

	ASSERT_EQ(0, arg("str:hello", &a));
	EXPECT_EQ(HCALL_ARG_STR, a.kind);
	EXPECT_EQ(6, a.len);
	EXPECT_EQ(0, memcmp(a.buf, "hello", 6));
	EXPECT_EQ(0, memcmp(a.orig, "hello", 6));
	hcall_arg_free(&a);
	ASSERT_EQ(0, arg("str:", &a));
	EXPECT_EQ(1, a.len);
	EXPECT_EQ(0, a.buf[0]);
	hcall_arg_free(&a);
	ASSERT_EQ(0, arg("str:a:b hex:", &a));
	EXPECT_STREQ("a:b hex:", (char *)a.buf);
	hcall_arg_free(&a);
}

TEST(hex_buffers)
{
	struct hcall_arg a;

	ASSERT_EQ(0, arg("hex:DEADbeef00", &a));
	EXPECT_EQ(HCALL_ARG_HEX, a.kind);
	ASSERT_EQ(5, a.len);
	EXPECT_EQ(0, memcmp(a.buf, "\xde\xad\xbe\xef\x00", 5));
	hcall_arg_free(&a);
	EXPECT_EQ(-1, arg("hex:", &a));
	EXPECT_EQ(-1, arg("hex:abc", &a));
	EXPECT_EQ(-1, arg("hex:zz", &a));
	EXPECT_NE(NULL, strstr(err, "'z' is not a hex digit"));
	EXPECT_EQ(-1, arg("hex:0x00", &a));
	EXPECT_EQ(-1, arg("hex:00 11", &a));
}

TEST(out_buffers)
{
	struct hcall_arg a;
	size_t i;

	ASSERT_EQ(0, arg("out:64", &a));
	EXPECT_EQ(HCALL_ARG_OUT, a.kind);
	ASSERT_EQ(64, a.len);
	for (i = 0; i < a.len; i++)
		EXPECT_EQ(0, a.buf[i]);
	hcall_arg_free(&a);
	ASSERT_EQ(0, arg("out:0x10", &a));
	EXPECT_EQ(16, a.len);
	hcall_arg_free(&a);
	EXPECT_EQ(-1, arg("out:", &a));
	EXPECT_EQ(-1, arg("out:x", &a));
	EXPECT_EQ(-1, arg("out:0", &a));
	EXPECT_EQ(-1, arg("out:-1", &a));
	EXPECT_EQ(-1, arg("out:12 ", &a));
}

TEST(unknown_forms_refused)
{
	struct hcall_arg a;

	EXPECT_EQ(-1, arg("foo:1", &a));
	EXPECT_NE(NULL, strstr(err, "'foo:'"));
	EXPECT_EQ(-1, arg("Str:x", &a));
	EXPECT_EQ(-1, arg(":1", &a));
	EXPECT_EQ(-1, arg("", &a));
}

/* HCALL_MAX_BUF is the documented limit: exactly it works, one more fails. */
TEST(buffer_size_limit)
{
	char *s = malloc(2 * HCALL_MAX_BUF + 16);
	struct hcall_arg a;
	char n[32];

	ASSERT_NE(NULL, s);
	EXPECT_EQ(65536, HCALL_MAX_BUF);

	snprintf(n, sizeof(n), "out:%d", HCALL_MAX_BUF);
	ASSERT_EQ(0, arg(n, &a));
	hcall_arg_free(&a);
	snprintf(n, sizeof(n), "out:%d", HCALL_MAX_BUF + 1);
	EXPECT_EQ(-1, arg(n, &a));
	EXPECT_NE(NULL, strstr(err, "65536"));

	/* str: counts its NUL. */
	memcpy(s, "str:", 4);
	memset(s + 4, 'a', HCALL_MAX_BUF - 1);
	s[4 + HCALL_MAX_BUF - 1] = '\0';
	ASSERT_EQ(0, arg(s, &a));
	EXPECT_EQ(HCALL_MAX_BUF, a.len);
	hcall_arg_free(&a);
	strcat(s, "a");
	EXPECT_EQ(-1, arg(s, &a));
	EXPECT_NE(NULL, strstr(err, "over the limit of 65536"));

	memcpy(s, "hex:", 4);
	memset(s + 4, 'f', 2 * HCALL_MAX_BUF);
	s[4 + 2 * HCALL_MAX_BUF] = '\0';
	ASSERT_EQ(0, arg(s, &a));
	EXPECT_EQ(HCALL_MAX_BUF, a.len);
	hcall_arg_free(&a);
	strcat(s, "ff");
	EXPECT_EQ(-1, arg(s, &a));
	EXPECT_NE(NULL, strstr(err, "over the limit of 65536"));
	free(s);
}

static int stats(const char *text, struct hcall_stats *st)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	int ret;

	if (!f)
		return -2;
	err[0] = '\0';
	ret = hcall_parse_stats(f, st, err, sizeof(err));
	fclose(f);
	return ret;
}

TEST(stats_parsed)
{
	static struct hcall_stats st;

	ASSERT_EQ(0, stats("17 xen_version issued 25 failed 0 rejected 4\n"
			   "63 unknown issued 3 failed 3 rejected 0\n"
			   "out-of-range rejected 7\n"
			   "reason 1 2 NULL buffer\n"
			   "reason 3 5 buffer is not in user space\n"
			   "errno 38 3\n"
			   "errno 135+ 1\n", &st)) TH_LOG("%s", err);
	ASSERT_EQ(2, st.nr_errnos);
	EXPECT_EQ(38, st.errnos[0].err);
	EXPECT_EQ(3, st.errnos[0].count);
	EXPECT_FALSE(st.errnos[0].plus);
	EXPECT_EQ(135, st.errnos[1].err);
	EXPECT_TRUE(st.errnos[1].plus);
	ASSERT_EQ(2, st.nr_ops);
	EXPECT_EQ(17, st.ops[0].nr);
	EXPECT_STREQ("xen_version", st.ops[0].name);
	EXPECT_EQ(25, st.ops[0].issued);
	EXPECT_EQ(0, st.ops[0].failed);
	EXPECT_EQ(4, st.ops[0].rejected);
	EXPECT_EQ(3, st.ops[1].failed);
	EXPECT_EQ(7, st.out_of_range);
	ASSERT_EQ(2, st.nr_reasons);
	EXPECT_EQ(3, st.reasons[1].reason);
	EXPECT_EQ(5, st.reasons[1].count);
	EXPECT_STREQ("buffer is not in user space", st.reasons[1].text);
	EXPECT_EQ(0, stats("", &st));
	EXPECT_EQ(0, st.nr_ops);
}

TEST(stats_unknown_lines_are_errors)
{
	static struct hcall_stats st;

	EXPECT_EQ(-1, stats("17 xen_version issued 25 failed 0\n", &st));
	EXPECT_NE(NULL, strstr(err, "line 1"));
	EXPECT_EQ(-1, stats("out-of-range rejected 7\nsomething new 1\n", &st));
	EXPECT_NE(NULL, strstr(err, "line 2"));
	EXPECT_EQ(-1, stats("17 xen_version issued x failed 0 rejected 0\n", &st));
	EXPECT_EQ(-1, stats("out-of-range rejected 7 extra\n", &st));
}

static const char *explained(const struct hcall_failure *f)
{
	static char buf[512];

	hcall_explain(f, buf, sizeof(buf));
	return buf;
}

TEST(explanations)
{
	struct hcall_failure f = { .err = 38, .op = 63, .have_last = true };
	char small[8] = "x";

	EXPECT_NE(NULL, strstr(explained(&f), "no handler for hypercall 63: are"));
	EXPECT_NE(NULL, strstr(explained(&f), "are you booted into the Xen you built?"));
	EXPECT_STREQ("xen", hcall_refused_by(&f));
	EXPECT_STREQ("ENOSYS", hcall_errno_name(f.err));
	f.op = 17;
	EXPECT_NE(NULL, strstr(explained(&f),
			       "hypercall 17 (xen_version), or not for this sub-command: are"));
	f.op = 35;
	EXPECT_NE(NULL, strstr(explained(&f), "hypercall 35 (sysctl): are"));

	f.err = 14;
	f.op = 17;
	f.by_driver = true;
	f.last.arg = 1;
	f.last.entry = XPRIVCMD_ARG_NONE;
	f.last.value = 0xffffffff82bfb000ULL;
	f.last.reason = XPRIVCMD_REASON_KERNEL_PTR;
	EXPECT_STREQ("refused by xprivcmd before Xen saw it: arg1 (0xffffffff82bfb000) is not in user space (or the buffer's length runs past it)",
		     explained(&f));
	EXPECT_STREQ("xprivcmd", hcall_refused_by(&f));
	EXPECT_STREQ("kernel_ptr", hcall_reason_id(f.last.reason));

	f.err = 22;
	f.op = 128;
	f.last.arg = XPRIVCMD_ARG_NONE;
	f.last.reason = XPRIVCMD_REASON_OP_RANGE;
	EXPECT_NE(NULL, strstr(explained(&f), "128 or more"));
	EXPECT_EQ(NULL, strstr(explained(&f), "arg"));

	/* A refused multicall names the entry. */
	f.err = 22;
	f.op = __HYPERVISOR_multicall;
	f.last.op = 13;
	f.last.entry = 2;
	f.last.reason = XPRIVCMD_REASON_NESTED_MULTICALL;
	EXPECT_STREQ("refused by xprivcmd before Xen saw it: multicall entry 2 (hypercall 13): a multicall entry is itself a multicall",
		     explained(&f));
	f.op = 128;
	f.last.entry = XPRIVCMD_ARG_NONE;
	f.last.reason = XPRIVCMD_REASON_POLICY;
	EXPECT_NE(NULL, strstr(explained(&f), "policy"));

	f.last.reason = 99;
	EXPECT_NE(NULL, strstr(explained(&f), "newer module"));
	EXPECT_STREQ("unknown", hcall_reason_id(99));

	/* A driver without the last-error ioctl cannot tell who refused. */
	memset(&f, 0, sizeof(f));
	f.err = 14;
	EXPECT_STREQ("unknown", hcall_refused_by(&f));
	EXPECT_NE(NULL, strstr(explained(&f), "cannot say which"));
	f.err = 13;
	EXPECT_NE(NULL, strstr(explained(&f), "XSM"));
	f.err = 1;
	EXPECT_NE(NULL, strstr(explained(&f), "not permitted"));
	f.err = 12;
	EXPECT_EQ(0, hcall_explain(&f, small, sizeof(small)));
	EXPECT_STREQ("", small);
}

static char *json_of(const void *s, size_t len)
{
	static char out[256];
	FILE *f = fmemopen(out, sizeof(out), "w");

	json_mem(f, s, len);
	fclose(f);
	return out;
}

TEST(json_strings_escaped)
{
	EXPECT_STREQ("\"plain\"", json_of("plain", 5));
	EXPECT_STREQ("\"q\\\" b\\\\ n\\n t\\t r\\r\"", json_of("q\" b\\ n\n t\t r\r", 14));
	EXPECT_STREQ("\"\\u0000\\u0001\\u001f\\u007f\\u0080\\u00ff\"",
		     json_of("\x00\x01\x1f\x7f\x80\xff", 6));
	EXPECT_STREQ("\"/\"", json_of("/", 1));
}

/* hcall.1's EXIT STATUS must say what --help says, code by code. */
TEST(man_page_exit_codes_match)
{
	FILE *f = fopen(HCALL_MAN, "r");
	char line[512], prev[512] = "", want[32];
	unsigned int i, found = 0, documented = 0;
	bool in_section = false;

	ASSERT_NE(NULL, f) TH_LOG("%s", HCALL_MAN);
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (!strncmp(line, ".SH", 3))
			in_section = !strcmp(line, ".SH \"EXIT STATUS\"") ||
				     !strcmp(line, ".SH EXIT STATUS");
		if (in_section && !strncmp(prev, ".B ", 3)) {
			documented++;
			for (i = 0; i < hcall_nr_exit_codes; i++) {
				snprintf(want, sizeof(want), ".B %d", hcall_exit_codes[i].code);
				if (!strcmp(prev, want)) {
					EXPECT_STREQ(hcall_exit_codes[i].meaning, line);
					found++;
				}
			}
		}
		strcpy(prev, line);
	}
	fclose(f);
	EXPECT_EQ(hcall_nr_exit_codes, found);
	EXPECT_EQ(hcall_nr_exit_codes, documented);
}

TEST_HARNESS_MAIN
