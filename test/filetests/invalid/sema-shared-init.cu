// RUN: not kcc %s -fsyntax-only
__global__ void block_sum(const float* in, float* out) {
  __shared__ float partial = 0.0f;
  atomicAdd(&partial, in[threadIdx.x]);
  __syncthreads();
  if (threadIdx.x == 0) out[blockIdx.x] = partial;
}
