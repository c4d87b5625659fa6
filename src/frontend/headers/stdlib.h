/* kcc built-in <stdlib.h>: macros and types; malloc/free/abs … are built into semantic analysis. */
#ifndef _KCC_STDLIB_H
#define _KCC_STDLIB_H
#include <stddef.h>
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
#endif
