#!/usr/bin/env python3
"""Independent count of Wapiti 3 JSON / XML reports, following docs/formats.md.

Findings: every entry of vulnerabilities and anomalies (additionals are not findings). Severity from level:
4 critical, 3 high, 2 medium, 1 low, 0 info (numbers or numeric strings). Version: infos.version /
generatorVersion without the leading "Wapiti".

Usage: dev/verify_wapiti.py FILE...
prints: file format tool version kinds total critical high medium low info unknown suppressed components
"""
import json
import sys
import xml.etree.ElementTree as ET

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
LEVEL = {"4": "critical", "3": "high", "2": "medium", "1": "low", "0": "info"}

for f in sys.argv[1:]:
    c = dict.fromkeys(ORDER, 0)
    if f.endswith(".xml"):
        root = ET.parse(f).getroot()
        infos = {i.get("name"): i.text for i in root.findall("report_infos/info")}
        version = infos.get("generatorVersion") or ""
        levels = [e.findtext("level") for path in ("vulnerabilities/vulnerability", "anomalies/anomaly")
                  for v in root.findall(path) for e in v.findall("entries/entry")]
        fmt = "wapiti-xml"
    else:
        d = json.load(open(f, encoding="utf-8-sig"))
        version = (d.get("infos") or {}).get("version") or ""
        levels = [e.get("level") for section in ("vulnerabilities", "anomalies")
                  for entries in (d.get(section) or {}).values() for e in entries]
        fmt = "wapiti-json"
    for level in levels:
        c[LEVEL.get(str(level).strip(), "unknown")] += 1
    if version.lower().startswith("wapiti"):
        version = version[len("wapiti"):].strip()
    print(f.split("/samples/", 1)[-1], fmt, "Wapiti", version, "DAST", sum(c.values()), *[c[k] for k in ORDER], 0, 0,
          sep="\t")
