#!/usr/bin/env python3
"""Differential fuzzing of irqlcheck: the plugin must never break a build.

Mutates real-shaped driver files (the repository's test inputs and
docs/examples as seeds) and generates files of malformed SAL annotations,
compiles each with and without the plugin (clang-19 and clang-cl-19, -O0 and
-O2; --compilers adds clang with the real mingw-w64 DDK headers), and reports
what only the plugin causes:

  crash    the compile with the plugin crashed (signal, "PLEASE submit a bug
           report", a sanitizer report)
  hang     it ran past the timeout, the compile without the plugin did not
  failure  it failed where the compile without the plugin succeeded
  objdiff  both succeeded but the object files differ

Deterministic: a fixed seed and a bounded count give the same cases. Kept out
of the lit suite (it takes minutes); see docs/robustness.md.

  python3 test/fuzz/run.py --plugin build/plugin/IrqlCheck.so --seed 1 --count 60

Each defect leaves its case (source, command, outputs) in --out. Exit status:
0 no defect, 1 defects found, 2 bad usage.
"""
import argparse
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WDK = os.path.join(ROOT, "test", "Inputs", "wdk")
# The seeds' own includes ("../Inputs/sal-object-like.h") resolve from here.
SEED_INCLUDES = os.path.join(ROOT, "test", "frontend")
SEED_DIRS = ["test/e2e", "test/frontend", "test/wholetu", "test/model", "test/report",
             "docs/examples"]

# Every SAL IRQL macro with its parameter count (-1: object-like).
SAL = {
    "_IRQL_requires_max_": 1, "__drv_maxIRQL": 1, "_IRQL_requires_min_": 1,
    "__drv_minIRQL": 1, "_IRQL_requires_": 1, "__drv_requiresIRQL": 1,
    "_IRQL_raises_": 1, "__drv_raisesIRQL": 1, "__drv_setsIRQL": 1,
    "_IRQL_requires_same_": -1, "__drv_sameIRQL": -1, "_IRQL_saves_": -1,
    "__drv_savesIRQL": -1, "_IRQL_restores_": -1, "__drv_restoresIRQL": -1,
    "_IRQL_saves_global_": 2, "__drv_savesIRQLGlobal": 2, "_IRQL_restores_global_": 2,
    "__drv_restoresIRQLGlobal": 2, "_IRQL_always_function_max_": 1,
    "__drv_maxFunctionIRQL": 1, "_IRQL_always_function_min_": 1,
    "__drv_minFunctionIRQL": 1, "_IRQL_uses_cancel_": -1, "__drv_useCancelIRQL": -1,
    "_IRQL_is_cancel_": -1, "__drv_isCancelIRQL": -1, "_Function_class_": 1,
    "__drv_functionClass": 1, "_When_": 2, "__drv_when": 2, "_At_": 2, "__drv_at": 2,
    "__drv_in": 1, "__drv_out": 1,
}
ATTRS = ["irql_requires_max", "irql_requires_min", "irql_requires", "irql_raises",
         "irql_sets", "irql_requires_same", "irql_saves", "irql_restores",
         "irql_saves_global", "irql_restores_global", "irql_always_function_max",
         "irql_always_function_min", "irql_uses_cancel", "irql_is_cancel",
         "irql_function_class", "irql_when", "irql_at"]
VALUES = ["PASSIVE_LEVEL", "APC_LEVEL", "DISPATCH_LEVEL", "HIGH_LEVEL", "DIRQL", "0", "2",
          "31", "32", "-1", "99999999999999999999", "0x7fffffffffffffff + 1", "1 / 0",
          "1 ? 2", "(", ")", "\"2\"", "L\"x\"", "'c'", "NewIrql", "*OldIrql", "x ## y",
          "#", "__LINE__", "KIRQL", "sizeof(int)", "(KIRQL)2", "DISPATCH_LEVEL + 1",
          "_IRQL_requires_max_(1)", "__VA_ARGS__", "", "@", "$", "\\", "1.5", "0x",
          "PASSIVE_LEVEL, APC_LEVEL"]
