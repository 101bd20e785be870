/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers shared by the xprivcmd selftests: issuing hypercalls through the
 * device, reading the module's counters and Xen's console ring.
 */
#ifndef XPRIVCMD_UTILS_H
#define XPRIVCMD_UTILS_H

#define __XEN_TOOLS__ 1

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <xen/xen.h>
#include <xen/features.h>
#include <xen/version.h>
#include <xen/sysctl.h>

#include <xen/xprivcmd.h>

/* The refusal reasons' errno and text, as the module has them. */
#include "reasons.h"

#define XPC_STATS	"/sys/kernel/debug/xprivcmd/stats"
#define XPC_PARAM(name)	"/sys/module/xprivcmd/parameters/" name

/*
 * Xen's answer to a dm_op on a domain that does not exist.  Xen on Arm has
 * dm_op only with its experimental IOREQ server, which Debian's build
 * leaves out: there every dm_op gets Xen's own ENOSYS.
 */
#ifdef __aarch64__
#define XPC_DM_OP_NO_DOMAIN ENOSYS
#else
#define XPC_DM_OP_NO_DOMAIN ESRCH
#endif

static inline const char *xpc_device(void)
{
	const char *dev = getenv("XPRIVCMD_DEVICE");

	return dev ? dev : "/dev/xen/privcmd";
}

static inline __u64 xpc_ptr(const void *p)
{
	return (__u64)(uintptr_t)p;
}

/* Returns the ioctl's result: the hypercall's, or -1 with errno set. */
static inline long xpc_hypercall(int fd, __u64 op, __u64 a0, __u64 a1,
				 __u64 a2, __u64 a3, __u64 a4)
{
	struct privcmd_hypercall h = {
		.op = op,
		.arg = { a0, a1, a2, a3, a4 },
	};

	return ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &h);
}

/* The fd's last refusal, or a zeroed record if the ioctl fails. */
static inline struct xprivcmd_last_error xpc_last_error(int fd)
{
	struct xprivcmd_last_error last;

	memset(&last, 0, sizeof(last));
	if (ioctl(fd, XPRIVCMD_IOCTL_LAST_ERROR, &last))
		memset(&last, 0, sizeof(last));
	return last;
}

/*
 * Counters for @op from the module's debugfs file; -1 when the file or the
 * field is missing, 0 when the op has not been seen yet.
 */
static inline long long xpc_stat(unsigned int op, const char *field)
{
	char line[256], name[64], f1[16], f2[16], f3[16];
	unsigned long long v1, v2, v3;
	long long val = 0;
	unsigned int nr;
	FILE *f = fopen(XPC_STATS, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%u %63s %15s %llu %15s %llu %15s %llu", &nr,
			   name, f1, &v1, f2, &v2, f3, &v3) != 8 || nr != op)
			continue;
		if (!strcmp(field, f1))
			val = v1;
		else if (!strcmp(field, f2))
			val = v2;
		else if (!strcmp(field, f3))
			val = v3;
		else
			val = -1;
	}
	fclose(f);
	return val;
}

static inline long long xpc_stat_line(const char *prefix)
{
	char line[256];
	long long val = -1;
	size_t n = strlen(prefix);
	FILE *f = fopen(XPC_STATS, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, prefix, n))
			val = strtoll(line + n, NULL, 10);
	fclose(f);
	return val;
}

/*
 * Reads Xen's whole console ring with XEN_SYSCTL_readconsole through the
 * device, in incremental chunks so that any ring size fits.  Returns a
 * malloc()ed NUL-terminated string, or NULL with errno set.
 */
