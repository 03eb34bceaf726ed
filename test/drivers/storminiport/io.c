/*
 * io.c -- Sxp: the request path. HwStorBuildIo translates the CDB and the
 * scatter/gather list into a ring command without locks; HwStorStartIo
 * (StartIo lock held, full duplex) assigns a tag, copies the command into
 * the submission ring and rings the doorbell; SRBs the adapter does not
 * see (INQUIRY, READ CAPACITY, resets, power, PnP) are answered here.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "sxp.h"

static const UCHAR SxpInquiryVendor[8] = { 'S', 'X', 'P', ' ', ' ', ' ', ' ', ' ' };
static const UCHAR SxpInquiryProduct[16] = { 'S', 'X', 'P', ' ', 'P', 'C', 'I', 'e',
                                             ' ', 'D', 'i', 's', 'k', ' ', ' ', ' ' };

typedef struct _SXP_INQUIRY_DATA {
    UCHAR DeviceType;
    UCHAR RemovableMedia;
    UCHAR Versions;
    UCHAR ResponseDataFormat;
    UCHAR AdditionalLength;
    UCHAR Reserved[2];
    UCHAR Flags;
    UCHAR VendorId[8];
    UCHAR ProductId[16];
    UCHAR ProductRevisionLevel[4];
} SXP_INQUIRY_DATA, *PSXP_INQUIRY_DATA;

static ULONG
SxpBigEndian32(
    _In_reads_(4) const UCHAR *Bytes
    )
{
    return ((ULONG)Bytes[0] << 24) | ((ULONG)Bytes[1] << 16) |
           ((ULONG)Bytes[2] << 8) | (ULONG)Bytes[3];
}

static VOID
SxpStoreBigEndian32(
    _Out_writes_bytes_(4) UCHAR *Bytes,
    _In_ ULONG Value
    )
{
    Bytes[0] = (UCHAR)(Value >> 24);
    Bytes[1] = (UCHAR)(Value >> 16);
    Bytes[2] = (UCHAR)(Value >> 8);
    Bytes[3] = (UCHAR)Value;
}

static PSXP_LUN_EXTENSION
SxpLun(
    _In_ PSXP_ADAPTER Adapter,
    _In_ PSCSI_REQUEST_BLOCK Srb
    )
{
    return (PSXP_LUN_EXTENSION)StorPortGetLogicalUnit(Adapter, Srb->PathId, Srb->TargetId,
                                                      Srb->Lun);
}

/*
 * Completes an SRB and asks for the next one. Callable from StartIo, the
 * DPC and the timer (DISPATCH_LEVEL or above).
 */
VOID
SxpCompleteSrb(
    _In_ PSXP_ADAPTER Adapter,
    _In_ PSCSI_REQUEST_BLOCK Srb,
    _In_ UCHAR SrbStatus
    )
{
    Srb->SrbStatus = SrbStatus;
    if (SrbStatus != SRB_STATUS_SUCCESS) {
        Adapter->Stats.Errors++;
    }
    StorPortNotification(RequestComplete, Adapter, Srb);
}

/*
 * Fails every outstanding request (bus reset, fatal adapter error). The
 * caller holds the StartIo lock, or runs with it held by Storport.
 */
VOID
SxpFailOutstanding(
    _In_ PSXP_ADAPTER Adapter,
    _In_ UCHAR SrbStatus
    )
{
    ULONG tag;

    for (tag = 0; tag < SXP_RING_DEPTH; tag++) {
        PSCSI_REQUEST_BLOCK srb = Adapter->Outstanding[tag];
        if (srb != NULL) {
            Adapter->Outstanding[tag] = NULL;
            Adapter->OutstandingCount--;
            SxpCompleteSrb(Adapter, srb, SrbStatus);
        }
    }
}

static BOOLEAN
SxpBuildScatterGather(
    _In_ PSXP_ADAPTER Adapter,
    _In_ PSCSI_REQUEST_BLOCK Srb,
    _Inout_ PSXP_COMMAND Command
    )
{
    PSTOR_SCATTER_GATHER_LIST sgl;
    ULONG i;

    sgl = StorPortGetScatterGatherList(Adapter, Srb);
    if (sgl == NULL || sgl->NumberOfElements > SXP_MAX_SG_ELEMENTS) {
        return FALSE;
    }
    for (i = 0; i < sgl->NumberOfElements; i++) {
        Command->Sg[i].Address =
            StorPortConvertPhysicalAddressToUlong64(sgl->List[i].PhysicalAddress);
        Command->Sg[i].Length = sgl->List[i].Length;
        Command->Sg[i].Flags = 0;
    }
    Command->SgCount = sgl->NumberOfElements;
    return TRUE;
}

