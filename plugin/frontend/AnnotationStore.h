//===- AnnotationStore.h - Raw IRQL annotations, as the parser saw them ---===//
//
// The attribute handlers run while the parser is still inside a declaration,
// when parameters have no index yet and a level name may not be defined yet.
// So they only record what they saw, per declaration; ContractBuilder turns
// the records into contracts once the whole translation unit is known.
//
// The SAL macros bring no attribute to the parser (SalMacros.h): the
// preprocessor records each annotation's text and position, each top-level
// declaration group takes the annotations written before its end, and a
// declaration's annotations are split between it and its parameters, by
// position, only when a contract is built for it (lookup). Only the explicit
// spellings (irqlcheck.h, __attribute__((irql_...))) reach the handlers.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_ANNOTATIONSTORE_H
#define IRQLCHECK_FRONTEND_ANNOTATIONSTORE_H

#include "clang/AST/DeclGroup.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/StringSaver.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class Decl;
class ParmVarDecl;
class SourceManager;
} // namespace clang

namespace irqlcheck {

/// One attribute per SAL IRQL annotation (legacy __drv_* spellings map onto
/// the same ones).
enum class AnnotationKind : uint8_t {
  RequiresMax,
  RequiresMin,
  Requires,
  Raises,
  Sets,
  RequiresSame,
  Saves,
  Restores,
  SavesGlobal,
  RestoresGlobal,
  AlwaysFunctionMax,
  AlwaysFunctionMin,
  UsesCancel,
  IsCancel,
  FunctionClass,
  When, // _When_(cond, annotation): the inner annotation as text
  At,   // _At_(target, annotation): the inner annotation as text
};

/// The function prototype written in a typedef or a parameter's type
/// (through parentheses, calling-convention attributes and one pointer level).
clang::FunctionTypeLoc prototypeOf(clang::TypeLoc TL);

/// The SAL spelling used in messages (_IRQL_requires_max_).
const char *annotationSpelling(AnnotationKind K);
/// Does the annotation take an IRQL value?
bool annotationTakesLevel(AnnotationKind K);

struct RawAnnotation {
  AnnotationKind Kind;
  clang::SourceLocation Loc; // where the annotation was written (expansion)
  std::string Text;          // the argument as written/expanded: level, class, slot kind
  std::string Object;        // *_global_: the object parameter's name
  std::string WhenText;      // the _When_ condition wrapping the annotation, if any
  std::string AtTarget;      // the _At_ target wrapping the annotation (*OldIrql), if any
  std::optional<int64_t> Value; // level value, if it could be evaluated
  bool ArgIsParam = false;   // the value names a parameter (_IRQL_raises_(NewIrql))
};

/// One annotation a _When_ or _At_ wraps, with its arguments' text in the
/// order of the plugin's attribute.
struct NestedAnnotation {
  AnnotationKind Kind;
  llvm::SmallVector<std::string, 2> Args;
};
/// The identifier that starts at I in T (empty if none); I moves past it.
inline llvm::StringRef takeIdentifier(llvm::StringRef T, size_t &I) {
  size_t B = I;
  while (I < T.size() && (llvm::isAlnum(T[I]) || T[I] == '_'))
    ++I;
  return T.slice(B, I);
}
using NestedParser = void (*)(llvm::StringRef, llvm::SmallVectorImpl<NestedAnnotation> &);

/// The annotations a _When_(Text=cond, Object=anno) or _At_(Text=anno,
/// Object=target) wraps, through nested wrappers, each with the conditions
/// and the target that apply to it; Parse finds them in the wrapped text.
void unwrapAnnotation(AnnotationKind K, llvm::StringRef Text, llvm::StringRef Object,
                      clang::SourceLocation Loc, NestedParser Parse,
                      llvm::function_ref<void(RawAnnotation)> Emit);

/// A SAL annotation as the preprocessor saw it: its arguments' text as
/// written, in the order of the plugin's attribute.
struct WrittenAnnotation {
  AnnotationKind Kind;
  bool User = false;         // in the user's code: read when written
  clang::SourceLocation Loc; // where the macro was expanded (a file location)
  clang::FileID File;
  unsigned Offset;           // of Loc in File
  llvm::StringRef Text, Object;
  std::optional<int64_t> Value;        // User: the level, if it evaluated
  unsigned ReadBegin = 0, ReadEnd = 0; // User _When_/_At_: what it wraps, in Read
};

class AnnotationStore {
public:
  /// The parser saw an annotation on D.
  void add(const clang::Decl *D, RawAnnotation A);
  /// The annotations of D (and, written in its prototype, of its parameters
  /// Params, which are looked up after D).
  const llvm::SmallVectorImpl<RawAnnotation> *
  lookup(const clang::Decl *D, llvm::ArrayRef<clang::ParmVarDecl *> Params = {});
  bool empty() const { return ByDecl.empty() && Attached.empty() && Pending.empty(); }
  /// The declarations annotated in the user's code, in the order they were
  /// first annotated.
  llvm::ArrayRef<const clang::Decl *> decls() const { return Order; }

