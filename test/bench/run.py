#!/usr/bin/env python3
"""irqlcheck benchmark: compile time and peak memory of clang with and without the plugin.

    python3 test/bench/run.py [-n 3] [--plugin build/plugin/IrqlCheck.so]
    python3 test/bench/run.py --wdk [--callgrind]   # what builds against the WDK's annotated headers pay

Not part of the lit suite (test/lit.cfg.py excludes test/bench). See
docs/benchmark.md for what it measures and how to read the output.

Inputs
  (a) every .c file under docs/examples and test/ that compiles, with and
      without the plugin, against the mingw-w64 DDK headers or irqlcheck's
      WDK-style headers (test/Inputs/wdk); the others are listed as skipped;
  (b) driver-like translation units of about 1k, 10k and 100k lines made by
      test/bench/gen_driver.py, against the mingw-w64 DDK headers.
  --wdk replaces both by headers at the WDK's SAL density (gen_wdk_headers.py)
      and file-system/storage-like drivers (gen_wdk_driver.py), through -isystem
      and -I; --callgrind adds instruction counts and a breakdown by phase
      (wdk_density.py, callgrind.py).
Each input is compiled (-c, to an object file in a temporary directory) at -O0
and -O2, without and with -fplugin=IrqlCheck.so, the two back to back, in N
rounds over all inputs (short compiles several times a round). Reported: best
wall time, best CPU time (user+sys) and peak RSS (ru_maxrss of the compiler
process, from wait4). Without --plugin it first configures build/ (if needed)
and brings the plugin up to date with CMake, so the numbers are those of the
working tree. Python 3 standard library only; the exit status is 0 whatever
the numbers (1 only if there is no plugin to measure).
"""

import argparse
import glob
import re
import math
import os
import platform
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MINGW = "/usr/share/mingw-w64/include"
HEADERS = {
    "mingw": ["--target=x86_64-w64-mingw32", "-isystem", MINGW, "-isystem", MINGW + "/ddk"],
    "wdk": ["--target=x86_64-pc-windows-msvc", "-fms-extensions",
            "-isystem", os.path.join(ROOT, "test", "Inputs", "wdk")],
}
OPT_LEVELS = ["-O0", "-O2"]
# The WDK-density inputs (--wdk): name, generator arguments (None: a file that only includes the
# header), lines of the fs and storage files from --fs-lines and --storage-lines.
WDK_INPUTS = ["ntddk", "small", "fs", "storage"]
WDK_INCLUDE_MODES = ["isystem", "I"]


def default_clang():
    for c in (os.environ.get("CLANG"), "/usr/lib/llvm-19/bin/clang-19", "/usr/lib/llvm-19/bin/clang"):
        if c and os.path.exists(c):
            return c
    return "clang-19"


