// template_reduce.cu — a reduction templated on the element type and the block size.
//
// reduce<T, BLOCK> sums `in` into one partial per block: a grid-stride loop accumulates each
// thread's elements in T, then a shared-memory tree (unrolled at compile time, since BLOCK is
// a template parameter) combines the block's BLOCK values; thread 0 writes out[blockIdx.x].
// Explicit instantiations make the float/256 and int/128 versions exist in the PTX (a .cu
// that only defines a template emits nothing); a user may also launch reduce<double, 64> etc.
//
// Checked with: nvcc -ptx -arch=sm_80 template_reduce.cu (CUDA 13.0), 2026-11-22

template <typename T, int BLOCK>
__global__ void __launch_bounds__(BLOCK) reduce(const T* __restrict__ in, T* __restrict__ out, int n)
{
    static_assert((BLOCK & (BLOCK - 1)) == 0, "BLOCK must be a power of two");
    __shared__ T sdata[BLOCK];

    T acc = T(0);
    for (int i = blockIdx.x * BLOCK + threadIdx.x; i < n; i += gridDim.x * BLOCK) acc += in[i];
    sdata[threadIdx.x] = acc;
    __syncthreads();

#pragma unroll
    for (int s = BLOCK / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s) sdata[threadIdx.x] += sdata[threadIdx.x + s];
        __syncthreads();
    }
    if (threadIdx.x == 0) out[blockIdx.x] = sdata[0];
}

template __global__ void reduce<float, 256>(const float*, float*, int);
template __global__ void reduce<int, 128>(const int*, int*, int);
