/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tracepoints: events/xprivcmd/ in tracefs, for trace-cmd and perf.
 * Disabled tracepoints cost a patched-out branch.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM xprivcmd

#if !defined(XPRIVCMD_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define XPRIVCMD_TRACE_H

#include <linux/string.h>
#include <linux/tracepoint.h>

#include "reasons.h"
#include "schema.h"

/*
 * Names are copied into the event from the module's one table of each (the
 * schema's hypercall names, the refusal reasons' ids), so that trace-cmd,
 * perf and a raw trace_pipe show them without a table of their own.  Longer
 * than every hypercall name and reason id.
 */
#define XPRIVCMD_TRACE_NAME_LEN	32

TRACE_EVENT(xprivcmd_hypercall,
	    TP_PROTO(u64 op, u64 subop, const unsigned long *args, long ret,
		     u64 duration_ns),
	    TP_ARGS(op, subop, args, ret, duration_ns),
	    TP_STRUCT__entry(__field(u64, op)
			     __array(char, op_name, XPRIVCMD_TRACE_NAME_LEN)
			     __field(u64, subop)
			     __array(unsigned long, args, 5)
			     __field(long, ret)
			     __field(u64, duration_ns)),
	    TP_fast_assign(__entry->op = op;
			   strscpy(__entry->op_name, xprivcmd_op_name(op),
				   sizeof(__entry->op_name));
			   __entry->subop = subop;
			   memcpy(__entry->args, args, sizeof(__entry->args));
			   __entry->ret = ret;
			   __entry->duration_ns = duration_ns;),
	    TP_printk("op=%llu op_name=%s subop=%llu args=%#lx,%#lx,%#lx,%#lx,%#lx ret=%ld duration_ns=%llu",
		      __entry->op, __entry->op_name, __entry->subop, __entry->args[0],
		      __entry->args[1], __entry->args[2], __entry->args[3],
		      __entry->args[4], __entry->ret, __entry->duration_ns)
);

TRACE_EVENT(xprivcmd_refused,
	    TP_PROTO(u64 op, unsigned int reason, u32 arg, u32 mc_entry, int err),
	    TP_ARGS(op, reason, arg, mc_entry, err),
	    TP_STRUCT__entry(__field(u64, op)
			     __array(char, op_name, XPRIVCMD_TRACE_NAME_LEN)
			     __field(unsigned int, reason)
			     __array(char, reason_id, XPRIVCMD_TRACE_NAME_LEN)
			     __field(u32, arg)
			     __field(u32, mc_entry)
			     __field(int, err)),
	    TP_fast_assign(__entry->op = op;
			   strscpy(__entry->op_name, xprivcmd_op_name(op),
				   sizeof(__entry->op_name));
			   __entry->reason = reason;
			   strscpy(__entry->reason_id, xprivcmd_reason(reason)->id,
				   sizeof(__entry->reason_id));
			   __entry->arg = arg;
			   __entry->mc_entry = mc_entry;
			   __entry->err = err;),
	    TP_printk("op=%llu op_name=%s reason=%u reason_id=%s arg=%d entry=%d err=%d",
		      __entry->op, __entry->op_name, __entry->reason,
		      __entry->reason_id, (int)__entry->arg,
		      (int)__entry->mc_entry, __entry->err)
);

#endif /* XPRIVCMD_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE xprivcmd_trace
#include <trace/define_trace.h>
