/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Makes the kernel being built for look like the newest one we support, fed
 * by the probes in Kbuild.include.  Force-included into every file, so the
 * rest of the module is written against current kernels only.
 */
#ifndef XPRIVCMD_COMPAT_H
#define XPRIVCMD_COMPAT_H

#ifdef COMPAT_NO_FAULT_IN_SAFE_WRITEABLE
#error "xprivcmd needs Linux 5.16 or later (fault_in_safe_writeable)"
#endif

/*
 * Linux 6.3 made vma->vm_flags read-only behind this helper.  A macro, as
 * nothing may be included from here: it would come before each file's pr_fmt.
 */
#ifdef COMPAT_NO_VM_FLAGS_SET
#define vm_flags_set(vma, flags) ((vma)->vm_flags |= (flags))
#endif

/* The lockdown reason XSA-482's fix added; /dev/mem's before it. */
#ifdef COMPAT_NO_LOCKDOWN_XEN_USER_ACTIONS
#define LOCKDOWN_XEN_USER_ACTIONS LOCKDOWN_DEV_MEM
#endif

#endif /* XPRIVCMD_COMPAT_H */
