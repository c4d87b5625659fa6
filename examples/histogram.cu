// histogram.cu — 256-bin byte histogram with a privatised shared-memory histogram.
//
// Every block first counts into its own 256-bin histogram in shared memory (atomicAdd on
// shared memory is cheap and contention stays inside the block), then adds its non-zero bins
// to the global histogram with one atomicAdd per bin. A grid-stride loop lets a small grid
// cover any n. `bins` must be zeroed before the launch (cudaMemset); the result does not
// depend on the order in which the atomics land.
//
// Checked with: nvcc -ptx -arch=sm_80 histogram.cu (CUDA 13.0), 2026-11-22

#define NUM_BINS 256

__global__ void histogram256(const unsigned char* __restrict__ data, unsigned int* bins, int n)
{
    __shared__ unsigned int local[NUM_BINS];

    // Zero the private histogram; blockDim.x may be smaller or larger than NUM_BINS.
    for (int b = threadIdx.x; b < NUM_BINS; b += blockDim.x) local[b] = 0;
    __syncthreads();

    int stride = blockDim.x * gridDim.x;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        atomicAdd(&local[data[i]], 1u);
    }
    __syncthreads();

    for (int b = threadIdx.x; b < NUM_BINS; b += blockDim.x) {
        unsigned int count = local[b];
        if (count != 0) atomicAdd(&bins[b], count);
    }
}
