// Warp-synchronous code relying on implicit lockstep: the last warp of a reduction runs
// without __syncwarp() through a volatile pointer, as pre-Volta code did. With independent
// thread scheduling, lanes are not in lockstep: lane t may read v[t + s] before its owner
// added into it.
// LAUNCH: kernel=block_sum grid=1 block=64 args=f32[64]=iota,f32[1]

__global__ void block_sum(const float* in, float* out)
{
    __shared__ float s[64];
    unsigned tid = threadIdx.x;
    s[tid] = in[tid];
    __syncthreads();
    if (tid < 32) {
        volatile float* v = s;
        for (unsigned k = 32; k > 0; k >>= 1) v[tid] += v[tid + k];   // EXPECT-FAULT: data-race block=0 thread=1 "same warp: implicit warp lockstep is not guaranteed"
        // BUG: needs __syncwarp() between the steps
    }
    if (tid == 0) out[0] = s[0];
}
