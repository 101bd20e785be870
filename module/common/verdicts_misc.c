// SPDX-License-Identifier: GPL-2.0-only
/*
 * Verdicts (see verdicts.h) on physdev_op, hvm_op, xsm_op, kexec_op, argo_op, xenpmu_op, hypfs_op, xenoprof_op, tmem_op.
 */
#include "verdicts.h"

static const struct xprivcmd_class physdev_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_physdev_op_classes = {
	.op = 33,
	.rows = physdev_op_rows,
	.nr = ARRAY_SIZE(physdev_op_rows),
};

static const struct xprivcmd_class hvm_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_hvm_op_classes = {
	.op = 34,
	.rows = hvm_op_rows,
	.nr = ARRAY_SIZE(hvm_op_rows),
};

static const struct xprivcmd_class xsm_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_xsm_op_classes = {
	.op = 27,
	.rows = xsm_op_rows,
	.nr = ARRAY_SIZE(xsm_op_rows),
};

static const struct xprivcmd_class kexec_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_kexec_op_classes = {
	.op = 37,
	.rows = kexec_op_rows,
	.nr = ARRAY_SIZE(kexec_op_rows),
};

static const struct xprivcmd_class argo_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_argo_op_classes = {
	.op = 39,
	.rows = argo_op_rows,
	.nr = ARRAY_SIZE(argo_op_rows),
};

static const struct xprivcmd_class xenpmu_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_xenpmu_op_classes = {
	.op = 40,
	.rows = xenpmu_op_rows,
	.nr = ARRAY_SIZE(xenpmu_op_rows),
};

static const struct xprivcmd_class hypfs_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_hypfs_op_classes = {
	.op = 42,
	.rows = hypfs_op_rows,
	.nr = ARRAY_SIZE(hypfs_op_rows),
};

static const struct xprivcmd_class xenoprof_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_xenoprof_op_classes = {
	.op = 31,
	.rows = xenoprof_op_rows,
	.nr = ARRAY_SIZE(xenoprof_op_rows),
};

static const struct xprivcmd_class tmem_op_rows[] = {
};

const struct xprivcmd_class_table xprivcmd_tmem_op_classes = {
	.op = 38,
	.rows = tmem_op_rows,
	.nr = ARRAY_SIZE(tmem_op_rows),
};
