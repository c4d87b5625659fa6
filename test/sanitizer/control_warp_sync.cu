// Control (no bug): the warp-synchronous tail of a reduction done right, with __syncwarp()
// between the steps, and a shuffle reduction with a full mask reached by every lane.
// LAUNCH: kernel=block_sum grid=1 block=64 args=f32[64]=iota,f32[2]
// EXPECT-NO-FAULT

__global__ void block_sum(const float* in, float* out)
{
    __shared__ float s[64];
    unsigned tid = threadIdx.x;
    s[tid] = in[tid];
    __syncthreads();
    if (tid < 32) {
        for (unsigned k = 32; k > 0; k >>= 1) {
            float x = s[tid] + s[tid + k];
            __syncwarp();
            s[tid] = x;
            __syncwarp();
        }
    }
    if (tid == 0) out[0] = s[0];
    if (tid < 32) {
        float v = in[tid] + in[tid + 32];
        for (int off = 16; off > 0; off >>= 1) v += __shfl_down_sync(0xffffffffu, v, off);
        if (tid == 0) out[1] = v;
    }
}
