/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one place where code of module/common/ learns whether it is built
 * into the module or into a user-space program (hcall, the host unit
 * tests).  Everything in module/common/ includes this first and nothing
 * else of either world's headers for the basics: fixed-width types, the
 * errno values, the string functions, a few kernel helpers and the UAPI.
 */
#ifndef XPRIVCMD_PORTABILITY_H
#define XPRIVCMD_PORTABILITY_H

#ifdef __KERNEL__
#include <linux/build_bug.h>
#include <linux/cache.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/string.h>
#include <linux/types.h>
#include <uapi/xen/xprivcmd.h>
#else
#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <linux/types.h>
#include <xen/xprivcmd.h>

/*
 * The kernel's names for what user space has too.  CONFIG_X86 or
 * CONFIG_ARM64 comes from the program's Makefile (XPRIVCMD_ARCH_CFLAGS).
 */
typedef __u8 u8;
typedef __u16 u16;
typedef __u32 u32;
typedef __u64 u64;

#define U64_MAX ((u64)~0ULL)
/* Format checking is the kernel build's (W=1): none here. */
#define __printf(a, b)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define __read_mostly
#endif /* __KERNEL__ */

#endif /* XPRIVCMD_PORTABILITY_H */
