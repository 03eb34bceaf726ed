#!/usr/bin/env python3
"""Generate a header set at the WDK's SAL annotation density for the benchmark.

    gen_wdk_headers.py -o DIR [--scale 1.0]

Writes DIR/wdm.h, ntddk.h, ntifs.h, fltkernel.h, classpnp.h and ndis.h. The
first three first include the header of the same name from irqlcheck's
WDK-style test headers
(test/Inputs/wdk, with #include_next: put DIR before test/Inputs/wdk on the
include path, with -isystem or -I), so the real kernel routines drivers call
keep their declarations, and then adds thousands of generated declarations
in the WDK's spellings:

  - about 6,700 routine prototypes (Ke/Ex/Io/Mm/Ob/Ps/Zw/Rtl/Po/Se/Cm/Hal/
    FsRtl/Cc/Wmi names) with annotation lines before the return type and SAL
    parameter annotations inline: in all (with the typedefs) 4,370
    _IRQL_requires_max_, 786 _IRQL_requires_same_, 671 _IRQL_requires_,
    _IRQL_requires_min_, 734 _When_ (_When_(Wait==0, _IRQL_requires_max_(...)),
    pool-type and return-value conditions), _IRQL_raises_ with
    _IRQL_saves_global_ and _At_(*OldIrql, _IRQL_saves_), _Must_inspect_result_,
    __drv_allocatesMem, _Kernel_requires_resource_held_ ...;
  - 880 _Function_class_ role typedefs with their pointer typedefs;
  - structures, enumerations, thousands of #define constants, and small
    FORCEINLINE helpers, comments, and declarations for another architecture
    that the preprocessor skips, as the real headers have;

at --scale 1.0 about the counts of the WDK's km headers, and for a file that
only includes ntddk.h about the instructions clang spends on the real one. Almost none of it is used by any driver, as in real
builds. Deterministic: the same arguments give the same bytes. Compiles with
clang-19 --target=x86_64-pc-windows-msvc -fms-extensions. Names are made up
from the WDK's prefixes, verbs and nouns; no WDK text is reproduced.
"""

import argparse
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TEST_WDK = os.path.join(ROOT, "test", "Inputs", "wdk")

PREFIXES = ["Ke", "Ex", "Io", "Mm", "Ob", "Ps", "Zw", "Rtl", "Po", "Se", "Cm", "Hal", "Wmi",
            "FsRtl", "Cc", "Kd", "Pnp", "Etw", "Nt", "Vf"]
VERBS = ["Query", "Set", "Get", "Allocate", "Free", "Initialize", "Acquire", "Release", "Insert",
         "Remove", "Register", "Unregister", "Create", "Delete", "Open", "Close", "Map", "Unmap",
         "Lock", "Unlock", "Reference", "Dereference", "Enumerate", "Validate", "Copy", "Compare",
         "Flush", "Cancel", "Wait", "Signal", "Notify", "Read", "Write", "Probe", "Convert", "Update",
         "Mark", "Check", "Build", "Reset", "Prepare", "Complete", "Attach", "Detach", "Translate"]
NOUNS = ["Processor", "Affinity", "Thread", "Process", "Section", "Mdl", "Irp", "Device", "Driver",
         "Interface", "Property", "Registry", "Key", "Value", "Timer", "Event", "Semaphore", "Mutex",
         "Resource", "Pool", "Lookaside", "List", "Queue", "Dpc", "Apc", "Interrupt", "Message",
         "Port", "Token", "Security", "Descriptor", "Acl", "Sid", "Object", "Handle", "File",
         "Volume", "Stream", "Context", "Oplock", "Lock", "Cache", "Map", "View", "Page", "Buffer",
         "String", "Bitmap", "Table", "Entry", "Power", "State", "Request", "Notification", "Trace",
         "Provider", "Counter", "Partition", "Node", "Group", "Cpu", "Memory", "Address", "Range",
         "Adapter", "Channel", "Transfer", "Work", "Item", "Callback", "Filter", "Extension",
         "Information", "Attribute", "Name", "Path", "Link", "Symbolic", "Boot", "Crash", "Dump"]
SUFFIXES = ["", "", "", "", "Ex", "Ex", "Lite", "Safe", "Unsafe", "AtDpcLevel", "FromDpcLevel", "2",
            "Specific", "ForDevice", "WithTag", "Multiple"]

