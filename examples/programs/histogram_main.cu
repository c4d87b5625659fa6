// histogram_main.cu — histogram of a synthetic byte stream with shared-memory atomics,
// checked against std:: algorithms on the host.
//
// Generates n bytes with a host xorshift generator, zeroes the device histogram with
// cudaMemset, launches a privatised-histogram kernel on a grid sized from the device's SM
// count (cudaGetDeviceProperties), and compares with a CPU count; std::accumulate checks that
// the bins add up to n. "PASSED" / exit 0 on success.
//
// Checked with: nvcc -ptx -arch=sm_80 histogram_main.cu and nvcc -c histogram_main.cu
// (CUDA 13.0), 2026-11-22

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <vector>
#include <cuda_runtime.h>

#define CUDA_CHECK(x) check_cuda((x), #x, __FILE__, __LINE__)

static void check_cuda(cudaError_t err, const char* what, const char* file, int line)
{
    if (err != cudaSuccess) {
        fprintf(stderr, "%s:%d: %s returned %s\n", file, line, what, cudaGetErrorString(err));
        exit(1);
    }
}

#define BINS 256

__global__ void histo_kernel(const uint8_t* data, unsigned int* hist, size_t n)
{
    __shared__ unsigned int sh[BINS];
    for (int b = threadIdx.x; b < BINS; b += blockDim.x) sh[b] = 0;
    __syncthreads();
    for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < n; i += (size_t)blockDim.x * gridDim.x)
        atomicAdd(&sh[data[i]], 1u);
    __syncthreads();
    for (int b = threadIdx.x; b < BINS; b += blockDim.x) atomicAdd(&hist[b], sh[b]);
}

int main()
{
    const size_t n = 1000003;
    std::vector<uint8_t> data(n);
    uint32_t s = 2463534242u;
    for (auto& byte : data) {
        s ^= s << 13; s ^= s >> 17; s ^= s << 5;
        byte = static_cast<uint8_t>(s >> 24);
    }

    cudaDeviceProp prop;
    CUDA_CHECK(cudaGetDeviceProperties(&prop, 0));
    int blocks = std::max(1, prop.multiProcessorCount * 4);

    uint8_t* d_data;
    unsigned int* d_hist;
    CUDA_CHECK(cudaMalloc(&d_data, n));
    CUDA_CHECK(cudaMalloc(&d_hist, BINS * sizeof(unsigned int)));
    CUDA_CHECK(cudaMemcpy(d_data, data.data(), n, cudaMemcpyHostToDevice));
    CUDA_CHECK(cudaMemset(d_hist, 0, BINS * sizeof(unsigned int)));

    histo_kernel<<<blocks, 256>>>(d_data, d_hist, n);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());

    std::vector<unsigned int> hist(BINS), ref(BINS, 0);
    CUDA_CHECK(cudaMemcpy(hist.data(), d_hist, BINS * sizeof(unsigned int), cudaMemcpyDeviceToHost));
    for (uint8_t b : data) ref[b]++;

    bool same = std::equal(hist.begin(), hist.end(), ref.begin());
    unsigned long long total = std::accumulate(hist.begin(), hist.end(), 0ull);
    auto most = std::max_element(hist.begin(), hist.end()) - hist.begin();
    printf("%d blocks on %s; total = %llu; fullest bin %ld holds %u\n", blocks, prop.name, total, (long)most, hist[most]);

    cudaFree(d_data);
    cudaFree(d_hist);
    bool ok = same && total == n;
    printf("%s\n", ok ? "PASSED" : "FAILED");
    return ok ? 0 : 1;
}