static inline char *xpc_read_console_ring(int fd)
{
	size_t chunk = 16384, len = 0, cap = 0;
	char *ring = NULL, *buf;
	struct xen_sysctl sc;
	__u32 index = 0;

	buf = calloc(1, chunk);
	if (!buf)
		return NULL;
	for (;;) {
		char *bigger;

		memset(&sc, 0, sizeof(sc));
		sc.cmd = XEN_SYSCTL_readconsole;
		sc.interface_version = XEN_SYSCTL_INTERFACE_VERSION;
		sc.u.readconsole.incremental = 1;
		sc.u.readconsole.index = index;
		sc.u.readconsole.count = chunk;
		set_xen_guest_handle(sc.u.readconsole.buffer, buf);
		if (xpc_hypercall(fd, __HYPERVISOR_sysctl, xpc_ptr(&sc),
				  0, 0, 0, 0) < 0)
			goto fail;
		if (!sc.u.readconsole.count)
			break;
		if (len + sc.u.readconsole.count + 1 > cap) {
			cap = 2 * (len + sc.u.readconsole.count + 1);
			bigger = realloc(ring, cap);
			if (!bigger)
				goto fail;
			ring = bigger;
		}
		memcpy(ring + len, buf, sc.u.readconsole.count);
		len += sc.u.readconsole.count;
		index = sc.u.readconsole.index;
	}
	free(buf);
	if (!ring)
		ring = calloc(1, 1);
	else
		ring[len] = '\0';
	return ring;
fail:
	free(buf);
	free(ring);
	return NULL;
}

/* Writes @text to a sysfs or tracefs file; 0, or -1 with errno set. */
static inline int xpc_write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_TRUNC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* First line of a sysfs file, without its newline. */
static inline int xpc_read_line(const char *path, char *out, size_t size)
{
	FILE *f = fopen(path, "r");
	char *ok;

	if (!f)
		return -1;
	ok = fgets(out, size, f);
	fclose(f);
	if (!ok)
		return -1;
	out[strcspn(out, "\n")] = '\0';
	return 0;
}

/*
 * Symbols already looked up, in a page shared by every process the program
 * forks.  /proc/kallsyms has over 100000 lines on Debian's kernels and takes
 * about half a second to read under software emulation, and the harness
 * forks a process for each test and variant: handles_gen alone would read
 * it 130 times.  The page is mapped before the harness forks (constructor);
 * the harness runs one test process at a time, and a slot is published only
 * once filled, so a reader never sees half an entry.
 */
#define XPC_KSYM_SLOTS	32

struct xpc_ksym {
	char name[56];
	__u64 addr;	/* 0: not in /proc/kallsyms */
	int ready;
};

static struct xpc_ksym *xpc_ksyms;

