#!/usr/bin/env python3
"""Independent count of Snyk CLI JSON findings, following docs/formats.md, to verify the corpus expectations.
One finding per project and (id, packageName, version); filtered.ignore de-duplicated the same way.
Severity: the severity word, else cvssScore, else the CVSS v3 base score of the CVSSv3 vector.

Usage: dev/verify_snyk.py FILE...   prints: file kinds total critical high medium low info unknown suppressed
"""
import json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from verify_osv_scanner import cvss3  # noqa: E402  (CVSS v3 base score from a vector)

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "medium": "medium", "low": "low"}

def score_sev(s):
    if s is None: return "unknown"
    if s >= 9: return "critical"
    if s >= 7: return "high"
    if s >= 4: return "medium"
    return "low" if s > 0 else "info"

def key(v):
    return (v.get("id"), v.get("packageName") or v.get("name"), v.get("version"))

def count(path):
    d = json.load(open(path, encoding="utf-8-sig"))
    c = dict.fromkeys(ORDER, 0); sup = 0; kinds = {"SCA"}
    projects = d if isinstance(d, list) else [d]
    def project(p, top):
        nonlocal sup
        seen = set()
        for v in p.get("vulnerabilities") or []:
            if key(v) in seen: continue
            seen.add(key(v))
            w = v.get("severity")
            score = v.get("cvssScore")
            if score is None and (v.get("CVSSv3") or "").startswith("CVSS:3"): score = cvss3(v["CVSSv3"])
            c[WORDS.get(w.lower(), "unknown") if w else score_sev(score)] += 1
            if v.get("type") == "license": kinds.add("LICENSE")
        sup += len({key(v) for v in (p.get("filtered") or {}).get("ignore") or []})
        if top and (isinstance(p.get("docker"), dict) or str(p.get("projectName", "")).startswith("docker-image|")):
            kinds.add("CONTAINER")
        for a in p.get("applications") or []:
            project(a, False)
    for p in projects:
        project(p, True)
    return sorted(kinds), c, sup

if __name__ == "__main__":
    for f in sys.argv[1:]:
        k, c, sup = count(f)
        print(f.split("/")[-1], ",".join(k), sum(c.values()), *[c[x] for x in ORDER], sup, sep="\t")
