#!/usr/bin/env python3
"""Independent count of npm audit JSON findings (v1 and v2), following docs/formats.md, and a cross-check with
npm's own metadata.vulnerabilities totals.

Usage: dev/verify_npm_audit.py FILE...   prints: file version total critical high medium low info unknown
suppressed metadata-total (or: file ERROR summary)
"""
import json, sys

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "moderate": "medium", "medium": "medium", "low": "low",
         "info": "info"}

def score_sev(s):
    if s >= 9: return "critical"
    if s >= 7: return "high"
    if s >= 4: return "medium"
    return "low" if s > 0 else "info"

def sev(word, score):
    if word: return WORDS.get(word.lower(), "unknown")
    return "unknown" if score is None else score_sev(score)

def count(path):
    d = json.load(open(path, encoding="utf-8-sig"))
    if "error" in d and "advisories" not in d and "vulnerabilities" not in d:
        return None, d["error"].get("summary") if isinstance(d["error"], dict) else d["error"]
    c = dict.fromkeys(ORDER, 0)
    if "advisories" in d:  # v1: advisory x path
        version = "v1"
        for a in d["advisories"].values():
            paths = sum(len(f.get("paths") or []) for f in a.get("findings") or [])
            c[sev(a.get("severity"), (a.get("cvss") or {}).get("score"))] += max(1, paths)
    else:  # v2: one per vulnerable package entry
        version = "v2"
        for v in d["vulnerabilities"].values():
            advisories = [a for a in v.get("via") or [] if isinstance(a, dict)]
            words = [a["severity"] for a in advisories if a.get("severity")]
            scores = [(a.get("cvss") or {}).get("score") for a in advisories]
            scores = [s for s in scores if isinstance(s, (int, float))]
            word = v.get("severity") or (min(words, key=lambda w: ORDER.index(WORDS.get(w, "unknown"))) if words else None)
            c[sev(word, max(scores) if scores else None)] += 1
    meta = (d.get("metadata") or {}).get("vulnerabilities") or {}
    meta_total = sum(n for k, n in meta.items() if k != "total")
    return (version, c, len(d.get("muted") or []), meta_total), None

if __name__ == "__main__":
    for f in sys.argv[1:]:
        r, err = count(f)
        if r is None:
            print(f.split("/")[-1], "ERROR", err, sep="\t"); continue
        version, c, sup, meta = r
        print(f.split("/")[-1], version, sum(c.values()), *[c[k] for k in ORDER], sup, meta, sep="\t")