static BOOLEAN
SxpBuildReadWrite(
    _In_ PSXP_ADAPTER Adapter,
    _In_ PSCSI_REQUEST_BLOCK Srb,
    _Inout_ PSXP_SRB_EXTENSION Ext
    )
{
    PCDB cdb = (PCDB)Srb->Cdb;
    PSXP_COMMAND command = &Ext->Command;
    ULONGLONG lba;
    ULONG blocks;

    if (cdb->CDB10.OperationCode == SCSIOP_READ16 || cdb->CDB10.OperationCode == SCSIOP_WRITE16) {
        lba = ((ULONGLONG)SxpBigEndian32(&cdb->CDB16.LogicalBlock[0]) << 32) |
              SxpBigEndian32(&cdb->CDB16.LogicalBlock[4]);
        blocks = SxpBigEndian32(cdb->CDB16.TransferLength);
    } else {
        lba = ((ULONG)cdb->CDB10.LogicalBlockByte0 << 24) |
              ((ULONG)cdb->CDB10.LogicalBlockByte1 << 16) |
              ((ULONG)cdb->CDB10.LogicalBlockByte2 << 8) |
              (ULONG)cdb->CDB10.LogicalBlockByte3;
        blocks = ((ULONG)cdb->CDB10.TransferBlocksMsb << 8) | cdb->CDB10.TransferBlocksLsb;
    }
    if (blocks * SXP_BLOCK_SIZE != Srb->DataTransferLength) {
        return FALSE;
    }

    command->Opcode = (Srb->SrbFlags & SRB_FLAGS_DATA_IN) ? SxpOpRead : SxpOpWrite;
    command->Target = Srb->TargetId;
    command->Lba = lba;
    command->Blocks = blocks;
    return SxpBuildScatterGather(Adapter, Srb, command);
}

/*
 * HwStorBuildIo: DISPATCH_LEVEL, no lock held. Everything that does not
 * touch the rings is prepared here.
 */
BOOLEAN
SxpHwBuildIo(
    _In_ PVOID DeviceExtension,
    _In_ PSCSI_REQUEST_BLOCK Srb
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(DeviceExtension);
    PSXP_SRB_EXTENSION ext = SxpSrbExtension(Srb);
    PCDB cdb = (PCDB)Srb->Cdb;

    RtlZeroMemory(ext, sizeof(*ext));

    if (Srb->Function != SRB_FUNCTION_EXECUTE_SCSI) {
        return TRUE;   /* handled in StartIo */
    }
    if (Srb->TargetId >= SXP_MAX_TARGETS || Srb->Lun >= SXP_MAX_LUNS) {
        SxpCompleteSrb(adapter, Srb, SRB_STATUS_INVALID_TARGET_ID);
        return FALSE;
    }

    switch (cdb->CDB10.OperationCode) {
    case SCSIOP_READ:
    case SCSIOP_WRITE:
    case SCSIOP_READ16:
    case SCSIOP_WRITE16:
        if (!SxpBuildReadWrite(adapter, Srb, ext)) {
            SxpCompleteSrb(adapter, Srb, SRB_STATUS_INVALID_REQUEST);
            return FALSE;
        }
        ext->Built = TRUE;
        break;

    case SCSIOP_SYNCHRONIZE_CACHE:
        ext->Command.Opcode = SxpOpFlush;
        ext->Command.Target = Srb->TargetId;
        ext->Built = TRUE;
        break;

    default:
        /* Emulated in StartIo. */
        break;
    }
    return TRUE;
}

static UCHAR
SxpInquiry(
    _In_ PSXP_ADAPTER Adapter,
    _In_ PSCSI_REQUEST_BLOCK Srb
    )
{
    PSXP_INQUIRY_DATA data = (PSXP_INQUIRY_DATA)Srb->DataBuffer;
    PSXP_LUN_EXTENSION lun = SxpLun(Adapter, Srb);

    if (lun == NULL || !lun->Present) {
        return SRB_STATUS_SELECTION_TIMEOUT;
    }
    if (Srb->DataTransferLength < sizeof(SXP_INQUIRY_DATA)) {
        return SRB_STATUS_DATA_OVERRUN;
    }
    RtlZeroMemory(data, sizeof(*data));
    data->DeviceType = 0;              /* direct access */
    data->Versions = 5;
    data->ResponseDataFormat = 2;
    data->AdditionalLength = sizeof(SXP_INQUIRY_DATA) - 5;
    data->Flags = 0x02;                /* command queuing */
    StorPortMoveMemory(data->VendorId, (PVOID)SxpInquiryVendor, sizeof(data->VendorId));
    StorPortMoveMemory(data->ProductId, (PVOID)SxpInquiryProduct, sizeof(data->ProductId));
    data->ProductRevisionLevel[0] = '1';
    data->ProductRevisionLevel[1] = '.';
    data->ProductRevisionLevel[2] = '0';
    data->ProductRevisionLevel[3] = ' ';
    Srb->DataTransferLength = sizeof(SXP_INQUIRY_DATA);
    return SRB_STATUS_SUCCESS;
}

