#!/usr/bin/env python3
"""Independent count of tfsec JSON reports (current and legacy), following docs/formats.md.

A result is a finding unless it passed (status "passed", legacy "passed": true); status "ignored" is suppressed.
Severity by word: CRITICAL, HIGH, MEDIUM, LOW; legacy ERROR -> high, WARNING -> medium, INFO -> info.
{"results": null} is a clean scan.

Usage: dev/verify_tfsec.py FILE...
prints: file format tool version kinds total critical high medium low info unknown suppressed components
"""
import json
import sys

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "error": "high", "medium": "medium", "warning": "medium",
         "low": "low", "info": "info"}

for f in sys.argv[1:]:
    d = json.load(open(f, encoding="utf-8-sig"))
    c = dict.fromkeys(ORDER, 0)
    sup = 0
    for r in d.get("results") or []:
        status = str(r.get("status") or "").lower()
        if r.get("passed") is True or status == "passed":
            continue
        if status == "ignored":
            sup += 1
            continue
        c[WORDS.get(str(r.get("severity") or "").lower(), "unknown")] += 1
    print(f.split("/samples/", 1)[-1], "tfsec-json", "tfsec", "", "IAC", sum(c.values()), *[c[k] for k in ORDER],
          sup, 0, sep="\t")
