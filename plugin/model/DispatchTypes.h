//===- DispatchTypes.h - Entry IRQL of a dispatch routine, by major -------===//
//
// The major functions a DRIVER_DISPATCH routine serves (IRP_MJ_CLOSE, ...)
// tell at which IRQL the I/O manager calls it; DispatchTypes.def holds the
// documented table. A set of majors is a bit mask over the IRP_MJ_ codes.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_MODEL_DISPATCHTYPES_H
#define IRQLCHECK_MODEL_DISPATCHTYPES_H

#include "model/Irql.h"

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace irqlcheck {

/// The IRP_MJ_ code of a major function's name ("IRP_MJ_CLOSE" -> 2).
std::optional<unsigned> dispatchTypeCode(llvm::StringRef Major);
/// Is Code an IRP_MJ_ code the table knows?
bool isDispatchTypeCode(int64_t Code);

/// The major functions one routine serves.
class DispatchTypes {
public:
  void add(unsigned Code) { Mask |= uint32_t(1) << Code; }
  void addAll(const DispatchTypes &O) { Mask |= O.Mask; }
  bool empty() const { return Mask == 0; }
  /// The highest IRQL the routine is called at: the top of the union of the
  /// majors' ranges.
  Level maxLevel() const;
  /// "IRP_MJ_READ, IRP_MJ_WRITE".
  std::string names() const;

private:
  uint32_t Mask = 0; // bit N: IRP_MJ_ code N (codes are 0..0x1b)
};

} // namespace irqlcheck

#endif // IRQLCHECK_MODEL_DISPATCHTYPES_H
