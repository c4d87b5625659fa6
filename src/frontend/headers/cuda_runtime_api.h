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
/* device queries whose types live in driver_types.h (the rest are built into kcc) */
extern "C" {
cudaError_t cudaGetDeviceProperties(struct cudaDeviceProp *prop, int device);
cudaError_t cudaDeviceGetAttribute(int *value, enum cudaDeviceAttr attr, int device);
cudaError_t cudaMemGetInfo(size_t *free, size_t *total);
cudaError_t cudaStreamCreateWithFlags(cudaStream_t *stream, unsigned int flags);
cudaError_t cudaProfilerStart(void);
cudaError_t cudaProfilerStop(void);
}
#endif
