#!/usr/bin/env python3
"""Lists the public symbols of a symbol graph that have no doc comment.

usage: undocumented.py DLMath.symbols.json
Prints `file:line: kind name` for each, and exits 1 when there is any.
Symbols without a source location (synthesized conformances such as
`hashValue`) are not the package's to document and are skipped.
"""
import json
import sys

graph = json.load(open(sys.argv[1]))
missing = []
for symbol in graph["symbols"]:
    location = symbol.get("location")
    if location is None or "docComment" in symbol:
        continue
    path = location["uri"].split("/Sources/", 1)[-1]
    line = location["position"]["line"] + 1
    kind = symbol["kind"]["identifier"].removeprefix("swift.")
    missing.append(f"Sources/{path}:{line}: {kind} {'.'.join(symbol['pathComponents'])}")
for entry in sorted(missing):
    print(entry)
if missing:
    print(f"{len(missing)} public symbols have no doc comment", file=sys.stderr)
    sys.exit(1)
