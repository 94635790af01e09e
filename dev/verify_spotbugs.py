#!/usr/bin/env python3
"""Independent count of SpotBugs / FindBugs XML bug instances, following docs/formats.md.

Priority 1 HIGH, 2 MEDIUM, 3 LOW, other UNKNOWN; a bug with "last" set is gone; a bug a user designated
NOT_A_BUG or BAD_ANALYSIS is suppressed.
Usage: dev/verify_spotbugs.py FILE...   prints: file tool version total critical high medium low info unknown suppressed
"""
import sys
import xml.etree.ElementTree as ET

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
PRIORITY = {"1": "high", "2": "medium", "3": "low"}

def count(path):
    root = ET.parse(path).getroot()
    c = dict.fromkeys(ORDER, 0); sup = 0
    v = root.get("version") or ""
    tool = "FindBugs" if v.startswith(("1.", "2.", "3.0")) else "SpotBugs"
    for b in root.findall("BugInstance"):
        if b.get("last"): continue
        ua = b.find("UserAnnotation")
        if ua is not None and (ua.get("designation") or "").upper() in ("NOT_A_BUG", "BAD_ANALYSIS"):
            sup += 1; continue
        c[PRIORITY.get((b.get("priority") or "").strip(), "unknown")] += 1
    return tool, v, c, sup

for f in sys.argv[1:]:
    tool, v, c, sup = count(f)
    print(f.split("/")[-1], tool, v or "-", sum(c.values()), *[c[k] for k in ORDER], sup, sep="\t")
