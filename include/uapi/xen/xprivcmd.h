/* SPDX-License-Identifier: ((GPL-2.0-only WITH Linux-syscall-note) OR MIT) */
/*
 * xprivcmd user-space interface.
 *
 * The privcmd part is ABI-identical to the kernel's include/uapi/xen/privcmd.h
 * (same layouts, same ioctl numbers, including their historical _IOC_NONE
 * direction bits), so programs built against either header work with either
 * driver.  Unlike the kernel's copy, this header is self-contained: it needs
 * nothing but <linux/types.h> and <linux/ioctl.h>.
 *
 * Our own additions use the XPRIVCMD_ prefix and ioctl numbers from the top
 * of the 'P' range so that they can never collide with upstream numbers.
 */
#ifndef _UAPI_XEN_XPRIVCMD_H
#define _UAPI_XEN_XPRIVCMD_H

#include <linux/types.h>
#include <linux/ioctl.h>

/*
 * The kernel's and Xen's privcmd headers share this guard.  Claiming it lets a
 * program include ours first and one of theirs later without redefinitions.
 */
#ifndef __LINUX_PUBLIC_PRIVCMD_H__
#define __LINUX_PUBLIC_PRIVCMD_H__

struct privcmd_hypercall {
	__u64 op;
	__u64 arg[5];
};

struct privcmd_mmap_entry {
	__u64 va;
	/* A machine frame number, named for its history; it is a GFN on Arm. */
	__u64 mfn;
	__u64 npages;
};

/* Legacy layouts: their raw pointers and int counts are part of the ABI. */
struct privcmd_mmap {
	int num;
	__u16 dom;
	struct privcmd_mmap_entry *entry;
};

struct privcmd_mmapbatch {
	int num;
	__u16 dom;
	__u64 addr;
	/* xen_pfn_t: unsigned long on x86, __u64 on Arm. */
	void *arr;
};

#define PRIVCMD_MMAPBATCH_MFN_ERROR	0xf0000000U
#define PRIVCMD_MMAPBATCH_PAGED_ERROR	0x80000000U

struct privcmd_mmapbatch_v2 {
	unsigned int num;
	__u16 dom;
	__u64 addr;
	const void *arr;
	int *err;
};

struct privcmd_dm_op_buf {
	void *uptr;
	__kernel_size_t size;
};

struct privcmd_dm_op {
	__u16 dom;
	__u16 num;
	const struct privcmd_dm_op_buf *ubufs;
};

struct privcmd_mmap_resource {
	__u16 dom;
	__u32 type;
	__u32 id;
	__u32 idx;
	__u64 num;
	__u64 addr;
};

#define PRIVCMD_IRQFD_FLAG_DEASSIGN (1 << 0)

struct privcmd_irqfd {
	__u64 dm_op;
	__u32 size;
	__u32 fd;
	__u32 flags;
	__u16 dom;
	__u8 pad[2];
};

#define PRIVCMD_IOEVENTFD_FLAG_DEASSIGN (1 << 0)

struct privcmd_ioeventfd {
	__u64 ioreq;
	__u64 ports;
	__u64 addr;
	__u32 addr_len;
	__u32 event_fd;
	__u32 vcpus;
	__u32 vq;
	__u32 flags;
	__u16 dom;
	__u8 pad[2];
};

struct privcmd_pcidev_get_gsi {
	__u32 sbdf;
	__u32 gsi;
};

/*
 * IOCTL_PRIVCMD_HYPERCALL: issue hypercall @op with @arg[0..4].
 * Return: the hypervisor's result; negative Xen errno values are Linux errno
 * values, so -1 with errno set is what a failing call looks like from libc.
 */
#define IOCTL_PRIVCMD_HYPERCALL \
	_IOC(_IOC_NONE, 'P', 0, sizeof(struct privcmd_hypercall))
#define IOCTL_PRIVCMD_MMAP \
	_IOC(_IOC_NONE, 'P', 2, sizeof(struct privcmd_mmap))
#define IOCTL_PRIVCMD_MMAPBATCH \
	_IOC(_IOC_NONE, 'P', 3, sizeof(struct privcmd_mmapbatch))
#define IOCTL_PRIVCMD_MMAPBATCH_V2 \
	_IOC(_IOC_NONE, 'P', 4, sizeof(struct privcmd_mmapbatch_v2))
#define IOCTL_PRIVCMD_DM_OP \
	_IOC(_IOC_NONE, 'P', 5, sizeof(struct privcmd_dm_op))
#define IOCTL_PRIVCMD_RESTRICT \
	_IOC(_IOC_NONE, 'P', 6, sizeof(__u16))
#define IOCTL_PRIVCMD_MMAP_RESOURCE \
	_IOC(_IOC_NONE, 'P', 7, sizeof(struct privcmd_mmap_resource))
#define IOCTL_PRIVCMD_IRQFD \
	_IOW('P', 8, struct privcmd_irqfd)
#define IOCTL_PRIVCMD_IOEVENTFD \
	_IOW('P', 9, struct privcmd_ioeventfd)
#define IOCTL_PRIVCMD_PCIDEV_GET_GSI \
	_IOC(_IOC_NONE, 'P', 10, sizeof(struct privcmd_pcidev_get_gsi))

#endif /* __LINUX_PUBLIC_PRIVCMD_H__ */

/*
 * Xen's tools probe drivers with this number; every privcmd must keep failing
 * it (with ENOTTY), so it is defined outside the shared guard.
 */
#ifndef IOCTL_PRIVCMD_UNIMPLEMENTED
#define IOCTL_PRIVCMD_UNIMPLEMENTED _IOC(_IOC_NONE, 'P', 0xFF, 0)
#endif

