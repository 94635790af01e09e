#!/usr/bin/env python3
"""Independent count of CycloneDX JSON/XML BOMs, following docs/formats.md, to verify the corpus expectations.

Components: components[] with nested components[].components[] (not metadata.component, not pedigree, not
services). Vulnerabilities (1.4+ vulnerabilities[], 1.2 XML extension v:vulnerabilities inside components): one
finding per vulnerability and affects ref (one when it has no affects; one per extension vulnerability),
suppressed when analysis.state is not_affected/false_positive/resolved/resolved_with_pedigree. Severity: the
severity word of the rating with the best method (CVSSv4 > CVSSv3.x > CVSSv2 > other/none) among ratings with a
known word, else the score of the best CVSS rating, else unknown. Kinds: SBOM when components or no
vulnerabilities, SCA when vulnerabilities. Tool: first non-library tool of metadata.tools, else the first library,
else the first service.

Usage: dev/verify_cyclonedx.py FILE...
prints: file tool version kinds total critical high medium low info unknown suppressed components
"""
import json
import sys
import xml.etree.ElementTree as ET

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "error": "high", "medium": "medium", "moderate": "medium",
         "warning": "medium", "low": "low", "note": "low", "info": "info", "informational": "info",
         "information": "info", "negligible": "info", "none": "info"}
SUPPRESSED = {"not_affected", "false_positive", "resolved", "resolved_with_pedigree"}
EXT = "http://cyclonedx.org/schema/ext/vulnerability/"


def score_sev(s):
    if s >= 9: return "critical"
    if s >= 7: return "high"
    if s >= 4: return "medium"
    return "low" if s > 0 else "info"


def rank(method):
    m = (method or "").strip().lower().replace(" ", "").replace(".", "")
    return {"cvssv4": 4, "cvssv40": 4, "cvssv3": 3, "cvssv30": 3, "cvssv31": 3, "cvssv2": 2, "cvssv20": 2}.get(m, 1)


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def severity(ratings):
    """ratings: list of (method, word, score)"""
    worded = [(rank(m), i, WORDS[w.strip().lower()]) for i, (m, w, s) in enumerate(ratings)
              if w and w.strip().lower() in WORDS]
    if worded:
        return sorted(worded, key=lambda t: (-t[0], t[1]))[0][2]
    scored = [(rank(m), i, s) for i, (m, w, s) in enumerate(ratings) if rank(m) >= 2 and s is not None]
    if scored:
        return score_sev(sorted(scored, key=lambda t: (-t[0], t[1]))[0][2])
    return "unknown"


def is_library(name, typ):
    n = (name or "").strip().lower()
    return (typ or "").lower() == "library" or n.endswith("library") or n.endswith("-lib") or n.endswith("_lib")


def choose_tool(tools):
    """tools: list of (name, version, type) in document order; type "service" for tools.services entries"""
    tools = [t for t in tools if t[0] and t[0].strip()]
    for wanted in (lambda t: t[2] != "service" and not is_library(t[0], t[2]),
                   lambda t: t[2] != "service",
                   lambda t: True):
        for t in tools:
            if wanted(t):
                return t[0].strip(), t[1] or ""
    return "unknown CycloneDX producer", ""


def count_json(path):
    d = json.load(open(path, encoding="utf-8-sig"))
    if d is None or d == []:
        return ("unknown CycloneDX producer", ""), 0, [], 0
    md = d.get("metadata") or {}
    tools = md.get("tools")
    tl = []
    if isinstance(tools, list):
        tl = [(t.get("name"), t.get("version"), t.get("type")) for t in tools]
    elif isinstance(tools, dict):
        tl = [(t.get("name"), t.get("version"), "service" if key == "services" else t.get("type"))
              for key in ("components", "services") for t in tools.get(key) or []]

    def walk(cs):
        n = 0
        for c in cs or []:
            n += 1 + walk(c.get("components"))
        return n
    comps = walk(d.get("components"))
    findings = []  # (severity, suppressed)
    for v in d.get("vulnerabilities") or []:
        sev = severity([(r.get("method"), r.get("severity"), num(r.get("score"))) for r in v.get("ratings") or []])
        sup = ((v.get("analysis") or {}).get("state") or "").lower() in SUPPRESSED
        refs = [a.get("ref") for a in v.get("affects") or [] if a.get("ref")]
        findings += [(sev, sup)] * max(1, len(refs))
    return choose_tool(tl), comps, findings, len(d.get("vulnerabilities") or [])


def local(tag):
    return tag.split("}")[-1]


def ns(tag):
    return tag[1:].split("}")[0] if tag.startswith("{") else ""


def count_xml(path):
    root = ET.parse(path).getroot()
    bns = ns(root.tag)
    q = lambda t: "{%s}%s" % (bns, t) if bns else t
    tl = []
    md = root.find(q("metadata"))
    if md is not None and md.find(q("tools")) is not None:
        for el in md.find(q("tools")).iter():
            if local(el.tag) in ("tool", "component", "service") and el is not md:
                tl.append((el.findtext(q("name")), el.findtext(q("version")),
                           "service" if local(el.tag) == "service" else el.get("type")))
    findings = []
    nvulns = 0

    def walk(container):
        nonlocal nvulns
        n = 0
        if container is None:
            return 0
        for c in container.findall(q("component")):
            n += 1 + walk(c.find(q("components")))
            for child in c:
                if ns(child.tag).startswith(EXT) and local(child.tag) == "vulnerabilities":
                    for v in child:
                        if local(v.tag) != "vulnerability":
                            continue
                        nvulns += 1
                        ratings = []
                        for r in v.iter():
                            if local(r.tag) == "rating":
                                m = s = sc = None
                                for x in r:
                                    if local(x.tag) == "method": m = (x.text or "").strip()
                                    if local(x.tag) == "severity": s = (x.text or "").strip()
                                    if local(x.tag) == "score":
                                        base = [y for y in x if local(y.tag) == "base"]
                                        sc = num((base[0].text if base else x.text or "").strip())
                                ratings.append((m, s, sc))
                        findings.append((severity(ratings), False))
        return n
    comps = walk(root.find(q("components")))
    vs = root.find(q("vulnerabilities"))
    for v in (vs.findall(q("vulnerability")) if vs is not None else []):
        nvulns += 1
        ratings = []
        for r in v.findall(q("ratings") + "/" + q("rating")):
            ratings.append((r.findtext(q("method")), r.findtext(q("severity")), num(r.findtext(q("score")))))
        st = (v.findtext(q("analysis") + "/" + q("state")) or "").strip().lower()
        refs = [t.findtext(q("ref")) for t in v.findall(q("affects") + "/" + q("target"))]
        findings += [(severity(ratings), st in SUPPRESSED)] * max(1, len(refs))
    return choose_tool(tl), comps, findings, nvulns


for f in sys.argv[1:]:
    (tool, version), comps, findings, nvulns = count_xml(f) if f.endswith(".xml") else count_json(f)
    c = dict.fromkeys(ORDER, 0)
    sup = 0
    for sev, s in findings:
        if s:
            sup += 1
        else:
            c[sev] += 1
    kinds = sorted(({"SBOM"} if comps or not nvulns else set()) | ({"SCA"} if nvulns else set()))
    print(f.split("/")[-1], tool, version or "", ",".join(kinds), sum(c.values()), *[c[k] for k in ORDER], sup,
          comps, sep="\t")
