# lit configuration for irqlcheck. Every test runs the real clang-19 /
# clang-cl / opt of the LLVM the plugin was built against (never /usr/bin/clang,
# which is another version and crashes loading the plugin).
import os

import lit.formats
from lit.llvm import llvm_config

config.name = "irqlcheck"
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
]

if not os.path.isdir(os.path.join(config.mingw_include, "ddk")):
    lit_config.fatal("mingw-w64 DDK headers not found; apt-get install mingw-w64-x86-64-dev")
