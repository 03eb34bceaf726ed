/*
 * storport.h -- irqlcheck test stand-in for a subset of the WDK's storport.h
 * (with the parts of srb.h and scsi.h a Storport miniport reaches through
 * it): HW_INITIALIZATION_DATA and the miniport callback roles it registers,
 * PORT_CONFIGURATION_INFORMATION, SCSI_REQUEST_BLOCK and
 * STORAGE_REQUEST_BLOCK basics, and the StorPortXxx support routines.
 *
 * Written from Microsoft's Storport reference pages; no WDK header text is
 * copied.  As in wdm.h every annotation expands to nothing outside Code
 * Analysis (see driverspecs.h).
 *
 * The callback typedefs carry _Function_class_ and, where the Storport
 * documentation gives one IRQL whatever the configuration, that IRQL
 * (HwStorFindAdapter at PASSIVE_LEVEL, HwStorBuildIo, HwStorResetBus and
 * the DPC and timer routines at DISPATCH_LEVEL, the interrupt routines at
 * DIRQL).  Where the IRQL depends on how the miniport configured itself
 * (HwStorInitialize and HwStorStartIo at DISPATCH_LEVEL in full-duplex mode,
 * at DIRQL in half-duplex mode; HwStorAdapterControl and HwStorUnitControl
 * by control type) the typedef says nothing and irqlcheck's Roles.def gives
 * the range as a bound.
 *
 * The kit defines StorPortInitializeDpc, StorPortIssueDpc,
 * StorPortAcquireSpinLock, StorPortReleaseSpinLock and
 * StorPortEnablePassiveInitialization as FORCEINLINE wrappers around
 * StorPortNotification; here they are plain prototypes (as wdf.h does for
 * the KMDF methods), so the kernel model's rows for them apply.
 * A virtual miniport includes wdm.h beside storport.h; this stand-in
 * includes it for the base types.
 */
#ifndef _NTSTORPORT_
#define _NTSTORPORT_

#include "wdm.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef STORPORT_API
#define STORPORT_API DECLSPEC_IMPORT
#endif

/* ======================================================================
 * Base types
 * ==================================================================== */
typedef PHYSICAL_ADDRESS STOR_PHYSICAL_ADDRESS, *PSTOR_PHYSICAL_ADDRESS;

/* wdm.h's bus types (this stand-in's wdm.h does not declare them). */
#ifndef _INTERFACE_TYPE_DEFINED
#define _INTERFACE_TYPE_DEFINED
typedef enum _INTERFACE_TYPE {
    InterfaceTypeUndefined = -1,
    Internal,
    Isa,
    Eisa,
    MicroChannel,
    TurboChannel,
    PCIBus,
    VMEBus,
    NuBus,
    PCMCIABus,
    CBus,
    MPIBus,
    MPSABus,
    ProcessorInternal,
    InternalPowerBus,
    PNPISABus,
    PNPBus,
    Vmcs,
    ACPIBus,
    MaximumInterfaceType
} INTERFACE_TYPE, *PINTERFACE_TYPE;
#endif

#define STOR_STATUS_SUCCESS                0x00000000L
#define STOR_STATUS_UNSUCCESSFUL           0xC1000001L
#define STOR_STATUS_NOT_IMPLEMENTED        0xC1000002L
#define STOR_STATUS_INSUFFICIENT_RESOURCES 0xC1000003L
#define STOR_STATUS_BUFFER_TOO_SMALL       0xC1000004L
#define STOR_STATUS_ACCESS_DENIED          0xC1000005L
#define STOR_STATUS_INVALID_PARAMETER      0xC1000006L
#define STOR_STATUS_BUSY                   0xC1000011L

#define SP_RETURN_NOT_FOUND     0
#define SP_RETURN_FOUND         1
#define SP_RETURN_ERROR         2
#define SP_RETURN_BAD_CONFIG    3

#define SP_UNTAGGED             ((UCHAR)~0)
#define SP_INTERNAL_ADAPTER_ERROR 0x00000006

typedef enum _STOR_SYNCHRONIZATION_MODEL {
    StorSynchronizeHalfDuplex,
    StorSynchronizeFullDuplex
} STOR_SYNCHRONIZATION_MODEL;

typedef enum _INTERRUPT_SYNCHRONIZATION_MODE {
    InterruptSupportNone,
    InterruptSynchronizeAll,
    InterruptSynchronizePerMessage
} INTERRUPT_SYNCHRONIZATION_MODE;

typedef enum _STOR_DMA_WIDTH {
    DmaUnknown,
    Dma32Bit,
    Dma64BitScatterGather,
    Dma64Bit
} STOR_DMA_WIDTH;

#define SCSI_DMA64_MINIPORT_SUPPORTED      0x01
#define SCSI_DMA64_MINIPORT_FULL64BIT_SUPPORTED 0x02

/* ======================================================================
 * SCSI request blocks (srb.h)
 * ==================================================================== */
#define SRB_FUNCTION_EXECUTE_SCSI        0x00
#define SRB_FUNCTION_IO_CONTROL          0x02
#define SRB_FUNCTION_SHUTDOWN            0x07
#define SRB_FUNCTION_FLUSH               0x08
#define SRB_FUNCTION_ABORT_COMMAND       0x10
#define SRB_FUNCTION_RESET_BUS           0x12
#define SRB_FUNCTION_RESET_DEVICE        0x13
#define SRB_FUNCTION_RESET_LOGICAL_UNIT  0x20
#define SRB_FUNCTION_POWER               0x24
#define SRB_FUNCTION_PNP                 0x25
#define SRB_FUNCTION_STORAGE_REQUEST_BLOCK 0x28

