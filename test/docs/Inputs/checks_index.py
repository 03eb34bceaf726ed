"""Fails unless plugin/report/Checks.def, docs/checks/README.md and the
docs/checks/<name>.md pages agree: every check has a README row with its
alias, default (on/off) and summary, a page whose title is its name, and
nothing is extra. The page of a check that is off by default says so."""
import os
import re
import sys

checks_def, checks_dir = sys.argv[1], sys.argv[2]
row = re.compile(r'^IRQL_CHECK\(\s*(\w+)\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"\s*,\s*(On|Off)\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)')
checks = []
defaults = {}
with open(checks_def) as f:
    for line in f:
        m = row.match(line)
        if m:
            checks.append((m.group(2), m.group(3), m.group(5).replace('\\"', '"')))
            defaults[m.group(2)] = m.group(4).lower()
errors = []
if not checks:
    errors.append("no IRQL_CHECK rows found in %s" % checks_def)

# README.md: a table | [name](name.md) | alias | on/off | summary |
readme = os.path.join(checks_dir, "README.md")
listed = {}
with open(readme) as f:
    for line in f:
        m = re.match(r'^\|\s*\[`?([\w-]+)`?\]\(([\w-]+)\.md\)\s*\|\s*([^|]*?)\s*\|\s*([^|]*?)\s*\|\s*(.*?)\s*\|\s*$', line)
        if m:
            name, target, alias, default, summary = m.groups()
            if target != name:
                errors.append("README.md: %s links to %s.md" % (name, target))
            # Identifiers may be set in `code` in the README.
            listed[name] = (alias.strip('` '), default.strip('*` '), summary.replace('`', ''))
for name, alias, summary in checks:
    if name not in listed:
        errors.append("README.md does not list %s" % name)
        continue
    got_alias, got_default, got_summary = listed[name]
    if got_default != defaults[name]:
        errors.append("README.md: %s is '%s' by default, Checks.def says '%s'" % (name, got_default, defaults[name]))
    if got_alias != (alias or "-"):
        errors.append("README.md: %s has alias '%s', Checks.def says '%s'" % (name, got_alias, alias or "-"))
    if got_summary != summary:
        errors.append("README.md: %s summary '%s' differs from Checks.def '%s'" % (name, got_summary, summary))
names = [c[0] for c in checks]
for name in listed:
    if name not in names:
        errors.append("README.md lists %s, which is not in Checks.def" % name)
if list(listed) != [n for n in names if n in listed]:
    errors.append("README.md does not list the checks in Checks.def order")

# One page per check, titled with its name.
pages = sorted(p[:-3] for p in os.listdir(checks_dir) if p.endswith(".md") and p != "README.md")
for name in names:
    path = os.path.join(checks_dir, name + ".md")
    if not os.path.exists(path):
        errors.append("missing page docs/checks/%s.md" % name)
        continue
    with open(path) as f:
        first = f.readline().strip()
        rest = f.read()
    if first != "# " + name:
        errors.append("%s.md: first line is '%s', not '# %s'" % (name, first, name))
    if defaults[name] == "off" and "off by default" not in rest.lower():
        errors.append("%s.md: the check is off by default, and the page does not say so" % name)
for page in pages:
    if page not in names:
        errors.append("docs/checks/%s.md documents no check in Checks.def" % page)

for e in errors:
    print("error: " + e)
print("%d checks, %d errors" % (len(checks), len(errors)))
sys.exit(1 if errors else 0)
