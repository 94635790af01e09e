#!/usr/bin/env python3
"""Independent count of Nuclei results (JSON Lines or one JSON array), following docs/formats.md.

One finding per result, except results with "matcher-status": false. Severity: info.severity by word
(critical, high, medium, low, info; anything else unknown). No version.

Usage: dev/verify_nuclei.py FILE...
prints: file format tool version kinds total critical high medium low info unknown suppressed components
"""
import json
import sys

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "medium": "medium", "moderate": "medium", "low": "low",
         "info": "info", "informational": "info", "none": "info"}


def results(path):
    text = open(path, encoding="utf-8-sig").read()
    if not text.strip():
        return []
    if text.lstrip().startswith("["):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


for f in sys.argv[1:]:
    c = dict.fromkeys(ORDER, 0)
    for r in results(f):
        if r.get("matcher-status") is False:
            continue
        c[WORDS.get(str((r.get("info") or {}).get("severity") or "").strip().lower(), "unknown")] += 1
    print(f.split("/samples/", 1)[-1], "nuclei-json", "Nuclei", "", "DAST", sum(c.values()),
          *[c[k] for k in ORDER], 0, 0, sep="\t")
