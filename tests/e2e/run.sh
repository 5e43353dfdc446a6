#!/bin/sh
# run.sh BINARY - end-to-end checks of the binary on real text:
#   - every corpus/ article yields exactly one JSON line, deterministically;
#   - a run resumed from stored layers is byte-identical to a single run;
#   - eval scores on corpus/ and on ../shared seeds stay above the floors in
#     tests/e2e/floors (skipped with a message where ../shared is absent);
#   - every rule id in those outputs is shown by `quotegraph rules list`.
#   - the seeds exported to brat and imported back keep their texts and score
#     their own predictions perfectly (skipped likewise).
#   - quotegraph merge is associative on corpus/ and the seeds, and on the
#     seeds gives one Ali Khamenei and one "Negotiation is poison" statement
#     (merge_seeds.py) and scores above its floors on the cross-document
#     gold (merge_gold.py, corpus/gold/merge.gold.tsv).
# Prints "ok NAME" / "FAIL NAME" and "e2e: N passed, M failed".
set -u
QG=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { echo "ok $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }

cd "$top" || exit 2
ndocs=$(find corpus -name '*.txt' | wc -l)

"$QG" -o "$tmp/a.jsonl" corpus
if [ $? -eq 0 ] && [ "$(wc -l < "$tmp/a.jsonl")" -eq "$ndocs" ]; then ok corpus-one-line-per-doc
else fail corpus-one-line-per-doc "expected $ndocs lines"; fi

"$QG" corpus > "$tmp/b.jsonl"
if cmp -s "$tmp/a.jsonl" "$tmp/b.jsonl"; then ok deterministic
else fail deterministic "two runs differ"; fi

# Threads change nothing in the output: files and JSON lines, -j 1 against -j 3.
"$QG" -j 1 corpus > "$tmp/j1.jsonl" && "$QG" -j 3 corpus > "$tmp/j3.jsonl"
if cmp -s "$tmp/j1.jsonl" "$tmp/j3.jsonl" && cmp -s "$tmp/a.jsonl" "$tmp/j1.jsonl"; then ok threads-files
else fail threads-files "-j 3 differs from -j 1"; fi
sh scripts/txt2jsonl.sh corpus/*.txt > "$tmp/docs.jsonl"
"$QG" -j 1 --jsonl "$tmp/docs.jsonl" > "$tmp/l1.jsonl"; "$QG" -j 2 --jsonl "$tmp/docs.jsonl" > "$tmp/l2.jsonl"
if [ "$(grep -c '"nodes"' "$tmp/l1.jsonl")" -eq "$ndocs" ] && cmp -s "$tmp/l1.jsonl" "$tmp/l2.jsonl"; then ok threads-jsonl
else fail threads-jsonl "-j 2 differs from -j 1 on JSON lines"; fi

# The GNU parallel recipes of docs/performance.md: JSON lines cut into blocks
# for several processes (and the --sshlogin form, with ":" for this host),
# output kept in input order, equal to a single run.
if command -v parallel >/dev/null 2>&1; then
    "$QG" --jsonl - < "$tmp/docs.jsonl" > "$tmp/single.jsonl"
    parallel --will-cite --pipe -k -N 7 "$QG" --jsonl - < "$tmp/docs.jsonl" > "$tmp/par.jsonl"
    parallel --will-cite --pipe -k -N 5 -S 2/: "$QG" --jsonl - < "$tmp/docs.jsonl" > "$tmp/par-s.jsonl"
    if cmp -s "$tmp/single.jsonl" "$tmp/par.jsonl" && cmp -s "$tmp/single.jsonl" "$tmp/par-s.jsonl"; then
        ok parallel-recipe
    else
        fail parallel-recipe "GNU parallel output differs from a single run"
    fi
else
    echo "skip parallel-recipe: GNU parallel not found (sh scripts/install-deps.sh installs it)"
fi

# Resume after every stage: layers written after stage S, the rest run later.
for s in tokenize sentences dates quotes mentions coref attribution; do
    "$QG" --stages "$s" --emit layers corpus > "$tmp/layers.$s" &&
        "$QG" --from-layers "$tmp/layers.$s" > "$tmp/resumed.$s"
    if cmp -s "$tmp/a.jsonl" "$tmp/resumed.$s"; then ok "resume-after-$s"
    else fail "resume-after-$s" "resumed output differs from a single run"; fi
done

# Pathological inputs: each still yields exactly one line, and a hang (a
# quadratic loop) is caught by the generous time limit. Speed itself is
# measured by `make bench`, not here.
# many-quotes: 100,000 quotes in one 5 MB document.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "\342\200\234Quote number %d is here at last,\342\200\235 he said. ", i }' > "$tmp/many-quotes.txt"
awk 'BEGIN { srand(1); split("Smith said that the \" officials Mr. \342\200\234", w, " ");
             for (i = 0; i < 200000; i++) printf "%s ", w[int(rand() * 8) + 1] }' > "$tmp/one-line.txt"
awk 'BEGIN { for (i = 0; i < 50000; i++) printf "\342\200\234\342\200\230" }' > "$tmp/marks.txt"
for f in many-quotes one-line marks; do
    if timeout 120 "$QG" "$tmp/$f.txt" > "$tmp/$f.out" 2>/dev/null && [ "$(wc -l < "$tmp/$f.out")" -eq 1 ]; then
        ok "pathological-$f"
    else
        fail "pathological-$f" "no single output line within the time limit"
    fi
done

# Scores must not fall below the recorded floors (tests/e2e/floors).
check_floors() { # NAME GOLD PRED
    "$QG" eval --gold "$2" "$3" > "$tmp/eval.$1" 2>&1 || { fail "eval-$1" "eval failed"; cat "$tmp/eval.$1"; return; }
    bad=$(awk -v set="$1" -v evalfile="$tmp/eval.$1" '
        BEGIN {
            while ((getline line < evalfile) > 0) {
                n = split(line, f, /  +/)
                if (n >= 4) { p[f[1]] = f[2]; r[f[1]] = f[3]; f1[f[1]] = f[4] }
                if (line ~ /^speaker accuracy/) { split(line, g, " "); acc = g[3] }
            }
        }
        $1 == set {
            metric = $2; gsub(/_/, " ", metric); want = $4 + 0
            if ($3 == "acc") got = acc + 0
            else if ($3 == "p") got = p[metric] + 0
            else if ($3 == "r") got = r[metric] + 0
            else got = f1[metric] + 0
            if (got + 1e-9 < want) printf "%s %s %s=%.3f < %.3f; ", set, $2, $3, got, want
        }' tests/e2e/floors)
    if [ -z "$bad" ]; then ok "eval-floors-$1"; else fail "eval-floors-$1" "$bad"; fi
}

check_floors corpus corpus/gold/corpus.gold.jsonl "$tmp/a.jsonl"

# Every rule an edge or node carries is one that `quotegraph rules list`
# shows (text and JSON), so an audit can look each one up.
"$QG" rules list > "$tmp/rules.txt" && "$QG" rules list --json > "$tmp/rules.json"
check_rules_listed() { # NAME OUTPUT
    used=$(grep -o '"rule":"[^"]*"' "$2" | sed 's/"rule":"\(.*\)"/\1/' | sort -u)
    missing=""
    for id in $used; do
        grep -q "^$id (" "$tmp/rules.txt" &&
            jq -e --arg id "$id" 'any(.rules[]; .id == $id and (.sources | length) > 0)' "$tmp/rules.json" >/dev/null ||
            missing="$missing $id"
    done
    if [ -z "$used" ]; then fail "rules-listed-$1" "no rule ids in the output"
    elif [ -z "$missing" ]; then ok "rules-listed-$1"
    else fail "rules-listed-$1" "not in 'quotegraph rules list':$missing"; fi
}
check_rules_listed corpus "$tmp/a.jsonl"

seeds=../shared/corpus/seeds
if [ -d "$seeds" ] && [ -f ../shared/gold/seeds.gold.jsonl ]; then
    "$QG" -o "$tmp/seeds.jsonl" "$seeds"
    check_floors seeds ../shared/gold/seeds.gold.jsonl "$tmp/seeds.jsonl"
    check_rules_listed seeds "$tmp/seeds.jsonl"
    # The seeds through brat and back: the same texts as the hand-made gold,
    # and a gold that scores the predictions it came from perfectly.
    "$QG" export -o "$tmp/seeds-brat" "$tmp/seeds.jsonl" &&
        "$QG" import -o "$tmp/seeds-brat.jsonl" "$tmp/seeds-brat" &&
        "$QG" eval --json --gold "$tmp/seeds-brat.jsonl" "$tmp/seeds.jsonl" >"$tmp/seeds-brat.eval"
    why=$(python3 - "$tmp/seeds-brat.jsonl" ../shared/gold/seeds.gold.jsonl "$tmp/seeds-brat.eval" 2>&1 <<'PY'
import json, sys
ours = {d["id"]: d["text"] for d in map(json.loads, open(sys.argv[1], encoding="utf-8"))}
gold = {d["id"]: d["text"] for d in map(json.loads, open(sys.argv[2], encoding="utf-8"))}
ev = json.load(open(sys.argv[3]))
if ours != gold:
    print("texts differ from the seeds gold")
for key in ("statements_overlap", "statements_exact", "attribution", "sources", "cues"):
    if ev[key]["f1"] != 1.0:
        print(key, "F1", ev[key]["f1"])
PY
)
    if [ $? -eq 0 ] && [ -z "$why" ]; then ok brat-roundtrip-seeds; else fail brat-roundtrip-seeds "$why"; fi
else
    echo "skip eval-floors-seeds, brat-roundtrip-seeds: ../shared is not beside this checkout"
fi

# quotegraph merge (docs/merge.md): merging merged files equals merging the
# originals byte for byte; on the seeds, the done-when checks of the corpus
# graph and the cross-document gold (corpus/gold/merge.gold.tsv).
"$QG" -o "$tmp/corpus-half1.jsonl" $(find corpus -name '*.txt' | sort | head -n 28) &&
    "$QG" -o "$tmp/corpus-half2.jsonl" $(find corpus -name '*.txt' | sort | tail -n +29)
"$QG" merge "$tmp/a.jsonl" > "$tmp/merge-all.jsonl" &&
    "$QG" merge "$tmp/corpus-half1.jsonl" > "$tmp/merge-h1.jsonl" &&
    "$QG" merge "$tmp/merge-h1.jsonl" "$tmp/corpus-half2.jsonl" > "$tmp/merge-h1-h2.jsonl" &&
    "$QG" merge "$tmp/corpus-half2.jsonl" "$tmp/merge-all.jsonl" "$tmp/corpus-half1.jsonl" > "$tmp/merge-again.jsonl"
if cmp -s "$tmp/merge-all.jsonl" "$tmp/merge-h1-h2.jsonl" && cmp -s "$tmp/merge-all.jsonl" "$tmp/merge-again.jsonl" &&
    [ -s "$tmp/merge-all.jsonl" ]; then ok merge-corpus-associative
else fail merge-corpus-associative "merging merged halves differs from merging all of corpus/"; fi

if [ -d "$seeds" ]; then
    set -- $(find "$seeds" -name '*.txt' | sort)
    if [ $# -ge 5 ]; then
        "$QG" "$1" > "$tmp/seed-a.jsonl"; "$QG" "$2" "$3" > "$tmp/seed-b.jsonl"; shift 3
        "$QG" "$@" > "$tmp/seed-c.jsonl"
        "$QG" merge "$tmp/seed-a.jsonl" "$tmp/seed-b.jsonl" > "$tmp/seed-ab.jsonl" &&
            "$QG" merge "$tmp/seed-ab.jsonl" "$tmp/seed-c.jsonl" > "$tmp/seed-ab-c.jsonl" &&
            "$QG" merge "$tmp/seed-a.jsonl" "$tmp/seed-b.jsonl" "$tmp/seed-c.jsonl" > "$tmp/seed-abc.jsonl"
        "$QG" "$seeds" | "$QG" merge - > "$tmp/seed-merged.jsonl"
        "$QG" "$seeds" > "$tmp/seed-graphs.jsonl"
        if cmp -s "$tmp/seed-ab-c.jsonl" "$tmp/seed-abc.jsonl" && cmp -s "$tmp/seed-abc.jsonl" "$tmp/seed-merged.jsonl"
        then ok merge-seeds-associative
        else fail merge-seeds-associative "(A+B)+C differs from A+B+C"; fi
        if command -v python3 >/dev/null 2>&1; then
            if python3 tests/e2e/merge_seeds.py "$tmp/seed-graphs.jsonl" "$tmp/seed-merged.jsonl" > "$tmp/merge-seeds.out"
            then cat "$tmp/merge-seeds.out"; passed=$((passed + 2))
            else cat "$tmp/merge-seeds.out"; failed=$((failed + 1)); fi
            # Floors a little under the figures measured in docs/merge.md.
            "$QG" merge "$tmp/a.jsonl" "$tmp/seed-graphs.jsonl" > "$tmp/merge-gold.jsonl"
            if python3 tests/e2e/merge_gold.py "$tmp/merge-gold.jsonl" corpus/gold/merge.gold.tsv 0.70 0.90 \
                > "$tmp/merge-gold.out" 2>&1
            then ok merge-gold
            else fail merge-gold "$(cat "$tmp/merge-gold.out")"; fi
        else
            echo "skip merge-seeds, merge-gold: python3 is not installed"
        fi
    else
        echo "skip merge-seeds: fewer than five seed articles in $seeds"
    fi
else
    echo "skip merge-seeds: ../shared is not beside this checkout"
fi

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
