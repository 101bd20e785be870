// SPDX-License-Identifier: GPL-2.0-only
/*
 * Every guest handle Xen's public headers embed in a hypercall argument,
 * pointed at the kernel: each must be refused before Xen sees it.
 *
 * The rows come from handles_gen_rows.h, which testing/gen/xen_handles.py
 * generates at build time from libxen-dev's headers: one per handle field
 * reachable through an (operation, sub-command), with the size of its
 * structure and the field's offset as the C compiler computes them.  For
 * each row the structure is filled (cmd, interface version, the rest by a
 * pattern), the handle is pointed at the kernel's init_uts_ns and the
 * hypercall is issued through the device.  A handle matters only under
 * some values of the fields around it, so several patterns are tried: zero
 * with the counts next to the handle set to 1, 0x01 bytes, 0xff bytes and
 * small numbers in every 32-bit word.
 * Other handles of the structure point at a user scratch buffer.
 *
 * A row passes when no pattern reached Xen with uname changed and at least
 * one was refused by xprivcmd: the ioctl failed and the fd's last-error
 * sequence advanced (EFAULT for a pointer, or EACCES/EPERM for a
 * sub-command refused as a whole).  A row that reached Xen in every
 * pattern fails under its field path.  The last test prints the coverage.
 *
 * 64-bit x86 only, like handles.c: a 32-bit program's view of these
 * structures is not the layout a 64-bit dom0's Xen reads.
 *
 * Built against one Xen release's headers (the Makefile's XEN_INCLUDE:
 * make check builds the selftests once with Debian 12's, Xen 4.17, and
 * once with Debian 13's, Xen 4.20), it runs only on the Xen its rows
 * describe (HG_XEN_MAJOR.HG_XEN_MINOR, from XENVER_version) and skips,
 * saying why, on any other.
 */
#include <sys/mman.h>
#include <sys/utsname.h>

#include "xprivcmd_utils.h"

#include "kselftest_harness.h"

#define HG_NONE		0xffffffffU
#define HG_MAX_COUNTS	8
#define HG_NR_ARGS	5
#define HG_ELEMS	4
#define HG_PAGE		4096UL

struct hg_count {
	unsigned int off;
	unsigned int size;
	unsigned int elem;	/* in the array element, not the structure */
};

struct hg_row {
	__u64 op;
	const char *op_name;
	__u32 iv;
	__u32 cmd;
	const char *cmd_name;
	size_t size;
	const char *type;
	unsigned int cmd_off;
	unsigned int iv_off;
	int struct_arg;
	int count_arg;
	unsigned int scratch_args;
	unsigned int via_off;	/* handle to the array holding the target */
	size_t via_size;	/* size of one element of that array */
	unsigned int off;
	const char *path;
	unsigned int nr_counts;
	struct hg_count counts[HG_MAX_COUNTS];
};

/*
 * The generated rows; the Makefile says which Xen release they are of.  In
 * <>, so that the compiler takes them from -I$(OUTPUT), where each release's
 * are made, and not from this file's directory, which holds the host's
 * release's after a build there: Xen 4.20's suite ran 4.17's rows so.
 */
#include <handles_gen_rows.h>

#define HG_NR_ROWS	ARRAY_SIZE(hg_rows)

/*
 * Before the harness runs a test: the rows hold for one release only, so
 * on another Xen the whole program is skipped.  A device that cannot be
 * opened, or a version that cannot be read, is left to the tests to fail.
 */
static void __attribute__((constructor)) hg_xen_is_ours(void)
{
	int fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	long v;

	if (fd < 0)
		return;
	v = xpc_hypercall(fd, __HYPERVISOR_xen_version, XENVER_version, 0, 0,
			  0, 0);
	close(fd);
	if (v < 0 || v == (HG_XEN_MAJOR << 16 | HG_XEN_MINOR))
		return;
	ksft_print_header();
	ksft_exit_skip("Xen %ld.%ld: these rows come from Xen %d.%d's headers\n",
		       v >> 16, v & 0xffff, HG_XEN_MAJOR, HG_XEN_MINOR);
}

/* What became of a row, shared by the test processes the harness forks. */
enum hg_verdict {
	HG_NOT_RUN = 0,
	HG_POINTER,	/* refused by a pointer check naming the kernel address */
	HG_POINTER_OTHER,	/* refused only for another of its pointers */
	HG_WHOLE,	/* refused as a whole */
	HG_OTHER,	/* refused before Xen, for another reason */
	HG_XEN,		/* reached Xen in every pattern */
	HG_WROTE,	/* reached Xen and uname changed */
};

struct hg_result {
	int verdict;
	__u32 reason;
	int err;
};

static struct hg_result *hg_results;

