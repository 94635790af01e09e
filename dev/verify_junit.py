#!/usr/bin/env python3
"""Independent reading of JUnit XML reports, following docs/formats.md, to verify the corpus expectations.

Ordinary test reports: TEST, no findings. Trivy's JUnit template (root testsuites name="trivy", or test cases
named "[SEVERITY] ID"): failing cases are findings, severity from the bracket. Gitleaks (suite named gitleaks):
failing cases are secrets of unknown severity.

Usage: dev/verify_junit.py FILE...   prints: file tool kinds total critical high medium low info unknown suppressed
"""
import re, sys
import xml.etree.ElementTree as ET

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
BRACKET = re.compile(r"\[(CRITICAL|HIGH|MEDIUM|LOW|UNKNOWN)\]\s+(.*)", re.S)
OS = {"alpine", "debian", "ubuntu", "redhat", "centos", "rocky", "alma", "amazon", "oracle", "photon", "suse",
      "opensuse", "opensuse.leap", "sles", "cbl-mariner", "azurelinux", "wolfi", "chainguard", "fedora"}

def local(tag):
    return tag.split("}")[-1]

def count(path):
    root = ET.parse(path).getroot()
    c = dict.fromkeys(ORDER, 0); kinds = set(); tool = "JUnit"
    trivy_root = local(root.tag) == "testsuites" and (root.get("name") or "").strip().lower() == "trivy"
    if local(root.tag) == "testsuite" and "surefire" in (root.get("{http://www.w3.org/2001/XMLSchema-instance}noNamespaceSchemaLocation") or ""):
        tool = "Maven Surefire"
    suites = [s for s in root.iter() if local(s.tag) == "testsuite"]
    trivy = trivy_root; gitleaks = False
    for s in suites:
        name = (s.get("name") or "").strip()
        ptype = None
        for prop in s.findall("properties/property"):
            if prop.get("name") == "type" and prop.get("value"): ptype = prop.get("value")
            if prop.get("name") == "image" and trivy_root and prop.get("value"): kinds.add("CONTAINER")
        for tc in s.findall("testcase"):
            fails = [f for f in tc if local(f.tag) in ("failure", "error")]
            if not fails: continue
            if name.lower() == "gitleaks":
                gitleaks = True; kinds.add("SECRETS"); c["unknown"] += 1; continue
            m = BRACKET.fullmatch((tc.get("name") or "").strip())
            sevf = [f for f in fails if f.get("type") == "severity"]
            desc = [f for f in fails if f.get("type") == "description"]
            if not trivy_root and not (m and desc) and not sevf: continue
            trivy = True
            sev = m.group(1).lower() if m else (sevf[0].text or "").strip().lower() if sevf else "unknown"
            c[sev if sev in ORDER else "unknown"] += 1
            ident = m.group(2).strip() if m else tc.get("name")
            cls = tc.get("classname") or ""
            if sevf or (desc and desc[0].get("message", "").strip() != ident and any(ch.isdigit() for ch in cls)):
                kinds.add("SCA")
                if ptype and ptype.lower() in OS: kinds.add("CONTAINER")
            elif not desc: kinds.add("LICENSE")
            elif desc[0].get("message", "").strip() == ident: kinds.add("SECRETS")
            else: kinds.add("IAC")
        gitleaks |= name.lower() == "gitleaks"
    if trivy:
        tool = "Trivy"
        if not kinds - {"CONTAINER"}: kinds.add("SCA")
    elif gitleaks:
        tool = "Gitleaks"; kinds.add("SECRETS")
    if not kinds: kinds.add("TEST")
    return tool, ",".join(sorted(kinds)), c

for f in sys.argv[1:]:
    tool, kinds, c = count(f)
    print(f.split("/")[-1], tool, kinds, sum(c.values()), *[c[k] for k in ORDER], 0, sep="\t")
