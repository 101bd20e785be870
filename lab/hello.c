// SPDX-License-Identifier: GPL-2.0-only
/*
 * hello: call the lab's hello hypercall (lab/hello.patch) from C.
 *
 *	hello NAME            say hello to NAME through /dev/xen/privcmd
 *	hello --bad-cast NAME the same call with (__u64)(long)name, to see why
 *	                      the cast must go through uintptr_t
 *
 * Exit status 0 when Xen answered with NAME's length; 1 otherwise, after
 * printing the errno (and, from xprivcmd, why it refused the call).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <xen/xprivcmd.h>

/* Not in any installed header: the number the patch gives hello. */
#define HYPERCALL_HELLO 43

int main(int argc, char **argv)
{
	struct xprivcmd_last_error last = { 0 };
	struct privcmd_hypercall call = { .op = HYPERCALL_HELLO };
	int bad_cast = argc == 3 && !strcmp(argv[1], "--bad-cast");
	const char *name = argv[argc - 1];
	long ret;
	int fd;

	if (argc != 2 && !bad_cast) {
		fprintf(stderr, "usage: hello [--bad-cast] NAME\n");
		return 2;
	}
	fd = open("/dev/xen/privcmd", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		perror("/dev/xen/privcmd");
		return 1;
	}

	/*
	 * The argument is a __u64 whatever the program's word size.
	 * uintptr_t is unsigned, so a 32-bit address is zero-extended; a
	 * cast through a signed type sign-extends 0xffffd000 (a 32-bit
	 * program's stack) into 0xffffffffffffd000, a kernel address.
	 */
	if (bad_cast)
		call.arg[0] = (__u64)(long)name;
	else
		call.arg[0] = (__u64)(uintptr_t)name;
	call.arg[1] = strlen(name);

	ret = ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &call);
	if (ret < 0) {
		int err = errno;

		printf("hello(%#llx, %llu) failed: %s\n",
		       (unsigned long long)call.arg[0],
		       (unsigned long long)call.arg[1], strerror(err));
		/* Only xprivcmd records its refusals; Xen's errors are Xen's. */
		if (!ioctl(fd, XPRIVCMD_IOCTL_LAST_ERROR, &last) && last.seq &&
		    last.op == HYPERCALL_HELLO && last.err == err)
			printf("refused by xprivcmd (reason %u, arg%u), Xen was not called\n",
			       last.reason, last.arg);
		close(fd);
		return 1;
	}
	printf("hello(%#llx, %llu) = %ld\n", (unsigned long long)call.arg[0],
	       (unsigned long long)call.arg[1], ret);
	close(fd);
	return ret == (long)call.arg[1] ? 0 : 1;
}
