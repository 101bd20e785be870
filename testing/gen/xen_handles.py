#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Finds every guest handle Xen's public headers embed in hypercall arguments.

Reads the headers of libxen-dev (preprocessed by the host's cpp with
__XEN_TOOLS__, the view the toolstack and xprivcmd have), walks the argument
structure of each (hypercall, sub-command) and writes a C header with one
row per XEN_GUEST_HANDLE / XEN_GUEST_HANDLE_64 field it reaches, nested
structures and unions included.  Offsets and sizes are offsetof()/sizeof()
expressions: the C compiler computes them from the same headers when the
test that includes the output is built.

Which structure a sub-command takes:
  - sysctl, domctl, platform_op, mca, xsm_op (flask): the structure has a
    "cmd" and an "interface_version" field and a union "u"; a union member
    <name> belongs to the sub-command <PREFIX><name> (or get<name>,
    set<name>, get_<name>, set_<name>), or, failing that, to the
    sub-commands that the header names in the comment or #define lines
    right above the member or above its structure's definition;
  - the operations whose sub-command is a register argument (memory_op,
    grant_table_op, ...): the explicit table REGISTER_OPS below.
What is found is the program's; only the sub-command to structure table is
written by hand.  Union members and sub-commands it cannot match are
reported on stderr and counted.

