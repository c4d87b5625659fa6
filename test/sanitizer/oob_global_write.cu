// Out-of-bounds WRITE of global memory: the same off-by-one guard on a kernel that only
// writes (a fill), so the first bad access is the store of thread n.
// LAUNCH: kernel=fill_ramp grid=4 block=32 args=f32[100],i32=100,f32=0.5

__global__ void fill_ramp(float* out, int n, float step)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i <= n)                          // BUG: should be i < n
        out[i] = step * i;               // EXPECT-FAULT: out-of-bounds block=3 thread=4 "out-of-bounds store of 4 bytes at byte offset 400 (index 100)"
}
