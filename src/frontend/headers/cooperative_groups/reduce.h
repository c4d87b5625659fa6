/* kcc built-in <cooperative_groups/reduce.h>: cg::reduce and its operators are built in. */
#ifndef _CG_REDUCE_H_
#define _CG_REDUCE_H_
#include <cooperative_groups.h>
#endif
