#!/usr/bin/env python3
"""Builds an English calibration corpus from WordNet 3.0's example sentences and glosses.

Reads the data.noun/verb/adj/adv files of Debian's `wordnet-base` package (WordNet licence: use,
copy and distribute with its notice), takes every quoted usage example and every gloss, turns each
into one sentence (capitalised, ending with a full stop), drops duplicates, very short lines and any
line that also occurs in the STS files given with --exclude, shuffles with a fixed seed and writes
one sentence per line. The corpus is built on demand and never committed.

Usage: wordnet-corpus.py WORDNET_DIR OUT [--exclude STS_FILE ...] [--limit N]
"""
import argparse
import pathlib
import random
import re

QUOTED = re.compile(r'"([^"]+)"')


def sentences(gloss):
    """The usage examples and the definition of one synset's gloss."""
    examples = [e.strip() for e in QUOTED.findall(gloss)]
    definition = QUOTED.sub("", gloss).split(";")[0].strip(" ;,")
    out = examples[:]
    if definition:
        out.append(definition)
    return out


def tidy(text):
    text = re.sub(r"\s+", " ", text).strip(" ;,")
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def sts_sentences(path):
    out = set()
    for line in open(path, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        for c in cols[-2:]:
            out.add(tidy(c).lower())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("wordnet")
    ap.add_argument("out")
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    excluded = set()
    for f in args.exclude:
        excluded |= sts_sentences(f)
    seen, kept = set(), []
    for part in ("noun", "verb", "adj", "adv"):
        for line in open(pathlib.Path(args.wordnet) / ("data." + part), encoding="latin-1"):
            if line.startswith(" ") or "|" not in line:
                continue
            for s in sentences(line.split("|", 1)[1]):
                s = tidy(s)
                key = s.lower()
                if len(s.split()) < 4 or key in seen or key in excluded:
                    continue
                seen.add(key)
                kept.append(s)
    random.Random(20261206).shuffle(kept)
    if args.limit:
        kept = kept[: args.limit]
    pathlib.Path(args.out).write_text("\n".join(kept) + "\n", encoding="utf-8")
    print("%d sentences -> %s (%d excluded STS sentences)" % (len(kept), args.out, len(excluded)))


if __name__ == "__main__":
    main()
