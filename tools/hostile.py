#!/usr/bin/env python3
"""Writes hostile articles for the parse benchmark: text shaped to make a rule-based reader slow.

Usage: hostile.py OUTDIR KB   (each shape is written at about KB kilobytes as OUTDIR/SHAPE.txt)

Shapes: runs of unclosed opening marks, mixed marks, straight quotes, thousands of dates in one
sentence, pause terms, attack reports, speech verbs, quotes with cues in one endless sentence, names, numbers, text without full stops, commas."""
import os, random, sys

SHAPES = {
    "open-marks": lambda: "“",
    "mixed-marks": lambda: random.choice("“”\"‘’«»") + "word ",
    "straight-quotes": lambda: '"',
    "dates": lambda: "on 5 January 2025, and ",
    "pause-terms": lambda: "a ceasefire on energy strikes for 30 days ",
    "attacks": lambda: "Russia launched 50 drones at Kyiv overnight, killing 3 ",
    "speech": lambda: "he said ",
    "quoted-speech": lambda: "“He said, “Russia launched 12 drones at Kyiv,” she said ",
    "names": lambda: "President Volodymyr Zelensky ",
    "numbers": lambda: f"{random.randint(1, 99999)} drones ",
    "no-stops": lambda: random.choice(["the", "war", "and", "said", "on", "Monday", "Russia", "drones", "killed"]) + " ",
    "commas": lambda: ",",
}


def main():
    out, kb = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    random.seed(7)
    for name, piece in SHAPES.items():
        parts, size = [], 0
        while size < kb * 1024:
            p = piece()
            parts.append(p)
            size += len(p.encode())
        with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as f:
            f.write("Headline\n\n" + "".join(parts) + "\n")


if __name__ == "__main__":
    main()
