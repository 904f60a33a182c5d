#!/usr/bin/env python3
"""The spaCy + textacy baseline for `make bench`: sentence split, entities and direct quotations
(textacy.extract.triples.direct_quotations) for every .txt file under a folder; prints counts."""
import pathlib
import sys

import spacy
import textacy.extract

nlp = spacy.load("en_core_web_sm")
paths = sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))
texts = (p.read_text(encoding="utf-8", errors="replace") for p in paths)
quotes = entities = 0
for doc in nlp.pipe(texts, batch_size=32):
    entities += len(doc.ents)
    quotes += sum(1 for _ in textacy.extract.triples.direct_quotations(doc))
print(f"{len(paths)} articles, {entities} entities, {quotes} quotations")
