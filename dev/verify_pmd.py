#!/usr/bin/env python3
"""Independent count of PMD XML violations and PMD CPD XML duplications, following docs/formats.md.

PMD: priority 1-2 HIGH, 3 MEDIUM, 4-5 LOW, none UNKNOWN; suppressedviolation elements are suppressed.
CPD: every duplication is one INFO finding.
Usage: dev/verify_pmd.py FILE...   prints: file format version total critical high medium low info unknown suppressed
"""
import sys
import xml.etree.ElementTree as ET

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
PRIORITY = {"1": "high", "2": "high", "3": "medium", "4": "low", "5": "low"}

def local(tag):
    return tag.split("}")[-1]

def count(path):
    root = ET.parse(path).getroot()
    c = dict.fromkeys(ORDER, 0); sup = 0
    if local(root.tag) == "pmd-cpd":
        c["info"] = sum(1 for e in root if local(e.tag) == "duplication")
        return "cpd-xml", root.get("pmdVersion"), c, 0
    for e in root:
        if local(e.tag) == "file":
            for v in e:
                if local(v.tag) == "violation":
                    c[PRIORITY.get((v.get("priority") or "").strip(), "unknown")] += 1
        elif local(e.tag) == "suppressedviolation":
            sup += 1
    return "pmd-xml", root.get("version"), c, sup

for f in sys.argv[1:]:
    fmt, v, c, sup = count(f)
    print(f.split("/")[-1], fmt, v or "-", sum(c.values()), *[c[k] for k in ORDER], sup, sep="\t")
