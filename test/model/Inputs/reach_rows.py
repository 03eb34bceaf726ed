#!/usr/bin/env python3
"""Do the kernel model's rows reach the calls a driver writes through real headers?

For each row of plugin/model/api/*.def whose routine the chosen header set declares
(a prototype, an inline function or a function-like macro), generates two C functions
that call it with zero arguments of the declared parameter types:

- one at an IRQL above the row's maximum (KeRaiseIrql to the next level up: APC_LEVEL
  above PASSIVE_LEVEL, DISPATCH_LEVEL above APC_LEVEL, HIGH_LEVEL above DISPATCH_LEVEL
  or DIRQL), which must draw irql-too-high (irql-not-required for req=) on that call;
- one at the row's maximum itself (with arguments zero, so `if(...)` items whose
  condition holds for zero arguments count), which must draw no IRQL finding there;
- for each `if(...)` condition that bounds the entry level, two at the row's
  unconditional maximum: with an argument that makes the condition hold (must be
  reported) and with one that does not (must be silent);

compiles them all in one translation unit with the plugin loaded and classifies each row:

  ok             reported above its maximum (naming the routine), silent at it
  ok-via NAME    reported above its maximum naming NAME: a macro of the headers expands
                 the call to NAME, a routine the table knows
  not-declared   the header set declares no such routine (nothing a driver could call)
  high-only      the row allows every level (max=HIGH_LEVEL) or states none: not tested
  no-compile     no argument list built from the declaration compiles
  arity          the declaration's parameter count differs from the row's arity
  unreported     no finding above the maximum: the call does not reach the row
  false-positive an IRQL finding at the row's maximum
  condition      a condition variant reported when it should not be, or the reverse

Prints one line per row that is not ok (or every row with --verbose), then a summary:
  rows N, declared D, high-only H, tested T, reported R, silent S, conditions C/V, ok O,
  failures F
Exit status 0 unless --fail-on-failure and a row failed.

Header sets: --headers mingw (mingw-w64's ddk headers: ntifs.h, ntstrsafe.h, wmilib.h,
csq.h, srb.h; --arch x64 or x86) or --headers wdk (the WDK-style headers of
test/Inputs/wdk, MSVC target: ntifs.h, fltkernel.h, ndis.h, wdf.h, hidpi.h). mingw-w64's
ndis.h and storport.h do not compile (ndis.h redefines ntddndis.h's NDIS_REQUEST_TYPE,
storport.h srb.h's SCSI_WMI_REQUEST_BLOCK), so their rows are never declared there.
Standard library only.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_table import FAMILY, ROW  # noqa: E402 (the table's own row grammar)

HERE = os.path.dirname(os.path.abspath(__file__))
SRCROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

# Levels as the plugin resolves them per target (plugin/model/Irql.cpp).
LEVELS = {
    "x64": {"PASSIVE_LEVEL": 0, "LOW_LEVEL": 0, "APC_LEVEL": 1, "DISPATCH_LEVEL": 2,
            "DPC_LEVEL": 2, "DIRQL": 11, "SYNCH_LEVEL": 12, "HIGH_LEVEL": 15},
    "x86": {"PASSIVE_LEVEL": 0, "LOW_LEVEL": 0, "APC_LEVEL": 1, "DISPATCH_LEVEL": 2,
            "DPC_LEVEL": 2, "DIRQL": 26, "SYNCH_LEVEL": 27, "HIGH_LEVEL": 31},
}

HEADER_SETS = {
    "mingw": ["ntifs.h", "ntstrsafe.h", "wmilib.h", "csq.h", "srb.h"],
    "wdk": ["ntifs.h", "fltkernel.h", "ndis.h", "wdf.h", "hidpi.h"],
}

# Function-like macros of mingw-w64 whose expansion does not pass each argument
# straight to a declared routine (it dereferences it: *(b) = ..., (Irp)->Field):
# their documented parameter types.
PROTOTYPES = {
    "KeAcquireSpinLock": ["PKSPIN_LOCK", "PKIRQL"],
    "IoRequestDpc": ["PDEVICE_OBJECT", "PIRP", "PVOID"],
    "IoSetCancelRoutine": ["PIRP", "PDRIVER_CANCEL"],
    "MmGetSystemAddressForMdl": ["PMDL"],
    "FsRtlGetPerStreamContextPointer": ["PFILE_OBJECT"],
    "FsRtlSetupAdvancedHeaderEx": ["PFSRTL_ADVANCED_FCB_HEADER", "PFAST_MUTEX", "PVOID"],
    "FsRtlCompleteRequest": ["PIRP", "NTSTATUS"],
    "ExQueryDepthSList": ["PSLIST_HEADER"],
    "MmInitializeMdl": ["PMDL", "PVOID", "SIZE_T"],
}

FAILURES = ("no-compile", "arity", "unreported", "false-positive", "condition")
FINDINGS = ("irql-too-high", "irql-not-required", "irql-too-low", "irql-paged-call")


def read_rows(model_dir):
    """[(name, arity, contract)] in KernelApi.def order."""
    top = open(os.path.join(model_dir, "KernelApi.def")).read()
    rows = []
    for _, _, included in FAMILY.findall(top):
        for line in open(os.path.join(model_dir, "api", included)):
            m = ROW.match(line)
            if m:
                rows.append((m.group(1), int(m.group(2)), m.group(3)))
    return rows


# The argument values the condition variants pass: an integer, or one of these.
ZERO_TIMEOUT, UNICODE_FORMAT, PLAIN_FORMAT = "zero-timeout", "unicode", "plain"
# For each kind of condition: a value that makes it hold, and one that does not.
CONDITION_VALUES = {
    "timeout-nonzero": (0, ZERO_TIMEOUT),  # NULL is an unbounded wait
    "paged-pool": (1, 0),                  # PagedPool, NonPagedPool
    "paged-flags": (0x100, 0x40),          # POOL_FLAG_PAGED, POOL_FLAG_NON_PAGED
    "unicode-format": (UNICODE_FORMAT, PLAIN_FORMAT),
}


def holds(cond, values):
    """Does an if(...) condition hold for these arguments ({index: value}, 0 if absent)?"""
    m = re.match(r"arg(\d+)(==|!=|:)([-\w]+)$", cond)
    if not m:
        return False
    value = values.get(int(m.group(1)), 0)
    if m.group(2) != ":":
        return isinstance(value, int) and (value == int(m.group(3), 0)) == (m.group(2) == "==")
    kind = m.group(3)
    if kind == "timeout-nonzero":
        return value != ZERO_TIMEOUT
    if kind in ("paged-pool", "paged-flags"):
        return isinstance(value, int) and bool(value & (1 if kind == "paged-pool" else 0x100))
    return value == UNICODE_FORMAT


def condition_variants(contract):
    """[(condition, {index: value that makes it hold}, {index: value that does not})]
    for the conditions of a row that bound its entry level."""
    out = []
    for cond, item in re.findall(r"if\((.*?)\):(\S+)", contract):
        m = re.match(r"arg(\d+)(==|!=|:)([-\w]+)$", cond)
        if not m or not re.match(r"(max|req)=", item) or any(o[0] == cond for o in out):
            continue
        if m.group(2) == ":":
            hold, fail = CONDITION_VALUES[m.group(3)]
        else:
            k = int(m.group(3), 0)
            hold, fail = (k, k + 1) if m.group(2) == "==" else (k + 1, k)
        out.append((cond, {int(m.group(1)): hold}, {int(m.group(1)): fail}))
    return out


def entry_bounds(contract, levels, values=None):
    """(min, max) entry levels of a call with these arguments (all zero by default;
    None: ignoring every condition), max None if unstated."""
    lo, hi = 0, None
    for item in contract.split():
        m = re.match(r"if\((.*)\):(.*)$", item)
        if m:
            if values is None or not holds(m.group(1), values):
                continue
            item = m.group(2)
        m = re.match(r"(max|req|min)=(\w+)$", item)
        if not m:
            continue
        level = levels.get(m.group(2))
        if level is None:
            level = int(m.group(2), 0)
        if m.group(1) in ("max", "req"):
            hi = level if hi is None else min(hi, level)
        if m.group(1) in ("min", "req"):
            lo = max(lo, level)
    return lo, hi


def above(level, levels):
    """The level a too-high call is made at."""
    if level < levels["APC_LEVEL"]:
        return levels["APC_LEVEL"]
    if level < levels["DISPATCH_LEVEL"]:
        return levels["DISPATCH_LEVEL"]
    return levels["HIGH_LEVEL"]


class HeaderSet:
    def __init__(self, args):
        self.kind = args.headers
        self.clang = args.clang
        self.arch = "x64" if self.kind == "wdk" else args.arch
        self.levels = LEVELS[self.arch]
        if self.kind == "mingw":
            triple = "x86_64-w64-mingw32" if self.arch == "x64" else "i686-w64-mingw32"
            inc = args.mingw_include
            self.flags = ["--target=" + triple, "-Wno-#warnings", "-isystem", inc,
                          "-isystem", os.path.join(inc, "ddk")]
        else:
            self.flags = ["--target=x86_64-pc-windows-msvc", "-fms-extensions", "-isystem",
                          os.path.join(SRCROOT, "test", "Inputs", "wdk")]
        self.prologue = "".join("#include <%s>\n" % h for h in HEADER_SETS[self.kind])

    def run(self, extra, source, work, name):
        path = os.path.join(work, name + ".c")
        with open(path, "w") as f:
            f.write(source)
        cmd = [self.clang] + self.flags + ["-fno-color-diagnostics", "-fno-caret-diagnostics",
                                           "-ferror-limit=0"] + extra + [path]
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True)
        return path, p.stdout, p.stderr


TYPE_AT_END = re.compile(r"'([^']*)'(?::'([^']*)')?((?: \w+)*)\s*$")


def declarations(hs, work):
    """{name: (params [(type, canonical)], variadic)} of the top-level functions."""
    _, out, err = hs.run(["-fsyntax-only", "-Xclang", "-ast-dump"], hs.prologue, work, "decls")
    if " error: " in err:
        sys.exit("the header set does not compile:\n" + err[:2000])
    decls, current = {}, None
    for line in out.splitlines():
        if line.startswith("|-") or line.startswith("`-"):
            current = None
            m = re.match(r"[|`]-FunctionDecl .* (\w+) '([^']*)'", line)
            if m:
                current = m.group(1)  # a redeclaration replaces the parameters
                decls[current] = ([], m.group(2).endswith("...)"))
        elif current and re.match(r"[| ] [|`]-ParmVarDecl ", line):
            t = TYPE_AT_END.search(line)
            decls[current][0].append((t.group(1), t.group(2) or t.group(1)))
    return decls


def macros(hs, work):
    """{name: [parameter names]} of the function-like macros, and {name: target}
    of the object-like macros that name another identifier (IoCallDriver)."""
    _, out, _ = hs.run(["-E", "-dM"], hs.prologue, work, "macros")
    found, renames = {}, {}
    for line in out.splitlines():
        m = re.match(r"#define (\w+)\(([^)]*)\)", line)
        if m:
            found[m.group(1)] = [p.strip() for p in m.group(2).split(",") if p.strip()]
        m = re.match(r"#define (\w+) \(?(\w+)\)?\s*$", line)
        if m:
            renames[m.group(1)] = m.group(2)
    return found, renames


def resolve(name, decls, mac, renames):
    """What a call spelled Name reaches: a declared function or function-like
    macro, through object-like renames; None if nothing."""
    for _ in range(8):
        if name in mac or name in decls:
            return name
        name = renames.get(name)
        if name is None:
            return None
    return None


def zero(ptype, canonical):
    if re.match(r"(struct|union) ", canonical) and "*" not in canonical:
        return "(%s){0}" % ptype
    return "(%s)0" % ptype


def calls(text):
    """(callee, [arguments]) of every call in an expression's text."""
    for m in re.finditer(r"\b(\w+)\s*\(", text):
        depth, args, start, i = 0, [], m.end(), m.end()
        while i < len(text):
            c = text[i]
            if c in "([{":
                depth += 1
            elif c in ")]}":
                if depth == 0:
                    args.append(text[start:i].strip())
                    break
                depth -= 1
            elif c == "," and depth == 0:
                args.append(text[start:i].strip())
                start = i + 1
            i += 1
        yield m.group(1), args


