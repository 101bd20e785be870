/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The few kernel types module/schema.c uses, for building it in user space:
 * by the host unit tests and by hcall (for `hcall list` and op names).
 */
#ifndef XPRIVCMD_HOST_TYPES_H
#define XPRIVCMD_HOST_TYPES_H

#include <stdbool.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

#define U64_MAX UINT64_MAX
#define __printf(a, b) __attribute__((format(printf, a, b)))

#if defined(__x86_64__) || defined(__i386__)
#define CONFIG_X86 1
#endif

#endif /* XPRIVCMD_HOST_TYPES_H */
