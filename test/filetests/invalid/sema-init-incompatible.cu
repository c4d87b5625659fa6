// RUN: not kcc %s -fsyntax-only
__global__ void copy(const float* in, float* out, int n) {
  float* src = in;
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = src[i];
}