def macro_argument_types(hs, work, names, mac, decls):
    """For each macro, the argument lists to try: typed from the routines its
    expansion passes each argument to, then all zero."""
    lines = []
    for name in names:
        lines.append("__irqlcheck_begin_%s %s(%s) __irqlcheck_end\n" % (
            name, name, ", ".join("__irqlcheck_a%d" % k for k in range(len(mac[name])))))
    _, out, _ = hs.run(["-E", "-P"], hs.prologue + "".join(lines), work, "expand")
    found = {}
    for m in re.finditer(r"__irqlcheck_begin_(\w+) (.*?) __irqlcheck_end", out, re.S):
        types = found.setdefault(m.group(1), {})
        for callee, args in calls(m.group(2)):
            if callee not in decls:
                continue
            params = decls[callee][0]
            for position, a in enumerate(args):
                k = re.match(r"^\(*\s*__irqlcheck_a(\d+)\s*\)*$", a)
                if k and position < len(params):
                    types.setdefault(int(k.group(1)), params[position])
    return found


def raise_to(level, body):
    return ("  KIRQL irqlcheck_old;\n  KeRaiseIrql(%d, &irqlcheck_old);\n  %s;\n"
            "  KeLowerIrql(irqlcheck_old);\n" % (level, body))


def argument(text, value):
    """Argument text `text` ("(T)0" or "0") changed to carry a condition's value."""
    m = re.match(r"^\((.*)\)0$", text)
    cast = "(%s)" % m.group(1) if m else ""
    if value == ZERO_TIMEOUT:
        return cast + "&(LARGE_INTEGER){0}"
    if value in (UNICODE_FORMAT, PLAIN_FORMAT):
        return cast + ('"%ws"' if value == UNICODE_FORMAT else '"%d"')
    return cast + str(value) if value else text


