#!/usr/bin/env python3
"""Speaker accuracy per attribution rule: rules.py SPLIT PREDS"""
import sys
from collections import Counter

import polnear

ok, bad, extra = Counter(), Counter(), Counter()
for name, g, p in polnear.pairs(sys.argv[1], sys.argv[2]):
    if g is None:
        extra[p.get("attribution")] += 1
    else:
        (ok if polnear.speaker_ok(p, g["source"]) else bad)[p.get("attribution")] += 1
for k in sorted(set(ok) | set(bad) | set(extra), key=lambda k: -(ok[k] + bad[k])):
    print(f"{str(k):45} ok {ok[k]:5} bad {bad[k]:4} acc {ok[k] / max(1, ok[k] + bad[k]):.2f}  extra {extra[k]}")
