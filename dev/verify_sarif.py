#!/usr/bin/env python3
"""Independent count of SARIF results, following docs/formats.md, to verify the corpus expectations.

Usage: dev/verify_sarif.py FILE...   prints: file total critical high medium low info unknown suppressed
"""
import json, sys

NOT_FINDINGS = {"pass", "notapplicable", "informational", "review", "open"}
LEVEL = {"error": "high", "warning": "medium", "note": "low", "none": "info"}
ORDER = ["critical", "high", "medium", "low", "info", "unknown"]

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

def rules_of(obj):
    r = obj.get("rules")
    if isinstance(r, list): return r
    if isinstance(r, dict): return [dict(v, id=v.get("id", k)) for k, v in r.items()]
    return []

def count(path):
    d = json.load(open(path, encoding="utf-8-sig"))
    c = dict.fromkeys(ORDER, 0); sup = 0
    for run in d.get("runs") or []:
        tool = run.get("tool", {})
        driver = tool.get("driver", tool)
        drules = rules_of(driver) or rules_of(run) or rules_of(run.get("resources", {}))
        ext = [rules_of(e) for e in tool.get("extensions", []) or []]
        byid = {}
        for r in drules + [r for e in ext for r in e]:
            byid.setdefault(r.get("id"), r)
        for res in run.get("results") or []:
            kind = (res.get("kind") or "").lower(); level = res.get("level")
            if kind in NOT_FINDINGS or (level or "").lower() in NOT_FINDINGS: continue
            sups = res.get("suppressions") or []
            if sups and not any((s.get("status") or "").lower() in ("underreview", "rejected") for s in sups):
                sup += 1; continue
            if any(str(s).lower().startswith("suppressed") for s in res.get("suppressionStates") or []):
                sup += 1; continue
            table = drules; ref = res.get("rule") or {}
            ci = (ref.get("toolComponent") or {}).get("index")
            if isinstance(ci, int) and 0 <= ci < len(ext): table = ext[ci]
            idx = res.get("ruleIndex", ref.get("index"))
            rule = table[idx] if isinstance(idx, int) and 0 <= idx < len(table) else byid.get(res.get("ruleId") or ref.get("id"))
            if rule is None and res.get("ruleId") and "/" in res["ruleId"]:
                rule = byid.get(res["ruleId"].split("/")[0])
            s = num((res.get("properties") or {}).get("security-severity"))
            if s is None and rule: s = num((rule.get("properties") or {}).get("security-severity"))
            if s is not None:
                c[score_sev(s)] += 1; continue
            lv = level or (rule and ((rule.get("defaultConfiguration") or {}).get("level") or rule.get("defaultLevel")
                                      or (rule.get("configuration") or {}).get("defaultLevel"))) or "warning"
            c[LEVEL.get(lv.lower(), "unknown")] += 1
    return c, sup

for f in sys.argv[1:]:
    c, sup = count(f)
    print(f.split("/")[-1], sum(c.values()), *[c[k] for k in ORDER], sup, sep="\t")
