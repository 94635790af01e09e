#!/usr/bin/env python3
"""Independent count of SPDX 2.x JSON and tag-value documents, following docs/formats.md.

Components: the packages, minus those the document describes (documentDescribes, SPDXRef-DOCUMENT DESCRIBES x,
x DESCRIBED_BY SPDXRef-DOCUMENT); when every package is described, all count. Tool: the first "Tool:" creator,
split into name and version at the first '-' or ' ' followed by a digit or v+digit (a last '-dev' etc. is a
version too).

Usage: dev/verify_spdx.py FILE...   prints: file tool version kinds components
"""
import json
import re
import sys

VERSION_WORDS = {"dev", "devel", "snapshot", "latest", "unknown", "main", "master", "nightly", "head"}


def split_tool(t):
    t = t.strip()
    m = re.fullmatch(r"(.+?)[- ]([vV]?\d.*)", t)
    if m:
        return m.group(1).strip(), m.group(2).strip()
    if "-" in t and t.rsplit("-", 1)[1].lower() in VERSION_WORDS:
        return tuple(t.rsplit("-", 1))
    return t, ""


def tool_of(creators):
    for c in creators:
        c = c.strip()
        if c.lower().startswith("tool:") and c[5:].strip():
            return split_tool(c[5:])
    return "unknown SPDX producer", ""


def components(package_ids, described):
    kept = [p for p in package_ids if p not in described]
    return len(kept) if kept else len(package_ids)


def count_json(path):
    d = json.load(open(path, encoding="utf-8-sig"))
    doc = d.get("SPDXID", "SPDXRef-DOCUMENT")
    described = set(d.get("documentDescribes") or [])
    for r in d.get("relationships") or []:
        t = (r.get("relationshipType") or "").upper()
        if t == "DESCRIBES" and r.get("spdxElementId") == doc:
            described.add(r.get("relatedSpdxElement"))
        if t == "DESCRIBED_BY" and r.get("relatedSpdxElement") == doc:
            described.add(r.get("spdxElementId"))
    ids = [p.get("SPDXID") for p in d.get("packages") or []]
    return tool_of((d.get("creationInfo") or {}).get("creators") or []), components(ids, described)


def count_tag_value(path):
    tags = []
    text = None
    for line in open(path, encoding="utf-8-sig"):
        if text is not None:
            if "</text>" in line:
                tags.append((text, ""))
                text = None
            continue
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        key, _, value = s.partition(":")
        value = value.strip()
        if value.startswith("<text>") and "</text>" not in value:
            text = key
            continue
        tags.append((key, value))
    doc = "SPDXRef-DOCUMENT"
    creators, rels, ids = [], [], []
    section = None
    for key, value in tags:
        if key in ("PackageName", "FileName", "SnippetSPDXID", "LicenseID"):
            section = key
            if key == "PackageName":
                ids.append(None)
        elif key == "SPDXID":
            if section is None:
                doc = value
            elif section == "PackageName" and ids[-1] is None:
                ids[-1] = value
        elif key == "Creator":
            creators.append(value)
        elif key == "Relationship":
            rels.append(value.split())
    described = set()
    for r in rels:
        if len(r) >= 3 and r[1] == "DESCRIBES" and r[0] == doc:
            described.add(r[2])
        if len(r) >= 3 and r[1] == "DESCRIBED_BY" and r[2] == doc:
            described.add(r[0])
    return tool_of(creators), components(ids, described)


for f in sys.argv[1:]:
    (tool, version), comps = count_json(f) if f.endswith(".json") else count_tag_value(f)
    print(f.split("/")[-1], tool, version, "SBOM", comps, sep="\t")