def run_once(cmd):
    """(exit code, wall seconds, cpu seconds, peak RSS in KiB) of one compiler process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         stdin=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    rss = ru.ru_maxrss if sys.platform != "darwin" else ru.ru_maxrss // 1024
    return p.returncode, wall, ru.ru_utime + ru.ru_stime, rss


def first_error(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        if "error" in line:
            line = line.strip().replace(ROOT + os.sep, "")
            return line if len(line) <= 140 else line[:137] + "..."
    return "exit %d" % p.returncode


class Bench:
    def __init__(self, args, tmp):
        self.args = args
        self.obj = os.path.join(tmp, "out.o")
        self.best = {}
        self.jobs = []
        self.pass_time = {}  # key -> best time of the IR pass alone (-ftime-report)

    def command(self, src, headers, opt, plugin, syntax_only=False):
        out = ["-fsyntax-only"] if syntax_only else ["-c", "-o", self.obj]
        cmd = [self.args.clang] + HEADERS[headers] + [opt, src] + out
        if plugin:
            cmd.append("-fplugin=" + self.args.plugin)
        return cmd

    def probe(self, src):
        """The header set src compiles with (with and without the plugin), or (None, reason)."""
        with open(src, encoding="utf-8", errors="replace") as f:
            text = f.read()
        # The header set its RUN lines use first (lit's %wdk_cc1 means test/Inputs/wdk).
        order = ["wdk", "mingw"] if "%wdk_cc1" in text else ["mingw", "wdk"]
        reasons = []
        for h in order:
            rc, *_ = run_once(self.command(src, h, "-O0", False))
            if rc != 0:
                reasons.append("%s: %s" % (h, first_error(self.command(src, h, "-O0", False))))
                continue
            rc, *_ = run_once(self.command(src, h, "-O0", True))
            if rc != 0:
                reasons.append("%s+plugin: %s" % (h, first_error(self.command(src, h, "-O0", True))))
                continue
            return h, None
        # One reason if both header sets fail the same way.
        msgs = [r.split(": ", 1)[1] for r in reasons]
        if len(set(msgs)) == 1:
            return None, msgs[0]
        return None, "; ".join(reasons)

    def add(self, src, headers, opt, syntax_only=False):
        """Plan a measurement: src compiled at opt without and with the plugin."""
        key = (src, headers, opt, syntax_only)
        if key not in self.best:
            self.best[key] = {False: [math.inf, math.inf, 0], True: [math.inf, math.inf, 0]}
            self.jobs.append(key)
        return key

    def add_pass_time(self, key):
        """Also time irqlcheck's IR pass alone on this input, from clang's -ftime-report."""
        self.pass_time.setdefault(key, math.inf)

    def run_time_report(self, key):
        src, headers, opt, syntax_only = key
        cmd = self.command(src, headers, opt, True, syntax_only) + ["-ftime-report"]
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        total, found = 0.0, False
        for line in p.stderr.decode("utf-8", "replace").splitlines():
            # "   0.2970 ( 68.3%)   0.0117 ( 12.6%)   0.3087 ( 58.4%)   0.3088 ( 58.4%)  irqlcheck::IrqlCheckPass"
            if line.rstrip().endswith("IrqlCheckPass"):
                nums = [t for t in line.split() if t[:1].isdigit() and not t.endswith("%)")]
                if nums:
                    total += float(nums[-1])  # the wall-clock column
                    found = True
        if found:
            self.pass_time[key] = min(self.pass_time[key], total)

    def run_pair(self, key):
        src, headers, opt, syntax_only = key
        wall = 0.0
        for plugin in (False, True):
            cmd = self.command(src, headers, opt, plugin, syntax_only)
            rc, w, cpu, rss = run_once(cmd)
            if rc != 0:
                raise RuntimeError("compile failed: " + " ".join(cmd))
            b = self.best[key][plugin]
            b[0], b[1], b[2] = min(b[0], w), min(b[1], cpu), max(b[2], rss)
            wall = max(wall, w)
        return wall

    def run_all(self):
        """--runs rounds over every planned measurement, so that a burst of other load on the
        machine spoils one round of an input, not all of its runs. In each round an input is
        compiled once without and once with the plugin, back to back; short compiles are
        repeated (up to 5 pairs a round) until they add up to --min-time over all rounds."""
        pairs = {}
        rounds = self.args.runs
        for r in range(rounds):
            t0 = time.time()
            for key in self.jobs:
                if r == 0:
                    t = max(self.run_pair(key), 1e-3)
                    pairs[key] = max(1, min(5, math.ceil(self.args.min_time / rounds / t)))
                    todo = pairs[key] - 1
                else:
                    todo = pairs[key]
                for _ in range(todo):
                    self.run_pair(key)
                if key in self.pass_time:
                    self.run_time_report(key)
            print("run.py: round %d of %d done (%.0f s)" % (r + 1, rounds, time.time() - t0),
                  file=sys.stderr, flush=True)

    def result(self, key):
        """{False: (wall, cpu, rss), True: (...)}: best wall and CPU time, max RSS."""
        return {k: tuple(v) for k, v in self.best[key].items()}


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def pct(a, b):
    return "%+.1f%%" % (100.0 * (b / a - 1.0)) if a > 0 else "n/a"


def mib(kib):
    return "%.0f" % (kib / 1024.0)


def print_table(title, rows, header):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    print(title)
    line = "  ".join(h.ljust(widths[i]) if i == 0 else h.rjust(widths[i]) for i, h in enumerate(header))
    print("  " + line)
    print("  " + "-" * len(line))
    for r in rows:
        print("  " + "  ".join(str(c).ljust(widths[i]) if i == 0 else str(c).rjust(widths[i])
                             for i, c in enumerate(r)))
    print()


def build_plugin():
    """Configures build/ if needed and brings the plugin up to date, so that the
    numbers are those of the working tree. Returns (path, build type)."""
    build = os.path.join(ROOT, "build")
    steps = []
    if not os.path.isfile(os.path.join(build, "CMakeCache.txt")):
        steps.append(["cmake", "-S", ROOT, "-B", build])
    steps.append(["cmake", "--build", build, "-j", str(os.cpu_count() or 2), "--target", "IrqlCheck"])
    for cmd in steps:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if r.returncode != 0:
            sys.stderr.write(r.stdout.decode(errors="replace"))
            print("run.py: building the plugin failed: %s" % " ".join(cmd), file=sys.stderr)
            return None, ""
    build_type = ""
    with open(os.path.join(build, "CMakeCache.txt"), errors="replace") as f:
        for line in f:
            if line.startswith("CMAKE_BUILD_TYPE:"):
                build_type = line.split("=", 1)[1].strip()
    if build_type and build_type != "Release":
        print("run.py: warning: build/ is a %s build; the numbers in docs/benchmark.md are "
              "for Release" % build_type, file=sys.stderr)
    return os.path.join(build, "plugin", "IrqlCheck.so"), build_type


def main():
    ap = argparse.ArgumentParser(description="irqlcheck compile-time and memory benchmark")
    ap.add_argument("-n", "--runs", type=int, default=3,
                    help="rounds over all inputs; the best run of each is kept (default 3)")
    ap.add_argument("--min-time", type=float, default=2.0,
                    help="repeat short compiles until each variant ran this long in all, up to 5 "
                    "pairs a round (default 2 s)")
    ap.add_argument("--clang", default=default_clang(), help="the clang the plugin was built for (default clang-19)")
    ap.add_argument("--plugin", default=None,
                    help="the plugin to measure (default: build/plugin/IrqlCheck.so, configured "
                    "and brought up to date with CMake first)")
    ap.add_argument("--sizes", default="1000,10000,100000",
                    help="lines of the generated inputs, comma-separated (default 1000,10000,100000)")
    ap.add_argument("--no-repo", action="store_true", help="skip inputs (a), the repository's .c files")
    ap.add_argument("--no-generated", action="store_true", help="skip inputs (b), the generated files")
    ap.add_argument("--keep", metavar="DIR", help="write the generated inputs to DIR and keep them")
    ap.add_argument("--wdk", action="store_true",
                    help="measure the WDK-density inputs instead: generated headers with the WDK's annotation "
                    "density (gen_wdk_headers.py) and file-system/storage-like drivers (gen_wdk_driver.py), "
                    "with -isystem and with -I")
    ap.add_argument("--callgrind", action="store_true",
                    help="with --wdk: also count the instructions of the -cc1 process under callgrind (one run "
                    "at a time; minutes) and break the plugin's share down by phase")
    ap.add_argument("--inputs", default=",".join(WDK_INPUTS),
                    help="with --wdk: which inputs, of %s (default all)" % ",".join(WDK_INPUTS))
    ap.add_argument("--include-modes", default=",".join(WDK_INCLUDE_MODES),
                    help="with --wdk: how the headers come in, isystem and/or I (default both)")
    ap.add_argument("--opt", default=",".join(OPT_LEVELS), help="with --wdk: optimisation levels (default -O0,-O2)")
    ap.add_argument("--fs-lines", type=int, default=7000, help="with --wdk: lines of the file-system-like file")
    ap.add_argument("--storage-lines", type=int, default=16000, help="with --wdk: lines of the storage-like file")
    ap.add_argument("--bugs-every", type=int, default=0,
                    help="with --wdk: one real IRQL bug every K units of the generated drivers (default 0: "
                    "none, what a clean build pays; a translation unit with findings also pays for "
                    "generating its IR again with line tables)")
    ap.add_argument("--header-scale", type=float, default=1.0,
                    help="with --wdk: size of the generated header set (1.0: the WDK's counts)")
    args = ap.parse_args()
    build_type = ""
    if args.plugin is None:
        args.plugin, build_type = build_plugin()
        if not args.plugin:
            return 1
    args.plugin = os.path.abspath(args.plugin)
    if not os.path.isfile(args.plugin):
        print("run.py: plugin not found: %s (build it, or pass --plugin)" % args.plugin, file=sys.stderr)
        return 1
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.wdk:
        from wdk_density import run_wdk_density
        return run_wdk_density(args, sys.modules[__name__], build_type)

    version = subprocess.run([args.clang, "--version"], stdout=subprocess.PIPE).stdout.decode().splitlines()[0]
    print("irqlcheck benchmark")
    print("  compiler: %s (%s)" % (args.clang, version))
    print("  plugin:   %s%s" % (args.plugin, " (%s build)" % build_type if build_type else ""))
    print("  machine:  %s, %d CPUs, load average %.2f %.2f %.2f at start" % (
        platform.machine(), os.cpu_count() or 0, *os.getloadavg()))
    print("  method:   each input at -O0 and -O2, without/with the plugin interleaved, "
          "%d rounds over all inputs,\n            best run (wall and CPU time), max RSS" % args.runs)
    print()
    t_start = time.time()

    with tempfile.TemporaryDirectory(prefix="irqlcheck-bench-") as tmp:
        bench = Bench(args, tmp)
        summary = {}
        # Warm-up: load clang, the plugin and the headers into the page cache.
        example = os.path.join(ROOT, "docs", "examples", "example_driver.c")
        if os.path.exists(example):
            for plugin in (False, True):
                run_once(bench.command(example, "mingw", "-O0", plugin))

        # Plan. (a) The repository's C inputs that compile.
        usable = []
        if not args.no_repo:
            files = sorted(glob.glob(os.path.join(ROOT, "docs", "examples", "**", "*.c"), recursive=True) +
                           glob.glob(os.path.join(ROOT, "test", "**", "*.c"), recursive=True))
            skipped = []
            for f in files:
                h, why = bench.probe(f)
                rel = os.path.relpath(f, ROOT)
                if h:
                    usable.append((rel, f, h))
                    for o in OPT_LEVELS:
                        bench.add(f, h, o)
                else:
                    skipped.append((rel, why))
            print("(a) repository inputs: %d of %d .c files compile; skipped:" % (len(usable), len(files)))
            for rel, why in skipped:
                print("    %s -- %s" % (rel, why))
            if not skipped:
                print("    none")
            print()
            sys.stdout.flush()

        # The per-translation-unit fixed cost: loading the plugin, the headers alone.
        empty = os.path.join(tmp, "empty.c")
        with open(empty, "w") as f:
            f.write("int irqlcheck_bench;\n")
        cases = [("empty file, -c (loading the plugin)", empty, "mingw", "-O0", False)]
        for h in ("mingw", "wdk"):
            src = os.path.join(tmp, "headers_only_%s.c" % h)
            with open(src, "w") as f:
                f.write("#include <ntddk.h>\n")
            cases.append(("#include <ntddk.h> (%s), -fsyntax-only" % h, src, h, "-O0", True))
            for o in OPT_LEVELS:
                cases.append(("#include <ntddk.h> (%s)" % h, src, h, o, False))
        for _, src, h, o, syntax_only in cases:
            bench.add(src, h, o, syntax_only)

        # (b) Generated driver-like translation units.
        generated = []
        if not args.no_generated:
            gen_dir = args.keep or tmp
            os.makedirs(gen_dir, exist_ok=True)
            for n in sizes:
                src = os.path.join(gen_dir, "gen_%d.c" % n)
                subprocess.run([sys.executable, os.path.join(HERE, "gen_driver.py"), "--lines", str(n),
                                "-o", src], check=True)
                generated.append((src, count_lines(src)))
                for o in OPT_LEVELS:
                    bench.add_pass_time(bench.add(src, "mingw", o))

        # Measure.
        bench.run_all()

        # Report (a).
        if usable:
            groups = ["all", "mingw", "wdk"]
            totals = {(g, o): {False: [0.0, 0.0], True: [0.0, 0.0]} for g in groups for o in OPT_LEVELS}
            count = {g: 0 for g in groups}
            ratios = {o: [] for o in OPT_LEVELS}
            rows = []
            for rel, f, h in usable:
                row = [rel, h, count_lines(f)]
                count["all"] += 1
                count[h] += 1
                for o in OPT_LEVELS:
                    m = bench.result((f, h, o, False))
                    for g in ("all", h):
                        for p in (False, True):
                            totals[(g, o)][p][0] += m[p][0]
                            totals[(g, o)][p][1] += m[p][1]
                    ratios[o].append((m[True][0] / m[False][0], m[True][1] / m[False][1], rel))
                    row += ["%.3f" % m[False][0], "%.3f" % m[True][0], pct(m[False][0], m[True][0]),
                            mib(m[False][2]), mib(m[True][2])]
                rows.append(row)
            header = ["file", "headers", "lines"]
            for o in OPT_LEVELS:
                header += [o + " s", "+plugin s", "time", "MiB", "+plugin MiB"]
            print_table("(a) per file: best wall time (s), overhead, peak RSS (MiB)", rows, header)
            trows = []
            for o in OPT_LEVELS:
                for g in groups:
                    if not count[g]:
                        continue
                    w0, c0 = totals[(g, o)][False]
                    w1, c1 = totals[(g, o)][True]
                    trows.append([o, "%s (%d)" % (g, count[g]), "%.2f" % w0, "%.2f" % w1, pct(w0, w1),
                                  "%.2f" % c0, "%.2f" % c1, pct(c0, c1)])
                    if g == "all":
                        summary["a" + o] = ((w1 / w0 - 1.0) * 100.0, (c1 / c0 - 1.0) * 100.0)
                med_w = sorted(r[0] for r in ratios[o])[len(ratios[o]) // 2]
                med_c = sorted(r[1] for r in ratios[o])[len(ratios[o]) // 2]
                trows.append([o, "median file", "", "", pct(1, med_w), "", "", pct(1, med_c)])
            print_table("(a) together: sums of the best times, by header set; and the median file's overhead",
                        trows, ["opt", "files", "wall s", "+plugin", "wall", "cpu s", "+plugin", "cpu"])
            above = sorted((r for r in ratios["-O0"] if r[0] > 1.03), reverse=True)
            print("(a) files above +3%% wall time at -O0: %d of %d%s" % (
                len(above), len(ratios["-O0"]), "; worst:" if above else ""))
            for w, c, rel in above[:8]:
                print("    %s  wall %s, cpu %s" % (rel, pct(1, w), pct(1, c)))
            print()

        # Report the fixed cost.
        rows = []
        for label, src, h, o, syntax_only in cases:
            m = bench.result((src, h, o, syntax_only))
            rows.append([label, o if not syntax_only else "-", "%.3f" % m[False][0], "%.3f" % m[True][0],
                         pct(m[False][0], m[True][0]), "%.1f" % (1000 * (m[True][0] - m[False][0])),
                         "%.1f" % (1000 * (m[True][1] - m[False][1])), mib(m[False][2]), mib(m[True][2])])
        print_table("Fixed cost per translation unit: the plugin, and the DDK headers with no code", rows,
                    ["input", "opt", "wall s", "+plugin s", "time", "diff ms", "cpu diff ms", "MiB", "+plugin MiB"])

        # Report (b).
        if generated:
            rows, diffs = [], {o: [] for o in OPT_LEVELS}
            for src, lines in generated:
                for o in OPT_LEVELS:
                    key = (src, "mingw", o, False)
                    m = bench.result(key)
                    d_wall = m[True][0] - m[False][0]
                    d_cpu = m[True][1] - m[False][1]
                    ps = bench.pass_time.get(key, math.inf)
                    diffs[o].append((lines, d_wall, d_cpu, ps))
                    rows.append(["%d" % lines, o, "%.3f" % m[False][0], "%.3f" % m[True][0],
                                 pct(m[False][0], m[True][0]), "%.3f" % d_wall, "%.1f" % (1e6 * d_wall / lines),
                                 "%.1f" % (1e6 * d_cpu / lines),
                                 "%.3f" % ps if ps < math.inf else "n/a",
                                 "%.2f" % (1e6 * ps / lines) if ps < math.inf else "n/a",
                                 mib(m[False][2]), mib(m[True][2]), pct(m[False][2], m[True][2])])
            print_table("(b) generated driver-like code (gen_driver.py); \"pass\" is irqlcheck's IR pass "
                        "alone (-ftime-report)", rows,
                        ["lines", "opt", "wall s", "+plugin s", "time", "diff s", "ms/1k lines",
                         "cpu ms/1k", "pass s", "pass ms/1k", "MiB", "+plugin MiB", "RSS"])
            # Growth: the plugin's extra time between consecutive sizes, per 1k added lines.
            grows = []
            for o in OPT_LEVELS:
                pts = diffs[o]
                for (l0, d0, c0, p0), (l1, d1, c1, p1) in zip(pts, pts[1:]):
                    per_wall = 1e6 * (d1 - d0) / (l1 - l0)
                    per_cpu = 1e6 * (c1 - c0) / (l1 - l0)
                    k_cpu = (math.log(c1 / c0) / math.log(l1 / l0)) if c0 > 0 and c1 > 0 else float("nan")
                    ok = 0 < p0 < math.inf and 0 < p1 < math.inf
                    per_pass = 1e6 * (p1 - p0) / (l1 - l0) if ok else float("nan")
                    k_pass = math.log(p1 / p0) / math.log(l1 / l0) if ok else float("nan")
                    grows.append([o, "%d -> %d" % (l0, l1), "%.1f" % per_wall, "%.1f" % per_cpu, "%.2f" % k_cpu,
                                  "%.2f" % per_pass, "%.2f" % k_pass])
                if len(pts) >= 2:
                    summary["b" + o] = pts
            print_table("(b) growth with input size: marginal ms per 1k added lines, and the exponent k in "
                        "time ~ lines^k (k = 1: linear)", grows,
                        ["opt", "lines", "diff wall", "diff cpu", "k(cpu diff)", "pass", "k(pass)"])

    print("Targets")
    if "a-O0" in summary:
        a, c = summary["a-O0"]
        print("  overhead at -O0 on (a), all files together: %+.1f%% wall, %+.1f%% cpu -- %s (target: at most 3%%)" % (
            a, c, "met" if max(a, c) <= 3.0 else "NOT met"))
    for o in OPT_LEVELS:
        pts = summary.get("b" + o)
        if not pts or len(pts) < 2:
            continue
        (la, _, ca, pa), (lb, _, cb, pb) = pts[-2], pts[-1]
        # The IR pass alone, from -ftime-report, is timed without the noise of subtracting two
        # whole compiles; the whole plugin's extra CPU time is shown next to it.
        if 0 < pa < math.inf and 0 < pb < math.inf:
            k = math.log(pb / pa) / math.log(lb / la)
            verdict = "linear" if k <= 1.15 else "SUPERLINEAR"
            print("  growth at %s, %d -> %d lines (x%.1f): analysis pass time x%.2f (k = %.2f) -- %s;" % (
                o, la, lb, lb / la, pb / pa, k, verdict))
        else:
            print("  growth at %s: the IR pass time was not found in -ftime-report;" % o)
        if ca > 0 and cb > 0:
            print("      whole plugin (with - without, CPU) x%.2f (k = %.2f)" % (
                cb / ca, math.log(cb / ca) / math.log(lb / la)))
    print("  (%.0f s in all)" % (time.time() - t_start))
    return 0


if __name__ == "__main__":
    sys.exit(main())