# (SAL annotation, type, name stem); a parameter list is drawn from these.
PARAMS = [
    ("_In_", "PDEVICE_OBJECT", "DeviceObject"), ("_Inout_", "PIRP", "Irp"),
    ("_In_", "PFILE_OBJECT", "FileObject"), ("_In_", "PCUNICODE_STRING", "Name"),
    ("_Inout_", "PUNICODE_STRING", "Destination"), ("_In_opt_", "PLARGE_INTEGER", "Timeout"),
    ("_In_", "HANDLE", "Handle"), ("_Out_", "PHANDLE", "OutHandle"),
    ("_In_", "ACCESS_MASK", "DesiredAccess"), ("_In_", "POBJECT_ATTRIBUTES", "ObjectAttributes"),
    ("_In_", "PKEVENT", "Event"), ("_Inout_", "PMDL", "Mdl"), ("_In_", "POOL_TYPE", "PoolType"),
    ("_In_", "KPROCESSOR_MODE", "AccessMode"), ("_In_", "PEPROCESS", "Process"),
    ("_In_opt_", "PETHREAD", "Thread"), ("_Out_", "PIO_STATUS_BLOCK", "IoStatusBlock"),
    ("_Inout_", "PKSPIN_LOCK", "SpinLock"), ("_Inout_", "PERESOURCE", "Resource"),
    ("_Inout_", "PFAST_MUTEX", "FastMutex"), ("_In_", "PKDPC", "Dpc"), ("_Inout_", "PKTIMER", "Timer"),
    ("_Out_opt_", "PULONG", "ReturnLength"), ("_In_", "ULONG", "Length"), ("_In_", "ULONG", "Flags"),
    ("_In_", "ULONG", "Tag"), ("_In_", "SIZE_T", "NumberOfBytes"), ("_In_", "ULONG_PTR", "Argument"),
    ("_In_opt_", "PVOID", "Context"), ("_In_", "BOOLEAN", "Wait"), ("_In_", "LONGLONG", "Offset"),
    ("_In_", "PDRIVER_OBJECT", "DriverObject"), ("_In_", "PIO_WORKITEM", "WorkItem"),
    ("_In_", "PKINTERRUPT", "Interrupt"), ("_In_", "USHORT", "Index"), ("_Out_", "PLONG", "Result"),
    ("_In_", "KWAIT_REASON", "WaitReason"), ("_In_", "PLIST_ENTRY", "ListHead"),
    ("_In_z_", "PCWSTR", "SourceString"), ("_In_", "MEMORY_CACHING_TYPE", "CacheType"),
    ("_Inout_", "PIO_STACK_LOCATION", "IrpSp"), ("_In_", "KPRIORITY", "Priority"),
]
LEVELS = ["PASSIVE_LEVEL", "APC_LEVEL", "DISPATCH_LEVEL", "HIGH_LEVEL"]
RETURNS = ["NTSTATUS"] * 6 + ["VOID"] * 4 + ["BOOLEAN"] * 2 + ["ULONG", "PVOID", "LONG", "SIZE_T", "KIRQL"]
FIELD_TYPES = ["ULONG", "ULONG", "USHORT", "UCHAR", "BOOLEAN", "PVOID", "HANDLE", "LIST_ENTRY",
               "KSPIN_LOCK", "UNICODE_STRING", "LARGE_INTEGER", "ULONG_PTR", "PDEVICE_OBJECT", "KEVENT",
               "LONG", "ULONGLONG", "PMDL", "SIZE_T"]

# Which part of the set each header carries, and what it includes first. The counts above are
# those of all the km headers; a driver includes only some of them: wdm.h and ntddk.h for most,
# ntifs.h and fltkernel.h for file systems and filters, classpnp.h for storage class drivers;
# ndis.h stands for the headers of other driver kinds, which the benchmark's inputs never include.
SHARES = {"wdm.h": 0.35, "ntddk.h": 0.12, "ntifs.h": 0.18, "fltkernel.h": 0.15, "classpnp.h": 0.1, "ndis.h": 0.1}
INCLUDES = {"wdm.h": [], "ntddk.h": ["<wdm.h>"], "ntifs.h": ["<ntddk.h>"], "fltkernel.h": ["<ntifs.h>"],
            "classpnp.h": ["<ntddk.h>"], "ndis.h": ["<ntddk.h>"]}