  /// Frees everything recorded: the contracts are built, and nothing reads
  /// the annotations again (the pass runs with the AST and module in memory).
  void release();

  /// The preprocessor saw an annotation in a header of the kit.
  void addWritten(const WrittenAnnotation &A) {
    if (Recorded.empty())
      Recorded.reserve(4096); // about what the kit's headers hold
    Pending.push_back(Recorded.size());
    Recorded.push_back(A);
  }
  /// The preprocessor saw an annotation in the user's code: it is read now,
  /// each level by EvaluateLevel, as the attribute handlers read theirs.
  void addUserWritten(WrittenAnnotation A,
                      llvm::function_ref<std::optional<int64_t>(llvm::StringRef)> EvaluateLevel);
  /// Keeps text for a WrittenAnnotation.
  llvm::StringRef save(llvm::StringRef S) { return Strings.save(S); }
  /// The parser finished a group of top-level declarations: the written
  /// annotations before their end are theirs.
  void declarationsParsed(clang::DeclGroupRef DG, const clang::SourceManager &SM) {
    if (!Pending.empty())
      attachPending(DG, SM);
  }

private:
  llvm::DenseMap<const clang::Decl *, llvm::SmallVector<RawAnnotation, 2>> ByDecl;
  std::vector<const clang::Decl *> Order;

  llvm::BumpPtrAllocator Arena;
  llvm::StringSaver Strings{Arena};
  /// Every written annotation, in the order the preprocessor saw them; the
  /// lists below hold indices into it, so that the thousands of the kit's
  /// annotations are copied once, not at every step to their declaration.
  std::vector<WrittenAnnotation> Recorded;
  std::vector<unsigned> Pending;
  /// What the user's _When_ and _At_ wrap, read (WrittenAnnotation::ReadBegin).
  std::vector<RawAnnotation> Read;
  /// The declarations in Order that user annotations went to.
  llvm::DenseSet<const clang::Decl *> InOrder;
  /// Pending.size() when the last group was attached: what was pending then
  /// and still is, belongs to no declaration.
  size_t Stale = 0;
  /// Written annotations (in Recorded) and the declaration each went to, in
  /// order: the parser's thousands of groups only append here.
  std::vector<std::pair<const clang::Decl *, unsigned>> Attached;
  /// Made on lookup from what was attached since (indexWritten): each
  /// declaration's first and last entry in Attached, not yet split and
  /// resolved, and each entry's next one of the same declaration (~0u).
  llvm::DenseMap<const clang::Decl *, std::pair<unsigned, unsigned>> Written;
  std::vector<unsigned> NextWritten;
  const clang::SourceManager *SM = nullptr;
  clang::FileID BufferFile; // the file whose text Buffer is
  llvm::StringRef Buffer;

  llvm::StringRef bufferOf(clang::FileID File);

  void attachPending(clang::DeclGroupRef DG, const clang::SourceManager &SM);
  void attachOne(clang::Decl *D);
  /// Is an annotation at Offset, after D's end at End in File, still D's?
  bool afterEndIsOwn(const clang::Decl *D, clang::FileID File, unsigned End, unsigned Offset);
  /// Records that written annotation Index went to D.
  void attachTo(const clang::Decl *D, unsigned Index);
  void indexWritten();
  void resolveWritten(const clang::Decl *D, llvm::ArrayRef<clang::ParmVarDecl *> Params);
};

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_ANNOTATIONSTORE_H