def calls_of(name, contract, bounds, arguments, levels):
    """[(kind, level, call text, expect a finding?)] for one row: above its maximum,
    at it, and, for each condition that bounds the entry, with arguments that make
    it hold and that do not, at the maximum the row has whatever the arguments."""
    lo, hi = bounds
    text = "%s(%s)" % (name, ", ".join(arguments))
    out = [("high", above(hi, levels), text, True), ("allowed", hi, text, False)]
    top = entry_bounds(contract, levels)[1]
    for cond, hold, fail in condition_variants(contract):
        for kind, values in (("hold", hold), ("fail", fail)):
            index, value = next(iter(values.items()))
            if index >= len(arguments) or top is None or top == 0:
                continue
            args = list(arguments)
            args[index] = argument(args[index], value)
            expect = entry_bounds(contract, levels, values)[1] < top
            out.append(("%s %s" % (kind, cond), top, "%s(%s)" % (name, ", ".join(args)), expect))
    return out


def generate(hs, plan):
    """The translation unit and {line: (row name, kind)} of its calls."""
    out = [hs.prologue]
    where = {}
    line = hs.prologue.count("\n") + 1
    for name, calls in plan.items():
        for number, (kind, level, call, _) in enumerate(calls):
            if level == 0:
                body = "  %s;\n" % call
                offset = 1
            else:
                body = raise_to(level, call)
                offset = 3
            text = "void irqlcheck_%d_%s(void) {\n%s}\n" % (number, name, body)
            where[line + offset] = (name, kind)
            for k in range(text.count("\n")):
                where.setdefault(line + k, (name, kind))
            out.append(text)
            line += text.count("\n")
    return "".join(out), where


