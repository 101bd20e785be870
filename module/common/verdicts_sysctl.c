// SPDX-License-Identifier: GPL-2.0-only
/*
 * Verdicts (see verdicts.h) on sysctl (Xen 4.17: XEN_SYSCTL_INTERFACE_VERSION 0x15).
 */
#include "verdicts.h"

static const struct xprivcmd_class sysctl_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_sysctl_classes = {
	.op = 35,
	.rows = sysctl_rows,
	.nr = ARRAY_SIZE(sysctl_rows),
};
