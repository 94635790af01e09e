#!/usr/bin/env python3
"""Independent count of OSV-Scanner JSON findings, following docs/formats.md, to verify the corpus expectations.
One finding per alias group per package (per vulnerability when a package has no groups). Severity: worst
database_specific.severity word of the group, else max_severity, else the highest CVSS v3/v2 base score computed
from the severity[] vectors (v4 vectors are not computed).

Usage: dev/verify_osv_scanner.py FILE...   prints: file total critical high medium low info unknown suppressed
"""
import json, math, sys

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "moderate": "medium", "medium": "medium", "low": "low"}
RANK = {k: i for i, k in enumerate(ORDER)}

def score_sev(s):
    if s is None: return "unknown"
    if s >= 9: return "critical"
    if s >= 7: return "high"
    if s >= 4: return "medium"
    return "low" if s > 0 else "info"

def roundup(x):
    i = round(x * 100000)
    return i / 100000.0 if i % 10000 == 0 else (math.floor(i / 10000) + 1) / 10.0

def cvss3(vec):
    m = dict(p.split(":", 1) for p in vec.split("/")[1:] if ":" in p)
    changed = m["S"] == "C"
    av = {"N": .85, "A": .62, "L": .55, "P": .2}[m["AV"]]; ac = {"L": .77, "H": .44}[m["AC"]]
    pr = ({"N": .85, "L": .68, "H": .5} if changed else {"N": .85, "L": .62, "H": .27})[m["PR"]]
    ui = {"N": .85, "R": .62}[m["UI"]]
    cia = [{"H": .56, "L": .22, "N": 0}[m[k]] for k in "CIA"]
    iss = 1 - (1 - cia[0]) * (1 - cia[1]) * (1 - cia[2])
    imp = 7.52 * (iss - .029) - 3.25 * (iss - .02) ** 15 if changed else 6.42 * iss
    if imp <= 0: return 0.0
    ex = 8.22 * av * ac * pr * ui
    return roundup(min((1.08 if changed else 1) * (imp + ex), 10))

def cvss2(vec):
    m = dict(p.split(":", 1) for p in vec.split("/") if ":" in p)
    av = {"L": .395, "A": .646, "N": 1.0}[m["AV"]]; ac = {"H": .35, "M": .61, "L": .71}[m["AC"]]
    au = {"M": .45, "S": .56, "N": .704}[m["Au"]]
    c, i, a = ({"N": 0, "P": .275, "C": .66}[m[k]] for k in "CIA")
    imp = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a)); ex = 20 * av * ac * au
    return round(((.6 * imp) + (.4 * ex) - 1.5) * (0 if imp == 0 else 1.176), 1)

def vuln_score(v):
    scores = {}
    for s in v.get("severity") or []:
        sc = s.get("score") or ""
        try:
            val = float(sc); ver = s.get("type", "")[-1:]
        except ValueError:
            if sc.startswith("CVSS:3"): val, ver = cvss3(sc), "3"
            elif sc.startswith("CVSS:4"): continue
            elif "Au:" in sc: val, ver = cvss2(sc), "2"
            else: continue
        scores.setdefault(ver, val)
    for ver in "432":
        if ver in scores: return scores[ver]
    return None

def group_sev(ids, vulns, max_severity):
    words = [WORDS.get(((vulns.get(i) or {}).get("database_specific") or {}).get("severity", "").lower() or "-",
                       "unknown") for i in ids
             if ((vulns.get(i) or {}).get("database_specific") or {}).get("severity")]
    if words: return min(words, key=RANK.get)
    if max_severity:
        try: return score_sev(float(max_severity))
        except ValueError: pass
    scores = [s for s in (vuln_score(vulns[i]) for i in ids if i in vulns) if s is not None]
    return score_sev(max(scores) if scores else None)

def count(path):
    text = open(path, encoding="utf-8-sig").read()
    c = dict.fromkeys(ORDER, 0); sup = 0
    if not text.strip(): return c, sup
    for res in json.loads(text)["results"]:
        for p in res.get("packages") or []:
            vulns = {v["id"]: v for v in p.get("vulnerabilities") or []}
            groups = p.get("groups") or []
            covered = set()
            for g in groups:
                covered.update(g.get("ids") or [])
                an = g.get("experimental_analysis") or g.get("experimentalAnalysis") or {}
                if (an and not any(a.get("called") for a in an.values())) or any(a.get("unimportant") for a in an.values()):
                    sup += 1; continue
                c[group_sev(g.get("ids") or [], vulns, g.get("max_severity"))] += 1
            for i, v in vulns.items():
                if i not in covered: c[group_sev([i], vulns, None)] += 1
            if p.get("license_violations"): c["unknown"] += 1
    return c, sup

if __name__ == "__main__":
    for f in sys.argv[1:]:
        c, sup = count(f)
        print(f.split("/")[-1], sum(c.values()), *[c[k] for k in ORDER], sup, sep="\t")
