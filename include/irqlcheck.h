/*===- irqlcheck.h - Explicit spellings of the irqlcheck annotations -------===
 *
 * Optional. irqlcheck understands the WDK's SAL IRQL annotations
 * (_IRQL_requires_max_(DISPATCH_LEVEL), __drv_maxIRQL(2), ...) even where a
 * header defines them empty: the plugin predefines the function-like ones and
 * puts its definitions in place of a header's of the same shape. Include
 * this header if you want
 *
 *   - IRQLCHECK_* names that say what they are, for code that does not use
 *     the WDK's spellings:
 *       IRQLCHECK_REQUIRES_MAX(DISPATCH_LEVEL) VOID MyHelper(VOID);
 *   - the SAL names defined (to nothing) when the plugin is not loaded and
 *     no WDK or mingw-w64 header defines them, so annotated code still
 *     compiles with any compiler.
 *
 * With the plugin loaded (__has_attribute(irql_requires_max)) every macro
 * expands to the plugin's attribute (the SAL spellings themselves expand to
 * nothing, and the plugin records them by position): level arguments are
 * stringized after macro expansion, names (function classes, slot kinds,
 * parameters, _When_ conditions) as written. Inside IRQLCHECK_WHEN and
 * IRQLCHECK_AT write the IRQLCHECK_* spellings, not the SAL ones. Without the
 * plugin everything expands to nothing. See docs/annotations.md.
 *
 *===----------------------------------------------------------------------===*/
#ifndef IRQLCHECK_H
#define IRQLCHECK_H

#if defined(__has_attribute)
#if __has_attribute(irql_requires_max)
#define IRQLCHECK_ACTIVE 1
#endif
#endif

#ifdef IRQLCHECK_ACTIVE
/* Level values: stringized after expansion ("2" for DISPATCH_LEVEL). */
#define IRQLCHECK_STR_(x) #x
#define IRQLCHECK_XSTR_(x) IRQLCHECK_STR_(x)
/* `__attribute` survives headers that #define __attribute__ away. */
#define IRQLCHECK_REQUIRES_MAX(x) __attribute((irql_requires_max(IRQLCHECK_XSTR_(x))))
#define IRQLCHECK_REQUIRES_MIN(x) __attribute((irql_requires_min(IRQLCHECK_XSTR_(x))))
#define IRQLCHECK_REQUIRES(x) __attribute((irql_requires(IRQLCHECK_XSTR_(x))))
#define IRQLCHECK_RAISES(x) __attribute((irql_raises(IRQLCHECK_XSTR_(x))))
#define IRQLCHECK_SETS(x) __attribute((irql_sets(IRQLCHECK_XSTR_(x))))
#define IRQLCHECK_REQUIRES_SAME __attribute((irql_requires_same))
#define IRQLCHECK_SAVES __attribute((irql_saves))
#define IRQLCHECK_RESTORES __attribute((irql_restores))
#define IRQLCHECK_SAVES_GLOBAL(kind, param) __attribute((irql_saves_global(#kind, #param)))
#define IRQLCHECK_RESTORES_GLOBAL(kind, param) __attribute((irql_restores_global(#kind, #param)))
#define IRQLCHECK_ALWAYS_FUNCTION_MAX(x) __attribute((irql_always_function_max(IRQLCHECK_XSTR_(x))))
#define IRQLCHECK_ALWAYS_FUNCTION_MIN(x) __attribute((irql_always_function_min(IRQLCHECK_XSTR_(x))))
#define IRQLCHECK_USES_CANCEL __attribute((irql_uses_cancel))
#define IRQLCHECK_IS_CANCEL __attribute((irql_is_cancel))
#define IRQLCHECK_FUNCTION_CLASS(name) __attribute((irql_function_class(#name)))
/* The wrapped annotation travels as text (after expansion). */
#define IRQLCHECK_WHEN(cond, anno) __attribute((irql_when(#cond, IRQLCHECK_XSTR_(anno))))
#define IRQLCHECK_AT(target, anno) __attribute((irql_at(IRQLCHECK_XSTR_(anno), #target)))
#else
#define IRQLCHECK_REQUIRES_MAX(x)
#define IRQLCHECK_REQUIRES_MIN(x)
#define IRQLCHECK_REQUIRES(x)
#define IRQLCHECK_RAISES(x)
#define IRQLCHECK_SETS(x)
#define IRQLCHECK_REQUIRES_SAME
#define IRQLCHECK_SAVES
#define IRQLCHECK_RESTORES
#define IRQLCHECK_SAVES_GLOBAL(kind, param)
#define IRQLCHECK_RESTORES_GLOBAL(kind, param)
#define IRQLCHECK_ALWAYS_FUNCTION_MAX(x)
#define IRQLCHECK_ALWAYS_FUNCTION_MIN(x)
#define IRQLCHECK_USES_CANCEL
#define IRQLCHECK_IS_CANCEL
#define IRQLCHECK_FUNCTION_CLASS(name)
#define IRQLCHECK_WHEN(cond, anno)
#define IRQLCHECK_AT(target, anno)
#endif

