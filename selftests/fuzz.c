// SPDX-License-Identifier: GPL-2.0-only
/*
 * A structure-aware fuzzer of xprivcmd's device nodes: every ioctl of the
 * privcmd node (and of /proc/xen/privcmd and the hypercall buffer node when
 * they exist) and mmap() of them, with arguments drawn from pools of values
 * that matter to the module: user buffers (writable, read-only, unmapped,
 * straddling into an inaccessible page, at the end of user space), kernel
 * and non-canonical addresses, NULL, misaligned pointers; counts at 0, 1,
 * the module's limits, one past them and overflowing; domain ids that are
 * the caller's, reserved or absent.  Hypercalls are built from the module's
 * own verdict tables (module/common/verdicts_*.c): a real row's sub-command,
 * interface version and domain field, the rest of the structure mutated.
 *
 * Racer threads meanwhile swap and close the fds (dup2()), munmap, mremap
 * and re-mmap the memory the calls name, fork children that call through the
 * inherited fds, and switch the module-wide policy between safe values.
 *
 * Deterministic: each worker's calls follow from the seed and its index, so
 * "-t 1 -r 0 -s SEED" replays a single-threaded run exactly (with the
 * racers, the interleaving differs between runs; the calls do not).  Every
 * call is logged to a per-thread ring, printed when the kernel logs a report
 * (KFENCE, SLUB, list corruption, BUG, WARNING, Oops); FUZZ_TRACE=1 prints
 * every call before it is made, for a run that takes the kernel down;
 * FUZZ_RACER_OPS=MASK lets the racer do only the operations whose bits are
 * set (bit N: case N of racer()), to find which one a finding needs.
 *
 * Usage: fuzz [-s SEED] [-n ITERATIONS] [-t THREADS] [-r 0|1], or fuzz -H
 *	(holds the module for the load loop: see hold())
 *	(or FUZZ_SEED, FUZZ_ITERATIONS, FUZZ_THREADS, FUZZ_RACERS)
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define __XEN_TOOLS__ 1
#include <xen/xen.h>
#include <xen/domctl.h>
#include <xen/sysctl.h>
#include <xen/platform.h>
#include <xen/memory.h>
#include <xen/physdev.h>
#include <xen/kexec.h>
#include <xen/xenoprof.h>
#include <xen/pmu.h>
#include <xen/hypfs.h>
#include <xen/sched.h>
#include <xen/version.h>
#include <xen/grant_table.h>
#include <xen/xsm/flask_op.h>

/* The module's verdict tables first: kselftest.h defines ARRAY_SIZE only
 * where nothing did.
 */
#include "verdicts.h"
#include "kselftest.h"

#define PAGE		4096UL
#define ARENA_PAGES	8
#define RING		64
#define MAX_THREADS	8
#define MAX_ENTRIES	5	/* multicall entries built in full, a page each */

static u64 seed;
static u64 iterations = 20000;
static unsigned int nthreads = 2;
static bool racers = true;
static u64 racer_ops = ~0ULL;
static bool trace;
/*
 * Frame counts of MMAP, MMAPBATCH and MMAP_RESOURCE are capped at 2^20
 * unless FUZZ_HUGE_COUNTS=1: the module allocates its arrays for the
 * whole count up front (kvmalloc, not charged to the caller, the OOM killer
 * invoked), so a count of some 10^8 OOM-kills the run in a 512 MiB dom0
 * (a known finding, reported with the fuzzer's first long run).
 */
static bool huge_counts;

static const char *dev_path;
static const char *buf_path;	/* the hypercall buffer node, if any */
static const char *proc_path;	/* /proc/xen/privcmd, if xprivcmd's */

/* Fixed fd numbers the racers swap files under (dup2 is atomic). */
#define FD_BASE		200
#define NR_FDS		4
static int fd_paths;		/* how many of the fd slots name a node */
static const char *fd_path[NR_FDS];

static _Atomic(u64) next_iter;
static _Atomic(u64) calls_done;
static atomic_bool stop;
static atomic_bool reported;
static char report_line[1024];
static _Atomic(u64) res_hist[64];	/* errno (0: success) */

/* Shared pools of memory. */
static u8 *rw_pool;	/* 16 writable pages */
static u8 *ro_page;
static u8 *none_page;
static uintptr_t hole;		/* mapped once, then unmapped */
static _Atomic(uintptr_t) vol;	/* remapped and unmapped by a racer */
static _Atomic(uintptr_t) devmap;	/* an mmap() of the privcmd node */
static _Atomic(uintptr_t) bufmap;	/* an mmap() of the buffer node */
static _Atomic int evfd = -1;

/* Limits the module enforces, read from its parameters. */
static u64 lim_multicall = 32, lim_copy = 1 << 20, lim_dm_bufs = 16,
		lim_dm_size = 4096, lim_buf_pages = 2048;

static char saved_policy[4096];
static bool policy_writable;

struct logent {
	u64 iter;
	unsigned long req;
	u64 w[7];
	long ret;
	int err;
};

struct thr {
	unsigned int id;
	u64 rng;
	u8 *arena;		/* ARENA_PAGES writable pages */
	u8 *straddle;	/* a writable page, then PROT_NONE */
	struct logent ring[RING];
	u64 nlog;
	pthread_t tid;
};

static struct thr thr[MAX_THREADS];

