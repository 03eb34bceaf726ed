// Registrations in C++ (the plugin must never break a build): a template
// that creates a queue with dependent arguments, a lambda inside a
// pre-operation (its returns are not the pre-operation's), and operation
// registrations in a class template's static member. Nothing crashes, and
// the results are the conservative ones: a non-constant ExecutionLevel
// leaves the level open; the pre-operation returns only constants that keep
// the post-operation synchronous.
//
// RUN: %wdk_cc1 -x c++ -std=c++17 -emit-obj -o %t.o -plugin-arg-irqlcheck dump-contracts %s \
// RUN:   | FileCheck %s
// CHECK-DAG: contract Post: max=APC_LEVEL same class=PFLT_POST_OPERATION_CALLBACK [registered with .PostOperation; role PFLT_POST_OPERATION_CALLBACK; after FLT_PREOP_SYNCHRONIZE]
// CHECK-DAG: contract Rd: same class=EVT_WDF_IO_QUEUE_IO_READ [registered with MakeQueue; class EVT_WDF_IO_QUEUE_IO_READ; execution level not known here]

#include <fltkernel.h>
#include <wdf.h>
template <typename T> NTSTATUS MakeQueue(T Device, PFN_WDF_IO_QUEUE_IO_READ Read, WDF_EXECUTION_LEVEL L) {
  WDF_IO_QUEUE_CONFIG Config;
  WDF_OBJECT_ATTRIBUTES A;
  WDF_IO_QUEUE_CONFIG_INIT(&Config, WdfIoQueueDispatchParallel);
  Config.EvtIoRead = Read;
  A.ExecutionLevel = L;
  WdfObjectAcquireLock(Device);
  return WdfIoQueueCreate(Device, &Config, &A, nullptr);
}
static FLT_PREOP_CALLBACK_STATUS Pre(PFLT_CALLBACK_DATA D, PCFLT_RELATED_OBJECTS O, PVOID *C) {
  auto F = []() { return FLT_PREOP_SUCCESS_WITH_CALLBACK; };
  (void)F;
  return sizeof(int) == 4 ? FLT_PREOP_SYNCHRONIZE : FLT_PREOP_COMPLETE;
}
static FLT_POSTOP_CALLBACK_STATUS Post(PFLT_CALLBACK_DATA, PCFLT_RELATED_OBJECTS, PVOID, FLT_POST_OPERATION_FLAGS) { return FLT_POSTOP_FINISHED_PROCESSING; }
template <int N> struct Reg { static const FLT_OPERATION_REGISTRATION Ops[]; };
template <int N> const FLT_OPERATION_REGISTRATION Reg<N>::Ops[] = {{IRP_MJ_CLEANUP, 0, Pre, Post}, {N}};
const FLT_OPERATION_REGISTRATION Ops2[] = {{IRP_MJ_CLEANUP, 0, Pre, Post}, {IRP_MJ_OPERATION_END}};
static VOID Rd(WDFQUEUE, WDFREQUEST, SIZE_T) {}
NTSTATUS Use(WDFDEVICE D) { return MakeQueue(D, Rd, WdfExecutionLevelPassive) + (NTSTATUS)Reg<0x80>::Ops[0].MajorFunction; }
