#!/usr/bin/env python3
"""Show speaker misses with context (development aid): speaker_misses.py SPLIT preds.jsonl [N] [seed]"""
import json, sys, os, random, re
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../shared/eval"))
import score_quotes as sq
split, preds = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
random.seed(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
gold, pred = sq.load_gold(split), sq.load_pred(preds)
rows = []
for name, gq in gold.items():
    pq = pred.get(name, [])
    text = open(os.path.join(split, "text", name + ".txt"), encoding="utf-8").read()
    used = set()
    for g in gq:
        best, bi = 0, None
        for i, p in enumerate(pq):
            if i in used: continue
            d = sq.dice(g["text"], p.get("text", ""))
            if d > best: best, bi = d, i
        if best >= 0.5:
            used.add(bi)
            p = pq[bi]
            if not sq.speaker_ok(p, g["source"]):
                s = p["start"]
                ctx = text[max(0, s - 160): p["end"] + 120].replace("\n", " ¶ ")
                rows.append(f"--- {name}\n gold={g['source']!r} pred={p.get('speaker')!r}/{(p.get('speaker_mention') or {}).get('text')!r} cue={p.get('cue')!r}\n {ctx}")
random.shuffle(rows)
print(len(rows), "misses")
for r in rows[:n]: print(r)
