#!/usr/bin/env python3
"""merge_seeds.py GRAPHS.jsonl MERGED.jsonl

The done-when checks of `quotegraph merge` on the five seed articles:
GRAPHS.jsonl is `quotegraph run` output, MERGED.jsonl its merge.
  khamenei  every document node named ... Khamenei is one corpus person,
            holding every title and every statement those nodes had;
  poison    the "Negotiation is poison" quote is one statement carried by
            the two documents that print it.
Prints "ok NAME" or "FAIL NAME: why" per check; exits 1 on any failure.
Python 3, standard library only."""
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main(graphs_path, merged_path):
    graphs = [g for g in load(graphs_path) if "error" not in g]
    merged = load(merged_path)
    by_id = {r["id"]: r for r in merged if "id" in r and r["record"] != "document"}
    lookup = {}
    for r in merged:
        for occ in r.get("occurrences", []):
            lookup[(occ["doc"], occ["node"])] = r["id"]
    failures = 0

    def report(name, problems):
        nonlocal failures
        if problems:
            failures += 1
            print("FAIL %s: %s" % (name, "; ".join(problems)))
        else:
            print("ok %s" % name)

    # The Khamenei nodes of every document, their titles and statements.
    problems = []
    ids, titles, statements, docs = set(), set(), set(), set()
    for g in graphs:
        doc = g["doc"]["id"]
        nodes = {n["id"]: n for n in g["nodes"]}
        mine = {n["id"] for n in g["nodes"] if n["type"] == "person" and n["name"].endswith("Khamenei")}
        for nid in mine:
            ids.add(lookup.get((doc, nid)))
        for e in g["edges"]:
            if e["from"] in mine and e["type"] == "has_title":
                titles.add(lookup.get((doc, e["to"])))
            if e["from"] in mine and e["type"] == "said":
                statements.add(lookup.get((doc, e["to"])))
                docs.add(doc)
    if len(ids) != 1 or None in ids:
        problems.append("Khamenei nodes became %s" % sorted(map(str, ids)))
    else:
        person = by_id[ids.pop()]
        if person["type"] != "person" or person["name"] != "Ali Khamenei":
            problems.append("the entity is %s %r" % (person["type"], person["name"]))
        if set(person["titles"]) != titles:
            problems.append("titles %s, expected %s" % (person["titles"], sorted(titles)))
        said = {r["to"] for r in merged if r["record"] == "edge" and r["type"] == "said" and r["from"] == person["id"]}
        if said != statements:
            problems.append("%d statements, expected %d" % (len(said), len(statements)))
        said_docs = {s["doc"] for r in merged if r["record"] == "edge" and r["type"] == "said"
                     and r["from"] == person["id"] for s in r["support"]}
        if said_docs != docs or len(docs) < 4:
            problems.append("quoted in %s, expected %s" % (sorted(said_docs), sorted(docs)))
    report("merge-seeds-khamenei", problems)

    problems = []
    poison = [r for r in merged if r["record"] == "statement" and "negotiation is poison" in r["text"].lower()]
    if len(poison) != 1:
        problems.append("%d statements hold the quote" % len(poison))
    else:
        occ_docs = sorted({o["doc"] for o in poison[0]["occurrences"]})
        if poison[0]["documents"] != 2 or len(occ_docs) != 2:
            problems.append("carried by %s" % occ_docs)
        if "person:ali-khamenei" not in poison[0]["speakers"]:
            problems.append("speakers %s" % poison[0]["speakers"])
    report("merge-seeds-poison", problems)
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.splitlines()[0], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
