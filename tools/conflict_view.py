#!/usr/bin/env python3
"""Side by side, for development: an article's sentences, the gold events/commitments whose evidence
they are, and the predicted ones anchored there.

Usage: conflict_view.py GOLD.json [--workbench BIN] [--all]   (--all prints every sentence, not only marked ones)"""
import json, os, subprocess, sys

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    wb = ".build/release/workbench"
    if "--workbench" in sys.argv:
        wb = sys.argv[sys.argv.index("--workbench") + 1]
        args = [a for a in args if a != wb]
    show_all = "--all" in sys.argv
    gold = json.load(open(args[0], encoding="utf-8"))
    shared = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
    path = os.path.join(shared, gold["file"])
    cmd = [wb, "parse", "--format", "jsonl"] + (["--date", gold["date"]] if gold.get("date") else []) + [path]
    art = json.loads(subprocess.run(cmd, capture_output=True, text=True).stdout)
    text = open(path, encoding="utf-8-sig").read()
    print("##", gold["file"], art["date"], "|", gold.get("notes", "")[:600])
    marks = {}
    for kind in ("events", "commitments"):
        for n, g in enumerate(gold.get(kind, [])):
            for ev in g["evidence"]:
                i = text.find(ev)
                for si, s in enumerate(art["sentences"]):
                    if s["start"] < i + len(ev) and i < s["end"]:
                        marks.setdefault(si, []).append(f"G{kind[0].upper()}{n + 1}")
    pred = {}
    for kind in ("events", "commitments"):
        for n, p in enumerate(art.get(kind) or []):
            for si, s in enumerate(art["sentences"]):
                if s["start"] < p["end"] and p["start"] < s["end"]:
                    pred.setdefault(si, []).append(f"P{kind[0].upper()}{n + 1}")
            for extra in p.get("evidence") or []:
                pred.setdefault(extra, []).append(f"p{kind[0].upper()}{n + 1}")
    for si, s in enumerate(art["sentences"]):
        if show_all or si in marks or si in pred:
            print(f"{si:3} {','.join(marks.get(si, [])):10} {','.join(pred.get(si, [])):10} {s['text'][:160]}")
    for kind in ("events", "commitments"):
        for n, g in enumerate(gold.get(kind, [])):
            print(f"G{kind[0].upper()}{n + 1}", json.dumps({k: v for k, v in g.items() if k != "evidence"}, ensure_ascii=False))
        for n, p in enumerate(art.get(kind) or []):
            keep = {k: v for k, v in p.items() if k not in ("text", "start", "end", "claims", "sentence", "evidence") and v not in (None, [], False)}
            print(f"P{kind[0].upper()}{n + 1}", json.dumps(keep, ensure_ascii=False))

if __name__ == "__main__":
    main()
