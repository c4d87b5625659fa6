// Out-of-bounds READ of global memory: an off-by-one guard (`<=` for `<`) lets thread n read
// in[n], one past the end. n = 100 is not a multiple of the block, so block 1 has threads past it.
// LAUNCH: kernel=scale grid=2 block=64 args=f32[100]=iota,f32[101],i32=100

__global__ void scale(const float* in, float* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i <= n) {                       // BUG: should be i < n (out has room for n + 1)
        float v = in[i];                // EXPECT-FAULT: out-of-bounds block=1 thread=36 "index 100) of global buffer 'in'"
        out[i] = 2.0f * v;
    }
}