#define SRB_STATUS_PENDING               0x00
#define SRB_STATUS_SUCCESS               0x01
#define SRB_STATUS_ABORTED               0x02
#define SRB_STATUS_ERROR                 0x04
#define SRB_STATUS_BUSY                  0x05
#define SRB_STATUS_INVALID_REQUEST       0x06
#define SRB_STATUS_NO_DEVICE             0x08
#define SRB_STATUS_TIMEOUT               0x09
#define SRB_STATUS_SELECTION_TIMEOUT     0x0A
#define SRB_STATUS_BUS_RESET             0x0E
#define SRB_STATUS_DATA_OVERRUN          0x12
#define SRB_STATUS_INVALID_LUN           0x22
#define SRB_STATUS_INVALID_TARGET_ID     0x23
#define SRB_STATUS_BAD_FUNCTION          0x22
#define SRB_STATUS_INTERNAL_ERROR        0x30

#define SRB_FLAGS_DATA_IN                0x00000040
#define SRB_FLAGS_DATA_OUT               0x00000080
#define SRB_FLAGS_NO_DATA_TRANSFER       0x00000000

#define SCSISTAT_GOOD                    0x00
#define SCSISTAT_CHECK_CONDITION         0x02
#define SCSISTAT_BUSY                    0x08

#define SCSIOP_TEST_UNIT_READY           0x00
#define SCSIOP_REQUEST_SENSE             0x03
#define SCSIOP_INQUIRY                   0x12
#define SCSIOP_MODE_SENSE                0x1A
#define SCSIOP_READ_CAPACITY             0x25
#define SCSIOP_READ                      0x28
#define SCSIOP_WRITE                     0x2A
#define SCSIOP_VERIFY                    0x2F
#define SCSIOP_SYNCHRONIZE_CACHE         0x35
#define SCSIOP_REPORT_LUNS               0xA0
#define SCSIOP_READ16                    0x88
#define SCSIOP_WRITE16                   0x8A
#define SCSIOP_READ_CAPACITY16           0x9E

typedef union _CDB {
    struct {
        UCHAR OperationCode;
        UCHAR Reserved1 : 5;
        UCHAR LogicalUnitNumber : 3;
        UCHAR LogicalBlockByte0;
        UCHAR LogicalBlockByte1;
        UCHAR LogicalBlockByte2;
        UCHAR LogicalBlockByte3;
        UCHAR Reserved2;
        UCHAR TransferBlocksMsb;
        UCHAR TransferBlocksLsb;
        UCHAR Control;
    } CDB10;
    struct {
        UCHAR OperationCode;
        UCHAR Flags;
        UCHAR LogicalBlock[8];
        UCHAR TransferLength[4];
        UCHAR Reserved2;
        UCHAR Control;
    } CDB16;
    UCHAR AsByte[16];
} CDB, *PCDB;

typedef struct _SCSI_REQUEST_BLOCK {
    USHORT Length;
    UCHAR Function;
    UCHAR SrbStatus;
    UCHAR ScsiStatus;
    UCHAR PathId;
    UCHAR TargetId;
    UCHAR Lun;
    UCHAR QueueTag;
    UCHAR QueueAction;
    UCHAR CdbLength;
    UCHAR SenseInfoBufferLength;
    ULONG SrbFlags;
    ULONG DataTransferLength;
    ULONG TimeOutValue;
    PVOID DataBuffer;
    PVOID SenseInfoBuffer;
    struct _SCSI_REQUEST_BLOCK *NextSrb;
    PVOID OriginalRequest;
    PVOID SrbExtension;
    union {
        ULONG InternalStatus;
        ULONG QueueSortKey;
        ULONG LinkTimeoutValue;
    };
    ULONG Reserved;
    UCHAR Cdb[16];
} SCSI_REQUEST_BLOCK, *PSCSI_REQUEST_BLOCK;

/* The extended SRB (Windows 8): the fields a miniport reads through the
 * SrbGetXxx helpers; only the header is modelled. */
typedef struct _STORAGE_REQUEST_BLOCK {
    USHORT Length;
    UCHAR Function;
    UCHAR SrbStatus;
    ULONG ReservedUlong1;
    ULONG Signature;
    ULONG Version;
    ULONG SrbLength;
    ULONG SrbFunction;
    ULONG SrbFlags;
    ULONG ReservedUlong2;
    ULONG RequestTag;
    USHORT RequestPriority;
    USHORT RequestAttribute;
    ULONG TimeOutValue;
    ULONG SystemStatus;
    ULONG ZeroGuard1;
    ULONG AddressOffset;
    ULONG NumSrbExData;
    ULONG DataTransferLength;
    PVOID DataBuffer;
    PVOID ZeroGuard2;
    PVOID OriginalRequest;
    PVOID ClassContext;
    PVOID PortContext;
    PVOID MiniportContext;
    struct _STORAGE_REQUEST_BLOCK *NextSrb;
} STORAGE_REQUEST_BLOCK, *PSTORAGE_REQUEST_BLOCK;

