"""Compiles the examples of every docs/checks/<name>.md page with the plugin:
the C block after "Bad:" must get a [<name>] finding, the one after "Good:"
must compile with no diagnostic at all. Both are compiled with the page's
check enabled (enable=<name>), so checks that are off by default are held to
their examples too. Examples use the WDK-style headers
in test/Inputs/wdk and target x86_64-pc-windows-msvc, as a WDK driver does.

usage: check_examples.py CLANG PLUGIN WDK_INCLUDE DOCS_CHECKS_DIR [OBJ_DIR]"""
import os
import re
import subprocess
import sys

clang, plugin, wdk, checks_dir = sys.argv[1:5]
obj = os.path.join(sys.argv[5] if len(sys.argv) > 5 else ".", "example.o")


def blocks(text):
    """{label: code} for code blocks introduced by a 'Bad:' / 'Good:' line."""
    found = {}
    for m in re.finditer(r'^(Bad|Good):\s*\n\s*\n?```c\n(.*?)^```', text, re.M | re.S):
        found.setdefault(m.group(1), m.group(2))
    return found


def compile_(name, code, extra):
    cmd = [clang, "--target=x86_64-pc-windows-msvc", "-I", wdk, "-fplugin=" + plugin,
           "-c", "-o", obj, "-x", "c", "-"] + extra
    p = subprocess.run(cmd, input=code, capture_output=True, text=True)
    return p.returncode, p.stderr


errors = 0
count = 0
for page in sorted(os.listdir(checks_dir)):
    if not page.endswith(".md") or page == "README.md":
        continue
    name = page[:-3]
    with open(os.path.join(checks_dir, page)) as f:
        text = f.read()
    b = blocks(text)
    for label in ("Bad", "Good"):
        if label not in b:
            print("error: %s: no C example after '%s:'" % (page, label))
            errors += 1
    enable = ["-fplugin-arg-irqlcheck-enable=" + name]
    if "Bad" in b:
        rc, err = compile_(name, b["Bad"], enable)
        if "[%s]" % name not in err:
            print("error: %s: the Bad example gives no [%s] finding:\n%s" % (page, name, err))
            errors += 1
    if "Good" in b:
        rc, err = compile_(name, b["Good"], enable)
        if rc != 0 or err.strip():
            print("error: %s: the Good example is not clean:\n%s" % (page, err))
            errors += 1
    count += 1
print("%d pages, %d errors" % (count, errors))
sys.exit(1 if errors else 0)