INNER = ["_IRQL_requires_max_(APC_LEVEL)", "_IRQL_saves_", "_IRQL_raises_(HIGH_LEVEL)",
         "_When_(x, _IRQL_requires_(2))", "_Out_", "_Field_size_(n)", "", ",", "(((",
         "_At_(*p, _IRQL_saves_)", "__drv_maxIRQL(2) __drv_minIRQL(1)"]


def balanced(text):
    depth = 0
    for c in text:
        depth += c == "("
        depth -= c == ")"
        if depth < 0:
            return False
    return depth == 0


def malformed_annotation(rng):
    """One SAL annotation or plugin attribute, usually malformed."""
    kind = rng.randrange(5)
    if kind <= 1:
        name = rng.choice(sorted(SAL))
        arity = SAL[name]
        # Mostly the right count: the compile without the plugin must succeed
        # for the case to say anything; the contents are what is malformed.
        if rng.random() < 0.85:
            n = max(arity, 0)
        else:
            n = max(0, arity + rng.choice([-1, 1, 2])) if arity >= 0 else 1
        args = [rng.choice(VALUES + INNER) for _ in range(n)]
        if arity < 0 and n == 0:
            return name
        return "%s(%s)" % (name, ", ".join(args))
    attr = rng.choice(ATTRS)
    gnu = kind == 2 or (kind == 3 and rng.random() < 0.5)
    # __declspec arguments are only expressions that parse anywhere: clang
    # skips an unknown declspec's arguments but parses a known one's
    # (docs/robustness.md, known limits).
    pool = ['"2"', "2", '""', '"x", "y"', "1 + 1", '"_IRQL_saves_"', "(2)"]
    args = ", ".join(rng.choice(pool + (["DISPATCH_LEVEL"] if gnu else []))
                     for _ in range(rng.randrange(4)))
    arglist = "" if rng.random() < 0.3 else "(%s)" % args
    return ("__attribute__((%s%s))" if gnu else "__declspec(%s%s)") % (attr, arglist)


def user_definition(rng):
    """A project's own definition of a SAL macro, of any shape."""
    name = rng.choice(sorted(SAL))
    shape = rng.choice(["", "(x)", "(a, b)", "(...)", "(a, ...)", "()"])
    body = rng.choice(["", "/* none */", "__attribute__((unused))", "int", "x"])
    return "#undef %s\n#define %s%s %s\n" % (name, name, shape, body)


def generated_file(rng):
    """A file of declarations with random, malformed annotations."""
    lines = ["#include <ntddk.h>"]
    if rng.random() < 0.15:
        lines.append(user_definition(rng))
    for i in range(rng.randrange(3, 12)):
        annos = " ".join(malformed_annotation(rng) for _ in range(rng.randrange(1, 4)))
        if not balanced(annos):
            annos = "/* unbalanced dropped */"
        form = rng.randrange(4)
        if form == 0:
            lines.append("%s VOID Gen%d(_In_ PKSPIN_LOCK Lock, PKIRQL Old);" % (annos, i))
        elif form == 1:
            lines.append("VOID Gen%d(%s PKIRQL Old) { *Old = KeGetCurrentIrql(); }" % (i, annos))
        elif form == 2:
            lines.append("typedef %s VOID GEN_CLASS%d(PVOID Context);" % (annos, i))
        else:
            lines.append("%s static VOID Gen%d(PKSPIN_LOCK L) { KIRQL o; "
                         "KeAcquireSpinLock(L, &o); KeReleaseSpinLock(L, o); }" % (annos, i))
        if rng.random() < 0.2:
            attr = rng.choice(ATTRS)
            lines.append("[[irqlcheck::%s%s]] VOID GenScoped%d(VOID);" % (
                attr, rng.choice(["", "(2)", '("2")', '("a", "b")']), i))
    lines.append("int GenUse(void) { return 0; }")
    return "\n".join(lines) + "\n"


def file_scope(lines, i):
    """Is line i outside every function body (brace depth 0)?"""
    depth = 0
    for line in lines[:i]:
        depth += line.count("{") - line.count("}")
    return depth <= 0