#define SRB_SIGNATURE 0x53524258
#define SRB_TYPE_SCSI_REQUEST_BLOCK    0
#define SRB_TYPE_STORAGE_REQUEST_BLOCK 1
#define STORAGE_ADDRESS_TYPE_BTL8      0

typedef struct _STOR_SCATTER_GATHER_ELEMENT {
    STOR_PHYSICAL_ADDRESS PhysicalAddress;
    ULONG Length;
    ULONG_PTR Reserved;
} STOR_SCATTER_GATHER_ELEMENT, *PSTOR_SCATTER_GATHER_ELEMENT;

typedef struct _STOR_SCATTER_GATHER_LIST {
    ULONG NumberOfElements;
    ULONG_PTR Reserved;
    STOR_SCATTER_GATHER_ELEMENT List[1];
} STOR_SCATTER_GATHER_LIST, *PSTOR_SCATTER_GATHER_LIST;

typedef struct _ACCESS_RANGE {
    STOR_PHYSICAL_ADDRESS RangeStart;
    ULONG RangeLength;
    BOOLEAN RangeInMemory;
} ACCESS_RANGE, *PACCESS_RANGE;

/* ======================================================================
 * PORT_CONFIGURATION_INFORMATION (minimal: what HwStorFindAdapter fills)
 * ==================================================================== */
/* The MSI-X interrupt routine, given in HwMSInterruptRoutine: DIRQL. */
typedef
_Function_class_(HW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE)
_IRQL_requires_(HIGH_LEVEL) /* some DIRQL */
_IRQL_requires_same_
BOOLEAN
HW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE (
    _In_ PVOID HwDeviceExtension,
    _In_ ULONG MessageId
    );
typedef HW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE *PHW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE;

typedef struct _PORT_CONFIGURATION_INFORMATION {
    ULONG Length;
    ULONG SystemIoBusNumber;
    INTERFACE_TYPE AdapterInterfaceType;
    ULONG BusInterruptLevel;
    ULONG BusInterruptVector;
    KINTERRUPT_MODE InterruptMode;
    ULONG MaximumTransferLength;
    ULONG NumberOfPhysicalBreaks;
    ULONG DmaChannel;
    ULONG DmaPort;
    ULONG DmaWidth;
    ULONG DmaSpeed;
    ULONG AlignmentMask;
    ULONG NumberOfAccessRanges;
    ACCESS_RANGE (*AccessRanges)[];
    PVOID MiniportDumpData;
    UCHAR NumberOfBuses;
    UCHAR InitiatorBusId[8];
    BOOLEAN ScatterGather;
    BOOLEAN Master;
    BOOLEAN CachesData;
    BOOLEAN AdapterScansDown;
    BOOLEAN AtdiskPrimaryClaimed;
    BOOLEAN AtdiskSecondaryClaimed;
    BOOLEAN Dma32BitAddresses;
    BOOLEAN DemandMode;
    BOOLEAN MapBuffers;
    BOOLEAN NeedPhysicalAddresses;
    BOOLEAN TaggedQueuing;
    BOOLEAN AutoRequestSense;
    BOOLEAN MultipleRequestPerLu;
    BOOLEAN ReceiveEvent;
    BOOLEAN RealModeInitialized;
    BOOLEAN BufferAccessScsiPortControlled;
    UCHAR MaximumNumberOfTargets;
    UCHAR SrbType;
    UCHAR AddressType;
    UCHAR ReservedUchars[1];
    ULONG SlotNumber;
    ULONG BusInterruptLevel2;
    ULONG BusInterruptVector2;
    KINTERRUPT_MODE InterruptMode2;
    ULONG DmaChannel2;
    ULONG DmaPort2;
    ULONG DmaWidth2;
    ULONG DmaSpeed2;
    ULONG DeviceExtensionSize;
    ULONG SpecificLuExtensionSize;
    ULONG SrbExtensionSize;
    UCHAR Dma64BitAddresses;
    BOOLEAN ResetTargetSupported;
    UCHAR MaximumNumberOfLogicalUnits;
    BOOLEAN WmiDataProvider;
    STOR_SYNCHRONIZATION_MODEL SynchronizationModel;
    PHW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE HwMSInterruptRoutine;
    INTERRUPT_SYNCHRONIZATION_MODE InterruptSynchronizationMode;
    ULONG MaxNumberOfIO;
    ULONG MaxIOsPerLun;
    ULONG InitialLunQueueDepth;
    BOOLEAN BusResetHoldTime;
    ULONG FeatureSupport;
    ULONG VirtualDevice;
} PORT_CONFIGURATION_INFORMATION, *PPORT_CONFIGURATION_INFORMATION;

/* ======================================================================
 * Adapter and unit control types
 * ==================================================================== */
typedef enum _SCSI_ADAPTER_CONTROL_TYPE {
    ScsiQuerySupportedControlTypes = 0,
    ScsiStopAdapter,
    ScsiRestartAdapter,
    ScsiSetBootConfig,
    ScsiSetRunningConfig,
    ScsiPowerSettingNotification,
    ScsiAdapterPower,
    ScsiAdapterPoFxPowerRequired,
    ScsiAdapterPoFxPowerActive,
    ScsiAdapterPoFxPowerSetFState,
    ScsiAdapterPoFxPowerControl,
    ScsiAdapterPrepareForBusReScan,
    ScsiAdapterSystemPowerHints,
    ScsiAdapterFilterResourceRequirements,
    ScsiAdapterPoFxMaxOperationalPower,
    ScsiAdapterPoFxSetPerfState,
    ScsiAdapterSurpriseRemoval,
    ScsiAdapterSerialNumber,
    ScsiAdapterCryptoOperation,
    ScsiAdapterQueryFruId,
    ScsiAdapterSetEventLogging,
    ScsiAdapterControlMax,
    MakeAdapterControlTypeSizeOfUlong = 0xffffffff
} SCSI_ADAPTER_CONTROL_TYPE, *PSCSI_ADAPTER_CONTROL_TYPE;

