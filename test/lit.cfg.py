# lit configuration for irqlcheck. Every test runs the real clang / clang-cl /
# opt / FileCheck of the LLVM the plugin was built against (llvm_tools_dir,
# e.g. /usr/lib/llvm-22/bin; never /usr/bin/clang, which is another version).
import os
import re

import lit

import lit.formats
from lit.llvm import llvm_config

# Named after the version, so that one lit run over two builds (.ci/run) tells
# "irqlcheck-19 :: e2e/x.c" from "irqlcheck-22 :: e2e/x.c".
config.name = "irqlcheck-" + config.llvm_major
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".c", ".ll", ".test"]
config.excludes = ["Inputs", "bench"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = config.irql_obj_root

llvm_config.use_default_substitutions()
llvm_config.use_clang()
llvm_config.add_tool_substitutions(["opt", "llvm-objdump", "split-file"], config.llvm_tools_dir)

plugin = os.path.join(config.llvm_shlib_dir, "IrqlCheck" + config.llvm_plugin_ext)
inputs = os.path.join(config.test_source_root, "Inputs")
ddk = "-isystem %s -isystem %s" % (config.mingw_include, os.path.join(config.mingw_include, "ddk"))
# Inserted first: lit applies substitutions in list order, and %wdk_cc1 expands
# to text that still contains %clang_cc1.
config.substitutions[0:0] = [
    # Names avoid lit's own %p/%s/%t prefixes.
    ("%irqlcheck", plugin),
    ("%inputs", inputs),
    ("%srcroot", config.irql_src_root),
    ("%irql_build", os.path.dirname(config.llvm_shlib_dir)),  # the plugin's build tree
    # A clang cc1 line with the plugin loaded, the WDK-style headers and the MSVC x64 target.
    ("%wdk_cc1", "%clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -load " + plugin +
     " -isystem " + os.path.join(inputs, "wdk")),
    # The driver with the real mingw-w64 DDK headers (x64).
    # (-Wno-#warnings: clang's own mm3dnow.h warns when mingw's intrin.h includes it.)
    ("%mingw_ddk", "--target=x86_64-w64-mingw32 -Wno-#warnings " + ddk),
    ("%mingw32_ddk", "--target=i686-w64-mingw32 " + ddk),
    # The clang/LLVM major version this build is for.
    ("%llvm_major", config.llvm_major),
    # The package directory of the lit running this suite (a lit to copy).
    ("%lit_package", os.path.dirname(lit.__file__)),
]

# Another build, for another clang (IRQLCHECK_OTHER_BUILD): test/versions loads
# its plugin here. Feature other-llvm-build when it is built and is another version.
def other_build():
    root = config.irql_other_build
    if not root:
        return None
    other_plugin = os.path.join(root, "plugin", "IrqlCheck" + config.llvm_plugin_ext)
    try:
        with open(os.path.join(root, "CMakeCache.txt")) as f:
            m = re.search(r"^IRQLCHECK_LLVM_VERSION:\w+=(\d+)$", f.read(), re.M)
    except OSError:
        m = None
    if not m or not os.path.exists(other_plugin):
        lit_config.note("IRQLCHECK_OTHER_BUILD %s has no plugin built; test/versions is unsupported" % root)
        return None
    if m.group(1) == config.llvm_major:
        lit_config.note("IRQLCHECK_OTHER_BUILD %s is for LLVM %s too; test/versions is unsupported" % (root, m.group(1)))
        return None
    return other_plugin, m.group(1)

other = other_build()
if other:
    config.available_features.add("other-llvm-build")
    config.substitutions[0:0] = [("%other_irqlcheck", other[0]), ("%other_llvm_major", other[1])]

if not os.path.isdir(os.path.join(config.mingw_include, "ddk")):
    lit_config.fatal("mingw-w64 DDK headers not found; apt-get install mingw-w64-x86-64-dev")
