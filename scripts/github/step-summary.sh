#!/usr/bin/env bash
# Prints a Markdown file for $GITHUB_STEP_SUMMARY, within GitHub's limit of 1 MiB per step
# summary (a larger one is refused and the job summary shows an error instead). A file over the
# limit is cut at the last whole line that fits, and a last line says so and where the whole
# file is.
#
#   scripts/github/step-summary.sh FILE [LIMIT_BYTES] >> "$GITHUB_STEP_SUMMARY"
set -euo pipefail

file=${1:?usage: step-summary.sh FILE [LIMIT_BYTES]}
limit=${2:-1048576}
[ -f "$file" ] || { printf 'step-summary: no file %s\n' "$file" >&2; exit 2; }

size=$(wc -c <"$file")
size=${size// /}
if [ "$size" -le "$limit" ]; then
    cat -- "$file"
    exit 0
fi
note=$(printf '\n**Cut here:** %s is %s bytes, over the summary limit of %s bytes; the whole of it is in the compare artifact.\n' \
       "$(basename -- "$file")" "$size" "$limit")
room=$(( limit - ${#note} - 16 ))
# The first $room bytes, less the partial line at their end.
head -c "$room" -- "$file" | sed '$d'
printf '%s\n' "$note"
