#!/usr/bin/env python3
"""Predicted quotes with no gold match (development aid): extras.py SPLIT PREDS [RULE] [N]"""
import json, sys, os, random
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../shared/eval"))
import score_quotes as sq
split, preds = sys.argv[1], sys.argv[2]
rule = sys.argv[3] if len(sys.argv) > 3 else None
n = int(sys.argv[4]) if len(sys.argv) > 4 else 30
gold, pred = sq.load_gold(split), sq.load_pred(preds)
rows = []
for name, pq in pred.items():
    gq = gold.get(name, []); used = set()
    for g in gq:
        best, bi = 0, None
        for i, p in enumerate(pq):
            if i in used: continue
            d = sq.dice(g["text"], p.get("text", ""))
            if d > best: best, bi = d, i
        if best >= 0.5: used.add(bi)
    for i, p in enumerate(pq):
        if i in used or (rule and p.get("attribution") != rule): continue
        rows.append(f"{name} [{p.get('kind')}] {p.get('attribution')}: {p.get('speaker')!r} «{p['text'][:150]}»")
random.seed(3); random.shuffle(rows)
print(len(rows), "extras")
for r in rows[:n]: print(r)
