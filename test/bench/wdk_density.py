"""run.py --wdk: what a build against the WDK's annotated headers pays.

The mingw-w64 headers carry no SAL annotations, so the default inputs do not
show the plugin's per-annotation cost. Here the headers come from
gen_wdk_headers.py (the WDK's annotation density, in its spellings, in front
of test/Inputs/wdk) and the code from gen_wdk_driver.py:

  ntddk    a file that only includes <ntddk.h>
  small    a one-dispatch-routine driver
  fs       a file-system-like file (--fs-lines, default 7,000)
  storage  a storage-like file (--storage-lines, default 16,000)

each at -O0 and -O2, with the headers through -isystem and through -I (real
builds often use -I, where "is it a system header" filters nothing), without
and with the plugin. Wall time always; with --callgrind also the instructions
of the -cc1 process (deterministic) and the phase breakdown of the difference.
"""

import os
import subprocess
import sys
import tempfile
import time

import callgrind

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TEST_WDK = os.path.join(ROOT, "test", "Inputs", "wdk")
TARGET = ["--target=x86_64-pc-windows-msvc", "-fms-extensions"]
LABELS = {
    "ntddk": "#include <ntddk.h> only",
    "small": "one-dispatch-routine driver",
    "fs": "file-system-like driver",
    "storage": "storage-like driver",
}


def make_inputs(args, where):
    hdr = os.path.join(where, "wdk-density-headers")
    subprocess.run([sys.executable, os.path.join(HERE, "gen_wdk_headers.py"), "-o", hdr,
                    "--scale", str(args.header_scale)], check=True)
    files = {}
    for name in [i for i in args.inputs.split(",") if i]:
        src = os.path.join(where, "wdk_%s.c" % name)
        if name == "ntddk":
            with open(src, "w") as f:
                f.write("#include <ntddk.h>\n")
        else:
            lines = {"fs": args.fs_lines, "storage": args.storage_lines}.get(name, 0)
            subprocess.run([sys.executable, os.path.join(HERE, "gen_wdk_driver.py"), "--style", name,
                            "--lines", str(lines), "--bugs-every", str(args.bugs_every), "-o", src],
                           check=True)
        files[name] = src
    return hdr, files


def annotation_count(hdr):
    counts = {}
    for h in os.listdir(hdr):
        with open(os.path.join(hdr, h)) as f:
            text = f.read()
        for a in ("_IRQL_requires_max_", "_IRQL_requires_same_", "_IRQL_requires_(", "_Function_class_", "_When_"):
            counts[a] = counts.get(a, 0) + text.count(a)
    return counts


