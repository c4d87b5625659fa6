// softmax.cu — row-wise softmax, one warp per row, reductions with __shfl_xor_sync.
//
// out[r, c] = exp(in[r, c] - max_r) / sum_c' exp(in[r, c'] - max_r) for a rows x cols matrix.
// Subtracting the row maximum keeps expf from overflowing (the numerically safe form used by
// every ML framework). Each lane strides over the row (lane, lane + 32, ...), then a butterfly
// of xor-shuffles combines the 32 lane values so that every lane ends with the row's result,
// without shared memory or __syncthreads. Warps whose row is past the end leave together
// (the row index is the same for all 32 lanes), so the full-mask shuffles stay convergent.
//
// Launch: blockDim.x a multiple of 32; gridDim.x = ceil(rows / (blockDim.x / 32)).
//
// Checked with: nvcc -ptx -arch=sm_80 softmax.cu (CUDA 13.0), 2026-11-22

#include <float.h>

#define FULL_MASK 0xffffffffu

__device__ __forceinline__ float warp_max(float v)
{
    for (int offset = 16; offset > 0; offset >>= 1)
        v = fmaxf(v, __shfl_xor_sync(FULL_MASK, v, offset));
    return v;
}

__device__ __forceinline__ float warp_sum(float v)
{
    for (int offset = 16; offset > 0; offset >>= 1)
        v += __shfl_xor_sync(FULL_MASK, v, offset);
    return v;
}

__global__ void softmax_rows(float* __restrict__ out, const float* __restrict__ in, int rows, int cols)
{
    int warpsPerBlock = blockDim.x / warpSize;
    int lane = threadIdx.x % warpSize;
    int row = blockIdx.x * warpsPerBlock + threadIdx.x / warpSize;
    if (row >= rows) return;

    const float* x = in + (size_t)row * cols;
    float* y = out + (size_t)row * cols;

    float m = -FLT_MAX;
    for (int c = lane; c < cols; c += warpSize) m = fmaxf(m, x[c]);
    m = warp_max(m);

    float s = 0.0f;
    for (int c = lane; c < cols; c += warpSize) s += expf(x[c] - m);
    s = warp_sum(s);

    float inv = 1.0f / s;
    for (int c = lane; c < cols; c += warpSize) y[c] = expf(x[c] - m) * inv;
}