typedef enum _SCSI_ADAPTER_CONTROL_STATUS {
    ScsiAdapterControlSuccess = 0,
    ScsiAdapterControlUnsuccessful
} SCSI_ADAPTER_CONTROL_STATUS, *PSCSI_ADAPTER_CONTROL_STATUS;

typedef struct _SCSI_SUPPORTED_CONTROL_TYPE_LIST {
    ULONG MaxControlType;
    BOOLEAN SupportedTypeList[1];
} SCSI_SUPPORTED_CONTROL_TYPE_LIST, *PSCSI_SUPPORTED_CONTROL_TYPE_LIST;

typedef enum _SCSI_UNIT_CONTROL_TYPE {
    ScsiQuerySupportedUnitControlTypes = 0,
    ScsiUnitUsage,
    ScsiUnitStart,
    ScsiUnitPower,
    ScsiUnitPoFxPowerInfo,
    ScsiUnitPoFxPowerRequired,
    ScsiUnitPoFxPowerActive,
    ScsiUnitPoFxPowerSetFState,
    ScsiUnitPoFxPowerControl,
    ScsiUnitRemove,
    ScsiUnitSurpriseRemoval,
    ScsiUnitRichDescription,
    ScsiUnitQueryBusType,
    ScsiUnitQueryFruId,
    ScsiUnitControlMax,
    MakeUnitControlTypeSizeOfUlong = 0xffffffff
} SCSI_UNIT_CONTROL_TYPE, *PSCSI_UNIT_CONTROL_TYPE;

typedef enum _SCSI_UNIT_CONTROL_STATUS {
    ScsiUnitControlSuccess = 0,
    ScsiUnitControlUnsuccessful
} SCSI_UNIT_CONTROL_STATUS, *PSCSI_UNIT_CONTROL_STATUS;

/* ======================================================================
 * Miniport callback roles
 * ==================================================================== */

/* HwStorInitialize: DISPATCH_LEVEL in full-duplex mode, DIRQL in
 * half-duplex mode (Roles.def: a bound). */
typedef
_Function_class_(HW_INITIALIZE)
_IRQL_requires_same_
BOOLEAN
HW_INITIALIZE (
    _In_ PVOID DeviceExtension
    );
typedef HW_INITIALIZE *PHW_INITIALIZE;

/* HwStorStartIo: DISPATCH_LEVEL (full duplex) or DIRQL (half duplex) under
 * the StartIo lock; a virtual miniport's at <= DISPATCH_LEVEL. */
typedef
_Function_class_(HW_STARTIO)
_IRQL_requires_same_
BOOLEAN
HW_STARTIO (
    _In_ PVOID DeviceExtension,
    _In_ PSCSI_REQUEST_BLOCK Srb
    );
typedef HW_STARTIO *PHW_STARTIO;

/* HwStorBuildIo: DISPATCH_LEVEL, without any Storport lock held. */
typedef
_Function_class_(HW_BUILDIO)
_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_requires_same_
BOOLEAN
HW_BUILDIO (
    _In_ PVOID DeviceExtension,
    _In_ PSCSI_REQUEST_BLOCK Srb
    );
typedef HW_BUILDIO *PHW_BUILDIO;

typedef
_Function_class_(HW_INTERRUPT)
_IRQL_requires_(HIGH_LEVEL) /* the WDK's stand-in for "some DIRQL" */
_IRQL_requires_same_
BOOLEAN
HW_INTERRUPT (
    _In_ PVOID DeviceExtension
    );
typedef HW_INTERRUPT *PHW_INTERRUPT;

/* HwStorFindAdapter: PASSIVE_LEVEL. */
typedef
_Function_class_(HW_FIND_ADAPTER)
_IRQL_requires_(PASSIVE_LEVEL)
_IRQL_requires_same_
ULONG
HW_FIND_ADAPTER (
    _In_ PVOID DeviceExtension,
    _In_ PVOID HwContext,
    _In_ PVOID BusInformation,
    _In_z_ PCHAR ArgumentString,
    _Inout_ PPORT_CONFIGURATION_INFORMATION ConfigInfo,
    _In_ PBOOLEAN Reserved3
    );
typedef HW_FIND_ADAPTER *PHW_FIND_ADAPTER;

/* HwStorResetBus: DISPATCH_LEVEL, holding the StartIo lock. */
typedef
_Function_class_(HW_RESET_BUS)
_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_requires_same_
BOOLEAN
HW_RESET_BUS (
    _In_ PVOID DeviceExtension,
    _In_ ULONG PathId
    );
typedef HW_RESET_BUS *PHW_RESET_BUS;

typedef
_Function_class_(HW_DMA_STARTED)
_IRQL_requires_same_
BOOLEAN
HW_DMA_STARTED (
    _In_ PVOID DeviceExtension
    );
