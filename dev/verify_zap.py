#!/usr/bin/env python3
"""Independent count of OWASP ZAP traditional JSON / XML reports (also the -plus variants), following
docs/formats.md, to verify the corpus expectations.

One finding per alert of each site (instances are not counted). Suppressed: confidence "0" (False Positive).
Severity: riskcode 3/2/1/0 -> high/medium/low/info, without riskcode the first word of riskdesc, else unknown.
Tool: @programName / programName, else "ZAP"; version @version / version.

Usage: dev/verify_zap.py FILE...
prints (tab-separated, as in corpus/expected.tsv):
file format tool version kinds total critical high medium low info unknown suppressed components
"""
import json
import sys
import xml.etree.ElementTree as ET

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
RISK = {"3": "high", "2": "medium", "1": "low", "0": "info"}
WORDS = {"critical": "critical", "high": "high", "medium": "medium", "low": "low", "informational": "info",
         "info": "info", "information": "info"}


def sev(riskcode, riskdesc):
    if riskcode is not None and str(riskcode).strip() != "":
        return RISK.get(str(riskcode).strip(), "unknown")
    word = (riskdesc or "").strip().split(" ")[0].lower()
    return WORDS.get(word, "unknown")


def count(alerts):
    c = dict.fromkeys(ORDER, 0)
    sup = 0
    for a in alerts:
        if str(a.get("confidence", "")).strip() == "0":
            sup += 1
        else:
            c[sev(a.get("riskcode"), a.get("riskdesc"))] += 1
    return c, sup


def read_json(path):
    d = json.load(open(path, encoding="utf-8-sig"))
    sites = d.get("site") or []
    if isinstance(sites, dict):
        sites = [sites]
    alerts = [a for s in sites for a in (s.get("alerts") or [])]
    return d.get("@programName") or "ZAP", d.get("@version") or "", "zap-json", alerts


def read_xml(path):
    root = ET.parse(path).getroot()
    alerts = []
    for site in root.findall("site"):
        for item in site.findall("alerts/alertitem"):
            alerts.append({k: item.findtext(k) for k in ("riskcode", "riskdesc", "confidence")})
    return root.get("programName") or "ZAP", root.get("version") or "", "zap-xml", alerts


def rel(path):
    return path.split("/samples/", 1)[-1]


for f in sys.argv[1:]:
    tool, version, fmt, alerts = read_xml(f) if f.endswith(".xml") else read_json(f)
    c, sup = count(alerts)
    print(rel(f), fmt, tool, version, "DAST", sum(c.values()), *[c[k] for k in ORDER], sup, 0, sep="\t")
