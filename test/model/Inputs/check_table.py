#!/usr/bin/env python3
"""Holds the kernel model (plugin/model/KernelApi.def and its api/*.def family
files) to its documentation links, independently of the plugin's own
check-model:

- every family file KernelApi.def includes declares the headers its doc pages
  may name (IRQL_API_HEADERS), and every row of the file is documented under
  one of them;
- every doc column is "<header>/nf-<header>-<lowercase name>", or the page
  api/DocExceptions.def names for that routine ("" only for the routines it
  lists as undocumented), and every exception names a routine of the table;
- no routine is in the table twice; arities are 0..20;
- with --documented FILE: every routine FILE lists has the IRQL its page states
  (FILE holds "Name | req.irql of the page | optional note", one per line, as
  read from the page; a note starting "deviation:" says why the row differs
  on purpose, "no statement" that the page states no IRQL).

Prints "ok: N entries in M files" or one line per problem (exit status 1).
"""
import argparse
import os
import re
import sys

ROW = re.compile(r'^IRQL_API\((\w+), (\d+), "([^"]*)", "([^"]*)", "([^"]*)"\)\s*$')
FAMILY = re.compile(r'IRQL_API_FAMILY\(\d+, "(\w+\.def)", "([^"]*)"\)\s*\n'
                    r'#define IRQL_API_FAMILY_ID \d+\s*\n#include "model/api/(\w+\.def)"')
MAX_ARITY = 20

LEVELS = {"PASSIVE_LEVEL": 0, "APC_LEVEL": 1, "DISPATCH_LEVEL": 2, "DIRQL": 11,
          "HIGH_LEVEL": 15}


def header_allowed(header, headers):
    for h in headers.split():
        if h.endswith("*") and header.startswith(h[:-1]) or header == h:
            return True
    return False


def read_exceptions(path):
    doc_as, undocumented = {}, set()
    for line in open(path):
        m = re.match(r"IRQL_API_DOC_AS\((\w+), (\w+)\)", line)
        if m:
            doc_as[m.group(1)] = m.group(2)
        m = re.match(r"IRQL_API_UNDOCUMENTED\((\w+)\)", line)
        if m:
            undocumented.add(m.group(1))
    return doc_as, undocumented


def entry_range(contract):
    """The unconditional entry constraint of a contract: (kind, level) pairs."""
    out = []
    for item in contract.split():
        m = re.match(r"(max|req|min)=(\w+)$", item)
        if m and m.group(2) in LEVELS:
            out.append((m.group(1), LEVELS[m.group(2)]))
    return out


def expected_range(statement):
    """What a page's req.irql text asks of the row, or None if it states none."""
    s = re.sub(r"\(.*\)", "", statement.replace('"', "")).strip()
    m = re.match(r"^(<=|<|>=|=)?\s*(\w+)$", s)
    if s.lower() in ("any level", "any irql", "<= high_level"):
        return [("max", LEVELS["HIGH_LEVEL"])]
    if not m or m.group(2) not in LEVELS:
        return None
    op, level = m.group(1) or "", LEVELS[m.group(2)]
    if op == "<":
        return [("max", level - 1)]
    if op == "<=":
        return [("max", level)]
    if op == ">=":
        return [("min", level)]
    # A bare level: PASSIVE_LEVEL is the most a caller may be at; any other
    # level is the exact one (the table's convention, docs/model.md).
    return [("max", 0)] if level == 0 else [("req", level)]


def documented_files(path):
    """The side files: PATH itself, or every *.txt in it (one per reader, so
    readings of different families never touch the same file)."""
    if not path:
        return []
    if os.path.isdir(path):
        return [os.path.join(path, f) for f in sorted(os.listdir(path)) if f.endswith(".txt")]
    return [path]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir", help="plugin/model (holds KernelApi.def and api/)")
    ap.add_argument("--documented", help="side file of IRQL statements read from the pages, "
                    "or a directory of them (every *.txt in it)")
    ap.add_argument("--unread", action="store_true",
                    help="list the documented rows no side file records yet "
                    "('File.def | Name | doc | contract'), the work left to read")
    args = ap.parse_args()

    problems = []
    top = open(os.path.join(args.model_dir, "KernelApi.def")).read()
    families = FAMILY.findall(top)
    if not families:
        problems.append("KernelApi.def includes no family file")
    doc_as, undocumented = read_exceptions(os.path.join(args.model_dir, "api", "DocExceptions.def"))
    rows = {}
    for file_name, headers, included in families:
        if file_name != included:
            problems.append("%s: IRQL_API_FAMILY says %s" % (included, file_name))
        for number, line in enumerate(open(os.path.join(args.model_dir, "api", included)), 1):
            if not line.startswith("IRQL_API("):
                continue
            where = "%s:%d" % (included, number)
            m = ROW.match(line)
            if not m:
                problems.append("%s: not a well-formed row" % where)
                continue
            name, arity, contract, doc, _ = m.groups()
            if name in rows:
                problems.append("%s: %s: duplicate of %s" % (where, name, rows[name][0]))
                continue
            rows[name] = (where, contract, doc)
            if int(arity) > MAX_ARITY:
                problems.append("%s: %s: arity %s" % (where, name, arity))
            if not contract:
                problems.append("%s: %s: empty contract" % (where, name))
            if name in undocumented:
                if doc:
                    problems.append("%s: %s: listed as undocumented, but has doc '%s'" % (where, name, doc))
                continue
            header, _, page = doc.partition("/")
            if not re.match(r"^[a-z0-9_]+$", header) or not page:
                problems.append("%s: %s: doc '%s' is not '<header>/nf-<header>-<name>'" % (where, name, doc))
                continue
            if not header_allowed(header, headers):
                problems.append("%s: %s: header '%s' is not the family's (%s)" % (where, name, header, headers))
            want = "nf-%s-%s" % (header, doc_as.get(name, name).lower())
            if page != want:
                problems.append("%s: %s: page '%s', expected '%s'" % (where, name, page, want))
    for name in list(doc_as) + sorted(undocumented):
        if name not in rows:
            problems.append("DocExceptions.def: %s: no such routine in the table" % name)

    for path in documented_files(args.documented):
        for number, line in enumerate(open(path), 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = [p.strip() for p in line.split("|")]
            name, statement = parts[0], parts[1]
            note = parts[2] if len(parts) > 2 else ""
            where = "%s:%d" % (os.path.basename(path), number)
            if name not in rows:
                problems.append("%s: %s: not in the table" % (where, name))
                continue
            want = expected_range(statement)
            if want is None:
                if not note.startswith("no statement") and not note.startswith("deviation:"):
                    problems.append("%s: %s: page states no IRQL ('%s'); say why the row exists"
                                    % (where, name, statement))
                continue
            have = entry_range(rows[name][1])
            if have != want and not note.startswith("deviation:"):
                problems.append("%s: %s: page says '%s', row says '%s'"
                                % (where, name, statement, rows[name][1]))

    if args.unread:
        recorded = set()
        for path in documented_files(args.documented):
            for line in open(path):
                line = line.split("#", 1)[0].strip()
                if line:
                    recorded.add(line.split("|")[0].strip())
        for name, (where, contract, doc) in rows.items():
            if name not in recorded and name not in undocumented:
                print("%s | %s | %s | %s" % (where.split(":")[0], name, doc, contract))
        return 0

    for p in problems:
        print(p)
    if problems:
        return 1
    print("ok: %d entries in %d files" % (len(rows), len(families)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