typedef HW_DMA_STARTED *PHW_DMA_STARTED;

typedef
_Function_class_(HW_ADAPTER_STATE)
_IRQL_requires_same_
BOOLEAN
HW_ADAPTER_STATE (
    _In_ PVOID DeviceExtension,
    _In_ PVOID Context,
    _In_ BOOLEAN SaveState
    );
typedef HW_ADAPTER_STATE *PHW_ADAPTER_STATE;

/* HwStorAdapterControl: PASSIVE_LEVEL for the queries and configuration
 * types, DIRQL under the interrupt lock for ScsiStopAdapter and
 * ScsiRestartAdapter, <= DISPATCH_LEVEL for the power types. */
typedef
_Function_class_(HW_ADAPTER_CONTROL)
_IRQL_requires_same_
SCSI_ADAPTER_CONTROL_STATUS
HW_ADAPTER_CONTROL (
    _In_ PVOID DeviceExtension,
    _In_ SCSI_ADAPTER_CONTROL_TYPE ControlType,
    _In_ PVOID Parameters
    );
typedef HW_ADAPTER_CONTROL *PHW_ADAPTER_CONTROL;

/* HwStorUnitControl: PASSIVE_LEVEL or DISPATCH_LEVEL by control type. */
typedef
_Function_class_(HW_UNIT_CONTROL)
_IRQL_requires_same_
SCSI_UNIT_CONTROL_STATUS
HW_UNIT_CONTROL (
    _In_ PVOID DeviceExtension,
    _In_ SCSI_UNIT_CONTROL_TYPE ControlType,
    _In_ PVOID Parameters
    );
typedef HW_UNIT_CONTROL *PHW_UNIT_CONTROL;

typedef
_Function_class_(HW_FREE_ADAPTER_RESOURCES)
_IRQL_requires_same_
VOID
HW_FREE_ADAPTER_RESOURCES (
    _In_ PVOID DeviceExtension
    );
typedef HW_FREE_ADAPTER_RESOURCES *PHW_FREE_ADAPTER_RESOURCES;

/* Virtual miniports: the service-request IRP path runs at PASSIVE_LEVEL. */
typedef
_Function_class_(HW_PROCESS_SERVICE_REQUEST)
_IRQL_requires_(PASSIVE_LEVEL)
_IRQL_requires_same_
VOID
HW_PROCESS_SERVICE_REQUEST (
    _In_ PVOID DeviceExtension,
    _In_ PVOID Irp
    );
typedef HW_PROCESS_SERVICE_REQUEST *PHW_PROCESS_SERVICE_REQUEST;

typedef
_Function_class_(HW_COMPLETE_SERVICE_IRP)
_IRQL_requires_same_
VOID
HW_COMPLETE_SERVICE_IRP (
    _In_ PVOID DeviceExtension
    );
typedef HW_COMPLETE_SERVICE_IRP *PHW_COMPLETE_SERVICE_IRP;

typedef
_Function_class_(HW_INITIALIZE_TRACING)
_IRQL_requires_same_
VOID
HW_INITIALIZE_TRACING (
    _In_ PVOID Arg1,
    _In_ PVOID Arg2
    );
typedef HW_INITIALIZE_TRACING *PHW_INITIALIZE_TRACING;

typedef
_Function_class_(HW_CLEANUP_TRACING)
_IRQL_requires_same_
VOID
HW_CLEANUP_TRACING (
    _In_ PVOID Arg1
    );
typedef HW_CLEANUP_TRACING *PHW_CLEANUP_TRACING;

typedef
_Function_class_(HW_TRACING_ENABLED)
_IRQL_requires_same_
VOID
HW_TRACING_ENABLED (
    _In_ PVOID HwDeviceExtension,
    _In_ BOOLEAN Enabled
    );
typedef HW_TRACING_ENABLED *PHW_TRACING_ENABLED;

/* StorPortEnablePassiveInitialization's routine: PASSIVE_LEVEL. */
typedef
_Function_class_(HW_PASSIVE_INITIALIZE_ROUTINE)
_IRQL_requires_(PASSIVE_LEVEL)
_IRQL_requires_same_
BOOLEAN
HW_PASSIVE_INITIALIZE_ROUTINE (
    _In_ PVOID DeviceExtension
    );
typedef HW_PASSIVE_INITIALIZE_ROUTINE *PHW_PASSIVE_INITIALIZE_ROUTINE;

typedef struct _STOR_DPC {
    KDPC Dpc;
    ULONG_PTR Lock;
} STOR_DPC, *PSTOR_DPC;

/* StorPortInitializeDpc's routine: DISPATCH_LEVEL. */
typedef
_Function_class_(HW_DPC_ROUTINE)
_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_requires_same_
VOID
HW_DPC_ROUTINE (
    _In_ PSTOR_DPC Dpc,
    _In_ PVOID HwDeviceExtension,
    _In_opt_ PVOID SystemArgument1,
    _In_opt_ PVOID SystemArgument2
    );
typedef HW_DPC_ROUTINE *PHW_DPC_ROUTINE;

/* StorPortNotification(RequestTimerCall)'s routine: DISPATCH_LEVEL. */
typedef
_Function_class_(HW_TIMER)
_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_requires_same_
VOID
HW_TIMER (
    _In_ PVOID DeviceExtension
    );
typedef HW_TIMER *PHW_TIMER;

