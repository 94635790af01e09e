#!/usr/bin/env python3
"""Independent count of Grype JSON findings, following docs/formats.md, to verify the corpus expectations.

Usage: dev/verify_grype.py FILE...   prints: file tool version kinds total critical high medium low info unknown suppressed
"""
import json, sys

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "medium": "medium", "moderate": "medium", "low": "low",
         "negligible": "info", "info": "info", "none": "info"}

def score_sev(s):
    if s >= 9: return "critical"
    if s >= 7: return "high"
    if s >= 4: return "medium"
    return "low" if s > 0 else "info"

def best_score(v):
    """Highest CVSS version's first score: cvss[] (current layout), cvssV3/cvssV2 (0.7 layout)."""
    by_version = {}
    for e in v.get("cvss") or []:
        ver = str(e.get("version") or "")[:1]
        s = (e.get("metrics") or {}).get("baseScore")
        if isinstance(s, (int, float)): by_version.setdefault(ver, s)
    for key, ver in (("cvssV3", "3"), ("cvssV2", "2")):
        s = (v.get(key) or {}).get("baseScore")
        if isinstance(s, (int, float)): by_version.setdefault(ver, s)
    for ver in ("4", "3", "2"):
        if ver in by_version: return by_version[ver]
    return None

def states(v):
    return bool(v.get("severity")) or best_score(v) is not None

def sev(v):
    if v.get("severity"): return WORDS.get(v["severity"].strip().lower(), "unknown")
    s = best_score(v)
    return "unknown" if s is None else score_sev(s)

def count(path):
    d = json.load(open(path, encoding="utf-8-sig"))
    c = dict.fromkeys(ORDER, 0)
    for m in d["matches"]:
        v = m.get("vulnerability") or {}
        if not states(v):
            rel = [r for r in m.get("relatedVulnerabilities") or [] if states(r)]
            if rel: v = rel[0]
        c[sev(v)] += 1
    kinds = "CONTAINER,SCA" if (d.get("source") or {}).get("type") == "image" else "SCA"
    desc = d.get("descriptor") or {}
    return desc.get("name"), desc.get("version"), kinds, c, len(d.get("ignoredMatches") or [])

if __name__ == "__main__":
    for f in sys.argv[1:]:
        tool, version, kinds, c, sup = count(f)
        print(f.split("/")[-1], tool, version, kinds, sum(c.values()), *[c[k] for k in ORDER], sup, sep="\t")
