#!/usr/bin/env python3
"""Independent count of Gitleaks JSON reports (v8 and v7 arrays), following docs/formats.md.

One finding per array item; Gitleaks states no severity, so all are unknown. [] and null are no findings (and are
not recognisable by content). Tool "Gitleaks", no version.

Usage: dev/verify_gitleaks.py FILE...
prints: file format tool version kinds total critical high medium low info unknown suppressed components
"""
import json
import sys

for f in sys.argv[1:]:
    d = json.load(open(f, encoding="utf-8-sig"))
    n = len(d or [])
    print(f.split("/samples/", 1)[-1], "gitleaks-json", "Gitleaks", "", "SECRETS", n, 0, 0, 0, 0, 0, n, 0, 0,
          sep="\t")