static void __attribute__((constructor)) xpc_ksyms_init(void)
{
	void *p = mmap(NULL, XPC_KSYM_SLOTS * sizeof(struct xpc_ksym),
		       PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	xpc_ksyms = p == MAP_FAILED ? NULL : p;
}

/* The address in /proc/kallsyms itself, 0 if not found. */
static inline __u64 xpc_kallsyms_read(const char *sym)
{
	char line[512], *type, *name;
	__u64 found = 0;
	FILE *f = fopen("/proc/kallsyms", "r");

	if (!f)
		return 0;
	/* "ADDRESS TYPE NAME[\t[MODULE]]": no sscanf, a line is cheap. */
	while (fgets(line, sizeof(line), f)) {
		type = strchr(line, ' ');
		if (!type || type[1] == '\0' || type[2] != ' ')
			continue;
		name = type + 3;
		name[strcspn(name, " \t\n")] = '\0';
		if (!strcmp(name, sym)) {
			found = strtoull(line, NULL, 16);
			break;
		}
	}
	fclose(f);
	return found;
}

/* Address of a kernel symbol from /proc/kallsyms, 0 if not found. */
static inline __u64 xpc_kallsyms(const char *sym)
{
	struct xpc_ksym *k;
	__u64 addr;
	int i;

	for (i = 0; xpc_ksyms && i < XPC_KSYM_SLOTS; i++) {
		k = &xpc_ksyms[i];
		if (!__atomic_load_n(&k->ready, __ATOMIC_ACQUIRE))
			break;
		if (!strcmp(k->name, sym))
			return k->addr;
	}
	addr = xpc_kallsyms_read(sym);
	if (xpc_ksyms && i < XPC_KSYM_SLOTS && strlen(sym) < sizeof(k->name)) {
		k = &xpc_ksyms[i];
		strcpy(k->name, sym);
		k->addr = addr;
		__atomic_store_n(&k->ready, 1, __ATOMIC_RELEASE);
	}
	return addr;
}

/*
 * A kernel address that Xen must never be given: data symbol @sym, which a
 * test can check is left untouched.  A kernel built without
 * CONFIG_KALLSYMS_ALL (Debian's arm64) lists only its code in
 * /proc/kallsyms; its first instruction stands in there, since xprivcmd
 * refuses by address range, not by what is at the address.
 */
static inline __u64 xpc_kernel_addr(const char *sym)
{
	__u64 addr = xpc_kallsyms(sym);

	return addr ? addr : xpc_kallsyms("_stext");
}

/* A Xen release as XENVER_version gives it: major in the upper half. */
#define XPC_XEN(_major, _minor)	((_major) << 16 | (_minor))

/* XENVER_version through @fd: XPC_XEN(major, minor), or -1. */
static inline long xpc_xen_version(int fd)
{
	return xpc_hypercall(fd, __HYPERVISOR_xen_version, XENVER_version, 0, 0, 0, 0);
}

/*
 * Whether Xen translates this guest's frame numbers (every Arm guest, HVM
 * and PVH), from XENVER_get_features through @fd.  The frames a PV guest
 * names are machine frames; a translated one has no machine-to-physical
 * table and no IOCTL_PRIVCMD_MMAP.
 */
static inline bool xpc_auto_translated(int fd)
{
	xen_feature_info_t fi = { .submap_idx = 0 };

	return !xpc_hypercall(fd, __HYPERVISOR_xen_version, XENVER_get_features,
			      xpc_ptr(&fi), 0, 0, 0) &&
	       (fi.submap & (1U << XENFEAT_auto_translated_physmap));
}

/*
 * The errno of a call that failed with -1, 0 for any other result, so that
 * EXPECT_ERRNO() also catches a call that unexpectedly succeeded.
 */
static inline int xpc_errno_of(long ret)
{
	return ret == -1 ? errno : 0;
}

/*
 * EXPECT_ERRNO(), ASSERT_ERRNO(): @_call fails with -1 and errno @_errno.
 * One harness check each, so a TH_LOG() may follow.  @_call must be the
 * call itself, not its saved result: errno is cleared before it runs.
 */
#define EXPECT_ERRNO(_errno, _call) \
	EXPECT_EQ(_errno, (errno = 0, xpc_errno_of(_call)))
#define ASSERT_ERRNO(_errno, _call) \
	ASSERT_EQ(_errno, (errno = 0, xpc_errno_of(_call)))

/* The errno xprivcmd fails a call with for @reason. */
static inline int xpc_reason_errno(unsigned int reason)
{
	return xprivcmd_reason(reason)->err;
}

/*
 * The module's refusal counters ("reason <nr> <count> <text>" in its
 * debugfs stats) into @n, indexed by reason; -1 for a reason whose line is
 * missing or whose text is not the one the reasons' table has for it.
 */
static inline void xpc_reason_counts(long long n[XPRIVCMD_NR_REASONS])
{
	char line[256];
	unsigned long long count;
	unsigned int r;
	int at;
	FILE *f = fopen(XPC_STATS, "r");

	for (r = 0; r < XPRIVCMD_NR_REASONS; r++)
		n[r] = -1;
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "reason %u %llu %n", &r, &count, &at) == 2 &&
		    r < XPRIVCMD_NR_REASONS && !strcmp(line + at, xprivcmd_reason(r)->log))
			n[r] = count;
	}
	fclose(f);
}

/*
 * EXPECT_REFUSED(): xprivcmd refused @_call on @_fd before Xen saw it, for
 * @_reason.  The call failed with -1 and the reason's errno (reasons.c, the
 * table the module answers from); the fd's record of refusals grew by
 * exactly one (Xen's own failures are not recorded), with that errno and
 * reason; and the module counted one refusal, for that reason and no other.
 * Its value is the fd's record, for a test to check where the fault was.
 *
 * EXPECT_REFUSED_EITHER(): the same, where two reasons are equally right.
 */
