#!/usr/bin/env python3
"""merge_gold.py MERGED.jsonl GOLD.tsv [MIN_PRECISION MIN_RECALL]

Scores a `quotegraph merge` output (quotegraph-corpus/1) against the
cross-document pairs of GOLD.tsv (format: the comment at the top of
corpus/gold/merge.gold.tsv). A pair is predicted `same` when both mentions
belong to one corpus node. Precision: of the pairs predicted same, the share
that are same in the gold; recall: of the gold `same` pairs, the share
predicted same. Prints the figures and every wrong pair; exits 1 below the
given floors, 2 when a gold mention is not in the merged output.
Python 3, standard library only."""
import json
import sys


def main(argv):
    if len(argv) not in (3, 5):
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    owner = {}  # (doc, mention text) -> corpus id; the first in output order
    with open(argv[1], encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("record") != "entity":
                continue
            for occ in rec["occurrences"]:
                for m in occ["mentions"]:
                    owner.setdefault((occ["doc"], m["text"]), rec["id"])
    tp = fp = fn = tn = 0
    wrong, missing = [], []
    with open(argv[2], encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rel, d1, m1, d2, m2 = line.split("\t")
            a, b = owner.get((d1, m1)), owner.get((d2, m2))
            if a is None or b is None:
                missing.append("%d: %s" % (n, (d1, m1) if a is None else (d2, m2)))
                continue
            pred = a == b
            if rel == "same":
                tp += pred
                fn += not pred
            else:
                fp += pred
                tn += not pred
            if pred != (rel == "same"):
                wrong.append("  %s pair predicted %s: %s %r (%s) / %s %r (%s)"
                             % (rel, "same" if pred else "different", d1, m1, a, d2, m2, b))
    if missing:
        print("merge_gold: mentions not in the merged output:", *missing, sep="\n  ", file=sys.stderr)
        return 2
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print("merge pairs: %d same, %d different" % (tp + fn, fp + tn))
    print("precision %.3f  recall %.3f  f1 %.3f  (tp %d, fp %d, fn %d, tn %d)" % (p, r, f1, tp, fp, fn, tn))
    print(*wrong, sep="\n")
    if len(argv) == 5 and (p + 1e-9 < float(argv[3]) or r + 1e-9 < float(argv[4])):
        print("merge_gold: below the floors (precision %s, recall %s)" % (argv[3], argv[4]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
