/*
 * pcidev.h -- private header of the PciDev sample block device: a PCI
 * controller with one command ring, programmed I/O, an interrupt, a DPC for
 * the ISR, StartIo serialization and a watchdog timer.
 *
 * A test input for irqlcheck: realistic code in the WDK's annotated style
 * that must compile silently, except for the lines marked BUG(irql).
 */
#ifndef PCIDEV_H
#define PCIDEV_H

#include <ntddk.h>
#include <wdmsupport.h>

#define PCI_POOL_TAG            'vdcP'
#define PCI_RING_SLOTS          32
#define PCI_WATCHDOG_SECONDS    4

/* controller registers (memory-mapped) */
typedef struct _PCI_REGISTERS {
    volatile ULONG Control;
    volatile ULONG Status;
    volatile ULONG InterruptMask;
    volatile ULONG InterruptCause;
    volatile ULONG RingHead;
    volatile ULONG RingTail;
    volatile ULONG Doorbell;
    volatile ULONG Data[16];
} PCI_REGISTERS, *PPCI_REGISTERS;

#define PCI_STATUS_READY        0x00000001
#define PCI_STATUS_ERROR        0x00000002
#define PCI_CAUSE_COMPLETION    0x00000001
#define PCI_CAUSE_ERROR         0x00000002
#define PCI_CONTROL_RESET       0x80000000
#define PCI_CONTROL_ENABLE      0x00000001

typedef enum _PCI_POWER {
    PciPowerOn,
    PciPowerSuspending,
    PciPowerOff
} PCI_POWER;

typedef struct _PCI_SLOT {
    PIRP Irp;
    ULONG Sector;
    ULONG Length;
    BOOLEAN Write;
} PCI_SLOT, *PPCI_SLOT;

typedef struct _PCI_EXTENSION {
    PDEVICE_OBJECT Self;
    PDEVICE_OBJECT LowerDevice;
    PDEVICE_OBJECT PhysicalDevice;

    PPCI_REGISTERS Registers;
    PKINTERRUPT Interrupt;
    KIRQL InterruptIrql;

    /* written by the ISR, read by the DPC: guarded by the interrupt lock */
    ULONG PendingCauses;
    ULONG SpuriousInterrupts;

    /* the ring: guarded by RingLock at DISPATCH_LEVEL */
    KSPIN_LOCK RingLock;
    PCI_SLOT Ring[PCI_RING_SLOTS];
    ULONG RingHead;
    ULONG RingTail;
    ULONG InFlight;

    /* the watchdog */
    LONG WatchdogTicks;
    ULONG Resets;

    PCI_POWER Power;
    BOOLEAN Started;
    BOOLEAN Removed;
} PCI_EXTENSION, *PPCI_EXTENSION;

/* pnp.c */
DRIVER_INITIALIZE DriverEntry;
DRIVER_ADD_DEVICE PciAddDevice;
DRIVER_UNLOAD PciUnload;
_Dispatch_type_(IRP_MJ_PNP) DRIVER_DISPATCH PciDispatchPnp;
_Dispatch_type_(IRP_MJ_CREATE) _Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH PciCreateClose;

/* io.c */
_Dispatch_type_(IRP_MJ_READ) _Dispatch_type_(IRP_MJ_WRITE) DRIVER_DISPATCH PciReadWrite;
DRIVER_STARTIO PciStartIo;
IO_TIMER_ROUTINE PciWatchdog;
_IRQL_requires_(DISPATCH_LEVEL)
VOID PciCompleteSlots(_Inout_ PPCI_EXTENSION Ext, _In_ ULONG Causes);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID PciFailAllSlots(_Inout_ PPCI_EXTENSION Ext, _In_ NTSTATUS Status);

/* power.c */
_Dispatch_type_(IRP_MJ_POWER) DRIVER_DISPATCH PciDispatchPower;

/* isr.c */
KSERVICE_ROUTINE PciInterruptService;
IO_DPC_ROUTINE PciDpcForIsr;
KSYNCHRONIZE_ROUTINE PciSyncEnableInterrupts;
KSYNCHRONIZE_ROUTINE PciSyncDisableInterrupts;
KSYNCHRONIZE_ROUTINE PciSyncRingDoorbell;
_IRQL_requires_max_(DIRQL)
VOID PciWriteRegister(_In_ PPCI_EXTENSION Ext, _In_ ULONG Offset, _In_ ULONG Value);
_IRQL_requires_max_(DIRQL)
ULONG PciReadRegister(_In_ PPCI_EXTENSION Ext, _In_ ULONG Offset);
_IRQL_requires_max_(DISPATCH_LEVEL)
ULONG PciTakePendingCauses(_Inout_ PPCI_EXTENSION Ext);
_IRQL_requires_max_(SYNCH_LEVEL)
VOID PciResetController(_Inout_ PPCI_EXTENSION Ext);

#endif /* PCIDEV_H */
