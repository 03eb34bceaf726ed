#!/usr/bin/env python3
"""Time the standalone irqlcheck against a build with the plugin, on the same files.

    python3 test/tool/time_tool.py [--build build] [-j 2] [-n 3] [--inputs drivers,bench]

Each input is a small project written as a compile_commands.json (absolute
paths, -c -o into a temporary directory, the x64 MSVC target):
  drivers  the realistic drivers of test/drivers (17 files) with test/Inputs/wdk
  bench    the benchmark's WDK-density headers (test/bench/gen_wdk_headers.py) and
           8 generated drivers (gen_wdk_driver.py): 3 fs, 3 storage, 2 small
Three ways over the same commands, -j N at a time, at -O0 and -O2:
  plain    the build without irqlcheck (clang-19 -c)
  plugin   the build with the plugin (clang-19 -fplugin=IrqlCheck.so -c)
  tool     irqlcheck -p DIR -j N (no object is written)
Wall time and CPU time (user+sys of all the processes: what a loaded machine
does not distort), each the best of -n rounds; the findings of plugin and tool
are compared.
Python 3 standard library only; not part of the lit suite.
"""

import argparse
import concurrent.futures
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FINDING = re.compile(r"^(\S+?)[:(](\d+)[:,](\d+)\)?:? (warning|error): (.*\[irql-[a-z0-9-]+\])")


def drivers_inputs(where):
    files = []
    for d in sorted(os.listdir(os.path.join(ROOT, "test", "drivers"))):
        p = os.path.join(ROOT, "test", "drivers", d)
        if os.path.isdir(p):
            files += [os.path.join(p, f) for f in sorted(os.listdir(p)) if f.endswith(".c")]
    return files, os.path.join(ROOT, "test", "Inputs", "wdk")


def bench_inputs(where):
    hdr = os.path.join(where, "headers")
    subprocess.run([sys.executable, os.path.join(ROOT, "test", "bench", "gen_wdk_headers.py"),
                    "-o", hdr], check=True)
    files = []
    for i, (style, lines) in enumerate([("fs", 7000)] * 3 + [("storage", 16000)] * 3 +
                                       [("small", 0)] * 2):
        src = os.path.join(where, "drv%d_%s.c" % (i, style))
        cmd = [sys.executable, os.path.join(ROOT, "test", "bench", "gen_wdk_driver.py"),
               "--style", style, "-o", src]
        if lines:
            cmd += ["--lines", str(lines)]
        subprocess.run(cmd, check=True)
        files.append(src)
    return files, hdr + " " + os.path.join(ROOT, "test", "Inputs", "wdk")


def database(where, files, includes, opt, clang):
    out = os.path.join(where, "obj")
    os.makedirs(out, exist_ok=True)
    entries = []
    for n, f in enumerate(files):
        args = [clang, "--target=x86_64-pc-windows-msvc", "-fms-extensions", opt]
        for inc in includes.split():
            args += ["-isystem", inc]
        args += ["-c", "-o", os.path.join(out, "%d.o" % n), f]
        entries.append({"directory": where, "file": f, "arguments": args})
    with open(os.path.join(where, "compile_commands.json"), "w") as fh:
        json.dump(entries, fh, indent=1)
    return entries


def findings(text):
    return sorted(set(m.group(0) for m in map(FINDING.match, text.splitlines()) if m))


def build(entries, jobs, plugin=None):
    def one(e):
        args = list(e["arguments"])
        if plugin:
            args.insert(1, "-fplugin=" + plugin)
        p = subprocess.run(args, cwd=e["directory"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        if p.returncode:
            sys.exit("compile failed: %s\n%s" % (" ".join(args), p.stdout))
        return p.stdout
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        return "".join(pool.map(one, entries))


def tool(where, jobs, exe):
    p = subprocess.run([exe, "-p", where, "-j", str(jobs)], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if p.returncode not in (0, 1):
        sys.exit("irqlcheck failed:\n%s%s" % (p.stdout, p.stderr))
    return p.stdout


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def best(n, fn):
    """The best wall time and the best CPU time (user+sys of every process) of n rounds."""
    walls, cpus, out = [], [], None
    for _ in range(n):
        t, c = time.perf_counter(), child_cpu()
        out = fn()
        walls.append(time.perf_counter() - t)
        cpus.append(child_cpu() - c)
    return (min(walls), min(cpus)), out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--clang", default="/usr/lib/llvm-19/bin/clang")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("-n", type=int, default=3)
    ap.add_argument("--inputs", default="drivers,bench")
    ap.add_argument("--opt", default="-O0,-O2")
    args = ap.parse_args()
    plugin = os.path.join(args.build, "plugin", "IrqlCheck.so")
    exe = os.path.join(args.build, "plugin", "tool", "irqlcheck")
    for f in (plugin, exe):
        if not os.path.exists(f):
            sys.exit("not found: %s (build first, or pass --build)" % f)
    print("irqlcheck tool vs plugin build: -j %d, best of %d, %d CPUs, load %.2f at start" %
          (args.j, args.n, os.cpu_count() or 0, os.getloadavg()[0]))
    print("%-8s %-4s %5s %-5s %8s %8s %8s %12s  %s" % ("input", "opt", "files", "time", "plain",
                                                      "plugin", "tool", "tool/plugin", "findings"))
    for name in args.inputs.split(","):
        with tempfile.TemporaryDirectory(prefix="irqlcheck-time-") as where:
            files, includes = {"drivers": drivers_inputs, "bench": bench_inputs}[name](where)
            for opt in args.opt.split(","):
                entries = database(where, files, includes, opt, args.clang)
                t_plain, _ = best(args.n, lambda: build(entries, args.j))
                t_plugin, out_plugin = best(args.n, lambda: build(entries, args.j, plugin))
                t_tool, out_tool = best(args.n, lambda: tool(where, args.j, exe))
                fp, ft = findings(out_plugin), findings(out_tool)
                same = "%d %s" % (len(fp), "same" if fp == ft else "DIFFERENT (tool %d)" % len(ft))
                for k, kind in enumerate(("wall", "cpu")):
                    print("%-8s %-4s %5d %-5s %7.2fs %7.2fs %7.2fs %11.0f%%  %s" % (
                        name, opt, len(files), kind, t_plain[k], t_plugin[k], t_tool[k],
                        100 * t_tool[k] / t_plugin[k], same), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
