// SPDX-License-Identifier: GPL-2.0-only
/* module/policy_rules.c: the policy language and its set operations. */
#include <errno.h>
#include <string.h>

#include "policy.h"
#include "kselftest_harness.h"

static struct xprivcmd_policy parsed(struct __test_metadata *_metadata,
				     const char *text)
{
	struct xprivcmd_policy p;

	xprivcmd_policy_fill(&p, true);
	p.unmodelled = false;
	EXPECT_EQ(0, xprivcmd_policy_parse(&p, text)) TH_LOG("'%s'", text);
	return p;
}

static bool same(const struct xprivcmd_policy *a, const struct xprivcmd_policy *b)
{
	unsigned int op, sub;

	for (op = 0; op < XPRIVCMD_POLICY_OPS; op++)
		for (sub = 0; sub <= XPRIVCMD_POLICY_SUBOPS; sub++)
			if (xprivcmd_policy_allows(a, op, sub) !=
			    xprivcmd_policy_allows(b, op, sub))
				return false;
	return a->unmodelled == b->unmodelled;
}

TEST(default_allows_everything)
{
	struct xprivcmd_policy p = parsed(_metadata, "");

	EXPECT_TRUE(xprivcmd_policy_allows(&p, 36, 5));
	EXPECT_TRUE(xprivcmd_policy_allows(&p, 127, 1000));
	EXPECT_FALSE(xprivcmd_policy_allows(&p, 128, 0));
	EXPECT_TRUE(xprivcmd_policy_allows_all_subops(&p, 35));
}

TEST(rules_by_name_number_and_subop)
{
	struct xprivcmd_policy p = parsed(_metadata, "none +xen_version +35:1 , +63");

	EXPECT_TRUE(xprivcmd_policy_allows(&p, 17, 0));
	EXPECT_TRUE(xprivcmd_policy_allows(&p, 17, 9));
	EXPECT_TRUE(xprivcmd_policy_allows(&p, 35, 1));
	EXPECT_FALSE(xprivcmd_policy_allows(&p, 35, 3));
	EXPECT_FALSE(xprivcmd_policy_allows_all_subops(&p, 35));
	EXPECT_TRUE(xprivcmd_policy_allows(&p, 63, 0));
	EXPECT_FALSE(xprivcmd_policy_allows(&p, 36, 0));
}

TEST(high_subops_share_one_bit)
{
	struct xprivcmd_policy p = parsed(_metadata, "-domctl:200");

	EXPECT_FALSE(xprivcmd_policy_allows(&p, 36, 128));
	EXPECT_FALSE(xprivcmd_policy_allows(&p, 36, 4096));
	EXPECT_TRUE(xprivcmd_policy_allows(&p, 36, 127));
}

TEST(intersection_never_widens)
{
	struct xprivcmd_policy a = parsed(_metadata, "-domctl unmodelled");
	struct xprivcmd_policy b = parsed(_metadata, "none +domctl +sysctl:1");

	xprivcmd_policy_intersect(&a, &b);
	EXPECT_FALSE(xprivcmd_policy_allows(&a, 36, 0));
	EXPECT_TRUE(xprivcmd_policy_allows(&a, 35, 1));
	EXPECT_FALSE(xprivcmd_policy_allows(&a, 35, 2));
	EXPECT_FALSE(xprivcmd_policy_allows(&a, 17, 0));
	/* b refuses what is not modelled, so the intersection does too. */
	EXPECT_FALSE(a.unmodelled);
}

TEST(unmodelled_is_opt_in)
{
	struct xprivcmd_policy p = parsed(_metadata, "");

	EXPECT_FALSE(p.unmodelled);
	p = parsed(_metadata, "compat");
	EXPECT_TRUE(p.unmodelled);
	EXPECT_TRUE(xprivcmd_policy_allows_all_subops(&p, 36));
	p = parsed(_metadata, "compat -unmodelled");
	EXPECT_FALSE(p.unmodelled);
	p = parsed(_metadata, "unmodelled known-interfaces");
	EXPECT_FALSE(p.unmodelled);
	p = parsed(_metadata, "unmodelled none");
	EXPECT_FALSE(p.unmodelled);
}

TEST(strict_preset)
{
	struct xprivcmd_policy p = parsed(_metadata, "strict");

	EXPECT_FALSE(p.unmodelled);
	EXPECT_TRUE(xprivcmd_policy_allows(&p, 17, 1));
	EXPECT_TRUE(xprivcmd_policy_allows(&p, 18, 0));
	EXPECT_FALSE(xprivcmd_policy_allows(&p, 18, 1));
	EXPECT_TRUE(xprivcmd_policy_allows(&p, 35, 3));
	EXPECT_FALSE(xprivcmd_policy_allows(&p, 36, 5));
	EXPECT_FALSE(xprivcmd_policy_allows(&p, 12, 0));
}

TEST(malformed_words_refused)
{
	static const struct { const char *text; int err; } bad[] = {
		{ "allow", -EINVAL }, { "+", -EINVAL }, { "domctl", -EINVAL },
		{ "+nosuchop", -ENOENT }, { "+128", -ERANGE },
		{ "+domctl:x", -EINVAL }, { "+domctl:", -EINVAL },
		{ "-sysctl:99999999999999999999", -EINVAL },
	};
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct xprivcmd_policy p;

		xprivcmd_policy_fill(&p, true);
		EXPECT_EQ(bad[i].err, xprivcmd_policy_parse(&p, bad[i].text))
			TH_LOG("'%s'", bad[i].text);
	}
}

TEST(format_round_trips)
{
	static const char * const texts[] = {
		"", "-domctl", "strict", "none +xen_version", "compat",
		"-sysctl:1 -sysctl:200 -memory_op:4", "none +63:5 +domctl:128",
		"-update_va_mapping_otherdomain",
	};
	unsigned int i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct xprivcmd_policy p = parsed(_metadata, texts[i]), q;
		char buf[4096];

		ASSERT_LT(0, xprivcmd_policy_format(&p, buf, sizeof(buf)));
		q = parsed(_metadata, buf);
		EXPECT_TRUE(same(&p, &q)) TH_LOG("'%s' -> '%s'", texts[i], buf);
	}
}

TEST(format_is_readable)
{
	struct xprivcmd_policy p = parsed(_metadata, "-console_io:0");
	char buf[256];

	ASSERT_LT(0, xprivcmd_policy_format(&p, buf, sizeof(buf)));
	EXPECT_STREQ("all -console_io:0", buf);
	p = parsed(_metadata, "");
	ASSERT_LT(0, xprivcmd_policy_format(&p, buf, sizeof(buf)));
	EXPECT_STREQ("all", buf);
	EXPECT_EQ(-ENOSPC, xprivcmd_policy_format(&p, buf, 2));
}

TEST_HARNESS_MAIN
