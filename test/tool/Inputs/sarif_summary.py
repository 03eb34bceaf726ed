"""Checks a SARIF 2.1.0 log's shape and prints one line per result:

    python3 sarif_summary.py log.sarif
prints "version 2.1.0", "rules N", then "RULE FILE:LINE:COL" for each result.
"""
import json
import os
import sys

log = json.load(open(sys.argv[1], encoding="utf-8"))
assert log["version"] == "2.1.0" and "sarif" in log["$schema"], "not a SARIF 2.1.0 log"
assert len(log["runs"]) == 1, "one run"
run = log["runs"][0]
rules = run["tool"]["driver"]["rules"]
print("version", log["version"])
print("rules", len(rules))
for r in run["results"]:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"], "ruleIndex out of step"
    phys = r["locations"][0]["physicalLocation"]
    assert phys["artifactLocation"]["uri"].startswith("file:///")
    region = phys["region"]
    print(r["ruleId"], "%s:%d:%d" % (os.path.basename(phys["artifactLocation"]["uri"]),
                                     region["startLine"], region["startColumn"]))
