/* kcc built-in <time.h>: clock_t and time_t (LP64 `long`); clock() and time() are built in. */
#ifndef _KCC_TIME_H
#define _KCC_TIME_H
#include <stddef.h>
typedef long clock_t;
typedef long time_t;
#define CLOCKS_PER_SEC 1000000l
#endif