/* StorPortRequestTimer's routine: DISPATCH_LEVEL. */
typedef
_Function_class_(HW_TIMER_EX)
_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_requires_same_
VOID
HW_TIMER_EX (
    _In_ PVOID DeviceExtension,
    _In_opt_ PVOID Context
    );
typedef HW_TIMER_EX *PHW_TIMER_EX;

/* StorPortQueueWorkItem's routine: PASSIVE_LEVEL, in a system thread. */
typedef
_Function_class_(HW_WORKITEM)
_IRQL_requires_(PASSIVE_LEVEL)
_IRQL_requires_same_
VOID
HW_WORKITEM (
    _In_ PVOID HwDeviceExtension,
    _In_opt_ PVOID Context,
    _In_ PVOID Worker
    );
typedef HW_WORKITEM *PHW_WORKITEM;

/* ======================================================================
 * HW_INITIALIZATION_DATA: the callbacks a miniport gives StorPortInitialize
 * ==================================================================== */
typedef struct _HW_INITIALIZATION_DATA {
    ULONG HwInitializationDataSize;
    INTERFACE_TYPE AdapterInterfaceType;
    PHW_INITIALIZE HwInitialize;
    PHW_STARTIO HwStartIo;
    PHW_INTERRUPT HwInterrupt;
    PHW_FIND_ADAPTER HwFindAdapter;
    PHW_RESET_BUS HwResetBus;
    PHW_DMA_STARTED HwDmaStarted;
    PHW_ADAPTER_STATE HwAdapterState;
    ULONG DeviceExtensionSize;
    ULONG SpecificLuExtensionSize;
    ULONG SrbExtensionSize;
    ULONG NumberOfAccessRanges;
    PVOID Reserved;
    BOOLEAN MapBuffers;
    BOOLEAN NeedPhysicalAddresses;
    BOOLEAN TaggedQueuing;
    BOOLEAN AutoRequestSense;
    BOOLEAN MultipleRequestPerLu;
    BOOLEAN ReceiveEvent;
    USHORT VendorIdLength;
    PVOID VendorId;
    union {
        USHORT ReservedUshort;
        USHORT PortVersionFlags;
    };
    USHORT DeviceIdLength;
    PVOID DeviceId;
    PHW_ADAPTER_CONTROL HwAdapterControl;
    PHW_BUILDIO HwBuildIo;
    PHW_FREE_ADAPTER_RESOURCES HwFreeAdapterResources;
    PHW_PROCESS_SERVICE_REQUEST HwProcessServiceRequest;
    PHW_COMPLETE_SERVICE_IRP HwCompleteServiceIrp;
    PHW_INITIALIZE_TRACING HwInitializeTracing;
    PHW_CLEANUP_TRACING HwCleanupTracing;
    PHW_TRACING_ENABLED HwTracingEnabled;
    ULONG FeatureSupport;
    ULONG SrbTypeFlags;
    ULONG AddressTypeFlags;
    ULONG Reserved1;
    PHW_UNIT_CONTROL HwUnitControl;
} HW_INITIALIZATION_DATA, *PHW_INITIALIZATION_DATA;

#define STOR_FEATURE_VIRTUAL_MINIPORT          0x00000001
#define STOR_FEATURE_FULL_PNP_DEVICE_CAPABILITIES 0x00000040
#define SRB_TYPE_FLAG_SCSI_REQUEST_BLOCK       0x1
#define SRB_TYPE_FLAG_STORAGE_REQUEST_BLOCK    0x2
#define STORAGE_ADDRESS_TYPE_FLAG_BTL8         0x1

/* ======================================================================
 * Notifications and locks
 * ==================================================================== */
typedef enum _SCSI_NOTIFICATION_TYPE {
    RequestComplete,
    NextRequest,
    NextLuRequest,
    ResetDetected,
    _obsolete1,
    _obsolete2,
    RequestTimerCall,
    BusChangeDetected,
    WMIEvent,
    WMIReregister,
    LinkUp,
    LinkDown,
    QueryTickCount,
    BufferOverrunDetected,
    TraceNotification,
    GetExtendedFunctionTable,
    EnablePassiveInitialization = 0x1000,
    InitializeDpc,
    IssueDpc,
    AcquireSpinLock,
    ReleaseSpinLock,
    StateChangeDetectedCall,
    IoTargetRequestServiceTime,
    AsyncNotificationDetected,
    RequestComplete2
} SCSI_NOTIFICATION_TYPE, *PSCSI_NOTIFICATION_TYPE;

/* The Storport spin locks (documented values). InterruptLock raises to the
 * adapter's DIRQL; DpcLock and StartIoLock to DISPATCH_LEVEL. */
typedef enum _STOR_SPINLOCK {
    DpcLock = 1,
    StartIoLock,
    InterruptLock,
    ThreadedDpcLock,
    DpcLevelLock
} STOR_SPINLOCK;

/* The lock handle holds the IRQL StorPortAcquireSpinLock raised from. */
typedef struct _STOR_LOCK_HANDLE {
    STOR_SPINLOCK Lock;
    struct {
        struct {
            PVOID Next;
            PVOID Lock;
        } LockQueue;
        KIRQL OldIrql;
    } Context;
} STOR_LOCK_HANDLE, *PSTOR_LOCK_HANDLE;

