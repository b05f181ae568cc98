#!/usr/bin/env python3
"""Writes the labelled corpora of the content rules (issue 15) from the fragments in pools_*.py.

Run once, from the repository root: python3 tools/corpus/generate.py
The output is committed; the split of every row is frozen in the row itself. Regenerating is deterministic
(same pools, same rows), but a changed pool changes rows: the corpus is then a new one and its baseline too.

Split: every wrapper and every key fragment (the commercial or clinical phrase, a rep's MSL pitch) falls into
'test' or 'train' by a stable hash of its text (about 30% test). A train row uses train wrappers and train
fragments only; a test row uses a test wrapper and any fragment, so the test split holds sentence shapes the
train split never shows and words it never shows. Rules are tuned on train only; figures are reported on test.
"""
import hashlib
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pools_de  # noqa: E402
import pools_en  # noqa: E402
import pools_fr  # noqa: E402

RULE_OF = {
    "inquiry.question": "H2", "inquiry.interestSummary": "H6", "event.objective": "E4",
    "incentive.metric": "F2", "kol.field": "K4", "meeting.agenda": "O1", "outbound.msl": "O4", "outbound.rep": "O7",
}
PER_CELL = {"train": 56, "test": 28}


def h(text):
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)


def split_of(kind, text, share=3):
    return "test" if h(kind + "|" + text) % 10 < share else "train"


def partition(kind, items):
    test = [i for i in items if split_of(kind, i) == "test"]
    train = [i for i in items if split_of(kind, i) == "train"]
    # Each side needs something: the item with the smallest hash moves over.
    if not test:
        test = [min(items, key=lambda i: h(kind + "|" + i))]
        train = [i for i in items if i not in test]
    if not train:
        train = [min(items, key=lambda i: h(kind + "|" + i))]
        test = [i for i in items if i not in train]
    return train, test


ABBREVIATIONS = [(r"\bpatients\b", "pts"), (r"\bprescriptions\b", "Rx"), (r"\bprescription\b", "Rx"),
                 (r"\bwith\b", "w/"), (r"\bbecause\b", "bc"), (r"\bthe\b", "")]


def noisy(text, rng):
    """As people type: some rows lower-cased, abbreviated or with one typo in a longer word."""
    r = rng.random()
    if r < 0.12:
        return text.lower()
    if r < 0.20:
        for pattern, repl in ABBREVIATIONS:
            text = re.sub(pattern, repl, text)
        return re.sub(r"\s+", " ", text).strip()
    if r < 0.30:
        words = [m for m in re.finditer(r"[^\W\d_]{6,}", text)]
        if words:
            w = rng.choice(words)
            i = rng.randrange(1, len(w.group()) - 2)
            s = w.group()
            typo = s[:i] + s[i + 1] + s[i] + s[i + 2:] if rng.random() < 0.5 else s[:i] + s[i + 1:]
            return text[:w.start()] + typo + text[w.end():]
    return text


def fill(template, pool, rng, x, p):
    drug, drug2 = rng.sample(pool.DRUGS, 2)
    values = {
        "x": x, "p": p or "", "doc": rng.choice(pool.DOCS), "q": rng.choice(pool.CLINICAL_QUESTIONS),
        "fact": rng.choice(pool.KOL_FACTS), "s": rng.choice(pool.SCIENCE_MESSAGES),
    }
    text = template
    for _ in range(2):  # fragments have slots of their own
        for k, v in values.items():
            text = text.replace("{" + k + "}", v)
        text = text.replace("{product}", rng.choice(pool.PRODUCTS)).replace("{drug}", drug)
        text = text.replace("{drug2}", drug2).replace("{city}", rng.choice(pool.CITIES))
    return text[0].upper() + text[1:]


def cell(corpus, lang, pool, context, label):
    kind = f"{lang}|{context}|{label}"
    wraps_train, wraps_test = partition("wrap|" + kind, pool.WRAP[(context, label)])
    frags_train, frags_test = partition("frag|" + lang + "|" + label, pool.FRAGMENTS[(context, label)])
    pitch_train, pitch_test = partition("pitch|" + lang, pool.MSL_PITCH)
    rows, seen = [], set()
    for split in ("train", "test"):
        rng = random.Random(f"{corpus}|{kind}|{split}")
        wraps = wraps_train if split == "train" else wraps_test
        frags = frags_train if split == "train" else frags_train + frags_test
        pitches = pitch_train if split == "train" else pitch_train + pitch_test
        made, attempts = 0, 0
        while made < PER_CELL[split] and attempts < 5000:
            attempts += 1
            text = fill(rng.choice(wraps), pool, rng, rng.choice(frags), rng.choice(pitches))
            text = noisy(text, rng)
            if text in seen:
                continue
            seen.add(text)
            made += 1
            rows.append({
                "id": f"{corpus}-{lang}-{RULE_OF[context].lower()}-{label[:2]}-{split[:2]}-{made:03d}",
                "lang": lang, "context": context, "label": label,
                "expect": [RULE_OF[context]] if label == "commercial" else [],
                "split": split, "source": "synthetic", "text": text,
            })
    return rows


def write(path, corpus, langs):
    rows = []
    for lang, pool in langs:
        for context in RULE_OF:
            for label in ("commercial", "clinical"):
                rows += cell(corpus, lang, pool, context, label)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


def main():
    root = os.path.dirname(os.path.dirname(HERE))
    for corpus, lang, pool, module in [("us", "en", pools_en, "policy-us"), ("eu", "en", pools_en, "policy-eu"),
                                       ("eu", "de", pools_de, "policy-eu"), ("eu", "fr", pools_fr, "policy-eu")]:
        path = os.path.join(root, "bundles", module, "src", "test", "resources", "corpus", f"{corpus}-{lang}.jsonl")
        rows = write(path, corpus, [(lang, pool)])
        counts = {}
        for r in rows:
            key = (r["label"], r["split"])
            counts[key] = counts.get(key, 0) + 1
        print(corpus, lang, len(rows), sorted(counts.items()))


if __name__ == "__main__":
    main()
