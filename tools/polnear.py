"""Shared by the development aids: PolNeAR gold quotes matched to predicted ones as the scorer matches them."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../shared/eval"))
import score_quotes as sq  # noqa: E402


def pairs(split, preds):
    """Yields (article name, gold quote or None, predicted quote or None): matched pairs, then unmatched predictions."""
    gold, pred = sq.load_gold(split), sq.load_pred(preds)
    for name in sorted(set(gold) | set(pred)):
        gq, pq = gold.get(name, []), pred.get(name, [])
        used = set()
        for g in gq:
            best, bi = 0, None
            for i, p in enumerate(pq):
                if i in used:
                    continue
                d = sq.dice(g["text"], p.get("text", ""))
                if d > best:
                    best, bi = d, i
            if best >= 0.5:
                used.add(bi)
                yield name, g, pq[bi]
        for i, p in enumerate(pq):
            if i not in used:
                yield name, None, p


def text_of(split, name):
    return open(os.path.join(split, "text", name + ".txt"), encoding="utf-8").read()


speaker_ok = sq.speaker_ok
