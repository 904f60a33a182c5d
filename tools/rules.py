#!/usr/bin/env python3
"""Speaker accuracy per attribution rule: rules.py SPLIT PREDS"""
import json, sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../shared/eval"))
import score_quotes as sq
from collections import Counter
gold, pred = sq.load_gold(sys.argv[1]), sq.load_pred(sys.argv[2])
ok, bad, extra = Counter(), Counter(), Counter()
for name, gq in gold.items():
    pq = pred.get(name, []); used = set()
    for g in gq:
        best, bi = 0, None
        for i, p in enumerate(pq):
            if i in used: continue
            d = sq.dice(g["text"], p.get("text", ""))
            if d > best: best, bi = d, i
        if best >= 0.5:
            used.add(bi); p = pq[bi]
            (ok if sq.speaker_ok(p, g["source"]) else bad)[p.get("attribution")] += 1
    for i, p in enumerate(pq):
        if i not in used: extra[p.get("attribution")] += 1
for k in sorted(set(ok) | set(bad) | set(extra), key=lambda k: -(ok[k] + bad[k])):
    print(f"{str(k):45} ok {ok[k]:5} bad {bad[k]:4} acc {ok[k] / max(1, ok[k] + bad[k]):.2f}  extra {extra[k]}")