DIAG = re.compile(r"^(.*?):(\d+):\d+: (warning|error|note): (.*)$")


def diagnostics(path, err):
    """[(severity, line in the TU or None, message, [note lines in the TU])]."""
    out = []
    for line in err.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        in_tu = os.path.basename(m.group(1)) == os.path.basename(path)
        n = int(m.group(2)) if in_tu else None
        if m.group(3) == "note":
            if out and n is not None:
                out[-1][3].append(n)
            continue
        out.append((m.group(3), n, m.group(4), []))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--plugin", required=True, help="IrqlCheck.so")
    ap.add_argument("--model-dir", default=os.path.join(SRCROOT, "plugin", "model"))
    ap.add_argument("--headers", choices=sorted(HEADER_SETS), default="mingw")
    ap.add_argument("--arch", choices=sorted(LEVELS), default="x64", help="mingw only")
    ap.add_argument("--mingw-include", default="/usr/share/mingw-w64/include")
    ap.add_argument("--rows", help="file of routine names, one a line ('#' comments): only those")
    ap.add_argument("-O", dest="opt", default="0", help="optimisation level (default 0)")
    ap.add_argument("--verbose", action="store_true", help="a line for every row")
    ap.add_argument("--fail-on-failure", action="store_true")
    ap.add_argument("--plugin-arg", action="append", default=[], metavar="ARG",
                    help="pass -fplugin-arg-irqlcheck-ARG (a model=FILE, say)")
    ap.add_argument("--keep", help="directory to keep the generated files in")
    args = ap.parse_args()

    hs = HeaderSet(args)
    rows = read_rows(args.model_dir)
    if args.rows:
        wanted = [l.split("#", 1)[0].strip() for l in open(args.rows)]
        wanted = set(w for w in wanted if w)
        missing = wanted - set(r[0] for r in rows)
        for name in sorted(missing):
            print("%s: not a row of the table" % name)
        rows = [r for r in rows if r[0] in wanted]
    work = args.keep or tempfile.mkdtemp(prefix="reach-rows-")
    os.makedirs(work, exist_ok=True)

    decls = declarations(hs, work)
    mac, renames = macros(hs, work)
    status = {}
    plan = {}
    candidates = {}
    target = dict((r[0], resolve(r[0], decls, mac, renames)) for r in rows)
    macro_rows = sorted(set(t for t in target.values() if t in mac and t not in decls))
    typed = macro_argument_types(hs, work, macro_rows, mac, decls)
    declared = 0
    bounds, contracts, chosen = {}, {}, {}
    for name, arity, contract in rows:
        lo, hi = entry_bounds(contract, hs.levels, {})
        reached = target[name]
        if reached in decls:
            params = decls[reached][0]
            lists = [[zero(*p) for p in params]]
            count = len(params)
        elif reached in mac:
            count = len(mac[reached])
            types = typed.get(reached, {})
            lists = [[zero(*types[k]) if k in types else "0" for k in range(count)],
                     ["0"] * count]
            if name in PROTOTYPES:
                lists.insert(0, ["(%s)0" % t for t in PROTOTYPES[name]])
        else:
            status[name] = ("not-declared", "")
            continue
        declared += 1
        if hi is None or hi >= hs.levels["HIGH_LEVEL"]:
            status[name] = ("high-only", "")
            continue
        if count != arity:
            status[name] = ("arity", "declared with %d parameters, row has %d" % (count, arity))
        candidates[name] = [list(l) for l in dict.fromkeys(tuple(l) for l in lists)]
        bounds[name] = (lo, hi)
        contracts[name] = contract
        plan[name] = calls_of(name, contract, (lo, hi), candidates[name][0], hs.levels)

    # Compile; a row whose call does not compile tries its next argument list.
    errors = {}
    while True:
        source, where = generate(hs, plan)
        path, _, err = hs.run(["-c", "-O" + args.opt, "-o", os.path.join(work, "tu.o"),
                               "-fplugin=" + args.plugin] +
                              ["-fplugin-arg-irqlcheck-" + a for a in args.plugin_arg],
                              source, work, "tu")
        diags = diagnostics(path, err)
        broken = set()
        for severity, line, message, notes in diags:
            if severity != "error":
                continue
            lines = [l for l in [line] + notes if l is not None and l in where]
            if not lines:
                sys.exit("error outside the generated calls:\n" + err[:3000])
            name = where[lines[0]][0]
            broken.add(name)
            errors.setdefault(name, message)
        if not broken:
            break
        for name in broken:
            chosen[name] = chosen.get(name, 0) + 1
            if chosen[name] < len(candidates[name]):
                plan[name] = calls_of(name, contracts[name], bounds[name],
                                      candidates[name][chosen[name]], hs.levels)
            else:
                del plan[name]
                status[name] = ("no-compile", errors[name])

    found = {}
    for severity, line, message, _ in diags:
        kind = re.search(r"\[(irql-[\w-]+)\]", message)
        if severity == "warning" and kind and kind.group(1) in FINDINGS and line in where:
            found.setdefault(where[line], []).append(message)
    reported = silent = conditions = conditions_ok = 0
    for name, calls in plan.items():
        high = found.get((name, "high"), [])
        allowed = found.get((name, "allowed"), [])
        named = [m for m in high if m.startswith("'%s' " % name)]
        if high:
            reported += 1
        if not allowed:
            silent += 1
        wrong = []
        for kind, _, call, expect in calls[2:]:
            conditions += 1
            if bool(found.get((name, kind))) == expect:
                conditions_ok += 1
            else:
                wrong.append("%s %s at its maximum: %s" % (
                    call, "not reported" if expect else "reported", kind))
        if allowed:
            status[name] = ("false-positive", allowed[0])
        elif not high:
            status[name] = ("unreported", calls[0][2])
        elif wrong:
            status[name] = ("condition", "; ".join(wrong))
        elif name in status:
            pass  # arity
        elif named:
            status[name] = ("ok", "")
        else:
            status[name] = ("ok-via", re.match(r"'(\w+)'", high[0]).group(1))

    ok = sum(1 for s in status.values() if s[0] in ("ok", "ok-via"))
    failures = sum(1 for s in status.values()
                   if s[0] in FAILURES)
    for name, _, _ in rows:
        kind, detail = status[name]
        if args.verbose or kind in FAILURES + ("ok-via",):
            print("%s %s%s" % (kind, name, ": " + detail if detail else ""))
    tested = len(plan)
    high_only = sum(1 for s in status.values() if s[0] == "high-only")
    print("rows %d, declared %d, high-only %d, tested %d, reported %d, silent %d, "
          "conditions %d/%d, ok %d, failures %d" % (len(rows), declared, high_only, tested,
                                                    reported, silent, conditions_ok,
                                                    conditions, ok, failures))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if args.fail_on_failure and failures else 0


if __name__ == "__main__":
    sys.exit(main())
