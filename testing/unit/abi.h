/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XPRIVCMD_UNIT_ABI_H
#define XPRIVCMD_UNIT_ABI_H

/* One ioctl number (0 for plain structures) and its argument's size. */
struct abi_entry {
	const char *name;
	unsigned long cmd;
	unsigned long size;
};

extern const struct abi_entry xen_abi[];

#endif
