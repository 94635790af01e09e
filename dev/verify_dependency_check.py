#!/usr/bin/env python3
"""Independent count of OWASP Dependency-Check JSON and XML reports, following docs/formats.md.

Findings: every vulnerability of every dependency (JSON dependencies[].vulnerabilities[], XML
dependency/vulnerabilities/vulnerability). Suppressed: JSON suppressedVulnerabilities[], XML
suppressedVulnerability elements (inside vulnerabilities, or any vulnerability of a suppressedVulnerabilities
list). Severity: the vulnerability's own severity word when it is a known word, else CVSS v4 baseScore, v3
baseScore, v2 score (schema 1.x cvssScore), else unknown.

XML is read with xml.etree; a file with a DOCTYPE declaring entities is NOT read (XXE): it is reported as
"refused" with the entity names, which the engine must refuse too.

Usage: dev/verify_dependency_check.py FILE...
prints: file tool version total critical high medium low info unknown suppressed
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "error": "high", "medium": "medium", "moderate": "medium",
         "warning": "medium", "low": "low", "note": "low", "info": "info", "informational": "info",
         "information": "info", "negligible": "info", "none": "info"}


def score_sev(s):
    if s >= 9: return "critical"
    if s >= 7: return "high"
    if s >= 4: return "medium"
    return "low" if s > 0 else "info"


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def severity(word, v4, v3, v2):
    w = (word or "").strip().lower()
    if w in WORDS:
        return WORDS[w]
    for s in (v4, v3, v2):
        if s is not None:
            return score_sev(s)
    return "unknown"


def count_json(path):
    d = json.load(open(path, encoding="utf-8-sig"))
    c = dict.fromkeys(ORDER, 0)
    sup = 0
    for dep in d.get("dependencies") or []:
        for v in dep.get("vulnerabilities") or []:
            c[severity(v.get("severity"), num((v.get("cvssv4") or {}).get("baseScore")),
                       num((v.get("cvssv3") or {}).get("baseScore")), num((v.get("cvssv2") or {}).get("score")))] += 1
        sup += len(dep.get("suppressedVulnerabilities") or [])
    return (d.get("scanInfo") or {}).get("engineVersion") or "", c, sup


def local(tag):
    return tag.split("}")[-1]


def child(el, name):
    for x in el:
        if local(x.tag) == name:
            return x
    return None


def child_text(el, *path):
    for name in path:
        el = child(el, name) if el is not None else None
    return (el.text or "").strip() if el is not None and el.text is not None else None


def count_xml(path):
    head = open(path, encoding="utf-8", errors="replace").read(4096)
    entities = re.findall(r"<!ENTITY\s+%?\s*(\S+)", head)
    if entities:
        return None, entities, None
    root = ET.parse(path).getroot()
    c = dict.fromkeys(ORDER, 0)
    sup = 0
    deps = child(root, "dependencies")
    for dep in (deps if deps is not None else []):
        if local(dep.tag) != "dependency":
            continue
        for lst in dep:
            if local(lst.tag) not in ("vulnerabilities", "suppressedVulnerabilities"):
                continue
            for v in lst:
                if local(v.tag) == "suppressedVulnerability" or local(lst.tag) == "suppressedVulnerabilities":
                    sup += 1
                elif local(v.tag) == "vulnerability":
                    v2 = num(child_text(v, "cvssV2", "score"))
                    if v2 is None:
                        v2 = num(child_text(v, "cvssScore"))
                    c[severity(child_text(v, "severity"), num(child_text(v, "cvssV4", "baseScore")),
                               num(child_text(v, "cvssV3", "baseScore")), v2)] += 1
    return child_text(child(root, "scanInfo"), "engineVersion") or "", c, sup


for f in sys.argv[1:]:
    version, c, sup = count_xml(f) if f.endswith(".xml") else count_json(f)
    if version is None:
        print(f.split("/")[-1], "refused: DOCTYPE declares entities " + ", ".join(c) + " (XXE)", sep="\t")
        continue
    print(f.split("/")[-1], "dependency-check", version, "SCA", sum(c.values()), *[c[k] for k in ORDER], sup, 0,
          sep="\t")
