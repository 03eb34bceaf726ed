// Every row of plugin/model/Roles.def parses: a function given each role's
// class (and nothing else) gets the role's contract from the table. A row
// whose contract text did not parse would leave its role without one
// ("role NAME" missing from the dump), silently unchecked.
//
// RUN: grep '^IRQL_ROLE' %S/../../plugin/model/Roles.def \
// RUN:   | sed 's/IRQL_ROLE(\([A-Z0-9_]*\),.*/_Function_class_(\1) void f_\1(void) {}/' > %t.c
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %t.c > %t.dump
// RUN: grep -c '^IRQL_ROLE' %S/../../plugin/model/Roles.def > %t.rows
// RUN: grep -c 'contract f_.*\[.*role ' %t.dump | diff - %t.rows
// RUN: grep 'contract f_' %t.dump | not grep -v 'role '