STORPORT_API
ULONG
StorPortInitialize (
    _In_ PVOID Argument1,
    _In_ PVOID Argument2,
    _In_ struct _HW_INITIALIZATION_DATA *HwInitializationData,
    _In_opt_ PVOID HwContext
    );

STORPORT_API
VOID
__cdecl
StorPortNotification (
    _In_ SCSI_NOTIFICATION_TYPE NotificationType,
    _In_ PVOID HwDeviceExtension,
    ...
    );

STORPORT_API
VOID
StorPortAcquireSpinLock (
    _In_ PVOID DeviceExtension,
    _In_ STOR_SPINLOCK SpinLock,
    _In_opt_ PVOID LockContext,
    _Inout_ PSTOR_LOCK_HANDLE LockHandle
    );

STORPORT_API
VOID
StorPortReleaseSpinLock (
    _In_ PVOID DeviceExtension,
    _Inout_ PSTOR_LOCK_HANDLE LockHandle
    );

STORPORT_API
VOID
StorPortInitializeDpc (
    _In_ PVOID DeviceExtension,
    _Out_ PSTOR_DPC Dpc,
    _In_ PHW_DPC_ROUTINE HwDpcRoutine
    );

STORPORT_API
BOOLEAN
StorPortIssueDpc (
    _In_ PVOID DeviceExtension,
    _In_ PSTOR_DPC Dpc,
    _In_opt_ PVOID SystemArgument1,
    _In_opt_ PVOID SystemArgument2
    );

STORPORT_API
BOOLEAN
StorPortEnablePassiveInitialization (
    _In_ PVOID DeviceExtension,
    _In_ PHW_PASSIVE_INITIALIZE_ROUTINE HwPassiveInitializeRoutine
    );

/* ======================================================================
 * Memory, timers, work items
 * ==================================================================== */
_IRQL_requires_max_(DISPATCH_LEVEL)
STORPORT_API
PVOID
StorPortGetUncachedExtension (
    _In_ PVOID HwDeviceExtension,
    _In_ PPORT_CONFIGURATION_INFORMATION ConfigInfo,
    _In_ ULONG NumberOfBytes
    );

STORPORT_API
STOR_PHYSICAL_ADDRESS
StorPortGetPhysicalAddress (
    _In_ PVOID HwDeviceExtension,
    _In_opt_ PSCSI_REQUEST_BLOCK Srb,
    _In_ PVOID VirtualAddress,
    _Out_ ULONG *Length
    );

