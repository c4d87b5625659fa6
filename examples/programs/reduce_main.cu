// reduce_main.cu — two-pass sum of a large array, timed with std::chrono, reported with
// iostreams. The first launch reduces each block to a partial sum (dynamic shared memory,
// warp shuffles for the last 32 values); the second launch reduces the partials with one
// block. The host compares with a double-precision sum. Prints "PASSED" and exits 0 when the
// relative error is below 1e-5.
//
// Checked with: nvcc -ptx -arch=sm_80 reduce_main.cu and nvcc -c reduce_main.cu
// (CUDA 13.0), 2026-11-22

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <vector>
#include <cuda_runtime.h>

#define CUDA_CHECK(x)                                                                  \
    do {                                                                               \
        cudaError_t e = (x);                                                           \
        if (e != cudaSuccess) {                                                        \
            std::cerr << "CUDA error: " << cudaGetErrorString(e) << " (" << #x << ") " \
                      << __FILE__ << ":" << __LINE__ << std::endl;                     \
            std::exit(1);                                                              \
        }                                                                              \
    } while (0)

__inline__ __device__ float warp_reduce_sum(float v)
{
    for (int offset = 16; offset > 0; offset >>= 1) v += __shfl_down_sync(0xffffffffu, v, offset);
    return v;
}

// One partial sum per block; blockDim.x a power of two >= 64, shared = blockDim.x floats.
__global__ void sum_partials(const float* in, float* out, int n)
{
    extern __shared__ float smem[];
    float v = 0.0f;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) v += in[i];
    smem[threadIdx.x] = v;
    __syncthreads();
    for (int s = blockDim.x / 2; s >= 32; s >>= 1) {
        if (threadIdx.x < s) smem[threadIdx.x] += smem[threadIdx.x + s];
        __syncthreads();
    }
    if (threadIdx.x < 32) {
        float w = warp_reduce_sum(smem[threadIdx.x]);
        if (threadIdx.x == 0) out[blockIdx.x] = w;
    }
}

static float run_sum(const float* d_in, float* d_tmp, float* d_out, int n, int blocks, int threads)
{
    size_t shmem = threads * sizeof(float);
    sum_partials<<<blocks, threads, shmem>>>(d_in, d_tmp, n);
    CUDA_CHECK(cudaGetLastError());
    sum_partials<<<1, threads, shmem>>>(d_tmp, d_out, blocks);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());
    float result = 0.0f;
    CUDA_CHECK(cudaMemcpy(&result, d_out, sizeof(float), cudaMemcpyDeviceToHost));
    return result;
}

int main()
{
    const int n = 1 << 20;
    const int threads = 256;
    const int blocks = 128;

    std::vector<float> h(n);
    double expected = 0.0;
    for (int i = 0; i < n; ++i) {
        h[i] = std::sin(0.001f * i) + 1.0f;   // positive values: no catastrophic cancellation
        expected += h[i];
    }

    float *d_in, *d_tmp, *d_out;
    CUDA_CHECK(cudaMalloc(&d_in, n * sizeof(float)));
    CUDA_CHECK(cudaMalloc(&d_tmp, blocks * sizeof(float)));
    CUDA_CHECK(cudaMalloc(&d_out, sizeof(float)));
    CUDA_CHECK(cudaMemcpy(d_in, h.data(), n * sizeof(float), cudaMemcpyHostToDevice));

    auto t0 = std::chrono::high_resolution_clock::now();
    float got = run_sum(d_in, d_tmp, d_out, n, blocks, threads);
    auto t1 = std::chrono::high_resolution_clock::now();
    double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();

    double rel = std::fabs(got - expected) / expected;
    std::cout << "sum = " << got << ", expected = " << expected << ", rel. error = " << rel << std::endl;
    std::cout << "time: " << ms << " ms" << std::endl;

    cudaFree(d_in);
    cudaFree(d_tmp);
    cudaFree(d_out);

    bool ok = rel < 1e-5;
    printf("%s\n", ok ? "PASSED" : "FAILED");
    return ok ? 0 : 1;
}
