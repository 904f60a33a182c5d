#!/usr/bin/env python3
"""Print a compact view of `workbench parse --format jsonl` output (development aid)."""
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print("==", a["path"], "date", a["date"], "sentences", len(a["sentences"]))
    for q in a["quotes"]:
        m = q["speaker_mention"]["text"] if q["speaker_mention"] else None
        print(f"  Q [{q['kind']}] {q['speaker']!r} ({m!r}, {q['cue']!r}): {q['text'][:90]!r}")
    for f in a["figures"]:
        print(f"  F {f['kind']:11} {f['value']!s:>8} {f['unit'] or '':4} {f['counted'] or '':30} {'~' if f['approximate'] else ''} {f['text']!r}")
    for d in a["dates"]:
        print(f"  D {d['kind']:9} {d['value']!s:11} {d['end_value']!s:11} {d['text']!r}")
    for p in a["parties"]:
        print(f"  P {p['kind']:12} {p['name']!r} role={p['role']!r} aff={p['affiliation']!r} n={len(p['mentions'])} {[m['text'] for m in p['mentions']][:6]}")
    for e in a.get("events", []):
        print("  E", json.dumps({k: v for k, v in e.items() if k not in ("text", "start", "end")}, ensure_ascii=False))
    for c in a.get("commitments", []):
        print("  C", json.dumps({k: v for k, v in c.items() if k not in ("text", "start", "end", "claims")}, ensure_ascii=False))
        for cl in c.get("claims", []):
            print("     claim", cl["by"], cl["status"], cl["text"][:80])
    for w in a.get("warnings", []):
        print("  W", w["line"], w["column"], w["message"])
