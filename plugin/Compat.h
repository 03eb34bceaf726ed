//===- Compat.h - Every Clang/LLVM version difference in one place --------===//
//
// irqlcheck builds against LLVM/Clang 16..22 (19 is the tested version). Each
// #if on a version lives here, so the rest of the plugin reads as one API.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_COMPAT_H
#define IRQLCHECK_COMPAT_H

#include "llvm/Config/llvm-config.h"

#if __has_include("llvm/Plugins/PassPlugin.h") // LLVM 22 moved the header.
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

// VersionCheck.cpp (IrqlCheck.so, which must reference no LLVM or Clang
// symbol) needs the pass plugin header only: Clang's headers emit some
// functions (LLVM_DUMP_METHOD) that call into LLVM.
#ifndef IRQLCHECK_COMPAT_PASS_PLUGIN_ONLY

#include "clang/AST/TypeLoc.h"
#include "clang/Basic/CodeGenOptions.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/Version.h"
#include "clang/Sema/ParsedAttr.h"

#include <string>

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

// The identifier of an identifier argument of an attribute: IdentifierLoc
// has accessors from Clang 21 (its fields were public before).
inline clang::IdentifierInfo *identifierOf(const clang::IdentifierLoc *L) {
#if CLANG_VERSION_MAJOR >= 21
  return L->getIdentifierInfo();
#else
  return L->Ident;
#endif
}

// Steps TL through an ElaboratedTypeLoc ("struct S", "ns::T"); false if TL is
// none. Clang 22 has no ElaboratedType: the keyword and qualifier live on the
// named type itself, so there is nothing to step through.
inline bool stepThroughElaborated(clang::TypeLoc &TL) {
#if CLANG_VERSION_MAJOR >= 22
  return false;
#else
  if (auto E = TL.getAs<clang::ElaboratedTypeLoc>()) {
    TL = E.getNamedTypeLoc();
    return true;
  }
  return false;
#endif
}

// Does a written type name carry a qualifier ("ns::T")? Clang 22 keeps it on
// the typedef, record or enum TypeLoc itself; earlier Clangs on the
// ElaboratedTypeLoc around the name (see above).
inline bool namedTypeHasQualifier(clang::TypeLoc TL) {
#if CLANG_VERSION_MAJOR >= 22
  if (auto T = TL.getAs<clang::TypedefTypeLoc>())
    return bool(T.getQualifierLoc());
  if (auto T = TL.getAs<clang::RecordTypeLoc>())
    return bool(T.getQualifierLoc());
  if (auto T = TL.getAs<clang::EnumTypeLoc>())
    return bool(T.getQualifierLoc());
#else
  if (auto E = TL.getAs<clang::ElaboratedTypeLoc>())
    return bool(E.getQualifierLoc());
#endif
  return false;
}

// RecursiveASTVisitor::TraverseTypeLoc takes whether to traverse the name's
// qualifier since Clang 22; an override must take the same parameters.
#if CLANG_VERSION_MAJOR >= 22
#define IRQLCHECK_TRAVERSE_TYPELOC_PARAMS clang::TypeLoc TL, bool TraverseQualifier = true
#define IRQLCHECK_TRAVERSE_TYPELOC_ARGS TL, TraverseQualifier
#else
#define IRQLCHECK_TRAVERSE_TYPELOC_PARAMS clang::TypeLoc TL
#define IRQLCHECK_TRAVERSE_TYPELOC_ARGS TL
#endif

// "No profile": ProfileInstrKind moved to llvm::driver in Clang 21.
#if CLANG_VERSION_MAJOR >= 21
constexpr auto ProfileNone = llvm::driver::ProfileInstrKind::ProfileNone;
#else
constexpr auto ProfileNone = clang::CodeGenOptions::ProfileNone;
#endif

// DiagnosticsEngine's constructor takes the options by reference from Clang 21
// (they are no longer reference-counted), by pointer before.
#if CLANG_VERSION_MAJOR >= 21
inline clang::DiagnosticOptions &diagOptionsArg(clang::DiagnosticOptions &O) { return O; }
#else
inline clang::DiagnosticOptions *diagOptionsArg(clang::DiagnosticOptions &O) { return &O; }
#endif

// Module::getTargetTriple() returns a Triple from LLVM 21, a string before.
// (A template so that this header need not include llvm/IR/Module.h, whose
// llvm::PointerType and llvm::FunctionType clash with Clang's in files that
// use both namespaces.)
template <typename ModuleT> std::string moduleTriple(const ModuleT &M) {
#if LLVM_VERSION_MAJOR >= 21
  return M.getTargetTriple().str();
#else
  return M.getTargetTriple();
#endif
}

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
#else
using DiagOptionsHolder = llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions>;
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

#endif // IRQLCHECK_COMPAT_PASS_PLUGIN_ONLY

#endif // IRQLCHECK_COMPAT_H