/* splitmix64: cheap, and any seed (0 too) gives a good sequence. */
static u64 rnd(struct thr *t)
{
	u64 z = (t->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static u64 below(struct thr *t, u64 n)
{
	return n ? rnd(t) % n : 0;
}

static bool chance(struct thr *t, unsigned int pct)
{
	return below(t, 100) < pct;
}

#define PICK(t, a) ((a)[below((t), sizeof(a) / sizeof((a)[0]))])

/* The end of user space: x86_64's 47-bit, arm64's 48-bit. */
#ifdef __x86_64__
#define USER_END	0x00007ffffffff000ULL
#else
#define USER_END	0x0001000000000000ULL
#endif

static const u64 kernel_addrs[] = {
	0xffff888000000000ULL,	/* x86 direct map */
	0xffffffff81000000ULL,	/* x86 kernel text */
	0xffffffffff600000ULL,	/* vsyscall page */
	0xffff800008000000ULL,	/* arm64 kernel */
	0xffffc90000000000ULL,	/* x86 vmalloc */
	0xffff800000000000ULL,	/* Xen's own range on x86 */
	0x8000000000000000ULL,	/* non-canonical */
	USER_END,		/* the first address past user space */
	USER_END - 8,
	~0ULL,
};

/* A pointer from the pools; @data: may point at bytes Xen or the module
 * wrote (the writable pool), which must never be read as a sub-command.
 */
static u64 ptr_pool(struct thr *t, bool data)
{
	uintptr_t v;

	switch (below(t, data ? 14 : 8)) {
	case 0: return 0;
	case 1: return below(t, 0x2000);
	case 2: return (uintptr_t)ro_page + below(t, 64) * 8;
	case 3: return (uintptr_t)none_page + below(t, PAGE);
	case 4: return hole + below(t, PAGE);
	case 5: return (uintptr_t)t->straddle + PAGE - 1 - below(t, 64);
	case 6: return PICK(t, kernel_addrs) + below(t, 4) * 8;
	case 7: return USER_END - 1 - below(t, 128);
	case 8:
		v = atomic_load(&vol);
		return v ? v + below(t, 4 * PAGE) : hole;
	case 9:
		v = atomic_load(&devmap);
		return v ? v + below(t, 2) * PAGE : 0;
	case 10:
		v = atomic_load(&bufmap);
		return v ? v + below(t, PAGE) : (uintptr_t)ro_page;
	case 11: return (uintptr_t)rw_pool + below(t, 16 * PAGE);
	case 12: return (uintptr_t)rw_pool + below(t, 16) * PAGE + 1 + below(t, 7);
	default: return (uintptr_t)rw_pool + 16 * PAGE - below(t, 64);
	}
}

static u64 count_pool(struct thr *t)
{
	static const u64 fixed[] = {
		0, 1, 2, 3, 7, 8, 16, 63, 64, 127, 128, 129, 255, 256, 511, 512,
		4095, 4096, 4097, 65535, 65536, 0x7fffffff, 0x80000000,
		0xffffffff, 0x100000000ULL, 0x1fffffffffffffffULL,
		0x2000000000000000ULL, 0x7fffffffffffffffULL, ~0ULL, ~0ULL - 1,
	};
	u64 lim[] = { lim_multicall, lim_copy, lim_dm_bufs, lim_dm_size,
			   lim_buf_pages, lim_copy / 8, lim_copy / 64 };

	switch (below(t, 4)) {
	case 0: return PICK(t, fixed);
	case 1: return PICK(t, lim) + below(t, 3) - 1;
	case 2: return below(t, 33);
	default: return rnd(t);
	}
}

static u16 domid_pool(struct thr *t)
{
	static const u16 fixed[] = {
		DOMID_SELF, 0, DOMID_IO, DOMID_XEN, DOMID_COW, DOMID_INVALID,
		DOMID_IDLE, 1, 2, 5, 0x7fef, 0x7ff5, 0x7ffe, 0x8000, 0xffff,
	};

	return chance(t, 90) ? PICK(t, fixed) : (u16)rnd(t);
}

static u64 word_pool(struct thr *t)
{
	switch (below(t, 5)) {
	case 0: case 1: return ptr_pool(t, true);
	case 2: return count_pool(t);
	case 3: return domid_pool(t);
	default: return rnd(t);
	}
}

/*
 * A frame count for the mapping ioctls (see huge_counts): those whose
 * arrays kvmalloc() would try to find the memory for, folded below 2^20.
 * Larger ones (arrays past INT_MAX bytes) fail at once, and stay.
 */
static u64 frame_count(u64 v)
{
	if (huge_counts || v < (1 << 20) || v >= (1ULL << 29))
		return v;
	return v % (1 << 20);
}

static bool is_self(u16 dom)
{
	return dom == DOMID_SELF || dom == 0;
}

/*
 * The calls the module lets through by design (their rows are NOREF or
 * CHECKED, and the policy under test allows them) that would wreck the
 * test VM itself or Xen, so that the run could not go on: never built.
 * Whatever the module refuses (acting on the calling kernel, its frames or
 * page tables, its own domain where only another may be named) is not
 * listed: the fuzzer must make those calls, and a VM that dies of one is a
 * finding.
 *   domctl:   createdomain (domains pile up in the VM's memory); on dom0
 *             itself (rows marked SELF_OK): max_mem, scheduler_op,
 *             set{vcpu,node}affinity, vm_event_op, setdomainhandle
 *   sysctl:   debug_keys (keys reboot or crash the host), cpu_hotplug,
 *             page_offline_op, scheduler_op, livepatch_op, and the writing
 *             sub-commands of cpupool_op, pm_op and tbuf_op
 *   platform_op: everything but the queries (settime, microcode, quirks,
 *             EFI, memtype, frequency, pminfo, CPU on/offline and hotadd,
 *             memory hotadd, core parking, MSR resource_op, ACPI sleep)
 *   physdev_op: pci_device_add, manage_pci_add(_ext), {alloc,free}_irq_vector
 *   xsm_op:   every FLASK write (load, setenforce, setbool, commitbools,
 *             setavc_threshold, relabel_domain, add/del_ocontext)
 *   kexec_op: kexec, unload;  xenpmu_op: mode_set, feature_set;
 *   hypfs_op: write_contents (Xen's runtime parameters);
 *   xenoprof_op: all (profiling state of the host)
 *   console_io write and grant_table_op dump_table: they would flood the
 *             console the host reads the results from
 */
static bool destructive(u64 op, u32 cmd, const u8 *s)
{
	u32 sub = 0;
	u16 dom = 0;

	switch (op) {
	case __HYPERVISOR_domctl:
		memcpy(&dom, s + 8, 2);
		switch (cmd) {
		case XEN_DOMCTL_createdomain:
			return true;
		case XEN_DOMCTL_max_mem:
		case XEN_DOMCTL_scheduler_op:
		case XEN_DOMCTL_setvcpuaffinity:
		case XEN_DOMCTL_setnodeaffinity:
		case XEN_DOMCTL_vm_event_op:
		case XEN_DOMCTL_setdomainhandle:
			return is_self(dom);
		}
		return false;
	case __HYPERVISOR_sysctl:
		memcpy(&sub, s + 8, 4);
		switch (cmd) {
		case XEN_SYSCTL_debug_keys:
		case XEN_SYSCTL_cpu_hotplug:
		case XEN_SYSCTL_page_offline_op:
		case XEN_SYSCTL_scheduler_op:
		case XEN_SYSCTL_livepatch_op:
			return true;
		case XEN_SYSCTL_cpupool_op:
			return sub != XEN_SYSCTL_CPUPOOL_OP_INFO &&
			       sub != XEN_SYSCTL_CPUPOOL_OP_FREEINFO;
		case XEN_SYSCTL_pm_op:
			return sub != GET_CPUFREQ_PARA && sub != GET_CPUFREQ_AVGFREQ &&
			       sub != XEN_SYSCTL_pm_op_get_max_cstate;
		case XEN_SYSCTL_tbuf_op:
			return sub != XEN_SYSCTL_TBUFOP_get_info;
		}
		return false;
	case __HYPERVISOR_platform_op:
		switch (cmd) {
		case XENPF_read_memtype:
		case XENPF_firmware_info:
		case XENPF_getidletime:
		case XENPF_get_cpuinfo:
		case XENPF_get_cpu_version:
		case XENPF_get_symbol:
			return false;
		}
		/* Unknown numbers are refused; known ones are not queries. */
		return cmd < 128;
	case __HYPERVISOR_physdev_op:
		return cmd == PHYSDEVOP_pci_device_add || cmd == PHYSDEVOP_manage_pci_add ||
		       cmd == PHYSDEVOP_manage_pci_add_ext ||
		       cmd == PHYSDEVOP_alloc_irq_vector || cmd == PHYSDEVOP_free_irq_vector;
	case __HYPERVISOR_xsm_op:
		return cmd == FLASK_LOAD || cmd == FLASK_SETENFORCE || cmd == FLASK_SETBOOL ||
		       cmd == FLASK_COMMITBOOLS || cmd == FLASK_SETAVC_THRESHOLD ||
		       cmd == FLASK_RELABEL_DOMAIN || cmd == FLASK_ADD_OCONTEXT ||
		       cmd == FLASK_DEL_OCONTEXT;
	case __HYPERVISOR_kexec_op:
		return cmd == KEXEC_CMD_kexec || cmd == KEXEC_CMD_kexec_unload ||
		       cmd == KEXEC_CMD_kexec_unload_v1;
	case __HYPERVISOR_xenpmu_op:
		return cmd == XENPMU_mode_set || cmd == XENPMU_feature_set;
	case __HYPERVISOR_hypfs_op:
		return cmd == XEN_HYPFS_OP_write_contents;
	case __HYPERVISOR_xenoprof_op:
		return true;
	case __HYPERVISOR_console_io:
		return cmd == CONSOLEIO_write;
	case __HYPERVISOR_grant_table_op:
		return cmd == GNTTABOP_dump_table;
	}
	return false;
}

/* The hypercalls whose structure (at arg0) holds the sub-command. */
static bool cmd_in_struct(u64 op)
{
	return op == __HYPERVISOR_domctl || op == __HYPERVISOR_sysctl ||
	       op == __HYPERVISOR_platform_op || op == __HYPERVISOR_xsm_op ||
#ifdef __x86_64__
	       op == __HYPERVISOR_arch_0 ||	/* mca */
#endif
	       false;
}

static const u32 ivs[] = { 0x15, 0x17, 0x14, 0x18, 0, 0xffffffff,
				XENPF_INTERFACE_VERSION, 1 };

/*
 * Builds one hypercall into @h: its sub-command and domain from a row of
 * the module's tables (or a number no row names), its structure in @s (a
 * page of the arena) with every other word from the pools.  @depth: 0 for
 * a top-level call, 1 for a multicall entry.
 */
static void build_hypercall(struct thr *t, u64 *h, u8 *s, int depth)
{
	const struct xprivcmd_class_table *tab;
	const struct xprivcmd_class *row = NULL;
	u64 op, *w = (u64 *)s;
	u32 cmd, iv;
	unsigned int i, tries;
	u8 *sp;

	for (tries = 0;; tries++) {
		if (chance(t, 4))
			op = PICK(t, ((const u64[]){ 128, 255, 256, 1ULL << 32,
						     ~0ULL, rnd(t) }));
		else if (chance(t, 10))
			op = below(t, 128);
		else
			op = below(t, 56);
		tab = op < 128 ? xprivcmd_class_table(op) : NULL;
		row = tab && tab->nr && chance(t, 85) ? &tab->rows[below(t, tab->nr)] : NULL;
		cmd = row ? row->cmd : (chance(t, 50) ? below(t, 64) : (u32)rnd(t));
		if (row && (row->iv || row->iv2))
			iv = chance(t, 85) ? (row->iv2 && chance(t, 50) ? row->iv2 : row->iv)
					   : PICK(t, ivs);
		else
			iv = PICK(t, ivs);

		for (i = 0; i < 64; i++)
			w[i] = chance(t, 40) ? 0 : word_pool(t);
		if (cmd_in_struct(op)) {
			memcpy(s, &cmd, 4);
			memcpy(s + 4, &iv, 4);
		}
		if (row && row->has_sub) {
			/* sub_off counts from the structure's start. */
			u32 v = row->sub & row->sub_mask;

			if (row->sub_off + 4 <= PAGE)
				memcpy(s + row->sub_off, &v, 4);
		}
		if (row && row->has_dom && !(row->flags & XPRIVCMD_VF_DOM_ARG) &&
		    row->dom + 2 <= PAGE) {
			u16 d = domid_pool(t);

			memcpy(s + row->dom, &d, 2);
		}
		if (op == __HYPERVISOR_domctl && chance(t, 70)) {
			u16 d = domid_pool(t);

			memcpy(s + 8, &d, 2);
		}
		if (op == __HYPERVISOR_multicall && depth > 0 && !chance(t, 20))
			continue;
		if (!destructive(op, cmd, s))
			break;
		if (tries > 100) {
			op = __HYPERVISOR_xen_version;
			cmd = XENVER_version;
			break;
		}
	}

	h[0] = op;
	for (i = 1; i < 6; i++)
		h[i] = word_pool(t);

	/* Where the structure goes: in place, at a page's end, read-only. */
	sp = s;
	if (depth == 0 && chance(t, 10)) {
		/* The tail of the structure runs into a PROT_NONE page. */
		sp = t->straddle + PAGE - 8 * (1 + below(t, 16));
		memcpy(sp, s, t->straddle + PAGE - sp);
	}

	if (op == __HYPERVISOR_multicall) {
		struct multicall_entry *e = (struct multicall_entry *)s;
		unsigned int n = depth ? 2 : 1 + below(t, MAX_ENTRIES);

		/* Entries are built in full; s is this call's page. */
		for (i = 0; i < n && depth == 0; i++) {
			u64 eh[6];
			u8 *es = s + PAGE * (1 + i % (ARENA_PAGES - 2));

			build_hypercall(t, eh, es, 1);
			e[i].op = eh[0];
			e[i].result = rnd(t);
			memcpy(e[i].args, eh + 1, 5 * sizeof(eh[0]));
			e[i].args[5] = word_pool(t);
		}
		h[1] = chance(t, 90) ? (uintptr_t)s : ptr_pool(t, false);
		h[2] = chance(t, 70) ? n : count_pool(t);
		return;
	}

	if (cmd_in_struct(op)) {
		/* The structure is the only argument: no pool may stand in
		 * for it, since a pool's bytes could read as any sub-command.
		 */
		h[1] = chance(t, 90) ? (uintptr_t)sp : ptr_pool(t, false);
		return;
	}
	/* Elsewhere, arg0 is the sub-command, arg1 (mostly) the structure. */
	h[1] = cmd;
	if (op == __HYPERVISOR_vcpu_op) {
		h[2] = below(t, 4);
		h[3] = chance(t, 80) ? (uintptr_t)sp : ptr_pool(t, true);
	} else if (op == __HYPERVISOR_console_io) {
		h[2] = count_pool(t);
		h[3] = ptr_pool(t, true);
	} else if (row && (row->flags & XPRIVCMD_VF_DOM_ARG)) {
		h[1 + row->dom] = domid_pool(t);
	} else {
		h[2] = chance(t, 80) ? (uintptr_t)sp : ptr_pool(t, true);
		if (op == __HYPERVISOR_grant_table_op)
			h[3] = chance(t, 60) ? below(t, 4) : count_pool(t);
	}
}

static const char *const narrow_texts[] = {
	"none", "none +xen_version", "-domctl", "-sysctl -memory_op", "strict",
	"all", "-unmodelled", "+domctl:1 -memory_op:4", "none +sysctl:1 +sysctl:3",
	"garbage words !", "", "+999 -op:-1 +xen_version:99999999999",
};

/* The policies a racer switches the module to: none lets unmodelled
 * calls through, which would be outside the module's promise.
 */
static const char *const global_policies[] = {
	"all", "strict", "none +xen_version +sysctl", "all -domctl",
	"all -memory_op -grant_table_op",
};

static int pick_fd(struct thr *t)
{
	if (!fd_paths)
		return -1;
	return FD_BASE + below(t, fd_paths);
}

static void logcall(struct thr *t, u64 iter, unsigned long req, const u64 *w)
{
	struct logent *e = &t->ring[t->nlog++ % RING];

	e->iter = iter;
	e->req = req;
	memcpy(e->w, w, sizeof(e->w));
	e->ret = 0;
	e->err = -1;
	if (trace) {
		printf("# T%u #%llu ioctl %#lx %#llx %#llx %#llx %#llx %#llx %#llx %#llx\n",
		       t->id, iter, req, w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
		fflush(stdout);
	}
}

/* One fuzzed call; returns nothing: every outcome is an outcome. */
static void one_call(struct thr *t, u64 iter)
{
	u8 *s = t->arena;
	u64 w[7] = { 0 };
	unsigned long req;
	void *arg;
	long ret;
	int fd = pick_fd(t), kind = below(t, 100);

	if (kind < 55) {
		struct privcmd_hypercall *h = (void *)(s + PAGE * (ARENA_PAGES - 1));
		u64 hv[6];

		build_hypercall(t, hv, s, 0);
		h->op = hv[0];
		memcpy(h->arg, hv + 1, sizeof(h->arg));
		req = IOCTL_PRIVCMD_HYPERCALL;
		arg = chance(t, 97) ? (void *)h : (void *)(uintptr_t)ptr_pool(t, false);
		memcpy(w, hv, sizeof(hv));
	} else if (kind < 62) {
		struct privcmd_mmap *m = (void *)(s + PAGE * (ARENA_PAGES - 1));
		struct privcmd_mmap_entry *e = (void *)s;
		unsigned int i;

		for (i = 0; i < 8; i++) {
			e[i].va = chance(t, 60) ? atomic_load(&devmap) + below(t, 2) * PAGE
						: ptr_pool(t, true);
			e[i].mfn = chance(t, 50) ? below(t, 0x100000) : rnd(t);
			e[i].npages = chance(t, 70) ? below(t, 3) : count_pool(t);
		}
		m->num = chance(t, 70) ? (int)below(t, 9) : (int)count_pool(t);
		if (!huge_counts && m->num > 0)
			m->num = frame_count(m->num);
		m->dom = domid_pool(t);
		m->entry = chance(t, 85) ? e : (void *)(uintptr_t)ptr_pool(t, true);
		req = IOCTL_PRIVCMD_MMAP;
		arg = m;
		w[0] = m->num, w[1] = m->dom, w[2] = (uintptr_t)m->entry, w[3] = e[0].va;
	} else if (kind < 72) {
		struct privcmd_mmapbatch_v2 *b = (void *)(s + PAGE * (ARENA_PAGES - 1));
		u64 *arr = (u64 *)s;
		unsigned int i;

		for (i = 0; i < 16; i++)
			arr[i] = chance(t, 50) ? below(t, 0x100000) : word_pool(t);
		b->num = chance(t, 70) ? below(t, 17) : frame_count((u32)count_pool(t));
		b->dom = domid_pool(t);
		b->addr = chance(t, 70) ? atomic_load(&devmap) : ptr_pool(t, true);
		b->arr = chance(t, 85) ? (void *)arr : (void *)(uintptr_t)ptr_pool(t, true);
		b->err = chance(t, 80) ? (int *)(s + PAGE) : (int *)(uintptr_t)ptr_pool(t, true);
		if (chance(t, 50)) {
			req = IOCTL_PRIVCMD_MMAPBATCH_V2;
		} else {
			/* The v1 layout: num, dom, addr, arr (no err). */
			req = IOCTL_PRIVCMD_MMAPBATCH;
		}
		arg = b;
		w[0] = b->num, w[1] = b->dom, w[2] = b->addr, w[3] = (uintptr_t)b->arr;
		w[4] = (uintptr_t)b->err;
	} else if (kind < 79) {
		struct privcmd_dm_op *d = (void *)(s + PAGE * (ARENA_PAGES - 1));
		struct privcmd_dm_op_buf *bufs = (void *)(s + PAGE * (ARENA_PAGES - 2));
		unsigned int i;

		for (i = 0; i < 20; i++)
			((u64 *)s)[i] = word_pool(t);
		((u32 *)s)[0] = below(t, 24);	/* XEN_DMOP_* */
		for (i = 0; i < 4; i++) {
			bufs[i].uptr = chance(t, 60) ? (void *)s
						     : (void *)(uintptr_t)ptr_pool(t, true);
			bufs[i].size = chance(t, 60) ? below(t, 256) : count_pool(t);
		}
		d->dom = domid_pool(t);
		d->num = chance(t, 70) ? below(t, 5) : (u16)count_pool(t);
		d->ubufs = chance(t, 85) ? bufs : (void *)(uintptr_t)ptr_pool(t, true);
		req = IOCTL_PRIVCMD_DM_OP;
		arg = d;
		w[0] = d->dom, w[1] = d->num, w[2] = (uintptr_t)d->ubufs, w[3] = ((u32 *)s)[0];
	} else if (kind < 84) {
		struct privcmd_mmap_resource *r = (void *)(s + PAGE * (ARENA_PAGES - 1));

		r->dom = domid_pool(t);
		r->type = chance(t, 80) ? below(t, 4) : (u32)rnd(t);
		r->id = chance(t, 80) ? below(t, 4) : (u32)rnd(t);
		r->idx = chance(t, 80) ? below(t, 4) : (u32)rnd(t);
		r->num = chance(t, 70) ? below(t, 3) : frame_count(count_pool(t));
		r->addr = chance(t, 60) ? atomic_load(&devmap) : ptr_pool(t, true);
		req = IOCTL_PRIVCMD_MMAP_RESOURCE;
		arg = r;
		w[0] = r->dom, w[1] = r->type, w[2] = r->id, w[3] = r->idx, w[4] = r->num;
		w[5] = r->addr;
	} else if (kind < 88) {
		struct privcmd_irqfd *q = (void *)(s + PAGE * (ARENA_PAGES - 1));

		memset(s, 0, 64);
		q->dm_op = chance(t, 70) ? (uintptr_t)s : ptr_pool(t, true);
		q->size = chance(t, 70) ? below(t, 64) : count_pool(t);
		q->fd = chance(t, 70) ? atomic_load(&evfd) : (u32)below(t, 300);
		q->flags = chance(t, 80) ? below(t, 2) : (u32)rnd(t);
		q->dom = domid_pool(t);
		q->pad[0] = chance(t, 90) ? 0 : 1;
		req = IOCTL_PRIVCMD_IRQFD;
		arg = q;
		w[0] = q->dm_op, w[1] = q->size, w[2] = q->fd, w[3] = q->flags, w[4] = q->dom;
	} else if (kind < 91) {
		struct privcmd_ioeventfd *q = (void *)(s + PAGE * (ARENA_PAGES - 1));

		q->ioreq = chance(t, 50) ? atomic_load(&devmap) : ptr_pool(t, true);
		q->ports = ptr_pool(t, true);
		q->addr = rnd(t);
		q->addr_len = PICK(t, ((const u32[]){ 0, 1, 2, 4, 8, 3, 16 }));
		q->event_fd = chance(t, 70) ? atomic_load(&evfd) : (u32)below(t, 300);
		q->vcpus = chance(t, 70) ? below(t, 3) : (u32)count_pool(t);
		q->vq = below(t, 4);
		q->flags = chance(t, 80) ? below(t, 2) : (u32)rnd(t);
		q->dom = domid_pool(t);
		q->pad[0] = 0;
		req = IOCTL_PRIVCMD_IOEVENTFD;
		arg = q;
		w[0] = q->ioreq, w[1] = q->ports, w[2] = q->addr_len, w[3] = q->event_fd;
		w[4] = q->vcpus, w[5] = q->flags, w[6] = q->dom;
	} else if (kind < 93) {
		struct xprivcmd_narrow *nw = (void *)(s + PAGE * (ARENA_PAGES - 1));
		const char *txt = PICK(t, narrow_texts);

		strcpy((char *)s, txt);
		nw->text = chance(t, 85) ? (uintptr_t)s : ptr_pool(t, true);
		nw->len = chance(t, 80) ? strlen(txt) : (u32)count_pool(t);
		nw->flags = chance(t, 90) ? 0 : (u32)rnd(t);
		req = XPRIVCMD_IOCTL_NARROW;
		arg = nw;
		w[0] = nw->text, w[1] = nw->len, w[2] = nw->flags;
	} else if (kind < 95) {
		req = XPRIVCMD_IOCTL_LAST_ERROR;
		arg = chance(t, 50) ? (void *)s : (void *)(uintptr_t)ptr_pool(t, true);
		w[0] = (uintptr_t)arg;
	} else if (kind < 96) {
		/* Restricts the fd until a racer swaps it for a fresh one:
		 * the second slot's only, so that the first stays open to
		 * every call most of the time.
		 */
		u16 *d = (u16 *)(s + PAGE * (ARENA_PAGES - 1));

		*d = domid_pool(t);
		fd = FD_BASE + 1;
		req = IOCTL_PRIVCMD_RESTRICT;
		arg = chance(t, 90) ? (void *)d : (void *)(uintptr_t)ptr_pool(t, true);
		w[0] = *d;
	} else if (kind < 97) {
		struct privcmd_pcidev_get_gsi *g = (void *)(s + PAGE * (ARENA_PAGES - 1));

		g->sbdf = rnd(t);
		g->gsi = 0;
		req = IOCTL_PRIVCMD_PCIDEV_GET_GSI;
		arg = chance(t, 90) ? (void *)g : (void *)(uintptr_t)ptr_pool(t, true);
		w[0] = g->sbdf;
	} else {
		/* Numbers the module does not know, or known numbers with
		 * another direction or size.
		 */
		req = _IOC(below(t, 4), chance(t, 80) ? 'P' : below(t, 256), below(t, 256),
			   below(t, 128));
		if (chance(t, 20))
			req = IOCTL_PRIVCMD_UNIMPLEMENTED;
		arg = (void *)(uintptr_t)ptr_pool(t, false);
		w[0] = (uintptr_t)arg;
	}

	/* Now and then on the buffer node, which has no such ioctls. */
	if (buf_path && chance(t, 2))
		fd = FD_BASE + NR_FDS - 1;
	logcall(t, iter, req, w);
	ret = ioctl(fd, req, arg);
	t->ring[(t->nlog - 1) % RING].ret = ret;
	t->ring[(t->nlog - 1) % RING].err = ret < 0 ? errno : 0;
	atomic_fetch_add(&res_hist[ret < 0 && errno < 64 ? errno : 0], 1);
}

/* mmap() of the nodes, with the sizes, offsets and flags that matter. */
static void one_mmap(struct thr *t)
{
	static const int prots[] = { PROT_READ, PROT_READ | PROT_WRITE, PROT_NONE,
				     PROT_READ | PROT_WRITE | PROT_EXEC, PROT_WRITE };
	size_t len = PAGE * (chance(t, 80) ? 1 + below(t, 4) : below(t, 64));
	int fd = pick_fd(t), flags = chance(t, 80) ? MAP_SHARED : MAP_PRIVATE;
	off_t off = chance(t, 85) ? 0 : (off_t)(below(t, 4) * PAGE + below(t, 2));
	void *p;

	if (buf_path && chance(t, 40)) {
		fd = FD_BASE + NR_FDS - 1;
		if (chance(t, 5))
			len = PAGE * (lim_buf_pages + below(t, 3) - 1);
	}
	p = mmap(NULL, len, PICK(t, prots), flags, fd, off);
	if (p == MAP_FAILED)
		return;
	if (chance(t, 30)) {
		void *q = mremap(p, len, len * 2 + PAGE, MREMAP_MAYMOVE);

		if (q != MAP_FAILED) {
			p = q;
			len = len * 2 + PAGE;
		}
	}
	if (chance(t, 30) && len > PAGE)
		munmap((u8 *)p + PAGE, PAGE);
	munmap(p, len);
}

static void *worker(void *arg)
{
	struct thr *t = arg;
	u64 i;

	while (!atomic_load(&stop)) {
		i = atomic_fetch_add(&next_iter, 1);
		if (i >= iterations)
			break;
		if (chance(t, 3))
			one_mmap(t);
		else
			one_call(t, i);
		atomic_fetch_add(&calls_done, 1);
	}
	return NULL;
}

static void reopen_slot(int slot)
{
	int fd = open(fd_path[slot], O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return;
	dup2(fd, FD_BASE + slot);
	close(fd);
}

static void write_param(const char *name, const char *val)
{
	char path[128];
	int fd;

	snprintf(path, sizeof(path), "/sys/module/xprivcmd/parameters/%s", name);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return;
	if (write(fd, val, strlen(val)) < 0)
		;	/* a refused value is an outcome too */
	close(fd);
}

/* The racer: fds, memory, fork and the module-wide policy. */
static void *racer(void *arg)
{
	struct thr t = { .rng = seed ^ 0xa5a5a5a5a5a5a5a5ULL };
	unsigned int slot, op;
	void *p;
	pid_t pid;

	(void)arg;
	while (!atomic_load(&stop) && atomic_load(&next_iter) < iterations) {
		/* A masked operation is not drawn: the others come sooner. */
		op = below(&t, 9);
		if (!(racer_ops >> op & 1))
			continue;
		switch (op) {
		case 0:
			slot = below(&t, fd_paths);
			reopen_slot(slot);
			break;
		case 1:
			slot = below(&t, fd_paths);
			close(FD_BASE + slot);
			usleep(below(&t, 200));
			reopen_slot(slot);
			break;
		case 2:
			p = (void *)atomic_exchange(&vol, 0);
			if (p)
				munmap(p, 8 * PAGE);
			usleep(below(&t, 100));
			p = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			if (p != MAP_FAILED)
				atomic_store(&vol, (uintptr_t)p);
			break;
		case 3:
			p = (void *)atomic_load(&vol);
			if (p) {
				void *q = mremap(p, 4 * PAGE, 8 * PAGE, MREMAP_MAYMOVE);

				if (q != MAP_FAILED) {
					/* Shrink back, so that 4 pages stay true. */
					q = mremap(q, 8 * PAGE, 4 * PAGE, 0);
					atomic_store(&vol, (uintptr_t)q);
				} else {
					mprotect(p, 4 * PAGE, below(&t, 2) ? PROT_READ :
						 PROT_READ | PROT_WRITE);
				}
			}
			break;
		case 4:
			p = (void *)atomic_exchange(&devmap, 0);
			/* Now and then the access of the frames a worker
			 * mapped there is changed (README: the finding a
			 * stale vol made, an mprotect() of such frames).
			 */
			if (p && below(&t, 2))
				mprotect(p, 2 * PAGE, below(&t, 2) ? PROT_READ : PROT_NONE);
			if (p)
				munmap(p, 2 * PAGE);
			p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
				 FD_BASE, 0);
			if (p != MAP_FAILED)
				atomic_store(&devmap, (uintptr_t)p);
			break;
		case 5:
			if (!buf_path)
				break;
			p = (void *)atomic_exchange(&bufmap, 0);
			if (p)
				munmap(p, PAGE);
			p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
				 FD_BASE + NR_FDS - 1, 0);
			if (p != MAP_FAILED)
				atomic_store(&bufmap, (uintptr_t)p);
			break;
		case 6:
			/* A child calling through the inherited fds and
			 * mappings while the parent's threads go on.
			 */
			pid = fork();
			if (pid == 0) {
				struct thr c = { .rng = rnd(&t), .id = 99,
						 .arena = thr[0].arena,
						 .straddle = thr[0].straddle };
				int k;

				trace = false;
				for (k = 0; k < 20; k++)
					one_call(&c, k);
				_exit(0);
			}
			if (pid > 0)
				waitpid(pid, NULL, 0);
			break;
		case 7: {
			/* Closed under any IRQFD or IOEVENTFD that took it,
			 * and whatever a worker read before the exchange.
			 */
			int e = eventfd(0, EFD_CLOEXEC), old = atomic_exchange(&evfd, e);

			if (old >= 0)
				close(old);
			break;
		}
		default:
			if (policy_writable)
				write_param("policy", PICK(&t, global_policies));
			break;
		}
		usleep(below(&t, 2000));
	}
	return NULL;
}

static const char *const report_pats[] = {
	"BUG:", "WARNING:", "Oops", "general protection", "KFENCE",
	"BUG kmalloc-", "Poison overwritten", "list_add corruption",
	"list_del corruption", "kernel BUG", "Unable to handle", "refcount_t:",
};

/* Watches the kernel log for a report, from the moment the run began. */
static void *watcher(void *arg)
{
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	char rec[1024];
	unsigned int i;
	ssize_t n;

	(void)arg;
	if (fd < 0)
		return NULL;
	lseek(fd, 0, SEEK_END);
	while (!atomic_load(&stop)) {
		n = read(fd, rec, sizeof(rec) - 1);
		if (n < 0) {
			if (errno == EAGAIN)
				usleep(50000);
			continue;
		}
		rec[n] = 0;
		for (i = 0; i < ARRAY_SIZE(report_pats); i++) {
			/* A user program's own fault is not the kernel's. */
			if (strstr(rec, report_pats[i]) && !strstr(rec, " traps: ")) {
				snprintf(report_line, sizeof(report_line), "%s", rec);
				atomic_store(&reported, true);
				atomic_store(&stop, true);
				break;
			}
		}
	}
	close(fd);
	return NULL;
}

static u64 read_param(const char *name, u64 dflt)
{
	char path[128], buf[64];
	FILE *f;

	snprintf(path, sizeof(path), "/sys/module/xprivcmd/parameters/%s", name);
	f = fopen(path, "r");
	if (!f)
		return dflt;
	if (fgets(buf, sizeof(buf), f))
		dflt = strtoull(buf, NULL, 0);
	fclose(f);
	return dflt;
}

static void dump_rings(void)
{
	unsigned int i, k;

	for (i = 0; i < nthreads; i++) {
		struct thr *t = &thr[i];
		u64 first = t->nlog > 16 ? t->nlog - 16 : 0;

		for (k = first; k < t->nlog; k++) {
			struct logent *e = &t->ring[k % RING];

			ksft_print_msg("T%u #%llu ioctl %#lx w=%#llx %#" PRIx64
				       " %#llx %#llx %#llx %#" PRIx64
				       " %#llx -> %ld errno %d\n", i, e->iter, e->req,
				       e->w[0], e->w[1], e->w[2], e->w[3], e->w[4], e->w[5],
				       e->w[6], e->ret, e->err);
		}
	}
}

static u64 env_or(const char *name, u64 dflt)
{
	const char *v = getenv(name);

	return v && *v ? strtoull(v, NULL, 0) : dflt;
}

static void *map_or_die(size_t len, int prot)
{
	void *p = mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);

	if (p == MAP_FAILED)
		ksft_exit_fail_msg("mmap: %s\n", strerror(errno));
	return p;
}

static void setup_nodes(void)
{
	const char *dev = getenv("XPRIVCMD_DEVICE");
	static char bufname[64];
	int fd, i;

	if (!dev)
		dev = access("/dev/xprivcmd", F_OK) ? "/dev/xen/privcmd" : "/dev/xprivcmd";
	dev_path = dev;
	fd = open(dev_path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		ksft_exit_skip("%s: %s\n", dev_path, strerror(errno));
	close(fd);
	/* The module's buffer node: xen/hypercall beside xen/privcmd,
	 * else <devname>-hypercall.
	 */
	if (!strcmp(dev_path, "/dev/xen/privcmd"))
		snprintf(bufname, sizeof(bufname), "/dev/xen/hypercall");
	else
		snprintf(bufname, sizeof(bufname), "%s-hypercall", dev_path);
	if (!access(bufname, F_OK))
		buf_path = bufname;
	/* /proc/xen/privcmd is xprivcmd's only with xprivcmd_xenfs loaded. */
	if (!access("/proc/xen/privcmd", F_OK) &&
	    !access("/sys/module/xprivcmd_xenfs", F_OK))
		proc_path = "/proc/xen/privcmd";

	fd_path[fd_paths++] = dev_path;
	fd_path[fd_paths++] = dev_path;
	if (proc_path)
		fd_path[fd_paths++] = proc_path;
	for (i = 0; i < fd_paths; i++)
		reopen_slot(i);
	/* The buffer node lives in the last slot, not picked for ioctls. */
	if (buf_path) {
		fd_path[NR_FDS - 1] = buf_path;
		reopen_slot(NR_FDS - 1);
	}
}

/*
 * fuzz -H: for the load loop.  Holds what a program can hold of the module
 * (an fd of each node, a mapping of the privcmd node and of the buffer
 * node, a hypercall whose buffer is a buffer-node page, an eventfd handed
 * to IRQFD), says "held", then waits to be killed: the kernel then
 * releases all of it, as at a crash of the program.
 */
static int hold(void)
{
	struct privcmd_hypercall h = { .op = __HYPERVISOR_xen_version };
	struct privcmd_irqfd q = { 0 };
	u8 dmop[64] = { 0 };
	void *map, *buf = MAP_FAILED;
	int fd, bfd = -1, pfd = -1;
	long r;

	setup_nodes();
	fd = open(dev_path, O_RDWR);
	if (fd < 0)
		return 1;
	map = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (buf_path) {
		bfd = open(buf_path, O_RDWR);
		if (bfd >= 0)
			buf = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, bfd, 0);
	}
	if (proc_path)
		pfd = open(proc_path, O_RDWR);
	if (buf != MAP_FAILED) {
		h.arg[0] = XENVER_extraversion;
		h.arg[1] = (uintptr_t)buf;
	}
	r = ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &h);
	/* No domain 1 exists: the module or Xen refuses, after it took the
	 * eventfd and copied the dm_op.
	 */
	q.dm_op = (uintptr_t)dmop;
	q.size = sizeof(dmop);
	q.fd = eventfd(0, 0);
	q.dom = 1;
	printf("held: map=%d buf=%d proc=%d hypercall=%ld irqfd=%d\n", map != MAP_FAILED,
	       buf != MAP_FAILED, pfd >= 0, r, ioctl(fd, IOCTL_PRIVCMD_IRQFD, &q) ? errno : 0);
	fflush(stdout);
	for (;;)
		pause();
}

