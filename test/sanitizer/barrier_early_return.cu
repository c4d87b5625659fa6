// Barrier after an early return, really divergent: the threads past n leave (that alone is
// fine: exited threads do not count at barriers), but among the threads that stay, thread 0
// synchronises inside its own branch while the others wait at the next barrier.
// LAUNCH: kernel=block_offsets grid=1 block=64 args=i32[1]=1000,i32[40],i32=40

__global__ void block_offsets(const int* base_of_block, int* offsets, int n)
{
    __shared__ int base;
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;                    // fine: exited threads do not take part in barriers
    if (threadIdx.x == 0) {
        base = base_of_block[blockIdx.x];
        __syncthreads();                   // EXPECT-FAULT: barrier-divergence block=0 thread=0 "1 thread(s) wait at the barrier"
    }
    __syncthreads();
    offsets[i] = base + threadIdx.x;
}
