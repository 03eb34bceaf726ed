// Style (b), FileCheck: compiling the driver's queue.c gives no irqlcheck
// finding, on stderr nor in the SARIF log.
// RUN: %irqlcheck_cc %irqlcheck_sarif -c %driver/queue.c -o %t.o 2>&1 | FileCheck %s --allow-empty
// RUN: %irqlcheck_sarif_text %t.sarif | FileCheck %s --allow-empty
// CHECK-NOT: [irql-