static bool device_answers(void)
{
	struct privcmd_hypercall h = { .op = __HYPERVISOR_xen_version,
				       .arg = { XENVER_version } };
	int fd = open(dev_path, O_RDWR | O_CLOEXEC);
	long r;

	if (fd < 0)
		return false;
	r = ioctl(fd, IOCTL_PRIVCMD_HYPERCALL, &h);
	close(fd);
	return r > 0;
}

int main(int argc, char **argv)
{
	pthread_t rt, wt;
	struct timespec t0, t1;
	unsigned int i;
	double secs;
	int opt;
	void *p;
	FILE *f;

	seed = env_or("FUZZ_SEED", (u64)time(NULL) ^ ((u64)getpid() << 32));
	iterations = env_or("FUZZ_ITERATIONS", iterations);
	nthreads = env_or("FUZZ_THREADS", nthreads);
	racers = env_or("FUZZ_RACERS", racers);
	trace = env_or("FUZZ_TRACE", 0);
	racer_ops = env_or("FUZZ_RACER_OPS", racer_ops);
	huge_counts = env_or("FUZZ_HUGE_COUNTS", 0);
	while ((opt = getopt(argc, argv, "Hs:n:t:r:")) != -1) {
		switch (opt) {
		case 'H':
			return hold();
		case 's':
			seed = strtoull(optarg, NULL, 0);
			break;
		case 'n':
			iterations = strtoull(optarg, NULL, 0);
			break;
		case 't':
			nthreads = strtoul(optarg, NULL, 0);
			break;
		case 'r':
			racers = strtoul(optarg, NULL, 0);
			break;
		default:
			fprintf(stderr,
				"usage: %s [-s SEED] [-n ITERATIONS] [-t THREADS] [-r 0|1] | -H\n",
				argv[0]);
			return 2;
		}
	}
	if (nthreads < 1)
		nthreads = 1;
	if (nthreads > MAX_THREADS)
		nthreads = MAX_THREADS;

	/* Line by line: a run the kernel kills leaves what it printed. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	ksft_print_header();
	/* Never killed by the calls it makes on itself. */
	signal(SIGPIPE, SIG_IGN);
	setup_nodes();
	ksft_set_plan(4);
	ksft_print_msg("fuzz: seed=%#llx iterations=%llu threads=%u racers=%d\n",
		       seed, iterations, nthreads, racers);
	ksft_print_msg("replay: FUZZ_SEED=%#llx FUZZ_THREADS=1 FUZZ_RACERS=0 fuzz %s\n",
		       seed, "(single-threaded: exact)");

	xprivcmd_verdicts_index();
	lim_multicall = read_param("multicall_max", lim_multicall);
	lim_copy = read_param("copy_max", lim_copy);
	lim_dm_bufs = read_param("dm_op_max_nr_bufs", lim_dm_bufs);
	lim_dm_size = read_param("dm_op_buf_max_size", lim_dm_size);
	lim_buf_pages = read_param("hypercall_buf_max_pages", lim_buf_pages);

	f = fopen("/sys/module/xprivcmd/parameters/policy", "r");
	if (f) {
		policy_writable = fgets(saved_policy, sizeof(saved_policy), f) &&
				  !strstr(saved_policy, "unmodelled");
		fclose(f);
	}

	rw_pool = map_or_die(16 * PAGE, PROT_READ | PROT_WRITE);
	ro_page = map_or_die(PAGE, PROT_READ);
	none_page = map_or_die(PAGE, PROT_NONE);
	p = map_or_die(PAGE, PROT_READ);
	hole = (uintptr_t)p;
	munmap(p, PAGE);
	atomic_store(&vol, (uintptr_t)map_or_die(4 * PAGE, PROT_READ | PROT_WRITE));
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, FD_BASE, 0);
	atomic_store(&devmap, p == MAP_FAILED ? 0 : (uintptr_t)p);
	if (buf_path) {
		p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, FD_BASE + NR_FDS - 1, 0);
		atomic_store(&bufmap, p == MAP_FAILED ? 0 : (uintptr_t)p);
	}
	atomic_store(&evfd, eventfd(0, EFD_CLOEXEC));

	for (i = 0; i < nthreads; i++) {
		thr[i].id = i;
		thr[i].rng = seed + 0x632be59bd9b4e019ULL * (i + 1);
		thr[i].arena = map_or_die(ARENA_PAGES * PAGE, PROT_READ | PROT_WRITE);
		thr[i].straddle = map_or_die(2 * PAGE, PROT_READ | PROT_WRITE);
		mprotect(thr[i].straddle + PAGE, PAGE, PROT_NONE);
	}

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pthread_create(&wt, NULL, watcher, NULL);
	if (racers)
		pthread_create(&rt, NULL, racer, NULL);
	for (i = 0; i < nthreads; i++)
		pthread_create(&thr[i].tid, NULL, worker, &thr[i]);
	for (i = 0; i < nthreads; i++)
		pthread_join(thr[i].tid, NULL);
	if (racers)
		pthread_join(rt, NULL);
	/* The last calls' reports reach the log a moment later. */
	usleep(300000);
	atomic_store(&stop, true);
	pthread_join(wt, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;

	if (policy_writable)
		write_param("policy", saved_policy);

	ksft_print_msg("fuzz: calls=%llu threads=%u seconds=%.1f rate=%.0f/s seed=%#llx\n",
		       (u64)atomic_load(&calls_done), nthreads, secs,
		       atomic_load(&calls_done) / (secs > 0 ? secs : 1), seed);
	ksft_print_msg("fuzz: results ok=%llu EPERM=%llu EFAULT=%" PRIu64
		       " EINVAL=%llu EACCES=%llu E2BIG=%llu ENOTTY=%" PRIu64
		       " ESRCH=%llu EBADF=%llu\n",
		       (u64)res_hist[0], (u64)res_hist[EPERM], (u64)res_hist[EFAULT],
		       (u64)res_hist[EINVAL], (u64)res_hist[EACCES],
		       (u64)res_hist[E2BIG], (u64)res_hist[ENOTTY],
		       (u64)res_hist[ESRCH], (u64)res_hist[EBADF]);

	if (atomic_load(&reported)) {
		ksft_print_msg("kernel report: %s", report_line);
		ksft_print_msg("seed %#llx; the last calls of each thread:\n", seed);
		dump_rings();
	}
	ksft_test_result(atomic_load(&reported) || atomic_load(&calls_done) >= iterations,
			 "fuzz.all_calls_made\n");
	ksft_test_result(!atomic_load(&reported), "fuzz.no_kernel_report\n");
	ksft_test_result(device_answers(), "fuzz.device_still_answers\n");
	if (policy_writable) {
		char now[4096] = "";

		f = fopen("/sys/module/xprivcmd/parameters/policy", "r");
		if (f) {
			if (!fgets(now, sizeof(now), f))
				now[0] = 0;
			fclose(f);
		}
		ksft_test_result(!strcmp(now, saved_policy), "fuzz.policy_restored\n");
	} else {
		ksft_test_result_skip("fuzz.policy_restored (policy not writable)\n");
	}
	ksft_finished();
}
