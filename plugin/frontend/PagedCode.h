//===- PagedCode.h - Find PAGED_CODE() markers ----------------------------===//
//
// PAGED_CODE() expands to nothing in free builds, so it leaves no trace in
// the AST. The preprocessor still sees every expansion; this records them so
// that ContractBuilder can attribute each one to its function.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_PAGEDCODE_H
#define IRQLCHECK_FRONTEND_PAGEDCODE_H

namespace clang {
class Preprocessor;
}

namespace irqlcheck {
struct FrontendState;

void installPagedCodeRecorder(clang::Preprocessor &PP, FrontendState &State);

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_PAGEDCODE_H
