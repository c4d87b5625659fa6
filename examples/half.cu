// half.cu — half-precision (binary16) kernels with the cuda_fp16.h intrinsics.
//
// haxpy:        y[i] = a * x[i] + y[i] in half arithmetic: __hmul then __hadd, each rounded
//               to half (round to nearest even), as a half-precision BLAS axpy does.
// half_scale:   out[i] = half(float(in[i]) * scale + bias): the mixed-precision pattern of ML
//               code (store half, compute in float), with __half2float / __float2half.
// Both use grid-stride loops. Half buffers are 2 bytes per element; kcc moves them as
// Uint16Array bit patterns.
//
// Checked with: nvcc -ptx -arch=sm_80 half.cu (CUDA 13.0), 2026-11-22

#include <cuda_fp16.h>

__global__ void haxpy(int n, __half a, const __half* __restrict__ x, __half* __restrict__ y)
{
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x) {
        y[i] = __hadd(__hmul(a, x[i]), y[i]);
    }
}

__global__ void half_scale(const __half* __restrict__ in, __half* __restrict__ out,
                           float scale, float bias, int n)
{
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x) {
        float v = __half2float(in[i]);
        out[i] = __float2half(v * scale + bias);
    }
}
