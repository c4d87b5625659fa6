// matmul_main.cu — tiled SGEMM with an RAII device-buffer class template, cudaEvent timing
// and command-line sizes, the way a benchmark program is usually written.
//
// Usage: matmul_main [M N K]   (defaults 100 80 70). Fills A and B with a deterministic
// pseudo-random sequence (a host LCG), multiplies on the device with 16x16 shared tiles,
// checks against a CPU triple loop and prints the time and GFLOP/s. "PASSED" / exit 0 on success.
//
// Checked with: nvcc -ptx -arch=sm_80 matmul_main.cu and nvcc -c matmul_main.cu
// (CUDA 13.0), 2026-11-22

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <vector>
#include <cuda_runtime.h>

#define CUDA_CHECK(x)                                                                 \
    do {                                                                              \
        cudaError_t status = (x);                                                     \
        if (status != cudaSuccess) {                                                  \
            fprintf(stderr, "%s failed: %s\n", #x, cudaGetErrorString(status));       \
            std::exit(EXIT_FAILURE);                                                  \
        }                                                                             \
    } while (0)

constexpr int TILE = 16;

__global__ void sgemm_tiled(int M, int N, int K, const float* A, const float* B, float* C)
{
    __shared__ float As[TILE][TILE];
    __shared__ float Bs[TILE][TILE];
    int row = blockIdx.y * TILE + threadIdx.y;
    int col = blockIdx.x * TILE + threadIdx.x;
    float acc = 0.0f;
    for (int k0 = 0; k0 < K; k0 += TILE) {
        As[threadIdx.y][threadIdx.x] = (row < M && k0 + threadIdx.x < K) ? A[row * K + k0 + threadIdx.x] : 0.0f;
        Bs[threadIdx.y][threadIdx.x] = (col < N && k0 + threadIdx.y < K) ? B[(k0 + threadIdx.y) * N + col] : 0.0f;
        __syncthreads();
        for (int k = 0; k < TILE; ++k) acc += As[threadIdx.y][k] * Bs[k][threadIdx.x];
        __syncthreads();
    }
    if (row < M && col < N) C[row * N + col] = acc;
}

// Owns a device allocation; frees it when it goes out of scope.
template <typename T>
class DeviceBuffer {
public:
    explicit DeviceBuffer(size_t count) : count_(count) { CUDA_CHECK(cudaMalloc(&ptr_, count * sizeof(T))); }
    ~DeviceBuffer() { cudaFree(ptr_); }
    DeviceBuffer(const DeviceBuffer&) = delete;
    DeviceBuffer& operator=(const DeviceBuffer&) = delete;

    T* get() const { return ptr_; }
    void upload(const std::vector<T>& h) { CUDA_CHECK(cudaMemcpy(ptr_, h.data(), count_ * sizeof(T), cudaMemcpyHostToDevice)); }
    void download(std::vector<T>& h) const { CUDA_CHECK(cudaMemcpy(h.data(), ptr_, count_ * sizeof(T), cudaMemcpyDeviceToHost)); }

private:
    T* ptr_ = nullptr;
    size_t count_;
};

struct Lcg {
    uint32_t state;
    float next() { state = state * 1664525u + 1013904223u; return (state >> 8) * (1.0f / 16777216.0f) - 0.5f; }
};

int main(int argc, char** argv)
{
    int M = 100, N = 80, K = 70;
    if (argc == 4) { M = atoi(argv[1]); N = atoi(argv[2]); K = atoi(argv[3]); }

    std::vector<float> A(M * K), B(K * N), C(M * N), ref(M * N);
    Lcg rng{12345u};
    for (auto& v : A) v = rng.next();
    for (auto& v : B) v = rng.next();

    DeviceBuffer<float> dA(A.size()), dB(B.size()), dC(C.size());
    dA.upload(A);
    dB.upload(B);

    cudaEvent_t start, stop;
    CUDA_CHECK(cudaEventCreate(&start));
    CUDA_CHECK(cudaEventCreate(&stop));
    dim3 block(TILE, TILE);
    dim3 grid((N + TILE - 1) / TILE, (M + TILE - 1) / TILE);
    CUDA_CHECK(cudaEventRecord(start));
    sgemm_tiled<<<grid, block>>>(M, N, K, dA.get(), dB.get(), dC.get());
    CUDA_CHECK(cudaEventRecord(stop));
    CUDA_CHECK(cudaEventSynchronize(stop));
    float ms = 0.0f;
    CUDA_CHECK(cudaEventElapsedTime(&ms, start, stop));
    dC.download(C);

    for (int i = 0; i < M; ++i)
        for (int j = 0; j < N; ++j) {
            float acc = 0.0f;
            for (int k = 0; k < K; ++k) acc += A[i * K + k] * B[k * N + j];
            ref[i * N + j] = acc;
        }
    double max_err = 0.0;
    for (size_t i = 0; i < C.size(); ++i) max_err = std::fmax(max_err, std::fabs(C[i] - ref[i]));

    double gflops = 2.0 * M * N * K / (ms * 1e6);
    std::cout << M << "x" << N << "x" << K << ": " << ms << " ms, " << gflops << " GFLOP/s" << std::endl;
    printf("C[0] = %.6f, max error = %g\n", C[0], max_err);
    CUDA_CHECK(cudaEventDestroy(start));
    CUDA_CHECK(cudaEventDestroy(stop));

    bool ok = max_err < 1e-4;
    printf("%s\n", ok ? "PASSED" : "FAILED");
    return ok ? 0 : 1;
}
