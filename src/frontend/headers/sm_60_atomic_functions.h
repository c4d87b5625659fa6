/* kcc built-in <sm_60_atomic_functions.h>: what it declares in CUDA is built into kcc's semantic analysis. */
#ifndef _KCC_SM_60_ATOMIC_FUNCTIONS_H
#define _KCC_SM_60_ATOMIC_FUNCTIONS_H
#include <cuda_runtime.h>
#endif
