#!/usr/bin/env python3
"""Run irqlcheck over every translation unit of a compilation database.

    irqlcheck-compdb.py -p build/compile_commands.json [--plugin PATH] [-j N]
                        [--plugin-arg ARG]... [--werror] [--sarif FILE] [files...]

Each compile command is re-run as recorded, with the plugin added
(-fplugin=PATH for clang, /clang:-fplugin=PATH for clang-cl). irqlcheck's IR
pass only runs when code is generated, so -fsyntax-only, -E, -S, /Zs, /P and
the like are dropped and the output goes nowhere: `-c -o /dev/null` for clang,
`/c /Fo<temporary directory>` for clang-cl. Dependency files, PCH creation and
other side outputs are dropped as well, so the build tree is not touched.

Diagnostics are printed as the compiler prints them, one translation unit at a
time, in database order. The exit status is
    0  no irqlcheck error (and, with --werror, no irqlcheck warning)
    1  irqlcheck reported an error (or, with --werror, a warning)
    2  a compile command failed for another reason, or a usage error
A finding is a diagnostic tagged with a check name: "[irql-too-high]".

--sarif FILE writes one SARIF 2.1.0 log for the whole run: each translation
unit writes its own (the plugin's sarif=PATH argument) into the temporary
directory, and their results are merged. A finding seen in several
translation units (a header's, the same rule, location and message) is
listed once.

The compiler is the one in the database (argv[0]); use --compiler to run
another (it must be the clang the plugin was built for, e.g. clang-19 or
clang-cl-19, and take the same kind of command line). Python 3 standard
library only.
"""

import argparse
import concurrent.futures
import glob
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

FINDING = re.compile(r"\b(warning|error): .*\[(irql-[a-z0-9-]+)\]")
LAUNCHERS = {"ccache", "sccache", "distcc", "icecc", "buildcache"}
PLUGIN_NAMES = ("IrqlCheck.so", "IrqlCheck.dll", "IrqlCheck.dylib")


def log(msg):
    print("irqlcheck-compdb: " + msg, file=sys.stderr, flush=True)


def find_plugin():
    """--plugin default: $IRQLCHECK_PLUGIN, else next to an installed or source-tree script."""
    env = os.environ.get("IRQLCHECK_PLUGIN")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    patterns = []
    for name in PLUGIN_NAMES:
        patterns += [
            os.path.join(here, name),
            os.path.join(here, "..", "lib*", "irqlcheck", name),       # P/bin -> P/lib/irqlcheck
            os.path.join(here, "..", "lib", "*", "irqlcheck", name),   # lib/<multiarch>
            os.path.join(here, "..", "build", "plugin", name),         # source tree: cmake/
        ]
    for pattern in patterns:
        hits = sorted(glob.glob(pattern))
        if hits:
            return os.path.normpath(hits[0])
    return None


