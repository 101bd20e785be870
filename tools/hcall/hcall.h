/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hcall internals shared between the program and its host unit tests.
 *
 * parse.c, explain.c and json.c are pure: no device, no hypervisor.  main.c
 * holds the command table and the global options, device.c opens the device,
 * hypercall.c issues calls and reports failures, and each cmd_*.c holds the
 * commands that touch one thing (Xen's console, the module's policy...).
 */
#ifndef HCALL_H
#define HCALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <xen/xprivcmd.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* Exit codes; hcall --help and hcall.1 list them from hcall_exit_codes[]. */
enum {
	HCALL_EXIT_OK = 0,
	HCALL_EXIT_CALL = 1,
	HCALL_EXIT_USAGE = 2,
	HCALL_EXIT_DEVICE = 3,
	HCALL_EXIT_UNAVAILABLE = 4,
};

struct hcall_exit_code {
	int code;
	const char *meaning;
};

extern const struct hcall_exit_code hcall_exit_codes[];
extern const unsigned int hcall_nr_exit_codes;

/* A hypercall takes at most this many arguments (privcmd_hypercall.arg). */
#define HCALL_NR_ARGS		5
/* Largest str:, hex: or out: buffer, in bytes. */
#define HCALL_MAX_BUF		65536
/* Room for a parse error message. */
#define HCALL_ERR_LEN		160

enum hcall_arg_kind {
	HCALL_ARG_INT,		/* a number passed as is */
	HCALL_ARG_STR,		/* str:TEXT, passed as a pointer to TEXT\0 */
	HCALL_ARG_HEX,		/* hex:BYTES, passed as a pointer to BYTES */
	HCALL_ARG_OUT,		/* out:N, a pointer to N zeroed bytes */
};

/**
 * struct hcall_arg - one parsed argument of `hcall call`
 * @kind: &enum hcall_arg_kind
 * @value: the number for %HCALL_ARG_INT
 * @buf: the buffer for the other kinds (malloc()ed), NULL for numbers
 * @len: its length in bytes
 * @orig: a copy of @buf as passed, to tell whether the call changed it
 */
struct hcall_arg {
	enum hcall_arg_kind kind;
	uint64_t value;
	unsigned char *buf;
	size_t len;
	unsigned char *orig;
};

int hcall_parse_u64(const char *s, uint64_t *out, char *err, size_t errlen);
int hcall_parse_op(const char *s, uint64_t *op, char *err, size_t errlen);
extern struct xprivcmd_user_ops hcall_user_ops;
void hcall_load_user_ops(const char *path);
const struct xprivcmd_op *hcall_op(uint64_t nr, const char **name);
int hcall_parse_arg(const char *s, struct hcall_arg *a, char *err,
		    size_t errlen);
void hcall_arg_free(struct hcall_arg *a);

/* Named constants usable as arguments, with the op they belong to. */
struct hcall_const {
	const char *name;
	uint64_t op;
	uint64_t value;
};

extern const struct hcall_const hcall_consts[];
extern const unsigned int hcall_nr_consts;
const char *hcall_const_name(uint64_t op, uint64_t value);
struct xprivcmd_class;
const char *hcall_class_name(const struct xprivcmd_class *c);

/* One line of the module's debugfs statistics, per hypercall. */
struct hcall_stat_op {
	unsigned int nr;
	char name[64];
	unsigned long long issued, failed, rejected;
};

struct hcall_stat_reason {
	unsigned int reason;
	unsigned long long count;
	char text[96];
};

#define HCALL_MAX_REASONS	32
#define HCALL_MAX_ERRNOS	136

/* How often Xen failed a call with an errno; @plus: this errno or higher. */
struct hcall_stat_errno {
	unsigned int err;
	bool plus;
	unsigned long long count;
};

struct hcall_stats {
	struct hcall_stat_op ops[XPRIVCMD_NR_HYPERCALLS];
	unsigned int nr_ops;
	unsigned long long out_of_range;
	struct hcall_stat_reason reasons[HCALL_MAX_REASONS];
	unsigned int nr_reasons;
	struct hcall_stat_errno errnos[HCALL_MAX_ERRNOS];
	unsigned int nr_errnos;
};

int hcall_parse_stats(FILE *f, struct hcall_stats *st, char *err,
		      size_t errlen);

/**
 * struct hcall_failed_arg - an argument of a failed `hcall call`
 * @kind: &enum hcall_arg_kind
 * @value: the number passed (a buffer's address for the other kinds)
 * @len: a buffer's length in bytes
 */
struct hcall_failed_arg {
	enum hcall_arg_kind kind;
	uint64_t value;
	size_t len;
};

