/*
 * wdmsupport.h -- irqlcheck test stand-in: wdm.h routines and constants that
 * the realistic drivers under test/drivers use and that this tree's wdm.h
 * does not declare yet (non-paged lookaside lists, RtlEqualUnicodeString,
 * InsertHeadList, the power-IRP helpers, a few status codes).  In the real
 * WDK they live in wdm.h; they are kept apart here so that wdm.h stays owned
 * by the tests that describe it.
 *
 * Written from Microsoft's documentation; no WDK header text is copied.
 * Annotations expand to nothing, as in wdm.h.
 */
#ifndef _IRQLCHECK_TEST_WDMSUPPORT_H
#define _IRQLCHECK_TEST_WDMSUPPORT_H

#include "wdm.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef STATUS_NO_SUCH_DEVICE
#define STATUS_NO_SUCH_DEVICE           ((NTSTATUS)0xC000000EL)
#endif
#ifndef STATUS_CONTINUE_COMPLETION
#define STATUS_CONTINUE_COMPLETION      STATUS_SUCCESS
#endif
#ifndef STATUS_NOT_SUPPORTED
#define STATUS_NOT_SUPPORTED            ((NTSTATUS)0xC00000BBL)
#endif
#ifndef STATUS_POWER_STATE_INVALID
#define STATUS_POWER_STATE_INVALID      ((NTSTATUS)0xC00002D3L)
#endif

#ifndef DECLARE_CONST_UNICODE_STRING
#define DECLARE_CONST_UNICODE_STRING(_var, _string)                          \
    const WCHAR _var##_buffer[] = _string;                                   \
    const UNICODE_STRING _var = { sizeof(_string) - sizeof(WCHAR),           \
                                  sizeof(_string), (PWCH)_var##_buffer }
#endif

#define IRP_MN_START_DEVICE             0x00
#define IRP_MN_QUERY_REMOVE_DEVICE      0x01
#define IRP_MN_REMOVE_DEVICE            0x02
#define IRP_MN_CANCEL_REMOVE_DEVICE     0x03
#define IRP_MN_STOP_DEVICE              0x04
#define IRP_MN_QUERY_STOP_DEVICE        0x05
#define IRP_MN_CANCEL_STOP_DEVICE       0x06
#define IRP_MN_SURPRISE_REMOVAL         0x17

#define IRP_MN_WAIT_WAKE                0x00
#define IRP_MN_POWER_SEQUENCE           0x01
#define IRP_MN_SET_POWER                0x02
#define IRP_MN_QUERY_POWER              0x03

FORCEINLINE
VOID
InsertHeadList (
    _Inout_ PLIST_ENTRY ListHead,
    _Out_ PLIST_ENTRY Entry
    )
{
    PLIST_ENTRY Flink = ListHead->Flink;

    Entry->Flink = Flink;
    Entry->Blink = ListHead;
    Flink->Blink = Entry;
    ListHead->Flink = Entry;
}

/* ======================================================================
 * Non-paged lookaside lists
 * ==================================================================== */
typedef
_IRQL_requires_same_
_Function_class_(ALLOCATE_FUNCTION)
PVOID
NTAPI
ALLOCATE_FUNCTION (
    _In_ POOL_TYPE PoolType,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Tag
    );
typedef ALLOCATE_FUNCTION *PALLOCATE_FUNCTION;

typedef
_IRQL_requires_same_
_Function_class_(FREE_FUNCTION)
VOID
NTAPI
FREE_FUNCTION (
    _In_ PVOID Buffer
    );
typedef FREE_FUNCTION *PFREE_FUNCTION;

typedef struct _NPAGED_LOOKASIDE_LIST {
    SINGLE_LIST_ENTRY ListHead;
    USHORT Depth;
    USHORT MaximumDepth;
    ULONG TotalAllocates;
    ULONG AllocateMisses;
    ULONG TotalFrees;
    ULONG FreeMisses;
    POOL_TYPE Type;
    ULONG Tag;
    ULONG Size;
    PALLOCATE_FUNCTION Allocate;
    PFREE_FUNCTION Free;
    LIST_ENTRY ListEntry;
    KSPIN_LOCK Lock;
} NPAGED_LOOKASIDE_LIST, *PNPAGED_LOOKASIDE_LIST;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
NTAPI
ExInitializeNPagedLookasideList (
    _Out_ PNPAGED_LOOKASIDE_LIST Lookaside,
    _In_opt_ PALLOCATE_FUNCTION Allocate,
    _In_opt_ PFREE_FUNCTION Free,
    _In_ ULONG Flags,
    _In_ SIZE_T Size,
    _In_ ULONG Tag,
    _In_ USHORT Depth
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
NTAPI
ExDeleteNPagedLookasideList (
    _Inout_ PNPAGED_LOOKASIDE_LIST Lookaside
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
_Ret_maybenull_
NTKERNELAPI
PVOID
NTAPI
ExAllocateFromNPagedLookasideList (
    _Inout_ PNPAGED_LOOKASIDE_LIST Lookaside
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
NTAPI
ExFreeToNPagedLookasideList (
    _Inout_ PNPAGED_LOOKASIDE_LIST Lookaside,
    _In_ PVOID Entry
    );

/* ======================================================================
 * IRPs a driver allocates and reuses
 * ==================================================================== */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
NTAPI
IoReuseIrp (
    _Inout_ PIRP Irp,
    _In_ NTSTATUS Iostatus
    );

/* ======================================================================
 * Strings
 * ==================================================================== */
_IRQL_requires_max_(PASSIVE_LEVEL)
_Must_inspect_result_
NTSYSAPI
BOOLEAN
NTAPI
RtlEqualUnicodeString (
    _In_ PCUNICODE_STRING String1,
    _In_ PCUNICODE_STRING String2,
    _In_ BOOLEAN CaseInSensitive
    );

/* ======================================================================
 * Power IRPs
 * ==================================================================== */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
NTAPI
PoStartNextPowerIrp (
    _Inout_ PIRP Irp
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
NTSTATUS
NTAPI
PoCallDriver (
    _In_ PDEVICE_OBJECT DeviceObject,
    _Inout_ PIRP Irp
    );

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* _IRQLCHECK_TEST_WDMSUPPORT_H */
