// Control (no bug): threads past n return early and the rest meet at barriers; exited threads
// do not count, so this is not barrier divergence. The reduction reads only live slots, shared
// memory is initialised before it is read, and the global result is merged with an atomic.
// LAUNCH: kernel=sum_tail grid=2 block=64 args=f32[100]=ones,f32[1],i32=100
// EXPECT-NO-FAULT

__global__ void sum_tail(const float* in, float* total, int n)
{
    __shared__ float s[64];
    unsigned tid = threadIdx.x;
    int i = blockIdx.x * blockDim.x + tid;
    s[tid] = 0.0f;
    __syncthreads();
    if (i >= n) return;
    s[tid] = in[i];
    __syncthreads();
    for (unsigned stride = 32; stride > 0; stride >>= 1) {
        if (tid < stride && i + stride < n) s[tid] += s[tid + stride];
        __syncthreads();
    }
    if (tid == 0) atomicAdd(total, s[0]);
}