static UCHAR
SxpReadCapacity(
    _In_ PSXP_ADAPTER Adapter,
    _In_ PSCSI_REQUEST_BLOCK Srb
    )
{
    PSXP_LUN_EXTENSION lun = SxpLun(Adapter, Srb);
    PUCHAR data = (PUCHAR)Srb->DataBuffer;
    ULONGLONG last;

    if (lun == NULL || !lun->Present || lun->Blocks == 0) {
        return SRB_STATUS_SELECTION_TIMEOUT;
    }
    if (Srb->DataTransferLength < 8) {
        return SRB_STATUS_DATA_OVERRUN;
    }
    last = lun->Blocks - 1;
    SxpStoreBigEndian32(data, last > 0xFFFFFFFF ? 0xFFFFFFFF : (ULONG)last);
    SxpStoreBigEndian32(data + 4, SXP_BLOCK_SIZE);
    Srb->DataTransferLength = 8;
    return SRB_STATUS_SUCCESS;
}

/*
 * Copies a built command into the submission ring and rings the doorbell.
 * Runs under the StartIo lock: the tail and the tag table are ours.
 */
static BOOLEAN
SxpSubmit(
    _In_ PSXP_ADAPTER Adapter,
    _In_ PSCSI_REQUEST_BLOCK Srb
    )
{
    PSXP_SRB_EXTENSION ext = SxpSrbExtension(Srb);
    PSXP_COMMAND slot;
    ULONG tag;
    ULONG tries;

    if (Adapter->OutstandingCount >= SXP_RING_DEPTH - 1) {
        return FALSE;
    }
    tag = Adapter->NextTag;
    for (tries = 0; tries < SXP_RING_DEPTH && Adapter->Outstanding[tag] != NULL; tries++) {
        tag = (tag + 1) % SXP_RING_DEPTH;
    }
    if (Adapter->Outstanding[tag] != NULL) {
        return FALSE;
    }
    Adapter->NextTag = (tag + 1) % SXP_RING_DEPTH;

    ext->Tag = tag;
    ext->StartTick = Adapter->Tick;
    ext->Command.Tag = (USHORT)tag;
    Adapter->Outstanding[tag] = Srb;
    Adapter->OutstandingCount++;

    slot = &Adapter->Shared->Submission[Adapter->SubmissionTail];
    StorPortMoveMemory(slot, &ext->Command, sizeof(*slot));
    Adapter->SubmissionTail = (Adapter->SubmissionTail + 1) % SXP_RING_DEPTH;
    SxpWrite(Adapter, &Adapter->Registers->SubmissionDoorbell, Adapter->SubmissionTail);

    if (ext->Command.Opcode == SxpOpRead) {
        Adapter->Stats.Reads++;
    } else if (ext->Command.Opcode == SxpOpWrite) {
        Adapter->Stats.Writes++;
    }
    return TRUE;
}

static UCHAR
SxpResetTarget(
    _In_ PSXP_ADAPTER Adapter,
    _In_ PSCSI_REQUEST_BLOCK Srb
    )
{
    PSXP_SRB_EXTENSION ext = SxpSrbExtension(Srb);

    RtlZeroMemory(&ext->Command, sizeof(ext->Command));
    ext->Command.Opcode = SxpOpResetTarget;
    ext->Command.Target = Srb->TargetId;
    ext->Internal = TRUE;
    if (!SxpSubmit(Adapter, Srb)) {
        return SRB_STATUS_BUSY;
    }
    return SRB_STATUS_PENDING;
}

/*
 * Remembers in the adapter's registry key how often the adapter refused a
 * request: the support team reads it from crash dumps.
 */
static VOID
SxpNoteRefused(
    _In_ PSXP_ADAPTER Adapter
    )
{
    ULONG refused = Adapter->Stats.Errors;

    StorPortRegistryWrite(Adapter, (PUCHAR)"RefusedRequests", 0, 4, (PUCHAR)&refused,
                          sizeof(refused));
}

