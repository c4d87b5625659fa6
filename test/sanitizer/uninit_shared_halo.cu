// Read of uninitialised shared memory: a 3-point stencil stages its block's values in shared
// memory but forgets to load the two halo cells before the barrier, so thread 0 reads tile[0].
// LAUNCH: kernel=blur3 grid=2 block=32 args=f32[64]=iota,f32[64]

#define B 32

__global__ void blur3(const float* in, float* out)
{
    __shared__ float tile[B + 2];
    int i = blockIdx.x * B + threadIdx.x;
    tile[threadIdx.x + 1] = in[i];
    // BUG: the halo tile[0] and tile[B + 1] are never loaded
    __syncthreads();
    out[i] = (tile[threadIdx.x] + tile[threadIdx.x + 1] + tile[threadIdx.x + 2]) / 3.0f;   // EXPECT-FAULT: uninitialized-read block=0 thread=0 "index 0) of"
}
