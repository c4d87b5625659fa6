/*
 * kcc built-in <cuda_runtime_api.h>. The runtime API functions (cudaMalloc, cudaMemcpy …) are
 * host code that kcc's semantic analysis knows by name; this header gives their types.
 */
#ifndef __CUDA_RUNTIME_API_H__
#define __CUDA_RUNTIME_API_H__
#define CUDART_VERSION 12040
#define CUDART_CB
#define CUDARTAPI
#include <driver_types.h>
#endif