/* Hypercall numbers at or above this are refused with EINVAL. */
#define XPRIVCMD_NR_HYPERCALLS 128

/* Why xprivcmd refused a call before the hypervisor saw it. */
enum xprivcmd_reason {
	XPRIVCMD_REASON_NONE = 0,
	/* EINVAL: op >= XPRIVCMD_NR_HYPERCALLS */
	XPRIVCMD_REASON_OP_RANGE,
	/* EFAULT: a pointer the sub-command needs is NULL */
	XPRIVCMD_REASON_NULL_PTR,
	/* EFAULT: the buffer is not (wholly) in user space */
	XPRIVCMD_REASON_KERNEL_PTR,
	/* EFAULT: the buffer is not mapped with the access the call needs */
	XPRIVCMD_REASON_UNMAPPED,
	/* EACCES: the module's policy or the fd's narrowed policy denies it */
	XPRIVCMD_REASON_POLICY,
	/* E2BIG: more multicall entries than the multicall_max parameter */
	XPRIVCMD_REASON_TOO_MANY,
	/* EACCES: a structure's interface version is not one xprivcmd
	 * knows, so its embedded pointers cannot be checked (allowed only by
	 * the policy word "unmodelled")
	 */
	XPRIVCMD_REASON_INTERFACE,
	/* EINVAL: a multicall entry that is itself a multicall */
	XPRIVCMD_REASON_NESTED_MULTICALL,
	/* EPERM: the fd is restricted to one domain (IOCTL_PRIVCMD_RESTRICT)
	 * and raw hypercalls could act on any
	 */
	XPRIVCMD_REASON_RESTRICTED,
	/* EFAULT: a virtual address Xen maps or unmaps in the caller's page
	 * tables is not in user space.  No longer given: the calls that
	 * carry one (update_va_mapping, grant maps) are refused whole as
	 * OWN_TABLES; kept for the numbering
	 */
	XPRIVCMD_REASON_KERNEL_VA,
	/* EFAULT: a grant map names a page-table entry by machine address
	 * (GNTMAP_contains_pte).  No longer given (grant maps are refused
	 * whole as OWN_TABLES); kept for the numbering
	 */
	XPRIVCMD_REASON_PTE_ADDR,
	/* EPERM: the call would map, edit, re-type or hand over this
	 * domain's own page tables or frames (the kernel's): mmu_update,
	 * mmuext_op, update_va_mapping, grant maps and copies, ...
	 */
	XPRIVCMD_REASON_OWN_TABLES,
	/* EPERM: a hypercall with which a PV kernel sets its own vCPU's state
	 * (trap table, callbacks, stacks, descriptor tables, timer, vCPU
	 * areas): through the device it would act on the kernel's
	 */
	XPRIVCMD_REASON_KERNEL_STATE,
	/* EACCES: xprivcmd does not model every reference this sub-command
	 * (or this interface version, or this undeclared hypercall) carries;
	 * the policy word "unmodelled" (in the "compat" preset) allows it
	 */
	XPRIVCMD_REASON_UNMODELLED,
	/* EPERM: a domain id that resolves to the calling domain (DOMID_SELF
	 * or its own id) where the call may only name another domain
	 */
	XPRIVCMD_REASON_OWN_DOMAIN,
	/* E2BIG: the kernel copies the call needs exceed the module's
	 * copy_max parameter
	 */
	XPRIVCMD_REASON_TOO_LARGE,
	XPRIVCMD_NR_REASONS
};

/* struct xprivcmd_last_error.arg when no single argument was at fault. */
#define XPRIVCMD_ARG_NONE 0xffffffffU

/**
 * struct xprivcmd_last_error - the last call this fd had refused
 * @seq: number of refusals on this fd so far; 0 means none yet
 * @op: hypercall number of the refused call
 * @value: the offending argument's value, 0 when @arg is XPRIVCMD_ARG_NONE
 * @err: the (positive) errno the call failed with
 * @reason: enum xprivcmd_reason
 * @arg: index of the offending argument, or XPRIVCMD_ARG_NONE
 * @entry: for a refused multicall, the index of the offending entry (@op,
 *	@arg and @value then describe that entry); otherwise XPRIVCMD_ARG_NONE
 *
 * Calls that Xen itself failed are not recorded: their errno is Xen's.
 */
struct xprivcmd_last_error {
	__u64 seq;
	__u64 op;
	__u64 value;
	__s32 err;
	__u32 reason;
	__u32 arg;
	__u32 entry;
};

/* Longest policy text XPRIVCMD_IOCTL_NARROW accepts. */
#define XPRIVCMD_POLICY_TEXT_MAX 4096

/**
 * struct xprivcmd_narrow - narrow this fd's policy
 * @text: user pointer to the policy words (see module/policy_rules.c and
 *	README: "none +xen_version", "-domctl", "strict", ...)
 * @len: length of @text in bytes, at most XPRIVCMD_POLICY_TEXT_MAX
 * @flags: zero
 *
 * The fd's policy becomes its old policy intersected with @text, so it can
 * never widen again; the module-wide policy applies on top.
 */
struct xprivcmd_narrow {
	__u64 text;
	__u32 len;
	__u32 flags;
};

/* Our own ioctls count down from 0xfe: upstream counts up from 0. */
#define XPRIVCMD_IOCTL_LAST_ERROR \
	_IOR('P', 0xfe, struct xprivcmd_last_error)
#define XPRIVCMD_IOCTL_NARROW \
	_IOW('P', 0xfd, struct xprivcmd_narrow)

#endif /* _UAPI_XEN_XPRIVCMD_H */
