// SPDX-License-Identifier: GPL-2.0-only
/*
 * The little JSON hcall writes: strings and byte buffers.  Numbers and
 * punctuation are written with printf() where they are used.
 */
#include <string.h>

#include "hcall.h"

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

void json_str(FILE *f, const char *s)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	json_mem(f, s, strlen(s));
}

void json_hex(FILE *f, const void *s, size_t len)
{
	const unsigned char *p = s;
	size_t i;

	putc('"', f);
	for (i = 0; i < len; i++)
		fprintf(f, "%02x", p[i]);
	putc('"', f);
}
