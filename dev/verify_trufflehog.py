#!/usr/bin/env python3
"""Independent count of TruffleHog JSON Lines (v3: DetectorName...; v2: reason/stringsFound...) and of trufflehog3
(Python fork) JSON arrays, following docs/formats.md.

TruffleHog: one finding per result line (JSON log lines with "msg" and no detector are passed over); no severity
stated, so unknown. trufflehog3: one finding per array item, severity rule.severity by word.

Usage: dev/verify_trufflehog.py FILE...
prints: file format tool version kinds total critical high medium low info unknown suppressed components
"""
import json
import sys

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "medium": "medium", "low": "low", "info": "info"}

for f in sys.argv[1:]:
    text = open(f, encoding="utf-8-sig").read()
    c = dict.fromkeys(ORDER, 0)
    rel = f.split("/samples/", 1)[-1]
    if text.lstrip().startswith("["):
        for item in json.loads(text):
            c[WORDS.get(str((item.get("rule") or {}).get("severity") or "").lower(), "unknown")] += 1
        print(rel, "trufflehog3-json", "trufflehog3", "", "SECRETS", sum(c.values()), *[c[k] for k in ORDER], 0, 0,
              sep="\t")
        continue
    for line in text.splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if "DetectorName" in r or "reason" in r:
            c["unknown"] += 1
    print(rel, "trufflehog-json", "TruffleHog", "", "SECRETS", sum(c.values()), *[c[k] for k in ORDER], 0, 0,
          sep="\t")