def existing_names():
    """Identifiers the test headers already declare: generated names must not clash."""
    names = set()
    for h in os.listdir(TEST_WDK):
        with open(os.path.join(TEST_WDK, h), encoding="utf-8", errors="replace") as f:
            names.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", f.read()))
    return names


class Gen:
    def __init__(self, rng, taken):
        self.rng = rng
        self.taken = taken
        self.counts = {}

    def count(self, what, n=1):
        self.counts[what] = self.counts.get(what, 0) + n

    def name(self, prefixes=PREFIXES):
        r = self.rng
        while True:
            n = r.choice(prefixes) + r.choice(VERBS) + r.choice(NOUNS) + (r.choice(NOUNS) if r.random() < 0.4 else "") \
                + r.choice(SUFFIXES)
            canonical = n.upper().lstrip("_")  # struct tags, typedefs and roles share it
            if n not in self.taken and canonical not in self.taken:
                self.taken.update((n, canonical))
                return n

    def params(self, k):
        r = self.rng
        chosen = r.sample(PARAMS, k)
        out, seen = [], set()
        for sal, ty, stem in chosen:
            nm = stem
            i = 2
            while nm in seen:
                nm = "%s%d" % (stem, i)
                i += 1
            seen.add(nm)
            out.append((sal, ty, nm))
        # Buffers with a length, in the WDK's spellings.
        if k >= 2 and r.random() < 0.3:
            out.append(("_In_reads_bytes_(Length)" if any(p[2] == "Length" for p in out) else "_In_reads_bytes_opt_(16)",
                        "PVOID", "Buffer"))
        return out

    def irql_lines(self, ret, params):
        """The annotation lines of one prototype, in the proportions of the WDK's km headers."""
        r = self.rng
        lines = []
        x = r.random()
        has_lock = any(p[1] == "PKSPIN_LOCK" for p in params)
        if has_lock and r.random() < 0.15:
            # A lock acquirer: raises and saves, as KeAcquireSpinLock is written.
            lines += ["_IRQL_requires_max_(DISPATCH_LEVEL)", "_IRQL_raises_(DISPATCH_LEVEL)",
                      "_IRQL_saves_global_(OldIrql, SpinLock)"]
            self.count("_IRQL_requires_max_")
            self.count("_IRQL_raises_")
            self.count("_IRQL_saves_global_")
            return lines
        if x < 0.55:
            lines.append("_IRQL_requires_max_(%s)" % r.choice(LEVELS[:3] + ["PASSIVE_LEVEL", "DISPATCH_LEVEL"]))
            self.count("_IRQL_requires_max_")
        elif x < 0.625:
            lines.append("_IRQL_requires_(%s)" % r.choice(["PASSIVE_LEVEL", "PASSIVE_LEVEL", "DISPATCH_LEVEL"]))
            self.count("_IRQL_requires_")
        elif x < 0.645:
            lines.append("_IRQL_requires_min_(DISPATCH_LEVEL)")
            self.count("_IRQL_requires_min_")
        elif x < 0.71 and any(p[2] == "Wait" for p in params):
            lines += ["_When_(Wait==0, _IRQL_requires_max_(DISPATCH_LEVEL))",
                      "_When_(Wait==1, _IRQL_requires_max_(APC_LEVEL))"]
            self.count("_When_", 2)
            self.count("_IRQL_requires_max_", 2)
        elif x < 0.72 and any(p[2] == "PoolType" for p in params):
            lines += ["_When_((PoolType & NonPagedPoolMustSucceed) != 0,",
                      "    __drv_reportError(\"Must succeed pool allocations are forbidden\"))",
                      "_When_(PoolType == PagedPool, _IRQL_requires_max_(APC_LEVEL))",
                      "_When_(PoolType != PagedPool, _IRQL_requires_max_(DISPATCH_LEVEL))"]
            self.count("_When_", 3)
            self.count("_IRQL_requires_max_", 2)
        if r.random() < 0.075:
            lines.append("_IRQL_requires_same_")
            self.count("_IRQL_requires_same_")
        if ret == "NTSTATUS" and r.random() < 0.3:
            lines.insert(0, "_Must_inspect_result_")
        if ret != "VOID" and r.random() < 0.12:
            # _When_ carries other annotations too: the plugin sees every one.
            lines.append("_When_(return != 0, _Post_notnull_)")
            self.count("_When_")
        if ret == "PVOID" and r.random() < 0.5:
            lines += ["__drv_allocatesMem(Mem)", "_Ret_maybenull_"]
        if any(p[1] == "PERESOURCE" for p in params) and r.random() < 0.5:
            lines.append("_Requires_lock_held_(_Global_critical_region_)")
        return lines

    def prototype(self, prefixes=PREFIXES):
        r = self.rng
        name = self.name(prefixes)
        ret = r.choice(RETURNS)
        params = self.params(r.choice([0, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8]))
        out = self.irql_lines(ret, params)
        if ret == "KIRQL" and r.random() < 0.3:
            out = ["_IRQL_requires_max_(HIGH_LEVEL)", "_IRQL_raises_(DISPATCH_LEVEL)", "_IRQL_saves_"]
            self.count("_IRQL_requires_max_")
            self.count("_IRQL_raises_")
        if params and ret == "VOID" and r.random() < 0.05:
            # The old IRQL returned through a parameter, as KeAcquireSpinLock's expansion does.
            params.append(("_Out_ _At_(*OldIrql, _IRQL_saves_)", "PKIRQL", "OldIrql"))
            out.append("_IRQL_raises_(DISPATCH_LEVEL)")
            self.count("_At_")
        if r.random() < 0.5:
            # The real headers are about a third comments.
            out = ["//", "// %s: %s the %s of the caller's %s." % (name, r.choice(VERBS).lower(), r.choice(NOUNS).lower(),
                                                                 r.choice(NOUNS).lower()),
                   "// Returns STATUS_SUCCESS or an error status; see the documentation.", "//"] + out
        out += ["NTKERNELAPI", ret, "NTAPI", name + " ("]
        if not params:
            out.append("    VOID")
        for i, (sal, ty, nm) in enumerate(params):
            out.append("    %s %s %s%s" % (sal, ty, nm, "," if i + 1 < len(params) else ""))
        out += ["    );", ""]
        self.count("prototype")
        return out

    def role_typedef(self):
        r = self.rng
        role = self.name([p.upper() + "_" for p in ["IO", "KE", "EX", "PO", "FS", "WMI", "PNP", "CM"]]).upper()
        ret = r.choice(["NTSTATUS", "VOID", "VOID", "BOOLEAN"])
        params = self.params(r.choice([1, 2, 2, 3, 4]))
        lines = ["typedef", "_Function_class_(%s)" % role]
        self.count("_Function_class_")
        x = r.random()
        if x < 0.55:
            lines.append("_IRQL_requires_max_(%s)" % r.choice(["PASSIVE_LEVEL", "APC_LEVEL", "DISPATCH_LEVEL"]))
            self.count("_IRQL_requires_max_")
        elif x < 0.75:
            lines.append("_IRQL_requires_(%s)" % r.choice(["PASSIVE_LEVEL", "DISPATCH_LEVEL"]))
            self.count("_IRQL_requires_")
        elif x < 0.8:
            lines.append("_IRQL_requires_min_(DISPATCH_LEVEL)")
            self.count("_IRQL_requires_min_")
        if r.random() < 0.3:
            lines.append("_IRQL_requires_same_")
            self.count("_IRQL_requires_same_")
        lines += [ret, "NTAPI", role + " ("]
        for i, (sal, ty, nm) in enumerate(params):
            lines.append("    %s %s %s%s" % (sal, ty, nm, "," if i + 1 < len(params) else ""))
        lines += ["    );", "typedef %s *P%s;" % (role, role), ""]
        return lines

    def structure(self):
        r = self.rng
        name = self.name(["_" + p.upper() + "_" for p in ["IO", "KE", "FILE", "POOL", "DEVICE", "VOLUME", "REG"]]).upper()
        fields = []
        for i in range(r.randint(3, 12)):
            fields.append("    %s Field%d%s;" % (r.choice(FIELD_TYPES), i, r.choice(NOUNS)))
        base = name[1:]
        self.count("struct")
        return ["typedef struct %s {" % name] + fields + ["} %s, *P%s;" % (base, base), ""]

    def enumeration(self):
        r = self.rng
        name = self.name(["_" + p.upper() + "_" for p in ["IO", "KE", "FILE", "POOL", "DEVICE", "POWER"]]).upper()
        base = name[1:]
        items = ["    %s_%s%d," % (base, r.choice(NOUNS).upper(), i) for i in range(r.randint(3, 14))]
        return ["typedef enum %s {" % name] + items + ["} %s, *P%s;" % (base, base), ""]

    def defines(self, n):
        r = self.rng
        out = []
        for _ in range(n):
            nm = self.name(["STATUS_", "FILE_", "IOCTL_", "IRP_", "DO_", "POOL_FLAG_", "KEY_", "SE_", "PO_", "FSCTL_"]).upper()
            x = r.random()
            if x < 0.5:
                out.append("#define %s ((NTSTATUS)0x%08XL)" % (nm, r.getrandbits(32)))
            elif x < 0.8:
                out.append("#define %s 0x%08x" % (nm, r.getrandbits(32)))
            else:
                out.append("#define %s CTL_CODE(FILE_DEVICE_UNKNOWN, 0x%x, METHOD_BUFFERED, FILE_ANY_ACCESS)" % (
                    nm, r.randint(0x800, 0xfff)))
        self.count("#define", n)
        return out + [""]

    def inline_helper(self, struct_base):
        r = self.rng
        name = self.name(["Rtl", "Io", "Ex", "Ke", "Fs"])
        self.count("FORCEINLINE")
        body = ["FORCEINLINE", "VOID", "%s (" % name, "    _Out_ P%s Item," % struct_base, "    _In_ ULONG Value",
                "    )", "{", "    RtlZeroMemory(Item, sizeof(*Item));"]
        for i in range(r.randint(1, 4)):
            body.append("    if (Value & 0x%x) {" % (1 << i))
            body.append("        Value ^= 0x%x;" % r.getrandbits(8))
            body.append("    }")
        body += ["}", ""]
        return body


