#!/usr/bin/env python3
"""Independent count of Checkstyle XML errors, following docs/formats.md.

severity error HIGH, warning MEDIUM, info INFO, ignore suppressed, anything else UNKNOWN; the tool is inferred from
the first source that shows one (checkstyle class, ShellCheck., eslint.rules., DL/SC codes for Hadolint, detekt.).
Usage: dev/verify_checkstyle.py FILE...   prints: file tool total critical high medium low info unknown suppressed
"""
import re, sys
import xml.etree.ElementTree as ET

ORDER = ["critical", "high", "medium", "low", "info", "unknown"]
WORDS = {"critical": "critical", "high": "high", "error": "high", "medium": "medium", "moderate": "medium",
         "warning": "medium", "low": "low", "note": "low", "info": "info", "informational": "info",
         "information": "info", "negligible": "info", "none": "info"}

def tool_of(source):
    s = (source or "").strip()
    if s.startswith("eslint.rules."): return "ESLint"
    if s.startswith("ShellCheck"): return "ShellCheck"
    if re.fullmatch(r"(DL|SC)\d{4}", s): return "Hadolint"
    if s.startswith("detekt."): return "detekt"
    if s.startswith("com.puppycrawl.tools.checkstyle"): return "Checkstyle"
    return None

def count(path):
    root = ET.parse(path).getroot()
    c = dict.fromkeys(ORDER, 0); sup = 0; tool = None
    for f in root.findall("file"):
        for e in f.findall("error"):
            tool = tool or tool_of(e.get("source"))
            sev = (e.get("severity") or "").strip().lower()
            if sev == "ignore": sup += 1
            else: c[WORDS.get(sev, "unknown")] += 1
    return tool or "Checkstyle", c, sup

for f in sys.argv[1:]:
    tool, c, sup = count(f)
    print(f.split("/")[-1], tool, sum(c.values()), *[c[k] for k in ORDER], sup, sep="\t")
