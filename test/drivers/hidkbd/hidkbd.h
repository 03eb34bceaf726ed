/*
 * hidkbd.h -- private header of HidKbd, a HID keyboard client driver: it
 * opens the HID collection below it, keeps one read IRP circulating, turns
 * each input report into key events and hands them to a registered
 * consumer through a callback.
 *
 * A test input for irqlcheck: realistic code in the WDK's annotated style
 * that must compile silently.  The HID parser header comes first, before
 * ntddk.h, as in many HID drivers.
 */
#ifndef HIDKBD_H
#define HIDKBD_H

#include <hidpi.h>
#include <ntddk.h>
#include <wdmsupport.h>

#define KBD_POOL_TAG            'dbKH'
#define KBD_MAX_KEYS            16

/* from hidclass.h */
#define FILE_DEVICE_KEYBOARD    0x0000000b
#define HID_CTL_CODE(id) \
    CTL_CODE(FILE_DEVICE_KEYBOARD, (id), METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_HID_GET_COLLECTION_INFORMATION    HID_CTL_CODE(106)
#define IOCTL_HID_GET_COLLECTION_DESCRIPTOR     HID_CTL_CODE(100)

typedef struct _HID_COLLECTION_INFORMATION {
    ULONG DescriptorSize;
    BOOLEAN Polled;
    UCHAR Reserved1[1];
    USHORT VendorID;
    USHORT ProductID;
    USHORT VersionNumber;
} HID_COLLECTION_INFORMATION, *PHID_COLLECTION_INFORMATION;

/* a key went down or up; called at DISPATCH_LEVEL */
typedef
_Function_class_(KBD_KEY_CALLBACK)
_IRQL_requires_(DISPATCH_LEVEL)
VOID
KBD_KEY_CALLBACK (
    _In_opt_ PVOID Context,
    _In_ USAGE Usage,
    _In_ BOOLEAN Down
    );
typedef KBD_KEY_CALLBACK *PKBD_KEY_CALLBACK;

typedef struct _KBD_EXTENSION {
    PDEVICE_OBJECT Self;
    PDEVICE_OBJECT LowerDevice;

    PHIDP_PREPARSED_DATA PreparsedData;
    HIDP_CAPS Caps;
    ULONG MaxUsages;

    /* the circulating read */
    PIRP ReadIrp;
    PCHAR ReportBuffer;
    KEVENT ReadStopped;
    volatile LONG Stopping;

    /* keys held down in the previous report */
    KSPIN_LOCK KeyLock;
    USAGE PreviousKeys[KBD_MAX_KEYS];
    ULONG PreviousCount;
    USAGE CurrentKeys[KBD_MAX_KEYS];

    PKBD_KEY_CALLBACK Consumer;
    PVOID ConsumerContext;
} KBD_EXTENSION, *PKBD_EXTENSION;

/* device.c */
DRIVER_INITIALIZE DriverEntry;
DRIVER_ADD_DEVICE KbdAddDevice;
DRIVER_UNLOAD KbdUnload;
_Dispatch_type_(IRP_MJ_PNP) DRIVER_DISPATCH KbdDispatchPnp;
DRIVER_DISPATCH KbdDispatchPassThrough;

/* report.c */
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS KbdPrepareReports(_Inout_ PKBD_EXTENSION Ext);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS KbdStartRead(_Inout_ PKBD_EXTENSION Ext);
_IRQL_requires_(PASSIVE_LEVEL)
VOID KbdStopRead(_Inout_ PKBD_EXTENSION Ext);

#endif /* HIDKBD_H */