def mutate(text, rng):
    """A few random edits of a real-shaped file."""
    lines = text.split("\n")
    for _ in range(rng.randrange(1, 4)):
        op = rng.randrange(9)
        i = rng.randrange(len(lines)) if lines else 0
        if op == 0 and lines:
            del lines[i]
        elif op == 1 and lines:
            lines.insert(i, lines[i])
        elif op == 2 and len(lines) > 1:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            # At file scope: an annotation before a statement is an error
            # with the plugin (docs/robustness.md, known limits).
            anno = malformed_annotation(rng)
            if balanced(anno) and file_scope(lines, i):
                lines.insert(i, anno)
        elif op == 4 and lines:
            lines[i] = re.sub(r"\b(PASSIVE_LEVEL|APC_LEVEL|DISPATCH_LEVEL|\d+)\b",
                              lambda m: rng.choice(VALUES[:12]), lines[i], count=1)
        elif op == 5:
            lines = lines[:i]
        elif op == 6:
            lines.insert(i, user_definition(rng))
        elif op == 7 and lines:
            lines[i] = lines[i].replace("(", "( " + malformed_annotation(rng) + " ", 1) \
                if rng.random() < 0.5 else lines[i] + " " + rng.choice(
                    ["(", ")", ",", "{", "}", ";", "__attribute__((", "#"])
        elif op == 8:
            lines.insert(i, rng.choice(["PAGED_CODE();", "#pragma alloc_text(PAGE, Gen0)",
                                        "#pragma warning(disable: 28121)",
                                        "#pragma warning(suppress: 28121 28150)",
                                        "#pragma code_seg(\"PAGE\")", "#pragma code_seg()"]))
    # An annotation is always followed by a declaration in real code; one left
    # dangling at the end of a truncated file is a known limit.
    return "\n".join(lines) + "\nint FuzzTail;\n"


def seeds():
    out = []
    for d in SEED_DIRS:
        full = os.path.join(ROOT, d)
        for name in sorted(os.listdir(full)):
            if name.endswith(".c"):
                with open(os.path.join(full, name), errors="replace") as f:
                    text = f.read()
                # Drop lit's RUN lines and split-file markers: only the C stays.
                text = "\n".join(l for l in text.split("\n")
                                 if "RUN:" not in l and not l.startswith("//---"))
                # Tests that rely on the plugin's predefined SAL macros get
                # the (empty) definitions a real header gives them.
                text = "#include <driverspecs.h>\n" + text
                out.append((os.path.join(d, name), text))
    return out


MINGW = "/usr/share/mingw-w64/include"


def compile_commands(plugin, compiler, opt, src, obj):
    if compiler == "mingw":  # the real mingw-w64 DDK headers
        cmd = ["clang-19", "--target=x86_64-w64-mingw32", "-isystem", MINGW, "-isystem",
               MINGW + "/ddk", "-I", SEED_INCLUDES, "-w", "-" + opt, "-c", src, "-o", obj]
        return cmd, cmd[:1] + ["-fplugin=" + plugin] + cmd[1:]
    if compiler == "clang":
        cmd = ["clang-19", "--target=x86_64-pc-windows-msvc", "-fms-extensions",
               "-mno-incremental-linker-compatible", "-I", WDK, "-I", SEED_INCLUDES, "-w", "-" + opt, "-c", src,
               "-o", obj]
        return cmd, cmd[:1] + ["-fplugin=" + plugin] + cmd[1:]
    cmd = ["clang-cl-19", "/nologo", "/c", "/Brepro", "/I", WDK, "/I", SEED_INCLUDES, "/w",
           "/Od" if opt == "O0" else "/O2", "/Fo" + obj, "--", src]
    return cmd, cmd[:1] + ["/clang:-fplugin=" + plugin] + cmd[1:]


def run(cmd, cwd, timeout):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, text=True,
                           errors="replace")
        return p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", ""


CRASH = re.compile(r"PLEASE submit a bug report|Stack dump|AddressSanitizer|"
                   r"runtime error:|LeakSanitizer|UndefinedBehaviorSanitizer")


def crashed(rc, out):
    return rc != "timeout" and (rc < 0 or rc >= 128 or CRASH.search(out) is not None)


