/* kcc built-in <sm_32_intrinsics.h>: what it declares in CUDA is built into kcc's semantic analysis. */
#ifndef _KCC_SM_32_INTRINSICS_H
#define _KCC_SM_32_INTRINSICS_H
#include <cuda_runtime.h>
#endif
