#!/usr/bin/env python3
"""Independent count of Checkov JSON reports (one framework object, an array of them, or a summary-only object),
following docs/formats.md.

Failed checks are findings (severity by word, else vulnerability_details.cvss as a CVSS score, else unknown),
skipped checks are suppressed, passed checks are not counted. Kinds: secrets -> SECRETS, sca_package -> SCA,
sca_image -> CONTAINER, other frameworks and summary-only -> IAC. Version: summary.checkov_version (or the root
checkov_version of a summary-only report).

Usage: dev/verify_checkov.py FILE...
prints: file format tool version kinds total critical high medium low info unknown suppressed components
"""
import json
import sys

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "error": "high", "medium": "medium", "moderate": "medium",
         "warning": "medium", "low": "low", "note": "low", "info": "info", "informational": "info", "none": "info"}
KIND = {"secrets": "SECRETS", "sca_package": "SCA", "sca_image": "CONTAINER"}


def score_sev(s):
    if s >= 9: return "critical"
    if s >= 7: return "high"
    if s >= 4: return "medium"
    return "low" if s > 0 else "info"


for f in sys.argv[1:]:
    d = json.load(open(f, encoding="utf-8-sig"))
    reports = d if isinstance(d, list) else [d]
    c = dict.fromkeys(ORDER, 0)
    sup = 0
    kinds = set()
    version = ""
    for r in reports:
        kinds.add(KIND.get((r.get("check_type") or "").lower(), "IAC"))
        version = version or (r.get("summary") or {}).get("checkov_version") or r.get("checkov_version") or ""
        res = r.get("results") or {}
        for chk in res.get("failed_checks") or []:
            word = (chk.get("severity") or "").strip().lower()
            cvss = (chk.get("vulnerability_details") or {}).get("cvss")
            if word:
                c[WORDS.get(word, "unknown")] += 1
            elif isinstance(cvss, (int, float)):
                c[score_sev(cvss)] += 1
            else:
                c["unknown"] += 1
        sup += len(res.get("skipped_checks") or [])
    if not reports:
        kinds.add("IAC")
    print(f.split("/samples/", 1)[-1], "checkov-json", "Checkov", version, ",".join(sorted(kinds)),
          sum(c.values()), *[c[k] for k in ORDER], sup, 0, sep="\t")
