/* SPDX-License-Identifier: MIT */
/*
 * Xen's I/O request slot (public/hvm/ioreq.h), for kernels that predate
 * Linux 6.7's copy of it: Kbuild.include puts this directory on the include
 * path only when the kernel has no xen/interface/hvm/ioreq.h.  It is Xen's
 * stable ABI, the layout a device model shares with the hypervisor.
 */
#ifndef XPRIVCMD_COMPAT_XEN_HVM_IOREQ_H
#define XPRIVCMD_COMPAT_XEN_HVM_IOREQ_H

#include <linux/types.h>

#define IOREQ_READ	1
#define IOREQ_WRITE	0

#define STATE_IOREQ_NONE	0
#define STATE_IOREQ_READY	1
#define STATE_IOREQ_INPROCESS	2
#define STATE_IORESP_READY	3

#define IOREQ_TYPE_PIO		0
#define IOREQ_TYPE_COPY		1	/* MMIO */

/* One vCPU's slot; the page holds one per vCPU, indexed by vCPU id. */
struct ioreq {
	u64 addr;		/* guest physical address, or port */
	u64 data;		/* the value, or where it is when data_is_ptr */
	u32 count;		/* repetitions */
	u32 size;		/* bytes per access */
	u32 vp_eport;		/* the vCPU's event channel */
	u16 _pad0;
	u8 state:4;
	u8 data_is_ptr:1;
	u8 dir:1;		/* IOREQ_READ or IOREQ_WRITE */
	u8 df:1;
	u8 _pad1:1;
	u8 type;		/* IOREQ_TYPE_* */
};

#endif /* XPRIVCMD_COMPAT_XEN_HVM_IOREQ_H */
