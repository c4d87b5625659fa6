// RUN: not kcc %s -fsyntax-only
__global__ void stage(const float* in, float* out, int n) {
  extern __shared__ float buffer[256];
  buffer[threadIdx.x] = in[threadIdx.x];
  __syncthreads();
  out[threadIdx.x] = buffer[n - 1 - threadIdx.x];
}