#define EXPECT_REFUSED_EITHER(_fd, _r1, _r2, _call) ({			\
	int _xpc_fd = (_fd);						\
	unsigned int _xpc_r1 = (_r1), _xpc_r2 = (_r2), _xpc_why;	\
	long long _xpc_was[XPRIVCMD_NR_REASONS], _xpc_now[XPRIVCMD_NR_REASONS]; \
	__u64 _xpc_seq = xpc_last_error(_xpc_fd).seq;			\
	struct xprivcmd_last_error _xpc_l;				\
	long _xpc_ret;							\
	int _xpc_err;							\
	xpc_reason_counts(_xpc_was);					\
	errno = 0;							\
	_xpc_ret = (_call);						\
	_xpc_err = errno;						\
	_xpc_l = xpc_last_error(_xpc_fd);				\
	xpc_reason_counts(_xpc_now);					\
	_xpc_why = _xpc_l.reason == _xpc_r2 ? _xpc_r2 : _xpc_r1;	\
	EXPECT_EQ(-1, _xpc_ret);					\
	EXPECT_EQ(xpc_reason_errno(_xpc_why), _xpc_err);		\
	EXPECT_EQ(_xpc_why, _xpc_l.reason)				\
		TH_LOG("reason %s, not %s", xprivcmd_reason(_xpc_l.reason)->id, \
		       xprivcmd_reason(_xpc_why)->id);			\
	EXPECT_EQ(_xpc_seq + 1, _xpc_l.seq);				\
	EXPECT_EQ(_xpc_err, _xpc_l.err);				\
	EXPECT_LE(0, _xpc_was[_xpc_why]);				\
	_xpc_now[_xpc_why]--;						\
	EXPECT_EQ(0, memcmp(_xpc_was, _xpc_now, sizeof(_xpc_was)));	\
	_xpc_l;								\
})
#define EXPECT_REFUSED(_fd, _reason, _call) \
	EXPECT_REFUSED_EITHER(_fd, _reason, _reason, _call)

/*
 * EXPECT_HYPERCALL_REFUSED(): EXPECT_REFUSED() for hypercall @_op with
 * arguments @_a0 to @_a3, argument @_arg blamed for holding @_value
 * (XPRIVCMD_ARG_NONE: none, @_value then what the refusal names).  Xen did
 * not see it: @_op's "issued" counter stands still, its "rejected" one
 * grows by one.
 */
#define EXPECT_HYPERCALL_REFUSED(_fd, _reason, _arg, _value, _op, _a0, _a1, _a2, _a3) do { \
	long long _xpc_issued = xpc_stat(_op, "issued");		\
	long long _xpc_rejected = xpc_stat(_op, "rejected");		\
	struct xprivcmd_last_error _xpc_h;				\
	ASSERT_LE(0, _xpc_issued);					\
	_xpc_h = EXPECT_REFUSED(_fd, _reason,				\
				xpc_hypercall(_fd, _op, _a0, _a1, _a2, _a3, 0)); \
	EXPECT_EQ(_xpc_issued, xpc_stat(_op, "issued"));		\
	EXPECT_EQ(_xpc_rejected + 1, xpc_stat(_op, "rejected"));	\
	EXPECT_EQ(_op, _xpc_h.op);					\
	EXPECT_EQ(_arg, _xpc_h.arg);					\
	EXPECT_EQ((__u64)(_value), _xpc_h.value);			\
	EXPECT_EQ(XPRIVCMD_ARG_NONE, _xpc_h.entry);			\
} while (0)

/* Xen's multicall entry in the 64-bit hypervisor ABI a 64-bit kernel uses. */
struct xpc_mc_entry {
	__u64 op;
	__u64 result;
	__u64 args[6];
};

static inline void xpc_init_domctl(struct xen_domctl *d, __u32 cmd, domid_t dom)
{
	memset(d, 0, sizeof(*d));
	d->cmd = cmd;
	d->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
	d->domain = dom;
}

static inline void xpc_init_sysctl(struct xen_sysctl *sc, __u32 cmd)
{
	memset(sc, 0, sizeof(*sc));
	sc->cmd = cmd;
	sc->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
}

