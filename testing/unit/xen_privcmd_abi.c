// SPDX-License-Identifier: GPL-2.0-only
/*
 * The privcmd ABI as Xen's own tools see it (libxen-dev's
 * <xen/sys/privcmd.h>), in a file of its own because it shares its include
 * guard with our UAPI header.
 */
#include <stddef.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <xen/xen.h>
#include <xen/sys/privcmd.h>

#include "abi.h"

const struct abi_entry xen_abi[] = {
	{ "IOCTL_PRIVCMD_HYPERCALL", IOCTL_PRIVCMD_HYPERCALL, sizeof(privcmd_hypercall_t) },
	{ "IOCTL_PRIVCMD_MMAP", IOCTL_PRIVCMD_MMAP, sizeof(privcmd_mmap_t) },
	{ "IOCTL_PRIVCMD_MMAPBATCH", IOCTL_PRIVCMD_MMAPBATCH, sizeof(privcmd_mmapbatch_t) },
	{ "IOCTL_PRIVCMD_MMAPBATCH_V2", IOCTL_PRIVCMD_MMAPBATCH_V2,
	  sizeof(privcmd_mmapbatch_v2_t) },
	{ "IOCTL_PRIVCMD_DM_OP", IOCTL_PRIVCMD_DM_OP, sizeof(privcmd_dm_op_t) },
	{ "IOCTL_PRIVCMD_RESTRICT", IOCTL_PRIVCMD_RESTRICT, sizeof(domid_t) },
	{ "IOCTL_PRIVCMD_MMAP_RESOURCE", IOCTL_PRIVCMD_MMAP_RESOURCE,
	  sizeof(privcmd_mmap_resource_t) },
	{ "IOCTL_PRIVCMD_UNIMPLEMENTED", IOCTL_PRIVCMD_UNIMPLEMENTED, 0 },
	{ "privcmd_mmap_entry", 0, sizeof(privcmd_mmap_entry_t) },
	{ "privcmd_dm_op_buf", 0, sizeof(privcmd_dm_op_buf_t) },
	{ NULL, 0, 0 },
};
