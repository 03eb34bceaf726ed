/*
 * hidpi.h -- irqlcheck test stand-in for a subset of the WDK's hidpi.h, the
 * HID report parser that HID client drivers call.
 *
 * Written from Microsoft's hidpi reference pages; no WDK header text is
 * copied.  Like the kit's header it does not include wdm.h, so a driver may
 * include it first: its annotations then name PASSIVE_LEVEL and
 * DISPATCH_LEVEL before any header has defined them, which is how the WDK's
 * HID headers are written.  Annotations expand to nothing outside Code
 * Analysis (driverspecs.h).
 */
#ifndef __HIDPI_H__
#define __HIDPI_H__

#include "driverspecs.h"

#ifdef __cplusplus
extern "C" {
#endif

#if !defined(_WDMDDK_)
/* the same types wdm.h declares; C11 allows the repetition */
typedef long NTSTATUS;
#endif

typedef unsigned short USAGE, *PUSAGE;
typedef struct _HIDP_PREPARSED_DATA *PHIDP_PREPARSED_DATA;

typedef enum _HIDP_REPORT_TYPE {
    HidP_Input,
    HidP_Output,
    HidP_Feature
} HIDP_REPORT_TYPE;

typedef struct _HIDP_CAPS {
    USAGE Usage;
    USAGE UsagePage;
    unsigned short InputReportByteLength;
    unsigned short OutputReportByteLength;
    unsigned short FeatureReportByteLength;
    unsigned short Reserved[17];
    unsigned short NumberLinkCollectionNodes;
    unsigned short NumberInputButtonCaps;
    unsigned short NumberInputValueCaps;
    unsigned short NumberInputDataIndices;
    unsigned short NumberOutputButtonCaps;
    unsigned short NumberOutputValueCaps;
    unsigned short NumberOutputDataIndices;
    unsigned short NumberFeatureButtonCaps;
    unsigned short NumberFeatureValueCaps;
    unsigned short NumberFeatureDataIndices;
} HIDP_CAPS, *PHIDP_CAPS;

#define HIDP_ERROR_CODES(SEV, CODE) ((NTSTATUS)(((SEV) << 28) | (0x11 << 16) | (CODE)))
#define HIDP_STATUS_SUCCESS                 (HIDP_ERROR_CODES(0x0, 0))
#define HIDP_STATUS_INVALID_PREPARSED_DATA  (HIDP_ERROR_CODES(0xC, 1))
#define HIDP_STATUS_BUFFER_TOO_SMALL        (HIDP_ERROR_CODES(0xC, 7))
#define HIDP_STATUS_USAGE_NOT_FOUND         (HIDP_ERROR_CODES(0xC, 4))

#define HID_USAGE_PAGE_GENERIC              ((USAGE)0x01)
#define HID_USAGE_PAGE_KEYBOARD             ((USAGE)0x07)
#define HID_USAGE_PAGE_LED                  ((USAGE)0x08)
#define HID_USAGE_GENERIC_KEYBOARD          ((USAGE)0x06)

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
__stdcall
HidP_GetCaps (
    _In_ PHIDP_PREPARSED_DATA PreparsedData,
    _Out_ PHIDP_CAPS Capabilities
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
unsigned long
__stdcall
HidP_MaxUsageListLength (
    _In_ HIDP_REPORT_TYPE ReportType,
    _In_ USAGE UsagePage,
    _In_ PHIDP_PREPARSED_DATA PreparsedData
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
__stdcall
HidP_GetUsages (
    _In_ HIDP_REPORT_TYPE ReportType,
    _In_ USAGE UsagePage,
    _In_ unsigned short LinkCollection,
    _Out_ PUSAGE UsageList,
    _Inout_ unsigned long *UsageLength,
    _In_ PHIDP_PREPARSED_DATA PreparsedData,
    _In_reads_bytes_(ReportLength) char *Report,
    _In_ unsigned long ReportLength
    );

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* __HIDPI_H__ */
