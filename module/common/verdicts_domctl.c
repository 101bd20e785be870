// SPDX-License-Identifier: GPL-2.0-only
/*
 * Verdicts (see verdicts.h) on domctl (Xen 4.17: XEN_DOMCTL_INTERFACE_VERSION 0x15).
 */
#include "verdicts.h"

static const struct xprivcmd_class domctl_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_domctl_classes = {
	.op = 36,
	.rows = domctl_rows,
	.nr = ARRAY_SIZE(domctl_rows),
};