/* Narrows @fd's policy by the policy words @text: 0, or -1 with errno. */
static inline int xpc_narrow(int fd, const char *text)
{
	struct xprivcmd_narrow n = { .text = xpc_ptr(text), .len = strlen(text) };

	return ioctl(fd, XPRIVCMD_IOCTL_NARROW, &n);
}

/* Restricts @fd to domain @dom (IOCTL_PRIVCMD_RESTRICT): 0, or -1 with errno. */
static inline long xpc_restrict(int fd, __u16 dom)
{
	return ioctl(fd, IOCTL_PRIVCMD_RESTRICT, &dom);
}

/*
 * As iommufd's selftests have them, on the test's own fd (self->fd):
 * test_x() asserts that x succeeds, test_err_x() that it fails with errno
 * @_errno.
 */
#define test_narrow(_text)		ASSERT_EQ(0, xpc_narrow(self->fd, _text))
#define test_err_narrow(_errno, _text)	EXPECT_ERRNO(_errno, xpc_narrow(self->fd, _text))
#define test_restrict(_dom)		ASSERT_EQ(0, xpc_restrict(self->fd, _dom))
#define test_err_restrict(_errno, _dom)	EXPECT_ERRNO(_errno, xpc_restrict(self->fd, _dom))

/*
 * The module-wide policy (root only), saved so that a test can change it
 * and put it back: xpc_policy_change() saves it the first time, then sets
 * @text; xpc_policy_restore() puts the saved one back if it was changed.
 * Both return 0, or -1 with errno.
 */
#define XPC_POLICY_PARAM XPC_PARAM("policy")
#define XPC_POLICY_MAX	4096	/* the longest policy text, with its NUL */

struct xpc_policy {
	char saved[XPC_POLICY_MAX];
	bool changed;
};

static inline int xpc_policy_change(struct xpc_policy *p, const char *text)
{
	if (!p->changed && xpc_read_line(XPC_POLICY_PARAM, p->saved, sizeof(p->saved)))
		return -1;
	p->changed = true;
	return xpc_write_file(XPC_POLICY_PARAM, text);
}

/* Adds policy word @word to the module-wide policy, as xpc_policy_change(). */
static inline int xpc_policy_add(struct xpc_policy *p, const char *word)
{
	char now[sizeof(p->saved)], words[sizeof(p->saved) + 64];

	if (xpc_read_line(XPC_POLICY_PARAM, now, sizeof(now)))
		return -1;
	snprintf(words, sizeof(words), "%s %s", now, word);
	return xpc_policy_change(p, words);
}

static inline int xpc_policy_restore(struct xpc_policy *p)
{
	if (!p->changed)
		return 0;
	p->changed = false;
	return xpc_write_file(XPC_POLICY_PARAM, p->saved);
}

/*
 * A thread that keeps flipping the @size-byte field at @where between @a
 * and @b while the test issues calls that read it: the race a checking
 * driver wins by checking and issuing one copy.  With @yield it yields
 * after each store, which leaves either value in place for a while, so
 * that both are seen even when the threads share one CPU.
 */
struct xpc_flipper {
	volatile void *where;
	size_t size;		/* 2, 4 or 8 */
	__u64 a, b;
	bool yield;
	volatile int stop;
	pthread_t thread;
};

static inline void xpc_flip_to(struct xpc_flipper *f, __u64 v)
{
	if (f->size == 2)
		*(volatile __u16 *)f->where = v;
	else if (f->size == 4)
		*(volatile __u32 *)f->where = v;
	else
		*(volatile __u64 *)f->where = v;
	if (f->yield)
		sched_yield();
}

static inline void *xpc_flipper_run(void *arg)
{
	struct xpc_flipper *f = arg;

	while (!f->stop) {
		xpc_flip_to(f, f->a);
		xpc_flip_to(f, f->b);
	}
	return NULL;
}

/* Starts @f's thread: 0, or an error number. */
static inline int xpc_flipper_start(struct xpc_flipper *f)
{
	f->stop = 0;
	return pthread_create(&f->thread, NULL, xpc_flipper_run, f);
}

static inline void xpc_flipper_stop(struct xpc_flipper *f)
{
	f->stop = 1;
	pthread_join(f->thread, NULL);
}

#endif /* XPRIVCMD_UTILS_H */
