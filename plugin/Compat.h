//===- Compat.h - Every Clang/LLVM version difference in one place --------===//
//
// irqlcheck builds against LLVM/Clang 16..22 (19 is the tested version). Each
// #if on a version lives here, so the rest of the plugin reads as one API.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_COMPAT_H
#define IRQLCHECK_COMPAT_H

#include "clang/Basic/Version.h"
#include "clang/Sema/ParsedAttr.h"
#include "llvm/Config/llvm-config.h"

#if __has_include("llvm/Plugins/PassPlugin.h") // LLVM 22 moved the header.
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

namespace irqlcheck {
namespace compat {

// C23 attribute syntax was AS_C2x before Clang 18.
#if CLANG_VERSION_MAJOR >= 18
constexpr auto AS_C23 = clang::ParsedAttr::AS_C23;
#else
constexpr auto AS_C23 = clang::ParsedAttr::AS_C2x;
#endif

// CodeGenOptions::PassBuilderCallbacks (a capturing std::function) exists from
// Clang 18; before that the pass is loaded as a pass plugin by path.
#if CLANG_VERSION_MAJOR >= 18
#define IRQLCHECK_HAS_PASS_BUILDER_CALLBACKS 1
#else
#define IRQLCHECK_HAS_PASS_BUILDER_CALLBACKS 0
#endif

} // namespace compat
} // namespace irqlcheck

#endif // IRQLCHECK_COMPAT_H
