//===- AnnotationStore.h - Raw IRQL annotations, as the parser saw them ---===//
//
// The attribute handlers run while the parser is still inside a declaration,
// when parameters have no index yet and a level name may not be defined yet.
// So they only record what they saw, per declaration; ContractBuilder turns
// the records into contracts once the whole translation unit is known.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_ANNOTATIONSTORE_H
#define IRQLCHECK_FRONTEND_ANNOTATIONSTORE_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class Decl;
}

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

class AnnotationStore {
public:
  void add(const clang::Decl *D, RawAnnotation A);
  const llvm::SmallVectorImpl<RawAnnotation> *lookup(const clang::Decl *D) const;
  bool empty() const { return ByDecl.empty(); }
  /// The annotated declarations, in the order they were first annotated.
  llvm::ArrayRef<const clang::Decl *> decls() const { return Order; }

private:
  llvm::DenseMap<const clang::Decl *, llvm::SmallVector<RawAnnotation, 2>> ByDecl;
  std::vector<const clang::Decl *> Order;
};

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_ANNOTATIONSTORE_H
