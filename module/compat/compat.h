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

/* Linux 7.x's name for zap_vma_ptes(): clears a VM_PFNMAP range. */
#ifdef COMPAT_NO_ZAP_SPECIAL_VMA_RANGE
#define zap_special_vma_range(vma, addr, size) zap_vma_ptes(vma, addr, size)
#endif

/*
 * Linux 7.x's mm_get_unmapped_area(): where the current mm would put a
 * mapping by default.  Linux 6.10 to 6.x took the mm first: calls have five
 * arguments, which get current->mm, while the older declaration's six pass
 * through unchanged (chosen by their count).  Before 6.10 the mm held it
 * as a method.
 */
#ifdef COMPAT_MM_GET_UNMAPPED_AREA_MM
#define __compat_mm_gua_pick(a, b, c, d, e, f, which, ...) which
#define __compat_mm_gua_decl(...) mm_get_unmapped_area(__VA_ARGS__)
#define __compat_mm_gua_call(...) mm_get_unmapped_area(current->mm, __VA_ARGS__)
#define mm_get_unmapped_area(...)						\
	__compat_mm_gua_pick(__VA_ARGS__, __compat_mm_gua_decl,			\
			     __compat_mm_gua_call)(__VA_ARGS__)
#endif
#ifdef COMPAT_NO_MM_GET_UNMAPPED_AREA
#define mm_get_unmapped_area(file, addr, len, pgoff, flags)			\
	current->mm->get_unmapped_area(file, addr, len, pgoff, flags)
#endif

/*
 * Linux 6.8 dropped eventfd_signal()'s count, always 1 for us.  Variadic,
 * so that the older kernel's own declaration and calls, with two arguments,
 * pass through unchanged: inside its own expansion the name is not expanded
 * again.
 */
#ifdef COMPAT_EVENTFD_SIGNAL_COUNT
#define __compat_eventfd_signal(ctx, n, ...) eventfd_signal(ctx, n)
#define eventfd_signal(...) __compat_eventfd_signal(__VA_ARGS__, 1)
#endif

/*
 * PCIDEV_GET_GSI needs Linux 6.12's xen_acpi_get_gsi_from_sbdf() and
 * CONFIG_XEN_ACPI.  Without them pcidev.c is not built (Arm's <xen/acpi.h>
 * does not even compile with CONFIG_XEN_DOM0) and xprivcmd.h's stub answers
 * as the in-tree driver built without them does.
 */
#ifdef COMPAT_NO_PCIDEV_GSI
#define XPRIVCMD_HAS_PCIDEV_GSI 0
#else
#define XPRIVCMD_HAS_PCIDEV_GSI 1
#endif

#endif /* XPRIVCMD_COMPAT_H */
