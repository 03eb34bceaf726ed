#!/usr/bin/env python3
"""Compile every realistic test driver with irqlcheck and count its findings.

The drivers under test/drivers are correct code except for the lines marked
`BUG(irql)`.  This script compiles each driver .c file with the plugin (clang
-cc1, the WDK-style headers of test/Inputs/wdk, x64 MSVC target), then prints
the findings per 1,000 lines, per check and per file, and separates the
planted bugs found from everything else (false positives) and from the
planted bugs missed.

    python3 test/drivers/count_findings.py [--plugin build/plugin/IrqlCheck.so]
        [--clang clang-19] [-O2] [--list]

A finding in a header counts once per translation unit that includes it, as
in the measurement of issue 10; a second finding on a BUG line counts as
"other" (one bug, one finding).  Exit status 0 unless a compile fails.
"""

import argparse
import collections
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRCROOT = os.path.dirname(os.path.dirname(HERE))
WDK = os.path.join(SRCROOT, "test", "Inputs", "wdk")
WARNING = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): warning: "
                     r"(?P<text>.*) \[(?P<check>irql-[a-z-]+)\]")
BUG_MARK = "BUG(irql):"


def planted_bugs(path):
    """Line numbers of the BUG(irql) marks in a file."""
    with open(path, encoding="utf-8") as f:
        return {n for n, text in enumerate(f, 1) if BUG_MARK in text}


def line_count(paths):
    total = 0
    for p in paths:
        with open(p, encoding="utf-8") as f:
            total += sum(1 for _ in f)
    return total


def compile_one(args, path):
    cmd = [args.clang, "-cc1", "-triple", "x86_64-pc-windows-msvc", "-fms-extensions",
           "-load", args.plugin, "-isystem", WDK, "-emit-llvm-only",
           "-fno-caret-diagnostics"]
    if args.O2:
        cmd.append("-O2")
    cmd.append(path)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.stderr.write("compile failed: %s\n%s" % (path, proc.stderr))
        return None
    findings = []
    for text in proc.stderr.splitlines():
        m = WARNING.match(text)
        if m:
            findings.append((os.path.normpath(os.path.join(os.path.dirname(path), m["file"]))
                             if not os.path.isabs(m["file"]) else m["file"],
                             int(m["line"]), m["check"], m["text"]))
    return findings


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plugin", default=os.path.join(SRCROOT, "build", "plugin", "IrqlCheck.so"))
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("-O2", action="store_true", help="compile at -O2 (default -O0)")
    ap.add_argument("--list", action="store_true", help="print every finding")
    args = ap.parse_args()

    if not os.path.exists(args.plugin):
        sys.exit("plugin not found: %s (build it, or pass --plugin)" % args.plugin)

    sources = sorted(glob.glob(os.path.join(HERE, "*", "*.c")))
    headers = sorted(glob.glob(os.path.join(HERE, "*", "*.h")))
    lines = line_count(sources + headers)

    per_check = collections.Counter()
    per_file = collections.OrderedDict()
    planted_found = set()
    planted_all = set()
    failed = False
    listing = []
    for src in sources:
        rel = os.path.relpath(src, HERE)
        bugs = planted_bugs(src)
        planted_all |= {(src, n) for n in bugs}
        findings = compile_one(args, src)
        if findings is None:
            failed = True
            continue
        real = other = 0
        for path, line, check, text in findings:
            per_check[check] += 1
            # one finding per planted bug; a second one on its line is a duplicate
            is_planted = path == src and line in bugs and (src, line) not in planted_found
            if is_planted:
                real += 1
                planted_found.add((src, line))
            else:
                other += 1
            listing.append("%s %s:%d [%s] %s" % ("BUG  " if is_planted else "other",
                                                 os.path.relpath(path, SRCROOT), line, check, text))
        per_file[rel] = (real, other)

    total = sum(per_check.values())
    others = sum(o for _, o in per_file.values())
    print("irqlcheck on test/drivers (%s): %d files, %d lines" %
          ("-O2" if args.O2 else "-O0", len(sources) + len(headers), lines))
    print("findings: %d = %.1f per 1k lines; planted bugs found %d of %d; other findings %d "
          "(%.1f per 1k lines)" % (total, 1000.0 * total / lines, len(planted_found),
                                   len(planted_all), others, 1000.0 * others / lines))
    print("\nper check:")
    for check, n in per_check.most_common():
        print("  %-32s %4d" % (check, n))
    print("\nper file (planted found / other):")
    for rel, (real, other) in per_file.items():
        print("  %-28s %3d / %3d" % (rel, real, other))
    missed = sorted(planted_all - planted_found)
    if missed:
        print("\nplanted bugs missed:")
        for src, n in missed:
            print("  %s:%d" % (os.path.relpath(src, SRCROOT), n))
    if args.list:
        print("\nfindings:")
        for item in listing:
            print("  " + item)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
