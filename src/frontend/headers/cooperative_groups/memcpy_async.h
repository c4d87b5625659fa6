/* kcc built-in <cooperative_groups/memcpy_async.h>: cg::memcpy_async and cg::wait are built in. */
#ifndef _CG_MEMCPY_ASYNC_H_
#define _CG_MEMCPY_ASYNC_H_
#include <cooperative_groups.h>
#endif
