#!/usr/bin/env python3
"""Speaker misses for one attribution rule, with context: misses_by_rule.py SPLIT PREDS RULE [N]"""
import json, sys, os, random
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../shared/eval"))
import score_quotes as sq
split, preds, rule = sys.argv[1], sys.argv[2], sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 30
gold, pred = sq.load_gold(split), sq.load_pred(preds)
rows = []
for name, gq in gold.items():
    pq = pred.get(name, []); used = set()
    text = open(os.path.join(split, "text", name + ".txt"), encoding="utf-8").read()
    for g in gq:
        best, bi = 0, None
        for i, p in enumerate(pq):
            if i in used: continue
            d = sq.dice(g["text"], p.get("text", ""))
            if d > best: best, bi = d, i
        if best >= 0.5:
            used.add(bi); p = pq[bi]
            if str(p.get("attribution")) == rule and not sq.speaker_ok(p, g["source"]) and g["source"]:
                s = p["start"]
                rows.append(f" gold={g['source']!r} pred={p.get('speaker')!r}/{(p.get('speaker_mention') or {}).get('text')!r} cue={p.get('cue')!r}\n    {text[max(0, s - 220):p['end'] + 80]!r}")
random.seed(3); random.shuffle(rows)
print(len(rows))
for r in rows[:n]: print(r[:650])
