// RUN: not kcc %s -fsyntax-only
__global__ void warp_sum(float* x) {
  float v = x[threadIdx.x];
  for (int off = 16; off > 0; off /= 2) v += __shfl_down(v, off);
  if (threadIdx.x % 32 == 0) x[threadIdx.x] = v;
}
