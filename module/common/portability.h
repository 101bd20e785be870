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
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/string.h>
#include <linux/types.h>
#include <uapi/xen/xprivcmd.h>
#else
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <xen/xprivcmd.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

#define U64_MAX UINT64_MAX
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__x86_64__) || defined(__i386__)
#define CONFIG_X86 1
#endif
#ifdef __aarch64__
#define CONFIG_ARM64 1
#endif
#endif /* __KERNEL__ */

#endif /* XPRIVCMD_PORTABILITY_H */
