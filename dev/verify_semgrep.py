#!/usr/bin/env python3
"""Independent count of Semgrep JSON results, following docs/formats.md, to verify the corpus expectations.

Usage: dev/verify_semgrep.py FILE...   prints: file version total critical high medium low info unknown suppressed
"""
import json, sys

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "error": "high", "medium": "medium", "moderate": "medium",
         "warning": "medium", "low": "low", "note": "low", "info": "info", "informational": "info",
         "information": "info", "negligible": "info", "none": "info"}

def count(path):
    d = json.load(open(path, encoding="utf-8-sig"))
    c = dict.fromkeys(ORDER, 0); sup = 0
    if not isinstance(d, dict):
        return None, c, 0
    for r in d.get("results") or []:
        extra = r.get("extra") or {}
        if extra.get("is_ignored") is True:
            sup += 1; continue
        c[WORDS.get(str(extra.get("severity") or "").strip().lower(), "unknown")] += 1
    return d.get("version"), c, sup

for f in sys.argv[1:]:
    v, c, sup = count(f)
    print(f.split("/")[-1], v or "-", sum(c.values()), *[c[k] for k in ORDER], sup, sep="\t")
