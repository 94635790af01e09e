#!/usr/bin/env python3
"""Independent count of Hadolint JSON reports, following docs/formats.md.

One finding per item; level error -> high, warning -> medium, info -> info, style -> info, ignore -> suppressed,
anything else unknown.

Usage: dev/verify_hadolint.py FILE...
prints: file format tool version kinds total critical high medium low info unknown suppressed components
"""
import json
import sys

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
LEVEL = {"error": "high", "warning": "medium", "info": "info", "style": "info"}

for f in sys.argv[1:]:
    c = dict.fromkeys(ORDER, 0)
    sup = 0
    for item in json.load(open(f, encoding="utf-8-sig")):
        level = str(item.get("level") or "").lower()
        if level == "ignore":
            sup += 1
        else:
            c[LEVEL.get(level, "unknown")] += 1
    print(f.split("/samples/", 1)[-1], "hadolint-json", "Hadolint", "", "IAC", sum(c.values()),
          *[c[k] for k in ORDER], sup, 0, sep="\t")
