#!/usr/bin/env python3
"""Kept for existing scripts: runs the standalone irqlcheck executable.

    irqlcheck-compdb.py -p build/compile_commands.json [-j N]
                        [--plugin-arg ARG]... [--werror] [--sarif FILE] [files...]
runs
    irqlcheck -p build/compile_commands.json [-j N] [--ARG]... [--werror] [--sarif=FILE] [files...]

irqlcheck (docs/standalone.md) checks each translation unit of the database
in-process, with the plugin's front end and IR pass built in, and writes
nothing; its output and exit status are this script's (0 clean, 1 irqlcheck
errors or, with --werror, warnings, 2 a compile failed). Use irqlcheck
directly in new scripts.

--plugin-arg takes what irqlcheck takes: enable=CHECK, disable=CHECK,
error=CHECK, model=FILE. --plugin and --compiler are accepted and ignored:
irqlcheck needs neither. The executable is $IRQLCHECK, else the irqlcheck
installed next to this script, else the one of a build tree (build/), else
the one on PATH. Python 3 standard library only.
"""

import argparse
import glob
import os
import shlex
import shutil
import subprocess
import sys

FORWARDED = ("enable=", "disable=", "error=", "model=")
EXE = "irqlcheck.exe" if os.name == "nt" else "irqlcheck"


def log(msg):
    print("irqlcheck-compdb: " + msg, file=sys.stderr, flush=True)


def find_tool():
    env = os.environ.get("IRQLCHECK")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    for pattern in (os.path.join(here, EXE),                                  # P/bin
                    os.path.join(here, "..", "build", "plugin", "tool", EXE)):  # source tree: cmake/
        hits = sorted(glob.glob(pattern))
        if hits:
            return os.path.normpath(hits[0])
    return shutil.which("irqlcheck")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-p", dest="database", default="compile_commands.json",
                    help="compile_commands.json, or the build directory holding it")
    ap.add_argument("-j", dest="jobs", type=int, help="translation units at a time")
    ap.add_argument("--plugin-arg", action="append", default=[], metavar="ARG",
                    help="enable=CHECK, disable=CHECK, error=CHECK or model=FILE (repeatable)")
    ap.add_argument("--werror", action="store_true", help="exit 1 on irqlcheck warnings too")
    ap.add_argument("--sarif", metavar="FILE", help="write one SARIF log for the whole run")
    ap.add_argument("--plugin", help="ignored (irqlcheck has the plugin built in)")
    ap.add_argument("--compiler", help="ignored (irqlcheck has the compiler built in)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the irqlcheck command")
    ap.add_argument("files", nargs="*", help="only these source files (default: every entry)")
    args = ap.parse_args()

    tool = find_tool()
    if not tool:
        log("cannot find the irqlcheck executable; install it or set IRQLCHECK")
        return 2
    cmd = [tool, "-p", args.database]
    if args.jobs:
        cmd.append("-j%d" % args.jobs)
    for arg in args.plugin_arg:
        if not arg.startswith(FORWARDED):
            log("--plugin-arg %s: irqlcheck takes only %s; for the others load the plugin "
                "(docs/usage.md)" % (arg, ", ".join(a + "..." for a in FORWARDED)))
            return 2
        cmd.append("--" + arg)
    if args.werror:
        cmd.append("--werror")
    if args.sarif:
        cmd.append("--sarif=" + args.sarif)
    cmd += args.files
    if args.verbose:
        print(" ".join(shlex.quote(c) for c in cmd), file=sys.stderr, flush=True)
    try:
        return subprocess.call(cmd)
    except OSError as e:
        log("cannot run %s: %s" % (tool, e))
        return 2


if __name__ == "__main__":
    sys.exit(main())
