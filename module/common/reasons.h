/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Why xprivcmd refuses a call: one row per enum xprivcmd_reason, read by the
 * module (errno, log line, debugfs counters) and by hcall (--json id and
 * the explanation people read).
 */
#ifndef XPRIVCMD_REASONS_H
#define XPRIVCMD_REASONS_H

#include "portability.h"

/**
 * struct xprivcmd_reason_info - one refusal reason
 * @id: stable identifier (debugfs, hcall --json), e.g. "kernel_ptr"
 * @err: the positive errno the call fails with
 * @log: the end of the module's log line
 * @explain: what it means, for people: hcall prints it after "argN (value)"
 *	when an argument is named, else on its own
 */
struct xprivcmd_reason_info {
	const char *id;
	int err;
	const char *log;
	const char *explain;
};

extern const struct xprivcmd_reason_info xprivcmd_reasons[XPRIVCMD_NR_REASONS];

/* The row of @reason, or a placeholder for one this build does not know. */
const struct xprivcmd_reason_info *xprivcmd_reason(unsigned int reason);

#endif /* XPRIVCMD_REASONS_H */