def split_command(command):
    """A compile_commands.json "command" string into argv."""
    if os.name != "nt":
        return shlex.split(command)
    # Windows quoting (CommandLineToArgvW rules, simplified).
    args, cur, inq, have, i = [], [], False, False, 0
    while i < len(command):
        c = command[i]
        if c == "\\":
            n = 0
            while i < len(command) and command[i] == "\\":
                n += 1
                i += 1
            if i < len(command) and command[i] == '"':
                cur.append("\\" * (n // 2))
                if n % 2:
                    cur.append('"')
                    i += 1
            else:
                cur.append("\\" * n)
            have = True
            continue
        if c == '"':
            inq = not inq
            have = True
        elif c in " \t" and not inq:
            if have:
                args.append("".join(cur))
                cur, have = [], False
        else:
            cur.append(c)
            have = True
        i += 1
    if have:
        args.append("".join(cur))
    return args


def is_cl_mode(argv):
    name = os.path.basename(argv[0]).lower()
    if name.endswith(".exe"):
        name = name[:-4]
    if re.fullmatch(r"(clang-cl|cl)(-[0-9.]+)?", name):
        return True
    return any(a == "--driver-mode=cl" for a in argv[1:])


def is_irqlcheck_plugin(path):
    return os.path.basename(path).startswith("IrqlCheck")


# GNU-style (clang) options that produce no object or write side outputs.
GNU_DROP = {"-c", "-S", "-E", "-fsyntax-only", "-M", "-MM", "-MD", "-MMD", "-MP",
            "-MG", "-save-temps", "-gsplit-dwarf"}
GNU_DROP_WITH_ARG = {"-o", "-MF", "-MT", "-MQ", "-MJ", "--serialize-diagnostics",
                     "-dependency-file"}
GNU_DROP_PREFIX = ("-Wp,-M", "-save-temps=", "-gsplit-dwarf=", "-MF", "-MT", "-MQ", "-MJ",
                   "--serialize-diagnostics=")

# clang-cl options (both / and - spellings) to drop: outputs, preprocess or
# syntax-only modes, dependency output, precompiled headers.
CL_DROP = {"c", "P", "E", "EP", "Zs", "showIncludes", "showIncludes:user", "Y-"}
CL_DROP_PREFIX = ("Fo", "Fe", "Fa", "FA", "Fi", "Fp", "Yc", "Yu", "sourceDependencies",
                  "clang:-MD", "clang:-MMD", "clang:-MF", "clang:-MT", "clang:-o")


def sarif_path(outdir, index):
    return os.path.join(outdir, "tu%d.sarif" % index)


def finding_key(result):
    """What makes two SARIF results the same finding: rule, place, message."""
    place = None
    locations = result.get("locations") or []
    if locations:
        physical = locations[0].get("physicalLocation", {})
        region = physical.get("region", {})
        place = (physical.get("artifactLocation", {}).get("uri"),
                 region.get("startLine"), region.get("startColumn"))
    return (result.get("ruleId"), place, result.get("message", {}).get("text"))


def merge_sarif(paths):
    """One SARIF log from the per-translation-unit ones, each finding once."""
    merged, seen = None, set()
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                tu_log = json.load(f)
        except (OSError, ValueError):
            continue  # that compile wrote no log (it failed before the end)
        runs = tu_log.get("runs") or []
        if not runs:
            continue
        if merged is None:
            merged = tu_log
            merged["runs"] = [runs[0]]
            results = runs[0].get("results") or []
            runs[0]["results"] = []
        else:
            results = runs[0].get("results") or []
        for r in results:
            key = json.dumps(finding_key(r), sort_keys=True)
            if key not in seen:
                seen.add(key)
                merged["runs"][0]["results"].append(r)
    return merged


def rewrite(argv, cl, plugin, plugin_args, outdir, index):
    """The database command with the plugin added and the output discarded."""
    compiler, rest = argv[0], argv[1:]
    out = []
    i = 0
    while i < len(rest):
        a = rest[i]
        nxt = rest[i + 1] if i + 1 < len(rest) else None
        if a == "--":
            out.extend(rest[i:])
            break
        # Any earlier load of irqlcheck itself (the recorded build may already have it).
        if a == "-Xclang" and nxt == "-load" and i + 3 < len(rest) and \
                rest[i + 2] == "-Xclang" and is_irqlcheck_plugin(rest[i + 3]):
            i += 4
            continue
        m = re.fullmatch(r"(/clang:|-clang:)?-fplugin=(.*)", a)
        if m and is_irqlcheck_plugin(m.group(2)):
            i += 1
            continue
        if cl:
            if a[:1] in "/-":
                body = a[1:]
                if body in CL_DROP or body.startswith(CL_DROP_PREFIX):
                    i += 1
                    continue
                if body == "o" and nxt is not None:
                    i += 2
                    continue
        else:
            if a in GNU_DROP:
                i += 1
                continue
            if a in GNU_DROP_WITH_ARG and nxt is not None:
                i += 2
                continue
            if a.startswith(GNU_DROP_PREFIX) or (a.startswith("-o") and len(a) > 2 and
                                                   not a.startswith("-obj")):
                i += 1
                continue
        out.append(a)
        i += 1
    if cl:
        added = ["/c", "/Fo" + os.path.join(outdir, "tu%d.obj" % index),
                 "/clang:-fplugin=" + plugin]
        added += ["/clang:-fplugin-arg-irqlcheck-" + p for p in plugin_args]
    else:
        added = ["-c", "-o", os.devnull, "-fplugin=" + plugin]
        added += ["-fplugin-arg-irqlcheck-" + p for p in plugin_args]
    return [compiler] + added + out


def load_database(path):
    if os.path.isdir(path):
        path = os.path.join(path, "compile_commands.json")
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)
    units = []
    for e in entries:
        directory = e.get("directory", os.path.dirname(os.path.abspath(path)))
        if "arguments" in e:
            argv = list(e["arguments"])
        else:
            argv = split_command(e["command"])
        while argv and os.path.basename(argv[0]).lower().split(".")[0] in LAUNCHERS:
            argv = argv[1:]
        if not argv:
            continue
        file = os.path.normpath(os.path.join(directory, e["file"]))
        units.append((directory, file, argv))
    return units


def select(units, files):
    """The entries for the files named on the command line (all if none)."""
    if not files:
        return units, []
    chosen, missing = [], []
    for f in files:
        want = os.path.normpath(os.path.abspath(f))
        hits = [u for u in units if u[1] == want]
        if not hits:  # a path relative to the project: match trailing components
            tail = os.sep + os.path.normpath(f).lstrip(os.sep)
            hits = [u for u in units if u[1].endswith(tail)]
        if not hits:
            missing.append(f)
        for u in hits:
            if u not in chosen:
                chosen.append(u)
    order = {id(u): n for n, u in enumerate(units)}
    chosen.sort(key=lambda u: order[id(u)])
    return chosen, missing


def run_one(job):
    index, (directory, file, argv), args, outdir = job
    if args.compiler:
        argv = [args.compiler] + argv[1:]
    cl = is_cl_mode(argv)
    plugin_args = list(args.plugin_arg or [])
    if args.sarif:
        plugin_args.append("sarif=" + sarif_path(outdir, index))
    cmd = rewrite(argv, cl, args.plugin, plugin_args, outdir, index)
    try:
        p = subprocess.run(cmd, cwd=directory, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL)
        output = p.stdout.decode("utf-8", errors="replace")
        rc = p.returncode
    except OSError as e:
        output = "irqlcheck-compdb: cannot run %s: %s\n" % (cmd[0], e)
        rc = 127
    return file, cmd, rc, output


def main():
    ap = argparse.ArgumentParser(
        description="Run the irqlcheck Clang plugin over a compile_commands.json.",
        epilog="Exit status: 0 clean, 1 irqlcheck errors (or warnings with --werror), "
               "2 a compile command failed otherwise.")
    ap.add_argument("-p", dest="database", default="compile_commands.json",
                    help="compile_commands.json, or the build directory holding it")
    ap.add_argument("--plugin", help="IrqlCheck.so / IrqlCheck.dll (default: $IRQLCHECK_PLUGIN, "
                    "or the one installed next to this script)")
    ap.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 1,
                    help="parallel compiles (default: number of CPUs)")
    ap.add_argument("--plugin-arg", action="append", metavar="ARG",
                    help="pass -fplugin-arg-irqlcheck-ARG (repeatable), e.g. error=irql-too-high")
    ap.add_argument("--werror", action="store_true",
                    help="exit 1 on irqlcheck warnings too, not only on errors")
    ap.add_argument("--sarif", metavar="FILE",
                    help="write one SARIF log for the whole run (a finding seen in several "
                    "translation units is listed once)")
    ap.add_argument("--compiler", help="run this compiler instead of the database's argv[0]")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each command before its output")
    ap.add_argument("files", nargs="*", help="only these source files (default: every entry)")
    args = ap.parse_args()

    if not args.plugin:
        args.plugin = find_plugin()
        if not args.plugin:
            log("cannot find IrqlCheck plugin; pass --plugin PATH or set IRQLCHECK_PLUGIN")
            return 2
    args.plugin = os.path.abspath(args.plugin)
    if not os.path.isfile(args.plugin):
        log("plugin not found: " + args.plugin)
        return 2
    try:
        units = load_database(args.database)
    except (OSError, ValueError, KeyError) as e:
        log("cannot read compilation database %s: %s" % (args.database, e))
        return 2
    units, missing = select(units, args.files)
    for f in missing:
        log("no compile command for " + f)
    if missing:
        return 2

    compilers = {args.compiler} if args.compiler else {u[2][0] for u in units}
    for c in sorted(compilers):
        if "clang" not in os.path.basename(c).lower():
            log("warning: '%s' does not look like clang; the plugin only loads into the clang "
                "it was built for (use --compiler clang-19 or clang-cl-19)" % c)
    warnings = errors = failed = 0
    with tempfile.TemporaryDirectory(prefix="irqlcheck-compdb-") as outdir, \
            concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        jobs = [(n, u, args, outdir) for n, u in enumerate(units)]
        for file, cmd, rc, output in pool.map(run_one, jobs):
            if args.verbose:
                print(" ".join(shlex.quote(c) for c in cmd), flush=True)
            if output:
                sys.stdout.write(output)
                sys.stdout.flush()
            tu_errors = 0
            for line in output.splitlines():
                m = FINDING.search(line)
                if m:
                    if m.group(1) == "error":
                        tu_errors += 1
                    else:
                        warnings += 1
            errors += tu_errors
            if rc != 0 and tu_errors == 0:
                failed += 1
                log("compile command failed (exit %d): %s" % (rc, file))
        if args.sarif:
            merged = merge_sarif([sarif_path(outdir, n) for n in range(len(units))])
            if merged is None:
                merged = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                          "version": "2.1.0",
                          "runs": [{"tool": {"driver": {"name": "irqlcheck"}}, "results": []}]}
            try:
                with open(args.sarif, "w", encoding="utf-8") as f:
                    json.dump(merged, f, indent=2)
                    f.write("\n")
            except OSError as e:
                log("cannot write %s: %s" % (args.sarif, e))
                failed += 1
    log("%d translation unit%s, %d irqlcheck warning%s, %d irqlcheck error%s, %d failed" % (
        len(units), "" if len(units) == 1 else "s", warnings, "" if warnings == 1 else "s",
        errors, "" if errors == 1 else "s", failed))
    if failed:
        return 2
    if errors or (args.werror and warnings):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
