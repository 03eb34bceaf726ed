# Install rules and the CMake package (find_package(IrqlCheck)).
#
#   cmake --install build --prefix P
#
# installs
#   P/lib/irqlcheck/IrqlCheck.so              the plugin (IrqlCheck.dll on Windows)
#   P/lib/irqlcheck/IrqlCheckPassPlugin.so    its pass, loaded from the same directory
#   P/lib/irqlcheck/IrqlCheckFrontend.so      its Clang half, loaded from the same directory
#   P/include/irqlcheck.h                     the optional annotation header
#   P/bin/irqlcheck-compdb.py                 runner over compile_commands.json (runs P/bin/irqlcheck)
#   P/bin/irqlcheck                           the standalone checker (docs/standalone.md)
#   P/share/doc/irqlcheck/                    README.md and docs/
#   P/share/irqlcheck/lit/irqlcheck_lit.py    lit helper for driver regression suites
#   P/lib/cmake/IrqlCheck/IrqlCheckConfig.cmake (+ ConfigVersion)
#
# ("lib" is CMAKE_INSTALL_LIBDIR, which GNUInstallDirs may make lib64 or
# lib/<multiarch> for some prefixes; the package config finds the plugin
# relative to itself, so the tree can be moved after installation.)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(IRQLCHECK_INSTALL_PLUGINDIR "${CMAKE_INSTALL_LIBDIR}/irqlcheck"
  CACHE STRING "Where the plugin is installed, relative to the prefix")
set(IRQLCHECK_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/IrqlCheck"
  CACHE STRING "Where IrqlCheckConfig.cmake is installed, relative to the prefix")
mark_as_advanced(IRQLCHECK_INSTALL_PLUGINDIR IRQLCHECK_INSTALL_CMAKEDIR)

# The plugin is a MODULE library: LIBRARY destination on every platform.
install(TARGETS IrqlCheck IrqlCheckPassPlugin IrqlCheckFrontend
  LIBRARY DESTINATION "${IRQLCHECK_INSTALL_PLUGINDIR}" COMPONENT IrqlCheck
  RUNTIME DESTINATION "${IRQLCHECK_INSTALL_PLUGINDIR}" COMPONENT IrqlCheck)

install(FILES "${PROJECT_SOURCE_DIR}/include/irqlcheck.h"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT IrqlCheck OPTIONAL)

install(PROGRAMS "${PROJECT_SOURCE_DIR}/cmake/irqlcheck-compdb.py"
  DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT IrqlCheck)

# The standalone irqlcheck. It finds the shared Clang and LLVM libraries it
# was linked against where they were (the package's lib directory), and
# their builtin headers there too (IRQLCHECK_CLANG_RESOURCE_DIR).
if(TARGET irqlcheck)
  set_target_properties(irqlcheck PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON)
  install(TARGETS irqlcheck RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT IrqlCheck)
endif()

install(FILES "${PROJECT_SOURCE_DIR}/README.md"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT IrqlCheck)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT IrqlCheck)

# The lit helper (docs/regression-suites.md). It finds the plugin relative to
# itself and records the clang the plugin was built for.
set(IRQLCHECK_LIT_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/irqlcheck/lit")
file(RELATIVE_PATH IRQLCHECK_LIT_PLUGIN_RELPATH "/prefix/${IRQLCHECK_LIT_INSTALL_DIR}"
  "/prefix/${IRQLCHECK_INSTALL_PLUGINDIR}/IrqlCheck${CMAKE_SHARED_MODULE_SUFFIX}")
set(IRQLCHECK_LLVM_TOOLS_BINARY_DIR "${LLVM_TOOLS_BINARY_DIR}")
set(IRQLCHECK_CLANG_VERSION_MAJOR "${LLVM_VERSION_MAJOR}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/irqlcheck_lit.py.in"
  "${PROJECT_BINARY_DIR}/lit/irqlcheck_lit.py" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/lit/irqlcheck_lit.py"
  DESTINATION "${IRQLCHECK_LIT_INSTALL_DIR}" COMPONENT IrqlCheck)
# The lit.py irqlcheck's own suite runs with: irqlcheck_add_lit_suite's default.
set(IRQLCHECK_LIT_PY "${LLVM_EXTERNAL_LIT}")

# Package config. Paths are relative to the installed config file
# (PACKAGE_PREFIX_DIR), so P can be relocated.
set(IRQLCHECK_PLUGIN_FILE "IrqlCheck${CMAKE_SHARED_MODULE_SUFFIX}")
set(IRQLCHECK_PLUGIN_INSTALL_PATH "${IRQLCHECK_INSTALL_PLUGINDIR}/${IRQLCHECK_PLUGIN_FILE}")
set(IRQLCHECK_INCLUDE_INSTALL_DIR "${CMAKE_INSTALL_INCLUDEDIR}")
set(IRQLCHECK_COMPDB_INSTALL_PATH "${CMAKE_INSTALL_BINDIR}/irqlcheck-compdb.py")
set(IRQLCHECK_DOC_INSTALL_DIR "${CMAKE_INSTALL_DOCDIR}")
# The clang the plugin was built against (set above): it loads into that major version only.
set(IRQLCHECK_LLVM_PACKAGE_VERSION "${LLVM_PACKAGE_VERSION}")

configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/IrqlCheckConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/IrqlCheckConfig.cmake"
  INSTALL_DESTINATION "${IRQLCHECK_INSTALL_CMAKEDIR}"
  PATH_VARS IRQLCHECK_PLUGIN_INSTALL_PATH IRQLCHECK_INCLUDE_INSTALL_DIR
            IRQLCHECK_COMPDB_INSTALL_PATH IRQLCHECK_DOC_INSTALL_DIR
            IRQLCHECK_LIT_INSTALL_DIR)

# ARCH_INDEPENDENT: the plugin runs inside the host compiler, whatever the
# target; a 32-bit (i686) driver build must accept the 64-bit host plugin.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/IrqlCheckConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMinorVersion
  ARCH_INDEPENDENT)

install(FILES
  "${PROJECT_BINARY_DIR}/IrqlCheckConfig.cmake"
  "${PROJECT_BINARY_DIR}/IrqlCheckConfigVersion.cmake"
  DESTINATION "${IRQLCHECK_INSTALL_CMAKEDIR}" COMPONENT IrqlCheck)
