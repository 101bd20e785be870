/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tracepoints: events/xprivcmd/ in tracefs, for trace-cmd and perf.
 * Disabled tracepoints cost a patched-out branch.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM xprivcmd

#if !defined(XPRIVCMD_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define XPRIVCMD_TRACE_H

#include <linux/tracepoint.h>

TRACE_EVENT(xprivcmd_hypercall,
	    TP_PROTO(u64 op, u64 subop, const unsigned long *args, long ret,
		     u64 duration_ns),
	    TP_ARGS(op, subop, args, ret, duration_ns),
	    TP_STRUCT__entry(__field(u64, op)
			     __field(u64, subop)
			     __array(unsigned long, args, 5)
			     __field(long, ret)
			     __field(u64, duration_ns)),
	    TP_fast_assign(__entry->op = op;
			   __entry->subop = subop;
			   memcpy(__entry->args, args, sizeof(__entry->args));
			   __entry->ret = ret;
			   __entry->duration_ns = duration_ns;),
	    TP_printk("op=%llu subop=%llu args=%#lx,%#lx,%#lx,%#lx,%#lx ret=%ld duration_ns=%llu",
		      __entry->op, __entry->subop, __entry->args[0],
		      __entry->args[1], __entry->args[2], __entry->args[3],
		      __entry->args[4], __entry->ret, __entry->duration_ns)
);

TRACE_EVENT(xprivcmd_refused,
	    TP_PROTO(u64 op, unsigned int reason, u32 arg, u32 mc_entry, int err),
	    TP_ARGS(op, reason, arg, mc_entry, err),
	    TP_STRUCT__entry(__field(u64, op)
			     __field(unsigned int, reason)
			     __field(u32, arg)
			     __field(u32, mc_entry)
			     __field(int, err)),
	    TP_fast_assign(__entry->op = op;
			   __entry->reason = reason;
			   __entry->arg = arg;
			   __entry->mc_entry = mc_entry;
			   __entry->err = err;),
	    TP_printk("op=%llu reason=%u arg=%d entry=%d err=%d", __entry->op,
		      __entry->reason, (int)__entry->arg,
		      (int)__entry->mc_entry, __entry->err)
);

#endif /* XPRIVCMD_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE xprivcmd_trace
#include <trace/define_trace.h>
