/* kcc built-in <vector_functions.h>: what it declares in CUDA is built into kcc's semantic analysis. */
#ifndef _KCC_VECTOR_FUNCTIONS_H
#define _KCC_VECTOR_FUNCTIONS_H
#include <cuda_runtime.h>
#endif
