#!/usr/bin/env python3
"""Independent count of Bandit JSON results, following docs/formats.md, to verify the corpus expectations.

Usage: dev/verify_bandit.py FILE...   prints: file total critical high medium low info unknown suppressed
"""
import json, sys

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "error": "high", "medium": "medium", "moderate": "medium",
         "warning": "medium", "low": "low", "note": "low", "info": "info", "informational": "info",
         "information": "info", "negligible": "info", "none": "info"}

def count(path):
    d = json.load(open(path, encoding="utf-8-sig"))
    c = dict.fromkeys(ORDER, 0)
    if not isinstance(d, dict):
        return c, 0
    for r in d.get("results") or []:
        c[WORDS.get(str(r.get("issue_severity") or "").strip().lower(), "unknown")] += 1
    totals = (d.get("metrics") or {}).get("_totals") or {}
    sup = int(totals.get("nosec") or 0) + int(totals.get("skipped_tests") or 0)
    return c, sup

for f in sys.argv[1:]:
    c, sup = count(f)
    print(f.split("/")[-1], sum(c.values()), *[c[k] for k in ORDER], sup, sep="\t")
