/* kcc built-in <stddef.h>: the LP64 types nvcc's x86-64 host compiler uses. */
#ifndef _KCC_STDDEF_H
#define _KCC_STDDEF_H
typedef unsigned long size_t;
typedef long ptrdiff_t;
#define NULL 0
#define offsetof(type, member) __builtin_offsetof(type, member)
#endif
