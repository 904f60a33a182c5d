#!/usr/bin/env python3
"""Speaker misses with context (development aid): speaker_misses.py SPLIT PREDS [N] [SEED] [RULE]"""
import random
import sys

import polnear

split, preds = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
random.seed(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
rule = sys.argv[5] if len(sys.argv) > 5 else None
rows = []
for name, g, p in polnear.pairs(split, preds):
    if g is None or polnear.speaker_ok(p, g["source"]) or (rule and p.get("attribution") != rule):
        continue
    text = polnear.text_of(split, name)
    ctx = text[max(0, p["start"] - 160): p["end"] + 120].replace("\n", " ¶ ")
    mention = (p.get("speaker_mention") or {}).get("text")
    rows.append(f"--- {name}\n gold={g['source']!r} pred={p.get('speaker')!r}/{mention!r} cue={p.get('cue')!r}\n {ctx}")
random.shuffle(rows)
print(len(rows), "misses")
for r in rows[:n]:
    print(r)
