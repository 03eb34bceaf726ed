"""Build a compile_commands.json with the plugin, as a build would: each
command as recorded (outputs written), with -fplugin= added (/clang:-fplugin=
for clang-cl). Prints what the compiler printed, in database order.

    python3 run_plugin.py compile_commands.json IrqlCheck.so
"""
import json
import os
import subprocess
import sys

db, plugin = sys.argv[1], sys.argv[2]
for e in json.load(open(db)):
    argv = e.get("arguments") or e["command"].split()
    cl = os.path.basename(argv[0]).startswith("clang-cl")
    argv = argv[:1] + [("/clang:-fplugin=" if cl else "-fplugin=") + plugin] + argv[1:]
    p = subprocess.run(argv, cwd=e["directory"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    sys.stdout.write(p.stdout.decode())
