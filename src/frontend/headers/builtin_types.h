/* kcc built-in <builtin_types.h>: what it declares in CUDA is built into kcc's semantic analysis. */
#ifndef _KCC_BUILTIN_TYPES_H
#define _KCC_BUILTIN_TYPES_H
#include <cuda_runtime.h>
#endif
