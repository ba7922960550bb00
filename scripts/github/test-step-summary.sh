#!/usr/bin/env bash
# Checks step-summary.sh (.ci/run runs it): a small file passes unchanged; a 2 MiB one comes out
# within GitHub's 1 MiB step-summary limit, cut at a line's end, with the line that says so.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { printf 'step-summary test: FAILED: %s\n' "$1" >&2; exit 1; }

printf '# compare\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n' >"$tmp/small.md"
"$here/step-summary.sh" "$tmp/small.md" | cmp -s - "$tmp/small.md" || fail "a small file was changed"

i=0
while [ "$i" -lt 24000 ]; do
    # shellcheck disable=SC2016 # backquotes are Markdown here
    printf '| message passing `1, 0` %06d | Sometimes on 37 of 40 aarch64 machines (é) | Never on 0 of 120 x86_64 |\n' "$i"
    i=$((i + 1))
done >"$tmp/big.md"
[ "$(wc -c <"$tmp/big.md")" -gt 2000000 ] || fail "the big file is too small to test anything"
"$here/step-summary.sh" "$tmp/big.md" >"$tmp/out.md"
size=$(wc -c <"$tmp/out.md")
[ "$size" -le 1048576 ] || fail "the summary is $size bytes, over 1 MiB"
[ "$size" -gt 1000000 ] || fail "the summary is $size bytes: it kept far less than fits"
tail -n 1 "$tmp/out.md" | grep -q '^\*\*Cut here:\*\* big.md is [0-9]* bytes, over the summary limit of 1048576 bytes' \
    || fail "no line saying it was cut: $(tail -n 1 "$tmp/out.md")"
# every kept table row is whole
grep '^| message' "$tmp/out.md" | grep -vq ' x86_64 |$' && fail "a row was cut in the middle"
printf 'step-summary test: passed (a small file unchanged; %s bytes of 2 MiB kept, cut at a line, said)\n' "$size"
