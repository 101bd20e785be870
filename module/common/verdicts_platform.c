// SPDX-License-Identifier: GPL-2.0-only
/*
 * Verdicts (see verdicts.h) on platform_op and mca (x86 machine checks).
 */
#include "verdicts.h"

static const struct xprivcmd_class platform_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_platform_op_classes = {
	.op = 7,
	.rows = platform_op_rows,
	.nr = ARRAY_SIZE(platform_op_rows),
};

static const struct xprivcmd_class mca_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_mca_classes = {
	.op = 48,
	.rows = mca_rows,
	.nr = ARRAY_SIZE(mca_rows),
};
