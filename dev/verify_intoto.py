#!/usr/bin/env python3
"""Independent reading of in-toto statements, DSSE envelopes (one per line allowed) and Sigstore bundles.

Prints the builder id of the first SLSA provenance (v0.x predicate.builder.id, v1 predicate.runDetails.builder.id)
or "in-toto"; attestations have no findings.
Usage: dev/verify_intoto.py FILE...   prints: file tool documents
"""
import base64, json, sys

def statement(d):
    pred = d.get("predicate") or {}
    b = pred.get("builder") or (pred.get("runDetails") or {}).get("builder") or {}
    return b.get("id")

def document(d):
    if "dsseEnvelope" in d: d = d["dsseEnvelope"]
    if "payload" in d:
        try: d = json.loads(base64.b64decode(d["payload"]))
        except ValueError: return None
    return statement(d) if isinstance(d, dict) else None

def read(path):
    text = open(path, encoding="utf-8-sig").read()
    docs = []
    dec = json.JSONDecoder(); i = 0
    while i < len(text):
        while i < len(text) and text[i].isspace(): i += 1
        if i >= len(text): break
        d, i = dec.raw_decode(text, i); docs.append(d)
    builders = [b for b in (document(d) for d in docs if isinstance(d, dict)) if b]
    return (builders[0] if builders else "in-toto"), len(docs)

for f in sys.argv[1:]:
    tool, n = read(f)
    print(f.split("/")[-1], tool, n, sep="\t")