def check_case(args, index, origin, text):
    """Compiles one case every way; returns (compiles, [(kind, config, detail)])."""
    work = os.path.join(args.out, "case%04d" % index)
    os.makedirs(work, exist_ok=True)
    src = os.path.join(work, "case.c")
    with open(src, "w") as f:
        f.write(text)
    defects, compiles, valid = [], 0, 0
    for compiler in args.compilers:
        for opt in args.opts:
            obj = os.path.join(work, "x.obj")
            plain, with_plugin = compile_commands(args.plugin, compiler, opt, src, obj)
            rc0, out0 = run(plain, work, args.timeout)
            obj0 = open(obj, "rb").read() if rc0 == 0 and os.path.exists(obj) else None
            if os.path.exists(obj):
                os.remove(obj)
            rc1, out1 = run(with_plugin, work, args.timeout)
            obj1 = open(obj, "rb").read() if rc1 == 0 and os.path.exists(obj) else None
            if os.path.exists(obj):
                os.remove(obj)
            compiles += 2
            valid += rc0 == 0
            config = "%s -%s" % (compiler, opt)
            if crashed(rc1, out1) and not crashed(rc0, out0):
                defects.append(("crash", config, out1[-2000:]))
            elif rc1 == "timeout" and rc0 != "timeout":
                defects.append(("hang", config, "timeout after %ss" % args.timeout))
            elif rc0 == 0 and rc1 != 0:
                defects.append(("failure", config, out1[-2000:]))
            elif obj0 is not None and obj1 is not None and obj0 != obj1:
                defects.append(("objdiff", config, ""))
            if defects and defects[-1][1] == config:
                with open(os.path.join(work, "defect-%s-%s.txt" % (compiler, opt)), "w") as f:
                    f.write("origin: %s\nwithout: %s\nwith: %s\n\n%s\n" % (
                        origin, " ".join(plain), " ".join(with_plugin), defects[-1][2]))
    if not defects and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return compiles, valid, [(k, c, d, origin, work) for k, c, d in defects]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plugin", default=os.path.join(ROOT, "build", "plugin", "IrqlCheck.so"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=60,
                    help="cases (each compiled 4 ways per compiler)")
    ap.add_argument("--generated", type=float, default=0.4,
                    help="share of cases that are generated annotation files")
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", default="/tmp/irqlcheck-fuzz")
    ap.add_argument("--compilers", default="clang,clang-cl",
                    help="any of clang, clang-cl (WDK-style test headers), mingw (clang "
                         "with the real mingw-w64 DDK headers)")
    ap.add_argument("--opts", default="O0,O2")
    ap.add_argument("--keep", action="store_true", help="keep every case, not only defects")
    args = ap.parse_args()
    args.compilers = args.compilers.split(",")
    args.opts = args.opts.split(",")
    if not os.path.exists(args.plugin):
        print("run.py: no plugin at %s (build it first)" % args.plugin, file=sys.stderr)
        return 2
    args.plugin = os.path.abspath(args.plugin)
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)

    rng = random.Random(args.seed)
    pool = seeds()
    cases = []
    for i in range(args.count):
        if rng.random() < args.generated:
            cases.append((i, "generated", generated_file(rng)))
        else:
            origin, text = rng.choice(pool)
            cases.append((i, origin, mutate(text, rng)))

    total, valid, found = 0, 0, []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        for compiles, ok, defects in ex.map(lambda c: check_case(args, *c), cases):
            total += compiles
            valid += ok
            found += defects
    kinds = {k: sum(1 for d in found if d[0] == k) for k in ("crash", "hang", "failure", "objdiff")}
    print("irqlcheck fuzz: seed %d, %d cases, %d compiles (%d of %d configurations compile "
          "without the plugin): %d crashes, %d hangs, %d plugin-only failures, "
          "%d object differences" % (
              args.seed, len(cases), total, valid, total // 2, kinds["crash"], kinds["hang"],
              kinds["failure"], kinds["objdiff"]))
    for kind, config, detail, origin, work in found:
        print("  %s [%s] %s (from %s)" % (kind, config, work, origin))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
