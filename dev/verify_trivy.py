#!/usr/bin/env python3
"""Independent count of Trivy JSON findings, following docs/formats.md, to verify the corpus expectations.

Usage: dev/verify_trivy.py FILE...   prints: file kinds total critical high medium low info unknown suppressed
"""
import json, sys

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "error": "high", "medium": "medium", "moderate": "medium",
         "warning": "medium", "low": "low", "note": "low", "info": "info", "informational": "info",
         "information": "info", "negligible": "info", "none": "info"}
OS = {"alpine", "debian", "ubuntu", "redhat", "centos", "rocky", "alma", "almalinux", "amazon", "oracle", "photon",
      "opensuse", "sles", "cbl-mariner", "azurelinux", "wolfi", "chainguard", "bottlerocket", "fedora"}

def score_sev(s):
    if s is None: return "unknown"
    if s >= 9: return "critical"
    if s >= 7: return "high"
    if s >= 4: return "medium"
    return "low" if s > 0 else "info"

def vuln_sev(v):
    word = v.get("Severity")
    if word: return WORDS.get(word.strip().lower(), "unknown")
    cvss = v.get("CVSS") or {}
    vendor = next((k for k in (v.get("SeveritySource"), "nvd") if k in cvss), next(iter(cvss), None))
    e = cvss.get(vendor) or {}
    for k in ("V40Score", "V3Score", "V2Score"):
        if isinstance(e.get(k), (int, float)): return score_sev(e[k])
    return "unknown"

def word(x):
    w = x.get("Severity")
    return WORDS.get(w.strip().lower(), "unknown") if w else "unknown"

def results(d):
    """(result, in_k8s) for every result of every layout."""
    if isinstance(d, list):
        for r in d: yield r
        return
    for r in d.get("Results") or []: yield r
    for key in ("Resources", "Vulnerabilities", "Misconfigurations"):
        for res in d.get(key) or []:
            for r in res.get("Results") or []: yield r

def count(path):
    d = json.load(open(path, encoding="utf-8-sig"))
    c = dict.fromkeys(ORDER, 0); sup = 0; kinds = set(); pkg = False; other = False
    if d is None: d = []
    atype = d.get("ArtifactType") if isinstance(d, dict) else None
    for r in results(d):
        cls = (r.get("Class") or "").lower(); typ = (r.get("Type") or "").lower()
        vs = r.get("Vulnerabilities") or []; ms = r.get("Misconfigurations") or []
        ss = r.get("Secrets") or []; ls = r.get("Licenses") or []
        for v in vs: c[vuln_sev(v)] += 1
        for m in ms:
            st = (m.get("Status") or "FAIL").upper()
            if st == "EXCEPTION": sup += 1
            elif st != "PASS": c[word(m)] += 1
        for s in ss: c[word(s)] += 1
        for l in ls: c[word(l)] += 1
        sup += len(r.get("ExperimentalModifiedFindings") or [])
        if cls in ("os-pkgs", "lang-pkgs") or (not cls and (vs or (not ms and not ss and not ls and typ))):
            pkg = True; kinds.add("SCA")
            if cls == "os-pkgs" or atype == "container_image" or (not cls and typ in OS): kinds.add("CONTAINER")
        else:
            other = True
        if cls == "config" or ms: kinds.add("IAC")
        if cls == "secret" or ss: kinds.add("SECRETS")
        if cls in ("license", "license-file") or ls: kinds.add("LICENSE")
        if vs: kinds.add("SCA")
    if atype == "container_image" and (pkg or not other): kinds |= {"CONTAINER", "SCA"}
    if not kinds: kinds.add("SCA")
    return sorted(kinds), c, sup

if __name__ == "__main__":
    for f in sys.argv[1:]:
        try:
            k, c, sup = count(f)
        except (ValueError, AttributeError) as e:
            print(f.split("/")[-1], "ERROR", e, sep="\t"); continue
        print(f.split("/")[-1], ",".join(k), sum(c.values()), *[c[x] for x in ORDER], sup, sep="\t")