static void __attribute__((constructor)) hg_results_init(void)
{
	hg_results = mmap(NULL, HG_NR_ROWS * sizeof(*hg_results),
			  PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
			  -1, 0);
	if (hg_results == MAP_FAILED)
		hg_results = NULL;
}

static const char *const hg_reasons[XPRIVCMD_NR_REASONS] = {
	[XPRIVCMD_REASON_NONE] = "none",
	[XPRIVCMD_REASON_OP_RANGE] = "op_range",
	[XPRIVCMD_REASON_NULL_PTR] = "null_ptr",
	[XPRIVCMD_REASON_KERNEL_PTR] = "kernel_ptr",
	[XPRIVCMD_REASON_UNMAPPED] = "unmapped",
	[XPRIVCMD_REASON_POLICY] = "policy",
	[XPRIVCMD_REASON_TOO_MANY] = "too_many",
	[XPRIVCMD_REASON_INTERFACE] = "interface",
	[XPRIVCMD_REASON_NESTED_MULTICALL] = "nested_multicall",
	[XPRIVCMD_REASON_RESTRICTED] = "restricted",
	[XPRIVCMD_REASON_KERNEL_VA] = "kernel_va",
	[XPRIVCMD_REASON_PTE_ADDR] = "pte_addr",
	[XPRIVCMD_REASON_OWN_TABLES] = "own_tables",
	[XPRIVCMD_REASON_KERNEL_STATE] = "kernel_state",
	[XPRIVCMD_REASON_UNMODELLED] = "unmodelled",
	[XPRIVCMD_REASON_OWN_DOMAIN] = "own_domain",
	[XPRIVCMD_REASON_TOO_LARGE] = "too_large",
};

static const char *hg_reason_name(__u32 reason)
{
	if (reason < XPRIVCMD_NR_REASONS && hg_reasons[reason])
		return hg_reasons[reason];
	return "?";
}

static int hg_rank(int verdict)
{
	switch (verdict) {
	case HG_POINTER:
		return 4;
	case HG_WHOLE:
		return 3;
	case HG_POINTER_OTHER:
		return 2;
	case HG_OTHER:
		return 1;
	default:
		return 0;
	}
}

static bool hg_pointer_refusal(int err, __u32 reason)
{
	return err == EFAULT &&
	       (reason == XPRIVCMD_REASON_KERNEL_PTR ||
		reason == XPRIVCMD_REASON_NULL_PTR ||
		reason == XPRIVCMD_REASON_UNMAPPED ||
		reason == XPRIVCMD_REASON_KERNEL_VA);
}

static bool hg_whole_refusal(int err, __u32 reason)
{
	return (err == EACCES || err == EPERM) &&
	       (reason == XPRIVCMD_REASON_UNMODELLED ||
		reason == XPRIVCMD_REASON_POLICY ||
		reason == XPRIVCMD_REASON_OWN_DOMAIN ||
		reason == XPRIVCMD_REASON_KERNEL_STATE ||
		reason == XPRIVCMD_REASON_INTERFACE ||
		reason == XPRIVCMD_REASON_OWN_TABLES ||
		reason == XPRIVCMD_REASON_RESTRICTED);
}

/* Scratch: user memory for the structure, an array and other handles. */
#define HG_SCRATCH_SIZE	(256 * HG_PAGE)

struct hg_mem {
	__u64 kaddr;
	unsigned char *map;	/* HG_SCRATCH_SIZE, then a guard page */
	unsigned char *st;	/* the structure */
	unsigned char *elems;	/* the array behind a handle (via rows) */
	unsigned char *scratch;	/* where the other handles point */
};

FIXTURE(hg) {
	int fd;
	struct hg_mem m;
};

FIXTURE_VARIANT(hg) {
	unsigned int idx;
};

/* The generated FIXTURE_VARIANT_ADD(hg, ...) of each row. */
#define HG_VARIANTS
#include <handles_gen_rows.h>

