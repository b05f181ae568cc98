"""Clinical text nobody tuned to: the definitions and usage examples that WordNet 3.0 gives for medical concepts.

WordNet (Princeton University, WordNet 3.0 licence: copy, modify and distribute with its notice; see NOTICE beside the
output) is packaged by Debian as `wordnet-base`. This script reads its noun database, takes every synset under the
roots below (drugs and medicines, diseases, disorders, symptoms, injuries, infections, medical procedures, care,
therapy, diagnosis, surgery) and every synset whose topic domain is medicine, pharmacology or pathology, and writes
one corpus row per gloss sentence (definition, and each quoted usage example): label clinical, expect nothing, split
test, source wordnet-3.0. Nothing is rewritten, so the text is as WordNet's lexicographers wrote it.

    apt-get install wordnet-base
    python3 tools/corpus/public_wordnet.py /usr/share/wordnet bundles/policy-us/src/test/resources/corpus/public/wordnet-medical-en.jsonl
"""
import json
import re
import sys

ROOTS = {
    "03247620": "drug", "03740161": "medicine", "14070360": "disease", "14052403": "disorder",
    "14299637": "symptom", "14285662": "injury", "14174549": "infection", "01024392": "medical procedure",
    "00657604": "medical care", "00661091": "therapy", "00152727": "diagnosis", "00671351": "surgery",
    "14061805": "illness", "14204950": "pathology",
}
DOMAINS = {"06043075", "06045562", "06060845"}  # medicine, pharmacology, pathology


def read(path):
    synsets = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head, _, gloss = line.partition(" | ")
            parts = head.split()
            offset, words = parts[0], int(parts[3], 16)
            lemmas = [parts[4 + 2 * i].replace("_", " ") for i in range(words)]
            i = 4 + 2 * words
            npointers = int(parts[i])
            pointers = [(parts[i + 1 + 4 * k], parts[i + 2 + 4 * k]) for k in range(npointers)]
            synsets[offset] = (lemmas, pointers, gloss.strip())
    return synsets


def sentences(gloss):
    definition, *examples = gloss.split(";")
    out = [definition.strip()]
    for e in examples:
        e = e.strip()
        if e.startswith('"'):
            out.append(e.strip('"').strip())
    return [s for s in out if len(s.split()) >= 4]


def main(wordnet, out):
    synsets = read(wordnet + "/data.noun")
    children = {}
    for offset, (_, pointers, _) in synsets.items():
        for symbol, target in pointers:
            if symbol in ("@", "@i"):
                children.setdefault(target, []).append(offset)
    chosen, todo = set(), list(ROOTS)
    while todo:
        o = todo.pop()
        if o not in chosen:
            chosen.add(o)
            todo.extend(children.get(o, []))
    for offset, (_, pointers, _) in synsets.items():
        if any(symbol == ";c" and target in DOMAINS for symbol, target in pointers):
            chosen.add(offset)
    seen, rows = set(), []
    for offset in sorted(chosen):
        lemmas, _, gloss = synsets[offset]
        for n, text in enumerate(sentences(gloss)):
            key = re.sub(r"\W+", " ", text.lower()).strip()
            if key in seen:
                continue
            seen.add(key)
            rows.append({"id": "wordnet-%s-%d" % (offset, n), "lang": "en", "context": "inquiry.question",
                         "label": "clinical", "expect": [], "split": "test", "source": "wordnet-3.0 " + offset,
                         "text": text})
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "rows from", len(chosen), "synsets")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
