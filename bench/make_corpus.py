#!/usr/bin/env python3
"""Generates a large synthetic corpus of French Sahel news as JSON Lines, for whole-command
timings: sentences of the given articles reshuffled into new articles, with place, group and
person names swapped for others of the same class from the gazetteer, and dates varied.

    python3 bench/make_corpus.py --source samples/articles --megabytes 200 --out /tmp/corpus
"""
import argparse
import json
import os
import random
import re

SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀ-ÖØ-Þ«0-9])")


def read_articles(source):
    texts = []
    for root, _, files in os.walk(source):
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.endswith(".txt"):
                texts.append(open(path, encoding="utf-8").read())
            elif name.endswith(".json"):
                data = json.load(open(path, encoding="utf-8"))
                for item in data if isinstance(data, list) else [data]:
                    texts.append(item["text"])
            elif name.endswith(".jsonl"):
                for line in open(path, encoding="utf-8"):
                    if line.strip():
                        texts.append(json.loads(line)["text"])
    return texts


def gazetteer_names(path):
    """Preferred French labels of the gazetteer, grouped by class."""
    by_class = {}
    current = None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"ent:[a-z0-9-]+ a ng:(\w+)", line)
        if m:
            current = m.group(1)
        m = re.search(r'skos:prefLabel "([^"]+)"@fr', line)
        if m and current:
            by_class.setdefault(current, []).append(m.group(1))
    return by_class


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", required=True, help="directory of articles to recombine")
    parser.add_argument("--gazetteer", default="ontology/data/gazetteer.ttl")
    parser.add_argument("--megabytes", type=float, default=200)
    parser.add_argument("--files", type=int, default=8, help="number of .jsonl files")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    sentences = [s.strip() for text in read_articles(args.source)
                 for s in SENTENCE_END.split(text) if len(s.strip()) > 20]
    names = gazetteer_names(args.gazetteer)
    swappable = [(name, cls) for cls in ("Town", "Country", "Person", "JihadistGroup", "RebelGroup")
                 for name in names.get(cls, [])]
    os.makedirs(args.out, exist_ok=True)
    target = int(args.megabytes * 1_000_000)
    written = 0
    article = 0
    outs = [open(os.path.join(args.out, f"corpus-{i:02d}.jsonl"), "w", encoding="utf-8")
            for i in range(args.files)]
    while written < target:
        body = []
        for _ in range(rng.randint(12, 30)):
            s = rng.choice(sentences)
            for _ in range(2):
                name, cls = rng.choice(swappable)
                other = rng.choice(names[cls])
                s = s.replace(name, other)
            body.append(s)
        year = rng.randint(2012, 2025)
        record = {"id": f"gen-{article:08d}", "title": body[0][:80],
                  "date": f"{year}-{rng.randint(1, 12):02d}", "text": " ".join(body)}
        line = json.dumps(record, ensure_ascii=False) + "\n"
        outs[article % args.files].write(line)
        written += len(line.encode("utf-8"))
        article += 1
    for out in outs:
        out.close()
    print(f"{article} articles, {written / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