STORPORT_API
PSTOR_SCATTER_GATHER_LIST
StorPortGetScatterGatherList (
    _In_ PVOID DeviceExtension,
    _In_ PSCSI_REQUEST_BLOCK Srb
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
STORPORT_API
PVOID
StorPortGetDeviceBase (
    _In_ PVOID HwDeviceExtension,
    _In_ INTERFACE_TYPE BusType,
    _In_ ULONG SystemIoBusNumber,
    _In_ STOR_PHYSICAL_ADDRESS IoAddress,
    _In_ ULONG NumberOfBytes,
    _In_ BOOLEAN InIoSpace
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
STORPORT_API
ULONG
StorPortAllocatePool (
    _In_ PVOID HwDeviceExtension,
    _In_ ULONG NumberOfBytes,
    _In_ ULONG Tag,
    _Out_ PVOID *BufferPointer
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
STORPORT_API
ULONG
StorPortFreePool (
    _In_ PVOID HwDeviceExtension,
    _In_ PVOID BufferPointer
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
STORPORT_API
ULONG
StorPortInitializeTimer (
    _In_ PVOID HwDeviceExtension,
    _Out_ PVOID *TimerHandle
    );

STORPORT_API
ULONG
StorPortRequestTimer (
    _In_ PVOID HwDeviceExtension,
    _In_ PVOID TimerHandle,
    _In_ PHW_TIMER_EX TimerCallback,
    _In_opt_ PVOID CallbackContext,
    _In_ ULONGLONG TimerValue,
    _In_ ULONGLONG TolerableDelay
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
STORPORT_API
ULONG
StorPortFreeTimer (
    _In_ PVOID HwDeviceExtension,
    _In_ PVOID TimerHandle
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
STORPORT_API
ULONG
StorPortInitializeWorker (
    _In_ PVOID HwDeviceExtension,
    _Out_ PVOID *Worker
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
STORPORT_API
ULONG
StorPortQueueWorkItem (
    _In_ PVOID HwDeviceExtension,
    _In_ PHW_WORKITEM WorkItemCallback,
    _In_ PVOID Worker,
    _In_opt_ PVOID Context
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
STORPORT_API
ULONG
StorPortFreeWorker (
    _In_ PVOID HwDeviceExtension,
    _In_ PVOID Worker
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
STORPORT_API
BOOLEAN
StorPortRegistryRead (
    _In_ PVOID HwDeviceExtension,
    _In_ PUCHAR ValueName,
    _In_ ULONG Global,
    _In_ ULONG Type,
    _In_ PUCHAR Buffer,
    _Inout_ PULONG BufferLength
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
STORPORT_API
BOOLEAN
StorPortRegistryWrite (
    _In_ PVOID HwDeviceExtension,
    _In_ PUCHAR ValueName,
    _In_ ULONG Global,
    _In_ ULONG Type,
    _In_ PUCHAR Buffer,
    _In_ ULONG BufferLength
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
STORPORT_API
PUCHAR
StorPortAllocateRegistryBuffer (
    _In_ PVOID HwDeviceExtension,
    _In_ PULONG Length
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
STORPORT_API
VOID
StorPortFreeRegistryBuffer (
    _In_ PVOID HwDeviceExtension,
    _In_ PUCHAR Buffer
    );

/* ======================================================================
 * Requests, queues, registers, delays, logging (callable up to DIRQL or
 * at any IRQL: the kernel model's rows)
 * ==================================================================== */
STORPORT_API
BOOLEAN
StorPortBusy (
    _In_ PVOID HwDeviceExtension,
    _In_ ULONG RequestsToComplete
    );

STORPORT_API
BOOLEAN
StorPortReady (
    _In_ PVOID HwDeviceExtension
    );

STORPORT_API
BOOLEAN
StorPortPause (
    _In_ PVOID HwDeviceExtension,
    _In_ ULONG TimeOut
    );

STORPORT_API
BOOLEAN
StorPortResume (
    _In_ PVOID HwDeviceExtension
    );

STORPORT_API
VOID
StorPortCompleteRequest (
    _In_ PVOID HwDeviceExtension,
    _In_ UCHAR PathId,
    _In_ UCHAR TargetId,
    _In_ UCHAR Lun,
    _In_ UCHAR SrbStatus
    );

STORPORT_API
BOOLEAN
StorPortDeviceBusy (
    _In_ PVOID HwDeviceExtension,
    _In_ UCHAR PathId,
    _In_ UCHAR TargetId,
    _In_ UCHAR Lun,
    _In_ ULONG RequestsToComplete
    );

STORPORT_API
BOOLEAN
StorPortDeviceReady (
    _In_ PVOID HwDeviceExtension,
    _In_ UCHAR PathId,
    _In_ UCHAR TargetId,
    _In_ UCHAR Lun
    );

STORPORT_API
PVOID
StorPortGetLogicalUnit (
    _In_ PVOID HwDeviceExtension,
    _In_ UCHAR PathId,
    _In_ UCHAR TargetId,
    _In_ UCHAR Lun
    );

STORPORT_API
VOID
StorPortLogError (
    _In_ PVOID HwDeviceExtension,
    _In_opt_ PSCSI_REQUEST_BLOCK Srb,
    _In_ UCHAR PathId,
    _In_ UCHAR TargetId,
    _In_ UCHAR Lun,
    _In_ ULONG ErrorCode,
    _In_ ULONG UniqueId
    );

STORPORT_API
VOID
__cdecl
StorPortDebugPrint (
    _In_ ULONG DebugPrintLevel,
    _In_z_ PCCHAR DebugMessage,
    ...
    );

STORPORT_API
VOID
StorPortStallExecution (
    _In_ ULONG Delay
    );

STORPORT_API
VOID
StorPortMoveMemory (
    _Out_writes_bytes_(Length) PVOID WriteBuffer,
    _In_reads_bytes_(Length) PVOID ReadBuffer,
    _In_ ULONG Length
    );

/* The register routines are macros in the kit (StorPortReadRegisterUlong(h, r)),
 * mapped onto the HAL's volatile register accesses: no call, any IRQL. */
#define StorPortReadRegisterUlong(h, r) ((void)(h), *(volatile ULONG *)(r))
#define StorPortWriteRegisterUlong(h, r, v) ((void)(h), *(volatile ULONG *)(r) = (v))

STORPORT_API
ULONGLONG
StorPortConvertPhysicalAddressToUlong64 (
    _In_ STOR_PHYSICAL_ADDRESS Address
    );

STORPORT_API
ULONG
StorPortCompleteServiceIrp (
    _In_ PVOID HwDeviceExtension,
    _In_ PVOID Irp
    );

/* ======================================================================
 * Synchronizing with the interrupt routine
 * ==================================================================== */

/* StorPortSynchronizeAccess's routine: run with the interrupt lock held,
 * at the ISR's DIRQL. */
typedef
_Function_class_(STOR_SYNCHRONIZED_ACCESS)
_IRQL_requires_(HIGH_LEVEL) /* some DIRQL */
_IRQL_requires_same_
BOOLEAN
STOR_SYNCHRONIZED_ACCESS (
    _In_ PVOID HwDeviceExtension,
    _In_opt_ PVOID Context
    );
typedef STOR_SYNCHRONIZED_ACCESS *PSTOR_SYNCHRONIZED_ACCESS;

STORPORT_API
BOOLEAN
StorPortSynchronizeAccess (
    _In_ PVOID HwDeviceExtension,
    _In_ PSTOR_SYNCHRONIZED_ACCESS SynchronizedAccessRoutine,
    _In_opt_ PVOID Context
    );

/* The per-message locks (InterruptSynchronizePerMessage): callable at any
 * IRQL; *OldIrql keeps the IRQL for StorPortReleaseMSISpinLock. */
STORPORT_API
ULONG
StorPortAcquireMSISpinLock (
    _In_ PVOID HwDeviceExtension,
    _In_ ULONG MessageId,
    _Out_ PULONG OldIrql
    );

STORPORT_API
ULONG
StorPortReleaseMSISpinLock (
    _In_ PVOID HwDeviceExtension,
    _In_ ULONG MessageId,
    _In_ ULONG OldIrql
    );

#ifdef __cplusplus
}
#endif

#endif /* _NTSTORPORT_ */
