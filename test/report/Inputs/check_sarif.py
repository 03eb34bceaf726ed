"""Validates a SARIF log against the schema subset and prints its findings,
one line each (ruleId line:col, related count, code-flow length), for FileCheck."""
import json
import sys

import jsonschema

log = json.load(open(sys.argv[1]))
schema = json.load(open(sys.argv[2]))
jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
run = log["runs"][0]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
print("rules", len(rules))
for r in run["tool"]["driver"]["rules"]:
    if "microsoftCounterpart" in r.get("properties", {}):
        enabled = r.get("defaultConfiguration", {}).get("enabled", True)
        print("rule", r["id"], r["properties"]["microsoftCounterpart"],
              "enabled" if enabled else "disabled")
for res in run["results"]:
    assert rules[res["ruleIndex"]] == res["ruleId"], "ruleIndex does not match ruleId"
    loc = res["locations"][0]["physicalLocation"]
    flows = res.get("codeFlows", [])
    flow_len = len(flows[0]["threadFlows"][0]["locations"]) if flows else 0
    print("result %s %s %s:%d:%d related=%d flow=%d" % (
        res["ruleId"], res["level"], loc["artifactLocation"]["uri"].rsplit("/", 1)[-1],
        loc["region"]["startLine"], loc["region"].get("startColumn", 0),
        len(res.get("relatedLocations", [])), flow_len))
print("valid")
