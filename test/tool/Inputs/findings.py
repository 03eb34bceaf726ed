"""The irqlcheck findings in a compiler's output, one per line, sorted, in
one spelling (file:line:col for clang, file(line,col) for clang-cl):

    python3 findings.py output.txt
"""
import re
import sys

FINDING = re.compile(r"^(.+?)(?::(\d+):(\d+)|\((\d+),(\d+)\)): (warning|error): (.*\[irql-[a-z0-9-]+\])")
out = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = FINDING.match(line)
    if m:
        row, col = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
        out.append("%s:%s:%s: %s: %s" % (m.group(1), row, col, m.group(6), m.group(7)))
for f in sorted(out):
    print(f)
