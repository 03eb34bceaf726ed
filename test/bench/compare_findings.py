#!/usr/bin/env python3
"""Compares two builds of the plugin finding for finding: compiles every C
file under test/ and docs/examples with each (WDK-style headers and mingw-w64
headers, -O0 and -O2) and reports every difference in the diagnostics or the
SARIF log. Used to show that a change meant to make the plugin cheaper leaves
its findings identical.

usage: compare_findings.py OLD/IrqlCheck.so NEW/IrqlCheck.so [--jobs N]"""
import argparse
import concurrent.futures
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLANG = "/usr/lib/llvm-19/bin/clang"
WDK = os.path.join(ROOT, "test", "Inputs", "wdk")
MINGW = ["-isystem", "/usr/share/mingw-w64/include", "-isystem", "/usr/share/mingw-w64/include/ddk"]


def configs(path):
    base = ["--target=x86_64-pc-windows-msvc", "-fms-extensions", "-isystem", WDK,
            "-I", os.path.dirname(path)]
    yield "wdk-O0", base
    yield "wdk-O2", base + ["-O2"]
    # The kit through -I, as many real builds include it.
    yield "wdk-I-O0", ["--target=x86_64-pc-windows-msvc", "-fms-extensions", "-I", WDK,
                       "-I", os.path.dirname(path)]
    yield "mingw-O0", ["--target=x86_64-w64-mingw32", "-Wno-#warnings"] + MINGW


def run(plugin, path, flags, tmp):
    sarif = os.path.join(tmp, "out.sarif")
    cmd = [CLANG, "-fplugin=" + plugin, "-fplugin-arg-irqlcheck-sarif=" + sarif,
           "-c", "-o", os.path.join(tmp, "out.o"), "-fno-color-diagnostics"] + flags + [path]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    results = []
    if os.path.exists(sarif):
        with open(sarif) as f:
            try:
                for r in json.load(f)["runs"][0].get("results", []):
                    results.append(json.dumps(r, sort_keys=True))
            except (ValueError, KeyError, IndexError):
                results.append("<unreadable SARIF>")
    return p.returncode, p.stderr.replace(plugin, "PLUGIN"), sorted(results)


def compare(old, new, path, name, flags):
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        ro, rn = run(old, path, flags, a), run(new, path, flags, b)
    if ro == rn:
        return None
    return "%s [%s]:\n--- old\n%s\n--- new\n%s" % (path, name, ro[1], rn[1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    args = ap.parse_args()
    files = sorted(set(glob.glob(os.path.join(ROOT, "test", "**", "*.c"), recursive=True)) |
                   set(glob.glob(os.path.join(ROOT, "docs", "examples", "*.c"))))
    files = [f for f in files if "/Inputs/" not in f and "/Output/" not in f]
    jobs = [(f, n, fl) for f in files for n, fl in configs(f)]
    diffs = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for d in pool.map(lambda j: compare(args.old, args.new, *j), jobs):
            if d:
                diffs += 1
                print(d)
    print("compared %d compiles of %d files: %d differ" % (len(jobs), len(files), diffs))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