/**
 * struct hcall_failure - what is known about a failed hypercall
 * @err: the errno the ioctl failed with
 * @op: the hypercall number
 * @have_last: the driver answered XPRIVCMD_IOCTL_LAST_ERROR
 * @by_driver: the driver, not Xen, refused the call (@last says why)
 * @last: the driver's record of the refusal, valid if @by_driver
 * @nr_args: how many of @args are known (`hcall call`); 0 otherwise
 * @args: the arguments as given, to suggest a declaration from
 * @have_subop: @subop is known
 * @subop: the sub-command the call carried
 */
struct hcall_failure {
	int err;
	uint64_t op;
	bool have_last;
	bool by_driver;
	struct xprivcmd_last_error last;
	unsigned int nr_args;
	struct hcall_failed_arg args[HCALL_NR_ARGS];
	bool have_subop;
	uint64_t subop;
};

/* Where the module's parameters are (hcall's explanations name them). */
#define HCALL_PARAMS		"/sys/module/xprivcmd/parameters/"

const char *hcall_errno_name(int err);
const char *hcall_reason_id(unsigned int reason);
const char *hcall_reason_text(unsigned int reason);
const char *hcall_refused_by(const struct hcall_failure *f);
int hcall_explain(const struct hcall_failure *f, char *buf, size_t len);

int hcall_subop_arg(uint64_t op);
int hcall_parse_subop(uint64_t op, const char *name, uint64_t *value);
int hcall_cmdline_bool(const char *cmdline, const char *name);

void json_mem(FILE *f, const void *s, size_t len);
void json_object(const char *key);
void json_array(const char *key);
void json_end(void);
void json_string(const char *key, const char *s);
void json_bytes(const char *key, const void *s, size_t len);
void json_hex(const char *key, const void *s, size_t len);
void json_uint(const char *key, uint64_t v);
void json_int(const char *key, int64_t v);
void json_bool(const char *key, bool v);
void json_null(const char *key);
void json_scalar(const char *key, const char *text);

/*
 * The program (not the unit tests): main.c, device.c, hypercall.c and the
 * commands.
 */

/* --json and --device (or HCALL_DEVICE), from main.c. */
extern bool hcall_json;
extern const char *hcall_device;

/* Where the module keeps what hcall reads. */
#define HCALL_MODULE		"/sys/module/xprivcmd"
#define HCALL_POLICY_PATH	HCALL_PARAMS "policy"
#define HCALL_USER_OPS_PATH	HCALL_PARAMS "user_ops"

/**
 * struct hcall_cmd - one command of hcall
 * @name: what the user types
 * @run: does it, with the words after @name; returns the exit status
 * @complete: prints the words that may follow @argc words after @name, one
 *	a line, for `hcall __complete`; NULL: @words
 * @words: the words that may follow @name (sub-commands, options), space
 *	separated, for completion; may be NULL
 * @args: the synopsis after @name
 * @summary: one line of help
 * @help: what `hcall help NAME` says after the synopsis, or NULL
 * @hidden: not listed (`__complete`, for the shell)
 */
struct hcall_cmd {
	const char *name;
	int (*run)(int argc, char **argv);
	void (*complete)(int argc, char **argv);
	const char *words;
	const char *args;
	const char *summary;
	const char *help;
	bool hidden;
};

extern const struct hcall_cmd hcall_cmds[];
extern const unsigned int hcall_nr_cmds;
const struct hcall_cmd *hcall_find_cmd(const char *name);
void hcall_print_cmd_help(FILE *f, const struct hcall_cmd *c);

__attribute__((format(printf, 4, 5)))
int hcall_error(int code, const char *kind, int err, const char *fmt, ...);
#define usage_error(...) hcall_error(HCALL_EXIT_USAGE, "usage", 0, __VA_ARGS__)

int hcall_open_device(void);

long hcall_hypercall(int fd, uint64_t op, const uint64_t *args,
		     struct hcall_failure *f);
long hcall_hypercall3(int fd, uint64_t op, uint64_t a0, uint64_t a1,
		      uint64_t a2, struct hcall_failure *f);
const char *hcall_op_name(uint64_t op);
int hcall_report_failure(const char *what, const struct hcall_failure *f);

int cmd_version(int argc, char **argv);
int cmd_console(int argc, char **argv);
int cmd_dmesg(int argc, char **argv);
int cmd_call(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_policy(int argc, char **argv);
int cmd_trace(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_complete(int argc, char **argv);
int hcall_print_version(void);

void complete_ops(int argc, char **argv);
void complete_call(int argc, char **argv);
void complete_help(int argc, char **argv);

#endif /* HCALL_H */
