#!/usr/bin/env python3
"""Predicted quotes with no gold match (development aid): extras.py SPLIT PREDS [RULE] [N]"""
import random
import sys

import polnear

rule = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
n = int(sys.argv[4]) if len(sys.argv) > 4 else 30
rows = [f"{name} [{p.get('kind')}] {p.get('attribution')}: {p.get('speaker')!r} «{p['text'][:150]}»"
        for name, g, p in polnear.pairs(sys.argv[1], sys.argv[2])
        if g is None and (not rule or p.get("attribution") == rule)]
random.seed(3)
random.shuffle(rows)
print(len(rows), "extras")
for r in rows[:n]:
    print(r)
