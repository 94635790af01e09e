#!/usr/bin/env python3
"""Independent count of Burp Suite issues XML exports, following docs/formats.md.

One finding per <issue>; suppressed when its severity or confidence is "False positive". Severity by word:
High -> high, Medium -> medium, Low -> low, Information -> info, else unknown. Version: burpVersion.
The inline DTD of Burp exports is ignored by ElementTree's expat parser only as far as it has no entities.

Usage: dev/verify_burp.py FILE...
prints: file format tool version kinds total critical high medium low info unknown suppressed components
"""
import sys
import xml.etree.ElementTree as ET

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "medium": "medium", "low": "low", "information": "info",
         "info": "info", "informational": "info"}

for f in sys.argv[1:]:
    root = ET.parse(f).getroot()
    c = dict.fromkeys(ORDER, 0)
    sup = 0
    for issue in root.findall("issue"):
        s = (issue.findtext("severity") or "").strip().lower()
        conf = (issue.findtext("confidence") or "").strip().lower()
        if s == "false positive" or conf == "false positive":
            sup += 1
        else:
            c[WORDS.get(s, "unknown")] += 1
    print(f.split("/samples/", 1)[-1], "burp-xml", "Burp Suite", root.get("burpVersion") or "", "DAST",
          sum(c.values()), *[c[k] for k in ORDER], sup, 0, sep="\t")
