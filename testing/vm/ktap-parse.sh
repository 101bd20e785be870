#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# ktap-parse.sh FILE: whether standard parsers read the KTAP document FILE
# (make check's) as we do, as KTAP.  Its exit status is 0: its verdicts are
# its results.
#   ktap.tap_parser_accepts_every_level   perl's TAP::Parser (what prove
#       runs) finds no parse error (plan, numbering, syntax) in the top
#       level nor in any subtest, each read as a document of its own
#   ktap.kunit_parser_accepts_every_level  the kernel's KTAP parser
#       (tools/testing/kunit/kunit_parser.py, as "kunit.py parse" runs it)
#       reports no error
#   ktap.kunit_parser_totals_match_summary its passed, failed (and
#       crashed: never reported) and skipped leaf tests are ktap-summary.sh's
. "$(dirname "$0")/lib.sh"

[ $# = 1 ] || die "usage: $0 FILE"
file=$1
KUNIT=$BUILD/ksrc/tools/testing/kunit
out=$(mktemp)
counts=$(mktemp)
trap 'rm -f "$out" "$counts"' EXIT
n=0

# TAP::Parser on the lines of one level; indented lines, which it takes
# for unknown ones, are each subtest's, checked the same way in turn.
tap_parser() { # FILE
	perl -MTAP::Parser -e '
	my $errors = 0;
	sub check {
		my ($where, @lines) = @_;
		my $parser = TAP::Parser->new({ tap => join("", map { "$_\n" } @lines) });
		1 while $parser->next;
		for ($parser->parse_errors) { print "$where: $_\n"; $errors++ }
		my @sub;
		for my $line (@lines, "") {
			if ($line =~ /^  (.*)$/) { push @sub, $1; next }
			next unless @sub;
			my ($name) = map { /^# Subtest: (.*)$/ ? $1 : () } @sub;
			check($where . "/" . ($name // "?"), @sub);
			@sub = ();
		}
	}
	open(my $fh, "<", $ARGV[0]) or die "$ARGV[0]: $!\n";
	chomp(my @lines = <$fh>);
	check("", @lines);
	print "levels read: the top one and every subtest\n" unless $errors;
	exit($errors ? 1 : 0);' "$1"
}

# The kernel's parser; its counts ("passed failed crashed skipped errors")
# into COUNTS, its report to stdout.
kunit_parser() { # FILE COUNTS
	python3 - "$KUNIT" "$1" "$2" <<-'EOF'
	import sys
	sys.path.insert(0, sys.argv[1])
	import kunit_parser
	c = kunit_parser.parse_run_tests(open(sys.argv[2])).counts
	print(c.passed, c.failed, c.crashed, c.skipped, c.errors, file=open(sys.argv[3], "w"))
	EOF
}

echo "TAP version 13"
echo "1..3"
rc=0; tap_parser "$file" >"$out" 2>&1 || rc=$?
xpc_result $rc ktap.tap_parser_accepts_every_level "$out"

if [ ! -e "$KUNIT/kunit_parser.py" ]; then
	echo "ok 2 ktap.kunit_parser_accepts_every_level # SKIP no $KUNIT (xpc_ksrc)"
	echo "ok 3 ktap.kunit_parser_totals_match_summary # SKIP no $KUNIT (xpc_ksrc)"
	exit 0
fi
: >"$counts"
rc=0; kunit_parser "$file" "$counts" >"$out" 2>&1 || rc=$?
read -r passed failed crashed skipped errors <"$counts" || rc=1
[ "${errors:-1}" = 0 ] || rc=1
# Its errors, not the whole report: a line per test.
grep -iE 'error|crashed|missing' "$out" >"$out.err" || true
echo "kunit_parser: $passed passed, $failed failed, $crashed crashed, $skipped skipped, ${errors:-?} errors" >>"$out.err"
xpc_result $rc ktap.kunit_parser_accepts_every_level "$out.err"

"$ROOT/testing/vm/ktap-summary.sh" <"$file" | tail -n 1 >"$out" || true
echo "kunit_parser: $passed passed, $((failed + crashed)) failed, $skipped skipped" >>"$out"
rc=0; [ "$(sed -n 1p "$out")" = "$(sed -n 2p "$out" | sed 's/^kunit_parser: //')" ] || rc=1
xpc_result $rc ktap.kunit_parser_totals_match_summary "$out"
rm -f "$out.err"
