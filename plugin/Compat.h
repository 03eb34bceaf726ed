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

// The standalone tool (plugin/tool) makes its own compiler instances; only
// its files define IRQLCHECK_COMPAT_TOOL, so the plugin's need none of this.
#ifdef IRQLCHECK_COMPAT_TOOL
#if __has_include("clang/Driver/CreateInvocationFromArgs.h") // Clang 22 moved createInvocation.
#include "clang/Driver/CreateInvocationFromArgs.h"
#else
#include "clang/Frontend/Utils.h"
#endif
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"

namespace irqlcheck {
namespace compat {

// DiagnosticOptions were reference-counted and handed over by pointer before
// Clang 21; since, the owner keeps them and lends them by reference.
#if CLANG_VERSION_MAJOR >= 21
using DiagOptionsHolder = std::unique_ptr<clang::DiagnosticOptions>;
inline clang::DiagnosticOptions &diagOptionsArg(clang::DiagnosticOptions &O) { return O; }
#else
using DiagOptionsHolder = llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions>;
inline clang::DiagnosticOptions *diagOptionsArg(clang::DiagnosticOptions &O) { return &O; }
#endif

/// A compiler instance for Inv that reads files through VFS and reports to
/// Client (not owned). Clang 20 passed the file system to createDiagnostics,
/// Clang 21 moved the invocation into the constructor and the file system
/// into the instance.
inline std::unique_ptr<clang::CompilerInstance>
makeCompilerInstance(std::shared_ptr<clang::CompilerInvocation> Inv,
                     llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS,
                     clang::DiagnosticConsumer *Client) {
#if CLANG_VERSION_MAJOR >= 21
  auto CI = std::make_unique<clang::CompilerInstance>(std::move(Inv));
  CI->setVirtualFileSystem(VFS);
  CI->createDiagnostics(Client, /*ShouldOwnClient=*/false);
  CI->createFileManager();
#else
  auto CI = std::make_unique<clang::CompilerInstance>();
  CI->setInvocation(std::move(Inv));
#if CLANG_VERSION_MAJOR == 20
  CI->createDiagnostics(*VFS, Client, /*ShouldOwnClient=*/false);
#else
  CI->createDiagnostics(Client, /*ShouldOwnClient=*/false);
#endif
  CI->createFileManager(VFS);
#endif
  return CI;
}

} // namespace compat
} // namespace irqlcheck
#endif // IRQLCHECK_COMPAT_TOOL

#endif // IRQLCHECK_COMPAT_H
