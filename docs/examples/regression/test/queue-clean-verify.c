// Style (a), -verify: the driver's queue.c must stay clean. -verify fails the
// compile on any diagnostic this file does not expect, and it expects none.
// RUN: %irqlcheck_cc -Xclang -verify -c %s -o %t.o
// expected-no-diagnostics
#include "../driver/queue.c"
