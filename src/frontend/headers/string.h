/* kcc built-in <string.h>: memcpy, memset … are built into semantic analysis. */
#ifndef _KCC_STRING_H
#define _KCC_STRING_H
#include <stddef.h>
#endif