BOOLEAN
SxpHwStartIo(
    _In_ PVOID DeviceExtension,
    _In_ PSCSI_REQUEST_BLOCK Srb
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(DeviceExtension);
    PSXP_SRB_EXTENSION ext = SxpSrbExtension(Srb);
    PCDB cdb = (PCDB)Srb->Cdb;
    UCHAR status = SRB_STATUS_INVALID_REQUEST;

    if (adapter->State != SxpStateRunning) {
        SxpCompleteSrb(adapter, Srb, SRB_STATUS_BUSY);
        return TRUE;
    }

    switch (Srb->Function) {
    case SRB_FUNCTION_EXECUTE_SCSI:
        if (ext->Built) {
            if (SxpSubmit(adapter, Srb)) {
                return TRUE;
            }
            SxpNoteRefused(adapter); // BUG(irql): StartIo runs at DISPATCH_LEVEL or DIRQL; the helper writes the registry, PASSIVE_LEVEL only expected-warning {{'SxpNoteRefused' called at the entry IRQL (DISPATCH_LEVEL..DIRQL), but it requires IRQL <= PASSIVE_LEVEL}}
            StorPortBusy(adapter, 1);
            status = SRB_STATUS_BUSY;
            break;
        }
        switch (cdb->CDB10.OperationCode) {
        case SCSIOP_TEST_UNIT_READY:
        case SCSIOP_VERIFY:
            status = SRB_STATUS_SUCCESS;
            break;
        case SCSIOP_INQUIRY:
            status = SxpInquiry(adapter, Srb);
            break;
        case SCSIOP_READ_CAPACITY:
            status = SxpReadCapacity(adapter, Srb);
            break;
        case SCSIOP_MODE_SENSE:
        case SCSIOP_REPORT_LUNS:
            status = SRB_STATUS_INVALID_REQUEST;
            break;
        default:
            status = SRB_STATUS_INVALID_REQUEST;
            break;
        }
        break;

    case SRB_FUNCTION_IO_CONTROL:
        if (SxpHandleIoControl(adapter, Srb)) {
            return TRUE;
        }
        status = SRB_STATUS_INVALID_REQUEST;
        break;

    case SRB_FUNCTION_RESET_DEVICE:
    case SRB_FUNCTION_RESET_LOGICAL_UNIT:
        status = SxpResetTarget(adapter, Srb);
        if (status == SRB_STATUS_PENDING) {
            return TRUE;
        }
        break;

    case SRB_FUNCTION_RESET_BUS:
        SxpHwResetBus(adapter, Srb->PathId);
        status = SRB_STATUS_SUCCESS;
        break;

    case SRB_FUNCTION_FLUSH:
    case SRB_FUNCTION_SHUTDOWN:
    case SRB_FUNCTION_POWER:
    case SRB_FUNCTION_PNP:
        status = SRB_STATUS_SUCCESS;
        break;

    case SRB_FUNCTION_ABORT_COMMAND:
        status = SRB_STATUS_ABORTED;
        break;

    default:
        status = SRB_STATUS_BAD_FUNCTION;
        break;
    }

    SxpCompleteSrb(adapter, Srb, status);
    return TRUE;
}

/*
 * HwStorResetBus: DISPATCH_LEVEL with the StartIo lock held. Resets the
 * adapter's rings and fails what was outstanding with SRB_STATUS_BUS_RESET.
 */
BOOLEAN
SxpHwResetBus(
    _In_ PVOID DeviceExtension,
    _In_ ULONG PathId
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(DeviceExtension);
    STOR_LOCK_HANDLE lock;
    BOOLEAN ok;

    UNREFERENCED_PARAMETER(PathId);

    adapter->State = SxpStateResetting;
    adapter->Stats.Resets++;

    /* The interrupt routine reads the registers we are about to reset. */
    StorPortAcquireSpinLock(adapter, InterruptLock, NULL, &lock);
    ok = SxpEnableAdapter(adapter);
    StorPortReleaseSpinLock(adapter, &lock);

    SxpFailOutstanding(adapter, SRB_STATUS_BUS_RESET);
    StorPortNotification(ResetDetected, adapter, 0);
    if (!ok) {
        adapter->State = SxpStateFailed;
        StorPortLogError(adapter, NULL, 0, 0, 0, SP_INTERNAL_ADAPTER_ERROR, 3);
    }
    return ok;
}
