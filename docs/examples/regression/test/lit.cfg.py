# lit configuration of the example driver's IRQL regression suite.
# Run through CMake (irqlcheck_add_lit_suite writes the site config), or
# directly:  lit --param irqlcheck_lit_dir=<prefix>/share/irqlcheck/lit test
import os
import sys

helper_dir = lit_config.params.get("irqlcheck_lit_dir")
if helper_dir:
    sys.path.insert(0, helper_dir)
import irqlcheck_lit  # noqa: E402 (found through the site config or the param)

config.name = "example-driver-irql"
config.suffixes = [".c"]
config.test_source_root = os.path.dirname(__file__)
# Where the driver's sources are, for the tests that compile them.
config.substitutions.append(("%driver", os.path.join(config.test_source_root, "..", "driver")))
irqlcheck_lit.configure(config, lit_config)
