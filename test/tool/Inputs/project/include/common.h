/* Shared by several drivers of the project: a helper with an IRQL bug, so
   every translation unit that uses it reports the same finding in this
   header. */
#ifndef COMMON_H
#define COMMON_H

static __inline void CloseAtDispatch(HANDLE Handle) {
  KIRQL OldIrql;
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
  ZwClose(Handle);
  KeLowerIrql(OldIrql);
}

#endif
