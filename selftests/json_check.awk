# SPDX-License-Identifier: GPL-2.0-only
#
# The JSON checker of hcall_test.sh, which tests hcall's --json output with
# it rather than with hcall: reads one JSON document on stdin and prints it
# flattened, one "path=value" line per scalar (".a.b[0]=1", strings without
# their quotes, escapes left as they are), plus "path.length=N" for arrays.
# Exits 1 with a message on anything that is not exactly one valid JSON
# value.  POSIX awk (busybox's in the test VM): awk -f json_check.awk
function fail(m) { print "invalid JSON: " m " at offset " pos ": " substr(s, pos, 40); bad = 1; exit 1 }
function ws() { while (pos <= len && index(" \t\r\n", substr(s, pos, 1))) pos++ }
function str(   out, c, e) {
	pos++
	out = ""
	for (;;) {
		if (pos > len) fail("unterminated string")
		c = substr(s, pos, 1)
		if (c == "\"") { pos++; return out }
		if (c == "\\") {
			e = substr(s, pos + 1, 1)
			if (index("\"\\/bfnrt", e)) { out = out c e; pos += 2; continue }
			if (e == "u" && substr(s, pos + 2, 4) ~ /^[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]$/) {
				out = out substr(s, pos, 6); pos += 6; continue
			}
			fail("bad escape")
		}
		if (c < " ") fail("control character in string")
		out = out c
		pos++
	}
}
function value(path,   c, k, i) {
	ws()
	c = substr(s, pos, 1)
	if (c == "{") {
		pos++; ws()
		if (substr(s, pos, 1) == "}") { pos++; print path "={}"; return }
		for (;;) {
			ws()
			if (substr(s, pos, 1) != "\"") fail("expected a key")
			k = str(); ws()
			if (substr(s, pos, 1) != ":") fail("expected :")
			pos++
			value(path "." k); ws()
			c = substr(s, pos++, 1)
			if (c == "}") return
			if (c != ",") fail("expected , or }")
		}
	}
	if (c == "[") {
		pos++; ws()
		if (substr(s, pos, 1) == "]") { pos++; print path ".length=0"; return }
		for (i = 0; ; i++) {
			value(path "[" i "]"); ws()
			c = substr(s, pos++, 1)
			if (c == "]") { print path ".length=" i + 1; return }
			if (c != ",") fail("expected , or ]")
		}
	}
	if (c == "\"") { print path "=" str(); return }
	if (match(substr(s, pos), /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/)) {
		print path "=" substr(s, pos, RLENGTH); pos += RLENGTH; return
	}
	if (substr(s, pos, 4) == "true" || substr(s, pos, 4) == "null") { print path "=" substr(s, pos, 4); pos += 4; return }
	if (substr(s, pos, 5) == "false") { print path "=false"; pos += 5; return }
	fail("unexpected character")
}
{ s = s $0 "\n" }
END {
	if (bad) exit 1
	len = length(s); pos = 1
	if (len == 0) fail("empty")
	value(""); ws()
	if (pos <= len) fail("trailing data")
}
