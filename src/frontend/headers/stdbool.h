/* kcc built-in <stdbool.h>: bool, true and false are C++ keywords. */
#ifndef _KCC_STDBOOL_H
#define _KCC_STDBOOL_H
#define __bool_true_false_are_defined 1
#endif
