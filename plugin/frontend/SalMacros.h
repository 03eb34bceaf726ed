//===- SalMacros.h - Give the empty SAL IRQL macros a meaning -------------===//
//
// Under clang the WDK's and mingw-w64's SAL IRQL macros expand to nothing.
// irqlcheck predefines them to expand to its attributes, and when a header
// later defines one of them (empty), puts its own definition back. The user
// changes no header and no source.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_SALMACROS_H
#define IRQLCHECK_FRONTEND_SALMACROS_H

#include <string>

namespace clang {
class Preprocessor;
}

namespace irqlcheck {

/// The #defines appended to the predefines buffer.
std::string salMacroPredefines();

/// Installs the callback that restores the plugin's definitions after a
/// header redefines them. Call before the main file is entered.
void installSalMacroGuard(clang::Preprocessor &PP);

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_SALMACROS_H