def generate(out_dir, scale):
    rng = random.Random(20261206)
    g = Gen(rng, existing_names())
    n_proto = int(5500 * scale)
    n_roles = int(1000 * scale)
    n_struct = int(2500 * scale)
    n_enum = int(250 * scale)
    n_define = int(12000 * scale)
    n_inline = int(700 * scale)
    os.makedirs(out_dir, exist_ok=True)
    for header, share in SHARES.items():
        guard = "_IRQLCHECK_BENCH_%s_" % header.replace(".", "_").upper()
        body = ["/* %s -- generated by test/bench/gen_wdk_headers.py: the WDK's annotation density." % header,
                " * Do not edit; see the generator for what it holds. */",
                "#ifndef " + guard, "#define " + guard]
        body += ["#include %s" % h for h in INCLUDES[header]]
        if os.path.exists(os.path.join(TEST_WDK, header)):
            body.append("#include_next <%s>" % header)
        body += ["", "#ifdef __cplusplus", 'extern "C" {', "#endif", ""]
        structs = []
        for _ in range(int(n_struct * share)):
            s = g.structure()
            structs.append(s[0].split()[2][1:])
            body += s
        for _ in range(int(n_enum * share)):
            body += g.enumeration()
        # Defines, roles, prototypes and inline helpers interleaved, as the headers are organised by area.
        n_areas = 40
        for a in range(n_areas):
            body += ["/* ---- area %d ---- */" % a]
            body += g.defines(int(n_define * share / n_areas))
            for _ in range(int(n_roles * share / n_areas)):
                body += g.role_typedef()
            for _ in range(int(n_proto * share / n_areas)):
                body += g.prototype()
            for _ in range(int(n_inline * share / n_areas)):
                body += g.inline_helper(rng.choice(structs))
            # Declarations for another architecture, skipped by the preprocessor.
            body += ["#if defined(_ARM64_) && defined(_IRQLCHECK_BENCH_NEVER_)"]
            for _ in range(int(n_proto * share / n_areas / 4)):
                body += g.prototype()
            body += ["#endif", ""]
        body += ["#ifdef __cplusplus", "}", "#endif", "#endif /* %s */" % guard, ""]
        with open(os.path.join(out_dir, header), "w") as f:
            f.write("\n".join(body))
    return g.counts


def main():
    ap = argparse.ArgumentParser(description="generate WDK-density annotated headers")
    ap.add_argument("-o", "--out", required=True, help="output directory")
    ap.add_argument("--scale", type=float, default=1.0, help="1.0: the counts of the WDK's km headers")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the annotation counts")
    args = ap.parse_args()
    counts = generate(args.out, args.scale)
    if args.verbose:
        for k in sorted(counts):
            print("%-24s %d" % (k, counts[k]))


if __name__ == "__main__":
    main()
