// SPDX-License-Identifier: GPL-2.0-only
/*
 * The JSON hcall writes on stdout: one document a command, built with an
 * object/array/key/value writer that puts the commas and escapes the
 * strings, so that no command writes JSON punctuation of its own.
 */
#include <inttypes.h>
#include <string.h>

#include "hcall.h"

/* Deeper than any document hcall writes (list OP: four levels). */
#define JSON_MAX_DEPTH	8

static FILE *json_out;
static unsigned int json_depth;
/* Each open object or array: has it a member yet, and what closes it. */
static struct {
	bool filled;
	char close;
} json_open_at[JSON_MAX_DEPTH];

/*
 * Bytes outside printable ASCII are escaped as \u00XX, so the output is
 * always valid JSON (and ASCII), whatever Xen put in a buffer: a byte
 * 0x80-0xff reads back as the Latin-1 character of that value.
 */
void json_mem(FILE *f, const void *s, size_t len)
{
	const unsigned char *p = s;
	size_t i;

	putc('"', f);
	for (i = 0; i < len; i++) {
		switch (p[i]) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		default:
			if (p[i] < 0x20 || p[i] >= 0x7f)
				fprintf(f, "\\u%04x", p[i]);
			else
				putc(p[i], f);
		}
	}
	putc('"', f);
}

/*
 * What comes before every value: the comma after the previous member of
 * the open object or array, and in an object the escaped key.  At the top
 * level, a new document on stdout.
 */
static FILE *json_member(const char *key)
{
	if (!json_depth) {
		json_out = stdout;
	} else {
		if (json_open_at[json_depth - 1].filled)
			putc(',', json_out);
		json_open_at[json_depth - 1].filled = true;
	}
	if (key) {
		json_mem(json_out, key, strlen(key));
		putc(':', json_out);
	}
	return json_out;
}

static void json_open(const char *key, char open, char close)
{
	putc(open, json_member(key));
	json_open_at[json_depth].filled = false;
	json_open_at[json_depth].close = close;
	json_depth++;
}

/**
 * json_object() - open an object
 * @key: its key in the enclosing object; NULL at the top or in an array
 */
void json_object(const char *key)
{
	json_open(key, '{', '}');
}

/**
 * json_array() - open an array
 * @key: as for json_object()
 */
void json_array(const char *key)
{
	json_open(key, '[', ']');
}

/* Closes the innermost object or array; the outermost ends the line. */
void json_end(void)
{
	putc(json_open_at[--json_depth].close, json_out);
	if (!json_depth)
		putc('\n', json_out);
}

/* A string, or null for a NULL @s. */
void json_string(const char *key, const char *s)
{
	FILE *f = json_member(key);

	if (s)
		json_mem(f, s, strlen(s));
	else
		fputs("null", f);
}

/* @len bytes as a string, escaped as json_mem() says. */
void json_bytes(const char *key, const void *s, size_t len)
{
	json_mem(json_member(key), s, len);
}

/* @len bytes as a string of two lower-case hex digits each. */
void json_hex(const char *key, const void *s, size_t len)
{
	const unsigned char *p = s;
	FILE *f = json_member(key);
	size_t i;

	putc('"', f);
	for (i = 0; i < len; i++)
		fprintf(f, "%02x", p[i]);
	putc('"', f);
}

void json_uint(const char *key, uint64_t v)
{
	fprintf(json_member(key), "%" PRIu64, v);
}

void json_int(const char *key, int64_t v)
{
	fprintf(json_member(key), "%" PRId64, v);
}

void json_bool(const char *key, bool v)
{
	fputs(v ? "true" : "false", json_member(key));
}

void json_null(const char *key)
{
	fputs("null", json_member(key));
}

/* Whether @s is a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?, no exponent. */
static bool json_is_number(const char *s)
{
	const char *p = s + (*s == '-');

	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		p += strspn(p, "0123456789");
	else
		return false;
	if (*p == '.' && p[1] >= '0' && p[1] <= '9')
		p += 1 + strspn(p + 1, "0123456789");
	return !*p;
}

/* Text that may be a number (a trace field): a number if it is one. */
void json_scalar(const char *key, const char *text)
{
	if (json_is_number(text))
		fputs(text, json_member(key));
	else
		json_string(key, text);
}