FIXTURE_SETUP(hg)
{
	self->fd = open(xpc_device(), O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", xpc_device(), strerror(errno));
	self->m.kaddr = xpc_kallsyms("init_uts_ns");
	ASSERT_NE(0, self->m.kaddr) TH_LOG("init_uts_ns not in /proc/kallsyms");
	self->m.map = mmap(NULL, HG_SCRATCH_SIZE + HG_PAGE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, self->m.map);
	ASSERT_EQ(0, mprotect(self->m.map + HG_SCRATCH_SIZE, HG_PAGE, PROT_NONE));
	self->m.st = self->m.map;
	self->m.elems = self->m.map + 4 * HG_PAGE;
	self->m.scratch = self->m.map + 8 * HG_PAGE;
}

FIXTURE_TEARDOWN(hg)
{
	munmap(self->m.map, HG_SCRATCH_SIZE + HG_PAGE);
	close(self->fd);
}

/* A little-endian field of @size bytes: @val's low bytes. */
static void hg_put(unsigned char *p, unsigned int size, __u64 val)
{
	memcpy(p, &val, size < sizeof(val) ? size : sizeof(val));
}

static bool hg_same_structure(const struct hg_row *a, const struct hg_row *b)
{
	return a->op == b->op && a->cmd == b->cmd &&
	       !strcmp(a->cmd_name, b->cmd_name) && !strcmp(a->type, b->type);
}

/*
 * The fill patterns: bytes 0x00 (with the counts set to 1), 0x01 and 0xff;
 * then every 32-bit word 2..16, for the selectors of sub-sub-commands
 * (a scheduler id, a scheduler operation) that decide whether Xen uses a
 * handle at all.
 */
#define HG_WORD		0x100U
#define HG_NR_FILLS	(3 + 15)

static unsigned int hg_pattern(unsigned int p)
{
	static const unsigned int bytes[] = { 0x00, 0x01, 0xff };

	return p < ARRAY_SIZE(bytes) ? bytes[p] : HG_WORD | (p - 1);
}

static void hg_fill(unsigned char *p, unsigned int fill, size_t size)
{
	size_t i;

	if (!(fill & HG_WORD)) {
		memset(p, fill, size);
		return;
	}
	memset(p, 0, size);
	for (i = 0; i + 4 <= size; i += 4)
		hg_put(p + i, 4, fill & ~HG_WORD);
}

/* The structure and its arguments for @row under fill pattern @fill. */
static void hg_build(struct hg_mem *m, const struct hg_row *row,
		     unsigned int fill, __u64 args[HG_NR_ARGS])
{
	unsigned int i;

	hg_fill(m->st, fill, row->size);
	hg_fill(m->elems, fill, HG_ELEMS * (row->via_size ? row->via_size : 1));
	memset(m->scratch, 0, HG_SCRATCH_SIZE - 8 * HG_PAGE);
	if (row->cmd_off != HG_NONE)
		hg_put(m->st + row->cmd_off, 4, row->cmd);
	if (row->iv_off != HG_NONE)
		hg_put(m->st + row->iv_off, 4, row->iv);
	if (!fill)
		for (i = 0; i < row->nr_counts; i++) {
			const struct hg_count *c = &row->counts[i];

			hg_put((c->elem ? m->elems : m->st) + c->off, c->size, 1);
		}
	/* The structure's other handles: user memory. */
	for (i = 0; i < HG_NR_ROWS; i++)
		if (hg_same_structure(&hg_rows[i], row) &&
		    hg_rows[i].via_off == HG_NONE)
			hg_put(m->st + hg_rows[i].off, 8, xpc_ptr(m->scratch));
	if (row->via_off != HG_NONE) {
		hg_put(m->st + row->via_off, 8, xpc_ptr(m->elems));
		hg_put(m->elems + row->off, 8, m->kaddr);
	} else {
		hg_put(m->st + row->off, 8, m->kaddr);
	}

	memset(args, 0, HG_NR_ARGS * sizeof(args[0]));
	for (i = 0; i < HG_NR_ARGS; i++)
		if (row->scratch_args & (1U << i))
			args[i] = xpc_ptr(m->scratch);
	if (row->cmd_off == HG_NONE)
		args[0] = row->cmd;
	args[row->struct_arg] = xpc_ptr(m->st);
	if (row->count_arg >= 0)
		args[row->count_arg] = 1;
}

TEST_F(hg, kernel_handle_refused)
{
	const struct hg_row *row = &hg_rows[variant->idx];
	struct hg_result res = { .verdict = HG_XEN };
	bool refused = false, wrote = false;
	unsigned int p;

	for (p = 0; p < HG_NR_FILLS && !wrote; p++) {
		struct utsname before, after;
		struct xprivcmd_last_error l;
		long long issued;
		__u64 args[HG_NR_ARGS], seq;
		bool changed, stopped;
		int verdict;
		long ret;
		int err;

		hg_build(&self->m, row, hg_pattern(p), args);
		seq = xpc_last_error(self->fd).seq;
		issued = xpc_stat(row->op, "issued");
		ASSERT_EQ(0, uname(&before));
		errno = 0;
		ret = xpc_hypercall(self->fd, row->op, args[0], args[1], args[2],
				    args[3], args[4]);
		err = errno;
		ASSERT_EQ(0, uname(&after));
		changed = memcmp(&before, &after, sizeof(before));
		l = xpc_last_error(self->fd);
		stopped = ret == -1 && l.seq != seq;
		/* Refused, yet counted as issued: Xen was called after all. */
		if (stopped && issued >= 0 && xpc_stat(row->op, "issued") != issued)
			stopped = false;
		if (!stopped) {
			/* Quiet for the word patterns, unless Xen wrote. */
			if (p < 3 || changed)
				TH_LOG("%s %s %s, fill 0x%03x: reached Xen (%ld, %s)%s",
				       row->op_name, row->cmd_name, row->path,
				       hg_pattern(p), ret,
				       ret < 0 ? strerror(err) : "ok",
				       changed ? ": uname changed" : "");
			wrote |= changed;
			continue;
		}
		if (changed) {
			TH_LOG("%s %s %s, fill 0x%03x: refused, but uname changed",
			       row->op_name, row->cmd_name, row->path, hg_pattern(p));
			wrote = true;
			continue;
		}
		refused = true;
		/* The best evidence wins: the kernel address, then the whole. */
		if (hg_pointer_refusal(err, l.reason) && l.value == self->m.kaddr)
			verdict = HG_POINTER;
		else if (hg_whole_refusal(err, l.reason))
			verdict = HG_WHOLE;
		else if (hg_pointer_refusal(err, l.reason))
			/* E.g. a count of 0x0101... runs past the scratch buffer. */
			verdict = HG_POINTER_OTHER;
		else
			verdict = HG_OTHER;
		if (res.verdict == HG_XEN || hg_rank(verdict) > hg_rank(res.verdict)) {
			res.verdict = verdict;
			res.reason = l.reason;
			res.err = err;
		}
	}
	if (wrote)
		res.verdict = HG_WROTE;
	if (hg_results)
		hg_results[variant->idx] = res;
	EXPECT_FALSE(wrote) TH_LOG("%s %s: Xen wrote over the kernel through %s",
				   row->op_name, row->cmd_name, row->path);
	EXPECT_TRUE(refused) TH_LOG("%s %s: %s reached Xen in every pattern",
				    row->op_name, row->cmd_name, row->path);
}

/* After every row (fixtures run in the order they are declared). */
FIXTURE(zz) {
	int unused;
};

FIXTURE_SETUP(zz)
{
}

FIXTURE_TEARDOWN(zz)
{
}

TEST_F(zz, summary)
{
	unsigned int n[HG_WROTE + 1] = { 0 }, whole[XPRIVCMD_NR_REASONS] = { 0 };
	char why[512] = "", other[1024] = "", line[2048];
	unsigned int i, len = 0, olen = 0;
	const char *const *u;

	ASSERT_NE(NULL, hg_results);
	for (i = 0; i < HG_NR_ROWS; i++) {
		const struct hg_result *r = &hg_results[i];

		n[r->verdict]++;
		if (r->verdict == HG_WHOLE && r->reason < XPRIVCMD_NR_REASONS)
			whole[r->reason]++;
		if (r->verdict == HG_OTHER && olen < sizeof(other) - 1)
			olen += snprintf(other + olen, sizeof(other) - olen,
					 "%s%s %s (%s)", olen ? ", " : "",
					 hg_rows[i].cmd_name, hg_rows[i].path,
					 hg_reason_name(r->reason));
		if (r->verdict >= HG_XEN)
			ksft_print_msg("reached Xen: %s %s %s%s\n",
				       hg_rows[i].op_name, hg_rows[i].cmd_name,
				       hg_rows[i].path,
				       r->verdict == HG_WROTE ? " (uname changed)" : "");
	}
	for (i = 0; i < XPRIVCMD_NR_REASONS && len < sizeof(why) - 1; i++)
		if (whole[i])
			len += snprintf(why + len, sizeof(why) - len, "%s%s %u",
					len ? ", " : "", hg_reason_name(i), whole[i]);
	for (u = hg_unmatched; *u; u++)
		ksft_print_msg("generator could not map: %s\n", *u);
	/* One line, which a summary can grep for. */
	len = snprintf(line, sizeof(line), "%zu handle fields in Xen's headers: ", HG_NR_ROWS);
	len += snprintf(line + len, sizeof(line) - len,
			"%u refused by a pointer check (%u of them for another of the call's pointers only), ",
			n[HG_POINTER] + n[HG_POINTER_OTHER], n[HG_POINTER_OTHER]);
	len += snprintf(line + len, sizeof(line) - len, "%u refused as a whole (%s), ",
			n[HG_WHOLE], why[0] ? why : "-");
	len += snprintf(line + len, sizeof(line) - len,
			"%u not reachable through the device (%s), ",
			n[HG_OTHER], other[0] ? other : "-");
	snprintf(line + len, sizeof(line) - len, "%u reached Xen%s",
		 n[HG_XEN] + n[HG_WROTE], n[HG_NOT_RUN] ? " (some rows not run)" : "");
	ksft_print_msg("coverage: %s\n", line);
	/* The harness ends the test with _exit(): nothing may stay buffered. */
	fflush(stdout);
	EXPECT_EQ(0, n[HG_XEN] + n[HG_WROTE]);
	EXPECT_EQ(0, n[HG_NOT_RUN]);
}

TEST_HARNESS_MAIN
