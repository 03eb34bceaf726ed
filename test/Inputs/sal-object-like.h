/*
 * The object-like SAL IRQL annotations, defined empty as every header that
 * provides them does (the WDK outside _PREFAST_, mingw-w64's driverspecs.h).
 * irqlcheck predefines only the function-like annotations: an object-like
 * name exists once a header defines it, so that programs that define no SAL
 * may use the name for something else. Tests that use these annotations
 * without the WDK-style headers include this file (after mingw-w64's, which
 * lack _IRQL_uses_cancel_, _IRQL_is_cancel_, __drv_sameIRQL and
 * __drv_isCancelIRQL).
 */
#ifndef IRQLCHECK_TEST_SAL_OBJECT_LIKE_H
#define IRQLCHECK_TEST_SAL_OBJECT_LIKE_H
#ifndef _IRQL_requires_same_
#define _IRQL_requires_same_
#endif
#ifndef __drv_sameIRQL
#define __drv_sameIRQL
#endif
#ifndef _IRQL_saves_
#define _IRQL_saves_
#endif
#ifndef __drv_savesIRQL
#define __drv_savesIRQL
#endif
#ifndef _IRQL_restores_
#define _IRQL_restores_
#endif
#ifndef __drv_restoresIRQL
#define __drv_restoresIRQL
#endif
#ifndef _IRQL_uses_cancel_
#define _IRQL_uses_cancel_
#endif
#ifndef __drv_useCancelIRQL
#define __drv_useCancelIRQL
#endif
#ifndef _IRQL_is_cancel_
#define _IRQL_is_cancel_
#endif
#ifndef __drv_isCancelIRQL
#define __drv_isCancelIRQL
#endif
#endif
