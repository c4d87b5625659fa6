// Data race on shared memory: a tree reduction without the __syncthreads() between steps, so
// a thread reads s[tid + stride] while its owner may still be adding into it.
// LAUNCH: kernel=block_sum grid=1 block=128 args=f32[128]=iota,f32[1]

__global__ void block_sum(const float* in, float* out)
{
    __shared__ float s[128];
    unsigned tid = threadIdx.x;
    s[tid] = in[blockIdx.x * blockDim.x + tid];
    __syncthreads();
    for (unsigned stride = blockDim.x / 2; stride > 0; stride >>= 1) {
        if (tid < stride) s[tid] += s[tid + stride];   // EXPECT-FAULT: data-race block=0 thread=1 "write conflicts with a read by thread (0,0,0) of the same block, in the same barrier interval"
        // BUG: missing __syncthreads() here
    }
    if (tid == 0) out[blockIdx.x] = s[0];
}
