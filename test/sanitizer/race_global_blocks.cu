// Data race between BLOCKS on global memory: a histogram that counts per block in shared
// memory with atomics (correct), then merges the block's counts into the global histogram
// with a plain read-modify-write (wrong: other blocks merge into the same bins).
// LAUNCH: kernel=histogram16 grid=3 block=64 args=u32[192]=iota,u32[16],i32=192

#define BINS 16

__global__ void histogram16(const unsigned* data, unsigned* hist, int n)
{
    __shared__ unsigned local[BINS];
    if (threadIdx.x < BINS) local[threadIdx.x] = 0;
    __syncthreads();
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) atomicAdd(&local[data[i] % BINS], 1u);
    __syncthreads();
    if (threadIdx.x < BINS)
        hist[threadIdx.x] += local[threadIdx.x];      // EXPECT-FAULT: data-race block=1 thread=0 "of block 0 (blocks of one launch are unordered)"
}