Usage: xen_handles.py [--cpp CPP] [--include DIR] [--arch x86_64] -o OUT.h
"""

import argparse
import os
import re
import subprocess
import sys

from pycparser import c_ast, c_parser

# Headers read, relative to the include directory.
HEADERS = [
    "xen/xen.h", "xen/domctl.h", "xen/sysctl.h", "xen/platform.h",
    "xen/memory.h", "xen/grant_table.h", "xen/physdev.h", "xen/sched.h",
    "xen/vcpu.h", "xen/event_channel.h", "xen/version.h", "xen/argo.h",
    "xen/kexec.h", "xen/pmu.h", "xen/hvm/hvm_op.h", "xen/hvm/dm_op.h",
    "xen/xsm/flask_op.h", "xen/arch-x86/xen-mca.h", "xen/callback.h",
    "xen/nmi.h", "xen/xenoprof.h",
]

# What the headers expect from <stdint.h>, in words pycparser can parse.
PRELUDE = """
typedef signed char int8_t;
typedef unsigned char uint8_t;
typedef short int16_t;
typedef unsigned short uint16_t;
typedef int int32_t;
typedef unsigned int uint32_t;
typedef long int64_t;
typedef unsigned long uint64_t;
typedef unsigned long uintptr_t;
typedef unsigned long size_t;
"""

# The operations that carry their sub-command and interface version in the
# structure: (op name, hypercall macro, structure, interface version macro,
# sub-command macro prefix, prefix of union member names, header).
UNION_OPS = [
    ("sysctl", "__HYPERVISOR_sysctl", "xen_sysctl",
     "XEN_SYSCTL_INTERFACE_VERSION", "XEN_SYSCTL_", "", "xen/sysctl.h"),
    ("domctl", "__HYPERVISOR_domctl", "xen_domctl",
     "XEN_DOMCTL_INTERFACE_VERSION", "XEN_DOMCTL_", "", "xen/domctl.h"),
    ("platform_op", "__HYPERVISOR_platform_op", "xen_platform_op",
     "XENPF_INTERFACE_VERSION", "XENPF_", "", "xen/platform.h"),
    ("mca", "__HYPERVISOR_mca", "xen_mc",
     "XEN_MCA_INTERFACE_VERSION", "XEN_MC_", "mc_", "xen/arch-x86/xen-mca.h"),
    ("xsm_op", "__HYPERVISOR_xsm_op", "xen_flask_op",
     "XEN_FLASK_INTERFACE_VERSION", "FLASK_", "", "xen/xsm/flask_op.h"),
]

# The operations whose sub-command is argument 0 (dm_op has none): which
# argument holds the structure, which argument (if any) is a count of
# them, and the structure each sub-command takes.  None: the sub-command
# takes no structure, or not one of Xen's public types (e.g. a bare
# handle, a domid_t, a vCPU number); a tuple (structure, structure
# argument, count argument, mask of arguments that point to a user scratch
# buffer) where a sub-command differs from its operation.  From the
# comments of Xen's headers.
REGISTER_OPS = {
    "memory_op": ("__HYPERVISOR_memory_op", "XENMEM_", 1, -1, {
        "XENMEM_increase_reservation": "struct xen_memory_reservation",
        "XENMEM_decrease_reservation": "struct xen_memory_reservation",
        "XENMEM_populate_physmap": "struct xen_memory_reservation",
        "XENMEM_exchange": "struct xen_memory_exchange",
        "XENMEM_maximum_ram_page": None,
        "XENMEM_current_reservation": None,
        "XENMEM_maximum_reservation": None,
        "XENMEM_maximum_gpfn": None,
        "XENMEM_machphys_mfn_list": "struct xen_machphys_mfn_list",
        "XENMEM_machphys_compat_mfn_list": "struct xen_machphys_mfn_list",
        "XENMEM_machphys_mapping": "struct xen_machphys_mapping",
        "XENMEM_add_to_physmap": "struct xen_add_to_physmap",
        "XENMEM_add_to_physmap_batch": "struct xen_add_to_physmap_batch",
        "XENMEM_remove_from_physmap": "struct xen_remove_from_physmap",
        "XENMEM_memory_map": "struct xen_memory_map",
        "XENMEM_machine_memory_map": "struct xen_memory_map",
        "XENMEM_set_memory_map": "struct xen_foreign_memory_map",
        "XENMEM_set_pod_target": "struct xen_pod_target",
        "XENMEM_get_pod_target": "struct xen_pod_target",
        "XENMEM_get_sharing_freed_pages": None,
        "XENMEM_get_sharing_shared_pages": None,
        "XENMEM_paging_op": "struct xen_mem_paging_op",
        "XENMEM_access_op": "struct xen_mem_access_op",
        "XENMEM_sharing_op": "struct xen_mem_sharing_op",
        "XENMEM_claim_pages": "struct xen_memory_reservation",
        "XENMEM_reserved_device_memory_map":
            "struct xen_reserved_device_memory_map",
        "XENMEM_acquire_resource": "struct xen_mem_acquire_resource",
        "XENMEM_get_vnumainfo": "struct xen_vnuma_topology_info",
    }),
    "grant_table_op": ("__HYPERVISOR_grant_table_op", "GNTTABOP_", 1, 2, {
        "GNTTABOP_map_grant_ref": "struct gnttab_map_grant_ref",
        "GNTTABOP_unmap_grant_ref": "struct gnttab_unmap_grant_ref",
        "GNTTABOP_setup_table": "struct gnttab_setup_table",
        "GNTTABOP_dump_table": "struct gnttab_dump_table",
        "GNTTABOP_transfer": "struct gnttab_transfer",
        "GNTTABOP_copy": "struct gnttab_copy",
        "GNTTABOP_query_size": "struct gnttab_query_size",
        "GNTTABOP_unmap_and_replace": "struct gnttab_unmap_and_replace",
        "GNTTABOP_set_version": "struct gnttab_set_version",
        "GNTTABOP_get_status_frames": "struct gnttab_get_status_frames",
        "GNTTABOP_get_version": "struct gnttab_get_version",
        "GNTTABOP_swap_grant_ref": "struct gnttab_swap_grant_ref",
        "GNTTABOP_cache_flush": "struct gnttab_cache_flush",
    }),
    "physdev_op": ("__HYPERVISOR_physdev_op", "PHYSDEVOP_", 1, -1, {
        "PHYSDEVOP_eoi": "struct physdev_eoi",
        "PHYSDEVOP_pirq_eoi_gmfn_v1": "struct physdev_pirq_eoi_gmfn",
        "PHYSDEVOP_pirq_eoi_gmfn_v2": "struct physdev_pirq_eoi_gmfn",
        "PHYSDEVOP_irq_status_query": "struct physdev_irq_status_query",
        "PHYSDEVOP_set_iopl": "struct physdev_set_iopl",
        "PHYSDEVOP_set_iobitmap": "struct physdev_set_iobitmap",
        "PHYSDEVOP_apic_read": "struct physdev_apic",
        "PHYSDEVOP_apic_write": "struct physdev_apic",
        "PHYSDEVOP_alloc_irq_vector": "struct physdev_irq",
        "PHYSDEVOP_free_irq_vector": "struct physdev_irq",
        "PHYSDEVOP_map_pirq": "struct physdev_map_pirq",
        "PHYSDEVOP_unmap_pirq": "struct physdev_unmap_pirq",
        "PHYSDEVOP_manage_pci_add": "struct physdev_manage_pci",
        "PHYSDEVOP_manage_pci_remove": "struct physdev_manage_pci",
        "PHYSDEVOP_restore_msi": "struct physdev_restore_msi",
        "PHYSDEVOP_manage_pci_add_ext": "struct physdev_manage_pci_ext",
        "PHYSDEVOP_setup_gsi": "struct physdev_setup_gsi",
        "PHYSDEVOP_get_free_pirq": "struct physdev_get_free_pirq",
        "PHYSDEVOP_pci_mmcfg_reserved": "struct physdev_pci_mmcfg_reserved",
        "PHYSDEVOP_pci_device_add": "struct physdev_pci_device_add",
        "PHYSDEVOP_pci_device_remove": "struct physdev_pci_device",
        "PHYSDEVOP_restore_msi_ext": "struct physdev_pci_device",
        "PHYSDEVOP_prepare_msix": "struct physdev_pci_device",
        "PHYSDEVOP_release_msix": "struct physdev_pci_device",
        "PHYSDEVOP_dbgp_op": "struct physdev_dbgp_op",
        # Xen 4.20's headers (not in 4.17's: skipped there)
        "PHYSDEVOP_pci_device_reset": "struct pci_device_reset",
    }),
    "hvm_op": ("__HYPERVISOR_hvm_op", "HVMOP_", 1, -1, {
        "HVMOP_set_param": "struct xen_hvm_param",
        "HVMOP_get_param": "struct xen_hvm_param",
        "HVMOP_set_pci_intx_level": None,
        "HVMOP_set_isa_irq_level": None,
        "HVMOP_set_pci_link_route": None,
        "HVMOP_flush_tlbs": None,
        "HVMOP_pagetable_dying": "struct xen_hvm_pagetable_dying",
        "HVMOP_get_time": "struct xen_hvm_get_time",
        "HVMOP_xentrace": "struct xen_hvm_xentrace",
        "HVMOP_set_mem_access": None,
        "HVMOP_get_mem_access": None,
        "HVMOP_get_mem_type": "struct xen_hvm_get_mem_type",
        "HVMOP_set_evtchn_upcall_vector":
            "struct xen_hvm_evtchn_upcall_vector",
        "HVMOP_guest_request_vm_event": None,
        "HVMOP_altp2m": "struct xen_hvm_altp2m_op",
    }),
    "sched_op": ("__HYPERVISOR_sched_op", "SCHEDOP_", 1, -1, {
        "SCHEDOP_yield": None,
        "SCHEDOP_block": None,
        "SCHEDOP_shutdown": "struct sched_shutdown",
        "SCHEDOP_poll": "struct sched_poll",
        "SCHEDOP_remote_shutdown": "struct sched_remote_shutdown",
        "SCHEDOP_shutdown_code": "struct sched_shutdown",
        "SCHEDOP_watchdog": "struct sched_watchdog",
        "SCHEDOP_pin_override": "struct sched_pin_override",
    }),
    "event_channel_op": ("__HYPERVISOR_event_channel_op", "EVTCHNOP_", 1, -1, {
        "EVTCHNOP_bind_interdomain": "struct evtchn_bind_interdomain",
        "EVTCHNOP_bind_virq": "struct evtchn_bind_virq",
        "EVTCHNOP_bind_pirq": "struct evtchn_bind_pirq",
        "EVTCHNOP_close": "struct evtchn_close",
        "EVTCHNOP_send": "struct evtchn_send",
        "EVTCHNOP_status": "struct evtchn_status",
        "EVTCHNOP_alloc_unbound": "struct evtchn_alloc_unbound",
        "EVTCHNOP_bind_ipi": "struct evtchn_bind_ipi",
        "EVTCHNOP_bind_vcpu": "struct evtchn_bind_vcpu",
        "EVTCHNOP_unmask": "struct evtchn_unmask",
        "EVTCHNOP_reset": "struct evtchn_reset",
        "EVTCHNOP_init_control": "struct evtchn_init_control",
        "EVTCHNOP_expand_array": "struct evtchn_expand_array",
        "EVTCHNOP_set_priority": "struct evtchn_set_priority",
        "EVTCHNOP_reset_cont": "struct evtchn_reset",
    }),
    "xen_version": ("__HYPERVISOR_xen_version", "XENVER_", 1, -1, {
        "XENVER_version": None,
        "XENVER_extraversion": None,
        "XENVER_compile_info": "struct xen_compile_info",
        "XENVER_capabilities": None,
        "XENVER_changeset": None,
        "XENVER_platform_parameters": "struct xen_platform_parameters",
        "XENVER_get_features": "struct xen_feature_info",
        "XENVER_pagesize": None,
        "XENVER_guest_handle": None,
        "XENVER_commandline": None,
        "XENVER_build_id": "struct xen_build_id",
        # Xen 4.19 and later: the buffer is inline, no handle
        "XENVER_extraversion2": "struct xen_varbuf",
        "XENVER_capabilities2": "struct xen_varbuf",
        "XENVER_changeset2": "struct xen_varbuf",
        "XENVER_commandline2": "struct xen_varbuf",
    }),
    "argo_op": ("__HYPERVISOR_argo_op", "XEN_ARGO_OP_", 1, -1, {
        "XEN_ARGO_OP_register_ring": "struct xen_argo_register_ring",
        "XEN_ARGO_OP_unregister_ring": "struct xen_argo_unregister_ring",
        # Its handles are in the array of iovs, argument 2, argument 3
        # their number; argument 1 the (handle-free) addresses.
        "XEN_ARGO_OP_sendv": ("struct xen_argo_iov", 2, 3, 1 << 1),
        "XEN_ARGO_OP_notify": "struct xen_argo_ring_data",
    }),
    "kexec_op": ("__HYPERVISOR_kexec_op", "KEXEC_CMD_", 1, -1, {
        "KEXEC_CMD_kexec": "struct xen_kexec_exec",
        "KEXEC_CMD_kexec_load_v1": "struct xen_kexec_load_v1",
        "KEXEC_CMD_kexec_unload_v1": "struct xen_kexec_load_v1",
        "KEXEC_CMD_kexec_get_range": "struct xen_kexec_range",
        "KEXEC_CMD_kexec_load": "struct xen_kexec_load",
        "KEXEC_CMD_kexec_unload": "struct xen_kexec_unload",
        "KEXEC_CMD_kexec_status": "struct xen_kexec_status",
    }),
    "xenpmu_op": ("__HYPERVISOR_xenpmu_op", "XENPMU_", 1, -1, {
        "XENPMU_mode_get": "struct xen_pmu_params",
        "XENPMU_mode_set": "struct xen_pmu_params",
        "XENPMU_feature_get": "struct xen_pmu_params",
        "XENPMU_feature_set": "struct xen_pmu_params",
        "XENPMU_init": "struct xen_pmu_params",
        "XENPMU_finish": "struct xen_pmu_params",
        "XENPMU_lvtpc_set": None,
        "XENPMU_flush": None,
    }),
    # No sub-command: an array of buffers, each a handle, in argument 2;
    # argument 1 counts them.
    "dm_op": ("__HYPERVISOR_dm_op", None, 2, 1, {
        None: "struct xen_dm_op_buf",
    }),
    # Last: one that reaches Xen would leave Xen writing to its target at
    # every context switch.
    "vcpu_op": ("__HYPERVISOR_vcpu_op", "VCPUOP_", 2, -1, {
        "VCPUOP_initialise": None,
        "VCPUOP_up": None,
        "VCPUOP_down": None,
        "VCPUOP_is_up": None,
        "VCPUOP_get_runstate_info": "struct vcpu_runstate_info",
        "VCPUOP_register_runstate_memory_area":
            "struct vcpu_register_runstate_memory_area",
        "VCPUOP_set_periodic_timer": "struct vcpu_set_periodic_timer",
        "VCPUOP_stop_periodic_timer": None,
        "VCPUOP_set_singleshot_timer": "struct vcpu_set_singleshot_timer",
        "VCPUOP_stop_singleshot_timer": None,
        "VCPUOP_register_vcpu_info": "struct vcpu_register_vcpu_info",
        "VCPUOP_send_nmi": None,
        "VCPUOP_get_physid": "struct vcpu_get_physid",
        "VCPUOP_register_vcpu_time_memory_area":
            "struct vcpu_register_time_memory_area",
        # Xen 4.18 and later: the same structures, but Xen reads their
        # addr.p, a guest physical address, never the handle addr.h
        # (common/domain.c, arch/x86/domain.c of 4.20)
        "VCPUOP_register_runstate_phys_area": None,
        "VCPUOP_register_vcpu_time_phys_area": None,
    }),
}

# Macros of a register operation's prefix that are values of a field, not
# sub-commands (their structure's own selectors).
FIELD_VALUES = re.compile(
    r"^(XENMEM_(paging_op_|access_op_|sharing_op_|resource_)|"
    r"HVMOP_altp2m_)")

# Scalar fields that bound how much Xen reads or writes through a handle
# next to them: set to 1 in the first fill pattern, so that Xen would
# really use the handle.
COUNT_NAME = re.compile(
    r"(^(nr|num|n|max|total)(_|$)|count|size|len|^pages$|_bits$|nr$)")

# Rows per (op, cmd) are capped in the output (none is near it).
MAX_COUNTS = 8


def warn(msg):
    print("xen_handles: " + msg, file=sys.stderr)


def preprocess(cpp, incdir, arch, flags):
    src = "".join("#include <%s>\n" % h for h in HEADERS)
    args = cpp.split() + [
        "-nostdinc", "-I", incdir, "-D__XEN_TOOLS__=1", "-D%s=1" % arch_macro(arch),
        "-D__attribute__(x)=", "-D__extension__=",
    ] + flags
    pre = PRELUDE + run(args + ["-P", "-E", "-"], src)
    macros = {}
    for line in run(args + ["-dM", "-E", "-"], src).splitlines():
        m = re.match(r"#define (\w+) (.*)$", line)
        if m:
            macros[m.group(1)] = m.group(2).strip()
    return pre, macros


def arch_macro(arch):
    return {"x86_64": "__x86_64__", "i386": "__i386__",
            "aarch64": "__aarch64__"}[arch]


def run(args, stdin):
    p = subprocess.run(args, input=stdin, capture_output=True, text=True)
    if p.returncode:
        sys.exit("xen_handles: %s failed:\n%s" % (" ".join(args), p.stderr))
    return p.stdout


class Types:
    """Typedefs and tagged struct/union definitions of the headers."""

    def __init__(self, ast):
        self.typedefs = {}
        self.tags = {}
        for ext in ast.ext:
            if isinstance(ext, c_ast.Typedef):
                self.typedefs[ext.name] = ext.type
            self.collect(ext)

    def collect(self, node):
        if isinstance(node, (c_ast.Struct, c_ast.Union)) and node.decls is not None \
                and node.name:
            kind = "struct" if isinstance(node, c_ast.Struct) else "union"
            self.tags[(kind, node.name)] = node
        for _, child in node.children():
            self.collect(child)

    def is_handle(self, tdecl):
        """A TypeDecl naming (through typedefs) a __guest_handle_ type."""
        while isinstance(tdecl, c_ast.TypeDecl) and \
                isinstance(tdecl.type, c_ast.IdentifierType):
            name = tdecl.type.names[-1]
            if name.startswith("__guest_handle_"):
                return True
            tdecl = self.typedefs.get(name)
        return False

    def target(self, tdecl):
        """For a handle, the name of the type it points to."""
        while isinstance(tdecl, c_ast.TypeDecl):
            name = tdecl.type.names[-1]
            if name.startswith("__guest_handle_"):
                st = self.typedefs[name].type
                return st.decls[0].type.type
            tdecl = self.typedefs.get(name)
        return None

    def aggregate(self, tdecl):
        """The struct/union definition a TypeDecl names, or None."""
        while isinstance(tdecl, c_ast.TypeDecl):
            t = tdecl.type
            if isinstance(t, (c_ast.Struct, c_ast.Union)):
                if t.decls is not None:
                    return t
                kind = "struct" if isinstance(t, c_ast.Struct) else "union"
                return self.tags.get((kind, t.name))
            if isinstance(t, c_ast.IdentifierType):
                tdecl = self.typedefs.get(t.names[-1])
                continue
            return None
        return None

    def is_scalar(self, tdecl):
        return isinstance(tdecl, c_ast.TypeDecl) and \
            not self.is_handle(tdecl) and self.aggregate(tdecl) is None

    def lookup(self, ctype):
        kind, name = ctype.split()
        return self.tags.get((kind, name))


def handles(types, agg, prefix, counts, out):
    """Appends (path, [count paths]) for each handle inside @agg."""
    here = list(counts)
    for d in agg.decls or []:
        if d.name and types.is_scalar(d.type) and COUNT_NAME.search(d.name):
            here.append(prefix + d.name)
    for d in agg.decls or []:
        t = d.type
        path = prefix + d.name if d.name else prefix.rstrip(".")
        sub = ""
        while isinstance(t, c_ast.ArrayDecl):
            # An array of handles or of structures: its first element.
            t = t.type
            sub += "[0]"
        if types.is_handle(t):
            out.append((path + sub, here, None))
            # An array behind the handle whose elements hold handles:
            # those of its first element, reached through this one.
            elem = types.target(t)
            inner = types.aggregate(elem) if elem is not None else None
            if inner is not None:
                hs = []
                handles(types, inner, "", [], hs)
                for p, c, via in hs:
                    if via is None:
                        out.append((p, here, (path + sub, type_name(elem), c)))
            continue
        inner = types.aggregate(t)
        if inner is not None:
            handles(types, inner, (path + sub + ".") if (d.name or sub) else prefix,
                    here, out)


def type_name(tdecl):
    t = tdecl.type
    if isinstance(t, c_ast.IdentifierType):
        return " ".join(t.names)
    return ("struct " if isinstance(t, c_ast.Struct) else "union ") + t.name


def member_cmds(op_prefix, name_prefix, member, macros, text, tdecl, types):
    """The sub-commands a union member belongs to (see the module doc)."""
    base = member[len(name_prefix):] if member.startswith(name_prefix) else member
    cands = [base, "get" + base, "set" + base, "get_" + base, "set_" + base]
    if op_prefix == "FLASK_":
        cands = [c.upper() for c in cands]
    named = [op_prefix + c for c in cands if op_prefix + c in macros]
    # The comment or #define lines right above the member, then above the
    # definition of its structure: several sub-commands may share one.
    found = mentioned(op_prefix, macros, text,
                      r"[\w ]+\b%s\s*;" % re.escape(member))
    if not found:
        agg = types.aggregate(tdecl)
        if agg is not None and agg.name:
            found = mentioned(op_prefix, macros, text,
                              r"(typedef\s+)?struct\s+%s\s*(\{|$)" % re.escape(agg.name))
    found = named + [m for m in found if m not in named]
    if found:
        return found
    # The member's words, in order, are whole words of one sub-command's
    # name (set_pminfo: XENPF_set_processor_pminfo).
    words = base.split("_")
    found = [m for m in macros if is_cmd(op_prefix, m, macros) and
             subsequence(words, m[len(op_prefix):].split("_"))]
    return found if len(found) == 1 else []


def subsequence(words, within):
    it = iter(within)
    return all(w in it for w in words)


def mentioned(op_prefix, macros, text, line_re):
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if not re.match(r"\s*" + line_re, line):
            continue
        names = []
        j = i - 1
        while j >= 0 and re.match(r"\s*(/\*|\*|#define|#if|#endif|$)", lines[j]):
            names += re.findall(r"\b%s[A-Za-z]\w*" % re.escape(op_prefix), lines[j])
            j -= 1
        names = [n for n in names if n in macros and is_cmd(op_prefix, n, macros)]
        if names:
            return sorted(set(names), key=names.index)
    return []


def is_cmd(prefix, name, macros):
    val = macros.get(name, "")
    return re.match(r"^\(?\s*(0x[0-9a-fA-F]+|\d+)\s*\)?$", val) is not None and \
        (prefix == "FLASK_" or re.match(re.escape(prefix) + "[a-z]", name))


def c_str(s):
    return '"%s"' % s


def emit_row(out, op, opmacro, iv, cmd, ctype, args, in_struct, hd):
    struct_arg, count_arg, scratch = args
    path, counts, via = hd
    out.append("\t{")
    out.append("\t\t.op = %s, .op_name = %s," % (opmacro, c_str(op)))
    out.append("\t\t.iv = %s, .cmd = %s, .cmd_name = %s," %
               (iv or "0", cmd or "0", c_str(cmd or "-")))
    out.append("\t\t.size = sizeof(%s), .type = %s," % (ctype, c_str(ctype)))
    if in_struct:
        out.append("\t\t.cmd_off = offsetof(%s, cmd)," % ctype)
        out.append("\t\t.iv_off = offsetof(%s, interface_version)," % ctype)
    else:
        out.append("\t\t.cmd_off = HG_NONE, .iv_off = HG_NONE,")
    out.append("\t\t.struct_arg = %d, .count_arg = %d, .scratch_args = %#x," %
               (struct_arg, count_arg, scratch))
    allc = [(ctype, c, 0) for c in counts]
    if via:
        vpath, etype, ecounts = via
        out.append("\t\t.via_off = offsetof(%s, %s), .via_size = sizeof(%s)," %
                   (ctype, vpath, etype))
        out.append("\t\t.off = offsetof(%s, %s)," % (etype, path))
        out.append("\t\t.path = %s," % c_str("%s[0].%s" % (vpath, path)))
        allc += [(etype, c, 1) for c in ecounts]
    else:
        out.append("\t\t.via_off = HG_NONE,")
        out.append("\t\t.off = offsetof(%s, %s), .path = %s," %
                   (ctype, path, c_str(path)))
    if len(allc) > MAX_COUNTS:
        warn("%s %s %s: %d count fields, %d kept" %
             (op, cmd, path, len(allc), MAX_COUNTS))
        allc = allc[-MAX_COUNTS:]
    out.append("\t\t.nr_counts = %d, .counts = {" % len(allc))
    for t, c, e in allc:
        out.append("\t\t\t{ offsetof(%s, %s), sizeof(((%s *)0)->%s), %d }," %
                   (t, c, t, c, e))
    out.append("\t\t},")
    out.append("\t},")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cpp", default=os.environ.get("CPP", "cpp"))
    ap.add_argument("--include", default="/usr/include")
    ap.add_argument("--arch", default="x86_64")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()

    pre, macros = preprocess(a.cpp, a.include, a.arch, [])
    ast = c_parser.CParser().parse(pre, "xen-headers")
    types = Types(ast)

    rows = []
    unmatched = []
    nostruct = []
    stats = {}

    for op, opmacro, sname, iv, prefix, nprefix, hdr in UNION_OPS:
        top = types.tags.get(("struct", sname))
        if top is None:
            unmatched.append("%s: struct %s not in the headers" % (op, sname))
            continue
        with open(os.path.join(a.include, hdr)) as f:
            text = f.read()
        union = None
        for d in top.decls:
            if d.name == "u":
                union = types.aggregate(d.type)
        claimed = set()
        for d in union.decls:
            if d.name == "pad":
                continue
            found = []
            inner = types.aggregate(d.type)
            hs = []
            if inner is not None:
                handles(types, inner, "u.%s." % d.name, [], hs)
            elif types.is_handle(d.type):
                hs.append(("u." + d.name, [], None))
            if d.name:
                found = member_cmds(prefix, nprefix, d.name, macros, text,
                                         d.type, types)
            if not found:
                unmatched.append("%s: union member u.%s (%d handles) matches no %s*"
                                 % (op, d.name, len(hs), prefix))
                stats.setdefault(op, [0, 0, 0])[1] += len(hs)
                continue
            claimed.update(found)
            for cmd in found:
                for hd in hs:
                    rows.append((op, opmacro, iv, cmd, "struct " + sname,
                                 (0, -1, 0), True, hd))
                stats.setdefault(op, [0, 0, 0])[0] += len(hs)
        for m in sorted(macros):
            if m.startswith(prefix) and is_cmd(prefix, m, macros) and m not in claimed:
                if m.endswith("INTERFACE_VERSION"):
                    continue
                nostruct.append("%s: %s has no union member" % (op, m))

    for op, (opmacro, prefix, sarg, carg, cmap) in REGISTER_OPS.items():
        if prefix:
            for m in sorted(macros):
                if m.startswith(prefix) and is_cmd(prefix, m, macros) and \
                        m not in cmap and not FIELD_VALUES.match(m):
                    unmatched.append("%s: sub-command %s is not in the table" % (op, m))
        for cmd, ctype in cmap.items():
            if cmd is not None and cmd not in macros:
                continue	# not in this version's (or this arch's) headers
            if ctype is None:
                continue
            args = (sarg, carg, 0)
            if isinstance(ctype, tuple):
                ctype, args = ctype[0], ctype[1:]
            agg = types.lookup(ctype)
            if agg is None:
                unmatched.append("%s: %s's %s is not in the headers" % (op, cmd, ctype))
                continue
            hs = []
            handles(types, agg, "", [], hs)
            for hd in hs:
                rows.append((op, opmacro, None, cmd, ctype, args, False, hd))
            stats.setdefault(op, [0, 0, 0])[0] += len(hs)

    out = [
        "/* SPDX-License-Identifier: GPL-2.0-only */",
        "/*",
        " * Generated by testing/gen/xen_handles.py from Xen's public headers",
        " * (%s): every guest handle embedded in a hypercall argument." % a.include,
        " * A build product: do not edit, do not commit.",
        " */",
        "#ifndef HG_VARIANTS",
        "#include <stddef.h>",
    ]
    out += ["#include <%s>" % h for h in HEADERS]
    out += [
        "",
        "#define HG_NR_UNMATCHED %d" % len(unmatched),
        "static const char *const hg_unmatched[] = {",
    ]
    out += ["\t%s," % c_str(u) for u in unmatched]
    out += ["\tNULL,", "};", "", "static const struct hg_row hg_rows[] = {"]
    for r in rows:
        emit_row(out, *r)
    out += ["};", "", "#else",
            "/* One variant of the test's fixture \"hg\" per row. */"]
    seen = set()
    for i, r in enumerate(rows):
        op, cmd, hd = r[0], r[3], r[7]
        path = hd[0] if hd[2] is None else "%s[0].%s" % (hd[2][0], hd[0])
        name = re.sub(r"[^A-Za-z0-9]+", "_", "%s__%s__%s" % (op, cmd or "", path))
        name = re.sub(r"_+$", "", name)
        while name in seen:
            name += "_"
        seen.add(name)
        out.append("FIXTURE_VARIANT_ADD(hg, %s) {\n\t.idx = %d,\n};" % (name, i))
    out += ["#endif", ""]
    with open(a.output + ".tmp", "w") as f:
        f.write("\n".join(out))
    os.replace(a.output + ".tmp", a.output)

    for u in unmatched:
        warn("unmatched: " + u)
    for op, (n, lost, _) in sorted(stats.items()) if a.verbose else []:
        warn("%-16s %3d handle rows%s" % (op, n, ", %d unmatched" % lost if lost else ""))
    warn("%d rows; %d unmatched union members or sub-commands; "
         "%d sub-commands without a structure" % (len(rows), len(unmatched), len(nostruct)))


if __name__ == "__main__":
    main()
