// Barrier divergence: the first half-warp computes per-block coefficients and synchronises
// inside its branch; the other 48 threads wait at the later barrier, so the two groups wait at
// different barriers and neither can complete.
// LAUNCH: kernel=apply_coeffs grid=2 block=64 args=f32[128]=iota,f32[16]=ones,f32[128]

__global__ void apply_coeffs(const float* in, const float* w, float* out)
{
    __shared__ float coef[16];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (threadIdx.x < 16) {
        coef[threadIdx.x] = w[threadIdx.x] * 0.5f;
        __syncthreads();                             // EXPECT-FAULT: barrier-divergence block=0 thread=0 "16 thread(s) wait at the barrier"
    }
    __syncthreads();
    out[i] = in[i] * coef[threadIdx.x % 16];
}