def run_wdk_density(args, m, build_type):
    """m is run.py's module: its Bench, HEADERS and table helpers."""
    opts = [o for o in args.opt.split(",") if o]
    modes = [x for x in args.include_modes.split(",") if x]
    if args.callgrind and not callgrind.available():
        print("run.py: --callgrind needs valgrind and callgrind_annotate on PATH", file=sys.stderr)
        return 1
    version = subprocess.run([args.clang, "--version"], stdout=subprocess.PIPE).stdout.decode().splitlines()[0]
    print("irqlcheck benchmark, WDK-density inputs")
    print("  compiler: %s (%s)" % (args.clang, version))
    print("  plugin:   %s%s" % (args.plugin, " (%s build)" % build_type if build_type else ""))
    print("  machine:  %d CPUs, load average %.2f %.2f %.2f at start" % (os.cpu_count() or 0, *os.getloadavg()))
    print("  drivers:  %s" % ("one real bug every %d units (translation units with findings)" % args.bugs_every
                              if args.bugs_every else "without findings (--bugs-every 0)"))
    t_start = time.time()
    with tempfile.TemporaryDirectory(prefix="irqlcheck-bench-wdk-") as tmp:
        where = args.keep or tmp
        os.makedirs(where, exist_ok=True)
        hdr, files = make_inputs(args, where)
        counts = annotation_count(hdr)
        print("  headers:  %s: %s" % (hdr if args.keep else "generated", ", ".join(
            "%s %d" % (k, v) for k, v in sorted(counts.items()))))
        for mode in modes:
            flag = "-isystem" if mode == "isystem" else "-I"
            m.HEADERS["wdk-" + mode] = TARGET + [flag, hdr, flag, TEST_WDK]
        bench = m.Bench(args, tmp)
        for name, src in files.items():
            for mode in modes:
                for o in opts:
                    bench.add(src, "wdk-" + mode, o)
        print("  method:   wall time: best of %d rounds, without/with the plugin back to back" % args.runs)
        print()
        sys.stdout.flush()
        bench.run_all()

        # Instructions, one callgrind at a time.
        ir, phase_rows = {}, {}
        if args.callgrind:
            for name, src in files.items():
                for mode in modes:
                    for o in opts:
                        key = (src, "wdk-" + mode, o, False)
                        outs = {}
                        for plugin in (False, True):
                            out = os.path.join(tmp, "cg.%s.%s.%s.%d" % (name, mode, o, plugin))
                            cmd = bench.command(src, "wdk-" + mode, o, plugin)
                            t0 = time.time()
                            ir[key + (plugin,)] = callgrind.profile(cmd, out)
                            outs[plugin] = out
                            print("run.py: callgrind %s %s %s %s: %d instructions (%.0f s)" % (
                                name, mode, o, "plugin" if plugin else "plain", ir[key + (plugin,)],
                                time.time() - t0), file=sys.stderr, flush=True)
                        phase_rows[key] = callgrind.phases(outs[True], outs[False])
                        if args.keep:
                            for plugin, out in outs.items():
                                os.replace(out, os.path.join(args.keep, os.path.basename(out)))
                        else:
                            for out in outs.values():
                                os.remove(out)

        rows = []
        for name, src in files.items():
            lines = m.count_lines(src)
            for mode in modes:
                for o in opts:
                    key = (src, "wdk-" + mode, o, False)
                    r = bench.result(key)
                    row = [LABELS.get(name, name), lines, "-" + mode, o,
                           "%.3f" % r[False][0], "%.3f" % r[True][0], m.pct(r[False][0], r[True][0]),
                           m.pct(r[False][1], r[True][1]), m.mib(r[False][2]), m.mib(r[True][2]),
                           m.pct(r[False][2], r[True][2])]
                    if args.callgrind:
                        a, b = ir[key + (False,)], ir[key + (True,)]
                        row += ["%.1fM" % (a / 1e6), "%.1fM" % (b / 1e6), m.pct(a, b)]
                    rows.append(row)
        header = ["input", "lines", "headers", "opt", "wall s", "+plugin s", "wall", "cpu", "MiB", "+plugin MiB",
                  "RSS"]
        if args.callgrind:
            header += ["instr", "+plugin", "instr"]
        m.print_table("WDK-density inputs: plain clang vs with the plugin (best wall and CPU time, peak RSS%s)" % (
            ", instructions of -cc1 under callgrind" if args.callgrind else ""), rows, header)

        if args.callgrind:
            for key, (plugin_rows, self_rows) in phase_rows.items():
                src, headers, o, _ = key
                name = [n for n, s in files.items() if s == src][0]
                diff = ir[key + (True,)] - ir[key + (False,)]
                base = ir[key + (False,)]
                rows = [[label, "%.2fM" % (v / 1e6), "%.1f%%" % (100.0 * v / base) if base else "n/a"]
                        for label, v in plugin_rows]
                rows.append(["-- the difference, by where the extra instructions run (self cost)", "", ""])
                rows += [["  " + label, "%+.2fM" % (v / 1e6), "%+.1f%%" % (100.0 * v / base) if base else "n/a"]
                         for label, v in self_rows]
                rows.append(["  total", "%+.2fM" % (diff / 1e6), m.pct(base, base + diff)])
                m.print_table("Phases: %s, %s, %s (inclusive cost of the plugin's entry points; then the "
                              "difference with - without)" % (LABELS.get(name, name), headers, o), rows,
                              ["phase", "instructions", "of plain"])
    print("  (%.0f s in all)" % (time.time() - t_start))
    return 0