/* The SAL names, for code that uses them without the WDK's headers. With the
 * plugin loaded the function-like ones are already defined by the plugin;
 * the object-like ones (_IRQL_saves_, ...) are defined here, and the plugin
 * puts its own definition in their place. */
#ifndef _IRQL_requires_max_
#define _IRQL_requires_max_(x) IRQLCHECK_REQUIRES_MAX(x)
#endif
#ifndef _IRQL_requires_min_
#define _IRQL_requires_min_(x) IRQLCHECK_REQUIRES_MIN(x)
#endif
#ifndef _IRQL_requires_
#define _IRQL_requires_(x) IRQLCHECK_REQUIRES(x)
#endif
#ifndef _IRQL_raises_
#define _IRQL_raises_(x) IRQLCHECK_RAISES(x)
#endif
#ifndef __drv_setsIRQL
#define __drv_setsIRQL(x) IRQLCHECK_SETS(x)
#endif
#ifndef _IRQL_requires_same_
#define _IRQL_requires_same_ IRQLCHECK_REQUIRES_SAME
#endif
#ifndef _IRQL_saves_
#define _IRQL_saves_ IRQLCHECK_SAVES
#endif
#ifndef _IRQL_restores_
#define _IRQL_restores_ IRQLCHECK_RESTORES
#endif
#ifndef _IRQL_saves_global_
#define _IRQL_saves_global_(kind, param) IRQLCHECK_SAVES_GLOBAL(kind, param)
#endif
#ifndef _IRQL_restores_global_
#define _IRQL_restores_global_(kind, param) IRQLCHECK_RESTORES_GLOBAL(kind, param)
#endif
#ifndef _IRQL_always_function_max_
#define _IRQL_always_function_max_(x) IRQLCHECK_ALWAYS_FUNCTION_MAX(x)
#endif
#ifndef _IRQL_always_function_min_
#define _IRQL_always_function_min_(x) IRQLCHECK_ALWAYS_FUNCTION_MIN(x)
#endif
#ifndef _IRQL_uses_cancel_
#define _IRQL_uses_cancel_ IRQLCHECK_USES_CANCEL
#endif
#ifndef _IRQL_is_cancel_
#define _IRQL_is_cancel_ IRQLCHECK_IS_CANCEL
#endif
#ifndef _Function_class_
#define _Function_class_(name) IRQLCHECK_FUNCTION_CLASS(name)
#endif
#ifndef _When_
#define _When_(cond, anno) IRQLCHECK_WHEN(cond, anno)
#endif
#ifndef _At_
#define _At_(target, anno) IRQLCHECK_AT(target, anno)
#endif

#endif /* IRQLCHECK_H */
