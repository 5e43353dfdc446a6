#!/bin/sh
# txt2jsonl.sh FILE... - the text files as JSON lines {"id":..,"text":..},
# the input of `quotegraph --jsonl` (id: the file name without .txt). POSIX
# awk only, so that the benchmark and the tests need nothing installed.
for f in "$@"; do
    awk -v id="$(basename "$f" .txt)" '
        { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "\\r");
          text = text (NR > 1 ? "\\n" : "") $0 }
        END { printf "{\"id\":\"%s\",\"text\":\"%s\"}\n", id, text }' "$f"
done
