// atomic_max.cu — maximum of a float array with an atomicCAS-based float atomicMax.
//
// CUDA has no atomicMax for float, so real code builds one from atomicCAS on the 32-bit
// pattern: read the current value, stop if it is already >= ours, otherwise try to swap ours
// in and retry if another thread got there first. Each warp first reduces with __shfl_down_sync
// so only one lane per warp touches global memory. max is exact and order-independent, so the
// result does not depend on which atomic wins. *result must start at -INFINITY (or any value
// <= the answer); NaN inputs are not handled (fmaxf drops them).
//
// Checked with: nvcc -ptx -arch=sm_80 atomic_max.cu (CUDA 13.0), 2026-11-22

#include <math.h>

__device__ float atomicMaxFloat(float* addr, float value)
{
    int* addr_as_int = reinterpret_cast<int*>(addr);
    int old = *addr_as_int;
    while (__int_as_float(old) < value) {
        int assumed = old;
        old = atomicCAS(addr_as_int, assumed, __float_as_int(value));
        if (old == assumed) break;   // our value went in
    }
    return __int_as_float(old);
}

__global__ void max_reduce(const float* __restrict__ in, float* result, int n)
{
    float m = -INFINITY;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
        m = fmaxf(m, in[i]);

    // Every lane takes part in the shuffles (no early exit above), so the full mask is valid.
    for (int offset = warpSize / 2; offset > 0; offset /= 2)
        m = fmaxf(m, __shfl_down_sync(0xffffffffu, m, offset));

    if ((threadIdx.x & (warpSize - 1)) == 0) atomicMaxFloat(result, m);
}
