// Read of uninitialised shared memory after an early return: the tail threads of the last block
// leave before storing their slot, and the tree reduction still reads those slots. (Exited
// threads do not count at barriers, so the barriers themselves are fine.)
// LAUNCH: kernel=block_sum grid=2 block=64 args=f32[100]=ones,f32[2],i32=100

__global__ void block_sum(const float* in, float* partial, int n)
{
    __shared__ float s[64];
    unsigned tid = threadIdx.x;
    int i = blockIdx.x * blockDim.x + tid;
    if (i >= n) return;                  // BUG: the tail's slots of s stay unwritten
    s[tid] = in[i];
    __syncthreads();
    for (unsigned stride = blockDim.x / 2; stride > 0; stride >>= 1) {
        if (tid < stride) s[tid] += s[tid + stride];   // EXPECT-FAULT: uninitialized-read block=1 thread=4 "index 36) of"
        __syncthreads();
    }
    if (tid == 0) partial[blockIdx.x] = s[0];
}
