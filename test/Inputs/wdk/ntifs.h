/*
 * ntifs.h -- irqlcheck test stand-in for the WDK's ntifs.h: ntddk.h plus a
 * few process/thread and file-system-support routines (no FsRtl/Flt
 * structures).  See wdm.h for the conventions; every annotation expands to
 * nothing.
 */
#ifndef _NTIFS_
#define _NTIFS_

#include "ntddk.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct _KAPC_STATE {
    LIST_ENTRY ApcListHead[2];
    PKPROCESS Process;
    UCHAR Reserved[8];
} KAPC_STATE, *PKAPC_STATE, *PRKAPC_STATE;

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI
NTSTATUS
NTAPI
PsLookupProcessByProcessId (
    _In_ HANDLE ProcessId,
    _Outptr_ PEPROCESS *Process
    );

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI
NTSTATUS
NTAPI
PsLookupThreadByThreadId (
    _In_ HANDLE ThreadId,
    _Outptr_ PETHREAD *Thread
    );

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI
VOID
NTAPI
KeStackAttachProcess (
    _Inout_ PRKPROCESS Process,
    _Out_ PRKAPC_STATE ApcState
    );

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI
VOID
NTAPI
KeUnstackDetachProcess (
    _In_ PRKAPC_STATE ApcState
    );

_Requires_lock_not_held_(*SpinLock)
_Acquires_lock_(*SpinLock)
_IRQL_raises_(SYNCH_LEVEL)
_IRQL_saves_
NTKERNELAPI
KIRQL
#if defined(_X86_)
FASTCALL
#else
NTAPI
#endif
KeAcquireSpinLockRaiseToSynch (
    _Inout_ PKSPIN_LOCK SpinLock
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI
NTSTATUS
NTAPI
ObOpenObjectByPointer (
    _In_ PVOID Object,
    _In_ ULONG HandleAttributes,
    _In_opt_ PVOID PassedAccessState,
    _In_ ACCESS_MASK DesiredAccess,
    _In_opt_ POBJECT_TYPE ObjectType,
    _In_ KPROCESSOR_MODE AccessMode,
    _Out_ PHANDLE Handle
    );

/* legacy spelling */
__drv_maxIRQL(PASSIVE_LEVEL)
NTSYSAPI
NTSTATUS
NTAPI
ZwFlushBuffersFile (
    __in HANDLE FileHandle,
    __out PIO_STATUS_BLOCK IoStatusBlock
    );

/* a file system enters a critical region around its work */
#define FsRtlEnterFileSystem() KeEnterCriticalRegion()
#define FsRtlExitFileSystem() KeLeaveCriticalRegion()

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* _NTIFS_ */
