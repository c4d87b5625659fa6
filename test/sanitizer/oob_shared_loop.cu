// Out-of-bounds on SHARED memory, in a loop: a block stages a 128-element window (its 64 values
// plus a 64-element halo) with a block-stride loop whose bound is off by one, so thread 0 writes
// window[128] on its third trip.
// LAUNCH: kernel=window_sum grid=2 block=64 args=f32[256]=iota,f32[128]

#define WIN 128

__global__ void window_sum(const float* in, float* out)
{
    __shared__ float window[WIN];
    int base = blockIdx.x * blockDim.x;
    for (int j = threadIdx.x; j <= WIN; j += blockDim.x) {     // BUG: j < WIN
        window[j] = in[base + j];                              // EXPECT-FAULT: out-of-bounds block=0 thread=0 "shared buffer"
    }
    __syncthreads();
    out[base + threadIdx.x] = window[threadIdx.x] + window[threadIdx.x + 64];
}
