// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hypercalls Xen's headers do not define, declared through the user_ops
 * parameter: their pointer arguments are checked like Xen's own.  The
 * stock hypervisor has no handler for them, so what reaches Xen comes back
 * as Xen's ENOSYS, which is how the tests tell "issued" from "refused".
 */
#include <sys/utsname.h>

#include "xprivcmd_utils.h"
#include "kselftest_harness.h"

#define HELLO		43

FIXTURE(uop) {
	int fd;
	char saved[4096];
	char policy[4096];
};

FIXTURE_SETUP(uop)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	self->saved[0] = '\0';
	xpc_read_line(XPC_PARAM("user_ops"), self->saved, sizeof(self->saved));
	ASSERT_EQ(0, xpc_read_line(XPC_PARAM("policy"), self->policy, sizeof(self->policy)));
	ASSERT_EQ(0, xpc_write_file(XPC_PARAM("user_ops"), "hello=43:arg0=in*arg1"));
}

FIXTURE_TEARDOWN(uop)
{
	xpc_write_file(XPC_PARAM("user_ops"), self->saved[0] ? self->saved : " ");
	xpc_write_file(XPC_PARAM("policy"), self->policy);
	close(self->fd);
}

TEST_F(uop, declaration_reads_back)
{
	char now[256];

	ASSERT_EQ(0, xpc_read_line(XPC_PARAM("user_ops"), now, sizeof(now)));
	EXPECT_STREQ("hello=43:arg0=in*arg1", now);
}

TEST_F(uop, valid_buffer_reaches_xen)
{
	static const char msg[] = "world";
	long long issued = xpc_stat(HELLO, "issued");

	EXPECT_ERRNO(ENOSYS, xpc_hypercall(self->fd, HELLO, xpc_ptr(msg), sizeof(msg),
					   0, 0, 0));
	EXPECT_EQ(issued + 1, xpc_stat(HELLO, "issued"));
}

TEST_F(uop, kernel_buffer_refused_before_xen)
{
	__u64 uts = xpc_kernel_addr("init_uts_ns");
	struct utsname u;

	ASSERT_NE(0, uts);
	EXPECT_HYPERCALL_REFUSED(self->fd, XPRIVCMD_REASON_KERNEL_PTR, 0, uts,
				 HELLO, uts, 16, 0, 0);
	ASSERT_EQ(0, uname(&u));
	EXPECT_STREQ("Linux", u.sysname);
}

TEST_F(uop, null_and_unmapped_refused)
{
	EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_NULL_PTR,
		       xpc_hypercall(self->fd, HELLO, 0, 6, 0, 0, 0));
	EXPECT_REFUSED(self->fd, XPRIVCMD_REASON_UNMAPPED,
		       xpc_hypercall(self->fd, HELLO, 0x1000, 6, 0, 0, 0));
}

/*
 * Undeclared, an op is not modelled: refused before Xen sees it (fail
 * closed), unless the policy says "unmodelled", which passes it through
 * unchecked, as the in-tree driver does.
 */
TEST_F(uop, undeclared_op_refused_unless_unmodelled)
{
	__u64 uts = xpc_kernel_addr("init_uts_ns");
	long long issued = xpc_stat(HELLO, "issued");
	struct utsname u;

	ASSERT_NE(0, uts);
	ASSERT_EQ(0, xpc_write_file(XPC_PARAM("user_ops"), " "));
	EXPECT_HYPERCALL_REFUSED(self->fd, XPRIVCMD_REASON_UNMODELLED, XPRIVCMD_ARG_NONE, 0,
				 HELLO, uts, 16, 0, 0);
	ASSERT_EQ(0, uname(&u));
	EXPECT_STREQ("Linux", u.sysname);

	ASSERT_EQ(0, xpc_write_file(XPC_PARAM("policy"), "unmodelled"));
	EXPECT_ERRNO(ENOSYS, xpc_hypercall(self->fd, HELLO, uts, 16, 0, 0, 0));
	EXPECT_EQ(issued + 1, xpc_stat(HELLO, "issued"));
}

TEST_F(uop, bad_declarations_refused)
{
	char now[256];

	EXPECT_NE(0, xpc_write_file(XPC_PARAM("user_ops"), "mine=17"));
	EXPECT_NE(0, xpc_write_file(XPC_PARAM("user_ops"), "mine=64"));
	EXPECT_NE(0, xpc_write_file(XPC_PARAM("user_ops"), "mine=44:arg0=sideways4"));
	ASSERT_EQ(0, xpc_read_line(XPC_PARAM("user_ops"), now, sizeof(now)));
	EXPECT_STREQ("hello=43:arg0=in*arg1", now);
}

/* Strict policies deny what they do not name, declared or not. */
TEST_F(uop, strict_policy_needs_explicit_allow)
{
	static const char msg[] = "world";

	ASSERT_EQ(0, xpc_write_file(XPC_PARAM("policy"), "strict"));
	EXPECT_ERRNO(EACCES, xpc_hypercall(self->fd, HELLO, xpc_ptr(msg), sizeof(msg),
					   0, 0, 0));
	ASSERT_EQ(0, xpc_write_file(XPC_PARAM("policy"), "strict +43"));
	EXPECT_ERRNO(ENOSYS, xpc_hypercall(self->fd, HELLO, xpc_ptr(msg), sizeof(msg),
					   0, 0, 0));
}

TEST_HARNESS_MAIN
