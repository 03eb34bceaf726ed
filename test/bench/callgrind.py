"""Instruction counts of one clang -cc1 process under callgrind, and where they go.

Wall time on a shared machine moves by several percent between runs; the
number of instructions the compiler executes does not. The driver's command
is turned into its -cc1 command (`clang -###`), which runs under
`valgrind --tool=callgrind`; `callgrind_annotate` then gives per-function
costs, grouped here into the plugin's phases.
"""

import os
import re
import shlex
import subprocess


def available():
    return all(subprocess.run(["which", t], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
               for t in ("valgrind", "callgrind_annotate"))


def cc1_command(driver_cmd):
    """The -cc1 command the clang driver would run for driver_cmd."""
    p = subprocess.run(driver_cmd + ["-###"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       stdin=subprocess.DEVNULL)
    jobs = [l for l in p.stderr.decode("utf-8", "replace").splitlines() if l.startswith(' "')]
    cc1 = [shlex.split(j) for j in jobs if '"-cc1"' in j]
    if not cc1:
        raise RuntimeError("no -cc1 job in: " + " ".join(driver_cmd))
    return cc1[0]


def profile(driver_cmd, out_file):
    """Runs the compile's -cc1 process under callgrind; returns the instructions executed."""
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out_file] + cc1_command(driver_cmd)
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    if r.returncode != 0 or not os.path.exists(out_file):
        raise RuntimeError("callgrind failed (%d): %s" % (r.returncode, r.stderr.decode(errors="replace")[-400:]))
    return total(out_file)


def total(out_file):
    with open(out_file, errors="replace") as f:
        for line in f:
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    return 0


_LINE = re.compile(r"^\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(.*)$")


def function_costs(out_file, inclusive):
    """{function name: instructions}, self or inclusive, from callgrind_annotate."""
    cmd = ["callgrind_annotate", "--threshold=100", "--show-percs=no", "--auto=no"]
    if inclusive:
        cmd.append("--inclusive=yes")
    out = subprocess.run(cmd + [out_file], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    costs = {}
    started = False
    for line in out.decode("utf-8", "replace").splitlines():
        if line.startswith("Ir") and "file:function" in line:
            started = True
            continue
        m = _LINE.match(line) if started else None
        if not m:
            continue
        name = m.group(2)
        name = re.sub(r" \[[^\]]*\]$", "", name)      # the object file
        name = name.split(":", 1)[1] if ":" in name.split("(")[0] else name  # "???:" or "file.cpp:"
        costs[name] = costs.get(name, 0) + int(m.group(1).replace(",", ""))
    return costs


# The plugin's phases, by the inclusive cost of entry points that do not nest in each other.
PLUGIN_PHASES = [
    ("SAL attributes: the plugin's handler", r"irqlcheck::.*handleDeclAttribute"),
    ("  of which level evaluation (ConstantEvaluator)", r"^irqlcheck::ConstantEvaluator::evaluate\("),
    ("preprocessor hooks (#define, expansions, pragmas)", r"irqlcheck::PreprocessorHooks::"),
    ("  of which recording the kit's annotations", r"^irqlcheck::SalMacroGuard::record\("),
    ("attaching the kit's annotations to declarations", r"^irqlcheck::AnnotationStore::attachPending\("),
    ("contract building", r"^irqlcheck::buildContracts\("),
    ("IR pass: all (summaries, checking, reporting)", r"^irqlcheck::IrqlCheckPass::run\("),
    ("  of which call-graph summaries", r"^irqlcheck::summarizeModule\("),
    ("SARIF", r"^irqlcheck::SarifLog::(write|str)"),
    ("line tables: CGDebugInfo::EmitLocation", r"^clang::CodeGen::CGDebugInfo::EmitLocation\("),
]

# Where the extra instructions go, by the self cost of functions in each part of the compiler:
# the difference with and without the plugin, so clang's own extra work is counted too (the SAL
# macros expanding to attributes that are lexed, stringized and parsed; the line tables).
SELF_GROUPS = [
    ("plugin code", r"irqlcheck"),
    ("clang: line tables (CGDebugInfo, DI metadata)",
     r"CGDebugInfo|DIBuilder|llvm::DI[A-Z]|DILocation|DIScope|DebugLoc|ApplyDebugLocation"),
    ("clang: source locations (SourceManager: file, line, column)", r"^clang::SourceManager::|^clang::SrcMgr::"),
    ("clang: preprocessor (SAL macros, stringizing)",
     r"^clang::(Preprocessor|Lexer|TokenLexer|MacroArgs|MacroInfo|MacroDirective|IdentifierTable|Token|PPCallbacks|"
     r"PPChainedCallbacks|StringLiteralParser|LiteralSupport|VAOptExpansionContext)"),
    ("clang: parser", r"^clang::(Parser|ParsedAttr|AttributePool|AttributeFactory|ParsedAttributes)"),
    ("clang: Sema and AST", r"^clang::(Sema|ASTContext|Decl|Expr|Stmt|Type|QualType|Attr|[A-Za-z]+Attr::|"
                            r"FunctionDecl|VarDecl|DeclContext|StringLiteral)"),
    ("clang: CodeGen", r"^clang::CodeGen::"),
    ("LLVM: IR, passes, backend", r"^llvm::|^\(anonymous namespace\)::"),
    ("memory allocation and libc", r"^(malloc|free|calloc|realloc|operator new|operator delete|_int_|mem|str|"
                                   r"__mem|__str|_dl_|__libc|cfree|tcache|unlink)"),
]


def phases(plugin_out, plain_out):
    """[(phase, instructions)] for the plugin's entry points (inclusive), then the self-cost
    difference per part of the compiler (these add up to the whole difference)."""
    inc = function_costs(plugin_out, inclusive=True)
    rows = []
    # Entries for lambdas and recursive calls ('2) are inside their function's cost already.
    top = {k: v for k, v in inc.items() if "{lambda" not in k and not re.search(r"'\d+$", k)}
    for label, rx in PLUGIN_PHASES:
        r = re.compile(rx)
        rows.append((label, sum(v for k, v in top.items() if r.search(k))))
    costs = dict(rows)
    rows.insert([l for l, _ in rows].index("  of which call-graph summaries") + 1,
                ("  of which checking and reporting (all - summaries)",
                 costs["IR pass: all (summaries, checking, reporting)"] - costs["  of which call-graph summaries"]))
    with_self = function_costs(plugin_out, inclusive=False)
    plain_self = function_costs(plain_out, inclusive=False)
    groups = {label: 0 for label, _ in SELF_GROUPS}
    groups["other"] = 0
    compiled = [(label, re.compile(rx)) for label, rx in SELF_GROUPS]
    for name in set(with_self) | set(plain_self):
        d = with_self.get(name, 0) - plain_self.get(name, 0)
        if d == 0:
            continue
        for label, r in compiled:
            if r.search(name):
                groups[label] += d
                break
        else:
            groups["other"] += d
    return rows, list(groups.items())
